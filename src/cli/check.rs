//! `nunki check`: scope a set of answers headlessly, as text or as the
//! JSON contract other tools rely on.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::args::{CheckArgs, TextOrJson};
use super::{Error, Outcome, Ran, input, print};
use crate::engine::{Overrides, Scope, evaluate};
use crate::knowledge::{Knowledge, Severity};
use crate::session::Decision;
use crate::sources::{Places, load_knowledge};

pub fn run(places: &Places, catalog: Option<&Path>, args: &CheckArgs) -> Ran {
    let knowledge = load_knowledge(places, catalog)?;
    let (scope, decisions) = match (&args.answers, &args.session) {
        (Some(path), _) => {
            let raw = input::read_raw_answers(path)?;
            let answers = input::strict_answers(&knowledge, &path.display().to_string(), &raw)?;
            (
                evaluate(&knowledge, &answers, &Overrides::default()),
                Vec::new(),
            )
        }
        (None, Some(session)) => {
            super::session_cmds::session_scope_and_decisions(places, &knowledge, session)?
        }
        (None, None) => return Err(Error::input("give --answers FILE or --session SESSION")),
    };
    let text = match args.format {
        TextOrJson::Json => {
            let mut s = serde_json::to_string_pretty(&contract_json(&scope, &decisions))
                .map_err(|e| Error::input(format!("cannot encode JSON: {e}")))?;
            s.push('\n');
            s
        }
        TextOrJson::Text => text_report(&knowledge, &scope, &decisions),
    };
    print(&text)?;
    Ok(if scope.has_out_of_scope() {
        Outcome::OutOfScope
    } else {
        Outcome::Done
    })
}

/// A flag's decision in the JSON contract: `null`, or its state, who
/// decided, the day and the conditions.
fn decision_json(flag: &crate::engine::Flag, decisions: &[Decision]) -> Value {
    match crate::approvals::decision_for(flag, decisions) {
        None => Value::Null,
        Some((d, state)) => json!({
            "state": state.id(),
            "by": d.by,
            "date": jiff::tz::TimeZone::UTC.to_datetime(d.at).date().to_string(),
            "conditions": d.conditions,
        }),
    }
}

/// The JSON contract of `nunki check --format json`.
pub fn contract_json(scope: &Scope, decisions: &[Decision]) -> Value {
    let items: Vec<Value> = scope
        .items
        .iter()
        .map(|i| {
            json!({
                "offering": i.offering,
                "name": i.name,
                "family": i.family,
                "provider": i.provider,
                "plan": i.plan,
                "plan_name": i.plan_name,
                "quantity": i.quantity,
                "monthly": i.monthly,
                "one_time": i.one_time,
                "basis": i.basis,
                "indicative": i.indicative,
                "price_lines": i.price_lines.iter().map(|l| json!({
                    "label": l.label,
                    "recurrence": l.recurrence,
                    "amount": l.amount,
                    "calculation": l.calculation,
                    "indicative": l.indicative,
                    "notes": l.notes,
                })).collect::<Vec<_>>(),
                "because": i.because.iter().map(|b| json!({
                    "rule": b.rule,
                    "description": b.description,
                    "answers": b.answers.iter().map(|a| json!({
                        "question": a.question,
                        "answer": a.answer,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let flags: Vec<Value> = scope
        .flags
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule,
                "severity": f.severity,
                "title": f.title,
                "detail": f.detail,
                "remediation": f.remediation,
                "approver": f.approver_name,
                "approver_id": f.approver,
                "approvers": f.approvers,
                "questions": f.questions,
                "decision": decision_json(f, decisions),
            })
        })
        .collect();
    json!({
        "items": items,
        "flags": flags,
        "totals": {
            "monthly": scope.totals.monthly,
            "one_time": scope.totals.one_time,
            "currency": scope.totals.currency,
            "indicative": scope.totals.indicative,
            "priced_on_request": scope.totals.priced_on_request,
            "customers_own": scope.totals.customers_own,
        },
        "sizes": scope.sizes,
        "open_questions": scope.open_questions,
        "knowledge_version": scope.knowledge_version,
    })
}

/// The same for a person reading a terminal.
pub fn text_report(knowledge: &Knowledge, scope: &Scope, decisions: &[Decision]) -> String {
    let cur = &scope.totals.currency;
    let mut out = String::new();
    let ind = if scope.totals.indicative {
        ", indicative"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "Scope ({cur}, excl. VAT{ind}; knowledge {})",
        scope.knowledge_version
    );
    let _ = writeln!(out);
    if scope.items.is_empty() {
        let _ = writeln!(out, "No items yet: answer more questions.");
    } else {
        let _ = writeln!(out, "  {:>12} {:>12}   item", "monthly", "one-time");
    }
    let amount = |m: crate::engine::Money| {
        if m.0 == 0 {
            "–".to_string()
        } else {
            m.to_string()
        }
    };
    for i in &scope.items {
        let (monthly, once) = if i.basis != crate::knowledge::PriceBasis::Priced {
            (i.basis.short().to_string(), String::new())
        } else {
            (amount(i.monthly), amount(i.one_time))
        };
        let quantity = if i.quantity == 1.0 {
            String::new()
        } else {
            format!("{} × ", crate::engine::answers::format_number(i.quantity))
        };
        let mark = if i.indicative { " *" } else { "" };
        let _ = writeln!(
            out,
            "  {monthly:>12} {once:>12}   {quantity}{} — {}{mark}",
            i.name, i.plan_name
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Total: {cur} {} per month, {cur} {} one-time{}",
        scope.totals.monthly,
        scope.totals.one_time,
        if scope.totals.indicative {
            " (* indicative, to be confirmed)"
        } else {
            ""
        }
    );
    if let Some(left_out) = scope.left_out() {
        let _ = writeln!(out, "{left_out}");
    }
    let assumed: Vec<&String> = scope.assumptions();
    if !assumed.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Assumed while unanswered");
        for a in assumed {
            let _ = writeln!(out, "  {a}");
        }
    }
    if !scope.flags.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Flags");
        for f in &scope.flags {
            let _ = writeln!(out, "  [{}] {}", f.severity.label().to_uppercase(), f.title);
            let _ = writeln!(out, "      {}", f.detail);
            let _ = writeln!(out, "      → {}", f.remediation);
            if let Some(a) = &f.approver_name {
                let _ = writeln!(out, "      approver: {a}");
            }
            if let Some((d, state)) = crate::approvals::decision_for(f, decisions) {
                let words = crate::approvals::decision_words(d, state, "STALE");
                let _ = writeln!(out, "      decision: {words}");
            }
        }
    }
    if !scope.open_questions.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Open questions ({})", scope.open_questions.len());
        for q in &scope.open_questions {
            let prompt = knowledge.question(q).map_or("", |q| q.prompt.as_str());
            let _ = writeln!(out, "  {q:<22} {prompt}");
        }
    }
    let worst = scope.worst_severity();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        match worst {
            Some(Severity::OutOfScope) => "Result: something is out of scope (exit 1).",
            Some(Severity::NeedsApproval) => "Result: sellable with approvals.",
            Some(_) | None => "Result: in scope.",
        }
    );
    out
}
