//! The proposal as JSON: the view-model itself, following the JSON Schema
//! in `assets/scope.schema.json` (draft 2020-12). Amounts are numbers of
//! currency units; dates are ISO `YYYY-MM-DD` strings or null.

use super::proposal::Proposal;

pub fn render(p: &Proposal) -> String {
    match serde_json::to_string_pretty(p) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // The proposal has no maps with non-string keys and no custom
        // serialisers that fail, so this is unreachable in practice; it
        // still yields valid JSON rather than a panic.
        Err(e) => format!(
            "{{\"error\": {}}}\n",
            serde_json::Value::String(format!("cannot encode the proposal: {e}"))
        ),
    }
}
