//! The inventory of in-use setups: the won sessions most like a given one,
//! by answers and by the offerings in their scopes, with what differs. The
//! reference a sales engineer names to a customer ("we run this for …").
//! Pure: sessions and their scopes in, a ranking out.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::engine::{Answer, Scope};
use crate::session::{Session, Status};

/// A won session and how much it is like the one asked about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similar {
    pub id: String,
    pub customer: String,
    /// 0 (nothing in common) to 1 (the same answers and offerings): the
    /// mean of the Jaccard similarity of the answers (question and value)
    /// and of the offerings in scope.
    pub score: f64,
    /// Questions answered differently: (question, this one's, that one's).
    pub answers_differ: Vec<(String, Option<String>, Option<String>)>,
    /// Offerings only this session has, and only the other has.
    pub only_here: Vec<String>,
    pub only_there: Vec<String>,
}

/// How many similar setups a proposal and the preview name.
pub const SHOWN: usize = 3;

/// The won sessions among `others` (never `this` itself), best first;
/// ties by customer name.
pub fn similar(
    this: (&Session, &Scope),
    others: &[(&Session, &Scope)],
    limit: usize,
) -> Vec<Similar> {
    let (s, scope) = this;
    let answers = answer_set(s);
    let items = item_set(scope);
    let mut out: Vec<Similar> = others
        .iter()
        .filter(|(o, _)| o.status == Status::Won && o.id != s.id)
        .map(|(o, o_scope)| {
            let o_answers = answer_set(o);
            let o_items = item_set(o_scope);
            let score = (jaccard(&answers, &o_answers) + jaccard(&items, &o_items)) / 2.0;
            let questions: BTreeSet<&String> = s.answers.keys().chain(o.answers.keys()).collect();
            let answers_differ = questions
                .into_iter()
                .filter(|q| s.answers.get(*q) != o.answers.get(*q))
                .map(|q| {
                    (
                        q.clone(),
                        s.answers.get(q).map(show),
                        o.answers.get(q).map(show),
                    )
                })
                .collect();
            Similar {
                id: o.id.clone(),
                customer: o.customer.name.clone(),
                score,
                answers_differ,
                only_here: items.difference(&o_items).cloned().collect(),
                only_there: o_items.difference(&items).cloned().collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.customer.cmp(&b.customer))
    });
    out.truncate(limit);
    out
}

/// An answer as the user typed it: `yes`, `3`, `dedicated`, `gdpr,finma`.
/// [`similar`] among `sessions` as read from disk: only the won ones
/// (never `this` itself) are scoped with `knowledge`, once each.
pub fn similar_among<'a>(
    knowledge: &crate::knowledge::Knowledge,
    this: (&Session, &Scope),
    sessions: impl IntoIterator<Item = &'a Session>,
    limit: usize,
) -> Vec<Similar> {
    let won: Vec<&Session> = sessions
        .into_iter()
        .filter(|o| o.status == Status::Won && o.id != this.0.id)
        .collect();
    let scopes: Vec<Scope> = won.iter().map(|o| o.evaluate(knowledge).scope).collect();
    let pairs: Vec<(&Session, &Scope)> = won.into_iter().zip(scopes.iter()).collect();
    similar(this, &pairs, limit)
}

pub fn show(a: &Answer) -> String {
    match a {
        Answer::Bool(true) => "yes".into(),
        Answer::Bool(false) => "no".into(),
        Answer::Number(n) => format!("{n}"),
        Answer::Text(t) => t.clone(),
        Answer::List(l) => l.join(","),
    }
}

fn answer_set(s: &Session) -> BTreeSet<(String, String)> {
    s.answers
        .iter()
        .map(|(q, a)| (q.clone(), show(a)))
        .collect()
}

fn item_set(scope: &Scope) -> BTreeSet<String> {
    scope.items.iter().map(|i| i.offering.clone()).collect()
}

fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn session(id: &str, status: Status, answers: &[(&str, Answer)], k: &Knowledge) -> Session {
        let mut s = Session::new(
            id.into(),
            crate::session::Customer {
                name: format!("Customer {id}"),
                contact: None,
            },
            jiff::Timestamp::UNIX_EPOCH,
            k,
        );
        s.status = status;
        for (q, a) in answers {
            s.answers.insert((*q).into(), a.clone());
        }
        s
    }

    #[test]
    fn the_closest_won_session_comes_first_with_what_differs() {
        let k = Knowledge::embedded().expect("the shipped knowledge is valid");
        let shared = ("tenancy", Answer::Text("shared".into()));
        let dedicated = ("tenancy", Answer::Text("dedicated".into()));
        let three = ("environments", Answer::Number(3.0));
        let this = session("this", Status::Draft, &[shared.clone(), three.clone()], &k);
        let near = session("near", Status::Won, &[shared.clone(), three.clone()], &k);
        let far = session("far", Status::Won, &[dedicated], &k);
        let lost = session("lost", Status::Lost, &[shared, three], &k);
        let sessions = [&this, &near, &far, &lost];
        let scopes: Vec<Scope> = sessions.iter().map(|s| s.evaluate(&k).scope).collect();
        let pairs: Vec<(&Session, &Scope)> = sessions.iter().copied().zip(scopes.iter()).collect();
        let found = similar(pairs[0], &pairs, 5);
        let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["near", "far"], "won only, never itself, best first");
        assert!((found[0].score - 1.0).abs() < 1e-9);
        assert!(found[0].answers_differ.is_empty());
        assert!(found[1].score < found[0].score);
        assert!(found[1].answers_differ.contains(&(
            "tenancy".to_string(),
            Some("shared".to_string()),
            Some("dedicated".to_string())
        )));
        assert_eq!(similar(pairs[0], &pairs, 1).len(), 1);
    }
}
