//! Each export format of the fixture session, pinned. A change to any
//! renderer, the view-model or the fixture shows up here as a diff to
//! review (`cargo insta review`).
#![allow(clippy::unwrap_used)]

mod export_support;

use export_support::*;
use nunki::export::{Audience, Format};

/// The internal audience prints the knowledge hash, which depends on the
/// fixture files' bytes (line ends on checkout); the rest must not move.
fn redacted(text: String) -> String {
    let version = knowledge().version;
    without_css(text).replace(&version, "[knowledge version]")
}

#[test]
fn the_html_inlines_the_stylesheet_as_it_is() {
    let css = include_str!("../assets/proposal.css");
    for audience in [Audience::Customer, Audience::Internal] {
        let html = render(Format::Html, audience);
        assert!(
            html.contains(&format!("<style>\n{css}</style>")),
            "the HTML must carry assets/proposal.css whole"
        );
    }
}

// Every text format; the PDF is read back in tests/export_pdf.rs.
#[test]
fn customer_proposal_in_every_format() {
    for format in Format::TEXT {
        let text = without_css(render(format, Audience::Customer));
        insta::assert_snapshot!(format!("customer_{}", format.id()), text);
    }
}

#[test]
fn internal_proposal_in_every_format() {
    for format in Format::TEXT {
        let text = redacted(render(format, Audience::Internal));
        insta::assert_snapshot!(format!("internal_{}", format.id()), text);
    }
}
