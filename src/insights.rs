//! Demand insights across sessions: which boundaries customers hit most,
//! which requests we cannot serve (candidates for new products), which
//! offerings we propose most, and how deals with each flag ended. Pure: it
//! reads sessions and the scopes the engine produced for them.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::engine::{Answer, Money, Scope};
use crate::knowledge::{Knowledge, Severity};
use crate::session::{Session, Status};

/// One session and its scope under the current knowledge.
pub struct Scoped<'a> {
    pub session: &'a Session,
    pub scope: &'a Scope,
    /// Who scoped it: in a team folder, the git author who first shared
    /// the session file (the shell reads it); `None` elsewhere.
    pub author: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    pub sessions: usize,
    pub customers: usize,
    /// Files that could not be read; reported, never touched.
    pub skipped: Vec<String>,
    pub flags: Vec<FlagStat>,
    pub requests: Vec<RequestStat>,
    pub offerings: Vec<OfferingStat>,
    pub currency: String,
    /// Who scoped what, most sessions first; only where authors are known
    /// (a team folder), so it is left out of the JSON otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<AuthorStat>,
}

/// The sessions one person scoped (the git author who first shared them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuthorStat {
    pub author: String,
    pub sessions: usize,
    pub customers: usize,
    pub won: usize,
    pub lost: usize,
    /// The indicative monthly value of their sessions.
    pub monthly_value: Money,
    /// Boundaries (not information) their sessions raised most, by title.
    pub boundaries: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlagStat {
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub sessions: usize,
    pub customers: usize,
    /// The indicative monthly value of the sessions that hit it.
    pub monthly_value: Money,
    pub won: usize,
    pub lost: usize,
    /// How the flag was decided across the sessions that raise it.
    pub decisions: crate::approvals::DecisionStat,
}

/// An answer that put a session out of scope or to a partner: what
/// customers ask for that we do not sell ourselves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestStat {
    pub question: String,
    pub answer: String,
    pub sessions: usize,
    pub customers: usize,
    pub monthly_value: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfferingStat {
    pub offering: String,
    pub name: String,
    pub sessions: usize,
    pub monthly: Money,
    pub one_time: Money,
}

#[derive(Default)]
struct Tally {
    title: String,
    severity: Option<Severity>,
    sessions: usize,
    customers: BTreeSet<String>,
    value: Money,
    one_time: Money,
    won: usize,
    lost: usize,
    decisions: crate::approvals::DecisionStat,
}

impl Tally {
    fn count(&mut self, s: &Scoped<'_>) {
        self.sessions += 1;
        self.customers
            .insert(s.session.customer.name.trim().to_lowercase());
        self.value += s.scope.totals.monthly;
        match s.session.status {
            Status::Won => self.won += 1,
            Status::Lost => self.lost += 1,
            _ => {}
        }
    }

    /// Adds the tally of the sessions that came after this one's: the same
    /// as if one tally had counted them all in order.
    fn merge(&mut self, later: Tally) {
        if !later.title.is_empty() {
            self.title = later.title;
        }
        self.severity = later.severity.or(self.severity);
        self.sessions += later.sessions;
        self.customers.extend(later.customers);
        self.value += later.value;
        self.one_time += later.one_time;
        self.won += later.won;
        self.lost += later.lost;
        self.decisions.merge(later.decisions);
    }
}

fn merge_into<K: Ord>(into: &mut BTreeMap<K, Tally>, later: BTreeMap<K, Tally>) {
    for (key, tally) in later {
        into.entry(key).or_default().merge(tally);
    }
}

/// Scopes each session once with the current knowledge and counts: what
/// `nunki insights` and the insights screen show.
pub fn of_sessions(knowledge: &Knowledge, sessions: &[&Session], skipped: Vec<String>) -> Insights {
    of_sessions_by(knowledge, sessions, &[], skipped)
}

