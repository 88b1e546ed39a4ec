//! Exact money and UK display.
//!
//! GBP amounts are [`Decimal`] end to end: parsed from text, stored as TEXT,
//! written to files as strings. Rounding happens only for display, half away
//! from zero, as the self-score model says.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds for display: `dp` decimal places, half away from zero.
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// Groups the digits of a whole number in thousands: "480000" -> "480,000".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A GBP amount as UK readers expect it: "£480,000.00", "-£12.50".
pub fn gbp(value: Decimal) -> String {
    let rounded = round(value, 2);
    let text = format!("{:.2}", rounded.abs());
    let (whole, pence) = text.split_once('.').unwrap_or((&text, "00"));
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}£{}.{pence}", group_thousands(whole))
}

/// A decimal quantity as written by people: "3", "2.5", "60,000".
pub fn quantity(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    match digits.split_once('.') {
        Some((whole, frac)) => format!("{sign}{}.{frac}", group_thousands(whole)),
        None => format!("{sign}{}", group_thousands(digits)),
    }
}

/// A part's share of a whole out of 100, to one place at most, half away
/// from zero: "20", "12.5", "14.3"; "0" of a whole of nothing. The one rule
/// for a hot topic's share of the weights, wherever it is shown.
pub fn of_100(part: Decimal, whole: Decimal) -> String {
    if whole.is_zero() {
        return "0".to_owned();
    }
    quantity(round(part / whole * Decimal::ONE_HUNDRED, 1))
}

/// [`of_100`] as a percentage: "20%", "14.3%".
pub fn percent(part: Decimal, whole: Decimal) -> String {
    format!("{}%", of_100(part, whole))
}

/// A date as UK readers expect it: "21 November 2026".
pub fn uk_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn gbp_groups_and_rounds_half_away_from_zero() {
        assert_eq!(gbp(d("480000")), "£480,000.00");
        assert_eq!(gbp(d("0.005")), "£0.01");
        assert_eq!(gbp(d("-0.005")), "-£0.01");
        assert_eq!(gbp(d("1234567.894")), "£1,234,567.89");
        assert_eq!(gbp(d("999.995")), "£1,000.00");
        assert_eq!(gbp(d("0")), "£0.00");
    }

    #[test]
    fn quantities_drop_trailing_zeros() {
        assert_eq!(quantity(d("60000.00")), "60,000");
        assert_eq!(quantity(d("2.50")), "2.5");
        assert_eq!(quantity(d("104")), "104");
    }

    #[test]
    fn dates_are_written_the_uk_way() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(uk_date(date), "1 November 2026");
    }
}
