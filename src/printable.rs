//! Text from data on its way to a terminal. The screens and the exports
//! neutralise what they show; the command line prints names, ids, answers
//! and lines of files straight to the terminal, where an escape sequence in
//! a customer's name would set the window title or clear the screen. These
//! two functions show such characters escaped instead.

use std::borrow::Cow;

/// One piece of data (a name, an id, an answer) for a line of terminal
/// output: every control character, line breaks included, and every
/// bidirectional override shown escaped (`\u{1b}`), so a customer named
/// `T\e]0;pwned\a` cannot set the terminal's title, clear the screen,
/// reorder the text or break a table's row.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A whole message or report for the terminal: like [`printable`], but
/// its own line breaks, tabs and CRLF line ends (CSV) stay.
pub fn printable_text(s: &str) -> Cow<'_, str> {
    let keep =
        |c: char, next: Option<char>| c == '\n' || c == '\t' || (c == '\r' && next == Some('\n'));
    let mut chars = s.chars().peekable();
    let mut unsafe_at = false;
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !keep(c, chars.peek().copied()) {
            unsafe_at = true;
            break;
        }
    }
    if !unsafe_at {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe(c) && !keep(c, chars.peek().copied()) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_plain_text_borrowed() {
        assert!(matches!(printable("Müller AG 株式会社"), Cow::Borrowed(_)));
        assert_eq!(
            printable("T\u{1b}]0;x\u{7}\n\u{202e}"),
            "T\\u{1b}]0;x\\u{7}\\n\\u{202e}"
        );
        assert_eq!(
            printable_text("a\tb\r\nc\u{1b}[2J\rd\n"),
            "a\tb\r\nc\\u{1b}[2J\\rd\n"
        );
    }
}
