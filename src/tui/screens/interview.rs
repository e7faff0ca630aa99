//! The interview: sections with progress on the left, the current
//! question with an input made for its kind in the centre, the live scope
//! and its flags on the right. Skip logic is the engine's: the screen
//! shows `scope.visible_questions` and nothing else.
//!
//! While an option is edited (`Ctx::option`), the answers shown and
//! changed are the option's, and a question it answers differently from
//! Base says so. A Tech Radar question completes names from the radar and
//! shows the ring of each name in the answer.

use std::collections::{HashMap, HashSet};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::trace::TraceTarget;
use super::{highlighted, pane, wrapped};
use crate::engine::answers::format_number;
use crate::engine::{Answer, AnswerProblem, Flag, Scope, parse_typed};
use crate::knowledge::radar::{Ring, TechRadar, split_names};
use crate::knowledge::{Family, PriceBasis, Question, QuestionKind, Severity};
use crate::search::{Case, Fuzzy};
use crate::tui::app::{App, Ctx, Outcome, Request};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_input::Edit;
use crate::tui::widgets::{TextInput, badge, fit, fit_right, truncate, width, window_offset, wrap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    Sections,
    #[default]
    Question,
    Note,
    Scope,
}

impl Pane {
    fn next(self, forward: bool) -> Pane {
        const ORDER: [Pane; 4] = [Pane::Sections, Pane::Question, Pane::Note, Pane::Scope];
        let i = ORDER.iter().position(|p| *p == self).unwrap_or(0);
        let n = if forward { i + 1 } else { i + ORDER.len() - 1 };
        ORDER[n % ORDER.len()]
    }
}

#[derive(Debug, Clone, Default)]
pub struct InterviewState {
    pub focus: Pane,
    /// The question in the centre.
    pub question: String,
    /// The selected row of the section list.
    pub nav_cursor: usize,
    /// The option under the cursor of a choice question.
    pub option_cursor: usize,
    /// What is typed in a number or text question; it becomes the answer
    /// as soon as it is valid.
    pub field: TextInput,
    pub field_error: Option<String>,
    pub note: TextInput,
    /// The selected entry on the right: items first, then flags.
    pub scope_cursor: usize,
    /// Tech Radar entries that fit the name being typed (radar questions).
    pub suggestions: Vec<Suggestion>,
    /// The highlighted suggestion; `None` until ↓ chooses one.
    pub suggestion: Option<usize>,
}

/// A Tech Radar entry offered for the name being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index into `TechRadar::entries`.
    pub entry: usize,
    /// The alias that matched, when it was not the name.
    pub alias: Option<String>,
    /// Matched characters of the name (empty when an alias matched).
    pub indices: Vec<usize>,
}

/// Suggestions shown at most under a radar field.
pub const SUGGESTIONS: usize = 5;

/// Where the name being typed starts: after the last separator that
/// `split_names` knows, and after the spaces that follow it.
fn word_start(text: &str) -> usize {
    let after = text.rfind([',', ';']).map_or(0, |i| i + 1);
    after + (text[after..].len() - text[after..].trim_start().len())
}

/// The radar entries that fit the name typed after the last comma, best
/// first (fuzzy, over names and aliases), leaving out names already in
/// the answer. Nothing is offered for an empty name.
pub fn suggest(radar: &TechRadar, text: &str) -> Vec<Suggestion> {
    let start = word_start(text);
    let word = text[start..].trim_end();
    if word.is_empty() {
        return Vec::new();
    }
    let named: Vec<&str> = split_names(&text[..start])
        .filter_map(|n| radar.lookup(n).map(|e| e.id.as_str()))
        .collect();
    let mut matcher = Fuzzy::new(word, Case::Ignore);
    let mut found: Vec<(i64, Suggestion)> = Vec::new();
    for (i, e) in radar.entries.iter().enumerate() {
        if named.contains(&e.id.as_str()) {
            continue;
        }
        let by_name = matcher
            .indices(&e.name)
            .map(|(score, idx)| (score, None, idx));
        let by_alias: Vec<_> = e
            .aliases
            .iter()
            .filter_map(|a| {
                matcher
                    .score(a)
                    .map(|score| (score, Some(a.clone()), Vec::new()))
            })
            .collect();
        // The name wins a tie: it is what the suggestion puts in.
        let best = by_name.into_iter().chain(by_alias).fold(
            None::<(i64, Option<String>, Vec<usize>)>,
            |best, c| match best {
                Some(b) if b.0 >= c.0 => Some(b),
                _ => Some(c),
            },
        );
        if let Some((score, alias, indices)) = best {
            found.push((
                score,
                Suggestion {
                    entry: i,
                    alias,
                    indices,
                },
            ));
        }
    }
    found.sort_by(|a, b| {
        b.0.cmp(&a.0).then_with(|| {
            radar.entries[a.1.entry]
                .name
                .cmp(&radar.entries[b.1.entry].name)
        })
    });
    found
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, s)| s)
        .collect()
}

/// The text with the name being typed replaced by `name`.
pub fn complete(text: &str, name: &str) -> String {
    let start = word_start(text);
    let head = &text[..start];
    if head.is_empty() || head.ends_with(' ') {
        format!("{head}{name}")
    } else {
        format!("{head} {name}")
    }
}

/// A ring in words, "unknown" for a name the radar does not list.
pub fn ring_word(ring: Option<Ring>) -> &'static str {
    ring.map_or("unknown", Ring::id)
}

fn ring_style(t: &Theme, ring: Option<Ring>) -> ratatui::style::Style {
    match ring {
        Some(Ring::Adopt) => t.ok,
        Some(Ring::Trial) => t.text,
        Some(Ring::Assess) => t.warn,
        Some(Ring::Hold) | None => t.error,
    }
}

fn is_radar(q: &Question) -> bool {
    matches!(q.kind, QuestionKind::Text { radar: true })
}

/// A row of the section list.
#[derive(Debug, Clone, PartialEq)]
pub enum NavRow {
    Section {
        index: usize,
        answered: usize,
        visible: usize,
        worst: Option<Severity>,
    },
    Question {
        id: String,
        answered: bool,
        worst: Option<Severity>,
    },
}

/// The scope's question lists as sets, built once per call: looking each
/// question up in the lists made the section list quadratic (a fifth of a
/// keystroke with 300 questions).
struct Progress<'a> {
    visible: HashSet<&'a str>,
    open: HashSet<&'a str>,
    /// The worst flag that names each question.
    worst: HashMap<&'a str, Severity>,
}

