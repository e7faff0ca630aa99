//! Fuzzy search over the questions, offerings and rules of the knowledge.
//!
//! Pure: an [`Index`] is built once from a [`Knowledge`], and [`search`]
//! ranks its entries against a query with fuzzy-matcher's Skim algorithm.
//! The interactive screen's search box uses it, and a headless
//! `nunki catalog search` can use it unchanged.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::knowledge::Knowledge;

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HitKind {
    Question,
    Offering,
    Rule,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Question => "question",
            HitKind::Offering => "offering",
            HitKind::Rule => "rule",
        }
    }
}

/// One searchable thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: HitKind,
    pub id: String,
    /// What a person reads: a prompt, an offering name, a rule description.
    pub label: String,
    /// Where it sits: section, family and provider, rule id.
    pub detail: String,
    /// More words that should find the entry (option labels, plan names,
    /// the description) without being shown or highlighted.
    extra: String,
}

/// Every searchable entry of one knowledge, in questionnaire, catalog and
/// rule order.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
}

/// A ranked match. `indices` are the positions (in chars) of the matched
/// characters within `label`, for highlighting.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: String,
    pub label: String,
    pub detail: String,
    pub score: i64,
    pub indices: Vec<usize>,
}

impl Index {
    pub fn new(knowledge: &Knowledge) -> Index {
        let mut entries = Vec::new();
        for section in &knowledge.questionnaire.sections {
            for q in &section.questions {
                let options: Vec<&str> = q.options().iter().map(|o| o.label.as_str()).collect();
                entries.push(Entry {
                    kind: HitKind::Question,
                    id: q.id.clone(),
                    label: q.prompt.clone(),
                    detail: format!("{} · {}", section.title, q.kind.name()),
                    extra: options.join(" "),
                });
            }
        }
        for o in &knowledge.catalog.offerings {
            let plans: Vec<&str> = o.plans.iter().map(|p| p.name.as_str()).collect();
            entries.push(Entry {
                kind: HitKind::Offering,
                id: o.id.clone(),
                label: o.name.clone(),
                detail: format!("{} · {}", o.family.label(), o.provider),
                extra: format!("{} {}", plans.join(" "), o.description),
            });
        }
        for r in &knowledge.rules {
            entries.push(Entry {
                kind: HitKind::Rule,
                id: r.id.clone(),
                label: r.description.clone(),
                detail: r.id.clone(),
                extra: String::new(),
            });
        }
        Index { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The best `limit` entries for `query`, best first. An empty query lists
/// the entries in index order, so a search box shows something to pick
/// from before the first keystroke.
pub fn search(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let query = query.trim();
    if query.is_empty() {
        return index
            .entries
            .iter()
            .take(limit)
            .map(|e| hit(e, 0, Vec::new()))
            .collect();
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let mut hits: Vec<(usize, Hit)> = index
        .entries
        .iter()
        .enumerate()
        .filter_map(|(n, e)| score_entry(&matcher, e, query).map(|(s, i)| (n, hit(e, s, i))))
        .collect();
    // Best score first; ties keep the index order, which is the order a
    // person meets things in the interview.
    hits.sort_by(|(na, a), (nb, b)| b.score.cmp(&a.score).then(na.cmp(nb)));
    hits.into_iter().take(limit).map(|(_, h)| h).collect()
}

fn hit(e: &Entry, score: i64, indices: Vec<usize>) -> Hit {
    Hit {
        kind: e.kind,
        id: e.id.clone(),
        label: e.label.clone(),
        detail: e.detail.clone(),
        score,
        indices,
    }
}

/// Scores the label (with its extra words) and the id; a match in the
/// label is what a person sees, so it is preferred on equal scores.
fn score_entry(matcher: &SkimMatcherV2, e: &Entry, query: &str) -> Option<(i64, Vec<usize>)> {
    let label_len = e.label.chars().count();
    let haystack = if e.extra.is_empty() {
        e.label.clone()
    } else {
        format!("{} {}", e.label, e.extra)
    };
    let in_label = matcher.fuzzy_indices(&haystack, query).map(|(s, idx)| {
        // Only characters of the label are shown, so only they are marked.
        let shown: Vec<usize> = idx.into_iter().filter(|&i| i < label_len).collect();
        (s, shown)
    });
    let in_id = matcher.fuzzy_match(&e.id, query);
    match (in_label, in_id) {
        (Some((s, idx)), Some(i)) if i > s => Some((i, idx)),
        (Some(l), _) => Some(l),
        (None, Some(i)) => Some((i, Vec::new())),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        let e = |kind, id: &str, label: &str, extra: &str| Entry {
            kind,
            id: id.into(),
            label: label.into(),
            detail: String::new(),
            extra: extra.into(),
        };
        Index {
            entries: vec![
                e(
                    HitKind::Question,
                    "availability_target",
                    "Which availability does the application need?",
                    "",
                ),
                e(
                    HitKind::Question,
                    "databases",
                    "Which databases does the application use?",
                    "PostgreSQL MariaDB Redis",
                ),
                e(
                    HitKind::Offering,
                    "appcat_postgresql",
                    "PostgreSQL by VSHN",
                    "Standard Premium",
                ),
                e(
                    HitKind::Rule,
                    "finma_addendum",
                    "FINMA outsourcing needs a contract addendum",
                    "",
                ),
            ],
        }
    }

    #[test]
    fn empty_query_lists_in_order() {
        let hits = search(&index(), "  ", 3);
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            ["availability_target", "databases", "appcat_postgresql"]
        );
    }

    #[test]
    fn ranks_and_highlights_within_the_label() {
        let hits = search(&index(), "postgres", 10);
        assert_eq!(hits[0].id, "appcat_postgresql");
        let label: Vec<char> = hits[0].label.chars().collect();
        let marked: String = hits[0].indices.iter().map(|&i| label[i]).collect();
        assert_eq!(marked.to_lowercase(), "postgres");
        // Found through its option labels, but nothing of them is marked.
        let db = hits
            .iter()
            .find(|h| h.id == "databases")
            .expect("databases found by option");
        assert!(db.indices.iter().all(|&i| i < db.label.chars().count()));
    }

    #[test]
    fn finds_by_id_and_respects_the_limit() {
        let hits = search(&index(), "finma_add", 10);
        assert_eq!(hits[0].id, "finma_addendum");
        assert_eq!(search(&index(), "a", 2).len(), 2);
        assert!(search(&index(), "zzzzqqq", 10).is_empty());
    }
}
