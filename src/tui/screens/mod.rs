//! One module per screen and per box. Each owns its state, handles the
//! keys it understands (answering consumed or not, with requests for the
//! app), and draws itself from a read-only view of the app.

pub mod catalog;
pub mod compare;
pub mod dialogs;
pub mod help;
pub mod home;
pub mod insights;
pub mod interview;
pub mod options;
pub mod preview;
pub mod search;
pub mod trace;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

use super::theme::Theme;

/// A bordered pane; the focused one has a heavier, coloured border.
pub fn pane<'a>(theme: &Theme, title: &str, focused: bool) -> Block<'a> {
    let (style, kind) = if focused {
        (theme.border_focus, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    Block::bordered()
        .style(theme.base)
        .border_type(kind)
        .border_style(style)
        .title(Line::styled(title.to_string(), theme.title))
}

/// `text` as spans with the characters at `indices` (char positions)
/// in the `marked` style.
pub fn highlighted(
    text: &str,
    indices: &[usize],
    base: Style,
    marked: Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let m = indices.contains(&i);
        if m != run_marked && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_marked { marked } else { base },
            ));
        }
        run_marked = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { marked } else { base }));
    }
    spans
}

/// Wrapped lines of `text` in one style.
pub fn wrapped(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    super::widgets::wrap(text, width as usize)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}
