//! A team folder: the data directory as a git working tree (`sessions/`,
//! `catalog/` for the team's knowledge, `templates/`), shared through a
//! remote named `origin` with the `git` command line. Every laptop keeps
//! working offline; `sync` commits, fetches, merges and pushes when it can.
//!
//! Session files changed on both sides are merged by answer
//! (`session::merge`), never by line; other files keep the local version
//! (the remote one stays in git's history). nunki without a team folder
//! works as before: nothing here runs unless asked.

pub mod catalog;
pub mod git;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use catalog::Applied;
pub use git::{Git, GitError};

use crate::session::Conflict;
use crate::session::merge::{Side, merge_sides};
use crate::session::{file, lock};
use crate::sources::Places;

/// Lock, backup and temporary files are never shared; neither is the
/// team knowledge in use (`.team/`, a copy of the last valid `catalog/`).
pub const GITIGNORE: &str = "# nunki: locks, backups and temporary files stay on this laptop\n\
*.lock\n*.bak\n*.tmp\n.nunki-*\n/.team/\n";

/// What a sync shares: the folders of a team folder, and its `.gitignore`.
const SHARED: [&str; 4] = [".gitignore", "sessions", "catalog", "templates"];

/// The branch `team init` and a clone of an empty remote start on.
const BRANCH: &str = "main";

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(
        "{0} is not a team folder; make it one with `nunki team init` or `nunki team clone URL`"
    )]
    NotATeam(PathBuf),
    #[error("{0} is already a team folder (a git repository)")]
    AlreadyATeam(PathBuf),
    #[error(
        "cannot reach the team remote {remote}: {detail}\nnothing local is lost: your changes are committed here, and the next `nunki sync` sends them"
    )]
    Unreachable { remote: String, detail: String },
    #[error("cannot clone the team folder from {remote}: {detail}")]
    CloneFailed { remote: String, detail: String },
    #[error(
        "the team's repository took other changes while this sync ran ({0}); nothing is lost: run `nunki sync` again"
    )]
    Rejected(String),
    #[error("{0}")]
    Busy(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
}

impl TeamError {
    fn io(context: impl Into<String>) -> impl FnOnce(io::Error) -> TeamError {
        let context = context.into();
        move |source| TeamError::Io { context, source }
    }
}

/// Whether the data directory is a team folder.
pub fn is_team(places: &Places) -> bool {
    places.data_dir.join(".git").exists()
}

/// Turns the data directory into a team folder and commits what it has;
/// `remote` becomes `origin`.
pub fn init(places: &Places, remote: Option<&str>) -> Result<String, TeamError> {
    Git::available()?;
    let dir = &places.data_dir;
    if is_team(places) {
        return Err(TeamError::AlreadyATeam(dir.clone()));
    }
    fs::create_dir_all(dir.join("sessions"))
        .map_err(TeamError::io(format!("cannot create {}", dir.display())))?;
    let git = Git::new(dir);
    git.run(&["init", "-q", "-b", BRANCH])?;
    if let Some(url) = remote {
        git.run(&["remote", "add", "origin", url])?;
    }
    ensure_gitignore(dir)?;
    let committed = commit_local(&git, "nunki team init", catalog::invalid(places).is_some())?;
    let mut out = format!("{} is now a team folder", dir.display());
    if let Some(names) = committed {
        out.push_str(&format!("; committed {}", names.join(", ")));
    }
    if remote.is_none() {
        out.push_str("\nadd the team's remote with: git -C <dir> remote add origin URL");
    }
    Ok(out)
}

