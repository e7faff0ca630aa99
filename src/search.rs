//! Fuzzy search over the questions, offerings and rules of the knowledge,
//! or over a plain list of names.
//!
//! Pure: an [`Index`] is built once (from a [`Knowledge`] or from names) and
//! keeps every entry's text the way the matcher reads it, so a query
//! allocates nothing per entry. [`search`] scores with nucleo-matcher, which
//! ranks like fzf and reads fzf's query syntax: words separated by spaces
//! must all match, in any order; `'word` is exact, `^word` a prefix,
//! `word$` a suffix, `!word` must not occur. Every entry is scored, only
//! the best `limit` are kept (a bounded heap) and only they get match
//! positions for highlighting. The interactive search box and
//! `nunki catalog search` both use it; [`Fuzzy`] is the same matcher for
//! the screens' short lists (the session filter, the Tech Radar
//! completion), so every fuzzy list ranks alike.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::OnceLock;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

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
    /// What the hit leads to; empty for plain names.
    pub id: String,
    /// What a person reads: a prompt, an offering name, a rule description.
    pub label: String,
    /// Where it sits: section, family and provider, rule id.
    pub detail: String,
    /// The label's chars when it is not ASCII; an ASCII label is matched
    /// as its bytes, without a copy.
    label_chars: Option<Box<[char]>>,
    /// What else finds the entry; `None` for plain names, so a long list
    /// costs one allocation per name.
    more: Option<Box<More>>,
}

/// Text that finds an entry without being shown, as the matcher reads it.
#[derive(Debug, Clone, PartialEq)]
struct More {
    /// The label followed by more words (option labels, plan names, the
    /// description); `None` when there are none.
    extra: Option<Utf32String>,
    /// The id, where it is not the label.
    id: Option<Utf32String>,
}

impl Entry {
    fn new(kind: HitKind, id: String, label: String, detail: String, extra: &str) -> Entry {
        let more = More {
            extra: (!extra.is_empty()).then(|| Utf32String::from(format!("{label} {extra}"))),
            id: (!id.is_empty() && id != label).then(|| Utf32String::from(id.as_str())),
        };
        let more = (more.extra.is_some() || more.id.is_some()).then(|| Box::new(more));
        Entry {
            kind,
            id,
            label_chars: chars_unless_ascii(&label),
            label,
            detail,
            more,
        }
    }

    fn label_hay(&self) -> Utf32Str<'_> {
        match &self.label_chars {
            Some(chars) => Utf32Str::Unicode(chars),
            None => Utf32Str::Ascii(self.label.as_bytes()),
        }
    }
}

fn chars_unless_ascii(s: &str) -> Option<Box<[char]>> {
    (!s.is_ascii()).then(|| s.chars().collect())
}

/// How hits with equal scores are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Ties {
    /// The index order: for the knowledge, the order a person meets
    /// things in the interview.
    #[default]
    IndexOrder,
    /// The shorter name first (the tighter match), then the list order,
    /// as fzf does.
    ShorterFirst,
}

