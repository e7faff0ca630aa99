//! The interactive scoping screen (ratatui + crossterm).
//!
//! - `app`: all state and `update(msg) -> actions`; no terminal, no disk.
//!   It dispatches keys, the mouse and drawing to the screens in one
//!   place and applies their requests in one `match` (`app/requests.rs`).
//! - `message`: what passes between the app, the screens and the shell
//!   (`Msg`, `Action`, `Request`, `Outcome`, the read-only `Ctx` and
//!   `View`); it names no screen, so screens never import the app.
//! - `keymap`: the one command table behind keys, help and hints.
//! - `layout`: pure functions from an area to named areas.
//! - `screens/`: one module per screen and box, each owning its state, its
//!   commands, its mouse and its drawing from a `View`; `view` puts them
//!   together.
//! - `widgets/`: a text input, badges, text measuring.
//! - `theme`: default, high-contrast and no-colour styles.
//! - `persist`: the port to the session store; `run`: the shell that owns
//!   the terminal and performs the app's actions.
//!
//! Every change is evaluated once and saved at once; drawing never
//! evaluates and never writes. While one of the session's options is
//! edited (`app::Open::editing`), "the scope" everywhere is that option's
//! (`Session::evaluate_option`); the comparison (`screens::compare`) and
//! the demand insights (`screens::insights`) are evaluated by the app when
//! their data changes or arrives from the shell, never while drawing.

pub mod app;
pub mod keymap;
pub mod layout;
pub mod message;
pub mod persist;
pub mod run;
pub mod screens;
pub mod theme;
pub mod view;
pub mod widgets;

pub use app::{Action, App, Config, Msg, TemplateInfo};

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::session::store::Store;
use crate::sources::{Places, load_knowledge};
use keymap::Keymap;
use persist::{DiskStore, SessionStore};
use theme::ThemeKind;

/// What the screen starts with, as the command line gave it.
#[derive(Debug, Clone)]
pub struct Start {
    pub places: Places,
    /// `--catalog DIR`.
    pub catalog: Option<PathBuf>,
    /// The session to open at once (`nunki SESSION`).
    pub session: Option<String>,
    pub high_contrast: bool,
}

/// `nunki` and `nunki SESSION`: load the knowledge, list or open the
/// session, then hand the terminal to the screen until the user quits.
/// A session that cannot be opened, or a broken `keymap.ron`, is reported
/// before the screen starts.
pub fn main(args: &Start) -> Result<(), Error> {
    let places = &args.places;
    let keymap = load_keymap(places.config_dir.as_deref())?;
    let knowledge = load_knowledge(places, args.catalog.as_deref())?;
    let templates = crate::session::templates::load(places)?;
    let infos = templates
        .iter()
        .map(|t| TemplateInfo {
            id: t.id.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
        })
        .collect();
    let engineer = crate::config::load(places.config_dir.as_deref())?.engineer;
    let mut store = DiskStore::new(Store::new(places), knowledge.clone(), templates)
        .with_engineer(engineer)
        .with_team(places.clone(), args.catalog.clone());
    let first = match &args.session {
        Some(wanted) => Msg::Opened(Ok(Box::new(store.open(wanted)?))),
        // The home screen asks for the team's sync state when the list
        // arrives.
        None => Msg::Sessions(store.list().map_err(|e| e.to_string())),
    };
    let config = Config {
        theme: ThemeKind::from_env(args.high_contrast),
        tz: jiff::tz::TimeZone::system(),
    };
    let mut app = App::new(knowledge, infos, config);
    app.keymap = keymap;
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut shell = run::Shell::new(store, cwd);
    run::run(&mut app, &mut shell, vec![first])
        .map_err(|e| Error::io("the interactive screen failed", e))
}

/// The user's key bindings: `<config>/keymap.ron` patched onto the
/// defaults, or the defaults when there is no such file.
pub fn load_keymap(config_dir: Option<&Path>) -> Result<Keymap, Error> {
    match crate::config::read_optional(config_dir, "keymap.ron")? {
        Some(source) => Keymap::from_ron(&source).map_err(Error::Keymap),
        None => Ok(Keymap::default()),
    }
}
