//! The screen's port to the session store: list, open (and lock), create,
//! save, close, and read them all (for insights). The shell (`run.rs`) owns the one implementation; the app
//! only asks for these through `Action`s, so tests can drive the app
//! against a store in a temporary directory.

use std::path::PathBuf;

use crate::error::Error;
use crate::knowledge::{Knowledge, Severity};
use crate::session::store::{self, NewSession, Store};
use crate::session::{Customer, Session, Status, Template};
use crate::sources::Places;
use crate::team;

/// One row of the home screen, read without evaluating the session (the
/// worst flag comes from the scope summary saved with it), so start-up
/// stays fast with many sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInfo {
    pub id: String,
    pub customer: String,
    pub updated: jiff::Timestamp,
    pub status: Status,
    pub worst: Option<Severity>,
    pub answered: usize,
    /// Conflicts a team sync recorded in the session, not yet resolved.
    pub conflicts: usize,
    /// Set when the file cannot be read; the row says why instead of
    /// hiding the file.
    pub problem: Option<String>,
}

impl SessionInfo {
    pub fn of(session: &Session) -> SessionInfo {
        SessionInfo {
            id: session.id.clone(),
            customer: session.customer.name.clone(),
            updated: session.updated,
            status: session.status,
            worst: session.last_scope.as_ref().and_then(|s| s.worst),
            answered: session.answers.len(),
            conflicts: session.conflicts.len(),
            problem: None,
        }
    }
}

/// A session the store opened for this process.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    /// Something to tell the user (a stale lock taken over, changed
    /// knowledge, orphaned answers).
    pub notice: Option<String>,
    /// Another nunki holds the session: it can be looked at, not changed.
    pub read_only: bool,
}

/// Every saved session, read for the insights screen (not locked: they
/// are only read), and the files that could not be read, in words. Those
/// are reported, never touched.
#[derive(Debug, Clone, Default)]
pub struct AllSessions {
    pub sessions: Vec<Session>,
    /// "file name: what is wrong", one per unreadable file.
    pub skipped: Vec<String>,
}

/// Where a team folder stands (`team::Status` without the conflicts,
/// which the home screen counts from the sessions it lists).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamState {
    /// Commits not yet sent.
    pub ahead: usize,
    /// Commits fetched but not merged (as of the last sync).
    pub behind: usize,
    /// Files changed since the last sync.
    pub uncommitted: usize,
}

/// What a sync did, for the screen.
#[derive(Debug, Clone)]
pub struct Synced {
    /// The sync's report, one line each.
    pub lines: Vec<String>,
    /// The knowledge now in use, when the sync applied new team knowledge.
    pub knowledge: Option<Box<Knowledge>>,
}

/// Where the screen was in a session: the option edited (by name; none
/// is Base), the screen and the question. Reopening the session returns
/// there. It is kept beside the sessions, not in the session file:
/// looking around is not a change of the session (its `updated`, its
/// proposal's date and the team's history stay as they are). Unknown or
/// missing fields are fine; a place that no longer fits is left out.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Place {
    pub option: Option<String>,
    /// `interview`, `catalog`, `proposal` or `compare`.
    pub screen: String,
    pub question: String,
}

/// The folder of the places, in the data directory beside `sessions/`:
/// a team folder's `.gitignore` leaves `.nunki-*` out, and a sync shares
/// only `sessions/`, `catalog/` and `templates/`.
pub const PLACES_DIR: &str = ".nunki-places";

/// What the screen needs from the session store. An error's text is a
/// whole sentence that says what to do; the screen shows it.
pub trait SessionStore {
    fn list(&mut self) -> Result<Vec<SessionInfo>, Error>;
    /// Opens and locks a session by id, path or unique prefix.
    fn open(&mut self, wanted: &str) -> Result<Opened, Error>;
    /// Creates, saves and locks a new session, from a template if given.
    fn create(
        &mut self,
        customer: &str,
        template: Option<&str>,
        lang: crate::i18n::Lang,
    ) -> Result<Opened, Error>;
    /// Saves atomically, keeping the previous version; stamps `updated`.
    fn save(&mut self, session: &mut Session) -> Result<PathBuf, Error>;
    /// Lets go of the open session's lock.
    fn close(&mut self);
    /// Reads every session without opening (or locking) any.
    fn all(&mut self) -> Result<AllSessions, Error>;

