//! The one formatter of amounts and dates, Swiss style in both languages:
//! `CHF 1'234`, `CHF 1'234.50` (the ASCII apostrophe groups thousands;
//! cents only where there are some), "2. Dezember 2026" / "2 December
//! 2026". Every screen and export formats money and dates through here.

use super::Lang;

/// Whole units with Swiss thousands separators, rounded: "12'500".
/// For screens whose columns have no room for cents.
pub fn whole(cents: i64) -> String {
    let units = (cents as f64 / 100.0).round() as i64;
    group_thousands(units)
}

/// With cents, always: "1'234'567.89".
pub fn exact(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let units = group_thousands((abs / 100) as i64);
    format!("{sign}{units}.{:02}", abs % 100)
}

/// An amount for a document: whole units when whole, two decimals when
/// there are cents, so the rows of a bill add up to its total: "1'234",
/// "1'234.50".
pub fn amount(cents: i64) -> String {
    if cents % 100 == 0 {
        whole(cents)
    } else {
        exact(cents)
    }
}

/// [`amount`] after its currency: "CHF 1'234.50".
pub fn money(currency: &str, cents: i64) -> String {
    format!("{currency} {}", amount(cents))
}

/// A date in the language's long form: "2 December 2026", "2. Dezember
/// 2026" (the pattern and month names are Fluent messages).
pub fn date(lang: Lang, d: jiff::civil::Date) -> String {
    let month = month_name(lang, d.month());
    crate::tr!(
        lang,
        "date-long",
        day = i64::from(d.day()),
        month = month,
        year = i64::from(d.year())
    )
}

fn month_name(lang: Lang, month: i8) -> String {
    let id = match month {
        1 => "month-1",
        2 => "month-2",
        3 => "month-3",
        4 => "month-4",
        5 => "month-5",
        6 => "month-6",
        7 => "month-7",
        8 => "month-8",
        9 => "month-9",
        10 => "month-10",
        11 => "month-11",
        _ => "month-12",
    };
    super::message(lang, id, &[])
}

/// A date given as ISO text (YYYY-MM-DD) in the long form; other text as
/// it is.
pub fn date_text(lang: Lang, iso: &str) -> String {
    match jiff::civil::Date::strptime("%Y-%m-%d", iso) {
        Ok(d) => date(lang, d),
        Err(_) => iso.to_string(),
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\'');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_thousands_with_an_apostrophe_and_keep_cents_only_when_there_are_some() {
        assert_eq!(amount(123_400), "1'234");
        assert_eq!(amount(123_450), "1'234.50");
        assert_eq!(amount(5), "0.05");
        assert_eq!(amount(0), "0");
        assert_eq!(amount(-250_000), "-2'500");
        assert_eq!(amount(123_456_789), "1'234'567.89");
        assert_eq!(money("CHF", 123_400), "CHF 1'234");
        assert_eq!(money("CHF", 123_450), "CHF 1'234.50");
        assert_eq!(whole(99_940), "999");
        assert_eq!(whole(99_950), "1'000");
        assert_eq!(exact(-50), "-0.50");
        assert!(
            !money("CHF", 100_000_000).contains('’'),
            "ASCII apostrophe only"
        );
    }

    #[test]
    fn dates_take_the_long_form_of_the_language() {
        let d = jiff::civil::date(2026, 12, 2);
        assert_eq!(date(Lang::De, d), "2. Dezember 2026");
        assert_eq!(date(Lang::En, d), "2 December 2026");
        assert_eq!(
            date(Lang::De, jiff::civil::date(2027, 3, 1)),
            "1. März 2027"
        );
        assert_eq!(date_text(Lang::En, "2027-01-01"), "1 January 2027");
        assert_eq!(date_text(Lang::De, "undated"), "undated");
    }

    #[test]
    fn vat_and_validity_in_both_languages() {
        assert_eq!(crate::tr!(Lang::De, "excl-vat"), "exkl. MWST");
        assert_eq!(crate::tr!(Lang::En, "excl-vat"), "excl. VAT");
        assert_eq!(crate::tr!(Lang::De, "valid-until"), "Gültig bis");
        assert_eq!(crate::tr!(Lang::En, "valid-until"), "Valid until");
    }
}
