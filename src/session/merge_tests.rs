//! Tests of the merge by answer: every kind of field, both ways.
use super::*;
use crate::engine::Answer;
use crate::session::model::ScopeOption;
use crate::session::{Customer, Decision, Status, Verdict};

fn t(secs: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(secs).expect("a valid time")
}

fn base() -> Session {
    let customer = Customer {
        name: "Acme AG".into(),
        contact: None,
    };
    let mut s = Session::blank("s1".into(), customer, t(0), "k1".into());
    s.updated = t(100);
    s.answers
        .insert("tenancy".into(), Answer::Text("shared".into()));
    s.answers.insert("environments".into(), Answer::Number(2.0));
    s.notes.insert("tenancy".into(), "asked twice".into());
    s
}

/// Ours saved at 200, theirs at 300 unless a test says otherwise.
fn sides(edit_ours: impl Fn(&mut Session), edit_theirs: impl Fn(&mut Session)) -> Merged {
    let b = base();
    let mut o = b.clone();
    o.updated = t(200);
    edit_ours(&mut o);
    let mut th = b.clone();
    th.updated = t(300);
    edit_theirs(&mut th);
    merge(Some(&b), &o, &th)
}

/// The one conflict the merge recorded, about `field` and `key`.
fn the_conflict<'m>(m: &'m Merged, field: Field, key: &str) -> &'m Conflict {
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!((c.field, c.key.as_str()), (field, key));
    c
}

/// The keys of a merged list, in its order.
fn keys<T>(list: &[T], key: impl Fn(&T) -> &String) -> Vec<&str> {
    list.iter().map(|x| key(x).as_str()).collect()
}

/// Whether the value the conflict set aside mentions `text`.
fn set_aside(c: &Conflict, text: &str) -> bool {
    c.other.as_deref().is_some_and(|x| x.contains(text))
}

fn decision(rule: &str, by: &str, verdict: Verdict) -> Decision {
    Decision {
        rule: rule.into(),
        verdict,
        by: by.into(),
        at: t(150),
        conditions: None,
        for_customer: false,
        fingerprint: "f".into(),
        raised: None,
    }
}

#[test]
fn answers_changed_on_one_side_each_are_both_taken() {
    let m = sides(
        |o| {
            o.answers.insert("environments".into(), Answer::Number(3.0));
        },
        |t| {
            t.answers
                .insert("tenancy".into(), Answer::Text("dedicated".into()));
        },
    );
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.session.answers["environments"], Answer::Number(3.0));
    assert_eq!(
        m.session.answers["tenancy"],
        Answer::Text("dedicated".into())
    );
    assert_eq!(m.session.updated, t(300));
}

#[test]
fn the_same_answer_changed_on_both_keeps_the_later_and_records_the_other() {
    let m = sides(
        |o| {
            o.answers.insert("environments".into(), Answer::Number(3.0));
        },
        |t| {
            t.answers.insert("environments".into(), Answer::Number(5.0));
        },
    );
    assert_eq!(m.session.answers["environments"], Answer::Number(5.0));
    let c = the_conflict(&m, Field::Answer, "environments");
    assert_eq!(c.kept.as_deref(), Some("5.0"));
    assert_eq!(c.other.as_deref(), Some("3.0"));
    assert_eq!((c.by.as_str(), c.at), ("local", t(200)));
    assert_eq!(m.session.conflicts, m.conflicts, "kept in the session file");
}

#[test]
fn a_tie_keeps_ours() {
    let b = base();
    let mut o = b.clone();
    o.status = Status::Won;
    let mut th = b.clone();
    th.status = Status::Lost;
    let m = merge(Some(&b), &o, &th);
    assert_eq!(m.session.status, Status::Won);
    assert_eq!(m.conflicts[0].field, Field::Status);
    assert_eq!(m.conflicts[0].other.as_deref(), Some("lost"));
    assert_eq!(m.conflicts[0].by, "remote");
}

#[test]
fn an_answer_cleared_on_one_side_and_changed_on_the_other_is_kept_in_the_conflict() {
    let m = sides(
        |o| {
            o.answers
                .insert("tenancy".into(), Answer::Text("dedicated".into()));
        },
        |t| {
            t.answers.remove("tenancy");
        },
    );
    assert!(!m.session.answers.contains_key("tenancy"));
    assert_eq!(m.conflicts[0].kept, None);
    assert_eq!(m.conflicts[0].other.as_deref(), Some("\"dedicated\""));
}

