//! Mouse: a click selects what is under it (and focuses its pane), the
//! wheel scrolls the pane under the pointer. Positions are resolved with
//! the same pure layout functions the drawing uses.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::app::{App, Ctx, Overlay, Request, Screen};
use super::keymap::Command;
use super::layout::{self, contains};
use super::screens::catalog::{self, Focus, Row};
use super::screens::interview::{self, NavRow, Pane, ScopeRow};
use super::screens::{compare, home, insights, options, preview, search};
use crate::knowledge::QuestionKind;

enum Gesture {
    Click,
    Up,
    Down,
}

/// `None` when the event changes nothing (moves, releases, empty space),
/// so the screen is not redrawn for it.
pub fn on_mouse(app: &mut App, mouse: MouseEvent) -> Option<Vec<Request>> {
    let gesture = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Gesture::Click,
        MouseEventKind::ScrollUp => Gesture::Up,
        MouseEventKind::ScrollDown => Gesture::Down,
        _ => return None,
    };
    let (x, y) = (mouse.column, mouse.row);
    let chrome = layout::chrome(app.size)?;
    if let Some(overlay) = &mut app.overlay {
        return match overlay {
            Overlay::Search(state) => {
                let l = layout::search(chrome.body);
                match gesture {
                    Gesture::Up => state.cursor = state.cursor.saturating_sub(1),
                    Gesture::Down => {
                        state.cursor = (state.cursor + 1).min(state.hits.len().saturating_sub(1))
                    }
                    Gesture::Click if contains(l.results, x, y) => {
                        let i = search::results_offset(state, l.results.height)
                            + (y - l.results.y) as usize;
                        return state.hits.get(i).map(|h| vec![search::go(h)]);
                    }
                    Gesture::Click if !contains(l.outer, x, y) => {
                        return Some(vec![Request::CloseOverlay]);
                    }
                    Gesture::Click => return None,
                }
                Some(Vec::new())
            }
            Overlay::Help(state) => {
                match gesture {
                    Gesture::Up => state.scroll = state.scroll.saturating_sub(3),
                    Gesture::Down => state.scroll += 3,
                    Gesture::Click => return None,
                }
                Some(Vec::new())
            }
            Overlay::Trace(state) => {
                match gesture {
                    Gesture::Up => state.scroll = state.scroll.saturating_sub(3),
                    Gesture::Down => state.scroll += 3,
                    Gesture::Click => return None,
                }
                Some(Vec::new())
            }
            Overlay::Options(state) => {
                let n = app.open.as_ref().map_or(0, |o| o.session.options.len());
                match gesture {
                    Gesture::Up => state.cursor = state.cursor.saturating_sub(1),
                    Gesture::Down => state.cursor = (state.cursor + 1).min(n),
                    Gesture::Click => {
                        let i = options::row_at(chrome.body, n, x, y)?;
                        // A click on the selected row edits it, like Enter.
                        if i == state.cursor {
                            return Some(vec![Request::EditOption(i.checked_sub(1))]);
                        }
                        state.cursor = i;
                    }
                }
                Some(Vec::new())
            }
            Overlay::Dialog(_) => None,
        };
    }
    let body = chrome.body;
    match app.screen {
        Screen::Home => {
            let state = &mut app.home;
            match gesture {
                Gesture::Up => state.cursor = state.cursor.saturating_sub(1),
                Gesture::Down => {
                    state.cursor = (state.cursor + 1).min(state.shown.len().saturating_sub(1))
                }
                Gesture::Click => {
                    let i = home::row_at(state, body, x, y)?;
                    // A click on the selected row opens it, like a double click.
                    if i == state.cursor {
                        return state
                            .selected()
                            .map(|s| vec![Request::OpenSession(s.id.clone())]);
                    }
                    state.cursor = i;
                }
            }
            Some(Vec::new())
        }
        Screen::Interview => interview_mouse(app, body, gesture, x, y),
        Screen::Catalog => {
            let open = app.open.as_mut()?;
            let ctx = Ctx::new(
                &app.knowledge,
                &open.session,
                &open.eval.scope,
                open.editing,
            );
            let l = layout::catalog(body);
            let order = &app.catalog_order;
            let state = &mut open.catalog;
            if contains(l.list, x, y) {
                let command = match gesture {
                    Gesture::Up => Command::Up,
                    Gesture::Down => Command::Down,
                    Gesture::Click => {
                        let inner = layout::inner(l.list);
                        let rows = catalog::rows(ctx.knowledge, order);
                        let offset = catalog::list_offset(state, &rows, inner.height);
                        let row = rows.get(offset + y.checked_sub(inner.y)? as usize)?;
                        state.focus = Focus::List;
                        if let Row::Offering(pos) = row {
                            let id = &ctx.knowledge.catalog.offerings[order[*pos]].id;
                            state.show(&ctx, order, id);
                        }
                        return Some(Vec::new());
                    }
                };
                state.focus = Focus::List;
                let out = catalog::on_command(state, &ctx, order, Some(command));
                return Some(out.requests);
            }
            if contains(l.detail, x, y) {
                state.focus = Focus::Detail;
                match gesture {
                    Gesture::Up => state.scroll = state.scroll.saturating_sub(3),
                    Gesture::Down => state.scroll += 3,
                    Gesture::Click => {}
                }
                return Some(Vec::new());
            }
            None
        }
        Screen::Compare => {
            let open = app.open.as_mut()?;
            let area = compare::text_area(body);
            let total = compare::lines(&app.theme, &open.compare, area.width).len();
            let command = match gesture {
                Gesture::Up => Command::Up,
                Gesture::Down => Command::Down,
                Gesture::Click => return None,
            };
            for _ in 0..3 {
                compare::on_command(
                    &mut open.compare,
                    Some(command),
                    area.height as usize,
                    total,
                );
            }
            Some(Vec::new())
        }
        Screen::Insights => {
            let area = insights::text_area(body);
            let total = insights::lines(&app.theme, &app.insights, area.width).len();
            let command = match gesture {
                Gesture::Up => Command::Up,
                Gesture::Down => Command::Down,
                Gesture::Click => return None,
            };
            for _ in 0..3 {
                insights::on_command(
                    &mut app.insights,
                    Some(command),
                    area.height as usize,
                    total,
                );
            }
            Some(Vec::new())
        }
        Screen::Preview => {
            let open = app.open.as_mut()?;
            let area = preview::text_area(body);
            let total = preview::lines(&app.theme, &open.preview.text, area.width).len();
            let command = match gesture {
                Gesture::Up => Command::Up,
                Gesture::Down => Command::Down,
                Gesture::Click => return None,
            };
            for _ in 0..3 {
                preview::on_command(
                    &mut open.preview,
                    Some(command),
                    area.height as usize,
                    total,
                );
            }
            Some(Vec::new())
        }
    }
}

