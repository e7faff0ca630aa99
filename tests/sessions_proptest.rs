//! No file makes the loaders panic: random and mutated session files and
//! answers files (RON and JSON) each give a session or an error.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use nunki::cli::input::parse_raw_answers;
use nunki::engine::{Answer, Overrides};
use nunki::session::{Customer, ScopeOption, ScopeSummary, Session, Status, file, store};
use proptest::prelude::*;

/// A session that uses every part of the format.
fn full_session() -> Session {
    let now: jiff::Timestamp = "2025-01-14T09:30:00Z".parse().unwrap();
    let mut overrides = Overrides::default();
    overrides.add("appcat_redis", "standard_1", 2.0, "customer asked");
    overrides.remove("support", "bundled elsewhere");
    let answers: BTreeMap<String, Answer> = [
        ("tenancy", Answer::Text("shared".into())),
        ("gpu", Answer::Bool(false)),
        ("environments", Answer::Number(3.0)),
        (
            "compliance",
            Answer::List(vec!["gdpr".into(), "finma".into()]),
        ),
        ("removed_long_ago", Answer::Text("orphan".into())),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Session {
        format: nunki::session::FORMAT,
        id: "20250114-a3f9c2".into(),
        customer: Customer {
            name: "Müller \"&\" Söhne".into(),
            contact: Some("anna@example.ch".into()),
        },
        created: now,
        updated: now,
        status: Status::Proposed,
        answers: answers.clone(),
        notes: [("gpu".to_string(), "asked twice".to_string())].into(),
        overrides,
        knowledge_version: "d3238232332862f2".into(),
        template: Some("web_shop_appuio_cloud".into()),
        options: vec![ScopeOption {
            name: "HA".into(),
            answers,
            overrides: None,
        }],
        last_scope: Some(ScopeSummary {
            items: vec![("appuio_cloud".into(), "flex".into(), 880.0, 0.0)],
            flags: vec!["data_protection".into()],
            monthly: 880.0,
            one_time: 0.0,
            worst: Some(nunki::knowledge::Severity::Info),
        }),
        decisions: vec![nunki::session::Decision {
            rule: "finma_outsourcing".into(),
            verdict: nunki::session::Verdict::Approved,
            by: "Léa \"Legal\" Muster".into(),
            at: now,
            conditions: Some("only with the addendum of\nMarch".into()),
            for_customer: true,
            fingerprint: "0123456789abcdef".into(),
            raised: Some(now),
        }],
        forced: vec![nunki::session::ForcedStatus {
            status: Status::Proposed,
            reason: "customer deadline".into(),
            at: now,
            missing: vec!["24/7 coverage".into()],
        }],
        flags_seen: [("finma_outsourcing".to_string(), now)].into(),
        conflicts: Vec::new(),
        engineer: Some(nunki::session::Engineer {
            name: "Anna \"SE\" Müller".into(),
            email: Some("anna@vshn.ch".into()),
            phone: None,
        }),
    }
}

const ANSWERS_RON: &str = r#"{
    "tenancy": "dedicated",
    "compliance": ["gdpr", "finma"],
    "environments": 3,
    "availability_target": 99.9,
    "gpu": false,
    "technologies": "Kafka, Kubernetes",
}"#;

const ANSWERS_JSON: &str = r#"{"tenancy": "dedicated", "compliance": ["gdpr", "finma"], "environments": 3, "gpu": false, "technologies": "Kafka"}"#;

/// One edit of a text, at a position given as a fraction of its length.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    Duplicate { at: f64, len: usize },
    Truncate { at: f64 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Characters that matter to RON and JSON, and some that matter to us.
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "(",
            ")",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "'",
            "\\",
            "r#\"",
            "#",
            "/*",
            "//",
            "\n",
            "Some(",
            "None",
            "true",
            "-1",
            "1e999",
            "NaN",
            "inf",
            "99",
            "format: 2,",
            "\u{0}",
            "é",
            "株",
            "\u{FEFF}",
            "0x",
            "b'a'",
        ])
        .prop_map(str::to_string),
        ".{0,6}",
    ];
    prop_oneof![
        (0.0..1.0f64, 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (0.0..1.0f64, piece).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (0.0..1.0f64, 1usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (0.0..1.0f64).prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// The char boundary nearest below a fraction of the text.
fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut s = text.to_string();
    for m in mutations {
        match m {
            Mutation::Delete { at, len } => {
                let a = boundary(&s, *at);
                let b = boundary(&s, ((a + len) as f64 / s.len().max(1) as f64).min(1.0));
                if b > a {
                    s.replace_range(a..b, "");
                }
            }
            Mutation::Insert { at, text } => {
                let a = boundary(&s, *at);
                s.insert_str(a, text);
            }
            Mutation::Duplicate { at, len } => {
                let a = boundary(&s, *at);
                let b = boundary(&s, ((a + len) as f64 / s.len().max(1) as f64).min(1.0));
                if b > a {
                    let copy = s[a..b].to_string();
                    s.insert_str(b, &copy);
                }
            }
            Mutation::Truncate { at } => {
                let a = boundary(&s, *at);
                s.truncate(a);
            }
        }
    }
    s
}

/// Parses a session text; when it parses, writing it out and reading it
/// back gives the same text (the format is stable under a round trip).
fn check_session_text(text: &str) {
    if let Ok(session) = file::parse("fuzz.ron", text) {
        let written = file::to_text(&session).unwrap();
        let again = file::parse("again.ron", &written)
            .unwrap_or_else(|e| panic!("a parsed session did not read back: {e:?}\n{written}"));
        assert_eq!(file::to_text(&again).unwrap(), written);
    }
}

#[test]
fn the_full_session_round_trips() {
    let s = full_session();
    let text = file::to_text(&s).unwrap();
    assert_eq!(file::parse("x", &text).unwrap(), s);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn mutated_session_files_never_panic(mutations in proptest::collection::vec(mutation(), 1..5)) {
        let base = file::to_text(&full_session()).unwrap();
        check_session_text(&apply(&base, &mutations));
    }

    #[test]
    fn random_text_as_a_session_never_panics(text in "\\PC{0,300}") {
        check_session_text(&text);
        let wrapped = format!("(format: 1, id: \"x\", {text})");
        check_session_text(&wrapped);
    }

    #[test]
    fn random_bytes_on_disk_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("x.ron");
        std::fs::write(&path, &bytes).unwrap();
        match store::load(&path) {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(e.is_input(), "{e}");
                prop_assert!(!e.to_string().is_empty());
            }
        }
        prop_assert_eq!(std::fs::read(&path).unwrap(), bytes, "loading never writes");
    }

    #[test]
    fn mutated_answers_files_never_panic(
        mutations in proptest::collection::vec(mutation(), 1..5),
        json in any::<bool>(),
    ) {
        let base = if json { ANSWERS_JSON } else { ANSWERS_RON };
        let text = apply(base, &mutations);
        if let Err(e) = parse_raw_answers("fuzz", &text, json) {
            prop_assert!(e.to_string().contains("fuzz"), "errors name the file: {e}");
        }
    }

    #[test]
    fn random_answers_files_never_panic(text in "\\PC{0,200}", json in any::<bool>()) {
        let _ = parse_raw_answers("fuzz", &text, json);
    }
}
