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
    text.replace(&version, "[knowledge version]")
}

#[test]
fn customer_proposal_in_every_format() {
    for format in Format::ALL {
        let text = render(format, Audience::Customer);
        insta::assert_snapshot!(format!("customer_{}", format.id()), text);
    }
}

#[test]
fn internal_proposal_in_every_format() {
    for format in Format::ALL {
        let text = redacted(render(format, Audience::Internal));
        insta::assert_snapshot!(format!("internal_{}", format.id()), text);
    }
}
