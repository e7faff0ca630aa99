//! The team's knowledge: `catalog/` in the team folder replaces the shipped
//! knowledge file by file for everyone who syncs (order: embedded, team,
//! user config, `--catalog`).
//!
//! What nunki reads is not `catalog/` itself but a copy of the last version
//! that validated (`<data>/.team/catalog/`, never committed). A sync
//! validates `catalog/` against the shipped knowledge and copies it only
//! when it is valid; a broken change is reported and the previous team
//! knowledge stays in use, so one bad push cannot stop anyone's scoping.

use std::fs;
use std::io;
use std::path::Path;

use crate::knowledge::{FILE_NAMES, Knowledge, KnowledgeTexts};
use crate::sources::{Places, overlay};

/// What a sync did with the team's knowledge.
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    /// The team folder has no knowledge files.
    None,
    /// The team knowledge in use is already this one.
    Unchanged,
    /// This version is now in use: the files it has.
    Applied(Vec<String>),
    /// The team folder's knowledge does not validate: why; the previous
    /// team knowledge (if any) stays in use.
    Refused(String),
    /// The team removed its knowledge files: the shipped knowledge is back.
    Removed,
}

/// Validates `<data>/catalog/` and, when valid and changed, puts it in use.
pub fn apply(places: &Places) -> io::Result<Applied> {
    let source = places.data_dir.join("catalog");
    let in_use = places.team_catalog_dir();
    let files: Vec<&str> = FILE_NAMES
        .iter()
        .copied()
        .filter(|n| source.join(n).is_file())
        .collect();
    if files.is_empty() {
        if in_use.exists() {
            fs::remove_dir_all(&in_use)?;
            return Ok(Applied::Removed);
        }
        return Ok(Applied::None);
    }
    if let Some(why) = invalid(places) {
        return Ok(Applied::Refused(why));
    }
    if same_files(&source, &in_use)? {
        return Ok(Applied::Unchanged);
    }
    // Build the new copy beside the old one, then swap, so a failure
    // half-way leaves the previous knowledge in use.
    let parent = in_use
        .parent()
        .ok_or_else(|| io::Error::other("the team knowledge directory has no parent"))?;
    fs::create_dir_all(parent)?;
    let staging = parent.join("catalog.new");
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    for name in &files {
        fs::copy(source.join(name), staging.join(name))?;
    }
    if in_use.exists() {
        fs::remove_dir_all(&in_use)?;
    }
    fs::rename(&staging, &in_use)?;
    Ok(Applied::Applied(
        files.iter().map(|n| format!("catalog/{n}")).collect(),
    ))
}

/// Why `<data>/catalog/` does not validate on top of the shipped
/// knowledge; `None` when it does, or has no knowledge files.
pub fn invalid(places: &Places) -> Option<String> {
    let source = places.data_dir.join("catalog");
    if !FILE_NAMES.iter().any(|n| source.join(n).is_file()) {
        return None;
    }
    let mut texts = KnowledgeTexts::embedded();
    if let Err(e) = overlay(&mut texts, &source, &mut Vec::new()) {
        return Some(e.to_string());
    }
    Knowledge::from_texts(&texts).err().map(|d| d.to_string())
}

/// Whether `<data>/catalog/` differs from the team knowledge in use (so a
/// sync may change what every session is scoped with).
pub fn pending(places: &Places) -> bool {
    !same_files(&places.data_dir.join("catalog"), &places.team_catalog_dir()).unwrap_or(false)
}

/// The knowledge as this laptop sees it now (all layers but `--catalog`);
/// `None` when it does not load.
pub fn current(places: &Places) -> Option<Knowledge> {
    let (texts, _) = crate::sources::knowledge_texts(places, None).ok()?;
    Knowledge::from_texts(&texts).ok()
}

/// What a knowledge change did to each open session (draft or proposed):
/// the customer and each change in words.
pub fn drift(places: &Places, before: &Knowledge, after: &Knowledge) -> Vec<(String, Vec<String>)> {
    use crate::session::{ScopeSummary, Status, Store, changes};
    let Ok(listings) = Store::new(places).list() else {
        return Vec::new();
    };
    listings
        .sessions
        .iter()
        .map(|l| &l.session)
        .filter(|s| matches!(s.status, Status::Draft | Status::Proposed))
        .filter_map(|s| {
            let b = ScopeSummary::of(&s.evaluate(before).scope);
            let a = ScopeSummary::of(&s.evaluate(after).scope);
            let changed: Vec<String> = changes::compare(&b, &a)
                .iter()
                .map(|c| c.describe(after))
                .collect();
            (!changed.is_empty()).then(|| (s.customer.name.clone(), changed))
        })
        .collect()
}

/// Whether both directories hold the same knowledge files.
fn same_files(a: &Path, b: &Path) -> io::Result<bool> {
    for name in FILE_NAMES {
        let (x, y) = (a.join(name), b.join(name));
        match (x.is_file(), y.is_file()) {
            (false, false) => {}
            (true, true) => {
                if fs::read(&x)? != fs::read(&y)? {
                    return Ok(false);
                }
            }
            _ => return Ok(false),
        }
    }
    Ok(true)
}
