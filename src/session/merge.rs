//! Merging two versions of one session by answer, not by line: the base
//! (the last version both sides had), ours (this laptop) and theirs (the
//! team). Pure; `team::sync` reads the three versions from git.
//!
//! Every field is merged on its own: an answer, a note, an option, a
//! decision or a manual override (by question, option name, rule or
//! offering), the status, the customer and the template. A field changed
//! on one side only takes that side's value. A field changed differently on
//! both sides keeps the value of the side that saved the session last (the
//! later `updated`; a tie keeps ours) and records the other value as a
//! [`Conflict`] inside the session, with who changed it and when, until
//! someone resolves it. So no value either side gave is ever lost.
//!
//! Logs are merged as sets (forced statuses, earlier conflicts: what one
//! side removed stays removed); when a flag was first seen takes the
//! earlier time; `updated` the later one, `created` the earlier one.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use serde::{Deserialize, Serialize};

use super::model::Session;
use crate::engine::{ManualAdd, ManualRemove, Overrides};

/// A value a merge did not keep, kept here instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub field: Field,
    /// The question id, option name, rule id or offering id; empty for a
    /// field of the whole session (status, customer, template).
    #[serde(default)]
    pub key: String,
    /// The value kept, as RON; `None` when the kept side had cleared it.
    pub kept: Option<String>,
    /// The value not kept, as RON; `None` when the other side had cleared it.
    pub other: Option<String>,
    /// Who gave the value not kept (the git author when known).
    pub by: String,
    /// When that side last saved the session.
    pub at: jiff::Timestamp,
}

/// What kind of field a conflict is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Answer,
    Note,
    Option,
    Status,
    Decision,
    Override,
    Customer,
    Template,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Answer => "answer",
            Field::Note => "note",
            Field::Option => "option",
            Field::Status => "status",
            Field::Decision => "decision",
            Field::Override => "override",
            Field::Customer => "customer",
            Field::Template => "template",
        }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(cleared)".into());
        if self.key.is_empty() {
            write!(f, "{}", self.field.id())?;
        } else {
            write!(f, "{} {}", self.field.id(), self.key)?;
        }
        write!(
            f,
            ": kept {}, {} gave {}",
            show(&self.kept),
            self.by,
            show(&self.other)
        )
    }
}

/// One side of a merge: its version of the session and who made it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub session: &'a Session,
    pub who: &'a str,
}

/// The merged session (its `conflicts` include the new ones) and the
/// conflicts this merge recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub session: Session,
    pub conflicts: Vec<Conflict>,
}

/// Merges with the sides named "local" (ours) and "remote" (theirs).
pub fn merge(base: Option<&Session>, ours: &Session, theirs: &Session) -> Merged {
    merge_sides(
        base,
        Side {
            session: ours,
            who: "local",
        },
        Side {
            session: theirs,
            who: "remote",
        },
    )
}

/// Merges two versions of one session against their common base (`None`
/// when they have none: then every difference is a conflict).
pub fn merge_sides(base: Option<&Session>, ours: Side<'_>, theirs: Side<'_>) -> Merged {
    let (o, t) = (ours.session, theirs.session);
    let ours_wins = o.updated >= t.updated;
    let loser = if ours_wins { theirs } else { ours };
    let mut cx = Cx {
        ours_wins,
        by: loser.who.to_string(),
        at: loser.session.updated,
        conflicts: Vec::new(),
    };
    let winner = if ours_wins { o } else { t };

    let answers = cx.map(
        Field::Answer,
        base.map(|b| &b.answers),
        &o.answers,
        &t.answers,
    );
    let notes = cx.map(Field::Note, base.map(|b| &b.notes), &o.notes, &t.notes);
    let status = cx
        .value(
            Field::Status,
            "",
            base.map(|b| &b.status),
            Some(&o.status),
            Some(&t.status),
        )
        .unwrap_or(winner.status);
    let customer = cx
        .value(
            Field::Customer,
            "",
            base.map(|b| &b.customer),
            Some(&o.customer),
            Some(&t.customer),
        )
        .unwrap_or_else(|| winner.customer.clone());
    let template = cx
        .value(
            Field::Template,
            "",
            base.map(|b| &b.template),
            Some(&o.template),
            Some(&t.template),
        )
        .flatten();
    let options = cx.keyed(
        Field::Option,
        base.map(|b| b.options.as_slice()),
        &o.options,
        &t.options,
        |x| x.name.clone(),
    );
    let decisions = cx.keyed(
        Field::Decision,
        base.map(|b| b.decisions.as_slice()),
        &o.decisions,
        &t.decisions,
        |d| d.rule.clone(),
    );
    let overrides = from_entries(cx.keyed(
        Field::Override,
        base.map(|b| entries(&b.overrides)).as_deref(),
        &entries(&o.overrides),
        &entries(&t.overrides),
        |e| e.offering().to_string(),
    ));

    let mut flags_seen = o.flags_seen.clone();
    for (rule, at) in &t.flags_seen {
        let e = flags_seen.entry(rule.clone()).or_insert(*at);
        *e = (*e).min(*at);
    }

    let mut conflicts = set_merge(
        base.map(|b| b.conflicts.as_slice()),
        &o.conflicts,
        &t.conflicts,
    );
    conflicts.extend(cx.conflicts.iter().cloned());

    let session = Session {
        format: o.format.max(t.format),
        id: o.id.clone(),
        customer,
        created: o.created.min(t.created),
        updated: o.updated.max(t.updated),
        status,
        answers,
        notes,
        overrides,
        knowledge_version: winner.knowledge_version.clone(),
        template,
        options,
        last_scope: winner.last_scope.clone(),
        decisions,
        forced: set_merge(base.map(|b| b.forced.as_slice()), &o.forced, &t.forced),
        flags_seen,
        conflicts,
    };
    Merged {
        session,
        conflicts: cx.conflicts,
    }
}