/// Every searchable entry, in questionnaire, catalog and rule order (or in
/// the order of the names given).
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub entries: Vec<Entry>,
    ties: Ties,
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
                entries.push(Entry::new(
                    HitKind::Question,
                    q.id.clone(),
                    q.prompt.to_string(),
                    format!("{} · {}", section.title, q.kind.name()),
                    &options.join(" "),
                ));
            }
        }
        for o in &knowledge.catalog.offerings {
            let plans: Vec<&str> = o.plans.iter().map(|p| p.name.as_str()).collect();
            entries.push(Entry::new(
                HitKind::Offering,
                o.id.clone(),
                o.name.to_string(),
                format!("{} · {}", o.family.label(), o.provider),
                &format!("{} {}", plans.join(" "), o.description),
            ));
        }
        for r in &knowledge.rules {
            entries.push(Entry::new(
                HitKind::Rule,
                r.id.clone(),
                r.description.clone(),
                r.id.clone(),
                "",
            ));
        }
        Index {
            entries,
            ties: Ties::IndexOrder,
        }
    }

    /// An index of plain names (`nunki catalog search --names FILE`): each
    /// is an offering labelled with the name, without an id. Equal scores put the
    /// shorter name first, as fzf does, so the two can be compared.
    pub fn from_names<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Index {
        let entries = names
            .into_iter()
            .map(|name| {
                let label: String = name.into();
                Entry {
                    kind: HitKind::Offering,
                    id: String::new(),
                    label_chars: chars_unless_ascii(&label),
                    label,
                    detail: String::new(),
                    more: None,
                }
            })
            .collect();
        Index {
            entries,
            ties: Ties::ShorterFirst,
        }
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
    if query.is_empty() || limit == 0 {
        return index
            .entries
            .iter()
            .take(limit)
            .map(|e| hit(e, 0, Vec::new()))
            .collect();
    }
    let pattern = pattern(query);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let entries = &index.entries;
    let two_threads = entries.len() >= SPLIT_FROM && several_cores();
    let mut ranked = if two_threads {
        let (front, back) = entries.split_at(entries.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| {
                let mut matcher = Matcher::new(Config::DEFAULT);
                best(front, 0, &pattern, index.ties, limit, &mut matcher)
            });
            let mut mine = best(back, front.len(), &pattern, index.ties, limit, &mut matcher);
            match other.join() {
                Ok(mut theirs) => {
                    theirs.append(&mut mine);
                    theirs
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    } else {
        best(entries, 0, &pattern, index.ties, limit, &mut matcher)
    };
    ranked.sort_unstable();
    ranked.truncate(limit);
    let mut buf = Vec::new();
    ranked
        .into_iter()
        .map(|r| {
            let e = &index.entries[r.n];
            let shown = positions(e, r.found, &pattern, &mut matcher, &mut buf);
            hit(e, r.score.0, shown)
        })
        .collect()
}

/// The query as nucleo reads it. An upper-case letter makes its word
/// case-sensitive, except in anchored words (`^word`, `word$`):
/// nucleo-matcher 0.3.1 compares those with the whole text when
/// case-sensitive, so they would never match (fixed upstream in
/// helix-editor/nucleo#71, not yet released); they ignore case instead.
fn pattern(query: &str) -> Pattern {
    let mut pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    for atom in &mut pattern.atoms {
        if matches!(atom.kind, AtomKind::Prefix | AtomKind::Postfix) {
            let needle: String = atom.needle_text().chars().collect();
            if needle.chars().any(char::is_uppercase) {
                let negative = atom.negative;
                *atom = Atom::new(
                    &needle,
                    CaseMatching::Ignore,
                    Normalization::Smart,
                    atom.kind,
                    false,
                );
                atom.negative = negative;
            }
        }
    }
    pattern
}

/// From this many entries on, a query is split across two threads: half
/// the time on 100 000 names, while starting a thread (some 20 µs) would
/// dominate a knowledge of a few hundred entries.
const SPLIT_FROM: usize = 20_000;

/// Asked once: on Linux the answer reads the cgroup's CPU quota.
fn several_cores() -> bool {
    static SEVERAL: OnceLock<bool> = OnceLock::new();
    *SEVERAL.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// Where an entry matched, most visible first: on equal scores a match a
/// person can see in the label wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    Label,
    Extra,
    Id,
}

/// A scored entry; smaller is better, so a max-heap of them has the worst
/// kept entry on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ranked {
    score: Reverse<i64>,
    found: Found,
    /// Chars of the label for [`Ties::ShorterFirst`], else 0.
    len: usize,
    n: usize,
}

/// The best `limit` of `entries` (numbered from `first`), unordered.
fn best(
    entries: &[Entry],
    first: usize,
    pattern: &Pattern,
    ties: Ties,
    limit: usize,
    matcher: &mut Matcher,
) -> Vec<Ranked> {
    let mut heap = BinaryHeap::with_capacity(limit.min(entries.len()));
    for (n, e) in entries.iter().enumerate() {
        let Some((score, found)) = score_entry(e, pattern, matcher) else {
            continue;
        };
        let ranked = Ranked {
            score: Reverse(score),
            found,
            len: match ties {
                Ties::IndexOrder => 0,
                Ties::ShorterFirst => e.label_hay().len(),
            },
            n: first + n,
        };
        if heap.len() < limit {
            heap.push(ranked);
        } else if let Some(mut worst) = heap.peek_mut()
            && ranked < *worst
        {
            // Replacing the top through `PeekMut` sifts it down on drop.
            *worst = ranked;
        }
    }
    heap.into_vec()
}

/// Scores the label, the label with its extra words and the id; the best
/// of them counts, the most visible on equal scores.
fn score_entry(e: &Entry, pattern: &Pattern, matcher: &mut Matcher) -> Option<(i64, Found)> {
    let mut best = pattern
        .score(e.label_hay(), matcher)
        .map(|s| (s, Found::Label));
    if let Some(more) = &e.more {
        for (hay, found) in [(&more.extra, Found::Extra), (&more.id, Found::Id)] {
            if let Some(hay) = hay
                && let Some(s) = pattern.score(hay.slice(..), matcher)
                && best.is_none_or(|(b, _)| s > b)
            {
                best = Some((s, found));
            }
        }
    }
    best.map(|(s, found)| (i64::from(s) + kind_bonus(e.kind), found))
}

/// Questions and offerings are what people look for; a rule whose text
/// matches as well comes after them. The bonus is about one gap in the
/// match (or half a matched character), so a clearly better rule still
/// wins.
fn kind_bonus(kind: HitKind) -> i64 {
    match kind {
        HitKind::Question | HitKind::Offering => 8,
        HitKind::Rule => 0,
    }
}

/// The matched chars of the label. A match in the extra words or the id
/// marks nothing: only the label is shown.
fn positions(
    e: &Entry,
    found: Found,
    pattern: &Pattern,
    matcher: &mut Matcher,
    buf: &mut Vec<u32>,
) -> Vec<usize> {
    let hay = match (found, e.more.as_deref()) {
        (Found::Label, _) => e.label_hay(),
        (
            Found::Extra,
            Some(More {
                extra: Some(extra), ..
            }),
        ) => extra.slice(..),
        _ => return Vec::new(),
    };
    buf.clear();
    pattern.indices(hay, matcher, buf);
    // Each word of the query adds its own positions.
    buf.sort_unstable();
    buf.dedup();
    let shown = e.label_hay().len();
    buf.iter()
        .map(|&i| i as usize)
        .filter(|&i| i < shown)
        .collect()
}

/// Whether a fuzzy text minds case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// An upper-case letter in the text makes it mind case (fzf's way).
    Smart,
    Ignore,
}

