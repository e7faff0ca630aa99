//! The sessions directory: listing, finding, creating, opening (with one
//! writer at a time) and saving sessions so that no crash loses work.
//!
//! A save writes a temp file in the same directory, syncs it, copies the
//! previous version to `<file>.bak` the same way, then renames the new file
//! over the old one. A crash at any step leaves the old file or the new
//! one whole. A file that does not parse is reported with its line and
//! column and never written to. This module is the shell: it reads the
//! clock and touches the disk; deciding what goes in a session is
//! `model`'s job.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{Failure, write_atomic};
pub use super::atomic::{Fault, SaveStep, backup_path};
use super::changes::{self, Change};
use super::file::{self, LoadError};
use super::lock::{self, Acquired, Holder, LockGuard};
use super::model::{Customer, FORMAT, ScopeSummary, Session};
use super::names;
use super::templates::Template;
use crate::engine::{Answer, AnswerProblem, check_answers};
use crate::knowledge::{Diagnostic, Knowledge, Severity};
use crate::printable::printable;
use crate::sources::Places;

/// Every way the store can fail. Bad files and selectors are the user's
/// to fix (`is_input`); the rest is the file system.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a session; it is left exactly as it is.
    #[error("{}", corrupt_message(path, diagnostic, backup.as_deref()))]
    Corrupt {
        path: PathBuf,
        diagnostic: Box<Diagnostic>,
        /// The previous version, when it exists and reads well.
        backup: Option<PathBuf>,
    },
    #[error(
        "{} was written by a newer nunki (session format {format}; this nunki reads format {FORMAT} and older). \
Update nunki to open it; the file was left as it is.",
        path.display()
    )]
    TooNew { path: PathBuf, format: u32 },
    #[error("{}", not_found_message(selector, dir))]
    NotFound { selector: String, dir: PathBuf },
    #[error("{}", ambiguous_message(selector, candidates))]
    Ambiguous {
        selector: String,
        candidates: Vec<Candidate>,
    },
    /// Saving a session another nunki holds.
    #[error(
        "{} is open in another nunki ({}); it can only be read until that one closes it",
        path.display(),
        holder_words(holder.as_ref())
    )]
    ReadOnly {
        path: PathBuf,
        holder: Option<Holder>,
    },
    /// Answers (of a template, a file or the command line) the knowledge refuses.
    #[error("{}", answers_message(origin, problems))]
    Answers {
        origin: String,
        problems: Vec<AnswerProblem>,
    },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
    /// A session file that is a FIFO, a device or too large to be one.
    #[error("{0}")]
    File(crate::files::ReadError),
    /// A symbolic link in the sessions directory: not followed, since it
    /// could point anywhere.
    #[error(
        "{} is a symbolic link; nunki does not follow links in the sessions directory: \
put the session file itself there, or open it by its own path",
        path.display()
    )]
    Symlink { path: PathBuf },
    /// The session's lock file could not be made or used: the session was
    /// not changed, and no other nunki is to blame.
    #[error(
        "cannot lock {} to change it: {source}; nothing was changed",
        path.display()
    )]
    Lock {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A save stopped on purpose by a test's fault hook.
    #[error("the save was interrupted at step {step:?}")]
    Interrupted { step: SaveStep },
}

impl StoreError {
    /// True when the user's input (a file, a name, an answer) is at fault,
    /// as opposed to the file system or another nunki.
    pub fn is_input(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. }
                | StoreError::TooNew { .. }
                | StoreError::NotFound { .. }
                | StoreError::Ambiguous { .. }
                | StoreError::Answers { .. }
                | StoreError::File(_)
                | StoreError::Symlink { .. }
        )
    }

    fn io(context: impl Into<String>, source: io::Error) -> StoreError {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}

/// One session a selector could mean.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: String,
    pub customer: String,
    pub path: PathBuf,
}