/// The merge rule and the conflicts recorded so far.
struct Cx {
    ours_wins: bool,
    by: String,
    at: jiff::Timestamp,
    conflicts: Vec<Conflict>,
}

impl Cx {
    /// One field, three ways: `None` is "not there" (cleared or never set).
    fn value<V: PartialEq + Clone + Serialize + Debug>(
        &mut self,
        field: Field,
        key: &str,
        base: Option<&V>,
        ours: Option<&V>,
        theirs: Option<&V>,
    ) -> Option<V> {
        if ours == theirs || theirs == base {
            return ours.cloned();
        }
        if ours == base {
            return theirs.cloned();
        }
        let (kept, other) = if self.ours_wins {
            (ours, theirs)
        } else {
            (theirs, ours)
        };
        self.conflicts.push(Conflict {
            field,
            key: key.to_string(),
            kept: kept.map(text),
            other: other.map(text),
            by: self.by.clone(),
            at: self.at,
        });
        kept.cloned()
    }

    fn map<V: PartialEq + Clone + Serialize + Debug>(
        &mut self,
        field: Field,
        base: Option<&BTreeMap<String, V>>,
        ours: &BTreeMap<String, V>,
        theirs: &BTreeMap<String, V>,
    ) -> BTreeMap<String, V> {
        let keys: BTreeSet<&String> = ours
            .keys()
            .chain(theirs.keys())
            .chain(base.into_iter().flat_map(|b| b.keys()))
            .collect();
        let mut out = BTreeMap::new();
        for k in keys {
            let b = base.and_then(|b| b.get(k));
            if let Some(v) = self.value(field, k, b, ours.get(k), theirs.get(k)) {
                out.insert(k.clone(), v);
            }
        }
        out
    }

    /// A list whose items have a key (an option's name, a decision's
    /// rule): merged by key, in ours' order, then theirs' new ones.
    fn keyed<V: PartialEq + Clone + Serialize + Debug>(
        &mut self,
        field: Field,
        base: Option<&[V]>,
        ours: &[V],
        theirs: &[V],
        key: impl Fn(&V) -> String,
    ) -> Vec<V> {
        let b = base.map(|b| by_key(b, &key));
        let (o, t) = (by_key(ours, &key), by_key(theirs, &key));
        let merged = self.map(field, b.as_ref(), &o, &t);
        let mut order: Vec<String> = keys_in_order(ours, &key);
        for k in keys_in_order(theirs, &key) {
            if !order.contains(&k) {
                order.push(k);
            }
        }
        let mut out: Vec<V> = Vec::with_capacity(merged.len());
        for k in &order {
            if let Some(v) = merged.get(k) {
                out.push(v.clone());
            }
        }
        out
    }
}

/// Keys of a list, a repeated key made unique by its occurrence (`x`,
/// `x#2`), so that two items with one name are both kept.
fn keys_in_order<V>(items: &[V], key: &impl Fn(&V) -> String) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    items
        .iter()
        .map(|v| {
            let k = key(v);
            let n = seen.entry(k.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { k } else { format!("{k}#{n}") }
        })
        .collect()
}

