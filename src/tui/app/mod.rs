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

/// The context of an open session's screens, borrowing only the fields it
/// reads, so that the screens' own states stay free to change.
macro_rules! open_ctx {
    ($knowledge:expr, $open:expr) => {
        Ctx::new(
            &$knowledge,
            &$open.session,
            &$open.eval.scope,
            $open.editing,
        )
    };
}

mod edit;
mod place;
mod requests;

use edit::*;

use super::keymap::{Command, Context, Keymap};
pub use super::message::{
    Action, Ctx, Gesture, MouseOutcome, Msg, Notice, Outcome, Request, Screen, TeamState,
    TemplateInfo, Tone, TraceTarget, View,
};
use super::persist::{Opened, Place};
use super::screens::catalog::CatalogState;
use super::screens::compare::CompareState;
use super::screens::dialogs::{self, Dialog};
use super::screens::help::HelpState;
use super::screens::home::HomeState;
use super::screens::insights::InsightsState;
use super::screens::interview::{self, InterviewState};
use super::screens::options::OptionsState;
use super::screens::preview::PreviewState;
use super::screens::search::SearchState;
use super::screens::trace::TraceState;
use super::screens::{
    self, catalog, compare, help, home, insights, options, preview, search, trace,
};
use super::theme::{Theme, ThemeKind};
use crate::compare::MAX_OPTIONS;
use crate::engine::{Answer, Overrides, Scope};
use crate::export::{self, Audience, Proposal, Subject};
use crate::knowledge::Knowledge;
use crate::search::Index;
use crate::session::{Evaluated, ScopeOption, ScopeSummary, Session};

/// A box over the screen; it takes the keys while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help(HelpState),
    Search(SearchState),
    Dialog(Dialog),
    Trace(TraceState),
    Options(OptionsState),
}

