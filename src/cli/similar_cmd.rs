//! `nunki similar SESSION`: the won sessions most like this one.

use std::fmt::Write as _;
use std::path::Path;

use super::args::SimilarArgs;
use super::{Error, Outcome, Ran, print};
use crate::session::store::{Store, load};
use crate::similar::similar_among;
use crate::sources::{Places, load_knowledge};

pub fn run(places: &Places, catalog: Option<&Path>, args: &SimilarArgs) -> Ran {
    let knowledge = load_knowledge(places, catalog)?;
    let store = Store::new(places);
    let this = load(&store.resolve(&args.session)?)?;
    let listings = store.list()?;
    let this_scope = this.evaluate(&knowledge).scope;
    let found = similar_among(
        &knowledge,
        (&this, &this_scope),
        listings.sessions.iter().map(|l| &l.session),
        args.limit,
    );
    let text = match args.format {
        super::args::TextOrJson::Json => {
            let mut s = serde_json::to_string_pretty(&found)
                .map_err(|e| Error::input(format!("cannot encode JSON: {e}")))?;
            s.push('\n');
            s
        }
        super::args::TextOrJson::Text => {
            let mut out = String::new();
            if found.is_empty() {
                let _ = writeln!(
                    out,
                    "no won sessions to compare {} with",
                    this.customer.name
                );
            }
            for f in &found {
                let _ = writeln!(out, "{:>3.0}%  {} ({})", f.score * 100.0, f.customer, f.id);
                for (q, here, there) in &f.answers_differ {
                    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
                    let _ = writeln!(out, "      {q}: {} here, {} there", show(here), show(there));
                }
                if !f.only_here.is_empty() {
                    let _ = writeln!(out, "      only here: {}", f.only_here.join(", "));
                }
                if !f.only_there.is_empty() {
                    let _ = writeln!(out, "      only there: {}", f.only_there.join(", "));
                }
            }
            out
        }
    };
    print(&text)?;
    Ok(Outcome::Done)
}
