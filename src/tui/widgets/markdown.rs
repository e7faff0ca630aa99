//! The Markdown of the proposal export, laid out for a terminal: headings
//! styled instead of `#`, bold instead of `**`, bullets, and tables as
//! aligned columns whose cells wrap to fit the pane. It knows the subset
//! the exporter writes, not all of CommonMark.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{width, wrap};
use crate::tui::theme::Theme;

/// The lines of `markdown` laid out `w` columns wide.
pub fn lines(theme: &Theme, markdown: &str, w: u16) -> Vec<Line<'static>> {
    let w = (w as usize).max(10);
    let mut out = Vec::new();
    let mut table: Vec<&str> = Vec::new();
    for raw in markdown.lines() {
        if raw.starts_with('|') {
            table.push(raw);
            continue;
        }
        if !table.is_empty() {
            out.extend(render_table(theme, &table, w));
            table.clear();
        }
        out.extend(render_line(theme, raw, w));
    }
    if !table.is_empty() {
        out.extend(render_table(theme, &table, w));
    }
    out
}

fn render_line(theme: &Theme, raw: &str, w: usize) -> Vec<Line<'static>> {
    // Byte tests only: the marks are ASCII, the text after them may not be.
    let bytes = raw.as_bytes();
    let heading = |level: usize| {
        bytes.len() > level && bytes[..level].iter().all(|b| *b == b'#') && bytes[level] == b' '
    };
    if heading(1) {
        let text = unescape(&raw[2..]);
        let style = theme.title.add_modifier(Modifier::UNDERLINED);
        return wrap(&text, w)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect();
    }
    if heading(2) {
        let text = unescape(&raw[3..]).to_uppercase();
        return wrap(&text, w)
            .into_iter()
            .map(|l| Line::styled(l, theme.heading))
            .collect();
    }
    if heading(3) {
        let text = unescape(&raw[4..]);
        return wrap(&text, w)
            .into_iter()
            .map(|l| Line::styled(l, theme.title))
            .collect();
    }
    let number = raw
        .find(". ")
        .filter(|&i| i > 0 && i <= 3 && raw[..i].chars().all(|c| c.is_ascii_digit()));
    let (lead, rest, style) = if let Some(item) = raw.strip_prefix("- ") {
        ("• ".to_string(), item, theme.text)
    } else if let Some(quote) = raw.strip_prefix("> ") {
        ("▌ ".to_string(), quote, theme.warn)
    } else if let Some(i) = number {
        (raw[..i + 2].to_string(), &raw[i + 2..], theme.text)
    } else {
        (String::new(), raw, theme.text)
    };
    let lead = lead.as_str();
    // Wrap the plain text, then put the bold runs back line by line.
    let runs = inline(rest);
    let plain: String = runs.iter().map(|(t, _)| t.as_str()).collect();
    let indent = " ".repeat(width(lead));
    let mut lines = Vec::new();
    let mut pos = 0;
    let chars: Vec<char> = plain.chars().collect();
    let bold_at = |i: usize| {
        let mut n = 0;
        for (t, b) in &runs {
            let len = t.chars().count();
            if i < n + len {
                return *b;
            }
            n += len;
        }
        false
    };
    for (k, line) in wrap(&plain, w.saturating_sub(width(lead)))
        .into_iter()
        .enumerate()
    {
        // Find where this wrapped line starts in the plain text.
        let first = line.chars().next();
        while pos < chars.len() && Some(chars[pos]) != first {
            pos += 1;
        }
        let mut spans = vec![Span::styled(
            if k == 0 {
                lead.to_string()
            } else {
                indent.clone()
            },
            style,
        )];
        let mut run = String::new();
        let mut run_bold = false;
        for c in line.chars() {
            while pos < chars.len() && chars[pos] != c && chars[pos].is_whitespace() {
                pos += 1;
            }
            let b = pos < chars.len() && chars[pos] == c && bold_at(pos);
            if pos < chars.len() && chars[pos] == c {
                pos += 1;
            }
            if b != run_bold && !run.is_empty() {
                spans.push(styled(std::mem::take(&mut run), style, run_bold));
            }
            run_bold = b;
            run.push(c);
        }
        if !run.is_empty() {
            spans.push(styled(run, style, run_bold));
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn styled(text: String, style: Style, bold: bool) -> Span<'static> {
    if bold {
        Span::styled(text, style.add_modifier(Modifier::BOLD))
    } else {
        Span::styled(text, style)
    }
}

/// Splits `**bold**` runs out of a line, with escapes removed.
fn inline(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut bold = false;
    for (i, part) in s.split("**").enumerate() {
        if i > 0 {
            bold = !bold;
        }
        if !part.is_empty() {
            out.push((unescape(part), bold));
        }
    }
    out
}

/// Removes Markdown's backslash escapes (`\|`, `\*`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
        {
            if next.is_ascii_punctuation() {
                out.push(next);
            } else {
                out.push('\\');
                out.push(next);
            }
            continue;
        }
        out.push(c);
    }
    out.replace("**", "")
}