fn by_key<V: Clone>(items: &[V], key: &impl Fn(&V) -> String) -> BTreeMap<String, V> {
    keys_in_order(items, key)
        .into_iter()
        .zip(items.iter().cloned())
        .collect()
}

/// Three-way merge of a set kept as a list: an item is kept when both
/// sides have it, or when one side added it (the base lacks it).
fn set_merge<V: PartialEq + Clone>(base: Option<&[V]>, ours: &[V], theirs: &[V]) -> Vec<V> {
    let in_base = |v: &V| base.is_some_and(|b| b.contains(v));
    let mut out: Vec<V> = Vec::new();
    for v in ours {
        if (theirs.contains(v) || !in_base(v)) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    for v in theirs {
        if !in_base(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// A manual override, added or removed, keyed by its offering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Entry {
    Added(ManualAdd),
    Removed(ManualRemove),
}

impl Entry {
    fn offering(&self) -> &str {
        match self {
            Entry::Added(a) => &a.offering,
            Entry::Removed(r) => &r.offering,
        }
    }
}

fn entries(o: &Overrides) -> Vec<Entry> {
    o.added
        .iter()
        .cloned()
        .map(Entry::Added)
        .chain(o.removed.iter().cloned().map(Entry::Removed))
        .collect()
}

fn from_entries(entries: Vec<Entry>) -> Overrides {
    let mut o = Overrides::default();
    for e in entries {
        match e {
            Entry::Added(a) => o.added.push(a),
            Entry::Removed(r) => o.removed.push(r),
        }
    }
    o
}

/// Resolves a conflict by taking the value that was not kept (the conflict
/// itself is removed by the caller). The value is read back from its RON
/// text; `Err` says why it cannot be.
pub fn take_other(session: &mut Session, c: &Conflict) -> Result<(), String> {
    fn read<T: serde::de::DeserializeOwned>(c: &Conflict, text: &str) -> Result<T, String> {
        crate::knowledge::ron_options().from_str(text).map_err(|e| {
            format!(
                "the other value of {} {} does not read back: {e}",
                c.field.id(),
                c.key
            )
        })
    }
    let key = c.key.clone();
    match (c.field, c.other.as_deref()) {
        (Field::Answer, Some(t)) => {
            session.answers.insert(key, read(c, t)?);
        }
        (Field::Answer, None) => {
            session.answers.remove(&key);
        }
        (Field::Note, Some(t)) => {
            session.notes.insert(key, read(c, t)?);
        }
        (Field::Note, None) => {
            session.notes.remove(&key);
        }
        (Field::Status, Some(t)) => session.status = read(c, t)?,
        (Field::Customer, Some(t)) => session.customer = read(c, t)?,
        (Field::Template, t) => session.template = t.map(|t| read(c, t)).transpose()?,
        (Field::Option, t) => {
            let other: Option<super::model::ScopeOption> = t.map(|t| read(c, t)).transpose()?;
            let at = session.options.iter().position(|o| o.name == key);
            replace(&mut session.options, at, other);
        }
        (Field::Decision, t) => {
            let other: Option<super::model::Decision> = t.map(|t| read(c, t)).transpose()?;
            let at = session.decisions.iter().position(|d| d.rule == key);
            replace(&mut session.decisions, at, other);
        }
        (Field::Override, t) => {
            let other: Option<Entry> = t.map(|t| read(c, t)).transpose()?;
            let mut list = entries(&session.overrides);
            let at = list.iter().position(|e| e.offering() == key);
            replace(&mut list, at, other);
            session.overrides = from_entries(list);
        }
        (Field::Status | Field::Customer, None) => {
            return Err(format!("{} cannot be cleared", c.field.id()));
        }
    }
    Ok(())
}

fn replace<V>(list: &mut Vec<V>, at: Option<usize>, value: Option<V>) {
    match (at, value) {
        (Some(i), Some(v)) => list[i] = v,
        (Some(i), None) => {
            list.remove(i);
        }
        (None, Some(v)) => list.push(v),
        (None, None) => {}
    }
}

/// A value as the RON text a person can read (and paste back).
fn text<V: Serialize + Debug>(v: &V) -> String {
    crate::knowledge::ron_options()
        .to_string(v)
        .unwrap_or_else(|_| format!("{v:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Answer;
    use crate::session::model::ScopeOption;
    use crate::session::{Customer, Decision, Status, Verdict};

    fn t(secs: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(secs).expect("a valid time")
    }

    fn base() -> Session {
        let mut s = Session {
            format: crate::session::FORMAT,
            id: "s1".into(),
            customer: Customer {
                name: "Acme AG".into(),
                contact: None,
            },
            created: t(0),
            updated: t(100),
            status: Status::Draft,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            overrides: Overrides::default(),
            knowledge_version: "k1".into(),
            template: None,
            options: Vec::new(),
            last_scope: None,
            decisions: Vec::new(),
            forced: Vec::new(),
            flags_seen: BTreeMap::new(),
            conflicts: Vec::new(),
        };
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
        assert_eq!(m.conflicts.len(), 1);
        let c = &m.conflicts[0];
        assert_eq!((c.field, c.key.as_str()), (Field::Answer, "environments"));
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
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].field, Field::Note);
        assert_eq!(m.conflicts[0].other.as_deref(), Some("\"ours\""));
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
        let names: Vec<&str> = m.session.options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C"]);
        assert_eq!(m.session.options[1], option("B", 4.0));
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(
            (m.conflicts[0].field, m.conflicts[0].key.as_str()),
            (Field::Option, "B")
        );
        assert!(
            m.conflicts[0]
                .other
                .as_deref()
                .is_some_and(|x| x.contains("2.0"))
        );
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
        let rules: Vec<&str> = m
            .session
            .decisions
            .iter()
            .map(|d| d.rule.as_str())
            .collect();
        assert_eq!(rules, ["coverage_24x7", "gpu", "budget"]);
        assert_eq!(m.session.decisions[0].by, "Sam");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].field, Field::Decision);
        assert!(
            m.conflicts[0]
                .other
                .as_deref()
                .is_some_and(|x| x.contains("Olivia"))
        );
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
        let added: Vec<&str> = m
            .session
            .overrides
            .added
            .iter()
            .map(|a| a.offering.as_str())
            .collect();
        assert_eq!(added, ["redis", "mariadb"]);
        assert_eq!(m.session.overrides.removed.len(), 1);
        assert_eq!(m.session.overrides.removed[0].offering, "postgres");
        assert_eq!(m.conflicts.len(), 1);
        let c = &m.conflicts[0];
        assert_eq!((c.field, c.key.as_str()), (Field::Override, "postgres"));
        assert!(c.other.as_deref().is_some_and(|x| x.contains("besteffort")));
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
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].field, Field::Template);
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
        /// merged session or in one of its conflicts.
        fn kept<V: PartialEq + Serialize + Debug>(
            m: &Merged,
            field: Field,
            key: &str,
            base: Option<&V>,
            side: Option<&V>,
            merged: Option<&V>,
        ) -> Result<(), TestCaseError> {
            if side == base || side == merged {
                return Ok(());
            }
            let want = side.map(text);
            prop_assert!(
                m.session
                    .conflicts
                    .iter()
                    .any(|c| c.field == field && c.key == key && c.other == want),
                "{field:?} {key}: {want:?} lost; merged {merged:?}, conflicts {:?}",
                m.session.conflicts
            );
            Ok(())
        }

        fn check(b: &Session, side: &Session, m: &Merged) -> Result<(), TestCaseError> {
            let s = &m.session;
            for k in KEYS {
                kept(
                    m,
                    Field::Answer,
                    k,
                    b.answers.get(k),
                    side.answers.get(k),
                    s.answers.get(k),
                )?;
                kept(
                    m,
                    Field::Note,
                    k,
                    b.notes.get(k),
                    side.notes.get(k),
                    s.notes.get(k),
                )?;
                let opt = |x: &Session| x.options.iter().find(|o| o.name == k).cloned();
                kept(
                    m,
                    Field::Option,
                    k,
                    opt(b).as_ref(),
                    opt(side).as_ref(),
                    opt(s).as_ref(),
                )?;
                let dec = |x: &Session| x.decisions.iter().find(|d| d.rule == k).cloned();
                kept(
                    m,
                    Field::Decision,
                    k,
                    dec(b).as_ref(),
                    dec(side).as_ref(),
                    dec(s).as_ref(),
                )?;
                let ovr = |x: &Session| {
                    entries(&x.overrides)
                        .into_iter()
                        .find(|e| e.offering() == k)
                };
                kept(
                    m,
                    Field::Override,
                    k,
                    ovr(b).as_ref(),
                    ovr(side).as_ref(),
                    ovr(s).as_ref(),
                )?;
            }
            kept(
                m,
                Field::Status,
                "",
                Some(&b.status),
                Some(&side.status),
                Some(&s.status),
            )
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
}
