//! The proposal preview: the proposal's document (the one every export
//! is written from) drawn for the terminal, scrollable, with the audience
//! toggle (customer or internal) and the export dialog one key away.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{draw_text, page_of, pane, scroll_text};
use crate::export::Audience;
use crate::export::document::Document;
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Outcome, Request, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::document;

#[derive(Debug, Clone, Default)]
pub struct PreviewState {
    pub audience: Audience,
    /// First line shown.
    pub scroll: usize,
    /// The proposal's document, rebuilt by the app whenever the session
    /// or the audience changes while the preview shows.
    pub doc: Option<Document>,
}

impl PreviewState {
    pub fn set_doc(&mut self, doc: Document) {
        self.doc = Some(doc);
    }
}

/// The preview's lines at a width: the document laid out for the
/// terminal.
pub fn lines(t: &Theme, doc: Option<&Document>, width: u16) -> Vec<Line<'static>> {
    doc.map(|d| document::lines(t, d, width))
        .unwrap_or_default()
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
            let (page, total) = page_of(body.map(text_area), |w| {
                lines(theme, state.doc.as_ref(), w).len()
            });
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
    let all = lines(t, state.doc.as_ref(), area.width);
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
