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
use crate::engine::answers::{format_number, range_words};
use crate::engine::{Answer, AnswerProblem, Flag, Scope, parse_typed};
use crate::knowledge::radar::{Ring, TechRadar, split_names};
use crate::knowledge::{Family, PriceBasis, Question, QuestionKind, Severity};
use crate::search::{Case, Fuzzy};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Ctx, Outcome, Request, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::text_input::Edit;
use crate::tui::widgets::{
    TextInput, badge, fit, fit_right, offset_of, truncate, width, window_offset, wrap,
};

mod areas;
mod draw;
mod input;
mod mouse;
mod nav;
mod radar;

pub use areas::*;
pub use draw::*;
pub use input::*;
pub use mouse::*;
pub use nav::*;
pub use radar::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    Sections,
    #[default]
    Question,
    Note,
    /// The items of the scope.
    Scope,
    /// The flags under the scope: a Tab stop of its own.
    Flags,
}

impl Pane {
    fn next(self, forward: bool) -> Pane {
        const ORDER: [Pane; 5] = [
            Pane::Sections,
            Pane::Question,
            Pane::Note,
            Pane::Scope,
            Pane::Flags,
        ];
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
    /// Esc left the number or text field: its keys are commands again
    /// until Enter (or Tab back to it) goes back into it.
    pub field_left: bool,
    pub note: TextInput,
    /// The selected entry on the right: items first, then flags. The
    /// scope pane's cursor is on an item, the flag pane's on a flag.
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

impl InterviewState {
    /// Shows question `q`: cursor on its answer, fields filled from it.
    pub fn go_to(&mut self, ctx: &Ctx<'_>, q: &str) {
        self.question = q.to_string();
        self.field_error = None;
        self.field_left = false;
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

pub(super) fn current<'a>(state: &InterviewState, ctx: &Ctx<'a>) -> Option<&'a Question> {
    ctx.knowledge.question(&state.question)
}

/// Whether a question is answered in a field one types into.
pub fn has_field(q: &Question) -> bool {
    matches!(
        q.kind,
        QuestionKind::Number { .. } | QuestionKind::Text { .. }
    )
}

impl InterviewState {
    /// Whether the question's field has the keys: the question pane is
    /// focused, its question is typed, and Esc did not leave the field.
    pub fn in_field(&self, ctx: &Ctx<'_>) -> bool {
        self.focus == Pane::Question
            && !self.field_left
            && current(self, ctx).is_some_and(has_field)
    }
}
