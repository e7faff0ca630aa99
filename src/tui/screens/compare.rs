//! Options compared: the session's options side by side — totals, items,
//! service levels and flags, with a ◆ on every row that differs. The same
//! data as `nunki compare` (`crate::compare::compare` over each option's
//! scope); the app evaluates it once per change while it shows, drawing
//! only lays it out. ← → choose an option, Enter edits it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{page_of, pane, scroll_text, wrapped};
use crate::compare::{Column, Comparison, MAX_OPTIONS};
use crate::knowledge::Severity;
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Outcome, Request, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::{badge, fit, truncate};

#[derive(Debug, Clone, Default)]
pub struct CompareState {
    /// The options compared, as the app last evaluated them.
    pub cmp: Option<Comparison>,
    /// The session's own totals (Base), for the options box.
    pub base: Option<Column>,
    /// The option under the cursor.
    pub column: usize,
    /// First row shown.
    pub scroll: usize,
}

impl CompareState {
    pub fn set(&mut self, cmp: Comparison, base: Column) {
        self.column = self.column.min(cmp.options.len().saturating_sub(1));
        self.cmp = Some(cmp);
        self.base = Some(base);
    }
}

/// A command; the scroll keys page through the text as it stands in
/// `body` (`None`: the terminal is too small).
pub fn on_command(
    state: &mut CompareState,
    theme: &Theme,
    body: Option<Rect>,
    command: Option<Command>,
) -> Outcome {
    let options = state.cmp.as_ref().map_or(0, |c| c.options.len());
    match command {
        Some(Command::Left) => state.column = state.column.saturating_sub(1),
        Some(Command::Right) => state.column = (state.column + 1).min(options.saturating_sub(1)),
        Some(Command::Select) if options > 0 => {
            // Column 0 is Base, the session's own answers.
            return Outcome::one(Request::EditOption(state.column.checked_sub(1)));
        }
        Some(Command::Select) => return Outcome::one(Request::OptionsBox),
        other => {
            let (page, total) = page_of(body.map(text_area), |w| lines(theme, state, w).len());
            return scroll_text(&mut state.scroll, other, page, total);
        }
    }
    Outcome::done()
}

/// The column widths for `n` options in `w` columns: the marker, the
/// row label, one cell per option.
fn widths(w: usize, n: usize) -> (usize, usize) {
    let label = (w * 30 / 100).clamp(16, 36);
    let cell = w.saturating_sub(MARK + label) / n.max(1);
    (label, cell)
}

const MARK: usize = 2;

/// The rows under the column heads.
pub fn text_area(body: Rect) -> Rect {
    layout::inset(body, 2, 0)
}

