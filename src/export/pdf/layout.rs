//! Line breaking and pages: runs of text are broken into lines by their
//! measured width, lines and table rows are stacked down the page, and a
//! new page begins where the next one does not fit. What comes out is a
//! list of pages of positioned marks (text, rules, fills) that the writer
//! only has to draw.
//!
//! Coordinates here run from the top left corner of the page, in points;
//! the writer turns them the PDF's way up.

use super::fonts::{Fonts, Weight};

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
pub const MARGIN_TOP: f32 = 56.0;
/// Where the text area ends; the footer sits below it.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 64.0;
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

/// A colour as red, green, blue from 0 to 1.
pub type Rgb = [f32; 3];
pub const INK: Rgb = [0.1, 0.1, 0.12];
pub const ACCENT: Rgb = [0.05, 0.25, 0.45];
pub const MUTED: Rgb = [0.4, 0.4, 0.43];
pub const WARN: Rgb = [0.6, 0.1, 0.05];

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    pub size: f32,
    pub color: Rgb,
}

impl Style {
    pub const fn new(weight: Weight, size: f32, color: Rgb) -> Style {
        Style {
            weight,
            size,
            color,
        }
    }
}

/// A piece of text in one weight; `\n` in it breaks the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub weight: Weight,
}

impl Run {
    pub fn regular(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            weight: Weight::Regular,
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            weight: Weight::Bold,
        }
    }
}

/// Text placed on a line: its offset from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub x: f32,
    pub text: String,
    pub weight: Weight,
}

/// One line of broken text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    /// The line's text, as a reader extracts it.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn push(&mut self, text: &str, weight: Weight, width: f32) {
        match self.pieces.last_mut() {
            Some(last) if last.weight == weight => last.text.push_str(text),
            _ => self.pieces.push(Piece {
                x: self.width,
                text: text.to_string(),
                weight,
            }),
        }
        self.width += width;
    }

    fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// A word: the text between spaces, perhaps in more than one weight.
type Word = Vec<(String, Weight)>;

enum Token {
    Word(Word),
    Space,
    Newline,
}