#[test]
fn a_clear_on_one_side_only_is_taken() {
    let m = sides(
        |_| {},
        |t| {
            t.answers.remove("tenancy");
            t.notes.remove("tenancy");
        },
    );
    assert!(m.conflicts.is_empty());
    assert!(!m.session.answers.contains_key("tenancy"));
    assert!(m.session.notes.is_empty());
}

#[test]
fn notes_merge_by_question() {
    let m = sides(
        |o| {
            o.notes.insert("gpu".into(), "no GPUs".into());
            o.notes.insert("tenancy".into(), "ours".into());
        },
        |t| {
            t.notes.insert("tenancy".into(), "theirs".into());
        },
    );
    assert_eq!(m.session.notes["gpu"], "no GPUs");
    assert_eq!(m.session.notes["tenancy"], "theirs");
    let c = the_conflict(&m, Field::Note, "tenancy");
    assert_eq!(c.other.as_deref(), Some("\"ours\""));
}

#[test]
fn options_merge_by_name() {
    let option = |name: &str, env: f64| ScopeOption {
        name: name.into(),
        answers: [("environments".to_string(), Answer::Number(env))].into(),
        overrides: None,
    };
    let m = sides(
        |o| {
            o.options.push(option("A", 1.0));
            o.options.push(option("B", 2.0));
        },
        |t| {
            t.options.push(option("C", 1.0));
            t.options.push(option("B", 4.0));
        },
    );
    let names = keys(&m.session.options, |o| &o.name);
    assert_eq!(names, ["A", "B", "C"]);
    assert_eq!(m.session.options[1], option("B", 4.0));
    assert!(set_aside(the_conflict(&m, Field::Option, "B"), "2.0"));
}

#[test]
fn decisions_merge_by_rule() {
    let m = sides(
        |o| {
            o.decisions
                .push(decision("coverage_24x7", "Olivia", Verdict::Approved));
            o.decisions
                .push(decision("gpu", "Olivia", Verdict::Approved));
        },
        |t| {
            t.decisions
                .push(decision("coverage_24x7", "Sam", Verdict::Declined));
            t.decisions
                .push(decision("budget", "Sam", Verdict::Approved));
        },
    );
    let rules = keys(&m.session.decisions, |d| &d.rule);
    assert_eq!(rules, ["coverage_24x7", "gpu", "budget"]);
    assert_eq!(m.session.decisions[0].by, "Sam");
    let c = the_conflict(&m, Field::Decision, "coverage_24x7");
    assert!(set_aside(c, "Olivia"));
}

#[test]
fn overrides_merge_by_offering() {
    let m = sides(
        |o| {
            o.overrides.add("redis", "standard", 1.0, "cache");
            o.overrides.add("postgres", "besteffort", 1.0, "ours");
        },
        |t| {
            t.overrides.remove("postgres", "not needed");
            t.overrides.add("mariadb", "standard", 2.0, "theirs");
        },
    );
    let added = keys(&m.session.overrides.added, |a| &a.offering);
    assert_eq!(added, ["redis", "mariadb"]);
    assert_eq!(m.session.overrides.removed.len(), 1);
    assert_eq!(m.session.overrides.removed[0].offering, "postgres");
    let c = the_conflict(&m, Field::Override, "postgres");
    assert!(set_aside(c, "besteffort"));
}

#[test]
fn status_customer_and_template_merge_as_fields() {
    let m = sides(
        |o| {
            o.status = Status::Proposed;
            o.template = Some("web_shop".into());
        },
        |t| {
            t.customer.contact = Some("anna@acme.ch".into());
            t.template = Some("saas".into());
        },
    );
    assert_eq!(m.session.status, Status::Proposed);
    assert_eq!(m.session.customer.contact.as_deref(), Some("anna@acme.ch"));
    assert_eq!(m.session.template.as_deref(), Some("saas"));
    the_conflict(&m, Field::Template, "");
}

