//! Insights (`i` on the home screen): what customers ask for across every
//! saved session, scoped with the current knowledge — the boundaries hit
//! most often, the requests we cannot serve ourselves (candidates for new
//! products), the offerings proposed most, how deals with each flag ended,
//! and the files that could not be read. The same counts as
//! `nunki insights` (`crate::insights`); the shell reads the sessions, the
//! app evaluates them once when they arrive, drawing lays out bars.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{draw_text, page_of, pane, scroll_text, wrapped};
use crate::engine::Money;
use crate::insights::{Insights, of_sessions};
use crate::knowledge::{Knowledge, Severity};
use crate::session::Session;
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Outcome, Request, View};
use crate::tui::persist::AllSessions;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::{bar, split};
use crate::tui::widgets::{badge, fit, truncate, width};

#[derive(Debug, Clone, Default)]
pub struct InsightsState {
    pub report: Option<Insights>,
    /// Waiting for the shell to read the sessions.
    pub loading: bool,
    /// Why the sessions could not be read at all.
    pub error: Option<String>,
    /// First line shown.
    pub scroll: usize,
}

impl InsightsState {
    pub fn loading(&mut self) {
        self.loading = true;
        self.error = None;
    }

    /// Evaluates every session once with the current knowledge and counts.
    pub fn set(&mut self, knowledge: &Knowledge, all: AllSessions) {
        let sessions: Vec<&Session> = all.sessions.iter().collect();
        self.report = Some(of_sessions(knowledge, &sessions, all.skipped));
        self.loading = false;
        self.error = None;
    }

    pub fn failed(&mut self, error: String) {
        self.loading = false;
        self.error = Some(error);
    }
}

/// A command; the scroll keys page through the text as it stands in
/// `body` (`None`: the terminal is too small).
pub fn on_command(
    state: &mut InsightsState,
    theme: &Theme,
    body: Option<Rect>,
    command: Option<Command>,
) -> Outcome {
    match command {
        Some(Command::Reload) => Outcome::one(Request::Insights),
        other => {
            let (page, total) = page_of(body.map(text_area), |w| lines(theme, state, w).len());
            scroll_text(&mut state.scroll, other, page, total)
        }
    }
}

/// Sessions, customers and the monthly value at stake: in words when
/// the row is wide, abbreviated when not.
fn demand(wide: bool, sessions: usize, customers: usize, value: Money, cur: &str) -> String {
    if wide {
        format!(
            "{} {}  {cur} {:>9}/mo",
            count(sessions, "session", "sessions"),
            count(customers, "customer", "customers"),
            value.amount()
        )
    } else {
        format!("{sessions:>3} sess. {customers:>3} cust.")
    }
}

/// The text area of the screen, inside its border.
pub fn text_area(body: Rect) -> Rect {
    layout::inner(body)
}

/// How one kind of row is laid out at a width: the label, the bar, the
/// figures after it (wide or narrow).
struct Columns {
    label: usize,
    bar: usize,
    wide: bool,
}

/// Room for a bar row: `lead` columns before the label (a badge), the
/// figures' width when wide and when narrow.
fn columns(w: usize, lead: usize, wide_figures: usize, narrow_figures: usize) -> Columns {
    let label = (w * 36 / 100).clamp(14, 44);
    let rest = |figures: usize| w.saturating_sub(lead + label + figures + 2);
    if rest(wide_figures) >= 12 {
        Columns {
            label,
            bar: rest(wide_figures),
            wide: true,
        }
    } else {
        Columns {
            label,
            bar: rest(narrow_figures).max(4),
            wide: false,
        }
    }
}

fn bar_line(
    t: &Theme,
    lead: Vec<Span<'static>>,
    label: &str,
    c: &Columns,
    bar_text: String,
    figures: String,
) -> Line<'static> {
    let mut spans = lead;
    spans.push(Span::styled(fit(label, c.label), t.text));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(fit(&bar_text, c.bar), t.key));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(figures, t.dim));
    Line::from(spans)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "  1 session " / " 12 sessions": a count in a column of counts.
fn count(n: usize, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    format!("{n:>3} {word:<w$}", w = many.len())
}

fn lead(t: &Theme, s: Severity) -> Vec<Span<'static>> {
    vec![badge(t, s), Span::raw(" ")]
}