fn tokens(runs: &[Run]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Word = Vec::new();
    let flush = |word: &mut Word, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    for run in runs {
        for c in run.text.chars() {
            match c {
                '\n' => {
                    flush(&mut word, &mut out);
                    out.push(Token::Newline);
                }
                ' ' | '\t' => {
                    flush(&mut word, &mut out);
                    out.push(Token::Space);
                }
                c => match word.last_mut() {
                    Some((text, w)) if *w == run.weight => text.push(c),
                    _ => word.push((c.to_string(), run.weight)),
                },
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Breaks `runs` into lines no wider than `width` at `size` points: at
/// spaces, at `\n`, and inside a word only when the word alone is wider
/// than the line. Spaces at the start and end of a line are dropped; no
/// other character is.
pub fn break_lines(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
    let measure = |t: &str, w: Weight| fonts.width(t, w, size);
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut space: Option<Weight> = None;
    let newline = |line: &mut Line, lines: &mut Vec<Line>| {
        lines.push(std::mem::take(line));
    };
    for token in tokens(runs) {
        match token {
            Token::Newline => {
                newline(&mut line, &mut lines);
                space = None;
            }
            Token::Space => {
                if !line.is_empty() && space.is_none() {
                    space = Some(line.pieces.last().map_or(Weight::Regular, |p| p.weight));
                }
            }
            Token::Word(word) => {
                let word_width: f32 = word.iter().map(|(t, w)| measure(t, *w)).sum();
                let space_width = space.map_or(0.0, |w| measure(" ", w));
                if !line.is_empty() && line.width + space_width + word_width > width {
                    newline(&mut line, &mut lines);
                    space = None;
                }
                if let Some(w) = space.take() {
                    line.push(" ", w, measure(" ", w));
                }
                if word_width <= width || !line.is_empty() && line.width + word_width <= width {
                    for (t, w) in &word {
                        line.push(t, *w, measure(t, *w));
                    }
                    continue;
                }
                // Wider than a whole line: broken between characters.
                for (t, w) in &word {
                    for c in t.chars() {
                        let s = c.encode_utf8(&mut [0; 4]).to_string();
                        let cw = measure(&s, *w);
                        if !line.is_empty() && line.width + cw > width {
                            newline(&mut line, &mut lines);
                        }
                        line.push(&s, *w, cw);
                    }
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Something drawn on a page, from the top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Text whose baseline is at `y`.
    Text {
        x: f32,
        y: f32,
        style: Style,
        text: String,
    },
    /// A horizontal rule.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
        color: Rgb,
    },
    /// A filled rectangle.
    Fill {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: Rgb,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub marks: Vec<Mark>,
}

impl Page {
    /// The page's text in the order it is drawn, a line each.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut last_y = None;
        for m in &self.marks {
            if let Mark::Text { y, text, .. } = m {
                if last_y.is_some_and(|l: f32| (l - y).abs() > 0.01) {
                    out.push('\n');
                }
                out.push_str(text);
                last_y = Some(*y);
            }
        }
        out.push('\n');
        out
    }
}

/// Stacks lines and blocks down pages.
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts) -> Flow<'f> {
        Flow {
            fonts,
            pages: vec![Page::default()],
            y: MARGIN_TOP,
        }
    }

    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// True when nothing is on the current page yet.
    pub fn at_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.01
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn need(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    pub fn gap(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    /// Broken lines at `x`, each moved to a new page when it does not fit.
    pub fn lines(&mut self, lines: &[Line], x: f32, style: Style) {
        let leading = leading(style.size);
        for line in lines {
            self.need(leading);
            let baseline = self.y + baseline(style.size);
            self.draw_line(line, x, baseline, style);
            self.y += leading;
        }
    }

    /// A paragraph of runs at `x`, `width` wide.
    pub fn paragraph(&mut self, runs: &[Run], x: f32, width: f32, style: Style) {
        let lines = break_lines(self.fonts, runs, style.size, width);
        self.lines(&lines, x, style);
    }

    /// One line's pieces with their baseline at `y`.
    pub fn draw_line(&mut self, line: &Line, x: f32, y: f32, style: Style) {
        let page = self.page();
        for p in &line.pieces {
            page.marks.push(Mark::Text {
                x: x + p.x,
                y,
                style: Style {
                    weight: p.weight,
                    ..style
                },
                text: p.text.clone(),
            });
        }
    }
}

/// The distance between baselines at `size`.
pub fn leading(size: f32) -> f32 {
    size * 1.3
}

/// From the top of a line to its baseline.
pub fn baseline(size: f32) -> f32 {
    size * 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn lines_break_at_spaces_and_never_run_past_the_width() {
        let fonts = Fonts::new();
        let text = "The monthly total of CHF 24'118 leaves out the items priced on request; \
                    the one-time total covers the engineering.";
        let width = 120.0;
        let lines = break_lines(&fonts, &[Run::regular(text)], 10.0, width);
        assert!(lines.len() > 3, "{:?}", texts(&lines));
        for l in &lines {
            assert!(l.width <= width + 0.001, "{} is {} wide", l.text(), l.width);
            assert!(!l.text().starts_with(' ') && !l.text().ends_with(' '));
            let measured = fonts.width(&l.text(), Weight::Regular, 10.0);
            assert!((measured - l.width).abs() < 0.01);
        }
        // Nothing is lost: the lines joined by spaces give the text back.
        assert_eq!(
            texts(&lines).join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // Greedy: the next line's first word would not have fitted.
        for pair in lines.windows(2) {
            let first = pair[1].text();
            let first = first.split(' ').next().unwrap_or_default();
            let joined = format!("{} {first}", pair[0].text());
            assert!(fonts.width(&joined, Weight::Regular, 10.0) > width);
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters() {
        let fonts = Fonts::new();
        let word = "appcat-postgresql-besteffort-standard-8";
        let lines = break_lines(&fonts, &[Run::regular(word)], 10.0, 50.0);
        assert!(lines.len() > 2);
        assert_eq!(texts(&lines).concat(), word);
        assert!(lines.iter().all(|l| l.width <= 50.0 + 0.001));
    }

    #[test]
    fn weights_stay_with_their_text_and_newlines_break() {
        let fonts = Fonts::new();
        let runs = [
            Run::bold("Valid until"),
            Run::regular(": 2026-04-13\nsecond line"),
        ];
        let lines = break_lines(&fonts, &runs, 9.0, 400.0);
        assert_eq!(texts(&lines), ["Valid until: 2026-04-13", "second line"]);
        let first = &lines[0].pieces;
        assert_eq!(first.len(), 2);
        assert_eq!(
            (first[0].text.as_str(), first[0].weight),
            ("Valid until", Weight::Bold)
        );
        assert_eq!(first[1].weight, Weight::Regular);
        let bold = fonts.width("Valid until", Weight::Bold, 9.0);
        assert!((first[1].x - bold).abs() < 0.001);
        assert_eq!(texts(&break_lines(&fonts, &[], 9.0, 100.0)), [""]);
    }
}
