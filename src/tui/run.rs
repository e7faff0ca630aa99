//! The shell of the interactive screen: it owns the terminal (raw mode,
//! alternate screen, mouse, bracketed paste) and gives it back on quit,
//! on error and on panic; it blocks on the next event (an idle nunki uses
//! no CPU), hands it to the app, draws only when something changed, and
//! performs the app's actions against the session store and the disk.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use ratatui::crossterm::{cursor, execute};

use super::app::{Action, App, Msg};
use super::persist::SessionStore;
use super::view;

/// Performs actions for the app and turns their outcome into messages.
/// Saves are held back while keys are still queued (a paste, fast typing)
/// and written once the input is idle, so typing never waits on the disk.
pub struct Shell<S: SessionStore> {
    pub store: S,
    /// Where relative export paths go: the directory nunki started in.
    pub cwd: PathBuf,
    pending_save: Option<Box<crate::session::Session>>,
}

/// Whether the app asked to quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

impl<S: SessionStore> Shell<S> {
    pub fn new(store: S, cwd: PathBuf) -> Shell<S> {
        Shell {
            store,
            cwd,
            pending_save: None,
        }
    }

    /// Performs `actions` and everything their replies ask for.
    pub fn run(&mut self, app: &mut App, actions: Vec<Action>) -> Flow {
        let mut queue: VecDeque<Action> = actions.into();
        while let Some(action) = queue.pop_front() {
            if action == Action::Quit {
                self.flush(app);
                return Flow::Quit;
            }
            if let Some(reply) = self.perform(action) {
                queue.extend(app.update(reply));
            }
        }
        Flow::Continue
    }

    /// Writes the held-back save, if any.
    pub fn flush(&mut self, app: &mut App) {
        if let Some(mut session) = self.pending_save.take() {
            let reply = shown(self.store.save(&mut session).map(|_| session.updated));
            let more = app.update(Msg::Saved(reply));
            // A save's reply never asks for more; run them anyway, so a
            // future one that does is not lost.
            if !more.is_empty() {
                self.run(app, more);
            }
        }
    }

    fn perform(&mut self, action: Action) -> Option<Msg> {
        if let Action::Save(session) = action {
            self.pending_save = Some(session);
            return None;
        }
        // Anything else may depend on the session being on disk (closing
        // it, listing it), so the held-back save goes first.
        if let Some(mut session) = self.pending_save.take() {
            let reply = shown(self.store.save(&mut session).map(|_| session.updated));
            if let Err(e) = reply {
                return Some(Msg::Saved(Err(e)));
            }
        }
        match action {
            Action::ListSessions => Some(Msg::Sessions(shown(self.store.list()))),
            Action::Open(id) => Some(Msg::Opened(shown(self.store.open(&id).map(Box::new)))),
            Action::Create {
                customer,
                template,
                lang,
            } => Some(Msg::Opened(shown(
                self.store
                    .create(&customer, template.as_deref(), lang)
                    .map(Box::new),
            ))),
            Action::Close => {
                self.store.close();
                None
            }
            Action::Export { path, contents } => {
                Some(Msg::Exported(write_export(&self.cwd, &path, &contents)))
            }
            Action::LoadAllSessions => {
                Some(Msg::AllSessions(shown(self.store.all().map(Box::new))))
            }
            // The shell reads the clock; the app records the decision.
            Action::Decide { rule, draft } => Some(Msg::Decided {
                rule,
                draft,
                at: jiff::Timestamp::now(),
            }),
            Action::TeamStatus => Some(Msg::Team(self.store.team_status().map(shown))),
            Action::Sync => Some(Msg::Synced(shown(self.store.sync().map(Box::new)))),
            Action::LoadWon => Some(Msg::Won(shown(self.store.won()))),
            Action::Recall(id) => {
                let place = self.store.recall(&id);
                Some(Msg::Recalled(id, place))
            }
            Action::Remember(id, place) => {
                // Where one was is a convenience: failing to keep it is
                // not worth an interruption.
                let _ = self.store.remember(&id, &place);
                None
            }
            Action::Save(_) | Action::Quit => None,
        }
    }
}

/// A failure as the screen shows it: the error's sentence.
fn shown<T>(result: Result<T, crate::error::Error>) -> Result<T, String> {
    result.map_err(|e| e.to_string())
}

/// Writes an export atomically (a temporary file renamed into place), so
/// a half-written proposal never lies on disk (see `files::write_output`).
/// Returns the absolute path.
pub fn write_export(cwd: &Path, path: &str, contents: &[u8]) -> Result<String, String> {
    let path = Path::new(path);
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let dir = path
        .parent()
        .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);
    if !dir.is_dir() {
        return Err(format!(
            "The directory {} does not exist; choose another file name.",
            dir.display()
        ));
    }
    // A document to share, not a secret: a new file gets the usual mode,
    // an existing one keeps its own; a FIFO or device is written through.
    crate::files::write_output(&path, contents)
        .map_err(|e| format!("Cannot write {}: {e}", path.display()))?;
    Ok(path.display().to_string())
}

/// The message of a terminal event, if it is one the app cares about.
pub fn message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Mouse(m) => Some(Msg::Mouse(m)),
        Event::Paste(p) => Some(Msg::Paste(p)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// Gives the terminal back: no mouse reports, no bracketed paste, the
/// cursor visible, the main screen, cooked mode. Safe to call twice.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Takes the terminal. ratatui's init enters raw mode and the alternate
/// screen and installs a panic hook that restores them; ours runs first
/// and also turns off what ratatui does not know we turned on.
fn init() -> io::Result<ratatui::DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        ratatui_hook(info);
    }));
    execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    Ok(terminal)
}

/// Runs the screen until the app quits. The terminal is restored before
/// this returns, whatever happened, so an error prints on a sane screen.
pub fn run<S: SessionStore>(
    app: &mut App,
    shell: &mut Shell<S>,
    first: Vec<Msg>,
) -> io::Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the interactive screen needs a terminal; for scripts use `nunki check` or `nunki export`",
        ));
    }
    let mut terminal = match init() {
        Ok(t) => t,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    let result = event_loop(&mut terminal, app, shell, first);
    restore();
    result
}

fn event_loop<S: SessionStore>(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    shell: &mut Shell<S>,
    first: Vec<Msg>,
) -> io::Result<()> {
    let size = terminal.size()?;
    let mut msgs = vec![Msg::Resize(size.width, size.height)];
    msgs.extend(first);
    for msg in msgs {
        let actions = app.update(msg);
        if shell.run(app, actions) == Flow::Quit {
            return Ok(());
        }
    }
    loop {
        if app.take_dirty() {
            terminal.draw(|frame| view::draw(frame, app))?;
        }
        // Write the held-back save only when no input is waiting; then
        // block until the next event: no timer, no CPU while idle.
        if !event::poll(std::time::Duration::ZERO)? {
            shell.flush(app);
            if app.take_dirty() {
                terminal.draw(|frame| view::draw(frame, app))?;
            }
        }
        let Some(msg) = message(event::read()?) else {
            continue;
        };
        let actions = app.update(msg);
        // A sync may take a while: show that it runs before it does.
        if actions.iter().any(Action::is_slow) && app.take_dirty() {
            terminal.draw(|frame| view::draw(frame, app))?;
        }
        if shell.run(app, actions) == Flow::Quit {
            return Ok(());
        }
    }
}
