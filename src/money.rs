//! Exact money and UK display.
//!
//! GBP amounts are [`Decimal`] end to end: parsed from text, stored as TEXT,
//! written to files as strings. Rounding happens only for display, half away
//! from zero, as the self-score model says.

use std::fmt;

use chrono::{Datelike, NaiveDate};
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
    Quantity(value).to_string()
}

/// A decimal quantity as people write it, "3", "2.5", "60,000", written
/// straight into a formatter (the score writes hundreds on every keystroke).
#[derive(Debug, Clone, Copy)]
pub struct Quantity(pub Decimal);

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let value = self.0.normalize();
        let scale = value.scale();
        let mantissa = value.mantissa().unsigned_abs();
        let Some(unit) = 10u128.checked_pow(scale) else {
            // A decimal's scale is at most 28: 10^28 fits. Never reached.
            return write!(f, "{value}");
        };
        let (whole, frac) = (mantissa / unit, mantissa % unit);
        if value.is_sign_negative() && mantissa != 0 {
            f.write_str("-")?;
        }
        // The whole part, in groups of three digits, written from the right.
        let mut buf = [0u8; 64];
        let mut at = buf.len();
        let mut rest = whole;
        let mut n = 0;
        loop {
            if n > 0 && n % 3 == 0 {
                at -= 1;
                buf[at] = b',';
            }
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            n += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or_default())?;
        if scale > 0 {
            write!(f, ".{frac:0width$}", width = scale as usize)?;
        }
        Ok(())
    }
}

/// A date as UK readers expect it, "1 April 2027", without parsing a
/// format on every call.
#[derive(Debug, Clone, Copy)]
pub struct UkDate(pub NaiveDate);

impl fmt::Display for UkDate {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(self.0.month0() as usize)
            .copied()
            .unwrap_or_default();
        write!(f, "{} {month} {}", self.0.day(), self.0.year())
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

/// Each weight's share of their total out of 100, as [`of_100`] writes it.
/// A weight that is missing or not positive counts for nothing and gets
/// "0" (a plan being written may hold either).
pub fn shares_of_100(weights: &[Option<Decimal>]) -> Vec<String> {
    let counted = |w: &Option<Decimal>| w.filter(|w| w.is_sign_positive() && !w.is_zero());
    let total: Decimal = weights.iter().filter_map(counted).sum();
    weights
        .iter()
        .map(|w| counted(w).map_or_else(|| "0".to_owned(), |w| of_100(w, total)))
        .collect()
}

/// [`of_100`] as a percentage: "20%", "14.3%".
pub fn percent(part: Decimal, whole: Decimal) -> String {
    format!("{}%", of_100(part, whole))
}

/// A date as UK readers expect it: "21 November 2026".
pub fn uk_date(date: NaiveDate) -> String {
    UkDate(date).to_string()
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
    fn quantities_drop_trailing_zeros_and_group_thousands() {
        for (value, shown) in [
            ("0", "0"),
            ("60000.00", "60,000"),
            ("2.50", "2.5"),
            ("104", "104"),
            ("1000", "1,000"),
            ("999", "999"),
            ("100000", "100,000"),
            ("1234567.891", "1,234,567.891"),
            ("-1234.5", "-1,234.5"),
            ("-0.00", "0"),
            ("0.001", "0.001"),
            (
                "79228162514264337593543950335",
                "79,228,162,514,264,337,593,543,950,335",
            ),
        ] {
            assert_eq!(quantity(d(value)), shown, "{value}");
        }
    }

    #[test]
    fn shares_are_of_the_positive_weights_only() {
        let w = |s: &str| Decimal::from_str(s).ok();
        assert_eq!(
            shares_of_100(&[w("20"), w("20"), w("10"), None, w("-5"), w("0")]),
            ["40", "40", "20", "0", "0", "0"]
        );
        assert_eq!(shares_of_100(&[w("1"), w("6")]), ["14.3", "85.7"]);
        assert_eq!(
            shares_of_100(&[w("1"), w("1"), w("1")]),
            ["33.3", "33.3", "33.3"]
        );
        assert_eq!(shares_of_100(&[w("12.5"), w("37.5")]), ["25", "75"]);
        assert!(shares_of_100(&[]).is_empty());
        assert_eq!(shares_of_100(&[None, w("0")]), ["0", "0"]);
        // Half away from zero: 1 of 8 is 12.5 exactly; 1 of 16 is 6.25 -> 6.3.
        assert_eq!(shares_of_100(&[w("1"), w("15")]), ["6.3", "93.8"]);
    }

    #[test]
    fn dates_are_written_the_uk_way() {
        for ((y, m, day), shown) in [
            ((2026, 11, 1), "1 November 2026"),
            ((2028, 2, 29), "29 February 2028"),
            ((2030, 12, 31), "31 December 2030"),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            assert_eq!(uk_date(date), shown);
        }
    }
}