/// One typed text matched against a few short texts in turn: the session
/// filter and the Tech Radar completion. Each word of the text must
/// match, in any order; the text is taken literally (no fzf syntax), as a
/// name is typed.
pub struct Fuzzy {
    pattern: Pattern,
    matcher: Matcher,
    chars: Vec<char>,
    indices: Vec<u32>,
}

impl Fuzzy {
    pub fn new(text: &str, case: Case) -> Fuzzy {
        let case = match case {
            Case::Smart => CaseMatching::Smart,
            Case::Ignore => CaseMatching::Ignore,
        };
        Fuzzy {
            pattern: Pattern::new(text, case, Normalization::Smart, AtomKind::Fuzzy),
            matcher: Matcher::new(Config::DEFAULT),
            chars: Vec::new(),
            indices: Vec::new(),
        }
    }

    /// The score of `hay`, higher is better; `None` when it does not match.
    pub fn score(&mut self, hay: &str) -> Option<i64> {
        let hay = Utf32Str::new(hay, &mut self.chars);
        self.pattern.score(hay, &mut self.matcher).map(i64::from)
    }

    /// The score and the matched char positions of `hay`, in order.
    pub fn indices(&mut self, hay: &str) -> Option<(i64, Vec<usize>)> {
        let hay = Utf32Str::new(hay, &mut self.chars);
        self.indices.clear();
        let score = self
            .pattern
            .indices(hay, &mut self.matcher, &mut self.indices)?;
        self.indices.sort_unstable();
        self.indices.dedup();
        Some((
            i64::from(score),
            self.indices.iter().map(|&i| i as usize).collect(),
        ))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn e(kind: HitKind, id: &str, label: &str, extra: &str) -> Entry {
        Entry::new(kind, id.into(), label.into(), String::new(), extra)
    }

    fn index() -> Index {
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
            ties: Ties::IndexOrder,
        }
    }

