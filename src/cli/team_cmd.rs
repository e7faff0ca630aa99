//! `nunki team init|clone` and `nunki sync`: the shell around `team`.
//!
//! Exit codes: 0 done (a sync that recorded conflicts too: they are named
//! and kept in the session files); 2 no git, or not a team folder; 3 the
//! remote cannot be reached, a session is open, or git failed.

use std::io;

use super::args::TeamCommand;
use super::{Error, Outcome, print};
use crate::sources::Places;
use crate::team::{self, TeamError};

pub fn team(places: &Places, command: &TeamCommand) -> Result<Outcome, Error> {
    let out = match command {
        TeamCommand::Init { remote } => team::init(places, remote.as_deref()),
        TeamCommand::Clone { url } => team::clone(places, url),
    }
    .map_err(to_error)?;
    print(&format!("{out}\n"))?;
    Ok(Outcome::Done)
}

pub fn sync(places: &Places) -> Result<Outcome, Error> {
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
