//! Small reusable pieces for the screens: a text input, severity badges,
//! horizontal bars, and text helpers (wrapping, truncation, list windows) that measure in
//! terminal columns, so wide characters and accents line up.

pub mod badge;
pub mod bar;
pub mod document;
pub mod text_input;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use badge::badge;
pub use text_input::TextInput;

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, marking the cut with "…".
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `w` columns.
pub fn fit(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

/// `s` right-aligned in `w` columns (cut when longer).
pub fn fit_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(pad))
}

/// Word-wraps `text` to lines of at most `w` columns. Words longer than a
/// line are broken; explicit newlines start a new line; a paragraph's
/// leading spaces indent each of its lines.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let indent_n = para.len() - para.trim_start_matches(' ').len();
        let indent = " ".repeat(indent_n.min(w.saturating_sub(1) / 2));
        let first = lines.len();
        let w = w - indent.len();
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split_whitespace() {
            let ww = width(word);
            if line_w > 0 && line_w + 1 + ww <= w {
                line.push(' ');
                line.push_str(word);
                line_w += 1 + ww;
                continue;
            }
            if line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if ww <= w {
                line.push_str(word);
                line_w = ww;
            } else {
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if line_w + cw > w {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
        }
        lines.push(line);
        for l in &mut lines[first..] {
            l.insert_str(0, &indent);
        }
    }
    lines
}

/// The first row to show of `rows` in `height` rows so that the row equal
/// to `selected` (or the first) is visible; see [`window_offset`].
pub fn offset_of<T: PartialEq>(rows: &[T], selected: &T, height: u16) -> usize {
    let at = rows.iter().position(|r| r == selected).unwrap_or(0);
    window_offset(at, rows.len(), height as usize)
}

/// The first row to show of a list of `len` rows in `height` rows so that
/// `selected` is visible. A pure function of its inputs, so drawing and
/// mouse hit-testing always agree on what is where: the list scrolls only
/// once the selection passes the middle, and never past its end.
pub fn window_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let half = height / 2;
    selected.saturating_sub(half).min(len - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_breaks_long_ones() {
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(
            wrap("  • one two three", 10),
            ["  • one", "  two", "  three"]
        );
    }

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate("Zürich", 10), "Zürich");
        assert_eq!(truncate("Zürich Nord", 7), "Zürich…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit_right("ab", 4), "  ab");
    }

    #[test]
    fn window_keeps_the_selection_visible() {
        assert_eq!(window_offset(3, 5, 10), 0);
        assert_eq!(window_offset(0, 50, 10), 0);
        assert_eq!(window_offset(20, 50, 10), 15);
        assert_eq!(window_offset(49, 50, 10), 40);
        for sel in 0..50 {
            let off = window_offset(sel, 50, 7);
            assert!(off <= sel && sel < off + 7);
        }
    }
}