/// Makes the data directory a clone of the team folder at `url` (also an
/// empty one: the first member). Sessions already in the data directory
/// are kept and shared by the first sync.
pub fn clone(places: &Places, url: &str) -> Result<String, TeamError> {
    Git::available()?;
    let dir = &places.data_dir;
    if is_team(places) {
        return Err(TeamError::AlreadyATeam(dir.clone()));
    }
    let empty = fs::read_dir(dir).map_or(true, |mut d| d.next().is_none());
    if !empty {
        // Keep what is here: a repository of its own, then the team's
        // history merged in by a sync.
        init(places, Some(url))?;
        let report = sync(places)?;
        return Ok(format!(
            "{} now shares with {url}\n{}",
            dir.display(),
            report.to_text()
        ));
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent)
        .map_err(TeamError::io(format!("cannot create {}", parent.display())))?;
    let target = dir.to_string_lossy().into_owned();
    // From the current directory, so that a relative URL or data
    // directory means what the user typed.
    if let Err(e) = Git::new(".").run(&["clone", "-q", "--origin", "origin", url, &target]) {
        return Err(match e {
            GitError::Failed { stderr, .. } => TeamError::CloneFailed {
                remote: url.to_string(),
                detail: stderr,
            },
            other => TeamError::Git(other),
        });
    }
    let git = Git::new(dir);
    if !has_head(&git)? {
        git.run(&["symbolic-ref", "HEAD", &format!("refs/heads/{BRANCH}")])?;
    }
    ensure_gitignore(dir)?;
    fs::create_dir_all(dir.join("sessions"))
        .map_err(TeamError::io(format!("cannot create {}", dir.display())))?;
    private_sessions(&places.sessions_dir());
    let applied =
        catalog::apply(places).map_err(TeamError::io("cannot apply the team knowledge"))?;
    let mut out = format!("{} is a clone of {url}", dir.display());
    if let Some(line) = applied_line(&applied) {
        out.push('\n');
        out.push_str(&line);
    }
    Ok(out)
}

/// What one sync did.
#[derive(Debug, Clone, Default)]
pub struct SyncReport {
    /// The local commit: the sessions (customers) and folders it names.
    pub committed: Option<Vec<String>>,
    /// No `origin`: committed locally only.
    pub no_remote: bool,
    /// Commits taken from the team.
    pub received: usize,
    /// Session files merged by answer.
    pub merged: Vec<PathBuf>,
    /// Conflicts recorded by this sync: the session's customer and file,
    /// and each conflict.
    pub conflicts: Vec<(String, PathBuf, Conflict)>,
    /// Other files changed on both sides: the local version was kept.
    pub kept_local: Vec<String>,
    pub pushed: bool,
    pub knowledge: Option<Applied>,
    /// What the team knowledge now in use changed for each open session.
    pub drift: Vec<(String, Vec<String>)>,
    /// Why a local change to `catalog/` was not shared (it does not validate).
    pub withheld: Option<String>,
}

impl SyncReport {
    pub fn to_text(&self) -> String {
        let mut out = Vec::new();
        match &self.committed {
            Some(names) => out.push(format!("committed: {}", shortened(names))),
            None => out.push("nothing to commit".to_string()),
        }
        if self.no_remote {
            out.push("no remote `origin`: committed locally only".to_string());
        }
        if self.received > 0 {
            out.push(format!(
                "received {} commit(s) from the team",
                self.received
            ));
        }
        for p in &self.merged {
            out.push(format!("merged by answer: {}", p.display()));
        }
        for (customer, path, c) in &self.conflicts {
            out.push(format!("conflict in {customer} ({}): {c}", path.display()));
        }
        for p in &self.kept_local {
            out.push(format!(
                "changed on both sides, kept yours: {p} (the team's version is in git history)"
            ));
        }
        if self.pushed {
            out.push("sent to origin".to_string());
        }
        if let Some(why) = &self.withheld {
            out.push(format!(
                "your change to the team knowledge does not validate and was not shared; the previous team knowledge stays in use:\n{why}"
            ));
        } else if let Some(line) = self.knowledge.as_ref().and_then(applied_line) {
            out.push(line);
        }
        if !self.drift.is_empty() {
            out.push("what it changes for the open sessions:".to_string());
        }
        for (customer, changes) in &self.drift {
            out.push(format!("  {customer}: {}", changes.join("; ")));
        }
        if !self.conflicts.is_empty() {
            out.push(format!(
                "{} conflict(s) recorded in the session files; no value was lost",
                self.conflicts.len()
            ));
        }
        out.join("\n") + "\n"
    }
}

