//! Hyphenation, the last resort of line breaking: UK English Knuth-Liang
//! patterns (`assets/hyphenation/`), loaded once.
//!
//! Only a word wider than any line or column the page can give it is ever
//! split, and then at most once where a pattern allows it, with a visible
//! hyphen. A token that is not a plain word (a number, a date, an amount,
//! an id, an address) is never hyphenated.

use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

static EN_GB: LazyLock<Option<Standard>> = LazyLock::new(|| {
    let mut bytes: &[u8] = include_bytes!("../../../assets/hyphenation/en-gb.standard.bincode");
    Standard::from_reader(Language::EnglishGB, &mut bytes).ok()
});

/// The longest token, in bytes, taken for a word: the longest words of
/// English dictionaries have about 45 letters.
const LONGEST_WORD: usize = 64;

/// A place where a word may be split: the byte offset of the second part,
/// and whether a hyphen must be added to the first (not when the word
/// already has one there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Point {
    pub at: usize,
    pub hyphen: bool,
}

/// Whether `token` is a plain word that may be hyphenated: letters, with
/// apostrophes and hyphens inside and punctuation at either end. Anything
/// with a digit or the marks of an amount, an id, an address or a formula
/// is not, nor is the name of a month (a date's).
pub(crate) fn is_plain_word(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    // A month's name is part of a date; a run of letters longer than any
    // English word is not a word (and is cut, not hyphenated).
    !core.is_empty()
        && core.len() <= LONGEST_WORD
        && !crate::money::MONTHS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(core))
        && core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}'))
}

/// The places where `token` may be hyphenated, in order: after a hyphen it
/// already has, or where the UK English patterns allow (at least two
/// letters before and three after). None for a token that is not a plain
/// word.
pub(crate) fn points(token: &str) -> Vec<Point> {
    if !is_plain_word(token) {
        return Vec::new();
    }
    let Some(dict) = EN_GB.as_ref() else {
        return Vec::new();
    };
    let start = token.len()
        - token
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out = Vec::new();
    let mut offset = start;
    for part in core.split_inclusive(['-', '\u{2010}']) {
        let letters = part.trim_end_matches(['-', '\u{2010}']);
        let word = dict.hyphenate(letters);
        out.extend(word.breaks.iter().map(|b| Point {
            at: offset + b,
            hyphen: true,
        }));
        offset += part.len();
        if letters.len() < part.len() && offset < start + core.len() {
            out.push(Point {
                at: offset,
                hyphen: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(token: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for p in points(token) {
            out.push(format!(
                "{}{}",
                &token[from..p.at],
                if p.hyphen { "-" } else { "" }
            ));
            from = p.at;
        }
        out.push(token[from..].to_owned());
        out
    }

    #[test]
    fn uk_english_words_split_where_the_patterns_allow() {
        assert_eq!(parts("Procurement"), ["Pro-", "cure-", "ment"]);
        assert_eq!(parts("Apprenticeship"), ["Ap-", "pren-", "tice-", "ship"]);
        assert_eq!(parts("Partnerships,"), ["Part-", "ner-", "ships,"]);
    }

    #[test]
    fn a_hyphenated_compound_splits_after_its_own_hyphen_too() {
        let p = points("well-being");
        assert!(p.contains(&Point {
            at: 5,
            hyphen: false
        }));
    }

    #[test]
    fn numbers_dates_money_ids_and_addresses_are_never_split() {
        let long = "y".repeat(65);
        for token in [
            "2,500",
            "31/08/2030",
            "September",
            "February,",
            "£480,000.00",
            "sv1",
            "NT12",
            "https://example.org/procurement",
            long.as_str(),
            "bids@example.org",
            "",
            "---",
        ] {
            assert!(points(token).is_empty(), "{token:?} was split");
        }
    }
}
