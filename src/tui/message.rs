//! What passes between the app, its screens and the shell: input and
//! replies ([`Msg`]), what only the shell can do ([`Action`]), what a
//! screen asks the app to do ([`Request`], answered with an [`Outcome`]),
//! and the read-only context screens work and draw from ([`Ctx`],
//! [`View`]). It names no screen type, so screens and the app can both
//! use it without importing each other.

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::keymap::Keymap;
pub use super::persist::TeamState;
use super::persist::{AllSessions, Opened, Place, SessionInfo, Synced};
use super::theme::Theme;
use crate::approvals::Draft;
use crate::engine::{Answer, Overrides, Scope};
use crate::export::{Audience, Format};
use crate::knowledge::Knowledge;
use crate::session::{ScopeOption, Session, Status};

/// What reaches the app: input from the terminal and replies from the
/// shell to the actions it performed.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    Sessions(Result<Vec<SessionInfo>, String>),
    Opened(Result<Box<Opened>, String>),
    Saved(Result<jiff::Timestamp, String>),
    Exported(Result<String, String>),
    /// Where the screen last was in the session with this id.
    Recalled(String, Option<Place>),
    /// Every saved session, for the insights screen.
    AllSessions(Result<Box<AllSessions>, String>),
    /// The shell read the clock for a decision the app asked to record.
    Decided {
        rule: String,
        draft: Draft,
        at: jiff::Timestamp,
    },
    /// The team folder's sync state; `None` when the data directory is
    /// no team folder (or git is missing): nothing to show.
    Team(Option<Result<TeamState, String>>),
    /// What a sync did, or why it failed.
    Synced(Result<Box<Synced>, String>),
    /// The won sessions (the inventory), for "similar setups we run".
    Won(Result<Vec<Session>, String>),
}

/// What only the shell can do. The shell answers with a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    ListSessions,
    Open(String),
    Create {
        customer: String,
        template: Option<String>,
        lang: crate::i18n::Lang,
    },
    /// Save this state of the session (the shell stamps `updated`).
    Save(Box<Session>),
    /// Let go of the open session (its lock).
    Close,
    /// Write an export; a relative path is relative to the working directory.
    Export {
        path: String,
        contents: Vec<u8>,
    },
    /// Read every saved session (and name the unreadable files), for the
    /// insights screen.
    LoadAllSessions,
    /// Read the clock and answer with `Msg::Decided`: the engine and the
    /// app never read it themselves.
    Decide {
        rule: String,
        draft: Draft,
    },
    /// Read the team folder's sync state (git, no network).
    TeamStatus,
    /// Commit, fetch, merge and push the team folder (`nunki sync`).
    Sync,
    /// Read the won sessions, for "similar setups we run".
    LoadWon,
    /// Read where the screen last was in this session.
    Recall(String),
    /// Keep where the screen is in this session, for the next opening.
    Remember(String, Place),
    Quit,
}

impl Action {
    /// Whether it may take long enough that the screen should show what
    /// is going on first (a sync talks to the team's remote).
    pub fn is_slow(&self) -> bool {
        matches!(self, Action::Sync)
    }
}