/// The first few names, and how many more.
fn shortened(names: &[String]) -> String {
    first_few(names, 8, ", ", |n| format!(" and {n} more"))
}

/// The first `shown` of `names` joined by `sep`, then `rest` of how many
/// were left out, if any.
pub(crate) fn first_few(
    names: &[String],
    shown: usize,
    sep: &str,
    rest: impl Fn(usize) -> String,
) -> String {
    let mut s = names
        .iter()
        .take(shown)
        .cloned()
        .collect::<Vec<_>>()
        .join(sep);
    if names.len() > shown {
        s.push_str(&rest(names.len() - shown));
    }
    s
}

fn applied_line(a: &Applied) -> Option<String> {
    match a {
        Applied::None | Applied::Unchanged => None,
        Applied::Applied(files) => Some(format!("team knowledge now in use: {}", files.join(", "))),
        Applied::Removed => {
            Some("the team removed its knowledge: the shipped knowledge is back".into())
        }
        Applied::Refused(why) => Some(format!(
            "team knowledge refused, the previous one stays in use:\n{why}"
        )),
    }
}

/// Commits local changes, fetches, merges (sessions by answer) and pushes.
pub fn sync(places: &Places) -> Result<SyncReport, TeamError> {
    Git::available()?;
    let dir = &places.data_dir;
    if !is_team(places) {
        return Err(TeamError::NotATeam(dir.clone()));
    }
    refuse_if_open(&places.sessions_dir())?;
    let git = Git::new(dir);
    if dir.join(".git").join("MERGE_HEAD").exists() {
        // A sync that stopped half-way through a merge: local work was
        // committed before it began, so undoing the merge loses nothing,
        // and this sync merges again.
        git.run(&["merge", "--abort"])?;
    }
    ensure_gitignore(dir)?;
    let mut report = SyncReport {
        ..SyncReport::default()
    };
    // A team knowledge change made here that does not validate stays here:
    // it would be refused on every laptop anyway.
    report.withheld = catalog::invalid(places);
    report.committed = commit_local(&git, "nunki sync", report.withheld.is_some())?;

    let Some(url) = git.maybe(&["remote", "get-url", "origin"])? else {
        report.no_remote = true;
        report.knowledge =
            Some(catalog::apply(places).map_err(TeamError::io("cannot apply the team knowledge"))?);
        return Ok(report);
    };
    let url = url.trim().to_string();
    let branch = git
        .run(&["symbolic-ref", "--short", "HEAD"])?
        .trim()
        .to_string();
    let unreachable = |e: GitError| match e {
        GitError::Failed { stderr, .. } => TeamError::Unreachable {
            remote: url.clone(),
            detail: stderr,
        },
        other => TeamError::Git(other),
    };
    git.run(&["fetch", "-q", "origin"]).map_err(unreachable)?;

    let remote = format!("refs/remotes/origin/{branch}");
    let remote_exists = git.succeeds(&["rev-parse", "--verify", "-q", &remote])?;
    if remote_exists {
        if has_head(&git)? {
            report.received = count(&git, &format!("HEAD..{remote}"))?;
            if report.received > 0 {
                merge_remote(&git, &remote, &mut report)?;
            }
        } else {
            // Nothing local was ever committed: take the team's history.
            report.received = count(&git, &remote)?;
            git.run(&["checkout", "-q", "-B", &branch, &remote])?;
        }
    }
    if report.received > 0 {
        private_sessions(&places.sessions_dir());
    }
    let ahead = if !has_head(&git)? {
        0
    } else if remote_exists {
        count(&git, &format!("{remote}..HEAD"))?
    } else {
        1
    };
    if ahead > 0 {
        git.run(&[
            "push",
            "-q",
            "-u",
            "origin",
            &format!("HEAD:refs/heads/{branch}"),
        ])
        .map_err(|e| match e {
            GitError::Failed { stderr, .. } if stderr.contains("[rejected]") => {
                TeamError::Rejected(stderr.lines().next().unwrap_or_default().to_string())
            }
            other => unreachable(other),
        })?;
        report.pushed = true;
    }
    let before = catalog::pending(places)
        .then(|| catalog::current(places))
        .flatten();
    let applied =
        catalog::apply(places).map_err(TeamError::io("cannot apply the team knowledge"))?;
    if let (Applied::Applied(_) | Applied::Removed, Some(before)) = (&applied, before)
        && let Some(after) = catalog::current(places)
    {
        report.drift = catalog::drift(places, &before, &after);
    }
    report.knowledge = Some(applied);
    Ok(report)
}

