//! One writer per session: an OS lock on `<session>.lock`, with the
//! holder's user, pid, host and start time written into it so a second
//! nunki can say who has the session open.
//!
//! The OS lock (`File::try_lock`) is the truth; the text is only for
//! people. The OS drops the lock when a process dies, so a lock file that
//! still names a holder but can be locked was left by a nunki that is gone:
//! it is taken over, with a notice. A clean release empties the file. Lock
//! files are never deleted: deleting one that another process has open
//! would let two writers lock two different files of the same name.

use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Who holds (or held) a session lock, as far as the lock file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holder {
    pub pid: Option<u32>,
    pub user: Option<String>,
    pub host: Option<String>,
    pub since: Option<jiff::Timestamp>,
}

impl Holder {
    /// This process, now.
    pub fn current(now: jiff::Timestamp) -> Holder {
        Holder {
            pid: Some(std::process::id()),
            user: env_text(&["USER", "USERNAME", "LOGNAME"]),
            host: host_name(),
            since: Some(now),
        }
    }

    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(pid) = self.pid {
            out.push_str(&format!("pid={pid}\n"));
        }
        if let Some(user) = &self.user {
            out.push_str(&format!("user={}\n", one_line(user)));
        }
        if let Some(host) = &self.host {
            out.push_str(&format!("host={}\n", one_line(host)));
        }
        if let Some(since) = self.since {
            out.push_str(&format!("since={since}\n"));
        }
        out
    }

    /// Reads what a lock file says; `None` when it names nobody. Lenient:
    /// the text is for people, so a damaged line is skipped.
    pub fn parse(text: &str) -> Option<Holder> {
        let mut h = Holder::default();
        for line in text.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "pid" => h.pid = value.parse().ok(),
                "user" if !value.is_empty() => h.user = Some(value.to_string()),
                "host" if !value.is_empty() => h.host = Some(value.to_string()),
                "since" => h.since = value.parse().ok(),
                _ => {}
            }
        }
        (h != Holder::default()).then_some(h)
    }
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(pid) = self.pid {
            parts.push(format!("pid {pid}"));
        }
        if let Some(host) = &self.host {
            parts.push(format!("on {host}"));
        }
        if let Some(since) = self.since {
            parts.push(format!("since {}", local_time(since)));
        }
        match &self.user {
            Some(user) if parts.is_empty() => write!(f, "{user}"),
            Some(user) => write!(f, "{user}, {}", parts.join(" ")),
            None if parts.is_empty() => write!(f, "an unknown process"),
            None => write!(f, "{}", parts.join(" ")),
        }
    }
}

/// A time as the person at this laptop reads it.
pub fn local_time(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn env_text(names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|n| std::env::var(n).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

/// The machine's name, best effort: std has no portable call for it.
fn host_name() -> Option<String> {
    env_text(&["COMPUTERNAME", "HOSTNAME"]).or_else(|| {
        ["/proc/sys/kernel/hostname", "/etc/hostname"]
            .iter()
            .filter_map(|p| fs::read_to_string(p).ok())
            .map(|s| s.trim().to_string())
            .find(|s| !s.is_empty())
    })
}

/// `<session file>.lock`, next to the session.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// A held session lock; dropping it empties the lock file and unlocks.
#[derive(Debug)]
pub struct LockGuard {
    file: File,
    path: PathBuf,
    /// False when the file system cannot lock (some network shares): the
    /// session is writable, but nothing stops a second writer.
    pub os_lock: bool,
}

impl LockGuard {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        // Empty first: a lock file that still names a holder after the OS
        // lock is gone means that holder died, and the next nunki says so.
        let _ = self.file.set_len(0);
        let _ = self.file.sync_data();
        if SIDECAR {
            let _ = fs::write(sidecar_path(&self.path), "");
        }
        if self.os_lock {
            let _ = self.file.unlock();
        }
    }
}

/// The outcome of trying to lock a session.
#[derive(Debug)]
pub enum Acquired {
    /// The session is ours; `took_over` names a holder that had died.
    Held {
        guard: LockGuard,
        took_over: Option<Holder>,
    },
    /// Another nunki has it (who, if its lock file can be read).
    Busy(Option<Holder>),
}

/// Tries to lock the session at `session` for this process. An error
/// says what failed (the lock file cannot be created, is a symbolic link,
/// the disk is full): it is never another nunki, which is `Busy`.
pub fn acquire(session: &Path, now: jiff::Timestamp) -> io::Result<Acquired> {
    let path = lock_path(session);
    let mut file = open_lock_file(&path)?;
    let os_lock = match file.try_lock() {
        Ok(()) => true,
        Err(TryLockError::WouldBlock) => return Ok(Acquired::Busy(read_holder(&path))),
        Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => false,
        Err(TryLockError::Error(e)) => {
            return Err(io::Error::new(
                e.kind(),
                format!("cannot lock {}: {e}", path.display()),
            ));
        }
    };
    let mut previous = String::new();
    // A lock file that is not valid text names nobody we could show.
    let _ = (&mut file).take(MAX_HOLDER).read_to_string(&mut previous);
    let took_over = Holder::parse(&previous);
    let holder = Holder::current(now).to_text();
    file.set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| file.write_all(holder.as_bytes()))
        .and_then(|()| file.sync_data())
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot write the lock file {}: {e}", path.display()),
            )
        })?;
    if SIDECAR {
        // Only a courtesy for the next nunki's message: failing to write
        // it does not make the lock any less ours.
        let _ = fs::write(sidecar_path(&path), &holder);
    }
    Ok(Acquired::Held {
        guard: LockGuard {
            file,
            path,
            os_lock,
        },
        took_over,
    })
}

