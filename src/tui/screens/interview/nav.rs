//! Where the interview goes: the section list with its progress, the
//! first, next and next open question.

use super::*;

/// A row of the section list.
#[derive(Debug, Clone, PartialEq)]
pub enum NavRow {
    Section {
        index: usize,
        answered: usize,
        visible: usize,
        worst: Option<Severity>,
    },
    Question {
        id: String,
        answered: bool,
        worst: Option<Severity>,
    },
}

/// The scope's question lists as sets, built once per call: looking each
/// question up in the lists made the section list quadratic (a fifth of a
/// keystroke with 300 questions).
pub(super) struct Progress<'a> {
    visible: HashSet<&'a str>,
    open: HashSet<&'a str>,
    /// The worst flag that names each question.
    worst: HashMap<&'a str, Severity>,
}

impl<'a> Progress<'a> {
    pub(super) fn of(scope: &'a Scope) -> Progress<'a> {
        let mut worst: HashMap<&str, Severity> = HashMap::new();
        for f in &scope.flags {
            for q in &f.questions {
                let w = worst.entry(q.as_str()).or_insert(f.severity);
                *w = (*w).min(f.severity);
            }
        }
        Progress {
            visible: scope.visible_questions.iter().map(String::as_str).collect(),
            open: scope.open_questions.iter().map(String::as_str).collect(),
            worst,
        }
    }

    pub(super) fn visible(&self, q: &str) -> bool {
        self.visible.contains(q)
    }

    pub(super) fn answered(&self, q: &str) -> bool {
        self.visible.contains(q) && !self.open.contains(q)
    }

    /// The worst flag that names any of `questions`.
    pub(super) fn worst_of(&self, questions: &[&str]) -> Option<Severity> {
        questions
            .iter()
            .filter_map(|q| self.worst.get(q).copied())
            .min()
    }
}

pub(super) fn section_index(ctx: &Ctx<'_>, q: &str) -> Option<usize> {
    ctx.knowledge
        .questionnaire
        .sections
        .iter()
        .position(|s| s.questions.iter().any(|x| x.id == q))
}

/// The section list: every section with its progress, and the questions
/// of the current one.
pub fn nav_rows(ctx: &Ctx<'_>, current: &str) -> Vec<NavRow> {
    let progress = Progress::of(ctx.scope);
    rows_by(
        ctx,
        current,
        |q| progress.visible(q),
        |q| progress.answered(q),
        |qs| progress.worst_of(qs),
    )
}

/// The section list, with what is visible, what is answered and the worst
/// flag of some questions told by the three lookups.
fn rows_by(
    ctx: &Ctx<'_>,
    current: &str,
    visible: impl Fn(&str) -> bool,
    answered: impl Fn(&str) -> bool,
    worst: impl Fn(&[&str]) -> Option<Severity>,
) -> Vec<NavRow> {
    let expanded = section_index(ctx, current);
    let mut rows = Vec::new();
    for (index, section) in ctx.knowledge.questionnaire.sections.iter().enumerate() {
        let shown: Vec<&str> = section
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .filter(|q| visible(q))
            .collect();
        rows.push(NavRow::Section {
            index,
            answered: shown.iter().filter(|q| answered(q)).count(),
            visible: shown.len(),
            worst: worst(&shown),
        });
        if expanded == Some(index) {
            for q in shown {
                rows.push(NavRow::Question {
                    id: q.to_string(),
                    answered: answered(q),
                    worst: worst(&[q]),
                });
            }
        }
    }
    rows
}

/// Where an interview starts: the first question that applies and is not
/// answered yet, or the first one.
pub fn first_question(ctx: &Ctx<'_>) -> Option<String> {
    let visible = &ctx.scope.visible_questions;
    let progress = Progress::of(ctx.scope);
    visible
        .iter()
        .find(|q| !progress.answered(q))
        .or_else(|| visible.first())
        .cloned()
}

/// The visible question `step` places from `current` in questionnaire
/// order. A hidden `current` counts from where it would be.
pub fn next_visible(ctx: &Ctx<'_>, current: &str, step: isize) -> Option<String> {
    let all: Vec<&str> = ctx
        .knowledge
        .questionnaire
        .questions()
        .map(|q| q.id.as_str())
        .collect();
    let pos = all.iter().position(|q| *q == current)?;
    let progress = Progress::of(ctx.scope);
    let visible = |q: &&&str| progress.visible(q);
    if step > 0 {
        all[pos + 1..].iter().find(visible).map(|q| q.to_string())
    } else {
        all[..pos].iter().rev().find(visible).map(|q| q.to_string())
    }
}

/// The next unanswered question after `current`, wrapping around.
pub fn next_open(ctx: &Ctx<'_>, current: &str) -> Option<String> {
    let visible = &ctx.scope.visible_questions;
    let start = visible
        .iter()
        .position(|q| q == current)
        .map_or(0, |p| p + 1);
    let n = visible.len();
    let progress = Progress::of(ctx.scope);
    (0..n)
        .map(|k| &visible[(start + k) % n.max(1)])
        .find(|q| q.as_str() != current && !progress.answered(q))
        .cloned()
}

pub(super) fn progress(ctx: &Ctx<'_>) -> (usize, usize) {
    let visible = ctx.scope.visible_questions.len();
    (
        visible - ctx.scope.open_questions.len().min(visible),
        visible,
    )
}

#[cfg(test)]
mod progress_tests {
    use super::*;
    use crate::engine::Answer;
    use crate::knowledge::Knowledge;
    use crate::session::Session;

    /// The section list as it was built before the sets: every lookup a
    /// scan of the scope's lists. The sets must give the same rows.
    fn nav_rows_by_scanning(ctx: &Ctx<'_>, current: &str) -> Vec<NavRow> {
        let scope = ctx.scope;
        let answered = |q: &str| {
            scope.visible_questions.iter().any(|v| v == q)
                && !scope.open_questions.iter().any(|o| o == q)
        };
        let worst = |qs: &[&str]| {
            scope
                .flags
                .iter()
                .filter(|f| f.questions.iter().any(|q| qs.contains(&q.as_str())))
                .map(|f| f.severity)
                .min()
        };
        rows_by(
            ctx,
            current,
            |q| scope.visible_questions.iter().any(|v| v == q),
            answered,
            worst,
        )
    }

    #[test]
    fn the_section_list_from_sets_matches_the_one_from_scans() {
        let k = Knowledge::embedded().expect("the shipped knowledge is valid");
        let mut s = Session::new(
            "s".into(),
            Default::default(),
            jiff::Timestamp::UNIX_EPOCH,
            &k,
        );
        s.answers
            .insert("compliance".into(), Answer::List(vec!["finma".into()]));
        s.answers.insert("gpu".into(), Answer::Bool(true));
        s.answers
            .insert("technologies".into(), Answer::Text("COBOL, Kafka".into()));
        let eval = s.evaluate(&k);
        assert!(!eval.scope.flags.is_empty(), "the answers raise flags");
        let ctx = Ctx::new(&k, &s, &eval.scope, None);
        for q in k.questionnaire.questions() {
            assert_eq!(
                nav_rows(&ctx, &q.id),
                nav_rows_by_scanning(&ctx, &q.id),
                "{}",
                q.id
            );
        }
    }
}