fn corrupt_message(path: &Path, d: &Diagnostic, backup: Option<&Path>) -> String {
    let mut out = d.bare().to_string();
    out.push_str("\n  the session file was left as it is: fix it at that spot in an editor");
    match backup {
        Some(bak) => {
            let copy = if cfg!(windows) { "copy /Y" } else { "cp" };
            out.push_str(&format!(
                ",\n  or go back to the previous version, saved as {}:\n      {copy} \"{}\" \"{}\"",
                bak.display(),
                bak.display(),
                path.display()
            ));
        }
        None => out.push_str(" (there is no readable backup of it)"),
    }
    out
}

fn not_found_message(selector: &str, dir: &Path) -> String {
    format!(
        "no session matches `{selector}` in {}; run `nunki sessions` to list them, \
or give the path of a session file",
        dir.display()
    )
}

fn ambiguous_message(selector: &str, candidates: &[Candidate]) -> String {
    let lines: Vec<String> = candidates
        .iter()
        .map(|c| {
            // Pad by display width, so names in any script line up.
            let customer = printable(&c.customer);
            let width = unicode_width::UnicodeWidthStr::width(&*customer);
            let pad = " ".repeat(30usize.saturating_sub(width));
            format!(
                "  {:<16} {customer}{pad} {}",
                printable(&c.id),
                printable(&c.path.display().to_string())
            )
        })
        .collect();
    format!(
        "`{selector}` matches {} sessions; give more of the id or the customer:\n{}",
        candidates.len(),
        lines.join("\n")
    )
}

fn holder_words(holder: Option<&Holder>) -> String {
    holder.map_or_else(
        || "its details cannot be read".to_string(),
        Holder::to_string,
    )
}

fn answers_message(origin: &str, problems: &[AnswerProblem]) -> String {
    format!(
        "{origin}: {} invalid answer{}:\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        crate::knowledge::problem_list(problems)
    )
}

/// A session file found in the directory.
#[derive(Debug, Clone)]
pub struct Listing {
    pub path: PathBuf,
    pub session: Session,
}

impl Listing {
    /// The worst flag when it was last saved; the current knowledge may
    /// say otherwise (`session.evaluate`).
    pub fn saved_worst(&self) -> Option<Severity> {
        self.session.last_scope.as_ref().and_then(|s| s.worst)
    }
}

/// A file in the directory that is not a readable session.
#[derive(Debug)]
pub struct Broken {
    pub path: PathBuf,
    pub error: StoreError,
}

/// The directory's sessions, newest first, and the files that failed.
#[derive(Debug, Default)]
pub struct Listings {
    pub sessions: Vec<Listing>,
    pub broken: Vec<Broken>,
    /// What the listing did or found about the directory itself.
    pub notices: Vec<String>,
}

/// A session opened for work.
#[derive(Debug)]
pub struct Opened {
    pub session: Session,
    pub path: PathBuf,
    /// `None`: read-only, because another nunki holds the session (see
    /// `holder`) or it could not be locked (see `notices`).
    pub lock: Option<LockGuard>,
    /// Who holds the session when it was opened read-only.
    pub holder: Option<Holder>,
    /// Why the session could not be locked when no other nunki holds it
    /// (the lock file cannot be created, the disk is full …).
    pub lock_error: Option<io::Error>,
    /// Answers the current knowledge refuses. They stay in the file;
    /// those with `is_orphan()` name a question or option that is gone.
    pub problems: Vec<AnswerProblem>,
    /// What changed for this session since the knowledge it was saved
    /// with (empty when the knowledge is the same).
    pub changes: Vec<Change>,
    /// Everything above in words, for a status line or stderr.
    pub notices: Vec<String>,
    /// The session as last read or written, to tell unsaved changes.
    saved: Session,
}

impl Opened {
    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// True when the session differs from what is on disk.
    pub fn is_dirty(&self) -> bool {
        self.session != self.saved
    }

    /// Why this session cannot be saved: another nunki has it, or it
    /// could not be locked (and then what failed).
    pub fn why_read_only(&self) -> StoreError {
        match &self.lock_error {
            Some(e) => StoreError::Lock {
                path: self.path.clone(),
                source: io::Error::new(e.kind(), e.to_string()),
            },
            None => StoreError::ReadOnly {
                path: self.path.clone(),
                holder: self.holder.clone(),
            },
        }
    }

