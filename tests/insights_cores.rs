//! `nunki insights` counts ten thousand sessions on every core, each core
//! adding up its share; the sum must be what one pass over all of them in
//! order counts, down to titles, decisions, requests and authors.

use nunki::engine::Scope;
use nunki::insights::{Scoped, insights, of_sessions_by};
use nunki::knowledge::Knowledge;
use nunki::session::templates;
use nunki::session::{Customer, Decision, Session, Status, Verdict};

fn sessions(k: &Knowledge) -> Vec<Session> {
    let templates = templates::embedded().expect("the shipped templates");
    let at: jiff::Timestamp = "2026-12-02T09:30:00Z".parse().expect("a time");
    // More than the parallel path's floor of 256, and not a multiple of
    // the cores, so the parts differ in size.
    (0..601)
        .map(|i| {
            let t = &templates[i % templates.len()];
            let mut s = Session::new(
                format!("s{i:04}"),
                Customer {
                    // Customers repeat across the parts, to count once.
                    name: format!("Customer {}", i % 37),
                    contact: None,
                },
                at,
                k,
            );
            s.answers = t.answers.clone();
            s.status = match i % 5 {
                0 => Status::Won,
                1 => Status::Lost,
                _ => Status::Draft,
            };
            // Decide the first flag of every seventh session, on both
            // sides of the parts' seams.
            if i % 7 == 0 {
                let scope = s.evaluate(k).scope;
                if let Some(f) = scope.flags.first() {
                    s.decisions.push(Decision {
                        rule: f.rule.clone(),
                        verdict: if i % 2 == 0 {
                            Verdict::Approved
                        } else {
                            Verdict::Declined
                        },
                        by: "po".into(),
                        at: at + jiff::SignedDuration::from_hours(24 * (i as i64 % 9)),
                        conditions: None,
                        for_customer: false,
                        fingerprint: f.fingerprint(),
                        raised: Some(at),
                    });
                }
            }
            s
        })
        .collect()
}

#[test]
fn counting_on_every_core_is_counting_in_one_pass() {
    let k = Knowledge::embedded().expect("the shipped knowledge");
    let sessions = sessions(&k);
    let refs: Vec<&Session> = sessions.iter().collect();
    let authors: Vec<Option<&str>> = (0..refs.len())
        .map(|i| ["anna", "beat", "chris"].get(i % 4).copied())
        .collect();

    let scopes: Vec<Scope> = refs.iter().map(|s| s.evaluate(&k).scope).collect();
    let scoped: Vec<Scoped<'_>> = refs
        .iter()
        .zip(&scopes)
        .zip(&authors)
        .map(|((session, scope), author)| Scoped {
            session,
            scope,
            author: *author,
        })
        .collect();
    let one_pass = insights(&k, &scoped, vec!["broken.ron".into()]);
    let every_core = of_sessions_by(&k, &refs, &authors, vec!["broken.ron".into()]);

    assert_eq!(every_core, one_pass);
    assert_eq!(every_core.sessions, 601);
    assert_eq!(every_core.customers, 37);
    assert_eq!(every_core.authors.len(), 3);
    let decided: usize = every_core
        .flags
        .iter()
        .map(|f| f.decisions.approved + f.decisions.declined)
        .sum();
    assert!(decided > 0, "some decisions are counted");
    assert!(!every_core.requests.is_empty() || every_core.flags.len() > 1);
}
