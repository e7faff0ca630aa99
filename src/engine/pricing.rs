//! Prices: fixed fees, prices per unit, and shares of the recurring fees
//! with a floor (support plans).
//!
//! Pricing runs for every item on every keystroke, so the calculation
//! texts are written straight into one string each, in exactly the words
//! `format_amount`, `format_number` and `Money`'s `Display` would give.

use std::fmt::Write as _;

use super::answers::format_number;
use super::context::{Context, ShareBase, Trail};
use super::money::Money;
use super::scope::{Because, Item, PriceLine};
use crate::knowledge::{Offering, Plan, PriceKind, Recurrence};

/// Whether a plan's price depends on the other items' monthly fees.
pub fn depends_on_others(plan: &Plan) -> bool {
    plan.prices
        .iter()
        .any(|p| matches!(p.kind, PriceKind::PercentOfRecurring { .. }))
}

/// Prices one item of `offering` on `plan`. `base` is what a share of
/// recurring fees counts, known only once the others are priced; shares
/// price as zero without it. Also returns what the prices rested on.
pub(crate) fn price_item<'a>(
    ctx: &Context<'a>,
    offering: &'a Offering,
    plan: &'a Plan,
    quantity: f64,
    because: Vec<Because>,
    base: Option<&ShareBase<'_>>,
) -> (Item, Trail) {
    let currency = ctx.knowledge.currency();
    let mut lines = Vec::with_capacity(plan.prices.len());
    let mut item_trail = Trail::default();
    for price in &plan.prices {
        let mut calculation = String::with_capacity(48);
        let mut trail = Trail::default();
        let mut notes = Vec::new();
        let amount = match &price.kind {
            PriceKind::Fixed(fee) => {
                times(&mut calculation, quantity);
                calculation.push_str(currency);
                calculation.push(' ');
                write_amount(&mut calculation, *fee);
                fee * quantity
            }
            PriceKind::PerUnit {
                unit,
                amount,
                units,
            } => {
                let n = ctx.quantity(units, &mut trail);
                // No units, no line: a price for the non-production
                // environments does not apply to a customer with none.
                if n == 0.0 {
                    continue;
                }
                times(&mut calculation, quantity);
                write_number(&mut calculation, n);
                calculation.push(' ');
                calculation.push_str(&super::answers::units_of(n * quantity, unit));
                calculation.push_str(" × ");
                calculation.push_str(currency);
                calculation.push(' ');
                write_amount(&mut calculation, *amount);
                amount * n * quantity
            }
            PriceKind::PercentOfRecurring { percent, minimum } => {
                let base_monthly = base.map_or(Money::ZERO, |b| b.monthly).as_units();
                let share = base_monthly * percent / 100.0;
                write_number(&mut calculation, *percent);
                calculation.push_str("% of ");
                calculation.push_str(currency);
                calculation.push(' ');
                write_amount(&mut calculation, base_monthly);
                calculation.push_str(" recurring fees, at least ");
                calculation.push_str(currency);
                calculation.push(' ');
                write_amount(&mut calculation, *minimum);
                if let Some(b) = base {
                    let counted = if b.items.is_empty() {
                        "nothing yet".to_string()
                    } else {
                        b.items.join(", ")
                    };
                    notes.push(format!("counts {}: {counted}", b.description));
                }
                share.max(*minimum) * quantity
            }
        };
        notes.extend(trail.notes.iter().cloned());
        for &i in &trail.sizes {
            if !item_trail.sizes.contains(&i) {
                item_trail.sizes.push(i);
            }
        }
        lines.push(PriceLine {
            label: price.label.clone(),
            recurrence: price.recurrence,
            amount: Money::from_units(amount),
            calculation,
            indicative: price.source.is_indicative(),
            notes,
        });
    }
    let sum = |r: Recurrence| {
        lines
            .iter()
            .filter(|l| l.recurrence == r)
            .map(|l| l.amount)
            .sum::<Money>()
    };
    let item = Item {
        offering: offering.id.clone(),
        name: offering.name.clone(),
        family: offering.family,
        provider: offering.provider.clone(),
        plan: plan.id.clone(),
        plan_name: plan.name.clone(),
        quantity,
        monthly: sum(Recurrence::Monthly),
        one_time: sum(Recurrence::OneTime),
        basis: plan.price_basis(),
        indicative: lines.iter().any(|l| l.indicative) || plan.service_level.source.is_indicative(),
        because,
        service_level: plan.service_level.clone(),
        responsibilities: offering.responsibilities.clone(),
        lead_time_weeks: plan.lead_time_weeks.or(offering.lead_time_weeks),
        engineering_days: plan
            .engineering_days
            .as_ref()
            .map_or(0.0, |d| ctx.quantity(d, &mut item_trail) * quantity),
        owner: offering.owner.clone(),
        price_lines: lines,
    };
    (item, item_trail)
}

/// "3 × " in front of a calculation, unless the quantity is one.
fn times(out: &mut String, quantity: f64) {
    if quantity != 1.0 {
        write_number(out, quantity);
        out.push_str(" × ");
    }
}

/// `format_number(n)`, without a string of its own in the usual case.
fn write_number(out: &mut String, n: f64) {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let _ = write!(out, "{}", n as i64);
    } else {
        out.push_str(&format_number(n));
    }
}

/// `format_amount(amount)`: whole when whole, else with cents.
fn write_amount(out: &mut String, amount: f64) {
    let m = Money::from_units(amount);
    if m.0 % 100 == 0 {
        write_whole(out, m);
    } else {
        if m.0 < 0 {
            out.push('-');
        }
        let abs = m.0.unsigned_abs();
        write_grouped(out, abs / 100);
        let _ = write!(out, ".{:02}", abs % 100);
    }
}

/// `Money::whole()`: whole units with Swiss thousands separators.
fn write_whole(out: &mut String, m: Money) {
    let units = (m.0 as f64 / 100.0).round() as i64;
    if units < 0 {
        out.push('-');
    }
    write_grouped(out, units.unsigned_abs());
}

fn write_grouped(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push('\'');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::money::format_amount;

    fn written(f: impl Fn(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    #[test]
    fn writes_what_the_formatters_give() {
        let mut values = vec![
            0.0,
            0.004,
            0.005,
            0.09,
            0.5,
            1.0,
            2.5,
            12.345,
            55.0,
            99.995,
            100.0,
            999.4,
            999.5,
            1000.0,
            1234.5,
            12500.0,
            100_000.0,
            999_999.99,
            1_000_000.0,
            1_234_567.891,
            1e12,
            1e15,
            3.0e15,
            0.3333333,
            2.0 / 3.0,
            7.125,
        ];
        let negatives: Vec<f64> = values.iter().map(|v| -v).collect();
        values.extend(negatives);
        for i in 0..5000 {
            values.push(f64::from(i) * 0.37 - 700.0);
        }
        for v in values {
            assert_eq!(
                written(|s| write_amount(s, v)),
                format_amount(v),
                "amount {v}"
            );
            assert_eq!(
                written(|s| write_number(s, v)),
                format_number(v),
                "number {v}"
            );
            let m = Money::from_units(v);
            assert_eq!(written(|s| write_whole(s, m)), m.whole(), "money {v}");
            assert_eq!(written(|s| write_amount(s, v)), m.to_string(), "money {v}");
        }
    }
}
