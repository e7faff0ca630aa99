//! Writing a file so that no crash loses it: a temp file in the same
//! directory, written and synced, the previous version kept as
//! `<file>.bak` the same way, then one rename over the old file. A test's
//! fault hook can stop any step, like an I/O error or a killed process.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// The steps of a save, in order; a test's fault hook can stop any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemp,
    /// After this step half of the new text is in the temp file.
    WriteStart,
    WriteRest,
    Sync,
    /// Copying the previous version into a temp file beside `<file>.bak`.
    BackupWrite,
    BackupReplace,
    /// Renaming the new file over the old one: the commit point.
    Replace,
    SyncDir,
}

impl SaveStep {
    pub const ALL: [SaveStep; 8] = [
        SaveStep::CreateTemp,
        SaveStep::WriteStart,
        SaveStep::WriteRest,
        SaveStep::Sync,
        SaveStep::BackupWrite,
        SaveStep::BackupReplace,
        SaveStep::Replace,
        SaveStep::SyncDir,
    ];

    pub(crate) fn doing(self) -> &'static str {
        match self {
            SaveStep::CreateTemp => "creating a temporary file",
            SaveStep::WriteStart | SaveStep::WriteRest => "writing",
            SaveStep::Sync => "syncing to disk",
            SaveStep::BackupWrite | SaveStep::BackupReplace => "keeping the previous version",
            SaveStep::Replace => "replacing the old file",
            SaveStep::SyncDir => "syncing the directory",
        }
    }
}

/// What a fault hook does to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Run the step.
    Go,
    /// Fail the step like an I/O error would; temp files are cleaned up.
    Fail,
    /// Stop dead like a killed process: temp files stay where they are.
    Crash,
}

pub(crate) enum Failure {
    /// Stopped by a fault hook.
    Hook,
    /// Stopped by a fault hook like a killed process: nothing cleaned up.
    Crash,
    Io(io::Error),
}

pub(crate) type StepResult = Result<(), (SaveStep, Failure)>;

#[derive(Default)]
struct Temps {
    new: Option<NamedTempFile>,
    bak: Option<NamedTempFile>,
}

/// Writes `bytes` to `path` so that a crash at any step leaves the old
/// file or the new one whole. When `creating`, an existing file is never
/// replaced.
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    creating: bool,
    faults: &mut dyn FnMut(SaveStep) -> Fault,
) -> StepResult {
    let mut temps = Temps::default();
    let result = write_steps(path, bytes, creating, faults, &mut temps);
    if let Err((_, Failure::Crash)) = &result {
        // A killed process cleans nothing up: leave the temp files, so
        // tests see what a real crash leaves behind.
        if let Some(t) = temps.new.take() {
            let _ = t.keep();
        }
        if let Some(t) = temps.bak.take() {
            let _ = t.keep();
        }
    }
    result
}

fn write_steps(
    path: &Path,
    bytes: &[u8],
    creating: bool,
    faults: &mut dyn FnMut(SaveStep) -> Fault,
    temps: &mut Temps,
) -> StepResult {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut step = |s: SaveStep| -> StepResult {
        match faults(s) {
            Fault::Go => Ok(()),
            Fault::Fail => Err((s, Failure::Hook)),
            Fault::Crash => Err((s, Failure::Crash)),
        }
    };
    let io = |s: SaveStep| move |e: io::Error| (s, Failure::Io(e));
    // A temporary file made in an earlier step, taken to be persisted.
    let take = |slot: &mut Option<NamedTempFile>, s: SaveStep| {
        slot.take()
            .ok_or_else(|| io::Error::other("the temporary file is gone"))
            .map_err(io(s))
    };

    step(SaveStep::CreateTemp)?;
    let t = temps
        .new
        .insert(new_temp(&dir).map_err(io(SaveStep::CreateTemp))?);
    let half = bytes.len() / 2;
    step(SaveStep::WriteStart)?;
    t.write_all(&bytes[..half])
        .map_err(io(SaveStep::WriteStart))?;
    step(SaveStep::WriteRest)?;
    t.write_all(&bytes[half..])
        .and_then(|()| t.flush())
        .map_err(io(SaveStep::WriteRest))?;
    step(SaveStep::Sync)?;
    t.as_file().sync_all().map_err(io(SaveStep::Sync))?;

    if !creating && path.exists() {
        // The backup goes through its own temp file, so a crash while
        // copying leaves the previous backup whole.
        step(SaveStep::BackupWrite)?;
        let old = fs::read(path).map_err(io(SaveStep::BackupWrite))?;
        let b = temps
            .bak
            .insert(new_temp(&dir).map_err(io(SaveStep::BackupWrite))?);
        b.write_all(&old)
            .and_then(|()| b.as_file().sync_all())
            .map_err(io(SaveStep::BackupWrite))?;
        step(SaveStep::BackupReplace)?;
        let b = take(&mut temps.bak, SaveStep::BackupReplace)?;
        b.persist(backup_path(path))
            .map_err(|e| (SaveStep::BackupReplace, Failure::Io(e.error)))?;
    }

    step(SaveStep::Replace)?;
    let t = take(&mut temps.new, SaveStep::Replace)?;
    let persisted = if creating {
        match t.persist_noclobber(path) {
            // Some file systems (FAT on a USB stick) cannot refuse to
            // clobber; the id is fresh, so a plain rename is safe when
            // nothing is there.
            Err(e) if e.error.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
                e.file.persist(path)
            }
            other => other,
        }
    } else {
        t.persist(path)
    };
    persisted.map_err(|e| (SaveStep::Replace, Failure::Io(e.error)))?;

    // The rename is done; a directory that cannot be synced (some file
    // systems refuse) does not undo it.
    step(SaveStep::SyncDir)?;
    sync_dir(&dir);
    Ok(())
}

fn new_temp(dir: &Path) -> io::Result<NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".nunki-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(fs::Permissions::from_mode(0o600));
    }
    b.tempfile_in(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Windows cannot open a directory as a file without extra flags, and
/// NTFS makes the rename durable with the file's metadata.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// `<file>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}
