//! The proposal preview: the customer proposal as the Markdown export
//! renders it, scrollable, with the audience toggle (customer or
//! internal) and the export dialog one key away.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::pane;
use crate::export::Audience;
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Gesture, MouseOutcome, Outcome, Request, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::markdown;

#[derive(Debug, Clone, Default)]
pub struct PreviewState {
    pub audience: Audience,
    /// First line shown.
    pub scroll: usize,
    /// The rendered proposal, refreshed by the app whenever the session
    /// or the audience changes while the preview shows.
    pub text: String,
}

impl PreviewState {
    pub fn set_text(&mut self, text: String) {
        self.text = text;
    }
}

/// The preview's lines at a width: the Markdown export laid out for the
/// terminal.
pub fn lines(t: &Theme, text: &str, width: u16) -> Vec<Line<'static>> {
    markdown::lines(t, text, width)
}

pub fn on_command(
    state: &mut PreviewState,
    command: Option<Command>,
    page: usize,
    total: usize,
) -> Outcome {
    let max = total.saturating_sub(page);
    match command {
        Some(Command::Up) => state.scroll = state.scroll.saturating_sub(1),
        Some(Command::Down) => state.scroll = (state.scroll + 1).min(max),
        Some(Command::PageUp) => {
            state.scroll = state.scroll.saturating_sub(page.saturating_sub(1).max(1))
        }
        Some(Command::PageDown | Command::Toggle) => {
            state.scroll = (state.scroll + page.saturating_sub(1).max(1)).min(max);
        }
        Some(Command::Top) => state.scroll = 0,
        Some(Command::Bottom) => state.scroll = max,
        Some(Command::Audience) => {
            let next = match state.audience {
                Audience::Customer => Audience::Internal,
                Audience::Internal => Audience::Customer,
            };
            return Outcome::one(Request::Audience(next));
        }
        Some(Command::Export) => return Outcome::one(Request::ExportDialog),
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// The text area of the preview, inside its border.
pub fn text_area(body: Rect) -> Rect {
    layout::inner(body)
}

pub fn draw(frame: &mut Frame, body: Rect, state: &PreviewState, view: &View<'_>) {
    let t = view.theme;
    let who = match state.audience {
        Audience::Customer => "customer version",
        Audience::Internal => "INTERNAL version: approvers, rules, notes",
    };
    let area = text_area(body);
    let mut all = lines(t, &state.text, area.width);
    let total = all.len();
    let scroll = state.scroll.min(total.saturating_sub(area.height as usize));
    let end = (scroll + area.height as usize).min(total);
    let position = format!(
        " lines {}–{end} of {total} · a audience · e export ",
        scroll + 1
    );
    frame.render_widget(
        pane(t, &format!(" Proposal · {who} "), true)
            .title_bottom(Line::styled(position, t.dim).right_aligned()),
        body,
    );
    all.drain(..scroll);
    frame.render_widget(Paragraph::new(all), area);
}

/// The wheel scrolls three lines; a click does nothing.
pub fn on_mouse(
    state: &mut PreviewState,
    theme: &Theme,
    body: Rect,
    gesture: Gesture,
) -> MouseOutcome {
    let command = gesture.wheel()?;
    let area = text_area(body);
    let total = lines(theme, &state.text, area.width).len();
    for _ in 0..3 {
        on_command(state, Some(command), area.height as usize, total);
    }
    Some(Vec::new())
}
