//! One module per screen and per box. Each owns its state, handles the
//! keys and the mouse it understands (answering consumed or not, with
//! requests for the app), and draws itself from its state and a read-only
//! [`View`](super::message::View). Screens import `message`, never the app.

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

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::keymap::Command;
use super::message::{Gesture, MouseOutcome, Outcome};
use super::theme::Theme;

/// The page height and the number of lines of a scrolled text in `area`
/// (`None` while the terminal is too small: a page of 20, no lines).
pub fn page_of(area: Option<Rect>, lines: impl FnOnce(u16) -> usize) -> (usize, usize) {
    area.map_or((20, 0), |a| (a.height as usize, lines(a.width)))
}

/// The keys that move through a scrolled text of `total` lines, a `page`
/// high; any other command is ignored.
pub fn scroll_text(
    scroll: &mut usize,
    command: Option<Command>,
    page: usize,
    total: usize,
) -> Outcome {
    let max = total.saturating_sub(page);
    let step = page.saturating_sub(1).max(1);
    match command {
        Some(Command::Up) => *scroll = scroll.saturating_sub(1),
        Some(Command::Down) => *scroll = (*scroll + 1).min(max),
        Some(Command::PageUp) => *scroll = scroll.saturating_sub(step),
        Some(Command::PageDown) => *scroll = (*scroll + step).min(max),
        Some(Command::Top) => *scroll = 0,
        Some(Command::Bottom) => *scroll = max,
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// The mouse on a list of `len` rows with a cursor: the wheel moves the
/// cursor, a click on a row (`hit`) selects it. `Some(true)`: the click
/// was on the row already selected, which opens it (a double click);
/// `None`: nothing changed.
pub fn pick(
    cursor: &mut usize,
    len: usize,
    gesture: Gesture,
    hit: impl FnOnce() -> Option<usize>,
) -> Option<bool> {
    match gesture {
        Gesture::Up => *cursor = cursor.saturating_sub(1),
        Gesture::Down => *cursor = (*cursor + 1).min(len.saturating_sub(1)),
        Gesture::Click => {
            let i = hit()?;
            if i == *cursor {
                return Some(true);
            }
            *cursor = i;
        }
    }
    Some(false)
}

/// The wheel as three presses of ↑ or ↓; a click does nothing.
pub fn wheel(gesture: Gesture, mut press: impl FnMut(Command)) -> MouseOutcome {
    let command = gesture.wheel()?;
    for _ in 0..3 {
        press(command);
    }
    Some(Vec::new())
}

/// The scroll keys of a box whose text the app clamps afterwards (help,
/// trace): a line, ten lines, the top.
pub fn box_scroll(scroll: &mut usize, command: Option<Command>) -> Outcome {
    match command {
        Some(Command::Up) => *scroll = scroll.saturating_sub(1),
        Some(Command::Down) => *scroll += 1,
        Some(Command::PageUp) => *scroll = scroll.saturating_sub(10),
        Some(Command::PageDown) => *scroll += 10,
        Some(Command::Top) => *scroll = 0,
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// A pane (`block` over `outer`) with `lines` from `scroll` on in `inner`.
pub fn draw_text(
    frame: &mut Frame,
    block: Block<'_>,
    outer: Rect,
    mut lines: Vec<Line<'static>>,
    scroll: usize,
    inner: Rect,
) {
    frame.render_widget(block, outer);
    lines.drain(..scroll.min(lines.len()));
    frame.render_widget(Paragraph::new(lines), inner);
}

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