    /// The orphaned answers: kept, shown, never dropped.
    pub fn orphans(&self) -> impl Iterator<Item = &AnswerProblem> {
        self.problems.iter().filter(|p| p.is_orphan())
    }
}

/// What a new session starts with.
#[derive(Debug, Clone, Default)]
pub struct NewSession {
    pub customer: Customer,
    pub template: Option<Template>,
    /// Answers on top of the template's; `answers_origin` names them in
    /// messages (a file path, "the command line").
    pub answers: BTreeMap<String, Answer>,
    pub answers_origin: String,
    /// The language of its proposal and interview.
    pub lang: crate::i18n::Lang,
    /// Who scopes it (from `config.ron`), if nunki knows.
    pub engineer: Option<super::Engineer>,
}

/// The sessions directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store in `Places::sessions_dir()`. Nothing is created until a
    /// session is.
    pub fn new(places: &Places) -> Store {
        Store::at(places.sessions_dir())
    }

    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every session file of the directory; unreadable ones are reported
    /// in `broken`, never skipped silently. A missing directory is empty.
    pub fn list(&self) -> Result<Listings, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Listings::default()),
            Err(e) => {
                return Err(StoreError::io(
                    format!("cannot list the sessions in {}", self.dir.display()),
                    e,
                ));
            }
        };
        let mut out = Listings::default();
        out.notices.extend(self.tighten_dir());
        let mut paths: Vec<PathBuf> = Vec::new();
        for e in entries.filter_map(Result::ok) {
            let path = e.path();
            if !is_session_file(&path) {
                continue;
            }
            match e.file_type() {
                Ok(t) if t.is_file() => paths.push(path),
                Ok(t) if t.is_symlink() => out.broken.push(Broken {
                    error: StoreError::Symlink { path: path.clone() },
                    path,
                }),
                // A FIFO or device named like a session is reported, never
                // opened: reading it could block forever.
                Ok(t) if !t.is_dir() => out.broken.push(Broken {
                    error: StoreError::File(crate::files::ReadError::NotAFile {
                        path: path.clone(),
                        kind: crate::files::kind_of(&t),
                    }),
                    path,
                }),
                _ => {}
            }
        }
        paths.sort();
        out.broken.sort_by(|a, b| a.path.cmp(&b.path));
        let loaded = crate::cores::in_parts(&paths, 64, |_, part| {
            part.iter().map(|p| load(p)).collect::<Vec<_>>()
        });
        for (path, loaded) in paths.into_iter().zip(loaded.into_iter().flatten()) {
            match loaded {
                Ok(session) => out.sessions.push(Listing { path, session }),
                Err(error) => out.broken.push(Broken { path, error }),
            }
        }
        out.sessions.sort_by(|a, b| {
            b.session
                .updated
                .cmp(&a.session.updated)
                .then_with(|| a.session.id.cmp(&b.session.id))
        });
        Ok(out)
    }

    /// The file a selector means: a path to a session file, or a unique
    /// prefix of a session's id, customer slug or file name.
    pub fn resolve(&self, selector: &str) -> Result<PathBuf, StoreError> {
        let not_found = || StoreError::NotFound {
            selector: selector.to_string(),
            dir: self.dir.clone(),
        };
        let selector_trim = selector.trim();
        if selector_trim.is_empty() {
            return Err(not_found());
        }
        let as_path = Path::new(selector_trim);
        if looks_like_path(selector_trim) || as_path.is_file() {
            return if as_path.is_file() {
                Ok(as_path.to_path_buf())
            } else {
                Err(not_found())
            };
        }
        let wanted = selector_trim.to_lowercase();
        let wanted_slug = names::slug_part(selector_trim);
        let listings = self.list()?;
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut exact: Vec<Candidate> = Vec::new();
        let stem = |p: &Path| {
            p.file_stem()
                .map(|s| s.to_string_lossy().to_lowercase())
                .unwrap_or_default()
        };
        let matches = |key: &str| {
            key.starts_with(&wanted) || (!wanted_slug.is_empty() && key.starts_with(&wanted_slug))
        };
        for l in &listings.sessions {
            let c = Candidate {
                id: l.session.id.clone(),
                customer: l.session.customer.name.clone(),
                path: l.path.clone(),
            };
            let keys = [
                l.session.id.to_lowercase(),
                names::slug(&l.session.customer.name),
                l.session.customer.name.to_lowercase(),
                stem(&l.path),
            ];
            if l.session.id.to_lowercase() == wanted {
                exact.push(c);
            } else if keys.iter().any(|k| matches(k)) {
                candidates.push(c);
            }
        }
        for b in &listings.broken {
            // The id of a broken file cannot be read, but its file name
            // `<slug>-<id>` still carries it: try each part after a dash.
            let stem = stem(&b.path);
            let parts = std::iter::once(0).chain(stem.match_indices('-').map(|(i, _)| i + 1));
            if parts.into_iter().any(|i| matches(&stem[i..])) {
                candidates.push(Candidate {
                    id: "(unreadable)".into(),
                    customer: String::new(),
                    path: b.path.clone(),
                });
            }
        }
        let chosen = if exact.is_empty() { candidates } else { exact };
        match <[Candidate; 1]>::try_from(chosen) {
            Ok([one]) => Ok(one.path),
            Err(chosen) if chosen.is_empty() => Err(not_found()),
            Err(chosen) => Err(StoreError::Ambiguous {
                selector: selector.to_string(),
                candidates: chosen,
            }),
        }
    }

    /// Starts a new session, saves it, and keeps it open for writing.
    pub fn create(&self, new: NewSession, knowledge: &Knowledge) -> Result<Opened, StoreError> {
        self.create_at(new, knowledge, now())
    }

    pub fn create_at(
        &self,
        new: NewSession,
        knowledge: &Knowledge,
        now: jiff::Timestamp,
    ) -> Result<Opened, StoreError> {
        if let Some(t) = &new.template {
            let problems = t.check(knowledge);
            if !problems.is_empty() {
                return Err(StoreError::Answers {
                    origin: format!("template {}", t.id),
                    problems,
                });
            }
        }
        let problems = check_answers(knowledge, &new.answers).1;
        if !problems.is_empty() {
            return Err(StoreError::Answers {
                origin: new.answers_origin.clone(),
                problems,
            });
        }
        self.ensure_dir()?;
        let listings = self.list()?;
        let dir = self.dir.clone();
        let customer_name = new.customer.name.clone();
        let id = names::new_id(now, |id| {
            listings.sessions.iter().any(|l| l.session.id == id)
                || dir.join(names::file_name(&customer_name, id)).exists()
        });
        let mut session = Session::new(id, new.customer, now, knowledge);
        session.lang = new.lang;
        if let Some(t) = new.template {
            session.answers = t.answers;
            session.notes = t.notes;
            session.template = Some(t.id);
        }
        session.answers.extend(new.answers);
        session.engineer = new.engineer;
        let path = self
            .dir
            .join(names::file_name(&session.customer.name, &session.id));
        let guard = match lock::acquire(&path, now).map_err(|source| StoreError::Lock {
            path: path.clone(),
            source,
        })? {
            Acquired::Held { guard, .. } => guard,
            // Only a nunki racing us to the very same new id can hold it.
            Acquired::Busy(holder) => return Err(StoreError::ReadOnly { path, holder }),
        };
        let mut opened = Opened {
            saved: session.clone(),
            session,
            path,
            lock: Some(guard),
            holder: None,
            lock_error: None,
            problems: Vec::new(),
            changes: Vec::new(),
            notices: Vec::new(),
        };
        save_inner(&mut opened, knowledge, now, &mut |_| Fault::Go, true)?;
        Ok(opened)
    }

    /// Opens a session for work: locked for this nunki, or read-only with
    /// a notice naming the holder when another nunki has it.
    pub fn open(&self, selector: &str, knowledge: &Knowledge) -> Result<Opened, StoreError> {
        let path = self.resolve(selector)?;
        self.open_path(&path, knowledge, now())
    }

    pub fn open_path(
        &self,
        path: &Path,
        knowledge: &Knowledge,
        now: jiff::Timestamp,
    ) -> Result<Opened, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotFound {
                selector: path.display().to_string(),
                dir: self.dir.clone(),
            });
        }
        let mut notices = Vec::new();
        let mut lock_error = None;
        // Lock before reading, so what we read is what no one else writes.
        let (guard, holder) = match lock::acquire(path, now) {
            Ok(Acquired::Held { guard, took_over }) => {
                if let Some(dead) = took_over {
                    notices.push(format!(
                        "took over the lock of {}: the nunki that held it ({dead}) is no longer running",
                        path.display()
                    ));
                }
                if !guard.os_lock {
                    notices.push(format!(
                        "the file system of {} cannot lock files: make sure no other nunki edits this session",
                        path.display()
                    ));
                }
                (Some(guard), None)
            }
            Ok(Acquired::Busy(holder)) => {
                notices.push(format!(
                    "{} is open in another nunki ({}): opened read-only",
                    path.display(),
                    holder_words(holder.as_ref())
                ));
                (None, holder)
            }
            Err(e) => {
                notices.push(format!("{e}: opened read-only"));
                lock_error = Some(e);
                (None, None)
            }
        };
        let session = load(path)?;
        let mut opened = describe(session, path, guard, holder, notices, knowledge);
        opened.lock_error = lock_error;
        Ok(opened)
    }

    /// Opens a session to look at it, without locking it (`check --session`).
    pub fn read(&self, selector: &str, knowledge: &Knowledge) -> Result<Opened, StoreError> {
        let path = self.resolve(selector)?;
        let session = load(&path)?;
        Ok(describe(session, &path, None, None, Vec::new(), knowledge))
    }

    /// Saves atomically, keeping the previous version as `<file>.bak`;
    /// updates `updated`, `knowledge_version` and `last_scope`.
    pub fn save(&self, opened: &mut Opened, knowledge: &Knowledge) -> Result<(), StoreError> {
        save_inner(opened, knowledge, now(), &mut |_| Fault::Go, false)
    }

    /// `save` with the clock and a fault hook in the caller's hands (tests).
    pub fn save_with(
        &self,
        opened: &mut Opened,
        knowledge: &Knowledge,
        now: jiff::Timestamp,
        faults: &mut dyn FnMut(SaveStep) -> Fault,
    ) -> Result<(), StoreError> {
        save_inner(opened, knowledge, now, faults, false)
    }

    fn ensure_dir(&self) -> Result<(), StoreError> {
        if self.dir.is_dir() {
            return Ok(());
        }
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(&self.dir).map_err(|e| {
            StoreError::io(
                format!(
                    "cannot create the sessions directory {}",
                    self.dir.display()
                ),
                e,
            )
        })
    }
}