/// What happened to the last save, for the header.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Clean,
    Saved,
    Failed(String),
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
    pub compare: CompareState,
    /// What the screens show and answers change: the session's own
    /// answers (`None`, "Base") or option `n` of `session.options`.
    /// `eval` is always the scope of what is edited.
    pub editing: Option<usize>,
    /// The won sessions most like this one, once read for the proposal
    /// preview (the internal proposal's "similar setups we run").
    pub similar: Option<Vec<crate::similar::Similar>>,
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
    pub insights: InsightsState,
    /// The keys: the command table with the user's `keymap.ron` on top.
    pub keymap: Keymap,
    /// The team folder's sync state, read when the home screen opens and
    /// after a sync (never per frame); `None` without a team folder.
    pub team: Option<Result<TeamState, String>>,
    /// A sync is running.
    pub syncing: bool,
    /// The place last handed to the shell to keep (session id, place).
    remembered: Option<(String, Place)>,
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
            insights: InsightsState::default(),
            keymap: Keymap::default(),
            team: None,
            syncing: false,
            remembered: None,
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

    /// What the screens draw from, besides their own state.
    pub fn view(&self) -> View<'_> {
        View {
            theme: &self.theme,
            keymap: &self.keymap,
            tz: &self.tz,
            templates: &self.templates,
            catalog_order: &self.catalog_order,
            ctx: self.ctx(),
        }
    }

    pub fn ctx(&self) -> Option<Ctx<'_>> {
        self.open.as_ref().map(|o| open_ctx!(self.knowledge, o))
    }

    /// The keymap context of what has the keys now.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Search(_)) => Context::Search,
            Some(Overlay::Dialog(_)) => Context::Dialog,
            Some(Overlay::Trace(_)) => Context::Trace,
            Some(Overlay::Options(_)) => Context::Options,
            None => self.screen.context(),
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
                interview::Pane::Question => {
                    !open.interview.field_left
                        && self
                            .knowledge
                            .question(&open.interview.question)
                            .is_some_and(|q| {
                                matches!(q.kind, crate::knowledge::QuestionKind::Text { .. })
                            })
                }
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
                let requests = self.on_mouse(mouse);
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
                // The home screen opened (or the list changed): read the
                // team's sync state now, once, not per frame.
                actions.push(Action::TeamStatus);
            }
            Msg::Sessions(Err(e)) => self.set_notice(Tone::Bad, e),
            Msg::Opened(Ok(opened)) => {
                actions.push(Action::Recall(opened.session.id.clone()));
                self.opened(*opened);
            }
            Msg::Recalled(id, place) => {
                if let Some(place) = place
                    && self.open.as_ref().is_some_and(|o| o.session.id == id)
                {
                    self.restore(&place);
                }
                self.remembered = self.place();
            }
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
            Msg::AllSessions(result) => {
                self.dirty = true;
                match result {
                    Ok(all) => self.insights.set(&self.knowledge, *all),
                    Err(e) => {
                        self.insights.failed(e.clone());
                        self.set_notice(Tone::Bad, e);
                    }
                }
            }
            Msg::Decided { rule, draft, at } => self.decided(&rule, &draft, at, &mut actions),
            Msg::Team(state) => {
                self.dirty = true;
                self.team = state;
            }
            Msg::Synced(result) => {
                self.dirty = true;
                self.syncing = false;
                self.notice = None;
                let (title, text) = match result {
                    Ok(synced) => {
                        if let Some(k) = synced.knowledge {
                            // New team knowledge: scope with it from now
                            // on (a sync runs only with no session open).
                            self.knowledge = *k;
                            self.index = Index::new(&self.knowledge);
                            self.catalog_order = catalog::order(&self.knowledge);
                        }
                        (" Synced with the team ", synced.lines.join("\n"))
                    }
                    Err(e) => (" The sync did not finish ", e),
                };
                self.overlay = Some(Overlay::Dialog(Dialog::Message {
                    title: title.into(),
                    text,
                }));
                // Sessions may have come or changed: list them again (the
                // sync state is read when the list arrives).
                actions.push(Action::ListSessions);
            }
            Msg::Won(result) => {
                self.dirty = true;
                match result {
                    Ok(won) => {
                        if let Some(open) = &mut self.open {
                            open.similar = Some(similar_to(&self.knowledge, open, &won));
                        }
                        self.refresh_preview();
                    }
                    Err(e) => self.set_notice(Tone::Bad, e),
                }
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
        // Where the screen is, kept for the next opening when it changed.
        if let Some(place) = self.place()
            && self.remembered.as_ref() != Some(&place)
        {
            self.remembered = Some(place.clone());
            actions.push(Action::Remember(place.0, place.1));
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
                help::lines(&self.view(), state.context, inner.width as usize)
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
        let command = self.keymap.lookup(context, &key);
        // A box takes every key while open.
        if let Some(overlay) = &mut self.overlay {
            let outcome = match overlay {
                Overlay::Help(state) => help::on_command(state, context, command),
                Overlay::Search(state) => search::on_key(state, &self.index, key, command),
                Overlay::Dialog(dialog) => dialogs::on_key(dialog, &self.templates, key, command),
                Overlay::Trace(state) => trace::on_command(state, command),
                Overlay::Options(state) => match &self.open {
                    Some(open) => options::on_command(state, &open.session, command),
                    None => Outcome::ignored(),
                },
            };
            if outcome.consumed {
                return outcome.requests;
            }
            return match command {
                Some(Command::Quit) => vec![Request::Quit],
                Some(Command::Back) => vec![Request::CloseOverlay],
                // The keys of the box itself (options, trace).
                Some(Command::Help) => vec![Request::Help],
                _ => Vec::new(),
            };
        }
        let body = super::layout::chrome(self.size).map(|c| c.body);
        let outcome = match self.screen {
            Screen::Home => home::on_key(&mut self.home, key, command),
            Screen::Insights => {
                insights::on_command(&mut self.insights, &self.theme, body, command)
            }
            Screen::Interview | Screen::Catalog | Screen::Preview | Screen::Compare => {
                let Some(open) = &mut self.open else {
                    return vec![Request::Back];
                };
                let ctx = open_ctx!(self.knowledge, open);
                match self.screen {
                    Screen::Interview => interview::on_key(&mut open.interview, &ctx, key, command),
                    Screen::Catalog => {
                        catalog::on_command(&mut open.catalog, &ctx, &self.catalog_order, command)
                    }
                    Screen::Compare => {
                        compare::on_command(&mut open.compare, &self.theme, body, command)
                    }
                    _ => preview::on_command(&mut open.preview, &self.theme, body, command),
                }
            }
        };
        if outcome.consumed {
            return outcome.requests;
        }
        // A screen may ask for something first even when it leaves the
        // key to the app (a Tech Radar answer entered before a quit).
        let mut first = outcome.requests;
        first.extend(self.fallback(command));
        first
    }

    /// What a key does that no screen took: the commands of every screen.
    fn fallback(&self, command: Option<Command>) -> Vec<Request> {
        match command {
            Some(Command::Quit) => vec![Request::Quit],
            Some(Command::Help) => vec![Request::Help],
            Some(Command::Back) => vec![Request::Back],
            Some(Command::Search) => vec![Request::Search],
            Some(Command::GoInterview) => vec![Request::Screen(Screen::Interview)],
            Some(Command::GoCatalog) => vec![Request::Screen(Screen::Catalog)],
            Some(Command::GoPreview) => vec![Request::Screen(Screen::Preview)],
            Some(Command::Compare) => vec![Request::Screen(Screen::Compare)],
            Some(Command::Options) => vec![Request::OptionsBox],
            Some(Command::Insights) => vec![Request::Insights],
            Some(Command::Status) => vec![Request::StatusBox],
            Some(Command::Sync) => vec![Request::Sync],
            _ => Vec::new(),
        }
    }

    /// The mouse, dispatched to the box on top or else the screen, which
    /// resolves the position with its own areas.
    fn on_mouse(&mut self, mouse: MouseEvent) -> MouseOutcome {
        let gesture = Gesture::of(&mouse)?;
        let (x, y) = (mouse.column, mouse.row);
        let body = super::layout::chrome(self.size)?.body;
        if let Some(overlay) = &mut self.overlay {
            return match overlay {
                Overlay::Search(s) => search::on_mouse(s, body, gesture, x, y),
                Overlay::Help(s) => screens::wheel(gesture, |c| {
                    screens::box_scroll(&mut s.scroll, Some(c));
                }),
                Overlay::Trace(s) => screens::wheel(gesture, |c| {
                    screens::box_scroll(&mut s.scroll, Some(c));
                }),
                Overlay::Options(s) => {
                    let n = self.open.as_ref().map_or(0, |o| o.session.options.len());
                    options::on_mouse(s, n, body, gesture, x, y)
                }
                Overlay::Dialog(_) => None,
            };
        }
        if self.screen == Screen::Home {
            return home::on_mouse(&mut self.home, body, gesture, x, y);
        }
        if self.screen == Screen::Insights {
            return screens::wheel(gesture, |c| {
                insights::on_command(&mut self.insights, &self.theme, Some(body), Some(c));
            });
        }
        let open = self.open.as_mut()?;
        let ctx = open_ctx!(self.knowledge, open);
        match self.screen {
            Screen::Interview => {
                interview::on_mouse(&mut open.interview, &ctx, &self.theme, body, gesture, x, y)
            }
            Screen::Catalog => catalog::on_mouse(
                &mut open.catalog,
                &ctx,
                &self.catalog_order,
                body,
                gesture,
                x,
                y,
            ),
            Screen::Compare => screens::wheel(gesture, |c| {
                compare::on_command(&mut open.compare, &self.theme, Some(body), Some(c));
            }),
            Screen::Preview => screens::wheel(gesture, |c| {
                preview::on_command(&mut open.preview, &self.theme, Some(body), Some(c));
            }),
            Screen::Home | Screen::Insights => None,
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
                let ctx = open_ctx!(self.knowledge, open);
                interview::on_paste(&mut open.interview, &ctx, text)
            }
            _ => Vec::new(),
        }
    }

    /// What is edited now: Base (`None`) or an option.
    fn editing(&self) -> Option<usize> {
        self.open.as_ref().and_then(|o| o.editing)
    }

    /// Switches what is edited, evaluates it once, and shows its answers.
    fn edit(&mut self, editing: Option<usize>) {
        let Some(open) = &mut self.open else { return };
        let editing = editing.filter(|&i| i < open.session.options.len());
        self.overlay = None;
        open.editing = editing;
        open.eval = evaluate(&self.knowledge, &open.session, editing);
        let ctx = open_ctx!(self.knowledge, open);
        open.interview.after_change(&ctx);
        let current = open.interview.question.clone();
        let focus = open.interview.focus;
        open.interview.go_to(&ctx, &current);
        open.interview.focus = focus;
        open.catalog.sync(&ctx, &self.catalog_order);
        let text = match ctx.option {
            Some(o) => format!(
                "Editing option \"{}\": answers you give now belong to it alone.",
                o.name
            ),
            None => "Editing Base: the session's own answers, shared by every option.".into(),
        };
        if self.screen == Screen::Compare {
            self.screen = Screen::Interview;
        }
        self.set_notice(Tone::Info, text);
        self.refresh_preview();
        self.refresh_compare();
    }

    /// Evaluates the options for the comparison, only while it shows.
    fn refresh_compare(&mut self) {
        let shows =
            self.screen == Screen::Compare || matches!(self.overlay, Some(Overlay::Options(_)));
        if !shows {
            return;
        }
        if let Some(open) = &mut self.open {
            let base = match open.editing {
                None => crate::compare::Column::of("Base", &open.eval.scope),
                Some(_) => crate::compare::Column::of(
                    "Base",
                    &open.session.evaluate(&self.knowledge).scope,
                ),
            };
            open.compare.set(
                crate::compare::of_session(&self.knowledge, &open.session),
                base,
            );
        }
    }

    fn offering_name(&self, id: &str) -> String {
        self.knowledge
            .offering(id)
            .map_or_else(|| id.to_string(), |o| o.name.to_string())
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
        if screen == Screen::Compare {
            if let Some(open) = &mut self.open {
                // Column 0 is Base; option i is column i + 1.
                open.compare.column = open.editing.map_or(0, |i| i + 1);
            }
            self.refresh_compare();
        }
        if screen == Screen::Catalog
            && let Some(open) = &mut self.open
        {
            let ctx = open_ctx!(self.knowledge, open);
            open.catalog.sync(&ctx, &self.catalog_order);
        }
    }

    fn back(&mut self, actions: &mut Vec<Action>) {
        if self.overlay.take().is_some() {
            return;
        }
        let Some(parent) = self.screen.parent() else {
            return;
        };
        if self.screen == Screen::Interview {
            // Leaving the interview closes the session.
            self.open = None;
            self.save = SaveState::Clean;
            actions.push(Action::Close);
        }
        if parent == Screen::Home {
            actions.push(Action::ListSessions);
        }
        self.screen = parent;
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
        open.editing = open.editing.filter(|&i| i < open.session.options.len());
        open.eval = evaluate(&self.knowledge, &open.session, open.editing);
        // The summary in the file is the session's own scope; an option's
        // answers do not change it.
        if open.editing.is_none() {
            open.session.last_scope = Some(ScopeSummary::of(&open.eval.scope));
        }
        open.session.knowledge_version = self.knowledge.version.clone();
        let ctx = open_ctx!(self.knowledge, open);
        open.interview.after_change(&ctx);
        open.catalog.sync(&ctx, &self.catalog_order);
        actions.push(Action::Save(Box::new(open.session.clone())));
        self.refresh_preview();
        self.refresh_compare();
    }

    /// Builds the proposal's document for the preview, only while it shows.
    fn refresh_preview(&mut self) {
        if self.screen != Screen::Preview {
            return;
        }
        if let Some(open) = &mut self.open {
            let proposal = proposal(&self.knowledge, open, open.preview.audience);
            open.preview
                .set_doc(export::document::Document::of(&proposal));
        }
    }

    /// The session's own scope (Base), whatever option is edited: the
    /// decisions and the gate before selling are the session's.
    fn base_scope(&self) -> Option<Scope> {
        let open = self.open.as_ref()?;
        Some(match open.editing {
            None => open.eval.scope.clone(),
            Some(_) => open.session.evaluate(&self.knowledge).scope,
        })
    }

    /// Records a decision the shell stamped with the time, as `nunki
    /// approve` does, saves it, and says what is still missing.
    fn decided(
        &mut self,
        rule: &str,
        draft: &crate::approvals::Draft,
        at: jiff::Timestamp,
        actions: &mut Vec<Action>,
    ) {
        let Some(scope) = self.base_scope() else {
            return;
        };
        let Some(flag) = scope.flags.iter().find(|f| f.rule == rule) else {
            self.set_notice(
                Tone::Bad,
                "Not recorded: the flag is no longer raised by the session's answers.",
            );
            return;
        };
        let raised = self
            .open
            .as_ref()
            .and_then(|o| o.session.flags_seen.get(rule).copied());
        let decision = draft.decide(flag, raised, at);
        let words = format!(
            "{} \"{}\" by {}",
            match decision.verdict {
                crate::session::Verdict::Approved => "Approved",
                crate::session::Verdict::Declined => "Declined",
            },
            flag.title,
            decision.by
        );
        self.change(actions, |s| {
            crate::approvals::record(&mut s.decisions, decision)
        });
        let Some(open) = &self.open else { return };
        if open.read_only {
            return;
        }
        let scope = self.base_scope().unwrap_or(scope);
        let missing = crate::approvals::missing(&scope, &open.session.decisions);
        let rest = if missing.is_empty() {
            "nothing else is missing before the proposal can go out.".to_string()
        } else {
            let list: Vec<String> = missing.iter().map(|m| m.describe()).collect();
            format!("still missing: {}.", list.join("; "))
        };
        self.set_notice(Tone::Good, format!("{words}; {rest}"));
    }

    fn opened(&mut self, opened: Opened) {
        let session = opened.session;
        // The interview shows the knowledge's texts in the session's
        // language; keys and hints stay English.
        if self.knowledge.lang() != session.lang {
            self.knowledge = self.knowledge.in_language(session.lang);
            self.index = Index::new(&self.knowledge);
            self.catalog_order = catalog::order(&self.knowledge);
        }
        let eval = session.evaluate(&self.knowledge);
        let mut open = Open {
            interview: InterviewState::default(),
            catalog: CatalogState::default(),
            preview: PreviewState::default(),
            compare: CompareState::default(),
            editing: None,
            similar: None,
            read_only: opened.read_only,
            session,
            eval,
        };
        let ctx = open_ctx!(self.knowledge, open);
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
        // Opening is not moving: the place kept last time is read first
        // (`Action::Recall`), not overwritten with the first question.
        self.remembered = self.place();
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
