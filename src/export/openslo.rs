//! OpenSLO: the agreed service levels as YAML documents for the SLO
//! monitoring, so operations starts from exactly what was sold. One
//! `Service` for the customer, one `SLO` per component with an availability.

use super::proposal::Proposal;
use crate::slo;

pub fn render(p: &Proposal) -> String {
    // The calendar window starts on the first day of the proposal's month;
    // an undated proposal (loose answers) has no calendar to align to.
    let start = p
        .date
        .as_deref()
        .and_then(|d| d.get(..7))
        .map(|month| format!("{month}-01"));
    let docs = slo::documents_in(
        p.lang,
        &p.customer.name,
        start.as_deref(),
        &p.knowledge_version,
        &p.slos,
    );
    match slo::to_yaml(&docs) {
        Ok(yaml) => yaml,
        // Plain data always serialises; should it not, say so in the file
        // rather than write half a document.
        Err(e) => format!("# nunki could not write the OpenSLO documents: {e}\n"),
    }
}