#[test]
fn logs_are_merged_as_sets_and_earlier_conflicts_stay() {
    let forced = |reason: &str| crate::session::ForcedStatus {
        status: Status::Won,
        reason: reason.into(),
        at: t(10),
        missing: Vec::new(),
    };
    let m = sides(
        |o| {
            o.forced.push(forced("ours"));
            o.flags_seen.insert("gpu".into(), t(50));
        },
        |t2| {
            t2.forced.push(forced("theirs"));
            t2.flags_seen.insert("gpu".into(), t(40));
            t2.answers
                .insert("environments".into(), Answer::Number(9.0));
        },
    );
    assert_eq!(m.session.forced.len(), 2);
    assert_eq!(m.session.flags_seen["gpu"], t(40));
    // A merge of the merged session with a further edit keeps the
    // conflicts already recorded.
    let mut later = m.session.clone();
    later.updated = t(400);
    let again = merge(Some(&m.session), &later, &m.session);
    assert_eq!(again.session.conflicts, m.session.conflicts);
}

#[test]
fn taking_the_other_value_restores_it_for_every_kind_of_field() {
    let option = |env: f64| ScopeOption {
        name: "B".into(),
        answers: [("environments".to_string(), Answer::Number(env))].into(),
        overrides: None,
    };
    let m = sides(
        |o| {
            o.answers.insert("environments".into(), Answer::Number(3.0));
            o.notes.insert("tenancy".into(), "ours".into());
            o.status = Status::Won;
            o.options.push(option(1.0));
            o.decisions
                .push(decision("gpu", "Olivia", Verdict::Approved));
            o.overrides.add("redis", "standard", 1.0, "ours");
            o.template = Some("web_shop".into());
            o.customer.name = "Acme Ltd".into();
        },
        |t| {
            t.answers.remove("environments");
            t.notes.insert("tenancy".into(), "theirs".into());
            t.status = Status::Lost;
            t.options.push(option(2.0));
            t.decisions.push(decision("gpu", "Sam", Verdict::Declined));
            t.overrides.remove("redis", "theirs");
            t.template = Some("saas".into());
            t.customer.name = "Acme SA".into();
        },
    );
    assert_eq!(m.conflicts.len(), 8, "{:#?}", m.conflicts);
    let mut s = m.session.clone();
    for c in &m.conflicts {
        take_other(&mut s, c).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(s.answers["environments"], Answer::Number(3.0));
    assert_eq!(s.notes["tenancy"], "ours");
    assert_eq!(s.status, Status::Won);
    assert_eq!(s.options, vec![option(1.0)]);
    assert_eq!(s.decisions[0].by, "Olivia");
    assert_eq!(s.overrides.added.len(), 1);
    assert!(s.overrides.removed.is_empty());
    assert_eq!(s.template.as_deref(), Some("web_shop"));
    assert_eq!(s.customer.name, "Acme Ltd");
}

#[test]
fn without_a_base_both_sides_are_kept() {
    let mut o = base();
    o.answers.insert("gpu".into(), Answer::Bool(false));
    let mut th = base();
    th.updated = t(300);
    th.answers
        .insert("environments".into(), Answer::Number(7.0));
    let m = merge(None, &o, &th);
    assert_eq!(m.session.answers["gpu"], Answer::Bool(false));
    assert_eq!(m.session.answers["environments"], Answer::Number(7.0));
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].other.as_deref(), Some("2.0"));
}

mod no_value_is_lost {
    use proptest::prelude::*;

    use super::*;

    fn answer() -> impl Strategy<Value = Option<Answer>> {
        prop_oneof![
            Just(None),
            (0u8..3).prop_map(|n| Some(Answer::Number(f64::from(n)))),
            Just(Some(Answer::Text("x".into()))),
            Just(Some(Answer::List(vec!["a".into(), "b".into()]))),
        ]
    }

    fn status() -> impl Strategy<Value = Status> {
        prop::sample::select(Status::ALL.to_vec())
    }

    /// One version: answers and notes for three questions, options,
    /// decisions and overrides for two keys, a status.
    #[derive(Debug, Clone)]
    struct Version {
        answers: Vec<Option<Answer>>,
        notes: Vec<Option<u8>>,
        options: Vec<Option<u8>>,
        decisions: Vec<Option<bool>>,
        overrides: Vec<Option<u8>>,
        status: Status,
        updated: i64,
    }

    fn version() -> impl Strategy<Value = Version> {
        (
            prop::collection::vec(answer(), 3),
            prop::collection::vec(prop::option::of(0u8..3), 3),
            prop::collection::vec(prop::option::of(0u8..3), 2),
            prop::collection::vec(prop::option::of(any::<bool>()), 2),
            prop::collection::vec(prop::option::of(0u8..3), 2),
            status(),
            0i64..3,
        )
            .prop_map(
                |(answers, notes, options, decisions, overrides, status, updated)| Version {
                    answers,
                    notes,
                    options,
                    decisions,
                    overrides,
                    status,
                    updated,
                },
            )
    }

