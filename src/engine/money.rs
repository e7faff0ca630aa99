//! Money in cents, so totals add up exactly.

use std::fmt;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_units(amount: f64) -> Money {
        Money((amount * 100.0).round() as i64)
    }

    pub fn as_units(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Whole currency units with Swiss thousands separators: "12'500".
    /// Indicative prices have no meaningful cents.
    pub fn whole(self) -> String {
        let units = (self.0 as f64 / 100.0).round() as i64;
        group_thousands(units)
    }

    /// The one way an amount is written, on every screen and in every
    /// export: whole units when whole ("1'234"), cents otherwise
    /// ("1'234.50"), so the rows shown add up to the total shown.
    pub fn amount(self) -> String {
        if self.0 % 100 == 0 {
            self.whole()
        } else {
            self.exact()
        }
    }

    /// The amount after its currency: "CHF 1'234", "CHF 1'234.50".
    pub fn in_currency(self, currency: &str) -> String {
        format!("{currency} {}", self.amount())
    }

    /// With cents, for unit prices such as 0.09 per GiB.
    pub fn exact(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let units = group_thousands((abs / 100) as i64);
        format!("{sign}{units}.{:02}", abs % 100)
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\'');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Formats a unit price without inventing precision: whole when whole.
pub fn format_amount(amount: f64) -> String {
    Money::from_units(amount).amount()
}

/// A catalog price in words, without its label: "CHF 55 per GiB
/// memory/month*", the star marking a planning assumption.
pub fn price_text(currency: &str, price: &crate::knowledge::Price) -> String {
    use crate::knowledge::{PriceKind, Recurrence};
    let when = match price.recurrence {
        Recurrence::Monthly => "/month",
        Recurrence::OneTime => " one-time",
    };
    let ind = if price.source.is_indicative() {
        "*"
    } else {
        ""
    };
    match &price.kind {
        PriceKind::Fixed(a) => format!("{currency} {}{when}{ind}", format_amount(*a)),
        PriceKind::PerUnit { unit, amount, .. } => {
            format!(
                "{currency} {} per {unit}{when}{ind}",
                format_amount(*amount)
            )
        }
        PriceKind::PercentOfRecurring { percent, minimum } => format!(
            "{}% of recurring fees, at least {currency} {}{when}{ind}",
            format_amount(*percent),
            format_amount(*minimum)
        ),
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

/// `{}` writes [`Money::amount`]: there is one money format.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.amount())
    }
}

/// In JSON a price is a number of currency units with at most two decimals.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_units())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        f64::deserialize(d).map(Money::from_units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_swiss_style() {
        assert_eq!(Money::from_units(12500.0).whole(), "12'500");
        assert_eq!(Money::from_units(999.4).whole(), "999");
        assert_eq!(Money::from_units(1234567.891).exact(), "1'234'567.89");
        assert_eq!(Money::from_units(-2500.0).whole(), "-2'500");
        assert_eq!(format_amount(0.09), "0.09");
        assert_eq!(format_amount(55.0), "55");
    }

    #[test]
    fn one_format_for_every_amount() {
        assert_eq!(Money::from_units(1234.0).amount(), "1'234");
        assert_eq!(Money::from_units(1234.5).amount(), "1'234.50");
        assert_eq!(Money::from_units(4943.75).to_string(), "4'943.75");
        assert_eq!(Money::from_units(9000.0).in_currency("CHF"), "CHF 9'000");
        assert_eq!(Money::from_units(0.09).in_currency("CHF"), "CHF 0.09");
        assert_eq!(Money::ZERO.amount(), "0");
    }
}