impl Store {
    /// Sessions are private (0700): a directory others can read or write
    /// is tightened, or reported when that fails.
    #[cfg(unix)]
    fn tighten_dir(&self) -> Option<String> {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(&self.dir).ok()?;
        let mode = meta.permissions().mode() & 0o777;
        if !meta.is_dir() || mode & 0o077 == 0 {
            return None;
        }
        let shown = self.dir.display();
        Some(
            match fs::set_permissions(&self.dir, fs::Permissions::from_mode(mode & 0o700)) {
                Ok(()) => format!(
                    "the sessions directory {shown} was open to others ({mode:o}); \
nunki made it private ({:o})",
                    mode & 0o700
                ),
                Err(e) => format!(
                    "the sessions directory {shown} is open to others ({mode:o}) and nunki \
cannot change that ({e}): run `chmod 700 {shown}`"
                ),
            },
        )
    }

    #[cfg(not(unix))]
    fn tighten_dir(&self) -> Option<String> {
        None
    }
}

/// The clock, read here in the shell only, to the second: a session file
/// is read by people, and nanoseconds are noise to them.
pub fn now() -> jiff::Timestamp {
    let t = jiff::Timestamp::now();
    jiff::Timestamp::from_second(t.as_second()).unwrap_or(t)
}

/// Whether a selector names a file rather than an id or customer.
fn looks_like_path(s: &str) -> bool {
    s.contains('/') || s.contains('\\') || s.ends_with(&format!(".{}", names::EXTENSION))
}

