//! Shared fixtures of the export tests: the fixture knowledge, the fixture
//! session, and a session full of hostile text.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use nunki::engine::{Answer, Scope};
use nunki::export::{Audience, Format, Proposal};
use nunki::knowledge::{Knowledge, KnowledgeTexts, SourceText};
use nunki::session::{Customer, Session};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn knowledge_dir() -> PathBuf {
    fixtures().join("export_knowledge")
}

fn source(name: &str) -> SourceText {
    SourceText {
        origin: format!("tests/fixtures/export_knowledge/{name}"),
        text: fs::read_to_string(knowledge_dir().join(name)).unwrap(),
    }
}

pub fn knowledge_texts() -> KnowledgeTexts {
    KnowledgeTexts {
        catalog: source("catalog.ron"),
        questionnaire: source("questionnaire.ron"),
        rules: source("rules.ron"),
        tech_radar: source("tech_radar.ron"),
    }
}

/// The fixture knowledge (not the shipped one, so these tests and their
/// snapshots do not move when the shipped catalog does).
pub fn knowledge() -> Knowledge {
    match Knowledge::from_texts(&knowledge_texts()) {
        Ok(k) => k,
        Err(d) => panic!("the export fixture knowledge is invalid:\n{d}"),
    }
}

/// Muster Bank AG: every section of a proposal has something to show.
pub fn session() -> Session {
    let path = fixtures().join("export_session.ron");
    let text = fs::read_to_string(&path).unwrap();
    nunki::session::file::parse("tests/fixtures/export_session.ron", &text).unwrap()
}

pub fn scope(session: &Session, k: &Knowledge) -> Scope {
    session.evaluate(k).scope
}

pub fn proposal(audience: Audience) -> (Proposal, Scope, Knowledge) {
    let k = knowledge();
    let s = session();
    let scope = scope(&s, &k);
    (Proposal::from_session(&s, &scope, &k, audience), scope, k)
}

pub fn render(format: Format, audience: Audience) -> String {
    let (p, _, _) = proposal(audience);
    nunki::export::render(format, &p)
}

/// A customer name that is markup in every format we write.
pub const HOSTILE_NAME: &str = "<script>alert(1)</script> *Bold* _it_ {author} [[x]] \
pass:[<b>x</b>] =HYPERLINK(\"http://evil.example\",\"x\") | a | b \\ `code` #tag\n\
NOTE: \u{202E}evil\u{202C} שלום";

/// The name as a document must show it: one line, no bidi overrides.
pub const HOSTILE_NAME_SHOWN: &str = "<script>alert(1)</script> *Bold* _it_ {author} [[x]] \
pass:[<b>x</b>] =HYPERLINK(\"http://evil.example\",\"x\") | a | b \\ `code` #tag \
NOTE: evil שלום";

/// A free-text answer: it reaches the needs table and, through the radar
/// rule's `{technologies}`, a boundary's detail.
pub const HOSTILE_ANSWER: &str = "Jenkins, <img src=x onerror=alert(1)>, +++<i>raw</i>+++, \
{set:x:y}, ((index)), footnote:[x], link:https://evil.example[click], [[anchor]], <<xref>>, \
$$dollar$$, ~sub~ ^sup^ #mark# **strong**, =1+1, @SUM(A1), www.evil.example";

/// A note spanning lines, each line markup of its own.
pub const HOSTILE_NOTE: &str = "# Heading\n- list item\n|===\ninclude::/etc/passwd[]\n\
:attr: x\n<script>alert('note')</script>\nNOTE: admonition\n----";

pub fn hostile_session(k: &Knowledge) -> Session {
    let now = "2026-03-14T16:30:00Z".parse().unwrap();
    let mut s = Session::new(
        "hostile".into(),
        Customer {
            name: HOSTILE_NAME.into(),
            contact: Some("=cmd|' /C calc'!A0".into()),
        },
        now,
        k,
    );
    let answers: BTreeMap<String, Answer> = [
        ("support_hours", Answer::Text("office_hours".into())),
        ("databases", Answer::List(vec!["postgresql".into()])),
        ("technologies", Answer::Text(HOSTILE_ANSWER.into())),
    ]
    .into_iter()
    .map(|(q, a)| (q.to_string(), a))
    .collect();
    s.answers = answers;
    s.notes.insert("technologies".into(), HOSTILE_NOTE.into());
    s
}

/// Knowledge whose offering names are hostile too: what a user's own
/// catalog directory could hold, and the way into the CSV.
pub fn hostile_knowledge() -> Knowledge {
    let mut texts = knowledge_texts();
    texts.catalog.text = texts
        .catalog
        .text
        .replace(
            "name: \"Managed PostgreSQL\"",
            "name: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"pg\\\")\"",
        )
        .replace(
            "name: \"Shared Platform\"",
            "name: \"-2+3, \\\"quoted\\\"\\nnext line\"",
        )
        .replace("provider: \"Example Partner AG\"", "provider: \"@SUM(A1)\"");
    match Knowledge::from_texts(&texts) {
        Ok(k) => k,
        Err(d) => panic!("the hostile fixture knowledge is invalid:\n{d}"),
    }
}

/// The stylesheet inlined into HTML is `assets/proposal.css` as it is
/// (`the_html_inlines_the_stylesheet_as_it_is`), so a snapshot shows the
/// proposal, not the CSS: a style change is not a proposal change.
pub fn without_css(text: String) -> String {
    match (text.find("<style>\n"), text.find("</style>")) {
        (Some(start), Some(end)) if start < end => format!(
            "{}<style>\n[assets/proposal.css]\n{}",
            &text[..start],
            &text[end..]
        ),
        _ => text,
    }
}
