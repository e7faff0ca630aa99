//! The app: all state of the interactive screen, and `update`, which
//! turns one message (a key, a click, a reply from the shell) into new
//! state plus the [`Action`]s only the shell can perform (save, open,
//! export, quit).
//!
//! Nothing here touches the terminal, the file system or the clock, so a
//! test drives the whole app with key sequences. Screens handle what they
//! own and answer "consumed or not" with [`Request`]s; the app applies the
//! requests in one place (`apply`), evaluates the session once per change
//! and caches the scope, so drawing only reads.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::Rect;

use super::keymap::{self, Command, Context};
use super::persist::{Opened, SessionInfo};
use super::screens::catalog::CatalogState;
use super::screens::dialogs::{self, Dialog};
use super::screens::help::HelpState;
use super::screens::home::HomeState;
use super::screens::interview::{self, InterviewState};
use super::screens::preview::PreviewState;
use super::screens::search::SearchState;
use super::screens::trace::{TraceState, TraceTarget};
use super::screens::{catalog, help, home, preview, search, trace};
use super::theme::{Theme, ThemeKind};
use crate::engine::{Answer, Scope};
use crate::export::{self, Audience, Format, Proposal};
use crate::knowledge::Knowledge;
use crate::search::Index;
use crate::session::{Evaluated, ScopeSummary, Session};

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
}

/// What only the shell can do. The shell answers with a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    ListSessions,
    Open(String),
    Create {
        customer: String,
        template: Option<String>,
    },
    /// Save this state of the session (the shell stamps `updated`).
    Save(Box<Session>),
    /// Let go of the open session (its lock).
    Close,
    /// Write an export; a relative path is relative to the working directory.
    Export {
        path: String,
        contents: String,
    },
    Quit,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Interview,
    Catalog,
    Preview,
}

/// A box over the screen; it takes the keys while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help(HelpState),
    Search(SearchState),
    Dialog(Dialog),
    Trace(TraceState),
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

/// What happened to the last save, for the header.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Clean,
    Saved,
    Failed(String),
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

/// Choices made at start-up.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: ThemeKind,
    /// The time zone dates are shown in (tests use UTC).
    pub tz: jiff::tz::TimeZone,
}

/// A session being worked on, with its scope evaluated once per change.
#[derive(Debug, Clone)]
pub struct Open {
    pub session: Session,
    /// Another nunki holds the session: shown, never changed.
    pub read_only: bool,
    pub eval: Evaluated,
    pub interview: InterviewState,
    pub catalog: CatalogState,
    pub preview: PreviewState,
}

/// Read-only views the screens get.
pub struct Ctx<'a> {
    pub knowledge: &'a Knowledge,
    pub session: &'a Session,
    pub scope: &'a Scope,
}

pub struct App {
    pub knowledge: Knowledge,
    pub index: Index,
    pub templates: Vec<TemplateInfo>,
    pub theme: Theme,
    pub tz: jiff::tz::TimeZone,
    /// The terminal's size, so `update` can hit-test clicks against the
    /// same pure layout the drawing uses.
    pub size: Rect,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub home: HomeState,
    pub open: Option<Open>,
    pub notice: Option<Notice>,
    pub save: SaveState,
    /// Offerings in the order the catalog browser lists them.
    pub catalog_order: Vec<usize>,
    dirty: bool,
}

impl App {
    pub fn new(knowledge: Knowledge, templates: Vec<TemplateInfo>, config: Config) -> App {
        let index = Index::new(&knowledge);
        let catalog_order = catalog::order(&knowledge);
        App {
            knowledge,
            index,
            templates,
            theme: Theme::new(config.theme),
            tz: config.tz,
            size: Rect::new(0, 0, 80, 24),
            screen: Screen::Home,
            overlay: None,
            home: HomeState::default(),
            open: None,
            notice: None,
            save: SaveState::Clean,
            catalog_order,
            dirty: true,
        }
    }