/// Where a team folder stands, without reaching the remote: commits not
/// yet sent, commits fetched but not merged (as of the last sync), files
/// changed since, and conflicts recorded in the sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub ahead: usize,
    pub behind: usize,
    pub uncommitted: usize,
    pub conflicts: usize,
}

impl Status {
    pub fn to_text(&self) -> String {
        format!(
            "{} to send, {} to receive (as of the last sync), {} changed file(s) not yet synced, {} conflict(s)",
            self.ahead, self.behind, self.uncommitted, self.conflicts
        )
    }
}

/// The sync state of a team folder (`nunki team status`).
pub fn status(places: &Places) -> Result<Status, TeamError> {
    let mut st = git_status(places)?;
    let listings = crate::session::Store::new(places)
        .list()
        .map_err(|e| TeamError::Io {
            context: "cannot list the sessions".into(),
            source: io::Error::other(e.to_string()),
        })?;
    st.conflicts = listings
        .sessions
        .iter()
        .map(|l| l.session.conflicts.len())
        .sum();
    Ok(st)
}

/// What git knows of the sync state: commits to send and to receive, and
/// files changed since the last sync; `conflicts` stays 0 (they are in the
/// session files: the screen counts them from the sessions it lists).
/// A handful of local git calls, no network.
pub fn git_status(places: &Places) -> Result<Status, TeamError> {
    Git::available()?;
    if !is_team(places) {
        return Err(TeamError::NotATeam(places.data_dir.clone()));
    }
    let git = Git::new(&places.data_dir);
    let mut st = Status::default();
    let mut args = vec!["status", "--porcelain", "--"];
    args.extend(SHARED);
    st.uncommitted = git.lines(&args)?.len();
    if let Some(branch) = git.maybe(&["symbolic-ref", "--short", "HEAD"])? {
        let remote = format!("refs/remotes/origin/{}", branch.trim());
        let remote_exists = git.succeeds(&["rev-parse", "--verify", "-q", &remote])?;
        let head = has_head(&git)?;
        st.ahead = match (head, remote_exists) {
            (true, true) => count(&git, &format!("{remote}..HEAD"))?,
            (true, false) => count(&git, "HEAD")?,
            _ => 0,
        };
        st.behind = match (head, remote_exists) {
            (true, true) => count(&git, &format!("HEAD..{remote}"))?,
            (false, true) => count(&git, &remote)?,
            _ => 0,
        };
    }
    Ok(st)
}

/// Who scoped what: for each session file, the git author who first
/// committed it (`None` for a session not yet synced).
pub fn authors(places: &Places) -> Result<std::collections::BTreeMap<PathBuf, String>, TeamError> {
    Git::available()?;
    if !is_team(places) {
        return Err(TeamError::NotATeam(places.data_dir.clone()));
    }
    let git = Git::new(&places.data_dir);
    let mut out = std::collections::BTreeMap::new();
    if !has_head(&git)? {
        return Ok(out);
    }
    // One git call for every file: the commits that added a session, each
    // "\u{1}author" followed by the files it added.
    let log = git.run(&[
        "log",
        "--diff-filter=A",
        "--no-renames",
        "--format=%x01%an",
        "--name-only",
        "--",
        "sessions",
    ])?;
    let mut author = String::new();
    for line in log.lines() {
        if let Some(a) = line.strip_prefix('\u{1}') {
            author = a.to_string();
        } else if !line.is_empty() {
            // Oldest last: a later re-add does not hide the creator.
            out.insert(places.data_dir.join(line), author.clone());
        }
    }
    Ok(out)
}

