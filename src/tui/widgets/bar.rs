//! Horizontal bars for counts, drawn in eighths of a cell so that close
//! counts still look different, and a bar split into parts (won, lost,
//! open). Text only: the numbers beside a bar say what it means.

use ratatui::style::Style;
use ratatui::text::Span;

const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar for `value` out of `max`, at most `width` cells; any value above
/// zero shows at least an eighth.
pub fn bar(value: usize, max: usize, width: usize) -> String {
    if max == 0 || width == 0 || value == 0 {
        return String::new();
    }
    let eighths = (value.min(max) * width * 8).div_ceil(max);
    let mut out = "█".repeat(eighths / 8);
    out.push_str(EIGHTHS[eighths % 8]);
    out
}

/// Parts of one bar, each `(count, glyph, style)`, `width` cells for
/// `total`. Every part above zero gets at least one cell.
pub fn split(parts: &[(usize, &str, Style)], total: usize, width: usize) -> Vec<Span<'static>> {
    if total == 0 || width == 0 {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (count, glyph, style) in parts {
        if *count == 0 {
            continue;
        }
        let cells = ((count * width) / total)
            .max(1)
            .min(width - used.min(width));
        used += cells;
        spans.push(Span::styled(glyph.repeat(cells), *style));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::width;

    #[test]
    fn bars_scale_to_the_largest_and_never_hide_a_count() {
        assert_eq!(bar(4, 4, 10), "█".repeat(10));
        assert_eq!(bar(2, 4, 10), "█████");
        assert_eq!(bar(1, 100, 10), "▏");
        assert_eq!(bar(0, 4, 10), "");
        assert_eq!(bar(3, 0, 10), "");
        for v in 0..=7 {
            assert!(width(&bar(v, 7, 9)) <= 9);
        }
        let parts = split(
            &[
                (1, "█", Style::new()),
                (0, "▓", Style::new()),
                (9, "░", Style::new()),
            ],
            10,
            5,
        );
        let text: String = parts.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "█░░░░");
    }
}
