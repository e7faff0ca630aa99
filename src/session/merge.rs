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

use super::conflict::{Conflict, Field};
use super::model::Session;
use crate::engine::{ManualAdd, ManualRemove, Overrides};

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
    let sides = (base, o, t);
    let status = cx
        .whole(Field::Status, sides, |s| &s.status)
        .unwrap_or(winner.status);
    let customer = cx
        .whole(Field::Customer, sides, |s| &s.customer)
        .unwrap_or_else(|| winner.customer.clone());
    let template = cx.whole(Field::Template, sides, |s| &s.template).flatten();
    let options = cx.list(Field::Option, sides, |s| &s.options, |x| x.name.clone());
    let decisions = cx.list(Field::Decision, sides, |s| &s.decisions, |d| d.rule.clone());
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
        // The language of the side saved last, like its knowledge version.
        lang: winner.lang,
        // Set when the session was made, the same on both sides.
        engineer: o.engineer.clone().or_else(|| t.engineer.clone()),
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

    /// A field of the session as a whole (its status, its customer …),
    /// read from the base, ours and theirs.
    fn whole<V: PartialEq + Clone + Serialize + Debug>(
        &mut self,
        field: Field,
        (base, ours, theirs): (Option<&Session>, &Session, &Session),
        get: impl Fn(&Session) -> &V,
    ) -> Option<V> {
        self.value(
            field,
            "",
            base.map(&get),
            Some(get(ours)),
            Some(get(theirs)),
        )
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
    /// A list of the session, merged by `key`, read from the base, ours
    /// and theirs.
    fn list<V: PartialEq + Clone + Serialize + Debug>(
        &mut self,
        field: Field,
        (base, ours, theirs): (Option<&Session>, &Session, &Session),
        get: impl Fn(&Session) -> &[V],
        key: impl Fn(&V) -> String,
    ) -> Vec<V> {
        self.keyed(field, base.map(&get), get(ours), get(theirs), key)
    }

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
/// Resolves the session's conflicts that `chosen` picks: keeps the merged
/// values, or first takes the other ones, then forgets the conflicts.
/// Returns how many were resolved. What `nunki team resolve` and the
/// screen's conflict box both do.
pub fn resolve(
    session: &mut Session,
    chosen: impl Fn(&Conflict) -> bool,
    other: bool,
) -> Result<usize, String> {
    let picked: Vec<Conflict> = session
        .conflicts
        .iter()
        .filter(|c| chosen(c))
        .cloned()
        .collect();
    if other {
        for c in &picked {
            take_other(session, c)?;
        }
    }
    session.conflicts.retain(|c| !chosen(c));
    Ok(picked.len())
}

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
#[path = "merge_tests.rs"]
mod tests;