    fn ids(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.id.as_str()).collect()
    }

    fn marked(hit: &Hit) -> String {
        let label: Vec<char> = hit.label.chars().collect();
        hit.indices.iter().map(|&i| label[i]).collect()
    }

    #[test]
    fn empty_query_lists_in_order() {
        let hits = search(&index(), "  ", 3);
        assert_eq!(
            ids(&hits),
            ["availability_target", "databases", "appcat_postgresql"]
        );
    }

    #[test]
    fn ranks_and_highlights_within_the_label() {
        let hits = search(&index(), "postgres", 10);
        assert_eq!(hits[0].id, "appcat_postgresql");
        assert_eq!(marked(&hits[0]).to_lowercase(), "postgres");
        // Found through its option labels, but nothing of them is marked.
        let db = hits
            .iter()
            .find(|h| h.id == "databases")
            .expect("databases found by option");
        assert!(db.indices.iter().all(|&i| i < db.label.chars().count()));
    }

    #[test]
    fn offerings_come_before_rules_that_match_as_well() {
        let mut idx = index();
        idx.entries.push(e(
            HitKind::Rule,
            "postgres_small",
            "postgresql, small: one instance",
            "",
        ));
        let hits = search(&idx, "postgres", 10);
        assert_eq!(hits[0].id, "appcat_postgresql");
        assert_eq!(hits[1].kind, HitKind::Question);
    }

    #[test]
    fn finds_by_id_and_respects_the_limit() {
        let hits = search(&index(), "finma_add", 10);
        assert_eq!(hits[0].id, "finma_addendum");
        assert!(hits[0].indices.is_empty(), "the id is not shown");
        assert_eq!(search(&index(), "a", 2).len(), 2);
        assert!(search(&index(), "a", 0).is_empty());
        assert!(search(&index(), "zzzzqqq", 10).is_empty());
    }

    #[test]
    fn the_limit_keeps_the_best_not_the_first() {
        let all = search(&index(), "a", 10);
        assert!(all.len() > 2);
        assert_eq!(search(&index(), "a", 2), all[..2]);
        assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn words_match_in_any_order_and_fzf_syntax_works() {
        let idx = index();
        assert_eq!(ids(&search(&idx, "contract finma", 10)), ["finma_addendum"]);
        let exact = search(&idx, "'vshn", 10);
        assert_eq!(ids(&exact), ["appcat_postgresql"]);
        let not = search(&idx, "which !databases", 10);
        assert_eq!(ids(&not), ["availability_target"]);
        let prefix = search(&idx, "^FINMA", 10);
        assert_eq!(ids(&prefix), ["finma_addendum"]);
        assert_eq!(ids(&search(&idx, "addendum$", 10)), ["finma_addendum"]);
        // Upper case makes a word case-sensitive (but for anchored words,
        // see `pattern`).
        assert!(search(&idx, "FINma", 10).is_empty());
        assert_eq!(ids(&search(&idx, "^finMA", 10)), ["finma_addendum"]);
        assert!(search(&idx, "!^FINMA addendum", 10).is_empty());
        for odd in ["!", "^", "$", "'", "\\", "!^$", "' ! ^", "\u{0}", "é$"] {
            let _ = search(&idx, odd, 10);
        }
    }

    #[test]
    fn names_break_ties_by_length_like_fzf() {
        let idx = Index::from_names([
            "Exoscale PostgreSQL Business ch-gva-2",
            "Zürich PostgreSQL",
            "Aiven PostgreSQL HA",
            "Redis",
        ]);
        let hits = search(&idx, "postgres", 10);
        assert_eq!(
            hits.iter().map(|h| h.label.as_str()).collect::<Vec<_>>(),
            [
                "Zürich PostgreSQL",
                "Aiven PostgreSQL HA",
                "Exoscale PostgreSQL Business ch-gva-2",
            ]
        );
        // Positions are chars, past the ü; accents need not be typed.
        assert_eq!(marked(&hits[0]), "PostgreS");
        let zurich = search(&idx, "zurich", 10);
        assert_eq!(marked(&zurich[0]), "Zürich");
        assert_eq!(zurich[0].id, "");
    }

    #[test]
    fn a_long_list_split_across_threads_ranks_as_one() {
        let mut names: Vec<String> = (0..2 * SPLIT_FROM).map(|i| format!("filler {i}")).collect();
        names[5] = "Redis target B".into();
        names[SPLIT_FROM + 5] = "Redis target A".into();
        names[SPLIT_FROM + 9] = "Redis target".into();
        names[7] = "a much longer Redis target".into();
        let idx = Index::from_names(names);
        let labels = |hits: Vec<Hit>| hits.into_iter().map(|h| h.label).collect::<Vec<_>>();
        assert_eq!(
            labels(search(&idx, "redis target", 3)),
            ["Redis target", "Redis target B", "Redis target A"],
            "shorter first; equal length in list order, across the halves"
        );
        assert_eq!(search(&idx, "redis target", 0).len(), 0);
        assert_eq!(search(&idx, "filler", 10).len(), 10);
        assert_eq!(search(&idx, "target", usize::MAX).len(), 4);
    }

    proptest::proptest! {
        #[test]
        fn no_query_panics(query in "\\PC{0,12}", names in proptest::collection::vec("\\PC{0,20}", 0..8)) {
            let idx = Index::from_names(names);
            for hit in search(&idx, &query, 5) {
                let chars = hit.label.chars().count();
                proptest::prop_assert!(hit.indices.iter().all(|&i| i < chars));
            }
        }

        #[test]
        // A small alphabet, so that words match and anchors meet cases.
        fn small_alphabet_queries_do_not_panic(query in "[ aAbB!^$'\\\\]{0,8}", names in proptest::collection::vec("[ aAbBé]{0,12}", 0..8)) {
            let _ = search(&Index::from_names(names), &query, 5);
        }
    }
}
