//! Drawing: one function of the app's state onto a frame. It reads and
//! never writes; the header, the footer (hints from the command table, or
//! the latest notice), the screen, then any box on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, Overlay, SaveState};
use super::keymap::Context;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::message::{Screen, Tone};
use super::screens::{
    catalog, compare, dialogs, help, home, insights, interview, options, preview, search, trace,
};
use super::widgets::{badge, width};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base), area);
    let Some(chrome) = layout::chrome(area) else {
        draw_too_small(frame, area, app);
        return;
    };
    draw_header(frame, chrome.header, app);
    let view = app.view();
    let body = chrome.body;
    match (app.screen, &app.open) {
        (Screen::Home, _) => home::draw(frame, body, &app.home, &view),
        (Screen::Insights, _) => insights::draw(frame, body, &app.insights, &view),
        (Screen::Interview, Some(o)) => interview::draw(frame, body, &o.interview, &view),
        (Screen::Catalog, Some(o)) => catalog::draw(frame, body, &o.catalog, &view),
        (Screen::Preview, Some(o)) => preview::draw(frame, body, &o.preview, &view),
        (Screen::Compare, Some(o)) => compare::draw(frame, body, &o.compare, &view),
        (_, None) => {}
    }
    match (&app.overlay, &app.open) {
        (Some(Overlay::Help(s)), _) => help::draw(frame, body, &view, s),
        (Some(Overlay::Search(s)), _) => search::draw(frame, body, &view, s),
        (Some(Overlay::Dialog(d)), _) => dialogs::draw(frame, body, &view, d),
        (Some(Overlay::Trace(s)), _) => trace::draw(frame, body, &view, s),
        (Some(Overlay::Options(s)), Some(o)) => options::draw(frame, body, &view, s, &o.compare),
        (Some(Overlay::Options(_)), None) | (None, _) => {}
    }
    draw_footer(frame, chrome.footer, app);
}

fn draw_too_small(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let text = vec![
        Line::styled("Terminal too small", t.title),
        Line::raw(""),
        Line::raw(format!(
            "nunki needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}.",
            area.width, area.height
        )),
        Line::raw("Enlarge the window or make the font smaller."),
        Line::raw(""),
        Line::styled("q quits · everything is saved", t.dim),
    ];
    let h = u16::try_from(text.len()).unwrap_or(0).min(area.height);
    let y = area.y + (area.height - h) / 2;
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        Rect::new(area.x, y, area.width, area.height - (y - area.y)),
    );
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let mut left = vec![Span::styled(" nunki ", t.bar.patch(t.title))];
    let mut right: Vec<Span> = Vec::new();
    match (&app.open, app.screen) {
        (Some(open), screen) if !matches!(screen, Screen::Home | Screen::Insights) => {
            let s = &open.session;
            let scope = &open.eval.scope;
            // What must stay on the right: the worst flag, the save state.
            let mut tail: Vec<Span> = Vec::new();
            if let Some(worst) = scope.worst_severity() {
                tail.push(badge(t, worst));
                tail.push(Span::styled(" ", t.bar));
            }
            if open.read_only {
                tail.push(Span::styled(
                    " READ-ONLY ",
                    t.error.patch(t.selected_unfocused),
                ));
            } else {
                match &app.save {
                    SaveState::Saved => tail.push(Span::styled("✓ saved ", t.bar)),
                    SaveState::Failed(_) => tail.push(Span::styled(
                        " NOT SAVED ",
                        t.error.patch(t.selected_unfocused),
                    )),
                    SaveState::Clean => {}
                }
            }
            let tail_w: usize = tail.iter().map(|s| width(&s.content)).sum();
            let wide = area.width >= layout::WIDE;
            let mut tabs = vec![
                ("Interview", Screen::Interview),
                ("Catalog", Screen::Catalog),
                ("Proposal", Screen::Preview),
            ];
            // A narrow terminal names the comparison only while it shows.
            if (wide && !s.options.is_empty()) || screen == Screen::Compare {
                tabs.push(("Compare", Screen::Compare));
            }
            let tabs_w: usize = tabs.iter().map(|(l, _)| width(l) + 2).sum();
            // With options, what is edited is always in sight: Base, or
            // the option, marked so it cannot be taken for the session.
            let editing = match open.editing.and_then(|i| s.options.get(i)) {
                Some(o) => Some((
                    format!(" ✎ {} ", o.name),
                    t.warn.patch(t.selected_unfocused),
                )),
                None if !s.options.is_empty() => Some((" Base ".to_string(), t.bar.patch(t.title))),
                None => None,
            };
            let who = if wide {
                format!("{} ({})", s.customer.name, s.status.id())
            } else {
                s.customer.name.clone()
            };
            // The customer's name gives way on narrow terminals, the tabs
            // do not; the edited option shares the room with the name.
            let (room, editing) = match editing {
                None => (
                    (area.width as usize).saturating_sub(30 + tabs_w).max(12),
                    None,
                ),
                Some((text, style)) => {
                    let budget = (area.width as usize).saturating_sub(11 + tabs_w + tail_w + 1);
                    // What is edited matters more than whose session it is.
                    let edit_room = (budget * 2 / 3).clamp(8, 30).min(width(&text));
                    let who_room = budget.saturating_sub(edit_room).max(6);
                    (
                        who_room,
                        Some((super::widgets::truncate(&text, edit_room), style)),
                    )
                }
            };
            left.push(Span::styled(
                format!("│ {} │", super::widgets::truncate(&who, room)),
                t.bar,
            ));
            if let Some((text, style)) = editing {
                left.push(Span::styled(text, style));
                left.push(Span::styled("│", t.bar));
            }
            for (label, tab) in tabs {
                let style = if tab == screen {
                    t.selected.patch(t.title)
                } else {
                    t.bar
                };
                left.push(Span::styled(format!(" {label} "), style));
            }
            let visible = scope.visible_questions.len();
            let answered = visible - scope.open_questions.len().min(visible);
            let cur = &scope.totals.currency;
            let ind = if scope.totals.indicative { "*" } else { "" };
            let full = format!(
                "{answered}/{visible} answered · {cur} {}{ind}/month · {}{ind} one-time ",
                scope.totals.monthly.amount(),
                scope.totals.one_time.amount()
            );
            let short = format!(
                "{answered}/{visible} · {cur} {}{ind}/mo ",
                scope.totals.monthly.amount()
            );
            let shortest = format!(" {cur} {}{ind}/mo ", scope.totals.monthly.amount());
            let left_w: usize = left.iter().map(|s| width(&s.content)).sum();
            let room = (area.width as usize).saturating_sub(left_w + tail_w);
            if width(&full) <= room {
                right.push(Span::styled(full, t.bar));
            } else if width(&short) <= room {
                right.push(Span::styled(short, t.bar));
            } else if width(&shortest) <= room {
                right.push(Span::styled(shortest, t.bar));
            }
            right.extend(tail);
        }
        _ => {
            left.push(Span::styled("│ pre-sales scoping", t.bar));
            if let Some((text, style)) = team_line(app) {
                left.push(Span::styled(" │ ", t.bar));
                left.push(Span::styled(text, style));
            }
            right.push(Span::styled(
                format!(
                    "{} offerings · {} questions · {} rules ",
                    app.knowledge.catalog.offerings.len(),
                    app.knowledge.questionnaire.questions().count(),
                    app.knowledge.rules.len()
                ),
                t.bar,
            ));
        }
    }
    let used: usize = left
        .iter()
        .chain(right.iter())
        .map(|s| width(&s.content))
        .sum();
    let pad = (area.width as usize).saturating_sub(used);
    let mut spans = left;
    // On a narrow terminal the right side gives way first.
    if used > area.width as usize {
        right.clear();
    }
    spans.push(Span::styled(" ".repeat(pad), t.bar));
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.bar), area);
}