/// Session files: `*.ron`, not hidden (temp files start with a dot).
fn is_session_file(p: &Path) -> bool {
    let hidden = p
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && p.extension().is_some_and(|e| e == names::EXTENSION)
}

/// Reads and parses one session file; never writes to it.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = crate::files::read_input(path).map_err(|e| match e {
        crate::files::ReadError::Io { source, .. } => StoreError::io(
            format!("cannot read the session {}", path.display()),
            source,
        ),
        other => StoreError::File(other),
    })?;
    let origin = path.display().to_string();
    let corrupt = |diagnostic: Diagnostic| StoreError::Corrupt {
        path: path.to_path_buf(),
        diagnostic: Box::new(diagnostic),
        backup: readable_backup(path),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let good = String::from_utf8_lossy(good);
            let pos = crate::knowledge::diagnostic::line_col(&good, good.len());
            return Err(corrupt(Diagnostic::at(
                &origin,
                &good,
                pos,
                "the file is not UTF-8 text".into(),
            )));
        }
    };
    file::parse(&origin, &text).map_err(|e| match e {
        LoadError::Invalid(d) => corrupt(d),
        LoadError::TooNew { format } => StoreError::TooNew {
            path: path.to_path_buf(),
            format,
        },
    })
}

fn readable_backup(path: &Path) -> Option<PathBuf> {
    let bak = backup_path(path);
    let text = crate::files::read_input_text(&bak).ok()?;
    file::parse(&bak.display().to_string(), &text)
        .is_ok()
        .then_some(bak)
}

