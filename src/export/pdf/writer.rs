//! Pages of marks written as PDF with `pdf-writer`: one content stream a
//! page, each face embedded as a subset (`subsetter`) in a Type0 font with
//! a CIDFontType2 descendant, Identity-H, a ToUnicode map and a
//! CIDToGIDMap.
//!
//! A character's code (its CID) is its place among the characters the
//! document uses, in the order they first appear; the CIDToGIDMap says
//! which glyph draws it. So a character the face lacks can be drawn with
//! a look-alike glyph and still be extracted as itself.
//!
//! The same pages give the same bytes: no date, a file id made from the
//! content, subsets and maps in first-use order.

use std::collections::HashMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use sha2::{Digest, Sha256};

use super::fonts::{Face, Fonts, Weight};
use super::layout::{Mark, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb};

/// The characters one face shows, numbered in the order they first appear.
#[derive(Default)]
struct Used {
    chars: Vec<char>,
    cids: HashMap<char, u16>,
}

impl Used {
    /// The CID of `c`, from 1 (0 is the missing glyph).
    fn cid(&mut self, c: char) -> u16 {
        if let Some(&cid) = self.cids.get(&c) {
            return cid;
        }
        // A document holds far fewer than 65 535 distinct characters; any
        // beyond show as the missing glyph rather than wrap around.
        let Ok(cid) = u16::try_from(self.chars.len() + 1) else {
            return 0;
        };
        self.chars.push(c);
        self.cids.insert(c, cid);
        cid
    }
}

fn font_name(weight: Weight) -> Name<'static> {
    match weight {
        Weight::Regular => Name(b"F1"),
        Weight::Bold => Name(b"F2"),
    }
}

/// The PDF of `pages`, titled `title`.
pub fn write(pages: &[Page], fonts: &Fonts, title: &str) -> Vec<u8> {
    let mut used: [Used; 2] = Default::default();
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .map(|p| deflate(&content(p, &mut used)))
        .collect();

    let mut next = 0;
    let mut alloc = || {
        next += 1;
        Ref::new(next)
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();
    let font_ids: Vec<[Ref; 6]> = (0..2)
        .map(|_| [alloc(), alloc(), alloc(), alloc(), alloc(), alloc()])
        .collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    let mut info = pdf.document_info(info_id);
    info.title(TextStr(title));
    info.creator(TextStr("nunki"));
    info.producer(TextStr("nunki"));
    info.finish();

    let present: Vec<usize> = (0..2).filter(|&i| !used[i].chars.is_empty()).collect();
    for ((page_id, content_id), data) in page_ids.iter().zip(&contents) {
        let mut page = pdf.page(*page_id);
        page.parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(*content_id);
        let mut resources = page.resources();
        let mut f = resources.fonts();
        for &i in &present {
            f.pair(font_name(weight(i)), font_ids[i][0]);
        }
        f.finish();
        resources.finish();
        page.finish();
        pdf.stream(*content_id, data).filter(Filter::FlateDecode);
    }

    let mut hash = Sha256::new();
    for c in &contents {
        hash.update(c);
    }
    for &i in &present {
        let face = fonts.face(weight(i));
        let subset = embed(&mut pdf, face, &used[i], font_ids[i]);
        hash.update(&subset);
    }
    let id = hash.finalize()[..16].to_vec();
    pdf.set_file_id((id.clone(), id));
    pdf.finish()
}

fn weight(i: usize) -> Weight {
    if i == 0 {
        Weight::Regular
    } else {
        Weight::Bold
    }
}

fn index(w: Weight) -> usize {
    match w {
        Weight::Regular => 0,
        Weight::Bold => 1,
    }
}

/// A page's drawing operators.
fn content(page: &Page, used: &mut [Used; 2]) -> Vec<u8> {
    let mut c = Content::new();
    let mut in_text: Option<f32> = None;
    let mut font: Option<(Weight, f32)> = None;
    let mut fill: Option<Rgb> = None;
    let flip = |y: f32| PAGE_HEIGHT - y;
    for mark in &page.marks {
        // Only text is drawn inside a text object.
        if !matches!(mark, Mark::Text { .. }) && in_text.take().is_some() {
            c.end_text();
        }
        match mark {
            Mark::Text { x, y, style, text } => {
                // A line's pieces share one text object, so a reader
                // extracts each line as one.
                if in_text.is_some_and(|at| (at - y).abs() > 0.01) {
                    c.end_text();
                    in_text = None;
                }
                if in_text.is_none() {
                    c.begin_text();
                    in_text = Some(*y);
                    font = None;
                }
                if fill != Some(style.color) {
                    let [r, g, b] = style.color;
                    c.set_fill_rgb(r, g, b);
                    fill = Some(style.color);
                }
                if font != Some((style.weight, style.size)) {
                    c.set_font(font_name(style.weight), style.size);
                    font = Some((style.weight, style.size));
                }
                c.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, flip(*y)]);
                let u = &mut used[index(style.weight)];
                let codes: Vec<u8> = text
                    .chars()
                    .flat_map(|ch| u.cid(ch).to_be_bytes())
                    .collect();
                c.show(Str(&codes));
            }
            Mark::Rule {
                x,
                y,
                width,
                thickness,
                color,
            } => {
                let [r, g, b] = *color;
                c.set_stroke_rgb(r, g, b);
                c.set_line_width(*thickness);
                c.move_to(*x, flip(*y));
                c.line_to(x + width, flip(*y));
                c.stroke();
            }
            Mark::Fill {
                x,
                y,
                width,
                height,
                color,
            } => {
                let [r, g, b] = *color;
                c.set_fill_rgb(r, g, b);
                fill = Some(*color);
                c.rect(*x, flip(y + height), *width, *height);
                c.fill_nonzero();
            }
        }
    }
    if in_text.is_some() {
        c.end_text();
    }
    c.finish().into_vec()
}