    /// Whether something changed since the last call; the shell redraws
    /// only then, so an idle nunki draws nothing.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    pub fn scope(&self) -> Option<&Scope> {
        self.open.as_ref().map(|o| &o.eval.scope)
    }

    pub fn ctx(&self) -> Option<Ctx<'_>> {
        self.open.as_ref().map(|o| Ctx {
            knowledge: &self.knowledge,
            session: &o.session,
            scope: &o.eval.scope,
        })
    }

    /// The keymap context of what has the keys now.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Search(_)) => Context::Search,
            Some(Overlay::Dialog(_)) => Context::Dialog,
            Some(Overlay::Trace(_)) => Context::Trace,
            None => match self.screen {
                Screen::Home => Context::Home,
                Screen::Interview => Context::Interview,
                Screen::Catalog => Context::Catalog,
                Screen::Preview => Context::Preview,
            },
        }
    }

    /// Whether a text field has the keys, so letters are text, not
    /// commands (number fields take only digits and leave letters be).
    pub fn typing(&self) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        match (self.screen, &self.open) {
            (Screen::Home, _) => self.home.filtering,
            (Screen::Interview, Some(open)) => match open.interview.focus {
                interview::Pane::Note => true,
                interview::Pane::Question => self
                    .knowledge
                    .question(&open.interview.question)
                    .is_some_and(|q| matches!(q.kind, crate::knowledge::QuestionKind::Text { .. })),
                _ => false,
            },
            _ => false,
        }
    }

    /// One message in, the shell's work out.
    pub fn update(&mut self, msg: Msg) -> Vec<Action> {
        let mut actions = Vec::new();
        match msg {
            Msg::Key(key) => {
                // Terminals with the kitty protocol (and Windows) also
                // report releases; only presses and repeats are keystrokes.
                if key.kind == KeyEventKind::Release {
                    return actions;
                }
                self.notice = None;
                self.dirty = true;
                let requests = self.on_key(key);
                self.apply_all(requests, &mut actions);
                self.clamp_scroll();
            }
            Msg::Paste(text) => {
                self.dirty = true;
                let requests = self.on_paste(&text);
                self.apply_all(requests, &mut actions);
            }
            Msg::Mouse(mouse) => {
                let requests = super::mouse::on_mouse(self, mouse);
                if let Some(requests) = requests {
                    self.dirty = true;
                    self.notice = None;
                    self.apply_all(requests, &mut actions);
                    self.clamp_scroll();
                }
            }
            Msg::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.dirty = true;
            }
            Msg::Sessions(Ok(list)) => {
                self.home.set_sessions(list);
                self.dirty = true;
            }
            Msg::Sessions(Err(e)) => self.set_notice(Tone::Bad, e),
            Msg::Opened(Ok(opened)) => self.opened(*opened),
            Msg::Opened(Err(e)) => {
                self.set_notice(Tone::Bad, e);
                self.screen = Screen::Home;
            }
            Msg::Saved(Ok(at)) => {
                if let Some(open) = &mut self.open {
                    open.session.updated = at;
                }
                if self.save != SaveState::Saved {
                    self.dirty = true;
                }
                self.save = SaveState::Saved;
            }
            Msg::Saved(Err(e)) => {
                self.save = SaveState::Failed(e.clone());
                self.set_notice(Tone::Bad, format!("NOT SAVED: {e}"));
            }
            Msg::Exported(result) => {
                self.dirty = true;
                match (&mut self.overlay, result) {
                    (Some(Overlay::Dialog(Dialog::Export(form))), r) => form.result = Some(r),
                    (_, Ok(path)) => self.set_notice(Tone::Good, format!("Wrote {path}")),
                    (_, Err(e)) => self.set_notice(Tone::Bad, e),
                }
            }
        }
        actions
    }

    /// Keeps the scroll of the help and trace boxes within their text, so
    /// scrolling back up starts at once however far one scrolled down.
    fn clamp_scroll(&mut self) {
        let Some(chrome) = super::layout::chrome(self.size) else {
            return;
        };
        let max = match &self.overlay {
            Some(Overlay::Help(state)) => {
                let inner = help::area(chrome.body);
                help::lines(self, state.context, inner.width as usize)
                    .len()
                    .saturating_sub(inner.height as usize)
            }
            Some(Overlay::Trace(state)) => {
                let inner = super::layout::inner(trace::area(chrome.body));
                match self.ctx() {
                    Some(ctx) => trace::lines(&self.theme, &ctx, &state.target, inner.width)
                        .1
                        .len()
                        .saturating_sub(inner.height as usize),
                    None => 0,
                }
            }
            _ => return,
        };
        match &mut self.overlay {
            Some(Overlay::Help(state)) => state.scroll = state.scroll.min(max),
            Some(Overlay::Trace(state)) => state.scroll = state.scroll.min(max),
            _ => {}
        }
    }

    /// A message for the footer; a problem too long for it opens a box,
    /// so no error is cut off.
    fn set_notice(&mut self, tone: Tone, text: impl Into<String>) {
        let text = text.into();
        self.dirty = true;
        let room = (self.size.width as usize).saturating_sub(2);
        if tone == Tone::Bad && text.chars().count() > room && self.overlay.is_none() {
            self.overlay = Some(Overlay::Dialog(Dialog::Message {
                title: " Something went wrong ".into(),
                text,
            }));
            return;
        }
        self.notice = Some(Notice { tone, text });
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Request> {
        let context = self.context();
        let command = keymap::lookup(context, &key);
        // A box takes every key while open.
        if let Some(overlay) = &mut self.overlay {
            let outcome = match overlay {
                Overlay::Help(state) => help::on_command(state, context, command),
                Overlay::Search(state) => search::on_key(state, &self.index, key, command),
                Overlay::Dialog(dialog) => dialogs::on_key(dialog, &self.templates, key, command),
                Overlay::Trace(state) => trace::on_command(state, command),
            };
            if outcome.consumed {
                return outcome.requests;
            }
            return match command {
                Some(Command::Quit) => vec![Request::Quit],
                Some(Command::Back) => vec![Request::CloseOverlay],
                _ => Vec::new(),
            };
        }
        let outcome = match self.screen {
            Screen::Home => home::on_key(&mut self.home, key, command),
            Screen::Interview | Screen::Catalog | Screen::Preview => {
                let Some(open) = &mut self.open else {
                    return vec![Request::Back];
                };
                let ctx = Ctx {
                    knowledge: &self.knowledge,
                    session: &open.session,
                    scope: &open.eval.scope,
                };
                match self.screen {
                    Screen::Interview => interview::on_key(&mut open.interview, &ctx, key, command),
                    Screen::Catalog => {
                        catalog::on_command(&mut open.catalog, &ctx, &self.catalog_order, command)
                    }
                    _ => {
                        let area =
                            super::layout::chrome(self.size).map(|c| preview::text_area(c.body));
                        let (page, total) = area.map_or((20, 0), |a| {
                            (
                                a.height as usize,
                                preview::lines(&self.theme, &open.preview.text, a.width).len(),
                            )
                        });
                        preview::on_command(&mut open.preview, command, page, total)
                    }
                }
            }
        };
        if outcome.consumed {
            return outcome.requests;
        }
        match command {
            Some(Command::Quit) => vec![Request::Quit],
            Some(Command::Help) => vec![Request::Help],
            Some(Command::Back) => vec![Request::Back],
            Some(Command::Search) => vec![Request::Search],
            Some(Command::GoInterview) => vec![Request::Screen(Screen::Interview)],
            Some(Command::GoCatalog) => vec![Request::Screen(Screen::Catalog)],
            Some(Command::GoPreview) => vec![Request::Screen(Screen::Preview)],
            _ => Vec::new(),
        }
    }

    fn on_paste(&mut self, text: &str) -> Vec<Request> {
        match &mut self.overlay {
            Some(Overlay::Search(state)) => return search::on_paste(state, &self.index, text),
            Some(Overlay::Dialog(dialog)) => return dialogs::on_paste(dialog, text),
            Some(_) => return Vec::new(),
            None => {}
        }
        match (self.screen, &mut self.open) {
            (Screen::Home, _) => home::on_paste(&mut self.home, text),
            (Screen::Interview, Some(open)) => {
                let ctx = Ctx {
                    knowledge: &self.knowledge,
                    session: &open.session,
                    scope: &open.eval.scope,
                };
                interview::on_paste(&mut open.interview, &ctx, text)
            }
            _ => Vec::new(),
        }
    }

    pub(crate) fn apply_all(&mut self, requests: Vec<Request>, actions: &mut Vec<Action>) {
        for r in requests {
            self.apply(r, actions);
        }
    }

    /// The one place where requests change the app.
    fn apply(&mut self, request: Request, actions: &mut Vec<Action>) {
        match request {
            Request::SetAnswer(q, a) => self.change(actions, |s| {
                s.answers.insert(q, a);
            }),
            Request::ClearAnswer(q) => self.change(actions, |s| {
                s.answers.remove(&q);
            }),
            Request::SetNote(q, note) => self.change(actions, |s| {
                if note.trim().is_empty() {
                    s.notes.remove(&q);
                } else {
                    s.notes.insert(q, note);
                }
            }),
            Request::GoToQuestion(q) => {
                self.overlay = None;
                self.screen = Screen::Interview;
                if let Some(open) = &mut self.open {
                    let ctx = Ctx {
                        knowledge: &self.knowledge,
                        session: &open.session,
                        scope: &open.eval.scope,
                    };
                    if !ctx.scope.visible_questions.contains(&q) {
                        let prompt = self
                            .knowledge
                            .question(&q)
                            .map_or(q.as_str(), |x| x.prompt.as_str());
                        self.notice = Some(Notice {
                            tone: Tone::Info,
                            text: format!(
                                "\"{prompt}\" is not asked with the current answers (skip logic)"
                            ),
                        });
                    }
                    open.interview.go_to(&ctx, &q);
                    open.interview.focus = interview::Pane::Question;
                }
            }
            Request::NextQuestion | Request::PrevQuestion | Request::NextOpen => {
                let Some(open) = &mut self.open else { return };
                let ctx = Ctx {
                    knowledge: &self.knowledge,
                    session: &open.session,
                    scope: &open.eval.scope,
                };
                let target = match request {
                    Request::NextQuestion => {
                        interview::next_visible(&ctx, &open.interview.question, 1)
                    }
                    Request::PrevQuestion => {
                        interview::next_visible(&ctx, &open.interview.question, -1)
                    }
                    _ => interview::next_open(&ctx, &open.interview.question),
                };
                match target {
                    Some(q) => {
                        open.interview.go_to(&ctx, &q);
                        open.interview.focus = interview::Pane::Question;
                    }
                    None => {
                        let text = match request {
                            Request::NextQuestion => {
                                "That was the last question. Ctrl-N finds open ones; p shows the proposal."
                            }
                            Request::PrevQuestion => "This is the first question.",
                            _ => "Every question that applies is answered. p shows the proposal.",
                        };
                        self.notice = Some(Notice {
                            tone: Tone::Info,
                            text: text.into(),
                        });
                    }
                }
            }
            Request::ShowOffering(id) => {
                self.overlay = None;
                if let Some(open) = &mut self.open {
                    let ctx = Ctx {
                        knowledge: &self.knowledge,
                        session: &open.session,
                        scope: &open.eval.scope,
                    };
                    open.catalog.show(&ctx, &self.catalog_order, &id);
                    self.screen = Screen::Catalog;
                }
            }
            Request::Screen(screen) => self.go_screen(screen),
            Request::Back => self.back(actions),
            Request::Quit => actions.push(Action::Quit),
            Request::Help => {
                self.overlay = Some(Overlay::Help(HelpState::new(self.context())));
            }
            Request::Search => {
                if self.open.is_some() {
                    self.overlay = Some(Overlay::Search(SearchState::new(&self.index)));
                }
            }
            Request::Trace(target) => self.overlay = Some(Overlay::Trace(TraceState::new(target))),
            Request::TraceJump => {
                let target = match &self.overlay {
                    Some(Overlay::Trace(state)) => Some(state.target.clone()),
                    _ => None,
                };
                let question =
                    target.and_then(|t| self.ctx().and_then(|ctx| trace::question_of(&ctx, &t)));
                match question {
                    Some(q) => self.apply(Request::GoToQuestion(q), actions),
                    None => self.set_notice(Tone::Info, "No question is behind this one."),
                }
            }
            Request::OpenSession(id) => actions.push(Action::Open(id)),
            Request::NewSessionDialog => {
                self.overlay = Some(Overlay::Dialog(Dialog::new_session()));
            }
            Request::CreateSession { customer, template } => {
                self.overlay = None;
                actions.push(Action::Create { customer, template });
            }
            Request::AskAdd { offering, plan } => {
                self.overlay = Some(Overlay::Dialog(Dialog::add(
                    &self.knowledge,
                    &offering,
                    &plan,
                )));
            }
            Request::AskRemove { offering } => {
                let in_scope = self.scope().is_some_and(|s| s.item(&offering).is_some());
                if in_scope {
                    self.overlay =
                        Some(Overlay::Dialog(Dialog::remove(&self.knowledge, &offering)));
                } else {
                    self.set_notice(
                        Tone::Info,
                        "That offering is not in the scope; nothing to remove.",
                    );
                }
            }
            Request::Add {
                offering,
                plan,
                quantity,
                reason,
            } => {
                self.overlay = None;
                let name = self.offering_name(&offering);
                self.change(actions, |s| {
                    s.overrides.add(&offering, &plan, quantity, &reason)
                });
                self.set_notice(Tone::Good, format!("Added {name} by hand."));
            }
            Request::Remove { offering, reason } => {
                self.overlay = None;
                let name = self.offering_name(&offering);
                self.change(actions, |s| s.overrides.remove(&offering, &reason));
                self.set_notice(Tone::Good, format!("Removed {name} by hand."));
            }
            Request::Reset { offering } => {
                let has = self.open.as_ref().is_some_and(|o| {
                    let ov = &o.session.overrides;
                    ov.added.iter().any(|a| a.offering == offering)
                        || ov.removed.iter().any(|r| r.offering == offering)
                });
                if has {
                    let name = self.offering_name(&offering);
                    self.change(actions, |s| s.overrides.reset(&offering));
                    self.set_notice(
                        Tone::Good,
                        format!("{name}: back to what the rules decide."),
                    );
                } else {
                    self.set_notice(Tone::Info, "Nothing was changed by hand for this offering.");
                }
            }
            Request::ExportDialog => {
                if let Some(open) = &self.open {
                    self.overlay = Some(Overlay::Dialog(Dialog::export(
                        &open.session,
                        open.preview.audience,
                    )));
                }
            }
            Request::Export {
                format,
                audience,
                path,
            } => {
                if let Some(open) = &self.open {
                    let proposal = Proposal::from_session(
                        &open.session,
                        &open.eval.scope,
                        &self.knowledge,
                        audience,
                    );
                    let contents = export::render(format, &proposal);
                    actions.push(Action::Export { path, contents });
                }
            }
            Request::Audience(audience) => {
                if let Some(open) = &mut self.open {
                    open.preview.audience = audience;
                    open.preview.scroll = 0;
                }
                self.refresh_preview();
            }
            Request::Notice(tone, text) => self.set_notice(tone, text),
            Request::CloseOverlay => self.overlay = None,
        }
    }

    fn offering_name(&self, id: &str) -> String {
        self.knowledge
            .offering(id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    }

    fn go_screen(&mut self, screen: Screen) {
        if self.open.is_none() && screen != Screen::Home {
            return;
        }
        self.overlay = None;
        self.screen = screen;
        if screen == Screen::Preview {
            self.refresh_preview();
        }
        if screen == Screen::Catalog
            && let Some(open) = &mut self.open
        {
            let ctx = Ctx {
                knowledge: &self.knowledge,
                session: &open.session,
                scope: &open.eval.scope,
            };
            open.catalog.sync(&ctx, &self.catalog_order);
        }
    }

    fn back(&mut self, actions: &mut Vec<Action>) {
        if self.overlay.take().is_some() {
            return;
        }
        match self.screen {
            Screen::Home => {}
            Screen::Interview => {
                self.open = None;
                self.screen = Screen::Home;
                self.save = SaveState::Clean;
                actions.push(Action::Close);
                actions.push(Action::ListSessions);
            }
            Screen::Catalog | Screen::Preview => self.screen = Screen::Interview,
        }
    }

    /// A change to the session: apply it, evaluate once, keep the scope
    /// summary in the file (the home screen reads it), save at once.
    fn change(&mut self, actions: &mut Vec<Action>, f: impl FnOnce(&mut Session)) {
        let Some(open) = &mut self.open else { return };
        if open.read_only {
            self.notice = Some(Notice {
                tone: Tone::Bad,
                text:
                    "Read-only: another nunki has this session open; changes are not possible here."
                        .into(),
            });
            return;
        }
        f(&mut open.session);
        open.eval = open.session.evaluate(&self.knowledge);
        open.session.last_scope = Some(ScopeSummary::of(&open.eval.scope));
        open.session.knowledge_version = self.knowledge.version.clone();
        let ctx = Ctx {
            knowledge: &self.knowledge,
            session: &open.session,
            scope: &open.eval.scope,
        };
        open.interview.after_change(&ctx);
        open.catalog.sync(&ctx, &self.catalog_order);
        actions.push(Action::Save(Box::new(open.session.clone())));
        self.refresh_preview();
    }

    /// Renders the proposal text for the preview, only while it shows.
    fn refresh_preview(&mut self) {
        if self.screen != Screen::Preview {
            return;
        }
        if let Some(open) = &mut self.open {
            let proposal = Proposal::from_session(
                &open.session,
                &open.eval.scope,
                &self.knowledge,
                open.preview.audience,
            );
            open.preview
                .set_text(export::render(Format::Markdown, &proposal));
        }
    }

    fn opened(&mut self, opened: Opened) {
        let session = opened.session;
        let eval = session.evaluate(&self.knowledge);
        let mut open = Open {
            interview: InterviewState::default(),
            catalog: CatalogState::default(),
            preview: PreviewState::default(),
            read_only: opened.read_only,
            session,
            eval,
        };
        let ctx = Ctx {
            knowledge: &self.knowledge,
            session: &open.session,
            scope: &open.eval.scope,
        };
        let first = interview::first_question(&ctx);
        if let Some(q) = first {
            open.interview.go_to(&ctx, &q);
        }
        open.catalog.sync(&ctx, &self.catalog_order);
        let problems = open.eval.problems.len();
        self.open = Some(open);
        self.overlay = None;
        self.screen = Screen::Interview;
        self.save = SaveState::Clean;
        self.dirty = true;
        if let Some(n) = opened.notice {
            // Long notices (a lock taken over, changed knowledge) get a box
            // of their own: they matter and do not fit the footer.
            if n.chars().count() > 70 {
                self.overlay = Some(Overlay::Dialog(Dialog::Message {
                    title: " Before you go on ".into(),
                    text: n,
                }));
            } else {
                self.set_notice(Tone::Info, n);
            }
        } else if problems > 0 {
            self.set_notice(
                Tone::Bad,
                format!(
                    "{problems} saved answer(s) no longer fit the catalog; they are kept in the file but not used."
                ),
            );
        }
    }
}
