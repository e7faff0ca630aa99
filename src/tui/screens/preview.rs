//! The proposal preview: the customer proposal as the Markdown export
//! renders it, scrollable, with the audience toggle (customer or
//! internal) and the export dialog one key away.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{draw_text, page_of, pane, scroll_text};
use crate::export::Audience;
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Outcome, Request, View};
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

/// A command; the scroll keys page through the text as it stands in
/// `body` (`None`: the terminal is too small).
pub fn on_command(
    state: &mut PreviewState,
    theme: &Theme,
    body: Option<Rect>,
    command: Option<Command>,
) -> Outcome {
    match command {
        Some(Command::Audience) => {
            let next = match state.audience {
                Audience::Customer => Audience::Internal,
                Audience::Internal => Audience::Customer,
            };
            Outcome::one(Request::Audience(next))
        }
        Some(Command::Export) => Outcome::one(Request::ExportDialog),
        other => {
            let (page, total) =
                page_of(body.map(text_area), |w| lines(theme, &state.text, w).len());
            scroll_text(&mut state.scroll, other, page, total)
        }
    }
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
    let all = lines(t, &state.text, area.width);
    let total = all.len();
    let scroll = state.scroll.min(total.saturating_sub(area.height as usize));
    let end = (scroll + area.height as usize).min(total);
    let position = format!(
        " lines {}–{end} of {total} · a audience · e export ",
        scroll + 1
    );
    let block = pane(t, &format!(" Proposal · {who} "), true)
        .title_bottom(Line::styled(position, t.dim).right_aligned());
    draw_text(frame, block, body, all, scroll, area);
}
