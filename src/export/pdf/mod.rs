//! The proposal as an A4 PDF: the same [`Document`] the text formats
//! emit, typeset with the fonts compiled into the binary, page numbers and
//! the customer and validity in every page's footer.
//!
//! Built from small parts of our own on Typst's low-level crates:
//! [`layout`] breaks lines by measured width and fills pages, [`table`]
//! sets tables, [`blocks`] walks the document, [`writer`] writes the PDF
//! (`pdf-writer`, subsets by `subsetter`), [`fonts`] measures
//! (`ttf-parser`). The full Typst compiler would typeset better and build
//! many times slower; a proposal needs headings, paragraphs, lists and
//! tables, which this covers.
//!
//! Pure, like every format: the same document gives the same bytes.

mod blocks;
mod fonts;
mod layout;
mod table;
mod writer;

use super::Proposal;
use super::document::Document;

/// The proposal as the bytes of a PDF file.
pub fn render(p: &Proposal) -> Vec<u8> {
    emit(&Document::of(p))
}

/// The document as a PDF.
pub fn emit(d: &Document) -> Vec<u8> {
    let fonts = fonts::Fonts::new();
    writer::write(&blocks::pages(&fonts, d), &fonts, &d.title)
}

/// The text of the PDF's pages as a reader extracts it, a line each, the
/// pages apart by a form feed.
pub fn text(p: &Proposal) -> String {
    let fonts = fonts::Fonts::new();
    blocks::pages(&fonts, &Document::of(p))
        .iter()
        .map(layout::Page::text)
        .collect::<Vec<_>>()
        .join("\u{C}")
}
