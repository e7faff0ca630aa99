//! Help (`?`): the keys of the screen underneath, read from the command
//! table itself, so it lists exactly what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::{box_scroll, draw_text, pane};
use crate::tui::keymap::{self, Command, Context};
use crate::tui::layout;
use crate::tui::message::{Outcome, View};
use crate::tui::widgets::{fit, wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpState {
    /// The context whose keys are listed.
    pub context: Context,
    pub scroll: usize,
}

impl HelpState {
    pub fn new(context: Context) -> HelpState {
        HelpState { context, scroll: 0 }
    }
}

pub fn on_command(state: &mut HelpState, _context: Context, command: Option<Command>) -> Outcome {
    box_scroll(&mut state.scroll, command)
}

const KEYS_W: usize = 18;

/// The help text for a context, `w` columns wide.
pub fn lines(view: &View<'_>, context: Context, w: usize) -> Vec<Line<'static>> {
    let t = view.theme;
    let mut out = Vec::new();
    for (keys, doc) in view.keymap.help_rows(context) {
        let doc_lines = wrap(doc, w.saturating_sub(KEYS_W + 1));
        for (i, d) in doc_lines.into_iter().enumerate() {
            let k = if i == 0 {
                fit(&keys, KEYS_W)
            } else {
                " ".repeat(KEYS_W)
            };
            out.push(Line::from(vec![
                Span::styled(k, t.key),
                Span::raw(" "),
                Span::styled(d, t.text),
            ]));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "Mouse: a click selects (and focuses the pane); the wheel scrolls.",
        t.dim,
    ));
    if context == Context::Interview {
        out.push(Line::styled(
            "Text fields take letters as you type; Tab leaves them.",
            t.dim,
        ));
        out.extend(
            wrap(&keymap::RADAR_FIELD.replace('`', ""), w)
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
        );
    }
    out
}

/// The text area of the help box.
pub fn area(body: Rect) -> Rect {
    layout::inner(layout::popup(body, 78, body.height.saturating_sub(2)))
}

pub fn draw(frame: &mut Frame, body: Rect, view: &View<'_>, state: &HelpState) {
    let t = view.theme;
    let outer = layout::popup(body, 78, body.height.saturating_sub(2));
    let inner = area(body);
    let text = lines(view, state.context, inner.width as usize);
    let max = text.len().saturating_sub(inner.height as usize);
    let scroll = state.scroll.min(max);
    let hint = if scroll < max {
        " ↓ more · Esc closes "
    } else {
        " Esc closes "
    };
    frame.render_widget(Clear, outer);
    let block = pane(t, &format!(" Keys · {} ", state.context.title()), true)
        .title_bottom(Line::styled(hint, t.dim).right_aligned());
    draw_text(frame, block, outer, text, scroll, inner);
}
