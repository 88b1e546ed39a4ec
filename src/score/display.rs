//! Figures written straight into the report's sentences, with no string in
//! between: the score writes hundreds of them on every keystroke. Quantities
//! and dates are [`crate::money`]'s own writers.

use std::fmt;

use rust_decimal::Decimal;

use crate::money::round;
pub(crate) use crate::money::{Quantity as Qty, UkDate as Day};

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
