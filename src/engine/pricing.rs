//! Prices: fixed fees, prices per unit, and shares of the recurring fees
//! with a floor (support plans).

use super::answers::format_number;
use super::evaluate::Context;
use super::money::{Money, format_amount};
use super::scope::{Because, Item, PriceLine};
use crate::knowledge::{Plan, PriceKind, Recurrence};

/// Whether a plan's price depends on the other items' monthly fees.
pub fn depends_on_others(plan: &Plan) -> bool {
    plan.prices
        .iter()
        .any(|p| matches!(p.kind, PriceKind::PercentOfRecurring { .. }))
}

/// Prices one item. `base_monthly` is the sum of the other recurring fees,
/// known only in the second pass; shares price as zero before it.
pub(crate) fn price_item(
    ctx: &Context<'_>,
    offering_id: &str,
    plan_id: &str,
    quantity: f64,
    because: Vec<Because>,
    base_monthly: Option<Money>,
) -> Option<Item> {
    let offering = ctx.knowledge.offering(offering_id)?;
    let plan = offering.plan(plan_id)?;
    let currency = ctx.knowledge.currency();
    let mut lines = Vec::with_capacity(plan.prices.len());
    for price in &plan.prices {
        let (amount, calculation) = match &price.kind {
            PriceKind::Fixed(fee) => (
                fee * quantity,
                times(quantity, &format!("{currency} {}", format_amount(*fee))),
            ),
            PriceKind::PerUnit {
                unit,
                amount,
                units,
            } => {
                let n = ctx.quantity(units);
                let per = format!(
                    "{} {unit} × {currency} {}",
                    format_number(n),
                    format_amount(*amount)
                );
                (amount * n * quantity, times(quantity, &per))
            }
            PriceKind::PercentOfRecurring { percent, minimum } => {
                let base = base_monthly.unwrap_or(Money::ZERO).as_units();
                let share = base * percent / 100.0;
                let charged = share.max(*minimum) * quantity;
                let calculation = format!(
                    "{}% of {currency} {} recurring fees, at least {currency} {}",
                    format_number(*percent),
                    Money::from_units(base),
                    format_amount(*minimum)
                );
                (charged, calculation)
            }
        };
        lines.push(PriceLine {
            label: price.label.clone(),
            recurrence: price.recurrence,
            amount: Money::from_units(amount),
            calculation,
            indicative: price.source.is_indicative(),
        });
    }
    let sum = |r: Recurrence| {
        lines
            .iter()
            .filter(|l| l.recurrence == r)
            .map(|l| l.amount)
            .sum::<Money>()
    };
    Some(Item {
        offering: offering.id.clone(),
        name: offering.name.clone(),
        family: offering.family,
        provider: offering.provider.clone(),
        plan: plan.id.clone(),
        plan_name: plan.name.clone(),
        quantity,
        monthly: sum(Recurrence::Monthly),
        one_time: sum(Recurrence::OneTime),
        indicative: lines.iter().any(|l| l.indicative) || plan.service_level.source.is_indicative(),
        because,
        service_level: plan.service_level.clone(),
        responsibilities: offering.responsibilities.clone(),
        lead_time_weeks: plan.lead_time_weeks.or(offering.lead_time_weeks),
        owner: offering.owner.clone(),
        price_lines: lines,
    })
}

fn times(quantity: f64, what: &str) -> String {
    if quantity == 1.0 {
        what.to_string()
    } else {
        format!("{} × {what}", format_number(quantity))
    }
}