/// The team folder's sync state for the header, as last read (when the
/// home screen opened, after a sync); `None` without a team folder.
pub fn team_line(app: &App) -> Option<(String, ratatui::style::Style)> {
    let t = &app.theme;
    let state = app.team.as_ref()?;
    if app.syncing {
        return Some(("team: syncing…".into(), t.bar));
    }
    let st = match state {
        Ok(st) => st,
        Err(_) => {
            return Some((
                "team: state unknown (git failed)".into(),
                t.bar.patch(t.warn),
            ));
        }
    };
    let conflicts: usize = app.home.sessions.iter().map(|s| s.conflicts).sum();
    let mut parts = Vec::new();
    if st.ahead > 0 {
        parts.push(format!("↑{} to send", st.ahead));
    }
    if st.behind > 0 {
        parts.push(format!("↓{} to receive", st.behind));
    }
    if st.uncommitted > 0 {
        parts.push(format!("{} changed", st.uncommitted));
    }
    if conflicts > 0 {
        parts.push(format!(
            "⚠ {conflicts} conflict{}",
            if conflicts == 1 { "" } else { "s" }
        ));
    }
    if parts.is_empty() {
        return Some(("team: in sync ✓".into(), t.bar));
    }
    let style = if conflicts > 0 {
        t.bar.patch(t.warn)
    } else {
        t.bar
    };
    Some((format!("team: {}", parts.join(" · ")), style))
}

fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    if let Some(n) = &app.notice {
        let style = match n.tone {
            Tone::Info => t.text,
            Tone::Good => t.ok,
            Tone::Bad => t.error,
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {}", n.text), style)),
            area,
        );
        return;
    }
    // Help and quit stay at the right end whatever else must give way.
    // Comparing needs options; without any, the hints would lead nowhere.
    let options = app
        .open
        .as_ref()
        .is_some_and(|o| !o.session.options.is_empty());
    let context = app.context();
    let (pinned, rest): (Vec<_>, Vec<_>) = app
        .keymap
        .hints(context, app.typing())
        .into_iter()
        .filter(|(_, word)| {
            options || !(*word == "compare" || (*word == "edit" && context == Context::Compare))
        })
        // Syncing needs a team folder; without one the hint leads nowhere.
        .filter(|(_, word)| app.team.is_some() || *word != "sync")
        .partition(|(_, word)| matches!(*word, "help" | "quit"));
    let hint_w = |(key, word): &(String, &str)| width(key) + width(word) + 4;
    let pinned_w: usize = pinned.iter().map(hint_w).sum();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1 + pinned_w;
    for h in rest {
        let w = hint_w(&h);
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(h.0, t.key));
        spans.push(Span::styled(format!(" {}   ", h.1), t.dim));
    }
    spans.push(Span::raw(
        " ".repeat((area.width as usize).saturating_sub(used)),
    ));
    for (key, word) in pinned {
        spans.push(Span::styled(key, t.key));
        spans.push(Span::styled(format!(" {word}   "), t.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
