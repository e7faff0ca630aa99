//! Options side by side: the scopes of a session's named options, row by
//! row, with what differs marked. Pure: it only reads the scopes the engine
//! produced for each option.

use serde::Serialize;

use crate::engine::{Money, Scope};
use crate::knowledge::{Family, Severity};

/// At most this many options per session: more stops being a comparison.
pub const MAX_OPTIONS: usize = 4;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub options: Vec<Column>,
    pub items: Vec<ItemRow>,
    pub service_levels: Vec<ServiceRow>,
    pub flags: Vec<FlagRow>,
    pub currency: String,
}

/// One option's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub name: String,
    pub monthly: Money,
    pub one_time: Money,
    pub indicative: bool,
    pub worst: Option<Severity>,
    pub flags: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub offering: String,
    pub name: String,
    pub family: Family,
    /// One cell per option; `None` where the option does not have it.
    pub cells: Vec<Option<ItemCell>>,
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemCell {
    pub plan: String,
    pub plan_name: String,
    pub quantity: f64,
    pub monthly: Money,
    pub one_time: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceRow {
    pub offering: String,
    pub name: String,
    /// Availability and support hours in words, per option.
    pub cells: Vec<Option<String>>,
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlagRow {
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub present: Vec<bool>,
    pub differs: bool,
}

impl Column {
    /// A scope's totals as a column of the comparison.
    pub fn of(name: &str, scope: &Scope) -> Column {
        Column {
            name: name.to_string(),
            monthly: scope.totals.monthly,
            one_time: scope.totals.one_time,
            indicative: scope.totals.indicative,
            worst: scope.worst_severity(),
            flags: scope.flags.len(),
        }
    }
}

/// The name of the session's own answers as the first column.
pub const BASE: &str = "Base";

/// The comparison of a session's options, each scoped by the engine:
/// what `nunki compare`, `export --compare` and the screen show. Base, the
/// session's own answers, is the first column: it is the first option a
/// customer sees.
pub fn of_session(
    knowledge: &crate::knowledge::Knowledge,
    session: &crate::session::Session,
) -> Comparison {
    let scopes: Vec<(String, Scope)> =
        std::iter::once((BASE.to_string(), session.evaluate(knowledge).scope))
            .chain(
                session
                    .options
                    .iter()
                    .map(|o| (o.name.clone(), session.evaluate_option(knowledge, o).scope)),
            )
            .collect();
    compare(&scopes)
}

fn differs<T: PartialEq>(cells: &[T]) -> bool {
    cells.windows(2).any(|w| w[0] != w[1])
}

/// Rows `(rank, id, name)` of the entries of every option, each id once in
/// the order it first appears across options, then stably by rank.
fn first_seen<'a, E: 'a, R: Ord + Copy>(
    options: &'a [(String, Scope)],
    entries: impl Fn(&'a Scope) -> &'a [E],
    row: impl Fn(&E) -> (R, String, String),
) -> Vec<(R, String, String)> {
    let mut rows: Vec<(R, String, String)> = Vec::new();
    for (_, s) in options {
        for e in entries(s) {
            let r = row(e);
            if !rows.iter().any(|(_, id, _)| id == &r.1) {
                rows.push(r);
            }
        }
    }
    rows.sort_by_key(|(rank, _, _)| *rank);
    rows
}

/// Compares the scopes of named options, in the order given.
pub fn compare(options: &[(String, Scope)]) -> Comparison {
    let columns = options
        .iter()
        .map(|(name, s)| Column::of(name, s))
        .collect();

    // Rows in the order items first appear across options, then by family.
    let offerings = first_seen(
        options,
        |s| &s.items,
        |i| (i.family, i.offering.clone(), i.name.clone()),
    );

    let mut items = Vec::with_capacity(offerings.len());
    let mut service_levels = Vec::new();
    for (family, offering, name) in offerings {
        let cells: Vec<Option<ItemCell>> = options
            .iter()
            .map(|(_, s)| {
                s.item(&offering).map(|i| ItemCell {
                    plan: i.plan.clone(),
                    plan_name: i.plan_name.clone(),
                    quantity: i.quantity,
                    monthly: i.monthly,
                    one_time: i.one_time,
                })
            })
            .collect();
        let levels: Vec<Option<String>> = options
            .iter()
            .map(|(_, s)| s.item(&offering).and_then(service_words))
            .collect();
        if levels.iter().any(Option::is_some) {
            service_levels.push(ServiceRow {
                offering: offering.clone(),
                name: name.clone(),
                differs: differs(&levels),
                cells: levels,
            });
        }
        items.push(ItemRow {
            offering,
            name,
            family,
            differs: differs(&cells),
            cells,
        });
    }

    let rules = first_seen(
        options,
        |s| &s.flags,
        |f| (f.severity, f.rule.clone(), f.title.clone()),
    );
    let flags = rules
        .into_iter()
        .map(|(severity, rule, title)| {
            let present: Vec<bool> = options
                .iter()
                .map(|(_, s)| s.flags.iter().any(|f| f.rule == rule))
                .collect();
            FlagRow {
                differs: differs(&present),
                rule,
                title,
                severity,
                present,
            }
        })
        .collect();

    Comparison {
        options: columns,
        items,
        service_levels,
        flags,
        currency: options
            .first()
            .map_or_else(|| "CHF".to_string(), |(_, s)| s.totals.currency.clone()),
    }
}

fn service_words(item: &crate::engine::Item) -> Option<String> {
    let sl = &item.service_level;
    let mut parts = Vec::new();
    if let Some(a) = sl.availability {
        // "99.0 %", not "99 %": availability reads as a figure with a decimal.
        parts.push(if a.fract() == 0.0 {
            format!("{a:.1} %")
        } else {
            format!("{a} %")
        });
    }
    if let Some(h) = sl.support_hours {
        parts.push(h.label().to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}
