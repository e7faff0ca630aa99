//! `nunki approve`: records the pre-sales decision on one flag of a
//! session. The clock is read here, in the shell; the decision holds for
//! the answers that raised the flag (its fingerprint).

use std::fmt::Write as _;
use std::path::Path;

use super::args::ApproveArgs;
use super::session_cmds::notify;
use super::{Error, Outcome, Ran, print};
use crate::approvals;
use crate::session::Verdict;
use crate::session::store::{Store, StoreError};
use crate::sources::{Places, load_knowledge};

pub fn run(places: &Places, catalog: Option<&Path>, args: &ApproveArgs) -> Ran {
    let by = args.by.trim();
    if by.is_empty() {
        return Err(Error::input("--by needs the name of who decided"));
    }
    let knowledge = load_knowledge(places, catalog)?;
    let store = Store::new(places);
    let mut opened = store.open(&args.session, &knowledge)?;
    notify(&opened);
    if opened.read_only() {
        return Err(StoreError::ReadOnly {
            path: opened.path.clone(),
            holder: opened.holder.clone(),
        }
        .into());
    }
    let scope = opened.session.evaluate(&knowledge).scope;
    let Some(flag) = scope.flags.iter().find(|f| f.rule == args.rule) else {
        let raised: Vec<String> = scope
            .flags
            .iter()
            .map(|f| format!("{} ({})", f.rule, f.severity.label()))
            .collect();
        return Err(Error::input(format!(
            "{} raises no flag of rule \"{}\"; its flags: {}",
            opened.session.customer.name,
            args.rule,
            if raised.is_empty() {
                "none".to_string()
            } else {
                raised.join(", ")
            }
        )));
    };
    let now = jiff::Timestamp::now();
    let verdict = if args.decline {
        Verdict::Declined
    } else {
        Verdict::Approved
    };
    let draft = approvals::Draft {
        verdict,
        by: by.to_string(),
        conditions: args.conditions.clone(),
        for_customer: args.for_customer,
    };
    let raised = opened.session.flags_seen.get(&flag.rule).copied();
    let title = flag.title.clone();
    let decision = draft.decide(flag, raised, now);
    let conditions = decision.conditions.clone();
    approvals::record(&mut opened.session.decisions, decision);
    store.save(&mut opened, &knowledge)?;
    let mut out = format!("{} \"{title}\" by {by}", verdict.id());
    if let Some(c) = &conditions {
        let _ = write!(out, ", on condition: {c}");
    }
    out.push('\n');
    let scope = opened.session.evaluate(&knowledge).scope;
    let missing = approvals::missing(&scope, &opened.session.decisions);
    if missing.is_empty() {
        out.push_str("nothing else is missing before the proposal can go out\n");
    } else {
        let _ = writeln!(out, "still missing before the proposal can go out:");
        for m in &missing {
            let _ = writeln!(out, "  - {}", m.describe());
        }
    }
    print(&out)?;
    Ok(Outcome::Done)
}