/// The cells of a table row, split on unescaped pipes.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        if escaped {
            cell.push('\\');
            cell.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            out.push(unescape(cell.trim()));
            cell.clear();
        } else {
            cell.push(c);
        }
    }
    out.push(unescape(cell.trim()));
    out
}

fn render_table(theme: &Theme, rows: &[&str], w: usize) -> Vec<Line<'static>> {
    let mut parsed: Vec<Vec<String>> = Vec::new();
    let mut right: Vec<bool> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let c = cells(row);
        let is_rule = c
            .iter()
            .all(|x| !x.is_empty() && x.chars().all(|ch| matches!(ch, '-' | ':')));
        if i == 1 && is_rule {
            right = c.iter().map(|x| x.ends_with(':')).collect();
            continue;
        }
        parsed.push(c);
    }
    let n = parsed.iter().map(Vec::len).max().unwrap_or(0);
    if n == 0 {
        return Vec::new();
    }
    let mut widths: Vec<usize> = (0..n)
        .map(|j| {
            parsed
                .iter()
                .filter_map(|r| r.get(j))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let sep = 3;
    let room = w.saturating_sub(sep * (n - 1));
    // Narrow the widest column until the table fits; cells then wrap.
    while widths.iter().sum::<usize>() > room {
        let Some((j, &widest)) = widths.iter().enumerate().max_by_key(|(_, x)| **x) else {
            break;
        };
        if widest <= 4 {
            break;
        }
        widths[j] = widest - 1;
    }
    let mut out = Vec::new();
    for (i, row) in parsed.iter().enumerate() {
        let wrapped: Vec<Vec<String>> = (0..n)
            .map(|j| wrap(row.get(j).map_or("", String::as_str), widths[j]))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let style = if i == 0 { theme.title } else { theme.text };
        for k in 0..height {
            let mut spans = Vec::new();
            for j in 0..n {
                let text = wrapped[j].get(k).map_or("", String::as_str);
                let cell = if right.get(j).copied().unwrap_or(false) {
                    super::fit_right(text, widths[j])
                } else {
                    super::fit(text, widths[j])
                };
                spans.push(Span::styled(cell, style));
                if j + 1 < n {
                    spans.push(Span::styled(" │ ", theme.border));
                }
            }
            out.push(Line::from(spans));
        }
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|&x| "─".repeat(x)).collect();
            out.push(Line::styled(rule.join("─┼─"), theme.border));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::{Theme, ThemeKind};

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn headings_bullets_and_bold_lose_their_marks() {
        let t = Theme::new(ThemeKind::NoColor);
        let md = "# Proposal for A\\*B\n\n## Your needs\n- **Customer:** Acme AG";
        assert_eq!(
            text(&lines(&t, md, 40)),
            ["Proposal for A*B", "", "YOUR NEEDS", "• Customer: Acme AG"]
        );
        assert_eq!(
            text(&lines(&t, "12. one two three", 12)),
            ["12. one two", "    three"]
        );
        let l = &lines(&t, md, 40)[3];
        assert!(
            l.spans
                .iter()
                .any(|s| s.content == "Customer:" && s.style.add_modifier.contains(Modifier::BOLD))
        );
    }

    #[test]
    fn tables_align_and_wrap_to_the_width() {
        let t = Theme::new(ThemeKind::NoColor);
        let md =
            "| Part | Monthly |\n| --- | --: |\n| Platform \\| shared | 660 |\n| Data | 13.50 |";
        assert_eq!(
            text(&lines(&t, md, 40)),
            [
                "Part              │ Monthly",
                "──────────────────┼────────",
                "Platform | shared │     660",
                "Data              │   13.50"
            ]
        );
        let narrow = text(&lines(&t, md, 16));
        assert!(narrow.iter().all(|l| width(l) <= 16), "{narrow:?}");
        assert!(narrow.len() > 4, "cells wrap: {narrow:?}");
    }
}
