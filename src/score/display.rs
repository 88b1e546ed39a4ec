//! Figures written straight into the report's sentences, with no string in
//! between: the score writes hundreds of them on every keystroke.
//!
//! Each writes exactly what its counterpart in [`crate::money`] writes (the
//! tests below hold them to it).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::money::round;

/// A decimal quantity as people write it: "3", "2.5", "60,000"; the same
/// as [`crate::money::quantity`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Qty(pub Decimal);

impl fmt::Display for Qty {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let value = self.0.normalize();
        let scale = value.scale();
        let mantissa = value.mantissa().unsigned_abs();
        let Some(unit) = 10u128.checked_pow(scale) else {
            return f.write_str(&crate::money::quantity(self.0));
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

/// A date as UK readers expect it, "1 April 2027"; the same as
/// [`crate::money::uk_date`], without parsing a format on every call.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Day(pub NaiveDate);

impl fmt::Display for Day {
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

/// A figure to one decimal place, half away from zero: "7.4", "5.0".
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tenths(pub Decimal);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let rounded = round(self.0, 1);
        // Tenths as a whole number: 7.4 -> 74, 5 -> 50.
        let tenths = match rounded.scale() {
            0 => rounded.mantissa().checked_mul(10),
            1 => Some(rounded.mantissa()),
            _ => None,
        };
        match tenths {
            Some(t) => {
                let sign = if t < 0 { "-" } else { "" };
                write!(f, "{sign}{}.{}", (t / 10).abs(), (t % 10).abs())
            }
            None => write!(f, "{rounded:.1}"),
        }
    }
}

/// The marks a fix gains: "+0.6 marks"; a gain too small to show at one
/// decimal place keeps two ("+0.04 marks").
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gain(pub Decimal);

impl fmt::Display for Gain {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let gain = self.0;
        if gain.is_zero() || !round(gain, 1).is_zero() {
            return write!(f, "+{} marks", Tenths(gain));
        }
        let two = round(gain, 2);
        if two.is_zero() {
            f.write_str("+less than 0.01 marks")
        } else {
            write!(f, "+{two:.2} marks")
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::money::{quantity, uk_date};

    #[test]
    fn quantities_are_written_as_money_writes_them() {
        for s in [
            "0",
            "3",
            "2.50",
            "104",
            "1000",
            "60000.00",
            "1234567.891",
            "-1234.5",
            "0.001",
            "999",
            "100000",
            "79228162514264337593543950335",
        ] {
            let d = Decimal::from_str(s).unwrap();
            assert_eq!(Qty(d).to_string(), quantity(d), "{s}");
        }
    }

    #[test]
    fn days_are_written_as_money_writes_them() {
        for (y, m, d) in [(2027, 4, 1), (2028, 2, 29), (2030, 12, 31)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(Day(date).to_string(), uk_date(date));
        }
    }

    #[test]
    fn gains_show_one_place_or_two_when_small() {
        for (gain, shown) in [
            ("0.6", "+0.6 marks"),
            ("1", "+1.0 marks"),
            ("0.05", "+0.1 marks"),
            ("0.04", "+0.04 marks"),
            ("0.004", "+less than 0.01 marks"),
            ("0", "+0.0 marks"),
        ] {
            let gain = Decimal::from_str(gain).unwrap();
            assert_eq!(Gain(gain).to_string(), shown);
        }
    }
}