/// What screens and boxes ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    SetAnswer(String, Answer),
    ClearAnswer(String),
    SetNote(String, String),
    /// Show a question in the interview (and focus it).
    GoToQuestion(String),
    NextQuestion,
    PrevQuestion,
    NextOpen,
    ShowOffering(String),
    Screen(Screen),
    Back,
    Quit,
    Help,
    Search,
    Trace(TraceTarget),
    /// Go to the question behind the open trace.
    TraceJump,
    OpenSession(String),
    NewSessionDialog,
    CreateSession {
        customer: String,
        template: Option<String>,
        lang: crate::i18n::Lang,
    },
    AskAdd {
        offering: String,
        plan: String,
    },
    AskRemove {
        offering: String,
    },
    Add {
        offering: String,
        plan: String,
        quantity: f64,
        reason: String,
    },
    Remove {
        offering: String,
        reason: String,
    },
    Reset {
        offering: String,
    },
    ExportDialog,
    Export {
        format: Format,
        audience: Audience,
        path: String,
    },
    Audience(Audience),
    Notice(Tone, String),
    CloseOverlay,
    /// The box to choose what is edited (Base or an option).
    OptionsBox,
    /// Edit the session's own answers (`None`) or option `n`.
    EditOption(Option<usize>),
    AskAddOption,
    AddOption(String),
    AskRemoveOption(usize),
    RemoveOption(usize),
    /// The demand insights across all saved sessions (read them again).
    Insights,
    /// The box to choose the session's status.
    StatusBox,
    SetStatus(Status),
    /// The decision box of flag `n` of the scope shown.
    DecisionBox(usize),
    /// Record a decision on the flag of `rule` (the shell reads the clock).
    Decide {
        rule: String,
        draft: Draft,
    },
    /// The box to choose a value of the conflicts on the current question.
    ConflictBox,
    /// Resolve the conflicts on `question`: keep the merged value, or
    /// take the other one.
    ResolveConflict {
        question: String,
        take_other: bool,
    },
    /// Sync the team folder (only from the home screen).
    Sync,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Interview,
    Catalog,
    Preview,
    /// The session's options side by side.
    Compare,
    /// Demand across all saved sessions.
    Insights,
}

/// What the app needs to know of each screen, in one place.
impl Screen {
    /// The keymap context of the screen, when no box is open over it.
    pub fn context(self) -> super::keymap::Context {
        use super::keymap::Context;
        match self {
            Screen::Home => Context::Home,
            Screen::Interview => Context::Interview,
            Screen::Catalog => Context::Catalog,
            Screen::Preview => Context::Preview,
            Screen::Compare => Context::Compare,
            Screen::Insights => Context::Insights,
        }
    }

    /// Its name in a session's place file: the screens of a session are
    /// reopened where they were; the others are not a session's.
    pub fn place_name(self) -> Option<&'static str> {
        match self {
            Screen::Interview => Some("interview"),
            Screen::Catalog => Some("catalog"),
            Screen::Preview => Some("proposal"),
            Screen::Compare => Some("compare"),
            Screen::Home | Screen::Insights => None,
        }
    }

    /// The screen a place file names; the interview for a name no screen
    /// has (a file from a newer nunki, or edited by hand).
    pub fn from_place_name(name: &str) -> Screen {
        [Screen::Catalog, Screen::Preview, Screen::Compare]
            .into_iter()
            .find(|s| s.place_name() == Some(name))
            .unwrap_or(Screen::Interview)
    }

    /// Where Esc leads from the screen: `None` from the home screen.
    pub fn parent(self) -> Option<Screen> {
        match self {
            Screen::Home => None,
            Screen::Interview | Screen::Insights => Some(Screen::Home),
            Screen::Catalog | Screen::Preview | Screen::Compare => Some(Screen::Interview),
        }
    }
}

/// What a trace box explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceTarget {
    Item(String),
    /// A flag by its rule and its place in `scope.flags`.
    Flag {
        rule: String,
        index: usize,
    },
    Rule(String),
    Question(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Good,
    Bad,
}

/// A one-line message in the footer until the next key.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

/// What a screen or box did with an input.
#[derive(Debug, Default)]
pub struct Outcome {
    pub consumed: bool,
    pub requests: Vec<Request>,
}

impl Outcome {
    pub fn ignored() -> Outcome {
        Outcome::default()
    }

    pub fn done() -> Outcome {
        Outcome {
            consumed: true,
            requests: Vec::new(),
        }
    }

    pub fn with(requests: Vec<Request>) -> Outcome {
        Outcome {
            consumed: true,
            requests,
        }
    }

    pub fn one(request: Request) -> Outcome {
        Outcome::with(vec![request])
    }
}