/// Opens (or creates) a lock file without following a symbolic link: a
/// link planted at `<session>.lock` would otherwise have its target
/// truncated, or a dangling one create a file wherever it points. std
/// has no `O_NOFOLLOW`; a new file is made with `create_new` (which never
/// follows a link), and an existing one is checked to be a plain file
/// before it is opened and to be that same file after.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let shown = path.display();
    let refuse = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "the lock file {shown} is {what}; nunki only uses a plain file there: remove it and try again"
            ),
        )
    };
    // Twice at most: another nunki may create the file between our look
    // and our `create_new`.
    for _ in 0..2 {
        let before = match fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match options.clone().create_new(true).open(path) {
                    Ok(f) => return Ok(f),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        return Err(io::Error::new(
                            e.kind(),
                            format!("cannot create the lock file {shown}: {e}"),
                        ));
                    }
                }
            }
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("cannot look at the lock file {shown}: {e}"),
                ));
            }
        };
        if before.file_type().is_symlink() {
            return Err(refuse("a symbolic link"));
        }
        if !before.is_file() {
            return Err(refuse("not a regular file"));
        }
        let file = options.open(path).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot open the lock file {shown}: {e}"))
        })?;
        if !same_file(&before, &file.metadata()?) {
            return Err(refuse("being replaced by something else"));
        }
        return Ok(file);
    }
    Err(refuse("created and removed again and again"))
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, b: &fs::Metadata) -> bool {
    b.is_file()
}

/// Who the lock file of a session names (or, where a held lock cannot be
/// read, its sidecar).
pub fn read_holder(lock: &Path) -> Option<Holder> {
    let read = |p: &Path| {
        let mut text = String::new();
        File::open(p)
            .and_then(|f| f.take(MAX_HOLDER).read_to_string(&mut text))
            .ok()
            .and_then(|_| Holder::parse(&text))
    };
    read(lock).or_else(|| read(&sidecar_path(lock)))
}

/// A holder's details are a few short lines; more is not a lock file.
const MAX_HOLDER: u64 = 4096;

/// Windows locks are mandatory: while one nunki holds `<file>.lock`, no
/// other process can read it. There the holder's details also go to
/// `<file>.lock.who`, which nobody locks.
const SIDECAR: bool = cfg!(windows);

fn sidecar_path(lock: &Path) -> PathBuf {
    let mut name = lock.as_os_str().to_owned();
    name.push(".who");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_text_round_trips_and_skips_damage() {
        let now: jiff::Timestamp = "2025-01-14T09:30:00Z".parse().expect("timestamp");
        let h = Holder {
            pid: Some(42),
            user: Some("anna".into()),
            host: Some("laptop\nx".into()),
            since: Some(now),
        };
        let back = Holder::parse(&h.to_text()).expect("a holder");
        assert_eq!(back.pid, Some(42));
        assert_eq!(back.host.as_deref(), Some("laptop x"));
        assert_eq!(back.since, Some(now));
        assert_eq!(Holder::parse(""), None);
        assert_eq!(Holder::parse("garbage\n\u{0}"), None);
        assert_eq!(
            Holder::parse("pid=7\nnonsense").and_then(|h| h.pid),
            Some(7)
        );
    }

    #[test]
    fn the_holder_is_read_from_the_sidecar_when_the_lock_file_says_nothing() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let lock = dir.path().join("s.ron.lock");
        fs::write(&lock, "").expect("write");
        assert_eq!(read_holder(&lock), None);
        fs::write(sidecar_path(&lock), "pid=12\nhost=box\n").expect("write");
        assert_eq!(read_holder(&lock).and_then(|h| h.pid), Some(12));
        fs::write(&lock, "pid=34\n").expect("write");
        assert_eq!(read_holder(&lock).and_then(|h| h.pid), Some(34));
    }
}