/// An opened session with its problems, changes and notices worked out.
fn describe(
    session: Session,
    path: &Path,
    lock: Option<LockGuard>,
    holder: Option<Holder>,
    mut notices: Vec<String>,
    knowledge: &Knowledge,
) -> Opened {
    let evaluated = session.evaluate(knowledge);
    for p in &evaluated.problems {
        if p.is_orphan() {
            notices.push(format!(
                "kept an answer the knowledge no longer knows (orphaned): {p}"
            ));
        } else {
            notices.push(format!(
                "kept an answer the knowledge refuses, not used: {p}"
            ));
        }
    }
    let mut found = Vec::new();
    if session.knowledge_version != knowledge.version
        && let Some(before) = &session.last_scope
    {
        found = changes::compare(before, &ScopeSummary::of(&evaluated.scope));
        if !found.is_empty() {
            let words: Vec<String> = found.iter().map(|c| c.describe(knowledge)).collect();
            notices.push(format!(
                "the knowledge changed since this session was saved: {}",
                words.join("; ")
            ));
        }
    }
    Opened {
        saved: session.clone(),
        session,
        path: path.to_path_buf(),
        lock,
        holder,
        lock_error: None,
        problems: evaluated.problems,
        changes: found,
        notices,
    }
}

fn save_inner(
    opened: &mut Opened,
    knowledge: &Knowledge,
    now: jiff::Timestamp,
    faults: &mut dyn FnMut(SaveStep) -> Fault,
    creating: bool,
) -> Result<(), StoreError> {
    if opened.lock.is_none() {
        return Err(opened.why_read_only());
    }
    let mut next = opened.session.clone();
    next.format = FORMAT;
    next.updated = now;
    next.knowledge_version = knowledge.version.clone();
    let evaluated = next.evaluate(knowledge);
    next.last_scope = Some(ScopeSummary::of(&evaluated.scope));
    next.note_flags_seen(&evaluated.scope, now);
    let text = file::to_text(&next).map_err(|e| {
        StoreError::io(
            format!("cannot write the session {}", opened.path.display()),
            io::Error::other(e),
        )
    })?;
    write_atomic(&opened.path, text.as_bytes(), creating, faults).map_err(|(step, e)| match e {
        Failure::Hook | Failure::Crash => StoreError::Interrupted { step },
        Failure::Io(source) => StoreError::io(
            format!(
                "cannot save {} ({}); the file on disk was not changed and your work is still open here",
                opened.path.display(),
                step.doing()
            ),
            source,
        ),
    })?;
    opened.problems = evaluated.problems;
    opened.changes.clear();
    opened.session = next;
    opened.saved = opened.session.clone();
    Ok(())
}

impl fmt::Display for Candidate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.id, self.customer, self.path.display())
    }
}