    const KEYS: [&str; 3] = ["q0", "q1", "q2"];

    fn session(v: &Version) -> Session {
        let mut s = base();
        s.answers.clear();
        s.notes.clear();
        s.updated = t(v.updated);
        s.status = v.status;
        for (k, a) in KEYS.iter().zip(&v.answers) {
            if let Some(a) = a {
                s.answers.insert((*k).into(), a.clone());
            }
        }
        for (k, n) in KEYS.iter().zip(&v.notes) {
            if let Some(n) = n {
                s.notes.insert((*k).into(), format!("note {n}"));
            }
        }
        for (k, n) in KEYS.iter().zip(&v.options) {
            if let Some(n) = n {
                s.options.push(ScopeOption {
                    name: (*k).into(),
                    answers: [("q0".to_string(), Answer::Number(f64::from(*n)))].into(),
                    overrides: None,
                });
            }
        }
        for (k, d) in KEYS.iter().zip(&v.decisions) {
            if let Some(approved) = d {
                let verdict = if *approved {
                    Verdict::Approved
                } else {
                    Verdict::Declined
                };
                s.decisions.push(decision(k, "someone", verdict));
            }
        }
        for (k, n) in KEYS.iter().zip(&v.overrides) {
            match n {
                Some(0) => s.overrides.remove(k, "no"),
                Some(n) => s.overrides.add(k, "standard", f64::from(*n), "yes"),
                None => {}
            }
        }
        s
    }

    /// Every value of a side that differs from the base is in the
    /// merged session or in one of its conflicts. Values come as the text
    /// a conflict records of them.
    fn kept(
        m: &Merged,
        field: Field,
        key: &str,
        [base, side, merged]: [Option<String>; 3],
    ) -> Result<(), TestCaseError> {
        if side == base || side == merged {
            return Ok(());
        }
        prop_assert!(
            m.session
                .conflicts
                .iter()
                .any(|c| c.field == field && c.key == key && c.other == side),
            "{field:?} {key}: {side:?} lost; merged {merged:?}, conflicts {:?}",
            m.session.conflicts
        );
        Ok(())
    }

    fn check(b: &Session, side: &Session, m: &Merged) -> Result<(), TestCaseError> {
        // Each field read alike from the base, the side and the merge.
        let versions = [b, side, &m.session];
        let kept_of = |field, key: &str, get: &dyn Fn(&Session) -> Option<String>| {
            kept(m, field, key, versions.map(get))
        };
        for k in KEYS {
            kept_of(Field::Answer, k, &|x| x.answers.get(k).map(text))?;
            kept_of(Field::Note, k, &|x| x.notes.get(k).map(text))?;
            kept_of(Field::Option, k, &|x| {
                x.options.iter().find(|o| o.name == k).map(text)
            })?;
            kept_of(Field::Decision, k, &|x| {
                x.decisions.iter().find(|d| d.rule == k).map(text)
            })?;
            kept_of(Field::Override, k, &|x| {
                entries(&x.overrides)
                    .into_iter()
                    .find(|e| e.offering() == k)
                    .map(|e| text(&e))
            })?;
        }
        kept_of(Field::Status, "", &|x| Some(text(&x.status)))
    }

    proptest! {
        #[test]
        fn every_value_of_either_side_is_merged_or_in_a_conflict(
            b in version(), o in version(), th in version(), with_base in any::<bool>()
        ) {
            let (b, o, th) = (session(&b), session(&o), session(&th));
            let base = with_base.then_some(&b);
            let m = merge(base, &o, &th);
            let empty = {
                let mut e = session(&Version {
                    answers: vec![None; 3], notes: vec![None; 3], options: vec![None; 2],
                    decisions: vec![None; 2], overrides: vec![None; 2],
                    status: o.status, updated: 0,
                });
                // Without a base every status differs from "the base".
                e.status = if o.status == Status::Draft { Status::Won } else { Status::Draft };
                e
            };
            let b = if with_base { &b } else { &empty };
            check(b, &o, &m)?;
            check(b, &th, &m)?;
        }
    }
}