impl<'a> Progress<'a> {
    fn of(scope: &'a Scope) -> Progress<'a> {
        let mut worst: HashMap<&str, Severity> = HashMap::new();
        for f in &scope.flags {
            for q in &f.questions {
                let w = worst.entry(q.as_str()).or_insert(f.severity);
                *w = (*w).min(f.severity);
            }
        }
        Progress {
            visible: scope.visible_questions.iter().map(String::as_str).collect(),
            open: scope.open_questions.iter().map(String::as_str).collect(),
            worst,
        }
    }

    fn visible(&self, q: &str) -> bool {
        self.visible.contains(q)
    }

    fn answered(&self, q: &str) -> bool {
        self.visible.contains(q) && !self.open.contains(q)
    }

    /// The worst flag that names any of `questions`.
    fn worst_of(&self, questions: &[&str]) -> Option<Severity> {
        questions
            .iter()
            .filter_map(|q| self.worst.get(q).copied())
            .min()
    }
}

fn section_index(ctx: &Ctx<'_>, q: &str) -> Option<usize> {
    ctx.knowledge
        .questionnaire
        .sections
        .iter()
        .position(|s| s.questions.iter().any(|x| x.id == q))
}

/// The section list: every section with its progress, and the questions
/// of the current one.
pub fn nav_rows(ctx: &Ctx<'_>, current: &str) -> Vec<NavRow> {
    let expanded = section_index(ctx, current);
    let progress = Progress::of(ctx.scope);
    let mut rows = Vec::new();
    for (index, section) in ctx.knowledge.questionnaire.sections.iter().enumerate() {
        let visible: Vec<&str> = section
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .filter(|q| progress.visible(q))
            .collect();
        let answered = visible.iter().filter(|q| progress.answered(q)).count();
        rows.push(NavRow::Section {
            index,
            answered,
            visible: visible.len(),
            worst: progress.worst_of(&visible),
        });
        if expanded == Some(index) {
            for q in visible {
                rows.push(NavRow::Question {
                    id: q.to_string(),
                    answered: progress.answered(q),
                    worst: progress.worst_of(&[q]),
                });
            }
        }
    }
    rows
}

/// Where an interview starts: the first question that applies and is not
/// answered yet, or the first one.
pub fn first_question(ctx: &Ctx<'_>) -> Option<String> {
    let visible = &ctx.scope.visible_questions;
    let progress = Progress::of(ctx.scope);
    visible
        .iter()
        .find(|q| !progress.answered(q))
        .or_else(|| visible.first())
        .cloned()
}

/// The visible question `step` places from `current` in questionnaire
/// order. A hidden `current` counts from where it would be.
pub fn next_visible(ctx: &Ctx<'_>, current: &str, step: isize) -> Option<String> {
    let all: Vec<&str> = ctx
        .knowledge
        .questionnaire
        .questions()
        .map(|q| q.id.as_str())
        .collect();
    let pos = all.iter().position(|q| *q == current)?;
    let progress = Progress::of(ctx.scope);
    let visible = |q: &&&str| progress.visible(q);
    if step > 0 {
        all[pos + 1..].iter().find(visible).map(|q| q.to_string())
    } else {
        all[..pos].iter().rev().find(visible).map(|q| q.to_string())
    }
}

/// The next unanswered question after `current`, wrapping around.
pub fn next_open(ctx: &Ctx<'_>, current: &str) -> Option<String> {
    let visible = &ctx.scope.visible_questions;
    let start = visible
        .iter()
        .position(|q| q == current)
        .map_or(0, |p| p + 1);
    let n = visible.len();
    let progress = Progress::of(ctx.scope);
    (0..n)
        .map(|k| &visible[(start + k) % n.max(1)])
        .find(|q| q.as_str() != current && !progress.answered(q))
        .cloned()
}

impl InterviewState {
    /// Shows question `q`: cursor on its answer, fields filled from it.
    pub fn go_to(&mut self, ctx: &Ctx<'_>, q: &str) {
        self.question = q.to_string();
        self.field_error = None;
        self.clear_suggestions();
        let question = ctx.knowledge.question(q);
        let answer = ctx.answer(q);
        self.option_cursor = match (question, answer) {
            (Some(question), Some(Answer::Text(v))) => question
                .options()
                .iter()
                .position(|o| &o.id == v)
                .unwrap_or(0),
            (Some(question), Some(Answer::List(vs))) => vs
                .first()
                .and_then(|v| question.options().iter().position(|o| &o.id == v))
                .unwrap_or(0),
            _ => 0,
        };
        self.field = match question.map(|x| &x.kind) {
            Some(QuestionKind::Number { .. }) => TextInput::numeric(
                &answer
                    .and_then(Answer::as_number)
                    .map(format_number)
                    .unwrap_or_default(),
            ),
            _ => TextInput::new(answer.and_then(Answer::as_text).unwrap_or_default()),
        };
        self.note = TextInput::new(ctx.session.notes.get(q).map_or("", String::as_str));
        self.sync_nav(ctx);
    }

    pub fn clear_suggestions(&mut self) {
        self.suggestions.clear();
        self.suggestion = None;
    }

    /// Suggestions for what the field holds now (radar questions only).
    fn refresh_suggestions(&mut self, ctx: &Ctx<'_>, q: &Question) {
        self.suggestion = None;
        self.suggestions = if is_radar(q) {
            suggest(&ctx.knowledge.radar, self.field.value())
        } else {
            Vec::new()
        };
    }

    /// Puts suggestion `n` in place of the name being typed.
    fn take_suggestion(&mut self, ctx: &Ctx<'_>, n: usize) -> bool {
        let Some(entry) = self
            .suggestions
            .get(n)
            .and_then(|s| ctx.knowledge.radar.entries.get(s.entry))
        else {
            return false;
        };
        let text = complete(self.field.value(), &entry.name);
        self.field.set(&text);
        self.clear_suggestions();
        true
    }

    fn sync_nav(&mut self, ctx: &Ctx<'_>) {
        let rows = nav_rows(ctx, &self.question);
        self.nav_cursor = rows
            .iter()
            .position(|r| matches!(r, NavRow::Question { id, .. } if *id == self.question))
            .unwrap_or(0);
    }

    /// After answers changed: the current question may have been hidden
    /// by skip logic, and lists may have shrunk.
    pub fn after_change(&mut self, ctx: &Ctx<'_>) {
        if !ctx.scope.visible_questions.contains(&self.question) {
            let next = next_visible(ctx, &self.question, 1)
                .or_else(|| next_visible(ctx, &self.question, -1));
            if let Some(q) = next {
                self.go_to(ctx, &q);
            }
        }
        let entries = ctx.scope.items.len() + ctx.scope.flags.len();
        self.scope_cursor = self.scope_cursor.min(entries.saturating_sub(1));
        if self.focus == Pane::Sections {
            let len = nav_rows(ctx, &self.question).len();
            self.nav_cursor = self.nav_cursor.min(len.saturating_sub(1));
        } else {
            self.sync_nav(ctx);
        }
    }
}

fn current<'a>(state: &InterviewState, ctx: &Ctx<'a>) -> Option<&'a Question> {
    ctx.knowledge.question(&state.question)
}

/// Words for a number that cannot be the answer.
fn number_problem(problem: &AnswerProblem) -> String {
    match problem {
        AnswerProblem::OutOfRange { min, max, unit, .. } => match (min, max) {
            (Some(lo), Some(hi)) => format!(
                "between {} and {} {unit}",
                format_number(*lo),
                format_number(*hi)
            ),
            (Some(lo), None) => format!("at least {} {unit}", format_number(*lo)),
            (None, Some(hi)) => format!("at most {} {unit}", format_number(*hi)),
            (None, None) => "a finite number".into(),
        },
        AnswerProblem::NotWhole { .. } => "type a whole number".into(),
        _ => "type a number, e.g. 4 or 99.9".into(),
    }
}

/// The field's text as an answer: the requests that make it so, or why not.
fn field_requests(state: &mut InterviewState, question: &Question, ctx: &Ctx<'_>) -> Vec<Request> {
    let text = state.field.value().trim();
    let id = question.id.clone();
    if text.is_empty() {
        state.field_error = None;
        // An option has only its own answers to clear: an empty field
        // there is not a request to leave out what Base answers.
        let clearable = match ctx.option {
            Some(_) => ctx.differs(&id),
            None => ctx.answer(&id).is_some(),
        };
        return if clearable {
            vec![Request::ClearAnswer(id)]
        } else {
            Vec::new()
        };
    }
    match parse_typed(question, text) {
        Ok(answer) => {
            state.field_error = None;
            if ctx.answer(&id) == Some(&answer) {
                Vec::new()
            } else {
                vec![Request::SetAnswer(id, answer)]
            }
        }
        Err(p) => {
            state.field_error = Some(format!("Not saved: {}.", number_problem(&p)));
            Vec::new()
        }
    }
}

/// A multi choice after ticking or unticking `option`: an exclusive option
/// ("none") clears the others and is cleared by them.
pub fn toggled(question: &Question, current: &[String], option: &str) -> Vec<String> {
    let exclusive = |id: &str| question.option(id).is_some_and(|o| o.exclusive);
    let mut chosen: Vec<String> = if current.iter().any(|c| c == option) {
        current.iter().filter(|c| *c != option).cloned().collect()
    } else if exclusive(option) {
        vec![option.to_string()]
    } else {
        let mut v: Vec<String> = current.iter().filter(|c| !exclusive(c)).cloned().collect();
        v.push(option.to_string());
        v
    };
    // Keep the questionnaire's order, so the file and the screen read alike.
    chosen.sort_by_key(|c| question.options().iter().position(|o| &o.id == c));
    chosen
}