/// One row: ◆ when it differs, its label, a cell per option.
fn row(
    t: &Theme,
    w: usize,
    differs: bool,
    label: &str,
    cells: Vec<(String, Style)>,
) -> Line<'static> {
    let (label_w, cell_w) = widths(w, cells.len());
    let mut spans = vec![
        Span::styled(if differs { "◆ " } else { "  " }, t.warn),
        Span::styled(
            fit(label, label_w.saturating_sub(1)),
            if differs { t.title } else { t.text },
        ),
        Span::raw(" "),
    ];
    for (text, style) in cells {
        spans.push(Span::styled(fit(&text, cell_w.saturating_sub(1)), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// A row whose cells share one style.
fn styled_alike(t: &Theme, w: usize, label: &str, cells: &[String], style: Style) -> Line<'static> {
    let styled = cells.iter().map(|c| (c.clone(), style)).collect();
    row(t, w, differs(cells), label, styled)
}

/// A row of a section; an option without the row's thing shows a dim dash.
fn present_row(
    t: &Theme,
    w: usize,
    differs: bool,
    label: &str,
    cells: impl Iterator<Item = Option<(String, Style)>>,
) -> Line<'static> {
    let cells = cells
        .map(|c| c.unwrap_or_else(|| ("—".to_string(), t.dim)))
        .collect();
    row(t, w, differs, label, cells)
}

/// A blank line and the heading of a section.
fn section(out: &mut Vec<Line<'static>>, t: &Theme, heading: &'static str) {
    out.push(Line::raw(""));
    out.push(Line::styled(heading, t.heading));
}

fn differs(cells: &[String]) -> bool {
    cells.windows(2).any(|w| w[0] != w[1])
}

fn money(m: crate::engine::Money, indicative: bool) -> String {
    let mark = if indicative && m.0 != 0 { "*" } else { "" };
    format!("{}{mark}", m.amount())
}

fn severity_word(s: Option<Severity>) -> String {
    s.map_or("none".into(), |s| badge::short(s).to_string())
}

/// The comparison's rows, `w` columns wide (the heads are drawn apart).
pub fn lines(t: &Theme, state: &CompareState, w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let Some(cmp) = state.cmp.as_ref().filter(|c| c.options.len() > 1) else {
        let mut out = vec![Line::styled("No options yet.", t.title), Line::raw("")];
        out.extend(wrapped(
            &format!(
                "An option is this session's answers with some of its own on top: a shared platform against a dedicated cluster, office hours against 24×7. Press o, then a, to add one (at most {MAX_OPTIONS}); answer what differs while it is edited; compare them here."
            ),
            w as u16,
            t.text,
        ));
        return out;
    };
    let cur = &cmp.currency;
    let mut out = Vec::new();
    let monthly: Vec<String> = cmp
        .options
        .iter()
        .map(|o| money(o.monthly, o.indicative))
        .collect();
    let once: Vec<String> = cmp
        .options
        .iter()
        .map(|o| money(o.one_time, o.indicative))
        .collect();
    let worst: Vec<String> = cmp.options.iter().map(|o| severity_word(o.worst)).collect();
    let flags: Vec<String> = cmp.options.iter().map(|o| o.flags.to_string()).collect();
    out.push(styled_alike(
        t,
        w,
        &format!("Monthly ({cur})"),
        &monthly,
        t.money,
    ));
    out.push(styled_alike(
        t,
        w,
        &format!("One-time ({cur})"),
        &once,
        t.money,
    ));
    let worst_styles = cmp
        .options
        .iter()
        .map(|o| o.worst.map_or(t.dim, |s| t.severity(s)));
    let worst_cells = worst.iter().cloned().zip(worst_styles).collect();
    out.push(row(t, w, differs(&worst), "Worst flag", worst_cells));
    out.push(styled_alike(t, w, "Flags", &flags, t.text));

    section(&mut out, t, "ITEMS");
    for r in &cmp.items {
        let cells = r.cells.iter().map(|c| {
            let c = c.as_ref()?;
            // The figure first: a narrow cell cuts the plan name.
            let text = if c.monthly.0 != 0 {
                format!("{}/mo · {}", c.monthly.amount(), c.plan_name)
            } else if c.one_time.0 != 0 {
                format!("{} once · {}", c.one_time.amount(), c.plan_name)
            } else {
                c.plan_name.clone()
            };
            Some((text, t.text))
        });
        out.push(present_row(t, w, r.differs, &r.name, cells));
    }
    if cmp.items.is_empty() {
        out.push(Line::styled("  No items in any option yet.", t.dim));
    }
    if !cmp.service_levels.is_empty() {
        section(&mut out, t, "SERVICE LEVELS");
        for r in &cmp.service_levels {
            let cells = r.cells.iter().map(|c| Some((c.clone()?, t.text)));
            out.push(present_row(t, w, r.differs, &r.name, cells));
        }
    }
    section(&mut out, t, "FLAGS");
    for r in &cmp.flags {
        let word = badge::short(r.severity);
        let cells = r
            .present
            .iter()
            .map(|p| p.then(|| (word.to_string(), t.severity(r.severity))));
        out.push(present_row(t, w, r.differs, &r.title, cells));
    }
    if cmp.flags.is_empty() {
        out.push(Line::styled("  No option raises a flag.", t.ok));
    }
    if cmp.options.len() == 2 {
        out.push(Line::raw(""));
        out.extend(wrapped(
            "One option so far: add another to compare (o, then a).",
            w as u16,
            t.dim,
        ));
    }
    out
}

/// The column heads: the option names, the one under the cursor marked,
/// the one being edited with ✎.
fn head(t: &Theme, state: &CompareState, editing: Option<usize>, w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let Some(cmp) = state.cmp.as_ref().filter(|c| c.options.len() > 1) else {
        return Vec::new();
    };
    let (label_w, cell_w) = widths(w, cmp.options.len());
    let mut spans = vec![Span::raw(" ".repeat(MARK + label_w))];
    for (i, o) in cmp.options.iter().enumerate() {
        // Column 0 is Base, edited while no option is.
        let mark = if editing.map_or(0, |e| e + 1) == i {
            "✎ "
        } else {
            ""
        };
        let style = if i == state.column {
            t.selected
        } else {
            t.title
        };
        spans.push(Span::styled(
            fit(&format!("{mark}{}", o.name), cell_w.saturating_sub(1)),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    vec![Line::from(spans), Line::styled("─".repeat(w), t.border)]
}

pub fn draw(frame: &mut Frame, body: Rect, state: &CompareState, view: &View<'_>) {
    let Some(ctx) = &view.ctx else { return };
    let t = view.theme;
    let area = text_area(body);
    let mut all = lines(t, state, area.width);
    let total = all.len();
    let scroll = state.scroll.min(total.saturating_sub(area.height as usize));
    // The options besides Base.
    let n = state
        .cmp
        .as_ref()
        .map_or(0, |c| c.options.len().saturating_sub(1));
    let hint = if n == 0 {
        " o options · Esc back ".to_string()
    } else if scroll + (area.height as usize) < total {
        " ↓ more · ← → option · Enter edit it · ◆ differs ".to_string()
    } else {
        " ← → option · Enter edit it · ◆ differs ".to_string()
    };
    let title = format!(
        " Options compared · {} · {n} option{} ",
        truncate(&ctx.session.customer.name, 30),
        if n == 1 { "" } else { "s" }
    );
    frame.render_widget(
        pane(t, &title, true).title_bottom(Line::styled(hint, t.dim).right_aligned()),
        body,
    );
    let inner = layout::inner(body);
    let head = head(t, state, ctx.editing, inner.width);
    if !head.is_empty() {
        frame.render_widget(
            Paragraph::new(head),
            Rect::new(inner.x, inner.y, inner.width, 2.min(inner.height)),
        );
        all.drain(..scroll);
        frame.render_widget(Paragraph::new(all), area);
    } else {
        // Nothing to head: the explanation takes the whole pane.
        frame.render_widget(Paragraph::new(all), inner);
    }
}
