//! Severity badges: a short word on a coloured ground. The word alone
//! carries the meaning, so badges still read without colour.

use ratatui::text::Span;

use crate::knowledge::Severity;
use crate::tui::theme::Theme;

/// The badge word of a severity.
pub fn short(severity: Severity) -> &'static str {
    match severity {
        Severity::OutOfScope => "OUT",
        Severity::NeedsApproval => "APPROVAL",
        Severity::NeedsPartner => "PARTNER",
        Severity::NeedsEngineering => "ENGINEER",
        Severity::Info => "INFO",
    }
}

/// Columns a badge takes, so lists of flags line up.
pub const WIDTH: usize = 10;

/// The badge, centred in [`WIDTH`] columns.
pub fn badge(theme: &Theme, severity: Severity) -> Span<'static> {
    let word = short(severity);
    let left = (WIDTH - word.len()) / 2;
    let right = WIDTH - word.len() - left;
    Span::styled(
        format!("{}{word}{}", " ".repeat(left), " ".repeat(right)),
        theme.badge(severity),
    )
}