/// A template to offer in the new-session dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateInfo {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// Read-only views the screens get.
pub struct Ctx<'a> {
    pub knowledge: &'a Knowledge,
    pub session: &'a Session,
    /// The scope of what is edited: the session's, or the option's.
    pub scope: &'a Scope,
    /// The option being edited; `None` while the session's own answers are.
    pub option: Option<&'a ScopeOption>,
    /// Its place in `session.options`.
    pub editing: Option<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        knowledge: &'a Knowledge,
        session: &'a Session,
        scope: &'a Scope,
        editing: Option<usize>,
    ) -> Ctx<'a> {
        Ctx {
            knowledge,
            session,
            scope,
            option: editing.and_then(|i| session.options.get(i)),
            editing,
        }
    }

    /// The answer shown for a question: the edited option's own answer,
    /// else the session's (`Session::option_answers`, one question).
    pub fn answer(&self, q: &str) -> Option<&'a Answer> {
        self.option
            .and_then(|o| o.answers.get(q))
            .or_else(|| self.session.answers.get(q))
    }

    /// Whether the edited option answers `q` differently from Base.
    pub fn differs(&self, q: &str) -> bool {
        self.option.is_some_and(|o| o.answers.contains_key(q))
    }

    /// The hand-made changes of what is edited.
    pub fn overrides(&self) -> &'a Overrides {
        self.option
            .and_then(|o| o.overrides.as_ref())
            .unwrap_or(&self.session.overrides)
    }
}

/// What a screen draws from besides its own state: read-only, built by
/// the app for each frame (`App::view`).
pub struct View<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// The time zone dates are shown in.
    pub tz: &'a jiff::tz::TimeZone,
    /// The templates the new-session dialog offers.
    pub templates: &'a [TemplateInfo],
    /// Offerings in the order the catalog browser lists them.
    pub catalog_order: &'a [usize],
    /// The open session, when there is one.
    pub ctx: Option<Ctx<'a>>,
}

/// What the mouse did, as a screen sees it: a left click at the event's
/// position, or the wheel. Moves and releases never reach the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    Click,
    Up,
    Down,
}

impl Gesture {
    pub fn of(mouse: &MouseEvent) -> Option<Gesture> {
        use ratatui::crossterm::event::{MouseButton, MouseEventKind};
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Gesture::Click),
            MouseEventKind::ScrollUp => Some(Gesture::Up),
            MouseEventKind::ScrollDown => Some(Gesture::Down),
            _ => None,
        }
    }

    /// The wheel as the command the keys would give; `None` for a click.
    pub fn wheel(self) -> Option<crate::tui::keymap::Command> {
        use crate::tui::keymap::Command;
        match self {
            Gesture::Up => Some(Command::Up),
            Gesture::Down => Some(Command::Down),
            Gesture::Click => None,
        }
    }
}

/// The answer to a mouse event: `None` when it changes nothing (empty
/// space), so the screen is not redrawn for it; else the requests.
pub type MouseOutcome = Option<Vec<Request>>;

#[cfg(test)]
mod screen_tests {
    use super::Screen;

    const ALL: [Screen; 6] = [
        Screen::Home,
        Screen::Interview,
        Screen::Catalog,
        Screen::Preview,
        Screen::Compare,
        Screen::Insights,
    ];

    #[test]
    fn a_session_screen_reopens_by_its_place_name() {
        for s in ALL {
            if let Some(name) = s.place_name() {
                assert_eq!(Screen::from_place_name(name), s);
            }
        }
        assert_eq!(Screen::from_place_name("galaxy"), Screen::Interview);
    }

    #[test]
    fn esc_leads_home_from_every_screen() {
        for s in ALL {
            let mut at = s;
            for _ in 0..ALL.len() {
                match at.parent() {
                    Some(p) => at = p,
                    None => break,
                }
            }
            assert_eq!(at, Screen::Home, "from {s:?}");
        }
    }
}
