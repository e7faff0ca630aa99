//! `nunki team init|clone` and `nunki sync`: the shell around `team`.
//!
//! Exit codes: 0 done (a sync that recorded conflicts too: they are named
//! and kept in the session files); 2 no git, or not a team folder; 3 the
//! remote cannot be reached, a session is open, or git failed.

use std::io;
use std::path::Path;

use super::args::TeamCommand;
use super::{Error, Outcome, Ran, print};
use crate::session::merge::resolve as resolve_conflicts;
use crate::session::store::Store;
use crate::session::{Conflict, StoreError};
use crate::sources::{Places, load_knowledge};
use crate::team::{self, TeamError};

pub fn team(places: &Places, catalog: Option<&Path>, command: &TeamCommand) -> Ran {
    let out = match command {
        TeamCommand::Init { remote } => team::init(places, remote.as_deref()).map_err(to_error)?,
        TeamCommand::Clone { url } => team::clone(places, url).map_err(to_error)?,
        TeamCommand::Status => team::status(places).map_err(to_error)?.to_text(),
        TeamCommand::Who => who(places)?,
        TeamCommand::Conflicts => conflicts(places)?,
        TeamCommand::Resolve {
            session,
            key,
            take_other,
        } => resolve(places, catalog, session, key.as_deref(), *take_other)?,
    };
    print(&format!("{out}\n"))?;
    Ok(Outcome::Done)
}

pub fn sync(places: &Places) -> Ran {
    let report = team::sync(places).map_err(to_error)?;
    print(&report.to_text())?;
    Ok(Outcome::Done)
}

fn to_error(e: TeamError) -> Error {
    match e {
        TeamError::Git(team::GitError::Missing(_))
        | TeamError::NotATeam(_)
        | TeamError::AlreadyATeam(_) => Error::input(e.to_string()),
        TeamError::Io { context, source } => Error::io(context, source),
        other => Error::io("sync", io::Error::other(other.to_string())),
    }
}

/// Every recorded conflict, by session.
fn conflicts(places: &Places) -> Result<String, Error> {
    let listings = Store::new(places).list()?;
    let mut out = String::new();
    let mut n = 0;
    for l in &listings.sessions {
        for c in &l.session.conflicts {
            n += 1;
            out.push_str(&format!(
                "{} ({}): {c}\n",
                l.session.customer.name,
                l.path.display()
            ));
        }
    }
    out.push_str(&format!("{n} conflict(s)"));
    Ok(out)
}

/// Removes a session's conflicts on `key` (all without one), taking the
/// other value first when asked.
fn resolve(
    places: &Places,
    catalog: Option<&Path>,
    selector: &str,
    key: Option<&str>,
    take_other: bool,
) -> Result<String, Error> {
    let knowledge = load_knowledge(places, catalog)?;
    let store = Store::new(places);
    let mut opened = store.open(selector, &knowledge)?;
    if opened.read_only() {
        return Err(StoreError::ReadOnly {
            path: opened.path.clone(),
            holder: opened.holder.clone(),
        }
        .into());
    }
    let matches =
        |c: &Conflict| key.is_none_or(|k| c.key == k || (c.key.is_empty() && c.field.id() == k));
    let n = resolve_conflicts(&mut opened.session, matches, take_other).map_err(Error::input)?;
    if n == 0 {
        return Err(Error::input(format!(
            "{} has no conflict{}",
            opened.session.customer.name,
            key.map(|k| format!(" on {k}")).unwrap_or_default()
        )));
    }
    store.save(&mut opened, &knowledge)?;
    Ok(format!(
        "resolved {} conflict(s) in {}{}",
        n,
        opened.session.customer.name,
        if take_other {
            ", taking the other value"
        } else {
            ", keeping the merged value"
        }
    ))
}

/// Sessions by the author who first shared them: how many, won, lost, open.
fn who(places: &Places) -> Result<String, Error> {
    use crate::session::Status;
    let authors = team::authors(places).map_err(to_error)?;
    let listings = Store::new(places).list()?;
    // author → (sessions, won, lost, customers)
    let mut by: std::collections::BTreeMap<String, (usize, usize, usize, Vec<String>)> =
        std::collections::BTreeMap::new();
    for l in &listings.sessions {
        let author = authors
            .get(&l.path)
            .cloned()
            .unwrap_or_else(|| "(not yet synced)".into());
        let e = by.entry(author).or_default();
        e.0 += 1;
        match l.session.status {
            Status::Won => e.1 += 1,
            Status::Lost => e.2 += 1,
            Status::Draft | Status::Proposed => {}
        }
        e.3.push(l.session.customer.name.clone());
    }
    let mut rows: Vec<_> = by.into_iter().collect();
    rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::new();
    for (author, (n, won, lost, customers)) in rows {
        let names = team::first_few(&customers, 5, ", ", |n| format!(" and {n} more"));
        out.push_str(&format!(
            "{author}: {n} session(s), {won} won, {lost} lost, {} open — {names}\n",
            n - won - lost,
        ));
    }
    if out.is_empty() {
        out.push_str("no sessions\n");
    }
    Ok(out.trim_end().to_string())
}
