//! The home screen: saved sessions (customer, last change, status, worst
//! flag), newest first, with a fuzzy filter; `n` starts a new session, `i`
//! shows the demand insights across them.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{highlighted, pane, pick};
use crate::search::{Case, Fuzzy};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Gesture, MouseOutcome, Outcome, Request, View};
use crate::tui::persist::SessionInfo;
use crate::tui::widgets::{self, TextInput, badge, fit, fit_right, window_offset};

#[derive(Debug, Clone, Default)]
pub struct HomeState {
    pub sessions: Vec<SessionInfo>,
    pub filter: TextInput,
    /// The filter field has the keys.
    pub filtering: bool,
    pub cursor: usize,
    /// The rows that pass the filter: index into `sessions`, and the
    /// matched characters of the customer name.
    pub shown: Vec<(usize, Vec<usize>)>,
}

impl HomeState {
    pub fn set_sessions(&mut self, mut sessions: Vec<SessionInfo>) {
        sessions.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.customer.cmp(&b.customer)));
        let selected = self.selected().map(|s| s.id.clone());
        self.sessions = sessions;
        self.refilter();
        if let Some(id) = selected
            && let Some(pos) = self
                .shown
                .iter()
                .position(|(i, _)| self.sessions[*i].id == id)
        {
            self.cursor = pos;
        }
    }

    pub fn selected(&self) -> Option<&SessionInfo> {
        self.shown.get(self.cursor).map(|(i, _)| &self.sessions[*i])
    }

    fn refilter(&mut self) {
        let query = self.filter.value().trim();
        let mut matcher = Fuzzy::new(query, Case::Smart);
        let mut scored: Vec<(i64, usize, Vec<usize>)> = self
            .sessions
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                if query.is_empty() {
                    return Some((0, i, Vec::new()));
                }
                if let Some((score, idx)) = matcher.indices(&s.customer) {
                    return Some((score, i, idx));
                }
                matcher.score(&s.id).map(|score| (score, i, Vec::new()))
            })
            .collect();
        if !query.is_empty() {
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        self.shown = scored.into_iter().map(|(_, i, idx)| (i, idx)).collect();
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    fn move_by(&mut self, delta: isize) {
        let len = self.shown.len();
        if len == 0 {
            return;
        }
        self.cursor = self.cursor.saturating_add_signed(delta).min(len - 1);
    }
}

pub fn on_key(state: &mut HomeState, key: KeyEvent, command: Option<Command>) -> Outcome {
    if state.filtering {
        match key.code {
            KeyCode::Enter => {
                state.filtering = false;
                return Outcome::done();
            }
            KeyCode::Esc => {
                state.filtering = false;
                state.filter.set("");
                state.refilter();
                return Outcome::done();
            }
            KeyCode::Up => {
                state.move_by(-1);
                return Outcome::done();
            }
            KeyCode::Down => {
                state.move_by(1);
                return Outcome::done();
            }
            _ => {}
        }
        let edit = state.filter.handle(key);
        if edit.consumed() {
            state.refilter();
            return Outcome::done();
        }
    }
    on_command(state, command)
}

pub fn on_paste(state: &mut HomeState, text: &str) -> Vec<Request> {
    state.filtering = true;
    state.filter.insert_str(text);
    state.refilter();
    Vec::new()
}

