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
        crate::i18n::format::whole(self.0)
    }

    /// With cents, for unit prices such as 0.09 per GiB.
    pub fn exact(self) -> String {
        crate::i18n::format::exact(self.0)
    }

    /// Whole units when whole, cents otherwise: "1'234", "1'234.50".
    pub fn amount(self) -> String {
        crate::i18n::format::amount(self.0)
    }
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

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.whole())
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
}