    /// The won sessions: the inventory of setups we run.
    fn won(&mut self) -> Result<Vec<Session>, Error> {
        Ok(self
            .all()?
            .sessions
            .into_iter()
            .filter(|s| s.status == Status::Won)
            .collect())
    }

    /// The team folder's sync state, read from git without the network;
    /// `None` when the data directory is no team folder or git is missing.
    fn team_status(&mut self) -> Option<Result<TeamState, Error>> {
        None
    }

    /// `nunki sync`: what it did, in lines, and the knowledge to scope
    /// with from now on when the sync brought new team knowledge.
    fn sync(&mut self) -> Result<Synced, Error> {
        Err(Error::input(
            "the data directory is not a team folder; make it one with `nunki team init` or `nunki team clone URL`",
        ))
    }

    /// Where the screen last was in session `id`, if that is known.
    fn recall(&mut self, _id: &str) -> Option<Place> {
        None
    }
    /// Keeps where the screen is in session `id`, for the next opening.
    fn remember(&mut self, _id: &str, _place: &Place) -> Result<(), Error> {
        Ok(())
    }
}

/// The session store on disk (`crate::session::store`): atomic saves with
/// a backup, one writer per session (the lock is held while the session
/// is open here).
pub struct DiskStore {
    store: Store,
    knowledge: Knowledge,
    templates: Vec<Template>,
    open: Option<store::Opened>,
    /// The data directory, for a team folder's sync state and sync, and
    /// `--catalog`, to load the knowledge again after a sync.
    team: Option<(Places, Option<PathBuf>)>,
    /// Stored in each new session (from `config.ron`).
    engineer: Option<crate::session::Engineer>,
}

impl DiskStore {
    pub fn new(store: Store, knowledge: Knowledge, templates: Vec<Template>) -> DiskStore {
        DiskStore {
            store,
            knowledge,
            templates,
            open: None,
            team: None,
            engineer: None,
        }
    }

    /// The store of `places`' data directory, which may be a team folder:
    /// the screen then shows its sync state and syncs on a key.
    pub fn with_team(mut self, places: Places, catalog: Option<PathBuf>) -> DiskStore {
        self.team = Some((places, catalog));
        self
    }

    /// Names `engineer` in every session this store makes.
    pub fn with_engineer(mut self, engineer: Option<crate::session::Engineer>) -> DiskStore {
        self.engineer = engineer;
        self
    }

