//! The search box (`/`, Ctrl-P): fuzzy search over questions, offerings
//! and rules (`crate::search`), matches highlighted; Enter goes there.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::trace::TraceTarget;
use super::{highlighted, pane};
use crate::search::{Hit, HitKind, Index, search};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Gesture, MouseOutcome, Outcome, Request, View};
use crate::tui::widgets::{TextInput, fit, truncate, width, window_offset};

/// Hits kept per query; more than a screen, fewer than the whole index.
const LIMIT: usize = 200;

#[derive(Debug, Clone)]
pub struct SearchState {
    pub input: TextInput,
    pub hits: Vec<Hit>,
    pub cursor: usize,
}

impl SearchState {
    pub fn new(index: &Index) -> SearchState {
        SearchState {
            input: TextInput::new(""),
            hits: search(index, "", LIMIT),
            cursor: 0,
        }
    }

    fn refresh(&mut self, index: &Index) {
        self.hits = search(index, self.input.value(), LIMIT);
        self.cursor = 0;
    }
}

/// Where a hit leads.
pub fn go(hit: &Hit) -> Request {
    match hit.kind {
        HitKind::Question => Request::GoToQuestion(hit.id.clone()),
        HitKind::Offering => Request::ShowOffering(hit.id.clone()),
        HitKind::Rule => Request::Trace(TraceTarget::Rule(hit.id.clone())),
    }
}

pub fn on_key(
    state: &mut SearchState,
    index: &Index,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    let last = state.hits.len().saturating_sub(1);
    match command {
        Some(Command::Select) => {
            return match state.hits.get(state.cursor) {
                Some(hit) => Outcome::one(go(hit)),
                None => Outcome::done(),
            };
        }
        Some(Command::Up) => state.cursor = state.cursor.saturating_sub(1),
        Some(Command::Down) => state.cursor = (state.cursor + 1).min(last),
        Some(Command::PageUp) => state.cursor = state.cursor.saturating_sub(10),
        Some(Command::PageDown) => state.cursor = (state.cursor + 10).min(last),
        Some(Command::Back | Command::Quit) => return Outcome::ignored(),
        _ => {
            if state.input.handle(key).consumed() {
                state.refresh(index);
            }
        }
    }
    Outcome::done()
}

pub fn on_paste(state: &mut SearchState, index: &Index, text: &str) -> Vec<Request> {
    state.input.insert_str(text);
    state.refresh(index);
    Vec::new()
}

pub fn results_offset(state: &SearchState, height: u16) -> usize {
    window_offset(state.cursor, state.hits.len(), height as usize)
}

fn kind_tag(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Question => "question",
        HitKind::Offering => "offering",
        HitKind::Rule => "rule    ",
    }
}

pub fn draw(frame: &mut Frame, body: Rect, view: &View<'_>, state: &SearchState) {
    let t = view.theme;
    let l = layout::search(body);
    frame.render_widget(Clear, l.outer);
    let title = format!(
        " Search · {} hit{} ",
        state.hits.len(),
        if state.hits.len() == 1 { "" } else { "s" }
    );
    frame.render_widget(
        pane(t, &title, true).title_bottom(
            Line::styled(" ↑↓ choose · Enter go · Esc close ", t.dim).right_aligned(),
        ),
        l.outer,
    );
    let prompt = "› ";
    let (shown, col) = state.input.view((l.input.width as usize).saturating_sub(2));
    let input = if shown.is_empty() {
        Line::from(vec![
            Span::styled(prompt, t.key),
            Span::styled("type to search questions, offerings and rules", t.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled(prompt, t.key),
            Span::styled(shown, t.text),
        ])
    };
    frame.render_widget(Paragraph::new(input), l.input);
    frame.set_cursor_position((l.input.x + 2 + col as u16, l.input.y));
    frame.render_widget(
        Paragraph::new(Line::styled("─".repeat(l.input.width as usize), t.border)),
        Rect::new(l.input.x, l.input.y + 1, l.input.width, 1),
    );
    if state.hits.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("Nothing matches.", t.dim)),
            l.results,
        );
        return;
    }
    let offset = results_offset(state, l.results.height);
    let w = l.results.width as usize;
    let lines: Vec<Line> = state
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(l.results.height as usize)
        .map(|(i, h)| {
            let selected = i == state.cursor;
            let base = if selected { t.selected } else { t.text };
            let detail_w = (w / 3).min(width(&h.detail) + 2);
            let label_w = w.saturating_sub(10 + detail_w);
            let mut spans = vec![Span::styled(
                format!("{} ", kind_tag(h.kind)),
                if selected { base } else { t.dim },
            )];
            let label = truncate(&h.label, label_w);
            let pad = label_w.saturating_sub(width(&label));
            spans.extend(highlighted(&label, &h.indices, base, base.patch(t.matched)));
            spans.push(Span::styled(" ".repeat(pad + 1), base));
            spans.push(Span::styled(
                fit(&h.detail, detail_w.saturating_sub(1)),
                if selected { base } else { t.dim },
            ));
            let line = Line::from(spans);
            if selected {
                line.style(t.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), l.results);
}

/// The wheel moves the selection; a click on a hit goes there, a click
/// outside the box closes it.
pub fn on_mouse(
    state: &mut SearchState,
    body: Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
) -> MouseOutcome {
    let l = layout::search(body);
    match gesture {
        Gesture::Up => state.cursor = state.cursor.saturating_sub(1),
        Gesture::Down => state.cursor = (state.cursor + 1).min(state.hits.len().saturating_sub(1)),
        Gesture::Click if layout::contains(l.results, x, y) => {
            let i = results_offset(state, l.results.height) + (y - l.results.y) as usize;
            return state.hits.get(i).map(|h| vec![go(h)]);
        }
        Gesture::Click if !layout::contains(l.outer, x, y) => {
            return Some(vec![Request::CloseOverlay]);
        }
        Gesture::Click => return None,
    }
    Some(Vec::new())
}