fn interview_mouse(
    app: &mut App,
    body: ratatui::layout::Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
) -> Option<Vec<Request>> {
    let open = app.open.as_mut()?;
    let ctx = Ctx::new(
        &app.knowledge,
        &open.session,
        &open.eval.scope,
        open.editing,
    );
    let state = &mut open.interview;
    let l = layout::interview(body, ctx.scope.flags.len());
    let wheel = |g: &Gesture| match g {
        Gesture::Up => Some(Command::Up),
        Gesture::Down => Some(Command::Down),
        Gesture::Click => None,
    };
    // The section list: in its own pane, or over the question on narrow
    // terminals while it has the focus.
    let nav_area = l
        .sections
        .or((state.focus == Pane::Sections).then_some(l.question));
    if let Some(area) = nav_area
        && contains(area, x, y)
    {
        let inner = layout::inner(area);
        let rows = interview::nav_rows(&ctx, &state.question);
        state.focus = Pane::Sections;
        if let Some(c) = wheel(&gesture) {
            let out = interview::on_key(state, &ctx, key_for(c), Some(c));
            return Some(out.requests);
        }
        let offset =
            crate::tui::widgets::window_offset(state.nav_cursor, rows.len(), inner.height as usize);
        let i = offset + y.checked_sub(inner.y)? as usize;
        let row: &NavRow = rows.get(i)?;
        state.nav_cursor = i;
        return Some(interview::activate_nav(&ctx, Some(row)).requests);
    }
    if let Some(strip) = l.strip
        && contains(strip, x, y)
    {
        state.focus = Pane::Sections;
        return Some(Vec::new());
    }
    if contains(l.question, x, y) {
        let q = ctx.knowledge.question(&state.question)?;
        let inner = layout::inner(l.question);
        let message = interview::message_lines(&app.theme, state, &ctx, q, inner.width);
        let rows = u16::try_from(message.len()).unwrap_or(u16::MAX);
        let raised: Vec<_> = ctx.scope.flags_for_question(&q.id).collect();
        let a = interview::question_areas(inner, q, state, &raised, rows);
        if contains(a.note, x, y) {
            state.focus = Pane::Note;
            return Some(Vec::new());
        }
        state.focus = Pane::Question;
        if let Some(c) = wheel(&gesture) {
            let out = interview::on_key(state, &ctx, key_for(c), Some(c));
            return Some(out.requests);
        }
        if !contains(a.input, x, y) {
            return Some(Vec::new());
        }
        return Some(match &q.kind {
            QuestionKind::Single { .. } | QuestionKind::Multi { .. } => {
                let i =
                    interview::option_offset(state, q, a.input.height) + (y - a.input.y) as usize;
                if i >= q.options().len() {
                    return Some(Vec::new());
                }
                state.option_cursor = i;
                interview::on_key(state, &ctx, key_for(Command::Toggle), Some(Command::Toggle))
                    .requests
            }
            QuestionKind::YesNo => {
                // "›(•) Yes    ( ) No": Yes spans columns 1..=7, No 12..=17.
                let col = x - a.input.x;
                let command = match col {
                    1..=7 => Command::Yes,
                    12..=17 => Command::No,
                    _ => return Some(Vec::new()),
                };
                interview::on_key(state, &ctx, key_for(command), Some(command)).requests
            }
            QuestionKind::Text { radar: true } => {
                // A click on a suggestion under the field puts it in.
                let n = (y - a.input.y) as usize;
                match n.checked_sub(1) {
                    Some(i) if i < state.suggestions.len() => {
                        state.suggestion = Some(i);
                        let enter = ratatui::crossterm::event::KeyEvent::new(
                            ratatui::crossterm::event::KeyCode::Enter,
                            ratatui::crossterm::event::KeyModifiers::NONE,
                        );
                        interview::on_key(state, &ctx, enter, Some(Command::Select)).requests
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        });
    }
    let list = interview::scope_list_area(l.scope);
    if contains(l.scope, x, y) {
        state.focus = Pane::Scope;
        if let Some(c) = wheel(&gesture) {
            let out = interview::on_key(state, &ctx, key_for(c), Some(c));
            return Some(out.requests);
        }
        if !contains(list, x, y) {
            return Some(Vec::new());
        }
        let rows = interview::scope_rows(ctx.scope, list.height);
        let offset = interview::scope_offset(state, &rows, list.height);
        if let Some(ScopeRow::Item(i)) = rows.get(offset + (y - list.y) as usize) {
            state.scope_cursor = *i;
        }
        return Some(Vec::new());
    }
    if contains(l.flags, x, y) {
        state.focus = Pane::Scope;
        let items = ctx.scope.items.len();
        if ctx.scope.flags.is_empty() {
            return Some(Vec::new());
        }
        if state.scope_cursor < items {
            state.scope_cursor = items;
        }
        if let Some(c) = wheel(&gesture) {
            let out = interview::on_key(state, &ctx, key_for(c), Some(c));
            return Some(out.requests);
        }
        let inner = layout::inner(l.flags);
        if !contains(inner, x, y) {
            return Some(Vec::new());
        }
        let i = interview::flag_offset(state, ctx.scope, inner.height) + (y - inner.y) as usize;
        if i < ctx.scope.flags.len() {
            state.scope_cursor = items + i;
        }
        return Some(Vec::new());
    }
    None
}

/// A stand-in key for a command issued by the mouse; screens look at the
/// key only for typing, which the mouse never does.
fn key_for(_command: Command) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Null,
        ratatui::crossterm::event::KeyModifiers::NONE,
    )
}