/// git writes the files it checks out as the umask says; nunki keeps
/// sessions readable by their user only (0600, the directory 0700), as
/// its own saves do. Best effort: a file system without modes is fine.
fn private_sessions(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
        if let Ok(entries) = fs::read_dir(dir) {
            for e in entries.filter_map(Result::ok) {
                let path = e.path();
                let is_file = e.file_type().is_ok_and(|t| t.is_file());
                let private = e
                    .metadata()
                    .is_ok_and(|m| m.permissions().mode() & 0o077 == 0);
                if is_file && !private {
                    let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn has_head(git: &Git) -> Result<bool, GitError> {
    git.succeeds(&["rev-parse", "--verify", "-q", "HEAD"])
}

fn count(git: &Git, range: &str) -> Result<usize, GitError> {
    Ok(git
        .run(&["rev-list", "--count", range])?
        .trim()
        .parse()
        .unwrap_or(0))
}

/// Writes the `.gitignore` if there is none, and tells this clone's git
/// never to merge session files by line (`-merge`): a session changed on
/// both sides always comes to `merge_remote`, which merges it by answer.
fn ensure_gitignore(dir: &Path) -> Result<(), TeamError> {
    let path = dir.join(".gitignore");
    if !path.exists() {
        fs::write(&path, GITIGNORE)
            .map_err(TeamError::io(format!("cannot write {}", path.display())))?;
    }
    let info = dir.join(".git").join("info");
    let attributes = info.join("attributes");
    let line = "sessions/*.ron -merge\n";
    let current = fs::read_to_string(&attributes).unwrap_or_default();
    if !current.contains(line.trim_end()) {
        fs::create_dir_all(&info)
            .map_err(TeamError::io(format!("cannot create {}", info.display())))?;
        fs::write(&attributes, format!("{current}{line}")).map_err(TeamError::io(format!(
            "cannot write {}",
            attributes.display()
        )))?;
    }
    Ok(())
}

/// A sync rewrites session files; one open in a nunki would be saved over
/// the merge, so a sync waits until it is closed.
fn refuse_if_open(sessions: &Path) -> Result<(), TeamError> {
    let Ok(entries) = fs::read_dir(sessions) else {
        return Ok(());
    };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "lock") {
            continue;
        }
        // A closed session leaves an empty lock file: only one that names
        // a holder can be in use, so 10 000 sessions cost no locking.
        let session = path.with_extension("");
        if !session.exists() || fs::metadata(&path).map_or(true, |m| m.len() == 0) {
            continue;
        }
        if let Ok(lock::Acquired::Busy(holder)) =
            lock::acquire(&session, crate::session::store::now())
        {
            let who = holder.map(|h| format!(" by {h}")).unwrap_or_default();
            return Err(TeamError::Busy(format!(
                "{} is open{who}; close it before syncing, so the merge is not saved over",
                session.display()
            )));
        }
    }
    Ok(())
}

/// Stages the shared folders and commits them if anything changed; the
/// message names the sessions' customers.
fn commit_local(
    git: &Git,
    title: &str,
    without_catalog: bool,
) -> Result<Option<Vec<String>>, TeamError> {
    let mut paths: Vec<&str> = Vec::new();
    for p in SHARED {
        if without_catalog && p == "catalog" {
            continue;
        }
        let tracked = git
            .maybe(&["ls-files", "--", p])?
            .is_some_and(|s| !s.is_empty());
        if git.dir().join(p).exists() || tracked {
            paths.push(p);
        }
    }
    if paths.is_empty() {
        return Ok(None);
    }
    let mut add = vec!["add", "-A", "--"];
    add.extend(&paths);
    git.run(&add)?;
    let staged = git.lines(&["diff", "--cached", "--name-only", "--no-renames"])?;
    if staged.is_empty() {
        return Ok(None);
    }
    let names = changed_names(git.dir(), &staged);
    let subject = shortened(&names);
    let body = first_few(&staged, 100, "\n", |n| format!("\n… and {n} more files"));
    let message = format!("{title}: {subject}\n\n{body}\n");
    git.run_with_input(&["commit", "-q", "-F", "-"], Some(&message))?;
    Ok(Some(names))
}

/// What a list of changed paths means to a person: the customers of the
/// sessions, "team knowledge", "templates", others by path.
fn changed_names(dir: &Path, paths: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for p in paths {
        if p.starts_with("sessions/") {
            let name = fs::read_to_string(dir.join(p))
                .ok()
                .and_then(|t| file::parse(p, &t).ok())
                .map(|s| s.customer.name)
                .unwrap_or_else(|| {
                    let stem = Path::new(p)
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned());
                    format!("{} (removed)", stem.unwrap_or_else(|| p.clone()))
                });
            push(name);
        } else if p.starts_with("catalog/") {
            push("team knowledge".into());
        } else if p.starts_with("templates/") {
            push("templates".into());
        } else if p != ".gitignore" {
            push(p.clone());
        }
    }
    if out.is_empty() {
        out.push("team folder settings".into());
    }
    out
}

/// Merges the team's branch; files git cannot merge are resolved here,
/// sessions by answer.
fn merge_remote(git: &Git, remote: &str, report: &mut SyncReport) -> Result<(), TeamError> {
    let attempt = git.run(&[
        "merge",
        "-q",
        "--no-edit",
        "--allow-unrelated-histories",
        "-m",
        "nunki sync: merge the team's changes",
        remote,
    ]);
    let err = match attempt {
        Ok(_) => return Ok(()),
        Err(e @ GitError::Missing(_)) => return Err(e.into()),
        Err(e) => e,
    };
    let unmerged = git.lines(&["diff", "--name-only", "--diff-filter=U"])?;
    if unmerged.is_empty() {
        // Not a conflict (e.g. an untracked file in the way): undo the
        // attempt and say what git said.
        let _ = git.run(&["merge", "--abort"]);
        return Err(err.into());
    }
    let local_who = git
        .maybe(&["config", "user.name"])?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "local".into());
    for path in unmerged {
        let stage = |n: u8| git.maybe(&["show", &format!(":{n}:{path}")]);
        let (base, ours, theirs) = (stage(1)?, stage(2)?, stage(3)?);
        let full = git.dir().join(&path);
        let is_session = path.starts_with("sessions/") && path.ends_with(".ron");
        let parsed = |t: &Option<String>| t.as_deref().and_then(|t| file::parse(&path, t).ok());
        let text = match (is_session, parsed(&ours), parsed(&theirs)) {
            (true, Some(o), Some(t)) => {
                let b = parsed(&base);
                let their_who = git
                    .maybe(&["log", "-1", "--format=%an", remote, "--", &path])?
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "remote".into());
                let m = merge_sides(
                    b.as_ref(),
                    Side {
                        session: &o,
                        who: &local_who,
                    },
                    Side {
                        session: &t,
                        who: &their_who,
                    },
                );
                for c in &m.conflicts {
                    report.conflicts.push((
                        m.session.customer.name.clone(),
                        PathBuf::from(&path),
                        c.clone(),
                    ));
                }
                report.merged.push(PathBuf::from(&path));
                Some(file::to_text(&m.session).map_err(|e| TeamError::Io {
                    context: format!("cannot write the merged {path}"),
                    source: io::Error::other(e),
                })?)
            }
            // Changed on one side, removed on the other: keep the changed
            // one, nothing is lost.
            _ if ours.is_none() || theirs.is_none() => ours.or(theirs),
            _ => {
                report.kept_local.push(path.clone());
                ours
            }
        };
        match text {
            Some(t) => {
                if let Some(parent) = full.parent() {
                    fs::create_dir_all(parent)
                        .map_err(TeamError::io(format!("cannot create {}", parent.display())))?;
                }
                fs::write(&full, t)
                    .map_err(TeamError::io(format!("cannot write {}", full.display())))?;
                git.run(&["add", "--", &path])?;
            }
            None => {
                git.run(&["rm", "-q", "--cached", "--ignore-unmatch", "--", &path])?;
            }
        }
    }
    git.run(&["commit", "-q", "--no-edit"])?;
    Ok(())
}
