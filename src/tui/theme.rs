//! Colours and text styles, in three variants: the default theme, a high
//! contrast one for projectors (`--high-contrast`), and one without any
//! colour for `NO_COLOR` (<https://no-color.org>), where meaning is carried
//! by bold, underline, reverse video and the badge words alone.
//!
//! Screens never name a colour; they ask the theme for a role.

use ratatui::style::{Color, Modifier, Style};

use crate::knowledge::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Default,
    HighContrast,
    NoColor,
}

impl ThemeKind {
    /// `NO_COLOR` wins over `--high-contrast`: someone who turned colour
    /// off did so for a reason (a screen reader, a printer, a log).
    pub fn choose(high_contrast: bool, no_color: bool) -> ThemeKind {
        match (no_color, high_contrast) {
            (true, _) => ThemeKind::NoColor,
            (false, true) => ThemeKind::HighContrast,
            (false, false) => ThemeKind::Default,
        }
    }

    /// Reads `NO_COLOR` the way the convention defines it: set and not empty.
    pub fn from_env(high_contrast: bool) -> ThemeKind {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        ThemeKind::choose(high_contrast, no_color)
    }
}

/// Bold without a colour: what stands out in every theme, and all that
/// stands out where there is no colour.
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);

/// Bold in a colour: how the high-contrast theme keeps thin colours
/// readable on a projector, and how the default one marks keys and errors.
const fn bold(color: Color) -> Style {
    BOLD.fg(color)
}

/// Styles by role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub kind: ThemeKind,
    /// The ground of the whole screen. Only the high-contrast theme sets
    /// one (white on black), so its colours hold on a light terminal too.
    pub base: Style,
    pub text: Style,
    /// Secondary text: "why we ask", details, ids.
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    /// The selected row of a focused list.
    pub selected: Style,
    /// The selected row of a list that does not have the focus.
    pub selected_unfocused: Style,
    pub heading: Style,
    pub key: Style,
    pub money: Style,
    /// Matched characters of a search hit.
    pub matched: Style,
    pub ok: Style,
    pub warn: Style,
    pub error: Style,
    /// The header and footer bars.
    pub bar: Style,
    /// A text field being edited.
    pub input: Style,
    pub answered: Style,
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Default => Theme {
                kind,
                base: Style::new(),
                text: Style::new(),
                dim: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
                title: BOLD,
                border: Style::new().fg(Color::DarkGray),
                border_focus: Style::new().fg(Color::Cyan),
                selected: Style::new().fg(Color::Black).bg(Color::Cyan),
                selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
                heading: bold(Color::Blue),
                key: bold(Color::Cyan),
                money: Style::new().fg(Color::Green),
                matched: bold(Color::Yellow),
                ok: Style::new().fg(Color::Green),
                warn: Style::new().fg(Color::Yellow),
                error: bold(Color::Red),
                bar: Style::new().bg(Color::Indexed(236)).fg(Color::White),
                input: Style::new().add_modifier(Modifier::UNDERLINED),
                answered: Style::new().fg(Color::Green),
            },
            // A projector washes out greys and thin colours: pure black and
            // white, saturated colours, bold text, no dim.
            ThemeKind::HighContrast => Theme {
                kind,
                base: Style::new().fg(Color::White).bg(Color::Black),
                text: Style::new().fg(Color::White),
                dim: Style::new().fg(Color::White),
                title: bold(Color::White),
                border: Style::new().fg(Color::White),
                border_focus: bold(Color::LightYellow),
                selected: bold(Color::Black).bg(Color::LightYellow),
                selected_unfocused: Style::new().fg(Color::Black).bg(Color::White),
                heading: bold(Color::LightCyan).add_modifier(Modifier::UNDERLINED),
                key: bold(Color::LightYellow),
                money: bold(Color::LightGreen),
                matched: bold(Color::LightYellow).add_modifier(Modifier::UNDERLINED),
                ok: bold(Color::LightGreen),
                warn: bold(Color::LightYellow),
                error: bold(Color::LightRed),
                bar: bold(Color::Black).bg(Color::White),
                input: bold(Color::White).add_modifier(Modifier::UNDERLINED),
                answered: bold(Color::LightGreen),
            },
            ThemeKind::NoColor => Theme {
                kind,
                base: Style::new(),
                text: Style::new(),
                dim: Style::new(),
                title: BOLD,
                border: Style::new(),
                border_focus: BOLD,
                selected: Style::new().add_modifier(Modifier::REVERSED),
                selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
                heading: BOLD,
                key: BOLD,
                money: Style::new(),
                matched: BOLD.add_modifier(Modifier::UNDERLINED),
                ok: Style::new(),
                warn: BOLD,
                error: BOLD,
                bar: Style::new().add_modifier(Modifier::REVERSED),
                input: Style::new().add_modifier(Modifier::UNDERLINED),
                answered: Style::new(),
            },
        }
    }

    /// The badge of a flag severity: the word says it all without colour.
    pub fn badge(&self, severity: Severity) -> Style {
        let (fg, bg) = match (self.kind, severity) {
            (ThemeKind::NoColor, Severity::OutOfScope) => {
                return BOLD.add_modifier(Modifier::REVERSED);
            }
            (ThemeKind::NoColor, _) => return BOLD,
            (_, Severity::OutOfScope) => (Color::White, Color::Red),
            (_, Severity::NeedsApproval) => (Color::Black, Color::Yellow),
            (_, Severity::NeedsPartner) => (Color::White, Color::Magenta),
            (_, Severity::NeedsEngineering) => (Color::Black, Color::Cyan),
            (_, Severity::Info) => (Color::Black, Color::Gray),
        };
        let bg = match (self.kind, bg) {
            (ThemeKind::HighContrast, Color::Red) => Color::LightRed,
            (ThemeKind::HighContrast, Color::Yellow) => Color::LightYellow,
            (ThemeKind::HighContrast, Color::Magenta) => Color::LightMagenta,
            (ThemeKind::HighContrast, Color::Cyan) => Color::LightCyan,
            (ThemeKind::HighContrast, Color::Gray) => Color::White,
            (_, c) => c,
        };
        let fg = if self.kind == ThemeKind::HighContrast {
            Color::Black
        } else {
            fg
        };
        BOLD.fg(fg).bg(bg)
    }

    /// The colour of a severity used as text (marks, headings).
    pub fn severity(&self, severity: Severity) -> Style {
        if self.kind == ThemeKind::NoColor {
            return BOLD;
        }
        let light = self.kind == ThemeKind::HighContrast;
        BOLD.fg(match severity {
            Severity::OutOfScope if light => Color::LightRed,
            Severity::OutOfScope => Color::Red,
            Severity::NeedsApproval if light => Color::LightYellow,
            Severity::NeedsApproval => Color::Yellow,
            Severity::NeedsPartner if light => Color::LightMagenta,
            Severity::NeedsPartner => Color::Magenta,
            Severity::NeedsEngineering if light => Color::LightCyan,
            Severity::NeedsEngineering => Color::Cyan,
            Severity::Info => Color::Gray,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_and_carries_no_colour() {
        assert_eq!(ThemeKind::choose(true, true), ThemeKind::NoColor);
        assert_eq!(ThemeKind::choose(true, false), ThemeKind::HighContrast);
        let t = Theme::new(ThemeKind::NoColor);
        for s in Severity::ALL {
            assert_eq!(t.badge(s).fg, None);
            assert_eq!(t.badge(s).bg, None);
        }
        assert_eq!(t.selected.bg, None);
    }
}
