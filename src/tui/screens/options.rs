//! The options box (`o`): what answers change — Base, the session's own
//! answers, or one of its options — and the keys to add and remove
//! options. The totals are the comparison the app evaluated when the box
//! opened (or the session last changed), never computed while drawing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::compare::CompareState;
use super::{pane, pick};
use crate::compare::{Column, MAX_OPTIONS};
use crate::session::Session;
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Gesture, MouseOutcome, Outcome, Request, Screen, Tone, View};
use crate::tui::widgets::{badge, fit, fit_right, width, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsState {
    /// 0 is Base; n is option n − 1.
    pub cursor: usize,
}

impl OptionsState {
    /// The box with the cursor on what is edited now.
    pub fn new(editing: Option<usize>) -> OptionsState {
        OptionsState {
            cursor: editing.map_or(0, |i| i + 1),
        }
    }
}

pub fn on_command(
    state: &mut OptionsState,
    session: &Session,
    command: Option<Command>,
) -> Outcome {
    let last = session.options.len();
    state.cursor = state.cursor.min(last);
    match command {
        Some(Command::Up) => state.cursor = state.cursor.saturating_sub(1),
        Some(Command::Down) => state.cursor = (state.cursor + 1).min(last),
        Some(Command::Top) => state.cursor = 0,
        Some(Command::Bottom) => state.cursor = last,
        Some(Command::Select) => {
            return Outcome::one(Request::EditOption(state.cursor.checked_sub(1)));
        }
        Some(Command::Add) => return Outcome::one(Request::AskAddOption),
        Some(Command::Remove) => {
            return Outcome::one(match state.cursor.checked_sub(1) {
                Some(i) => Request::AskRemoveOption(i),
                None => Request::Notice(
                    Tone::Info,
                    "Base is the session itself; it cannot be removed.".into(),
                ),
            });
        }
        Some(Command::Compare) => return Outcome::one(Request::Screen(Screen::Compare)),
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// The box, sized to its rows.
pub fn area(body: Rect, options: usize) -> Rect {
    // Two lines of heading, Base and the options, a gap, two of note.
    let rows = u16::try_from(options).unwrap_or(0) + 8;
    layout::popup(body, 76.min(body.width.saturating_sub(4)), rows)
}

/// The row of the box under a click: 0 is Base.
pub fn row_at(body: Rect, options: usize, column: u16, row: u16) -> Option<usize> {
    let inner = layout::inner(area(body, options));
    let first = inner.y + 2;
    if !layout::contains(inner, column, row) || row < first {
        return None;
    }
    let i = (row - first) as usize;
    (i <= options).then_some(i)
}

fn totals(column: Option<&Column>, currency: &str, w: usize) -> String {
    column.map_or(String::new(), |c| {
        fit_right(
            &format!(
                "{currency} {}{}/mo",
                c.monthly.amount(),
                if c.indicative { "*" } else { "" }
            ),
            w,
        )
    })
}

/// The box, with the totals of each option from the comparison the app
/// evaluated (`compare`).
pub fn draw(
    frame: &mut Frame,
    body: Rect,
    view: &View<'_>,
    state: &OptionsState,
    compare: &CompareState,
) {
    let Some(ctx) = &view.ctx else { return };
    let t = view.theme;
    let session = ctx.session;
    let outer = area(body, session.options.len());
    let inner = layout::inner(outer);
    let w = inner.width as usize;
    let cmp = compare.cmp.as_ref();
    let currency = cmp.map_or("CHF", |c| c.currency.as_str());
    let editing = ctx.editing;
    // name · own answers · monthly · worst flag
    let money_w = 16;
    let name_w = w.saturating_sub(4 + 16 + money_w + badge::WIDTH + 3);
    let mut lines = vec![
        Line::styled("What your answers change:", t.text),
        Line::raw(""),
    ];
    let n = session.answers.len();
    let mut rows: Vec<(String, String, Option<&Column>)> = vec![(
        "Base".into(),
        format!("{n} answer{}", if n == 1 { "" } else { "s" }),
        compare.base.as_ref(),
    )];
    for (i, o) in session.options.iter().enumerate() {
        let n = o.answers.len();
        rows.push((
            o.name.clone(),
            format!("{n} own answer{}", if n == 1 { "" } else { "s" }),
            // Column 0 of the comparison is Base.
            cmp.and_then(|c| c.options.get(i + 1)),
        ));
    }
    for (i, (name, own, column)) in rows.iter().enumerate() {
        let under = i == state.cursor;
        let edited = editing.map_or(0, |e| e + 1) == i;
        let base = if under { t.selected } else { t.text };
        let mut spans = vec![
            Span::styled(if under { "›" } else { " " }, base),
            Span::styled(if edited { "✎ " } else { "  " }, base.patch(t.key)),
            Span::styled(fit(name, name_w), base.patch(t.title)),
            Span::styled(
                format!(" {} ", fit(own, 16)),
                if under { base } else { t.dim },
            ),
            Span::styled(totals(*column, currency, money_w), base.patch(t.money)),
            Span::styled(" ", base),
        ];
        match column.and_then(|c| c.worst) {
            Some(s) => spans.push(badge(t, s)),
            None if column.is_some() => {
                spans.push(Span::styled(fit("   none", badge::WIDTH), base))
            }
            None => {}
        }
        let line = Line::from(spans);
        lines.push(if under { line.style(t.selected) } else { line });
    }
    lines.push(Line::raw(""));
    let note = if session.options.is_empty() {
        format!(
            "No options yet. An option is this session's answers with some of its own on top. a adds one (at most {MAX_OPTIONS})."
        )
    } else {
        "✎ marks what is edited; the header says it too. Answers given while an option is edited belong to it alone.".to_string()
    };
    lines.extend(wrap(&note, w).into_iter().map(|l| Line::styled(l, t.dim)));
    let hint = " Enter edit · a add · x remove · v compare · Esc close ";
    let title = match editing.and_then(|i| session.options.get(i)) {
        Some(o) => format!(" Options · editing {} ", o.name),
        None => " Options · editing Base ".to_string(),
    };
    let title = crate::tui::widgets::truncate(&title, (outer.width as usize).saturating_sub(4));
    frame.render_widget(Clear, outer);
    let hint = if width(hint) + 2 <= outer.width as usize {
        hint
    } else {
        " Enter edit · a add · x remove "
    };
    frame.render_widget(
        pane(t, &title, true).title_bottom(Line::styled(hint, t.dim).right_aligned()),
        outer,
    );
    lines.truncate(inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The wheel moves the selection among Base and the `n` options; a click
/// selects a row, a click on the selected row edits it, like Enter.
pub fn on_mouse(
    state: &mut OptionsState,
    n: usize,
    body: Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
) -> MouseOutcome {
    // Base and the `n` options.
    if pick(&mut state.cursor, n + 1, gesture, || row_at(body, n, x, y))? {
        return Some(vec![Request::EditOption(state.cursor.checked_sub(1))]);
    }
    Some(Vec::new())
}