/// [`of_sessions`] with who scoped each session: `authors[i]` is the
/// author of `sessions[i]` (missing or `None`: not known).
///
/// Ten thousand sessions take most of a second on one core, so the cores
/// share them, each counting its part as it scopes it and keeping no
/// scope; the parts' counts are added in order, so the result is the same.
pub fn of_sessions_by(
    knowledge: &Knowledge,
    sessions: &[&Session],
    authors: &[Option<&str>],
    skipped: Vec<String>,
) -> Insights {
    let count = |from: usize, part: &[&Session]| {
        let mut counts = Counts::default();
        for (i, session) in part.iter().enumerate() {
            let scope = session.evaluate(knowledge).scope;
            counts.add(
                knowledge,
                &Scoped {
                    session,
                    scope: &scope,
                    author: authors.get(from + i).copied().flatten(),
                },
            );
        }
        counts
    };
    let parts = crate::cores::in_parts(sessions, 256, count);
    let mut all = Counts::default();
    for part in parts {
        all.merge(part);
    }
    all.finish(skipped)
}

/// Counts over the given sessions (the caller chooses which, e.g. by date).
pub fn insights(knowledge: &Knowledge, scoped: &[Scoped<'_>], skipped: Vec<String>) -> Insights {
    let mut counts = Counts::default();
    for s in scoped {
        counts.add(knowledge, s);
    }
    counts.finish(skipped)
}

/// What the sessions counted so far add up to.
#[derive(Default)]
struct Counts {
    sessions: usize,
    currency: Option<String>,
    customers: BTreeSet<String>,
    flags: BTreeMap<String, Tally>,
    requests: BTreeMap<(String, String), Tally>,
    offerings: BTreeMap<String, Tally>,
    /// Author → their tally, and how often each boundary came up for them.
    authors: BTreeMap<String, (Tally, BTreeMap<String, usize>)>,
}

impl Counts {
    fn add(&mut self, knowledge: &Knowledge, s: &Scoped<'_>) {
        self.sessions += 1;
        if self.currency.is_none() {
            self.currency = Some(s.scope.totals.currency.clone());
        }
        self.customers
            .insert(s.session.customer.name.trim().to_lowercase());
        if let Some(author) = s.author {
            let (t, boundaries) = self.authors.entry(author.to_string()).or_default();
            t.count(s);
            let mut seen = BTreeSet::new();
            for f in &s.scope.flags {
                if f.severity != Severity::Info && seen.insert(f.rule.as_str()) {
                    *boundaries.entry(f.title.clone()).or_default() += 1;
                }
            }
        }
        // A session counts once per flag, however many times it is raised.
        let mut seen_rules = BTreeSet::new();
        let mut seen_requests = BTreeSet::new();
        for f in &s.scope.flags {
            if seen_rules.insert(f.rule.as_str()) {
                let t = self.flags.entry(f.rule.clone()).or_default();
                t.title.clone_from(&f.title);
                t.severity = Some(f.severity);
                t.count(s);
                t.decisions.count(f, &s.session.decisions);
            }
            if matches!(f.severity, Severity::OutOfScope | Severity::NeedsPartner) {
                for key in requests_of(knowledge, f) {
                    if seen_requests.insert(key.clone()) {
                        self.requests.entry(key).or_default().count(s);
                    }
                }
            }
        }
        for i in &s.scope.items {
            let t = self.offerings.entry(i.offering.clone()).or_default();
            t.title.clone_from(&i.name);
            t.sessions += 1;
            t.value += i.monthly;
            t.one_time += i.one_time;
        }
    }

    /// Adds the counts of the sessions that came after these.
    fn merge(&mut self, later: Counts) {
        self.sessions += later.sessions;
        if self.currency.is_none() {
            self.currency = later.currency;
        }
        self.customers.extend(later.customers);
        merge_into(&mut self.flags, later.flags);
        merge_into(&mut self.requests, later.requests);
        merge_into(&mut self.offerings, later.offerings);
        for (author, (tally, boundaries)) in later.authors {
            let (t, b) = self.authors.entry(author).or_default();
            t.merge(tally);
            for (title, n) in boundaries {
                *b.entry(title).or_default() += n;
            }
        }
    }

    fn finish(self, skipped: Vec<String>) -> Insights {
        // Most sessions first; among equals the more severe, then by id, so
        // the order is stable.
        let flags = ranked(
            self.flags,
            |rule, t| FlagStat {
                rule,
                title: t.title,
                severity: t.severity.unwrap_or(Severity::Info),
                sessions: t.sessions,
                customers: t.customers.len(),
                monthly_value: t.value,
                won: t.won,
                lost: t.lost,
                decisions: t.decisions,
            },
            |a, b| (b.sessions, a.severity, &a.rule).cmp(&(a.sessions, b.severity, &b.rule)),
        );
        let requests = ranked(
            self.requests,
            |(question, answer), t| RequestStat {
                question,
                answer,
                sessions: t.sessions,
                customers: t.customers.len(),
                monthly_value: t.value,
            },
            |a, b| (b.sessions, b.monthly_value).cmp(&(a.sessions, a.monthly_value)),
        );
        let offerings = ranked(
            self.offerings,
            |offering, t| OfferingStat {
                offering,
                name: t.title,
                sessions: t.sessions,
                monthly: t.value,
                one_time: t.one_time,
            },
            |a, b| (b.sessions, &a.offering).cmp(&(a.sessions, &b.offering)),
        );
        let authors = ranked(
            self.authors,
            |author, (t, boundaries)| {
                let mut boundaries: Vec<(String, usize)> = boundaries.into_iter().collect();
                boundaries.sort_by(|a, b| (b.1, &a.0).cmp(&(a.1, &b.0)));
                AuthorStat {
                    author,
                    sessions: t.sessions,
                    customers: t.customers.len(),
                    won: t.won,
                    lost: t.lost,
                    monthly_value: t.value,
                    boundaries: boundaries.into_iter().take(3).map(|(b, _)| b).collect(),
                }
            },
            |a, b| (b.sessions, &a.author).cmp(&(a.sessions, &b.author)),
        );
        Insights {
            authors,
            sessions: self.sessions,
            customers: self.customers.len(),
            skipped,
            flags,
            requests,
            offerings,
            currency: self.currency.unwrap_or_else(|| "CHF".to_string()),
        }
    }
}

/// A stat of each tally, in the order given (a stable sort).
fn ranked<K, V, T>(
    tallies: BTreeMap<K, V>,
    stat: impl Fn(K, V) -> T,
    order: impl FnMut(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut stats: Vec<T> = tallies.into_iter().map(|(k, v)| stat(k, v)).collect();
    stats.sort_by(order);
    stats
}

/// What the customer asked for that raised a flag: the answers its rule
/// needs to hold (not the context under a `Not`), and of a choice only the
/// options that count — "compliance = HIPAA", not every regime answered.
fn requests_of(knowledge: &Knowledge, flag: &crate::engine::Flag) -> Vec<(String, String)> {
    let Some(rule) = knowledge.rule(&flag.rule) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (question, options) in rule.when.positive_leaves() {
        if rule.context.iter().any(|c| c == question) {
            continue;
        }
        let Some(given) = flag.answers.iter().find(|a| a.question == question) else {
            continue;
        };
        let q = knowledge.question(question);
        let shown = if options.is_empty() {
            given.display.clone()
        } else {
            let chosen: Vec<&String> = match &given.answer {
                Answer::Text(t) => options.iter().filter(|o| *o == t).collect(),
                Answer::List(l) => options.iter().filter(|o| l.contains(o)).collect(),
                _ => Vec::new(),
            };
            if chosen.is_empty() {
                continue;
            }
            chosen
                .iter()
                .map(|o| {
                    q.and_then(|q| q.option(o))
                        .map_or(o.as_str(), |c| c.label.as_str())
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push((question.to_string(), shown));
    }
    out
}
