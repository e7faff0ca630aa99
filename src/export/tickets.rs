//! Approval requests as tickets: one row per flag that waits for a
//! decision, in the CSV each tracker's importer reads (Jira: `Summary`,
//! `Issue Type`, `Description`, `Labels`; GitLab: `title`, `description`),
//! and as a mail-ready Markdown list. Always in English, whatever the
//! proposal's language: the trackers' fields are. Each request carries the
//! stable key `nunki:<session id>:<rule>`, so a re-import can be matched.

use std::fmt::Write as _;

use super::csv::field;
use super::markdown::esc;
use super::proposal::clean;
use crate::approvals::Request;

/// The ticket's body, the same in every tracker.
fn description(r: &Request) -> String {
    let mut d = String::new();
    let _ = writeln!(d, "nunki key: {}", r.key);
    let _ = writeln!(d, "Customer: {}", r.customer);
    let _ = writeln!(d, "Boundary: {} ({})", r.title, r.rule);
    let _ = writeln!(d, "{}", r.detail);
    if !r.answers.is_empty() {
        let _ = writeln!(d, "Raised by: {}", r.answers.join("; "));
    }
    let _ = writeln!(d, "Proposed instead: {}", r.remediation);
    let _ = writeln!(d, "Approver: {}", r.approver);
    if r.stale {
        let _ = writeln!(
            d,
            "An earlier decision was made for other answers and no longer holds."
        );
    }
    clean(d.trim_end())
}

fn summary(r: &Request) -> String {
    clean(&format!("Approve: {} — {}", r.title, r.customer))
}

fn line(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Jira's CSV importer: one issue per request, labelled `nunki-approval`
/// and with its key (labels hold no spaces).
pub fn jira_csv(requests: &[Request]) -> String {
    let mut out = String::new();
    line(
        &mut out,
        &["Summary", "Issue Type", "Description", "Labels", "Labels"].map(String::from),
    );
    for r in requests {
        line(
            &mut out,
            &[
                summary(r),
                "Task".into(),
                description(r),
                "nunki-approval".into(),
                r.key.replace(' ', "_"),
            ],
        );
    }
    out
}

/// GitLab's CSV importer: `title`, then `description`.
pub fn gitlab_csv(requests: &[Request]) -> String {
    let mut out = String::new();
    line(&mut out, &["title".into(), "description".into()]);
    for r in requests {
        line(&mut out, &[summary(r), description(r)]);
    }
    out
}

/// The same as a Markdown list to paste into a mail.
pub fn approvals_md(customer: &str, requests: &[Request]) -> String {
    let mut out = format!("# Approvals needed for {}\n\n", esc(&clean(customer)));
    if requests.is_empty() {
        out.push_str(
            "No approval is waiting: every boundary that needs one has a current decision.\n",
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{} approval{} waiting before the proposal can go out.\n",
        requests.len(),
        if requests.len() == 1 { " is" } else { "s are" }
    );
    for r in requests {
        let _ = writeln!(
            out,
            "- **{}** — {}",
            esc(&clean(&r.title)),
            esc(&clean(&r.approver))
        );
        let _ = writeln!(out, "  - {}", esc(&clean(&r.detail)));
        if !r.answers.is_empty() {
            let _ = writeln!(out, "  - Raised by: {}", esc(&clean(&r.answers.join("; "))));
        }
        let _ = writeln!(out, "  - Proposed instead: {}", esc(&clean(&r.remediation)));
        if r.stale {
            let _ = writeln!(
                out,
                "  - An earlier decision no longer holds: the answers changed."
            );
        }
        let _ = writeln!(out, "  - Key: `{}`", r.key.replace('`', "'"));
    }
    out
}