/// Writes one face's Type0 font and everything it refers to; returns the
/// subset, for the file id.
fn embed(pdf: &mut Pdf, face: &Face, used: &Used, ids: [Ref; 6]) -> Vec<u8> {
    let [type0_id, cid_id, descriptor_id, file_id, unicode_id, map_id] = ids;
    let glyphs: Vec<u16> = used.chars.iter().map(|&c| face.glyph(c)).collect();
    let mut remapper = subsetter::GlyphRemapper::new();
    for &g in &glyphs {
        remapper.remap(g);
    }
    // Should subsetting ever fail, the whole face is embedded: larger, as
    // correct.
    let (data, remapped) = match subsetter::subset(face.data, 0, &remapper) {
        Ok(subset) => (subset, true),
        Err(_) => (face.data.to_vec(), false),
    };
    let new_gid = |g: u16| {
        if remapped {
            remapper.get(g).unwrap_or(0)
        } else {
            g
        }
    };

    // A tag of six capitals from the characters, as subsets are named.
    let digest = Sha256::digest(used.chars.iter().collect::<String>().as_bytes());
    let tag: String = digest[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    let base = format!("{tag}+{}", face.name);
    let base = Name(base.as_bytes());

    pdf.type0_font(type0_id)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(unicode_id);

    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor_id)
        .default_width(face.advance(0))
        .cid_to_gid_map_stream(map_id);
    cid.widths()
        .consecutive(1, glyphs.iter().map(|&g| face.advance(g)));
    cid.finish();

    let [left, bottom, right, top] = face.bbox();
    pdf.font_descriptor(descriptor_id)
        .name(base)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(left, bottom, right, top))
        .italic_angle(0.0)
        .ascent(face.ascent())
        .descent(face.descent())
        .cap_height(face.cap_height())
        .stem_v(match face.weight {
            Weight::Regular => 80.0,
            Weight::Bold => 140.0,
        })
        .font_file2(file_id);

    let compressed = deflate(&data);
    pdf.stream(file_id, &compressed)
        .filter(Filter::FlateDecode)
        .pair(
            Name(b"Length1"),
            i32::try_from(data.len()).unwrap_or(i32::MAX),
        );

    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system);
    for (i, &c) in used.chars.iter().enumerate() {
        cmap.pair(u16::try_from(i + 1).unwrap_or(0), c);
    }
    let cmap = deflate(&cmap.finish());
    pdf.stream(unicode_id, &cmap).filter(Filter::FlateDecode);

    let mut map = Vec::with_capacity(2 * (glyphs.len() + 1));
    map.extend_from_slice(&0u16.to_be_bytes());
    for &g in &glyphs {
        map.extend_from_slice(&new_gid(g).to_be_bytes());
    }
    let map = deflate(&map);
    pdf.stream(map_id, &map).filter(Filter::FlateDecode);
    data
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}
