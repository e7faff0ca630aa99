//! The mouse in the interview: a click selects what is under it (and
//! focuses its pane), the wheel scrolls the pane under the pointer.
//! Positions come from the same pure areas the drawing uses.

use super::*;
use crate::tui::message::{Gesture, MouseOutcome};

/// A click selects what is under it (and focuses its pane), the wheel
/// scrolls the pane under the pointer, as the keys of that pane would.
/// A click that takes the focus from a Tech Radar field enters what was
/// typed there, as leaving it by key does.
pub fn on_mouse(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    t: &Theme,
    body: Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
) -> MouseOutcome {
    let radar = current(state, ctx).filter(|q| is_radar(q) && state.in_field(ctx));
    let mut requests = pointed(
        state,
        ctx,
        t,
        Pointer {
            body,
            gesture,
            x,
            y,
        },
    )?;
    if let Some(q) = radar
        && state.focus != Pane::Question
    {
        let mut first = entered(state, q, ctx);
        first.append(&mut requests);
        requests = first;
    }
    Some(requests)
}

/// What the mouse did, where, over which body.
struct Pointer {
    body: Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
}

fn pointed(state: &mut InterviewState, ctx: &Ctx<'_>, t: &Theme, at: Pointer) -> MouseOutcome {
    let Pointer {
        body,
        gesture,
        x,
        y,
    } = at;
    let l = layout::interview(body, ctx.scope.flags.len());
    // The section list: in its own pane, or over the question on narrow
    // terminals while it has the focus.
    let nav_area = l
        .sections
        .or((state.focus == Pane::Sections).then_some(l.question));
    if let Some(area) = nav_area
        && layout::contains(area, x, y)
    {
        let inner = layout::inner(area);
        let rows = nav_rows(ctx, &state.question);
        state.focus = Pane::Sections;
        if let Some(c) = gesture.wheel() {
            return Some(press(state, ctx, c));
        }
        let offset = window_offset(state.nav_cursor, rows.len(), inner.height as usize);
        let i = offset + y.checked_sub(inner.y)? as usize;
        let row: &NavRow = rows.get(i)?;
        state.nav_cursor = i;
        return Some(activate_nav(ctx, Some(row)).requests);
    }
    if let Some(strip) = l.strip
        && layout::contains(strip, x, y)
    {
        state.focus = Pane::Sections;
        return Some(Vec::new());
    }
    if layout::contains(l.question, x, y) {
        let q = ctx.knowledge.question(&state.question)?;
        let inner = layout::inner(l.question);
        let message = message_lines(t, state, ctx, q, inner.width);
        let rows = u16::try_from(message.len()).unwrap_or(u16::MAX);
        let raised: Vec<_> = ctx.scope.flags_for_question(&q.id).collect();
        let a = question_areas(inner, q, state, &raised, rows);
        if layout::contains(a.note, x, y) {
            state.focus = Pane::Note;
            return Some(Vec::new());
        }
        state.focus = Pane::Question;
        if let Some(c) = gesture.wheel() {
            return Some(press(state, ctx, c));
        }
        if !layout::contains(a.input, x, y) {
            return Some(Vec::new());
        }
        state.field_left = false;
        return Some(match &q.kind {
            QuestionKind::Single { .. } | QuestionKind::Multi { .. } => {
                let i = option_offset(state, q, a.input.height) + (y - a.input.y) as usize;
                if i >= q.options().len() {
                    return Some(Vec::new());
                }
                state.option_cursor = i;
                press(state, ctx, Command::Toggle)
            }
            QuestionKind::YesNo => {
                // "›(•) Yes    ( ) No": Yes spans columns 1..=7, No 12..=17.
                let col = x - a.input.x;
                let command = match col {
                    1..=7 => Command::Yes,
                    12..=17 => Command::No,
                    _ => return Some(Vec::new()),
                };
                press(state, ctx, command)
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
                        on_key(state, ctx, enter, Some(Command::Select)).requests
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        });
    }
    let list = scope_list_area(l.scope);
    if layout::contains(l.scope, x, y) {
        state.focus = Pane::Scope;
        if let Some(c) = gesture.wheel() {
            return Some(press(state, ctx, c));
        }
        if !layout::contains(list, x, y) {
            return Some(Vec::new());
        }
        let rows = scope_rows(ctx.scope, list);
        let offset = scope_offset(state, &rows, list.height);
        state.enter_list(ctx);
        if let Some(ScopeRow::Item(i) | ScopeRow::ItemMore(i, _)) =
            rows.get(offset + (y - list.y) as usize)
        {
            state.scope_cursor = *i;
        }
        return Some(Vec::new());
    }
    if layout::contains(l.flags, x, y) {
        state.focus = Pane::Flags;
        let items = ctx.scope.items.len();
        if ctx.scope.flags.is_empty() {
            return Some(Vec::new());
        }
        if state.scope_cursor < items {
            state.scope_cursor = items;
        }
        if let Some(c) = gesture.wheel() {
            return Some(press(state, ctx, c));
        }
        let inner = layout::inner(l.flags);
        if !layout::contains(inner, x, y) {
            return Some(Vec::new());
        }
        let i = flag_offset(state, ctx.scope, inner.height) + (y - inner.y) as usize;
        if i < ctx.scope.flags.len() {
            state.scope_cursor = items + i;
        }
        return Some(Vec::new());
    }
    None
}

/// What the mouse does as the key of `command` would. The key is a
/// stand-in: screens look at it only for typing, which the mouse never does.
fn press(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Vec<Request> {
    let key = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Null,
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    on_key(state, ctx, key, Some(command)).requests
}