/// The screen's lines, `w` columns wide.
pub fn lines(t: &Theme, state: &InsightsState, w: u16) -> Vec<Line<'static>> {
    let w = w as usize;
    let heading = |s: &str| Line::styled(s.to_string(), t.heading);
    let mut out: Vec<Line<'static>> = Vec::new();
    if let Some(e) = &state.error {
        out.extend(wrapped(e, w as u16, t.error));
        return out;
    }
    let Some(r) = &state.report else {
        out.push(Line::styled("Reading the saved sessions…", t.dim));
        return out;
    };
    let cur = &r.currency;
    out.push(Line::styled(
        format!(
            "{} of {}, scoped with the current catalog",
            plural(r.sessions, "session", "sessions"),
            plural(r.customers, "customer", "customers")
        ),
        t.title,
    ));
    if !r.skipped.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            if r.skipped.len() == 1 {
                "1 FILE COULD NOT BE READ (left as it is, not counted)".to_string()
            } else {
                format!(
                    "{} FILES COULD NOT BE READ (left as they are, not counted)",
                    r.skipped.len()
                )
            },
            t.error,
        ));
        for s in &r.skipped {
            out.extend(wrapped(&format!("  {s}"), w as u16, t.error));
        }
    }
    if r.sessions == 0 {
        out.push(Line::raw(""));
        out.extend(wrapped(
            "No saved sessions to count yet: scope a customer first (n on the home screen).",
            w as u16,
            t.dim,
        ));
        return out;
    }

    // Boundaries: flags other than information, most sessions first.
    out.push(Line::raw(""));
    out.push(heading("BOUNDARIES HIT MOST OFTEN"));
    let boundaries: Vec<_> = r
        .flags
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .collect();
    let lead_w = badge::WIDTH + 1;
    let c = columns(w, lead_w, 44, 19);
    let max = boundaries.iter().map(|f| f.sessions).max().unwrap_or(0);
    for f in &boundaries {
        let figures = demand(c.wide, f.sessions, f.customers, f.monthly_value, cur);
        out.push(bar_line(
            t,
            lead(t, f.severity),
            &f.title,
            &c,
            bar(f.sessions, max, c.bar),
            figures,
        ));
    }
    if boundaries.is_empty() {
        out.push(Line::styled("  No session hits a boundary.", t.ok));
    }

    out.push(Line::raw(""));
    out.push(heading(
        "NOT OURS TO SELL: PRODUCT CANDIDATES (out of scope or a partner's)",
    ));
    let c = columns(w, 2, 44, 19);
    let max = r.requests.iter().map(|q| q.sessions).max().unwrap_or(0);
    for q in &r.requests {
        let figures = demand(c.wide, q.sessions, q.customers, q.monthly_value, cur);
        out.push(bar_line(
            t,
            vec![Span::raw("  ")],
            &format!("{} = {}", q.question, q.answer),
            &c,
            bar(q.sessions, max, c.bar),
            figures,
        ));
    }
    if r.requests.is_empty() {
        out.push(Line::styled(
            "  Nothing asked for lies outside what we sell.",
            t.ok,
        ));
    }

    out.push(Line::raw(""));
    out.push(heading("OFFERINGS PROPOSED MOST"));
    let c = columns(w, 2, 32, 11);
    let max = r.offerings.iter().map(|o| o.sessions).max().unwrap_or(0);
    for o in &r.offerings {
        let figures = match (c.wide, o.monthly.0 == 0 && o.one_time.0 != 0) {
            (false, _) => format!("{:>3} sess.", o.sessions),
            (true, true) => format!(
                "{}  {cur} {:>9} once",
                count(o.sessions, "session", "sessions"),
                o.one_time.amount()
            ),
            (true, false) => format!(
                "{}  {cur} {:>9}/mo",
                count(o.sessions, "session", "sessions"),
                o.monthly.amount()
            ),
        };
        out.push(bar_line(
            t,
            vec![Span::raw("  ")],
            &o.name,
            &c,
            bar(o.sessions, max, c.bar),
            figures,
        ));
    }
    if r.offerings.is_empty() {
        out.push(Line::styled("  No offering is in any scope yet.", t.dim));
    }

    out.push(Line::raw(""));
    out.push(heading("HOW DEALS WITH EACH FLAG ENDED"));
    let decided = r.flags.iter().any(|f| f.won + f.lost > 0);
    if !decided {
        out.extend(wrapped(
            "  No session with a flag is marked won or lost yet (nunki set SESSION --status won).",
            w as u16,
            t.dim,
        ));
    } else {
        let figures_w = 26;
        let c = columns(w, lead_w, figures_w, figures_w);
        let max = r.flags.iter().map(|f| f.sessions).max().unwrap_or(0);
        for f in &r.flags {
            let open = f.sessions.saturating_sub(f.won + f.lost);
            let bar_w = (f.sessions * c.bar).div_ceil(max.max(1));
            let mut spans = lead(t, f.severity);
            spans.push(Span::styled(fit(&f.title, c.label), t.text));
            spans.push(Span::raw(" "));
            let parts = split(
                &[
                    (f.won, "█", t.ok),
                    (f.lost, "▓", t.error),
                    (open, "░", t.dim),
                ],
                f.sessions,
                bar_w,
            );
            let used: usize = parts.iter().map(|s| width(&s.content)).sum();
            spans.extend(parts);
            spans.push(Span::raw(" ".repeat(c.bar.saturating_sub(used) + 1)));
            spans.push(Span::styled(format!("won {:>2}", f.won), t.ok));
            spans.push(Span::styled(" · ", t.dim));
            spans.push(Span::styled(format!("lost {:>2}", f.lost), t.error));
            spans.push(Span::styled(format!(" · open {open:>2}"), t.dim));
            out.push(Line::from(spans));
        }
        out.push(Line::styled(
            "  █ won  ▓ lost  ░ open (draft or proposed)",
            Style::new().patch(t.dim),
        ));
    }
    out
}

pub fn draw(frame: &mut Frame, body: Rect, state: &InsightsState, view: &View<'_>) {
    let t = view.theme;
    let area = text_area(body);
    let all = lines(t, state, area.width);
    let total = all.len();
    let scroll = state.scroll.min(total.saturating_sub(area.height as usize));
    let end = (scroll + area.height as usize).min(total);
    let position = if total > area.height as usize {
        format!(
            " lines {}–{end} of {total} · r reload · Esc back ",
            scroll + 1
        )
    } else {
        " r reload · Esc back ".to_string()
    };
    let title = match &state.report {
        Some(r) if !r.skipped.is_empty() => format!(
            " Insights · {} · {} unreadable ",
            plural(r.sessions, "session", "sessions"),
            r.skipped.len()
        ),
        Some(r) => format!(" Insights · {} ", plural(r.sessions, "session", "sessions")),
        None => " Insights ".to_string(),
    };
    let block = pane(t, &truncate(&title, body.width as usize / 2), true)
        .title_bottom(Line::styled(position, t.dim).right_aligned());
    draw_text(frame, block, body, all, scroll, area);
}