fn on_command(state: &mut HomeState, command: Option<Command>) -> Outcome {
    let Some(command) = command else {
        return Outcome::ignored();
    };
    match command {
        Command::Up => state.move_by(-1),
        Command::Down => state.move_by(1),
        Command::PageUp => state.move_by(-10),
        Command::PageDown => state.move_by(10),
        Command::Top => state.cursor = 0,
        Command::Bottom => state.cursor = state.shown.len().saturating_sub(1),
        Command::Select => {
            return match state.selected() {
                Some(s) if s.problem.is_some() => Outcome::one(Request::Notice(
                    crate::tui::message::Tone::Bad,
                    s.problem.clone().unwrap_or_default(),
                )),
                Some(s) => Outcome::one(Request::OpenSession(s.id.clone())),
                None => Outcome::one(Request::NewSessionDialog),
            };
        }
        Command::NewSession => return Outcome::one(Request::NewSessionDialog),
        Command::Filter => state.filtering = true,
        Command::Back if !state.filter.value().is_empty() => {
            state.filter.set("");
            state.refilter();
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// The areas of the home screen: filter line, column titles, rows.
pub struct Areas {
    pub block: Rect,
    pub filter: Rect,
    pub titles: Rect,
    pub rows: Rect,
}

pub fn areas(body: Rect) -> Areas {
    let inner = layout::inner(body);
    Areas {
        block: body,
        filter: Rect::new(inner.x, inner.y, inner.width, 1),
        titles: Rect::new(inner.x, inner.y + 2, inner.width, 1),
        rows: Rect::new(
            inner.x,
            inner.y + 3,
            inner.width,
            inner.height.saturating_sub(3),
        ),
    }
}

/// The session under a click, if any.
pub fn row_at(state: &HomeState, body: Rect, column: u16, row: u16) -> Option<usize> {
    let a = areas(body);
    if !layout::contains(a.rows, column, row) {
        return None;
    }
    let offset = window_offset(state.cursor, state.shown.len(), a.rows.height as usize);
    let i = offset + (row - a.rows.y) as usize;
    (i < state.shown.len()).then_some(i)
}

const UPDATED_W: usize = 16;
const STATUS_W: usize = 9;
const ANSWERS_W: usize = 7;

pub fn draw(frame: &mut Frame, body: Rect, state: &HomeState, view: &View<'_>) {
    let t = view.theme;
    let a = areas(body);
    let title = format!(" Scoping sessions ({}) ", state.sessions.len());
    frame.render_widget(pane(t, &title, true), a.block);

    let filter_line = if state.filtering || !state.filter.value().is_empty() {
        let (shown, _) = state.filter.view(a.filter.width.saturating_sub(8) as usize);
        Line::from(vec![
            Span::styled("Filter: ", t.key),
            Span::styled(shown, if state.filtering { t.input } else { t.text }),
        ])
    } else {
        Line::from(vec![
            Span::styled("/", t.key),
            Span::styled(" filter   ", t.dim),
            Span::styled("n", t.key),
            Span::styled(" new session   ", t.dim),
            Span::styled("Enter", t.key),
            Span::styled(" open   ", t.dim),
            Span::styled("i", t.key),
            Span::styled(" insights", t.dim),
        ])
    };
    frame.render_widget(Paragraph::new(filter_line), a.filter);
    if state.filtering {
        let (_, col) = state.filter.view(a.filter.width.saturating_sub(8) as usize);
        frame.set_cursor_position((a.filter.x + 8 + col as u16, a.filter.y));
    }

    let w = a.rows.width as usize;
    let customer_w = w.saturating_sub(UPDATED_W + STATUS_W + ANSWERS_W + widgets::badge::WIDTH + 5);
    let titles = format!(
        " {} {} {} {} {}",
        fit("Customer", customer_w),
        fit("Updated", UPDATED_W),
        fit("Status", STATUS_W),
        fit_right("Answers", ANSWERS_W),
        "Worst flag"
    );
    frame.render_widget(Paragraph::new(Line::styled(titles, t.heading)), a.titles);

    if state.sessions.is_empty() {
        let lines = vec![
            Line::raw(""),
            Line::styled("No sessions yet.", t.title),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled("n", t.key),
                Span::raw(" to start scoping a customer."),
            ]),
        ];
        frame.render_widget(Paragraph::new(lines).centered(), a.rows);
        return;
    }
    if state.shown.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "No session matches the filter (Esc clears it).",
                t.dim,
            )),
            a.rows,
        );
        return;
    }
    let height = a.rows.height as usize;
    let offset = window_offset(state.cursor, state.shown.len(), height);
    let mut lines = Vec::new();
    for (n, (i, idx)) in state.shown.iter().enumerate().skip(offset).take(height) {
        let s = &state.sessions[*i];
        let selected = n == state.cursor;
        let base = if selected { t.selected } else { t.text };
        let mut spans = vec![Span::styled(" ", base)];
        // Conflicts a team sync recorded stay in sight until resolved.
        let marker = (s.conflicts > 0).then(|| {
            format!(
                " ⚠ {} conflict{}",
                s.conflicts,
                if s.conflicts == 1 { "" } else { "s" }
            )
        });
        let marker_w = marker.as_deref().map_or(0, widgets::width);
        spans.extend(highlighted(
            &fit(&s.customer, customer_w.saturating_sub(marker_w)),
            idx,
            base,
            base.patch(t.matched),
        ));
        if let Some(m) = marker {
            spans.push(Span::styled(m, if selected { base } else { t.warn }));
        }
        // A file that cannot be read has no date, status or answers to
        // show; it says so instead of showing made-up ones.
        let broken = s.problem.is_some();
        let updated = if broken {
            "—".to_string()
        } else {
            s.updated
                .to_zoned_datetime(view.tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        };
        let status = if broken { "—" } else { s.status.id() };
        let answered = if broken {
            String::new()
        } else {
            s.answered.to_string()
        };
        spans.push(Span::styled(
            format!(" {} ", fit(&updated, UPDATED_W)),
            base,
        ));
        spans.push(Span::styled(format!("{} ", fit(status, STATUS_W)), base));
        spans.push(Span::styled(
            format!("{} ", fit_right(&answered, ANSWERS_W)),
            base,
        ));
        match (broken, s.worst) {
            (true, _) => spans.push(Span::styled(
                "unreadable",
                if selected { base } else { t.error },
            )),
            (false, Some(sev)) => spans.push(badge(t, sev)),
            (false, None) => spans.push(Span::styled("none", if selected { base } else { t.dim })),
        }
        let line = Line::from(spans);
        lines.push(if selected {
            line.style(t.selected)
        } else {
            line
        });
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::new())
            .style(Style::new()),
        a.rows,
    );
}

/// The wheel moves the selection; a click selects a row, a click on the
/// selected row opens it, like a double click.
pub fn on_mouse(
    state: &mut HomeState,
    body: Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
) -> MouseOutcome {
    let hit = row_at(state, body, x, y);
    if pick(&mut state.cursor, state.shown.len(), gesture, || hit)? {
        return state
            .selected()
            .map(|s| vec![Request::OpenSession(s.id.clone())]);
    }
    Some(Vec::new())
}
