//! Proposals in German: the regulated-finance template's customer
//! proposal in every format, pinned; no English sentence of the knowledge
//! or of the fixed wording left in it; the session's language on the
//! command line (new, set, export) and in old session files.
#![allow(clippy::unwrap_used)]

mod common;
mod export_support;
use export_support::without_css;

use std::collections::BTreeSet;

use nunki::export::{Audience, Format, Proposal};
use nunki::i18n::{Lang, message, message_ids};
use nunki::knowledge::Knowledge;
use nunki::session::{Customer, Engineer, Session, templates};

/// The regulated-finance template as a German session, dated so the
/// snapshots do not move.
fn bank() -> Session {
    let k = Knowledge::embedded().unwrap();
    let template = templates::embedded()
        .unwrap()
        .into_iter()
        .find(|t| t.id == "regulated_finance_openshift")
        .unwrap();
    let at: jiff::Timestamp = "2026-12-02T09:30:00Z".parse().unwrap();
    let mut s = Session::new(
        "20261202-bank".into(),
        Customer {
            name: "Helvetia Privatbank AG".into(),
            contact: Some("Beat Meier".into()),
        },
        at,
        &k,
    );
    s.answers = template.answers;
    s.notes = template.notes;
    s.template = Some(template.id);
    s.engineer = Some(Engineer {
        name: "Anna Muster".into(),
        email: Some("anna.muster@vshn.ch".into()),
        phone: None,
    });
    s.lang = Lang::De;
    s
}

fn proposal(lang: Lang) -> Proposal {
    let s = bank();
    let k = Knowledge::embedded().unwrap().in_language(lang);
    let scope = s.evaluate(&k).scope;
    Proposal::from_session(&s, &scope, &k, Audience::Customer)
}

#[test]
fn the_german_customer_proposal_in_every_format() {
    let p = proposal(Lang::De);
    // The knowledge's hash moves with every change to data/; the rest must not.
    let version = Knowledge::embedded().unwrap().version;
    for format in Format::ALL {
        let text =
            without_css(nunki::export::render(format, &p)).replace(&version, "[knowledge version]");
        insta::assert_snapshot!(format!("german_customer_{}", format.id()), text);
    }
}

/// Runs of at least `words` words of a text, cut at placeholders
/// (`{ $x }`, `{answer}`) where the German puts something else.
fn fragments(text: &str, words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut pieces = Vec::new();
    while let Some(start) = rest.find('{') {
        pieces.push(&rest[..start]);
        rest = rest[start..]
            .find('}')
            .map_or("", |end| &rest[start + end + 1..]);
    }
    pieces.push(rest);
    for piece in pieces {
        let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if piece.split_whitespace().count() >= words {
            out.push(piece.to_string());
        }
    }
    out
}

/// Every English text a German customer proposal must not contain: the
/// knowledge's customer-facing texts that have a German version, and the
/// fixed wording of the English Fluent files, each cut into its runs of
/// two words or more.
fn english_texts() -> BTreeSet<String> {
    let k = Knowledge::embedded().unwrap();
    let mut out = BTreeSet::new();
    nunki::knowledge::texts::each_text(&k, &mut |t, _, _| {
        if let Some(de) = t.de() {
            // What German says the same way ("Go-live in") is no English.
            out.extend(fragments(t.en(), 2).into_iter().filter(|f| !de.contains(f)));
        }
    });
    for id in message_ids(Lang::En) {
        let en = message(Lang::En, &id, &[]);
        let de = message(Lang::De, &id, &[]);
        out.extend(fragments(&en, 2).into_iter().filter(|f| !de.contains(f)));
    }
    out
}