    fn opened(&mut self, opened: store::Opened) -> Opened {
        let notice = match opened.notices.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            many => Some(
                many.iter()
                    .map(|n| format!("• {n}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        };
        let out = Opened {
            session: opened.session.clone(),
            notice,
            read_only: opened.read_only(),
        };
        self.open = Some(opened);
        out
    }
}

impl SessionStore for DiskStore {
    fn team_status(&mut self) -> Option<Result<TeamState, Error>> {
        let (places, _) = self.team.as_ref().filter(|(p, _)| team::is_team(p))?;
        match team::git_status(places) {
            Ok(st) => Some(Ok(TeamState {
                ahead: st.ahead,
                behind: st.behind,
                uncommitted: st.uncommitted,
            })),
            // Without git the screen works as without a team.
            Err(team::TeamError::Git(team::GitError::Missing(_))) => None,
            Err(e) => Some(Err(Error::input(e.to_string()))),
        }
    }

    fn sync(&mut self) -> Result<Synced, Error> {
        let Some((places, catalog)) = &self.team else {
            return Err(Error::input(
                "the data directory is not a team folder; make it one with `nunki team init` or `nunki team clone URL`",
            ));
        };
        // A sync rewrites session files: nothing may be open here.
        self.open = None;
        let report = team::sync(places).map_err(|e| Error::input(e.to_string()))?;
        let mut lines: Vec<String> = report.to_text().lines().map(str::to_string).collect();
        let mut knowledge = None;
        if matches!(
            report.knowledge,
            Some(team::Applied::Applied(_) | team::Applied::Removed)
        ) {
            // Scope with it from now on, in this nunki too.
            match crate::sources::load_knowledge(places, catalog.as_deref()) {
                Ok(k) => {
                    self.knowledge = k.clone();
                    knowledge = Some(Box::new(k));
                }
                Err(e) => lines.push(format!(
                    "the knowledge could not be loaded again ({e}); restart nunki to use the team's"
                )),
            }
        }
        Ok(Synced { lines, knowledge })
    }

    fn list(&mut self) -> Result<Vec<SessionInfo>, Error> {
        let listings = self.store.list()?;
        let mut out: Vec<SessionInfo> = listings
            .sessions
            .iter()
            .map(|l| SessionInfo::of(&l.session))
            .collect();
        for b in listings.broken {
            let name = b
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            out.push(SessionInfo {
                id: b.path.display().to_string(),
                customer: name,
                updated: jiff::Timestamp::UNIX_EPOCH,
                status: Status::Draft,
                worst: None,
                answered: 0,
                conflicts: 0,
                problem: Some(b.error.to_string()),
            });
        }
        Ok(out)
    }

    fn open(&mut self, wanted: &str) -> Result<Opened, Error> {
        self.close();
        let opened = self.store.open(wanted, &self.knowledge)?;
        Ok(self.opened(opened))
    }

    fn create(
        &mut self,
        customer: &str,
        template: Option<&str>,
        lang: crate::i18n::Lang,
    ) -> Result<Opened, Error> {
        self.close();
        let template = match template {
            Some(id) => Some(crate::session::templates::find(&self.templates, id)?.clone()),
            None => None,
        };
        let new = NewSession {
            customer: Customer {
                name: customer.to_string(),
                contact: None,
            },
            template,
            answers: Default::default(),
            answers_origin: String::new(),
            lang,
            engineer: self.engineer.clone(),
        };
        let opened = self.store.create(new, &self.knowledge)?;
        Ok(self.opened(opened))
    }

    fn save(&mut self, session: &mut Session) -> Result<PathBuf, Error> {
        let Some(opened) = &mut self.open else {
            return Err(Error::input("no session is open"));
        };
        opened.session = session.clone();
        self.store.save(opened, &self.knowledge)?;
        session.updated = opened.session.updated;
        Ok(opened.path.clone())
    }

    fn close(&mut self) {
        self.open = None;
    }

    fn all(&mut self) -> Result<AllSessions, Error> {
        let listings = self.store.list()?;
        let skipped = listings
            .broken
            .iter()
            .map(|b| {
                let name = b.path.file_name().map_or_else(
                    || b.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                // The error names the file by its full path; the name is
                // enough here, the directory is the sessions directory.
                let error = b.error.to_string();
                let first = error
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .replace(&b.path.display().to_string(), &name);
                if first.contains(&name) {
                    first
                } else {
                    format!("{name}: {first}")
                }
            })
            .collect();
        Ok(AllSessions {
            sessions: listings.sessions.into_iter().map(|l| l.session).collect(),
            skipped,
        })
    }

    fn recall(&mut self, id: &str) -> Option<Place> {
        let text = std::fs::read_to_string(self.place_path(id)).ok()?;
        // A place that cannot be read is forgotten, never an error: the
        // session opens at its first open question as before.
        ron::from_str(&text).ok()
    }

    fn remember(&mut self, id: &str, place: &Place) -> Result<(), Error> {
        let path = self.place_path(id);
        let text = ron::ser::to_string_pretty(place, ron::ser::PrettyConfig::default())
            .map_err(|e| Error::input(format!("cannot write the place: {e}")))?;
        write_small(&path, text.as_bytes())
            .map_err(|e| Error::input(format!("cannot write {}: {e}", path.display())))
    }
}

impl DiskStore {
    /// `<data>/.nunki-places/<session id>.ron`.
    fn place_path(&self, id: &str) -> PathBuf {
        let data = self
            .store
            .dir()
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf);
        let name: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        data.join(PLACES_DIR).join(format!("{name}.ron"))
    }
}

/// Writes a small file atomically: a private temporary file beside it,
/// written and synced, then renamed over it.
fn write_small(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("no directory"))?;
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
