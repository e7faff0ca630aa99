//! The two faces every PDF is set in, compiled into the binary: Liberation
//! Sans regular and bold (SIL OFL 1.1, `assets/fonts/`), so no system font
//! is ever read. A face measures text and says which glyph shows a
//! character; a character the face lacks is shown by a look-alike, or by
//! the replacement character, and keeps its own code in the text layer.

use ttf_parser::{Face as TtfFace, GlyphId};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

/// One embedded face with what the PDF needs to know about it.
pub struct Face {
    pub weight: Weight,
    /// The PostScript name, e.g. `LiberationSans-Bold`.
    pub name: &'static str,
    pub data: &'static [u8],
    face: TtfFace<'static>,
    units: f32,
    /// The glyph drawn for a character the face has nothing for.
    fallback: GlyphId,
}

impl Face {
    fn new(weight: Weight, name: &'static str, data: &'static [u8]) -> Face {
        // The files are part of the binary; a test parses both.
        let face = TtfFace::parse(data, 0).expect("the embedded font parses");
        let units = f32::from(face.units_per_em());
        let fallback = ['\u{FFFD}', '?']
            .into_iter()
            .find_map(|c| face.glyph_index(c))
            .unwrap_or(GlyphId(0));
        Face {
            weight,
            name,
            data,
            face,
            units,
            fallback,
        }
    }

    /// The glyph that shows `c`: its own, a look-alike's, or the fallback.
    pub fn glyph(&self, c: char) -> u16 {
        let c = match c {
            '\t' | '\u{A0}' | '\u{2007}' | '\u{202F}' => ' ',
            c => c,
        };
        if let Some(g) = self.face.glyph_index(c) {
            return g.0;
        }
        look_alike(c)
            .and_then(|l| self.face.glyph_index(l))
            .unwrap_or(self.fallback)
            .0
    }

    /// A glyph's advance in thousandths of the font size (PDF text space).
    pub fn advance(&self, glyph: u16) -> f32 {
        let units = self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        f32::from(units) * 1000.0 / self.units
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// Scales font units to thousandths of the size.
    pub fn scaled(&self, units: i16) -> f32 {
        f32::from(units) * 1000.0 / self.units
    }

    pub fn ascent(&self) -> f32 {
        self.scaled(self.face.ascender())
    }

    pub fn descent(&self) -> f32 {
        self.scaled(self.face.descender())
    }

    pub fn cap_height(&self) -> f32 {
        self.scaled(self.face.capital_height().unwrap_or(self.face.ascender()))
    }

    /// The bounding box of all glyphs: left, bottom, right, top.
    pub fn bbox(&self) -> [f32; 4] {
        let b = self.face.global_bounding_box();
        [
            self.scaled(b.x_min),
            self.scaled(b.y_min),
            self.scaled(b.x_max),
            self.scaled(b.y_max),
        ]
    }
}

/// A character the faces lack, drawn as one they have; the text layer
/// still says what was written.
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        '✓' | '✔' | '☑' => '√',
        '✗' | '✘' | '☒' => '×',
        '•' | '●' | '◦' | '▪' => '·',
        '‐' | '‑' | '‒' | '−' => '-',
        '⁄' => '/',
        _ => return None,
    })
}

/// Both faces.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn new() -> Fonts {
        Fonts {
            regular: Face::new(Weight::Regular, "LiberationSans", REGULAR),
            bold: Face::new(Weight::Bold, "LiberationSans-Bold", BOLD),
        }
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The width of `text` in this weight at `size` points.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_parse_and_have_the_proposals_characters() {
        let fonts = Fonts::new();
        for face in [&fonts.regular, &fonts.bold] {
            for c in "Müller & Söhne AG: CHF 24'118 – 99.9 % · é × … — «»".chars() {
                assert!(
                    face.face.glyph_index(c).is_some(),
                    "{} lacks {c:?}",
                    face.name
                );
            }
            assert!(face.advance(face.glyph('W')) > face.advance(face.glyph('i')));
        }
    }

    #[test]
    fn a_missing_character_is_drawn_as_a_look_alike_or_the_fallback() {
        let f = Fonts::new();
        let r = &f.regular;
        assert_ne!(r.glyph('✓'), 0);
        assert_eq!(r.glyph('✓'), r.glyph('√'));
        assert_ne!(r.glyph('株'), 0);
        assert_eq!(r.glyph('株'), r.fallback.0);
        assert!(r.width("株", 10.0) > 0.0);
    }
}
