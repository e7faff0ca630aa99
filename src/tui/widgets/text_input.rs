//! A one-line text field: cursor, Unicode, paste, the usual editing keys
//! (readline's Ctrl-A/E/U/K/W included). It holds its own state and says
//! whether it used a key; drawing is a pure function of that state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthChar;

/// Which characters a field takes; the rest fall through to the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Accept {
    #[default]
    Any,
    /// Digits and what numbers are written with ("1'000", "99.9", "-3").
    Number,
}

impl Accept {
    fn takes(self, c: char) -> bool {
        match self {
            Accept::Any => !c.is_control(),
            Accept::Number => {
                c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '-' | '+' | 'e' | 'E')
            }
        }
    }
}

/// What a key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Not a key for the field; let someone else have it.
    Ignored,
    /// Used, but the text is the same (cursor moves).
    Moved,
    Changed,
}

impl Edit {
    pub fn consumed(self) -> bool {
        self != Edit::Ignored
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    value: String,
    /// Cursor position in chars, 0..=len.
    cursor: usize,
    pub accept: Accept,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
            accept: Accept::Any,
        }
    }

    pub fn numeric(value: &str) -> TextInput {
        TextInput {
            accept: Accept::Number,
            ..TextInput::new(value)
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, value: &str) {
        self.value = value.to_string();
        self.cursor = value.chars().count();
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_index)
            .map_or(self.value.len(), |(b, _)| b)
    }

    /// Inserts pasted text at the cursor. A field is one line, so line
    /// breaks and tabs become spaces; characters the field does not take
    /// are dropped.
    pub fn insert_str(&mut self, text: &str) -> Edit {
        let mut changed = false;
        for c in text.chars() {
            let c = if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            };
            if self.accept.takes(c) {
                self.insert(c);
                changed = true;
            }
        }
        if changed {
            Edit::Changed
        } else {
            Edit::Ignored
        }
    }

    fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    fn remove_range(&mut self, from: usize, to: usize) -> Edit {
        if from >= to {
            return Edit::Moved;
        }
        let (a, b) = (self.byte_at(from), self.byte_at(to));
        self.value.replace_range(a..b, "");
        self.cursor = from;
        Edit::Changed
    }

    pub fn handle(&mut self, key: KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if !ctrl && !alt => {
                if self.accept.takes(c) {
                    self.insert(c);
                    Edit::Changed
                } else {
                    Edit::Ignored
                }
            }
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::Char('e') if ctrl => self.move_to(self.len()),
            KeyCode::Char('u') if ctrl => self.remove_range(0, self.cursor),
            KeyCode::Char('k') if ctrl => self.remove_range(self.cursor, self.len()),
            KeyCode::Char('w') if ctrl => {
                let chars: Vec<char> = self.value.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.remove_range(start, self.cursor)
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.remove_range(self.cursor - 1, self.cursor)
            }
            KeyCode::Backspace => Edit::Moved,
            KeyCode::Delete if self.cursor < self.len() => {
                self.remove_range(self.cursor, self.cursor + 1)
            }
            KeyCode::Delete => Edit::Moved,
            KeyCode::Left => self.move_to(self.cursor.saturating_sub(1)),
            KeyCode::Right => self.move_to((self.cursor + 1).min(self.len())),
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(self.len()),
            _ => Edit::Ignored,
        }
    }

    fn move_to(&mut self, to: usize) -> Edit {
        self.cursor = to;
        Edit::Moved
    }

    /// What shows in a field `width` columns wide: the visible slice of
    /// the text and the cursor's column within it. The view scrolls so the
    /// cursor is always inside, with its cell free at the end of the text.
    pub fn view(&self, width: usize) -> (String, usize) {
        let chars: Vec<char> = self.value.chars().collect();
        let widths: Vec<usize> = chars.iter().map(|c| c.width().unwrap_or(0)).collect();
        let width = width.max(1);
        // Start as far left as possible while the cursor cell still fits.
        let mut start = 0;
        let cursor_col = |start: usize| widths[start..self.cursor].iter().sum::<usize>();
        while start < self.cursor && cursor_col(start) + 1 > width {
            start += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for (c, w) in chars[start..].iter().zip(&widths[start..]) {
            if used + w > width {
                break;
            }
            shown.push(*c);
            used += w;
        }
        (shown, cursor_col(start))
    }

    /// What shows of a field that does not have the keys: its start, with
    /// an ellipsis at the end when the rest does not fit.
    pub fn preview(&self, width: usize) -> String {
        super::truncate(&self.value, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn edits_unicode_text_at_the_cursor() {
        let mut t = TextInput::new("Zrich");
        t.handle(key(KeyCode::Home));
        t.handle(key(KeyCode::Right));
        assert_eq!(t.handle(key(KeyCode::Char('ü'))), Edit::Changed);
        assert_eq!(t.value(), "Zürich");
        t.handle(key(KeyCode::End));
        t.handle(key(KeyCode::Backspace));
        assert_eq!(t.value(), "Züric");
        t.insert_str(" 日本\nx");
        assert_eq!(t.value(), "Züric 日本 x");
        t.handle(ctrl('w'));
        assert_eq!(t.value(), "Züric 日本 ");
        t.handle(ctrl('u'));
        assert_eq!(t.value(), "");
    }

    #[test]
    fn number_fields_leave_letters_to_the_keymap() {
        let mut t = TextInput::numeric("");
        assert_eq!(t.handle(key(KeyCode::Char('9'))), Edit::Changed);
        assert_eq!(t.handle(key(KeyCode::Char('q'))), Edit::Ignored);
        assert_eq!(t.handle(ctrl('p')), Edit::Ignored);
        t.insert_str("9.5abc");
        assert_eq!(t.value(), "99.5");
    }

    #[test]
    fn the_view_scrolls_with_the_cursor() {
        let t = TextInput::new("abcdefghij");
        assert_eq!(t.view(5), ("ghij".to_string(), 4));
        let mut t = TextInput::new("abcdefghij");
        t.handle(key(KeyCode::Home));
        assert_eq!(t.view(5), ("abcde".to_string(), 0));
        let t = TextInput::new("日本語");
        assert_eq!(t.view(4), ("語".to_string(), 2));
    }

    #[test]
    fn a_field_without_the_keys_shows_its_start() {
        let t = TextInput::new("abcdefghij");
        assert_eq!(t.preview(5), "abcd…");
        assert_eq!(t.preview(10), "abcdefghij");
    }
}