/// The requests that choose option `index` of the current question.
fn choose(
    state: &InterviewState,
    question: &Question,
    ctx: &Ctx<'_>,
    index: usize,
) -> Vec<Request> {
    let Some(option) = question.options().get(index) else {
        return Vec::new();
    };
    let id = state.question.clone();
    match &question.kind {
        QuestionKind::Single { .. } => {
            vec![Request::SetAnswer(id, Answer::Text(option.id.clone()))]
        }
        QuestionKind::Multi { .. } => {
            let current = ctx.answer(&id).map(Answer::as_list).unwrap_or_default();
            let next = toggled(question, current, &option.id);
            if next.is_empty() {
                vec![Request::ClearAnswer(id)]
            } else {
                vec![Request::SetAnswer(id, Answer::List(next))]
            }
        }
        _ => Vec::new(),
    }
}

pub fn on_paste(state: &mut InterviewState, ctx: &Ctx<'_>, text: &str) -> Vec<Request> {
    match state.focus {
        Pane::Note => {
            state.note.insert_str(text);
            vec![Request::SetNote(
                state.question.clone(),
                state.note.value().to_string(),
            )]
        }
        Pane::Question => match current(state, ctx) {
            Some(q)
                if matches!(
                    q.kind,
                    QuestionKind::Number { .. } | QuestionKind::Text { .. }
                ) =>
            {
                state.field.insert_str(text);
                state.refresh_suggestions(ctx, q);
                field_requests(state, q, ctx)
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

pub fn on_key(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    match state.focus {
        Pane::Note => {
            if matches!(key.code, KeyCode::Enter | KeyCode::Esc) {
                state.focus = Pane::Question;
                return Outcome::done();
            }
            match state.note.handle(key) {
                Edit::Changed => {
                    return Outcome::one(Request::SetNote(
                        state.question.clone(),
                        state.note.value().to_string(),
                    ));
                }
                Edit::Moved => return Outcome::done(),
                Edit::Ignored => {}
            }
        }
        Pane::Question => {
            if let Some(q) = current(state, ctx)
                && matches!(
                    q.kind,
                    QuestionKind::Number { .. } | QuestionKind::Text { .. }
                )
            {
                if let Some(outcome) = suggestion_key(state, ctx, q, key) {
                    return outcome;
                }
                match state.field.handle(key) {
                    Edit::Changed => {
                        state.refresh_suggestions(ctx, q);
                        return Outcome::with(field_requests(state, q, ctx));
                    }
                    Edit::Moved => return Outcome::done(),
                    Edit::Ignored => {}
                }
            }
        }
        _ => {}
    }
    match command {
        Some(c) => on_command(state, ctx, c),
        None => Outcome::ignored(),
    }
}

/// The keys of the suggestion list under a radar field, while it shows:
/// ↓ and ↑ choose, Tab and Enter put the choice (Tab: the first) in place
/// of the name being typed, Esc hides the list. `None`: not for the list.
fn suggestion_key(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    q: &Question,
    key: KeyEvent,
) -> Option<Outcome> {
    use ratatui::crossterm::event::KeyModifiers;
    if state.suggestions.is_empty() || !key.modifiers.difference(KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    let last = state.suggestions.len() - 1;
    match key.code {
        KeyCode::Down => {
            state.suggestion = Some(state.suggestion.map_or(0, |n| (n + 1).min(last)));
            Some(Outcome::done())
        }
        KeyCode::Up if state.suggestion.is_some() => {
            state.suggestion = state.suggestion.and_then(|n| n.checked_sub(1));
            Some(Outcome::done())
        }
        KeyCode::Tab | KeyCode::Enter => {
            let n = match (key.code, state.suggestion) {
                (_, Some(n)) => n,
                (KeyCode::Tab, None) => 0,
                _ => return None,
            };
            // A name typed out in full is not completed again: Tab then
            // leaves the field as it does everywhere.
            let typed = &state.field.value()[word_start(state.field.value())..];
            let entry = state
                .suggestions
                .get(n)
                .and_then(|s| ctx.knowledge.radar.entries.get(s.entry));
            if state.suggestion.is_none() && entry.is_some_and(|e| e.name == typed.trim_end()) {
                state.clear_suggestions();
                return None;
            }
            state.take_suggestion(ctx, n);
            Some(Outcome::with(field_requests(state, q, ctx)))
        }
        KeyCode::Esc => {
            state.clear_suggestions();
            Some(Outcome::done())
        }
        _ => None,
    }
}

fn on_command(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    match command {
        Command::NextPane | Command::PrevPane => {
            state.clear_suggestions();
            state.focus = state.focus.next(command == Command::NextPane);
            if state.focus == Pane::Sections {
                state.sync_nav(ctx);
            }
            return Outcome::done();
        }
        Command::NextQuestion => return Outcome::one(Request::NextQuestion),
        Command::PrevQuestion => return Outcome::one(Request::PrevQuestion),
        Command::NextOpen => return Outcome::one(Request::NextOpen),
        _ => {}
    }
    match state.focus {
        Pane::Sections => on_sections(state, ctx, command),
        Pane::Question | Pane::Note => on_question(state, ctx, command),
        Pane::Scope => on_scope(state, ctx, command),
    }
}

fn on_sections(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    let rows = nav_rows(ctx, &state.question);
    let last = rows.len().saturating_sub(1);
    match command {
        Command::Up => state.nav_cursor = state.nav_cursor.saturating_sub(1),
        Command::Down => state.nav_cursor = (state.nav_cursor + 1).min(last),
        Command::PageUp => state.nav_cursor = state.nav_cursor.saturating_sub(10),
        Command::PageDown => state.nav_cursor = (state.nav_cursor + 10).min(last),
        Command::Top => state.nav_cursor = 0,
        Command::Bottom => state.nav_cursor = last,
        Command::Select | Command::Toggle | Command::Right => {
            return activate_nav(ctx, rows.get(state.nav_cursor));
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// Enter on a row of the section list: a question opens; a section opens
/// at its first open question (or its first question).
pub fn activate_nav(ctx: &Ctx<'_>, row: Option<&NavRow>) -> Outcome {
    match row {
        Some(NavRow::Question { id, .. }) => Outcome::one(Request::GoToQuestion(id.clone())),
        Some(NavRow::Section { index, .. }) => {
            let section = &ctx.knowledge.questionnaire.sections[*index];
            let progress = Progress::of(ctx.scope);
            let visible: Vec<&String> = section
                .questions
                .iter()
                .map(|q| &q.id)
                .filter(|q| progress.visible(q))
                .collect();
            match visible
                .iter()
                .find(|q| !progress.answered(q))
                .or(visible.first())
            {
                Some(q) => Outcome::one(Request::GoToQuestion((*q).clone())),
                None => Outcome::one(Request::Notice(
                    crate::tui::app::Tone::Info,
                    format!(
                        "No question of \"{}\" applies with the answers so far.",
                        section.title
                    ),
                )),
            }
        }
        None => Outcome::done(),
    }
}

fn on_question(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    let Some(q) = current(state, ctx) else {
        return Outcome::ignored();
    };
    let id = state.question.clone();
    let n_options = q.options().len();
    let choice = n_options > 0;
    match command {
        Command::Up if choice => state.option_cursor = state.option_cursor.saturating_sub(1),
        Command::Down if choice => {
            state.option_cursor = (state.option_cursor + 1).min(n_options - 1)
        }
        Command::Top if choice => state.option_cursor = 0,
        Command::Bottom if choice => state.option_cursor = n_options - 1,
        Command::Up => return Outcome::one(Request::PrevQuestion),
        Command::Down => return Outcome::one(Request::NextQuestion),
        Command::Toggle => {
            return match q.kind {
                QuestionKind::YesNo => {
                    let now = ctx.answer(&id).and_then(Answer::as_bool);
                    Outcome::one(Request::SetAnswer(id, Answer::Bool(now != Some(true))))
                }
                _ => Outcome::with(choose(state, q, ctx, state.option_cursor)),
            };
        }
        Command::Yes | Command::Left if q.kind == QuestionKind::YesNo => {
            return Outcome::one(Request::SetAnswer(id, Answer::Bool(true)));
        }
        Command::No | Command::Right if q.kind == QuestionKind::YesNo => {
            return Outcome::one(Request::SetAnswer(id, Answer::Bool(false)));
        }
        Command::Select => {
            let mut requests = match &q.kind {
                QuestionKind::Single { .. } => choose(state, q, ctx, state.option_cursor),
                QuestionKind::Number { .. } | QuestionKind::Text { .. } => {
                    let r = field_requests(state, q, ctx);
                    if state.field_error.is_some() {
                        return Outcome::with(r);
                    }
                    r
                }
                _ => Vec::new(),
            };
            requests.push(Request::NextQuestion);
            return Outcome::with(requests);
        }
        Command::ClearAnswer => {
            state.field.set("");
            state.field_error = None;
            return Outcome::one(Request::ClearAnswer(id));
        }
        Command::Why => return Outcome::one(Request::Trace(TraceTarget::Question(id))),
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

fn on_scope(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    let items = ctx.scope.items.len();
    let total = items + ctx.scope.flags.len();
    let last = total.saturating_sub(1);
    match command {
        Command::Up => state.scope_cursor = state.scope_cursor.saturating_sub(1),
        Command::Down => state.scope_cursor = (state.scope_cursor + 1).min(last),
        Command::PageUp => state.scope_cursor = state.scope_cursor.saturating_sub(10),
        Command::PageDown => state.scope_cursor = (state.scope_cursor + 10).min(last),
        Command::Top => state.scope_cursor = 0,
        Command::Bottom => state.scope_cursor = last,
        Command::Select | Command::Why | Command::Remove => {
            return scope_action(ctx, state.scope_cursor, command);
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// Enter, `w` or `x` on entry `n` of the right column.
pub fn scope_action(ctx: &Ctx<'_>, n: usize, command: Command) -> Outcome {
    let items = ctx.scope.items.len();
    if let Some(item) = ctx.scope.items.get(n) {
        return match command {
            Command::Remove => Outcome::one(Request::AskRemove {
                offering: item.offering.clone(),
            }),
            _ => Outcome::one(Request::Trace(TraceTarget::Item(item.offering.clone()))),
        };
    }
    let Some(flag) = ctx.scope.flags.get(n - items.min(n)).filter(|_| n >= items) else {
        return Outcome::done();
    };
    let target = TraceTarget::Flag {
        rule: flag.rule.clone(),
        index: n - items,
    };
    match command {
        Command::Select => {
            let q = flag
                .questions
                .iter()
                .find(|q| ctx.scope.visible_questions.contains(q))
                .or(flag.questions.first());
            match q {
                Some(q) => Outcome::one(Request::GoToQuestion(q.clone())),
                None => Outcome::one(Request::Trace(target)),
            }
        }
        Command::Why => Outcome::one(Request::Trace(target)),
        _ => Outcome::one(Request::Notice(
            crate::tui::app::Tone::Info,
            "A flag goes away when the answer behind it changes (Enter goes there).".into(),
        )),
    }
}

// ---------------------------------------------------------------- drawing

/// The parts of the question pane, from top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionAreas {
    pub prompt: Rect,
    pub why: Rect,
    pub input: Rect,
    pub message: Rect,
    pub flags: Rect,
    pub note: Rect,
}

/// Rows each part of a question wants in a pane `inner` wide.
/// The lines about the flags a question raised: each flag's badge and
/// title, then what to propose instead, the thing to say to the customer.
fn flag_lines(t: &Theme, raised: &[&Flag], w: u16) -> Vec<Line<'static>> {
    let title_w = (w as usize).saturating_sub(crate::tui::widgets::badge::WIDTH + 1);
    let mut out = Vec::new();
    for f in raised {
        out.push(Line::from(vec![
            badge(t, f.severity),
            Span::raw(" "),
            Span::styled(truncate(&f.title, title_w), t.severity(f.severity)),
        ]));
        out.extend(wrapped(&format!("  → {}", f.remediation), w, t.dim));
    }
    out
}

fn wanted_rows(
    q: &Question,
    state: &InterviewState,
    inner: Rect,
    raised: &[&Flag],
    message_rows: u16,
) -> [u16; 9] {
    let w = inner.width;
    let rows = |s: &str| u16::try_from(wrap(s, w as usize).len()).unwrap_or(u16::MAX);
    let input = match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } => {
            u16::try_from(options.len()).unwrap_or(u16::MAX)
        }
        // The field, and the suggestions under it while they show.
        QuestionKind::Text { radar: true } if state.focus == Pane::Question => {
            1 + u16::try_from(state.suggestions.len()).unwrap_or(0)
        }
        _ => 1,
    };
    let theme = crate::tui::theme::Theme::new(crate::tui::theme::ThemeKind::NoColor);
    let flags = u16::try_from(flag_lines(&theme, raised, w).len()).unwrap_or(u16::MAX);
    // prompt, gap, why, gap, input, message, flags, gap, note
    [
        rows(&q.prompt),
        1,
        rows(&why_text(q)),
        1,
        input,
        message_rows,
        flags,
        1,
        1,
    ]
}

fn why_text(q: &Question) -> String {
    format!("Why we ask: {}", q.help)
}

/// Fits the parts into the pane: gaps go first, then "why" shrinks to a
/// line, then the flag lines, then the option list scrolls, so the
/// prompt, the input and the note stay on screen.
pub fn question_areas(
    inner: Rect,
    q: &Question,
    state: &InterviewState,
    raised: &[&Flag],
    message_rows: u16,
) -> QuestionAreas {
    let mut rows = wanted_rows(q, state, inner, raised, message_rows);
    let fits =
        |r: &[u16; 9]| r.iter().map(|&x| u32::from(x)).sum::<u32>() <= u32::from(inner.height);
    for (slot, floor) in [
        (7, 0),
        (3, 0),
        (1, 0),
        (2, 1),
        (6, 0),
        (4, 1),
        (0, 1),
        (2, 0),
        (5, 0),
    ] {
        while !fits(&rows) && rows[slot] > floor {
            rows[slot] -= 1;
        }
    }
    let mut y = inner.y;
    let mut take = |h: u16| {
        let h = h.min(inner.bottom().saturating_sub(y));
        let r = Rect::new(inner.x, y, inner.width, h);
        y += h;
        r
    };
    let prompt = take(rows[0]);
    take(rows[1]);
    let why = take(rows[2]);
    take(rows[3]);
    let input = take(rows[4]);
    let message = take(rows[5]);
    let flags = take(rows[6]);
    // The note sits at the bottom of the pane.
    let note_y = inner.bottom().saturating_sub(rows[8]).max(y);
    let note = Rect::new(
        inner.x,
        note_y,
        inner.width,
        rows[8].min(inner.bottom().saturating_sub(note_y)),
    );
    QuestionAreas {
        prompt,
        why,
        input,
        message,
        flags,
        note,
    }
}

/// The line under the input: why a typed value is not the answer, or how
/// this kind of question is answered.
pub fn message_text(state: &InterviewState, q: &Question) -> String {
    if let Some(e) = &state.field_error {
        return e.clone();
    }
    match &q.kind {
        QuestionKind::Number {
            min, max, integer, ..
        } => {
            let range = match (min, max) {
                (Some(lo), Some(hi)) => {
                    format!("from {} to {}", format_number(*lo), format_number(*hi))
                }
                (Some(lo), None) => format!("at least {}", format_number(*lo)),
                (None, Some(hi)) => format!("at most {}", format_number(*hi)),
                (None, None) => "any number".into(),
            };
            let whole = if *integer { ", whole numbers" } else { "" };
            format!("  {range}{whole}; Enter to go on")
        }
        QuestionKind::Text { radar: true } if !state.suggestions.is_empty() => {
            "  From the Tech Radar: Tab takes the first, ↓ chooses, Esc hides".into()
        }
        QuestionKind::Text { radar: true } => "  Names, separated by commas".into(),
        QuestionKind::Text { radar: false } => "  Saved as you type; Enter to go on".into(),
        QuestionKind::Multi { .. } => "  Space: tick or untick · Enter: go on".into(),
        QuestionKind::Single { .. } => "  Enter: choose, go on · Space: choose".into(),
        QuestionKind::YesNo => "  y / n or ← → · Enter: go on".into(),
    }
}

/// Everything under the input: the hint or error (`message_text`), the
/// ring of each technology named (radar questions), and, while an option
/// is edited, whether its answer differs from Base. `w` columns wide.
pub fn message_lines(
    t: &Theme,
    state: &InterviewState,
    ctx: &Ctx<'_>,
    q: &Question,
    w: u16,
) -> Vec<Line<'static>> {
    let style = if state.field_error.is_some() {
        t.error
    } else {
        t.dim
    };
    let mut out = wrapped(&message_text(state, q), w, style);
    if is_radar(q)
        && let Some(text) = ctx.answer(&q.id).and_then(Answer::as_text)
    {
        out.extend(ring_lines(t, &ctx.knowledge.radar, text, w));
    }
    if ctx.option.is_some() {
        let base = ctx
            .session
            .answers
            .get(&q.id)
            .map_or("not answered".to_string(), |a| a.display(Some(q)));
        let text = if ctx.differs(&q.id) {
            format!("◆ Differs from Base: {base}")
        } else {
            "  Same as Base".to_string()
        };
        let style = if ctx.differs(&q.id) { t.warn } else { t.dim };
        out.extend(wrapped(&text, w, style));
    }
    out
}

/// "Radar: Postgres adopt · COBOL hold · Fortran unknown": the ring of each
/// name in a radar answer, as the rules read it, wrapped between names.
pub fn ring_lines(t: &Theme, radar: &TechRadar, text: &str, w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let lead = "  Radar: ";
    let mut spans: Vec<Span<'static>> = vec![Span::styled(lead, t.dim)];
    let mut used = width(lead);
    for (i, name) in split_names(text).enumerate() {
        let ring = radar.lookup(name).map(|e| e.ring);
        let word = ring_word(ring);
        // Only a name too long for a line of its own is cut.
        let name = truncate(name, w.saturating_sub(width(lead) + 1 + width(word)).max(4));
        let sep = if i == 0 { "" } else { " · " };
        let token_w = width(sep) + width(&name) + 1 + width(word);
        if i > 0 && used + token_w > w {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" ".repeat(width(lead))));
            used = width(lead);
        } else if !sep.is_empty() {
            spans.push(Span::styled(sep, t.dim));
            used += width(sep);
        }
        used += width(&name) + 1 + width(word);
        spans.push(Span::styled(name, t.text));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(word, ring_style(t, ring)));
    }
    if spans.len() > 1 {
        lines.push(Line::from(spans));
    }
    lines
}

/// The first option row shown in a choice list of `height` rows.
pub fn option_offset(state: &InterviewState, q: &Question, height: u16) -> usize {
    window_offset(state.option_cursor, q.options().len(), height as usize)
}

/// Rows of the scope list: family headings, items, what was removed.
#[derive(Debug, Clone, PartialEq)]
pub enum ScopeRow {
    Heading(Family),
    Item(usize),
    RemovedHeading,
    Removed(usize),
}

/// The rows of the scope list for a list `height` rows high: grouped by
/// family under headings when everything fits, without the headings when
/// that saves scrolling.
pub fn scope_rows(scope: &Scope, height: u16) -> Vec<ScopeRow> {
    let families = {
        let mut f: Vec<Family> = scope.items.iter().map(|i| i.family).collect();
        f.dedup();
        f.len()
    };
    let removed = if scope.excluded.is_empty() {
        0
    } else {
        scope.excluded.len() + 1
    };
    let headings = scope.items.len() + families + removed <= height as usize;
    let mut rows = Vec::new();
    let mut family = None;
    for (i, item) in scope.items.iter().enumerate() {
        if headings && family != Some(item.family) {
            family = Some(item.family);
            rows.push(ScopeRow::Heading(item.family));
        }
        rows.push(ScopeRow::Item(i));
    }
    if !scope.excluded.is_empty() {
        rows.push(ScopeRow::RemovedHeading);
        rows.extend((0..scope.excluded.len()).map(ScopeRow::Removed));
    }
    rows
}

/// The scope list area inside the scope box: a column header on top and
/// two rows of totals at the bottom.
pub fn scope_list_area(scope_box: Rect) -> Rect {
    let inner = layout::inner(scope_box);
    Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(3),
    )
}

pub fn scope_offset(state: &InterviewState, rows: &[ScopeRow], height: u16) -> usize {
    let selected = rows
        .iter()
        .position(|r| *r == ScopeRow::Item(state.scope_cursor))
        .unwrap_or(0);
    window_offset(selected, rows.len(), height as usize)
}

pub fn flag_offset(state: &InterviewState, scope: &Scope, height: u16) -> usize {
    let selected = state.scope_cursor.saturating_sub(scope.items.len());
    window_offset(selected, scope.flags.len(), height as usize)
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App) {
    let (Some(open), Some(ctx)) = (&app.open, app.ctx()) else {
        return;
    };
    let state = &open.interview;
    let t = &app.theme;
    let l = layout::interview(body, ctx.scope.flags.len());
    match (l.sections, l.strip) {
        (Some(area), _) => draw_sections(frame, area, app, &ctx, state),
        (None, Some(strip)) => draw_strip(frame, strip, app, &ctx, state),
        _ => {}
    }
    if l.sections.is_none() && state.focus == Pane::Sections {
        draw_sections(frame, l.question, app, &ctx, state);
    } else {
        draw_question(frame, l.question, t, &ctx, state);
    }
    draw_scope(frame, l.scope, t, &ctx, state);
    draw_flags(frame, l.flags, t, &ctx, state);
}

fn progress(ctx: &Ctx<'_>) -> (usize, usize) {
    let visible = ctx.scope.visible_questions.len();
    (
        visible - ctx.scope.open_questions.len().min(visible),
        visible,
    )
}

fn draw_sections(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx<'_>, state: &InterviewState) {
    let t = &app.theme;
    let (done, all) = progress(ctx);
    let focused = state.focus == Pane::Sections;
    frame.render_widget(
        pane(t, &format!(" Sections · {done}/{all} "), focused),
        area,
    );
    let inner = layout::inner(area);
    let rows = nav_rows(ctx, &state.question);
    let height = inner.height as usize;
    let offset = window_offset(state.nav_cursor, rows.len(), height);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(offset).take(height) {
        let selected = focused && n == state.nav_cursor;
        let base = if selected { t.selected } else { t.text };
        let mark = |worst: Option<Severity>| match worst {
            Some(s) => Span::styled("⚑", if selected { base } else { t.severity(s) }),
            None => Span::styled(" ", base),
        };
        let line = match row {
            NavRow::Section {
                index,
                answered,
                visible,
                worst,
            } => {
                let title = &ctx.knowledge.questionnaire.sections[*index].title;
                let count = if *visible == 0 {
                    "–".to_string()
                } else {
                    format!("{answered}/{visible}")
                };
                let style = match (*visible, answered == visible) {
                    (0, _) if !selected => t.dim,
                    (_, true) if !selected => t.answered,
                    _ => base.patch(t.title),
                };
                let title_w = w.saturating_sub(width(&count) + 3);
                Line::from(vec![
                    Span::styled(fit(title, title_w), style),
                    Span::styled(format!(" {count} "), base),
                    mark(*worst),
                ])
            }
            NavRow::Question {
                id,
                answered,
                worst,
            } => {
                let prompt = ctx
                    .knowledge
                    .question(id)
                    .map_or(id.as_str(), |q| q.prompt.as_str());
                let is_current = *id == state.question;
                // ◆: the edited option answers this one its own way.
                let tick = match (*answered, ctx.differs(id)) {
                    (_, true) => "◆",
                    (true, false) => "✓",
                    (false, false) => "·",
                };
                let lead = if is_current { "›" } else { " " };
                let style = if selected {
                    base
                } else if is_current {
                    t.title
                } else if *answered {
                    t.dim
                } else {
                    t.text
                };
                Line::from(vec![
                    Span::styled(
                        format!("{lead}{tick} "),
                        if *answered && !selected {
                            t.answered
                        } else {
                            base
                        },
                    ),
                    Span::styled(fit(prompt, w.saturating_sub(4)), style),
                    mark(*worst),
                ])
            }
        };
        lines.push(if selected {
            line.style(t.selected)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The one-line stand-in for the section list on narrow terminals.
fn draw_strip(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx<'_>, state: &InterviewState) {
    let t = &app.theme;
    let sections = &ctx.knowledge.questionnaire.sections;
    let index = section_index(ctx, &state.question).unwrap_or(0);
    let rows = nav_rows(ctx, &state.question);
    let (answered, visible, worst) = rows
        .iter()
        .find_map(|r| match r {
            NavRow::Section {
                index: i,
                answered,
                visible,
                worst,
            } if *i == index => Some((*answered, *visible, *worst)),
            _ => None,
        })
        .unwrap_or((0, 0, None));
    let (done, all) = progress(ctx);
    let title = sections.get(index).map_or("", |s| s.title.as_str());
    let mut spans = vec![
        Span::styled(format!(" Section {}/{} ", index + 1, sections.len()), t.key),
        Span::styled(title.to_string(), t.title),
        Span::styled(format!("  {answered}/{visible} answered"), t.text),
    ];
    if let Some(s) = worst {
        spans.push(Span::raw("  "));
        spans.push(Span::styled("⚑", t.severity(s)));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = (area.width as usize).saturating_sub(used);
    let right = [
        format!("{done}/{all} overall · Tab: sections "),
        format!("{done}/{all} overall "),
        String::new(),
    ]
    .into_iter()
    .find(|r| width(r) < room)
    .unwrap_or_default();
    spans.push(Span::raw(" ".repeat(room.saturating_sub(width(&right)))));
    spans.push(Span::styled(right, t.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_question(frame: &mut Frame, area: Rect, t: &Theme, ctx: &Ctx<'_>, state: &InterviewState) {
    let Some(q) = current(state, ctx) else {
        frame.render_widget(pane(t, " Question ", false), area);
        return;
    };
    let focused = matches!(state.focus, Pane::Question | Pane::Note);
    let section = ctx
        .knowledge
        .section_of(&q.id)
        .map_or("", |s| s.title.as_str());
    let visible_in_section: Vec<&String> = ctx
        .knowledge
        .section_of(&q.id)
        .map(|s| {
            let progress = Progress::of(ctx.scope);
            s.questions
                .iter()
                .map(|x| &x.id)
                .filter(|x| progress.visible(x))
                .collect()
        })
        .unwrap_or_default();
    let pos = visible_in_section
        .iter()
        .position(|x| **x == q.id)
        .map_or(0, |p| p + 1);
    let title = format!(" {section} · {pos}/{} ", visible_in_section.len());
    let block = pane(t, &title, focused).title_bottom(
        Line::styled(format!(" {} · {} ", q.id, q.kind.name()), t.dim).right_aligned(),
    );
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    let raised: Vec<_> = ctx.scope.flags_for_question(&q.id).collect();
    let message = message_lines(t, state, ctx, q, inner.width);
    let message_rows = u16::try_from(message.len()).unwrap_or(u16::MAX);
    let a = question_areas(inner, q, state, &raised, message_rows);

    frame.render_widget(
        Paragraph::new(wrapped(&q.prompt, a.prompt.width, t.title)),
        a.prompt,
    );
    let mut why = wrapped(&why_text(q), a.why.width, t.dim);
    if why.len() > a.why.height as usize && a.why.height > 0 {
        why.truncate(a.why.height as usize);
        if let Some(last) = why.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(truncate(&format!("{text} …"), a.why.width as usize), t.dim);
        }
    }
    frame.render_widget(Paragraph::new(why), a.why);

    let answer = ctx.answer(&q.id);
    let on_input = state.focus == Pane::Question;
    match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } => {
            let multi = matches!(q.kind, QuestionKind::Multi { .. });
            let offset = option_offset(state, q, a.input.height);
            let mut lines = Vec::new();
            for (i, o) in options
                .iter()
                .enumerate()
                .skip(offset)
                .take(a.input.height as usize)
            {
                let chosen = match answer {
                    Some(Answer::Text(v)) => *v == o.id,
                    Some(Answer::List(vs)) => vs.contains(&o.id),
                    _ => false,
                };
                let marker = match (multi, chosen) {
                    (false, true) => "(•)",
                    (false, false) => "( )",
                    (true, true) => "[x]",
                    (true, false) => "[ ]",
                };
                let under = on_input && i == state.option_cursor;
                let base = if under {
                    t.selected
                } else if chosen {
                    t.answered
                } else {
                    t.text
                };
                let lead = if under { "›" } else { " " };
                let extra = if o.exclusive { "  (alone)" } else { "" };
                let text = format!("{lead}{marker} {}{extra}", o.label);
                lines.push(Line::styled(fit(&text, a.input.width as usize), base));
            }
            frame.render_widget(Paragraph::new(lines), a.input);
        }
        QuestionKind::YesNo => {
            let v = answer.and_then(Answer::as_bool);
            let button = |label: &str, on: bool| {
                let style = if on {
                    if on_input {
                        t.selected
                    } else {
                        t.answered.patch(t.title)
                    }
                } else {
                    t.text
                };
                Span::styled(format!("({}) {label}", if on { "•" } else { " " }), style)
            };
            let line = Line::from(vec![
                Span::raw(if on_input { "›" } else { " " }),
                button("Yes", v == Some(true)),
                Span::raw("    "),
                button("No", v == Some(false)),
            ]);
            frame.render_widget(Paragraph::new(line), a.input);
        }
        QuestionKind::Number { unit, .. } => {
            let field_w = (a.input.width as usize)
                .saturating_sub(width(unit) + 6)
                .min(16);
            let (shown, col) = state.field.view(field_w);
            let line = Line::from(vec![
                Span::raw(if on_input { "›[" } else { " [" }),
                Span::styled(fit(&shown, field_w), t.input),
                Span::raw("] "),
                Span::styled(unit.clone(), t.text),
            ]);
            frame.render_widget(Paragraph::new(line), a.input);
            if on_input && a.input.height > 0 {
                frame.set_cursor_position((a.input.x + 2 + col as u16, a.input.y));
            }
        }
        QuestionKind::Text { .. } => {
            let field_w = (a.input.width as usize).saturating_sub(3);
            let (shown, col) = state.field.view(field_w);
            let mut lines = vec![Line::from(vec![
                Span::raw(if on_input { "›[" } else { " [" }),
                Span::styled(fit(&shown, field_w), t.input),
                Span::raw("]"),
            ])];
            if on_input {
                lines.extend(suggestion_lines(t, ctx, state, a.input.width));
            }
            lines.truncate(a.input.height as usize);
            frame.render_widget(Paragraph::new(lines), a.input);
            if on_input && a.input.height > 0 {
                frame.set_cursor_position((a.input.x + 2 + col as u16, a.input.y));
            }
        }
    }

    let mut message = message;
    message.truncate(a.message.height as usize);
    frame.render_widget(Paragraph::new(message), a.message);

    let mut flag_text = flag_lines(t, &raised, a.flags.width);
    flag_text.truncate(a.flags.height as usize);
    frame.render_widget(Paragraph::new(flag_text), a.flags);

    if a.note.height > 0 {
        let label = "Note: ";
        let field_w = (a.note.width as usize).saturating_sub(label.len());
        let (shown, col) = state.note.view(field_w);
        let on_note = state.focus == Pane::Note;
        let style = if on_note { t.input } else { t.dim };
        let shown = if shown.is_empty() && !on_note {
            "(Tab to add a note)".to_string()
        } else {
            shown
        };
        let line = Line::from(vec![
            Span::styled(label, t.key),
            Span::styled(fit(&shown, field_w), style),
        ]);
        frame.render_widget(Paragraph::new(line), a.note);
        if on_note {
            frame.set_cursor_position((a.note.x + label.len() as u16 + col as u16, a.note.y));
        }
    }
}

/// The suggestion list under a radar field: name (matched letters marked,
/// or the alias that matched) and ring.
fn suggestion_lines(
    t: &Theme,
    ctx: &Ctx<'_>,
    state: &InterviewState,
    w: u16,
) -> Vec<Line<'static>> {
    let w = w as usize;
    let ring_w = 8;
    let name_w = w.saturating_sub(4 + ring_w);
    state
        .suggestions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let e = ctx.knowledge.radar.entries.get(s.entry)?;
            let chosen = state.suggestion == Some(i);
            let base = if chosen { t.selected } else { t.text };
            let mut spans = vec![Span::styled(if chosen { "  › " } else { "    " }, base)];
            let name = truncate(&e.name, name_w);
            let mut used = width(&name);
            spans.extend(highlighted(&name, &s.indices, base, base.patch(t.matched)));
            if let Some(alias) = &s.alias {
                let extra = truncate(&format!(" ({alias})"), name_w.saturating_sub(used));
                used += width(&extra);
                spans.push(Span::styled(extra, if chosen { base } else { t.dim }));
            }
            spans.push(Span::styled(" ".repeat(name_w.saturating_sub(used)), base));
            let ring = Some(e.ring);
            spans.push(Span::styled(
                fit_right(ring_word(ring), ring_w),
                if chosen { base } else { ring_style(t, ring) },
            ));
            let line = Line::from(spans);
            Some(if chosen { line.style(t.selected) } else { line })
        })
        .collect()
}

fn money(m: crate::engine::Money, indicative: bool) -> String {
    if m.0 == 0 {
        return String::new();
    }
    format!("{}{}", m.whole(), if indicative { "*" } else { " " })
}

/// A total: zero is written out, unlike on an item row.
fn total(m: crate::engine::Money, indicative: bool) -> String {
    if m.0 == 0 {
        "0 ".into()
    } else {
        money(m, indicative)
    }
}

const MONEY_W: usize = 9;

/// " ↑2 ↓4": how many rows of a list are above and below its window.
fn more_marks(offset: usize, len: usize, height: usize) -> String {
    let below = len.saturating_sub(offset + height);
    let mut out = String::new();
    if offset > 0 {
        out.push_str(&format!(" ↑{offset}"));
    }
    if below > 0 {
        out.push_str(&format!(" ↓{below}"));
    }
    out
}

fn draw_scope(frame: &mut Frame, area: Rect, t: &Theme, ctx: &Ctx<'_>, state: &InterviewState) {
    let scope = ctx.scope;
    let focused = state.focus == Pane::Scope && state.scope_cursor < scope.items.len();
    let list = scope_list_area(area);
    let rows = scope_rows(scope, list.height);
    let offset = scope_offset(state, &rows, list.height);
    let more = more_marks(offset, rows.len(), list.height as usize);
    // The scope of an option says whose it is: it is not the session's.
    let whose = ctx
        .option
        .map_or(String::new(), |o| format!(" of {}", truncate(&o.name, 24)));
    let title = format!(
        " Scope{whose} · {} item{}{more} ",
        scope.items.len(),
        if scope.items.len() == 1 { "" } else { "s" }
    );
    frame.render_widget(pane(t, &title, focused), area);
    let inner = layout::inner(area);
    if inner.height < 4 {
        return;
    }
    let w = inner.width as usize;
    // Narrow panes show the monthly column only; the one-time total
    // moves to its own line at the bottom.
    let both = w >= 2 * MONEY_W + 16;
    let name_w = w.saturating_sub(if both { 2 * MONEY_W + 1 } else { MONEY_W });
    let mark = if scope.totals.indicative {
        "* indicative"
    } else {
        ""
    };
    let header = if both {
        format!(
            "{}{} {}",
            fit(mark, name_w),
            fit_right("/month", MONEY_W),
            fit_right("one-time", MONEY_W)
        )
    } else {
        format!("{}{}", fit(mark, name_w), fit_right("/month", MONEY_W))
    };
    frame.render_widget(
        Paragraph::new(Line::styled(header, t.dim)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if rows.is_empty() {
        let mut lines = vec![Line::styled("Nothing in the scope yet.", t.text)];
        lines.extend(wrapped(
            "Answer questions and the offerings that fit appear here.",
            list.width,
            t.dim,
        ));
        frame.render_widget(Paragraph::new(lines), list);
    } else {
        let mut lines = Vec::new();
        for row in rows.iter().skip(offset).take(list.height as usize) {
            lines.push(match row {
                ScopeRow::Heading(f) => Line::styled(truncate(f.label(), w), t.heading),
                ScopeRow::RemovedHeading => Line::styled("Left out", t.heading),
                ScopeRow::Item(i) => {
                    let item = &scope.items[*i];
                    let selected = focused && state.scope_cursor == *i;
                    let pick = |s| if selected { t.selected } else { s };
                    let qty = if (item.quantity - 1.0).abs() > f64::EPSILON {
                        format!(" ×{}", format_number(item.quantity))
                    } else {
                        String::new()
                    };
                    let hand = if item.is_manual() { " ✎" } else { "" };
                    let name = format!(" {}{qty}{hand}", item.name);
                    let monthly = match money(item.monthly, item.indicative) {
                        m if m.is_empty() && !both => "–".to_string(),
                        m => m,
                    };
                    let unpriced = item.basis != PriceBasis::Priced;
                    let mut spans = vec![Span::styled(fit(&name, name_w), pick(t.text))];
                    if unpriced && both {
                        // Both price columns hold the reason in full.
                        spans.push(Span::styled(
                            fit_right(item.basis.label(), 2 * MONEY_W + 1),
                            pick(t.dim),
                        ));
                    } else if unpriced {
                        let short = match item.basis {
                            PriceBasis::OnRequest => "on req.",
                            PriceBasis::ByProvider => "provider",
                            b => b.short(),
                        };
                        spans.push(Span::styled(fit_right(short, MONEY_W), pick(t.dim)));
                    } else {
                        spans.push(Span::styled(fit_right(&monthly, MONEY_W), pick(t.money)));
                    }
                    if both && !unpriced {
                        spans.push(Span::styled(" ", pick(t.text)));
                        spans.push(Span::styled(
                            fit_right(&money(item.one_time, item.indicative), MONEY_W),
                            pick(t.money),
                        ));
                    }
                    let line = Line::from(spans);
                    if selected {
                        line.style(t.selected)
                    } else {
                        line
                    }
                }
                ScopeRow::Removed(i) => {
                    let e = &scope.excluded[*i];
                    let why = if e.because.rule.is_none() {
                        "by hand"
                    } else {
                        "by a rule"
                    };
                    Line::styled(fit(&format!(" − {} ({why})", e.name), w), t.dim)
                }
            });
        }
        frame.render_widget(Paragraph::new(lines), list);
    }
    let cur = &scope.totals.currency;
    let ind = scope.totals.indicative;
    let total_style = t.money.patch(t.title);
    // What the totals leave out shows where the rule above them was: the
    // engineer sees at a glance that the total is not the whole price.
    let left_out: Vec<&str> = scope
        .items
        .iter()
        .filter(|i| !matches!(i.basis, PriceBasis::Priced | PriceBasis::Included))
        .map(|i| i.name.as_str())
        .collect();
    let rule = if left_out.is_empty() {
        Line::styled("─".repeat(w), t.border)
    } else {
        Line::styled(
            fit(&format!("+ not in totals: {}", left_out.join(", ")), w),
            t.dim,
        )
    };
    let (first, second) = if both {
        (
            rule,
            Line::from(vec![
                Span::styled(fit(&format!("Total {cur}"), name_w), t.title),
                Span::styled(
                    fit_right(&total(scope.totals.monthly, ind), MONEY_W),
                    total_style,
                ),
                Span::raw(" "),
                Span::styled(
                    fit_right(&total(scope.totals.one_time, ind), MONEY_W),
                    total_style,
                ),
            ]),
        )
    } else {
        (
            Line::from(vec![
                Span::styled(
                    fit(
                        &if left_out.is_empty() {
                            format!("Total {cur}/month")
                        } else {
                            format!("Total/mo, {} not incl.", left_out.len())
                        },
                        name_w,
                    ),
                    t.title,
                ),
                Span::styled(
                    fit_right(&total(scope.totals.monthly, ind), MONEY_W),
                    total_style,
                ),
            ]),
            Line::from(vec![
                Span::styled(fit("One-time", name_w), t.title),
                Span::styled(
                    fit_right(&total(scope.totals.one_time, ind), MONEY_W),
                    total_style,
                ),
            ]),
        )
    };
    let totals_y = inner.bottom() - 2;
    frame.render_widget(
        Paragraph::new(first),
        Rect::new(inner.x, totals_y, inner.width, 1),
    );
    frame.render_widget(
        Paragraph::new(second),
        Rect::new(inner.x, totals_y + 1, inner.width, 1),
    );
}

fn draw_flags(frame: &mut Frame, area: Rect, t: &Theme, ctx: &Ctx<'_>, state: &InterviewState) {
    let scope = ctx.scope;
    let items = scope.items.len();
    let focused = state.focus == Pane::Scope && state.scope_cursor >= items;
    let mut counts = String::new();
    for s in Severity::ALL {
        let n = scope.flags_of(s).count();
        if n > 0 {
            counts.push_str(&format!(
                " {n} {}",
                crate::tui::widgets::badge::short(s).to_lowercase()
            ));
        }
    }
    let inner = layout::inner(area);
    let offset = flag_offset(state, scope, inner.height);
    let more = more_marks(offset, scope.flags.len(), inner.height as usize);
    let title = if scope.flags.is_empty() {
        " Flags ".to_string()
    } else if width(&counts) + width(&more) + 12 <= area.width as usize {
        format!(" Flags ·{counts}{more} ")
    } else {
        format!(" Flags ({}){more} ", scope.flags.len())
    };
    frame.render_widget(pane(t, &title, focused), area);
    if scope.flags.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(
                    "None: everything asked for is in our offer.",
                    inner.width as usize,
                ),
                t.ok,
            )),
            inner,
        );
        return;
    }
    let title_w = (inner.width as usize).saturating_sub(crate::tui::widgets::badge::WIDTH + 1);
    let lines: Vec<Line> = scope
        .flags
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
        .map(|(i, f)| {
            let selected = focused && state.scope_cursor == items + i;
            let style = if selected { t.selected } else { t.text };
            let line = Line::from(vec![
                badge(t, f.severity),
                Span::styled(" ", style),
                Span::styled(fit(&f.title, title_w), style),
            ]);
            if selected {
                line.style(t.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::radar::RadarEntry;

    fn radar() -> TechRadar {
        let e = |id: &str, name: &str, ring, aliases: &[&str]| RadarEntry {
            id: id.into(),
            name: name.into(),
            ring,
            quadrant: String::new(),
            note: String::new(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        TechRadar {
            entries: vec![
                e("postgresql", "PostgreSQL", Ring::Adopt, &["Postgres"]),
                e("kafka", "Kafka", Ring::Assess, &[]),
                e("kubernetes", "Kubernetes", Ring::Adopt, &["k8s"]),
            ],
        }
    }

    fn names(r: &TechRadar, s: &[Suggestion]) -> Vec<String> {
        s.iter().map(|s| r.entries[s.entry].name.clone()).collect()
    }

    #[test]
    fn suggestions_fit_the_name_after_the_last_comma() {
        let r = radar();
        assert!(suggest(&r, "").is_empty());
        assert!(suggest(&r, "Kafka, ").is_empty());
        assert_eq!(names(&r, &suggest(&r, "pg")), ["PostgreSQL"]);
        // An alias finds its entry, and says it matched.
        let k8s = suggest(&r, "Kafka; k8");
        assert_eq!(names(&r, &k8s), ["Kubernetes"]);
        assert_eq!(k8s[0].alias.as_deref(), Some("k8s"));
        // Names given already are not offered again.
        assert_eq!(names(&r, &suggest(&r, "Kafka, ka")), Vec::<String>::new());
    }

    #[test]
    fn completing_replaces_only_the_name_being_typed() {
        assert_eq!(complete("po", "PostgreSQL"), "PostgreSQL");
        assert_eq!(complete("Kafka, po", "PostgreSQL"), "Kafka, PostgreSQL");
        assert_eq!(complete("Kafka,po", "PostgreSQL"), "Kafka, PostgreSQL");
        assert_eq!(complete("Kafka;  pO", "PostgreSQL"), "Kafka;  PostgreSQL");
    }

    #[test]
    fn rings_are_read_as_the_rules_read_them() {
        let t = Theme::new(crate::tui::theme::ThemeKind::NoColor);
        let r = radar();
        let text = |lines: Vec<Line>| {
            lines
                .iter()
                .map(|l| {
                    l.spans
                        .iter()
                        .map(|s| s.content.as_ref())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            text(ring_lines(&t, &r, "postgres, Fortran", 60)),
            ["  Radar: postgres adopt · Fortran unknown"]
        );
        let narrow = text(ring_lines(&t, &r, "Kafka, Kubernetes, Fortran", 30));
        assert_eq!(
            narrow,
            [
                "  Radar: Kafka assess",
                "         Kubernetes adopt",
                "         Fortran unknown"
            ]
        );
        assert!(ring_lines(&t, &r, " , ", 30).is_empty());
    }
}

#[cfg(test)]
mod progress_tests {
    use super::*;
    use crate::engine::Answer;
    use crate::knowledge::Knowledge;
    use crate::session::Session;

    /// The section list as it was built before the sets: every lookup a
    /// scan of the scope's lists. The sets must give the same rows.
    fn nav_rows_by_scanning(ctx: &Ctx<'_>, current: &str) -> Vec<NavRow> {
        let scope = ctx.scope;
        let answered = |q: &str| {
            scope.visible_questions.iter().any(|v| v == q)
                && !scope.open_questions.iter().any(|o| o == q)
        };
        let worst = |qs: &[&str]| {
            scope
                .flags
                .iter()
                .filter(|f| f.questions.iter().any(|q| qs.contains(&q.as_str())))
                .map(|f| f.severity)
                .min()
        };
        let expanded = section_index(ctx, current);
        let mut rows = Vec::new();
        for (index, section) in ctx.knowledge.questionnaire.sections.iter().enumerate() {
            let visible: Vec<&str> = section
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .filter(|q| scope.visible_questions.iter().any(|v| v == q))
                .collect();
            rows.push(NavRow::Section {
                index,
                answered: visible.iter().filter(|q| answered(q)).count(),
                visible: visible.len(),
                worst: worst(&visible),
            });
            if expanded == Some(index) {
                for q in visible {
                    rows.push(NavRow::Question {
                        id: q.to_string(),
                        answered: answered(q),
                        worst: worst(&[q]),
                    });
                }
            }
        }
        rows
    }

    #[test]
    fn the_section_list_from_sets_matches_the_one_from_scans() {
        let k = Knowledge::embedded().expect("the shipped knowledge is valid");
        let mut s = Session::new(
            "s".into(),
            Default::default(),
            jiff::Timestamp::UNIX_EPOCH,
            &k,
        );
        s.answers
            .insert("compliance".into(), Answer::List(vec!["finma".into()]));
        s.answers.insert("gpu".into(), Answer::Bool(true));
        s.answers
            .insert("technologies".into(), Answer::Text("COBOL, Kafka".into()));
        let eval = s.evaluate(&k);
        assert!(!eval.scope.flags.is_empty(), "the answers raise flags");
        let ctx = Ctx::new(&k, &s, &eval.scope, None);
        for q in k.questionnaire.questions() {
            assert_eq!(
                nav_rows(&ctx, &q.id),
                nav_rows_by_scanning(&ctx, &q.id),
                "{}",
                q.id
            );
        }
    }
}