#[test]
fn the_german_customer_proposal_has_no_english_sentence() {
    let english = english_texts();
    assert!(english.len() > 500, "{} texts", english.len());
    assert!(english.contains("Data must stay in Switzerland"));
    assert!(english.contains("What we propose instead"));
    let p = proposal(Lang::De);
    for format in Format::ALL {
        // The stylesheet's comments are not the proposal's words.
        let text = without_css(nunki::export::render(format, &p));
        let found: Vec<&String> = english
            .iter()
            .filter(|e| text.contains(e.as_str()))
            .collect();
        assert!(
            found.is_empty(),
            "the German {} proposal still says in English: {found:#?}",
            format.id()
        );
    }
    // The check can fail: the English proposal of the same session is
    // full of these texts.
    let en = nunki::export::render(Format::Markdown, &proposal(Lang::En));
    assert!(english.iter().filter(|e| en.contains(e.as_str())).count() > 50);
}

#[test]
fn swiss_offer_conventions_in_the_german_proposal() {
    let p = proposal(Lang::De);
    let md = nunki::export::render(Format::Markdown, &p);
    assert!(
        md.starts_with("# Offerte für Helvetia Privatbank AG"),
        "{md}"
    );
    assert!(md.contains("**Gültig bis:** 1\\. Januar 2027"), "{md}");
    assert!(md.contains("exkl. MWST"));
    assert!(md.contains("CHF 25'517.80 pro Monat"), "{md}");
    assert!(!md.contains('ß'), "Swiss spelling writes ss");
    let html = nunki::export::render(Format::Html, &p);
    assert!(html.contains("<html lang=\"de\">"));
    assert!(!html.contains('\u{2068}') && !html.contains('\u{2069}'));
    let csv = nunki::export::render(Format::Csv, &p);
    assert!(
        csv.starts_with(
            "Bereich,Komponente,Plan,Anbieter,Menge,Monatlich,Einmalig,Währung,Bemerkung\r\n"
        ),
        "{csv}"
    );
    let slo = nunki::export::render(Format::OpenSlo, &p);
    assert!(slo.contains("Mit Helvetia Privatbank AG vereinbarte Service-Levels"));
    // JSON keys stay English.
    let json: serde_json::Value =
        serde_json::from_str(&nunki::export::render(Format::Json, &p)).unwrap();
    assert!(json["bill"]["total"]["monthly"].is_number());
}

#[test]
fn the_language_is_chosen_at_creation_changed_and_overridden_per_export() {
    let home = tempfile::TempDir::new().unwrap();
    let out = common::run_ok(common::nunki(home.path()).args([
        "new",
        "--customer",
        "Helvetia Privatbank AG",
        "--template",
        "regulated",
        "--lang",
        "de",
    ]));
    let path = String::from_utf8(out.stdout).unwrap();
    let file = std::fs::read_to_string(path.trim()).unwrap();
    assert!(file.contains("lang: de"), "{file}");

    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--session", "helvetia"];
        args.extend_from_slice(extra);
        let out = common::run_ok(common::nunki(home.path()).args(&args));
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(export(&[]).starts_with("# Offerte für Helvetia Privatbank AG"));
    assert!(export(&["--lang", "en"]).starts_with("# Scoped proposal for Helvetia"));
    // The internal proposal stays English (README: choosing the language).
    assert!(export(&["--audience", "internal"]).starts_with("# Scoped proposal for Helvetia"));

    let out = common::run_ok(common::nunki(home.path()).args(["set", "helvetia", "--lang", "en"]));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("language: en")
    );
    let file = std::fs::read_to_string(path.trim()).unwrap();
    assert!(
        !file.contains("lang:"),
        "an English session writes no language: {file}"
    );
    assert!(export(&[]).starts_with("# Scoped proposal for Helvetia"));
    assert!(export(&["--lang", "de"]).starts_with("# Offerte für Helvetia"));
}

#[test]
fn an_old_session_without_a_language_opens_in_english() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export_session.ron"),
    )
    .unwrap();
    assert!(!text.contains("lang:"));
    let s = nunki::session::file::parse("export_session.ron", &text).unwrap();
    assert_eq!(s.lang, Lang::En);
}
