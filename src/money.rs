//! Exact money and UK display.
//!
//! GBP amounts are [`Decimal`] end to end: parsed from text, stored as TEXT,
//! written to files as strings. Rounding happens only for display, half away
//! from zero, as the self-score model says.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
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

/// The words of a unit that make it money (with "£" itself): its figures
/// are then written in pounds and pence.
pub const MONEY_UNITS: [&str; 3] = ["gbp", "pound", "pounds"];

/// Whether a unit is money: "GBP", "£", "pounds", in any case.
pub fn is_money_unit(unit: &str) -> bool {
    let unit = unit.trim();
    unit == "£" || MONEY_UNITS.iter().any(|m| unit.eq_ignore_ascii_case(m))
}

/// A figure with its unit, the one way every face and file writes one:
/// "3 people", "2.5 tonnes CO2e", "£60,000.00" for a unit that is money,
/// "12" with no unit.
pub fn figure(value: Decimal, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) if is_money_unit(u) => gbp(value),
        Some(u) => format!("{} {u}", quantity(value)),
        None => quantity(value),
    }
}

/// A figure that was worked out (a target to date, an amount pro rata), to
/// at most two decimal places: "1.49 people".
pub fn figure_2dp(value: Decimal, unit: Option<&str>) -> String {
    figure(round(value, 2), unit)
}

/// The months' names, January first, as dates are written.
pub const MONTHS: [&str; 12] = [
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

fn month_name(date: &impl Datelike) -> &'static str {
    MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default()
}

/// A date for a table: "21 Nov 2026".
pub fn short_uk_date(date: NaiveDate) -> String {
    let month = month_name(&date);
    format!("{} {} {}", date.day(), &month[..3], date.year())
}

/// A moment in the offset it was given in: "21 Nov 2026, 09:30".
pub fn uk_date_time(at: DateTime<FixedOffset>) -> String {
    format!(
        "{}, {:02}:{:02}",
        short_uk_date(at.date_naive()),
        at.hour(),
        at.minute()
    )
}

/// How long before `now` a moment was: "just now", "5 minutes ago",
/// "2 hours ago", "yesterday", "3 days ago", then "on 21 November 2026".
pub fn ago(then: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let plural = |n: i64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let seconds = (now - then).num_seconds().max(0);
    let (minutes, hours, days) = (seconds / 60, seconds / 3600, seconds / 86_400);
    match () {
        () if seconds < 60 => "just now".to_owned(),
        () if minutes < 60 => format!("{} ago", plural(minutes, "minute")),
        () if hours < 24 => format!("{} ago", plural(hours, "hour")),
        () if days == 1 => "yesterday".to_owned(),
        () if days < 7 => format!("{days} days ago"),
        () => format!(
            "on {}",
            uk_date(then.with_timezone(now.offset()).date_naive())
        ),
    }
}

/// A file's size: "96 KB", "1.4 MB", "2 MB" (at least "1 KB").
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        let kb = round(Decimal::from(bytes) / Decimal::from(KB), 0);
        format!("{} KB", quantity(kb.max(Decimal::ONE)))
    } else {
        let mb = round(Decimal::from(bytes) / Decimal::from(MB), 1);
        format!("{} MB", quantity(mb))
    }
}

/// A date as UK readers expect it, "1 April 2027", without parsing a
/// format on every call.
#[derive(Debug, Clone, Copy)]
pub struct UkDate(pub NaiveDate);

impl fmt::Display for UkDate {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.0.day(),
            month_name(&self.0),
            self.0.year()
        )
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
    fn figures_carry_their_unit_and_money_is_in_pounds() {
        for (value, unit, shown) in [
            ("3", Some("people"), "3 people"),
            ("60000", Some("GBP"), "£60,000.00"),
            ("60000", Some(" £ "), "£60,000.00"),
            ("2.5", Some("Pounds"), "£2.50"),
            ("2.50", Some("tonnes CO2e"), "2.5 tonnes CO2e"),
            ("12", None, "12"),
            ("12", Some("  "), "12"),
            ("1000", Some("GBP per year"), "1,000 GBP per year"),
        ] {
            assert_eq!(figure(d(value), unit), shown, "{value} {unit:?}");
        }
        assert_eq!(figure_2dp(d("1.4949"), Some("people")), "1.49 people");
        assert_eq!(figure_2dp(d("1.005"), None), "1.01");
    }

    #[test]
    fn times_sizes_and_ages_read_as_people_say_them() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let now = at("2026-11-21T12:00:00+00:00");
        assert_eq!(short_uk_date(now.date_naive()), "21 Nov 2026");
        assert_eq!(
            uk_date_time(at("2026-06-01T08:05:00+01:00")),
            "1 Jun 2026, 08:05"
        );
        for (then, shown) in [
            ("2026-11-21T11:59:30Z", "just now"),
            ("2026-11-21T12:00:30Z", "just now"),
            ("2026-11-21T11:59:00Z", "1 minute ago"),
            ("2026-11-21T11:05:00Z", "55 minutes ago"),
            ("2026-11-21T10:00:00Z", "2 hours ago"),
            ("2026-11-20T11:00:00Z", "yesterday"),
            ("2026-11-18T12:00:00Z", "3 days ago"),
            ("2026-11-01T09:00:00Z", "on 1 November 2026"),
        ] {
            assert_eq!(ago(at(then), now), shown, "{then}");
        }
        for (bytes, shown) in [
            (0, "1 KB"),
            (1536, "2 KB"),
            (98_304, "96 KB"),
            (1_048_575, "1,024 KB"),
            (1_468_006, "1.4 MB"),
            (2 * 1_048_576, "2 MB"),
            (u64::MAX, "17,592,186,044,416 MB"),
        ] {
            assert_eq!(file_size(bytes), shown, "{bytes}");
        }
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
