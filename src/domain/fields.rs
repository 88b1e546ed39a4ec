//! Field-level (de)serialisers shared by the domain types.
//!
//! Each function checks one kind of value of the interchange files
//! (`../../docs/formats.md`): slugs, names, texts, decimals written as
//! strings, ISO dates. Their error messages are read by users: they say what
//! was expected and what was found; the caller adds the field path.
//!
//! Limits that apply to every value whatever its field (nesting, list length,
//! control characters, the 200,000-character ceiling) are enforced earlier,
//! by [`crate::files::json`]; the checks here are the ones that depend on the
//! field.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serializer};

/// Most characters in a short text: ids, names, titles, units, owners, places.
pub const SHORT_TEXT_MAX: usize = 2_000;

/// Most characters in any other text (answers, descriptions, how, evidence).
pub const LONG_TEXT_MAX: usize = 200_000;

/// The largest decimal a file or the store may hold, either side of zero:
/// a million million (10^12). No weight, sum of money or quantity of a real
/// offer comes near it, and with it every sum and product the score and the
/// reports make stays far inside what a decimal can hold.
pub const DECIMAL_MAX: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

/// The longest contract a tender may describe: 600 months, fifty years.
pub const MONTHS_MAX: u32 = 600;

/// The deepest an answer's Markdown may nest quotes and lists inside each
/// other. Deeper nesting is refused in files and in the store, and the
/// renderers keep anything deeper flat.
pub const MARKDOWN_DEPTH_MAX: usize = 16;

/// Whether `s` is a slug: one or more of `a-z`, `0-9` and `-`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a decimal written as docs/formats.md says: `-?[0-9]+(\.[0-9]+)?`, exact.
pub fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
        return Err(format!(
            "expected a decimal written with digits and an optional decimal point, such as \"20\" or \"14000.00\" (no currency sign, comma, space or exponent), found {}",
            quoted(s)
        ));
    }
    let value = Decimal::from_str_exact(s).map_err(|_| {
        format!(
            "expected a decimal of at most 28 significant digits, found {}",
            quoted(s)
        )
    })?;
    if value.abs() > DECIMAL_MAX {
        return Err(format!(
            "expected a decimal of at most 1000000000000 (a million million), found {}",
            quoted(s)
        ));
    }
    Ok(value)
}

/// How deeply the Markdown `text` nests quotes and lists inside each other
/// (0 for plain paragraphs), as the renderers would read it.
pub fn markdown_depth(text: &str) -> usize {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    // Only a text with a quote or list marker can nest: skip the parse for
    // the rest.
    if !text
        .bytes()
        .any(|b| matches!(b, b'>' | b'-' | b'*' | b'+' | b'.' | b')'))
    {
        return 0;
    }
    let (mut depth, mut deepest) = (0_usize, 0_usize);
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth = depth.saturating_add(1);
                deepest = deepest.max(depth);
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    deepest
}

/// Refuses Markdown nested deeper than [`MARKDOWN_DEPTH_MAX`].
fn check_markdown(s: String) -> Result<String, String> {
    let depth = markdown_depth(&s);
    if depth > MARKDOWN_DEPTH_MAX {
        return Err(format!(
            "the Markdown nests quotes or lists {depth} levels deep, more than the {MARKDOWN_DEPTH_MAX} Offerwright reads: flatten it"
        ));
    }
    Ok(s)
}

/// Parses an ISO 8601 calendar date, `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let date = shaped
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten();
    date.ok_or_else(|| {
        format!(
            "expected a real calendar date written YYYY-MM-DD, such as \"2027-06-30\", found {}",
            quoted(s)
        )
    })
}

/// Formats a date as the files write it: `YYYY-MM-DD`.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A value shown in a message: quoted, and cut short when long.
pub fn quoted(s: &str) -> String {
    const SHOWN: usize = 60;
    if s.chars().count() > SHOWN {
        let head: String = s.chars().take(SHOWN).collect();
        format!("{:?}...", head)
    } else {
        format!("{s:?}")
    }
}

/// Checks a text against a kind of field and returns it unchanged.
fn check_text(s: String, max: usize, non_empty: bool) -> Result<String, String> {
    let len = s.chars().count();
    if len > max {
        return Err(format!(
            "expected at most {max} characters, found {len}: shorten this text"
        ));
    }
    if non_empty && s.trim().is_empty() {
        return Err("expected a non-empty text, found only white space or nothing".to_owned());
    }
    Ok(s)
}

/// Checks a short text that names something: its length, and none of the
/// invisible characters that make a name show as something it is not
/// ([`crate::text::spoofing`]).
fn check_short(s: String, non_empty: bool) -> Result<String, String> {
    let s = check_text(s, SHORT_TEXT_MAX, non_empty)?;
    if let Some(c) = s.chars().find(|&c| crate::text::spoofing(c)) {
        return Err(format!(
            "this text contains {}, an invisible character that can make a name show as something it is not: remove it",
            crate::text::describe(c)
        ));
    }
    Ok(s)
}

fn check_slug(s: String) -> Result<String, String> {
    let s = check_short(s, false)?;
    if is_slug(&s) {
        Ok(s)
    } else {
        Err(format!(
            "expected an id made of lower-case letters, digits and hyphens, such as \"local-jobs\", found {}",
            quoted(&s)
        ))
    }
}

/// A visitor for string values that explains what it found when it is not a string.
struct StrVisitor<F> {
    what: &'static str,
    check: F,
}

impl<'de, T, F: FnOnce(String) -> Result<T, String>> Visitor<'de> for StrVisitor<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.check)(v.to_owned()).map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        (self.check)(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Err(E::custom(found_number(self.what, &v.to_string())))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Err(E::custom(found_number(self.what, &v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Err(E::custom(found_number(self.what, &v.to_string())))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Err(E::custom(format!("expected {}, found {v}", self.what)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Err(E::custom(format!("expected {}, found null", self.what)))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(de::Error::custom(format!(
            "expected {}, found a list",
            self.what
        )))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(de::Error::custom(format!(
            "expected {}, found an object",
            self.what
        )))
    }
}

fn found_number(what: &str, n: &str) -> String {
    if what.starts_with("a decimal") {
        format!(
            "expected {what}; found the JSON number {n}: write decimals as strings, \"{n}\", so that no digit is lost"
        )
    } else {
        format!("expected {what}, found the number {n}")
    }
}

fn text_with<'de, D, T>(
    d: D,
    what: &'static str,
    check: impl FnOnce(String) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    d.deserialize_any(StrVisitor { what, check })
}

/// An optional value: absent and `null` mean the same.
fn opt_with<'de, D, T>(
    d: D,
    inner: impl FnOnce(serde_json::Value) -> Result<T, serde_json::Error>,
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Option::<serde_json::Value>::deserialize(d)?;
    match value {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => inner(v).map(Some).map_err(de::Error::custom),
    }
}

/// A slug id.
pub fn slug<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_with(d, "an id (a text of a-z, 0-9 and -)", check_slug)
}

/// An optional slug id (a reference that may be absent).
pub fn opt_slug<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    opt_with(d, slug)
}

/// A short text that names something: non-empty, at most 2,000 characters.
pub fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_with(d, "a text", |s| check_short(s, true))
}

/// An optional short naming text.
pub fn opt_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    opt_with(d, name)
}

/// An optional short text that may be empty (owner, where, reporting...).
pub fn opt_short<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    opt_with(d, |v| text_with(v, "a text", |s| check_short(s, false)))
}

/// A long text that names something (a question's text, a commitment's what).
pub fn long_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_with(d, "a text", |s| check_text(s, LONG_TEXT_MAX, true))
}

/// A long text that may be empty (an answer in progress).
pub fn long<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_with(d, "a text", |s| check_text(s, LONG_TEXT_MAX, false))
}

/// An answer's Markdown: a long text nested at most [`MARKDOWN_DEPTH_MAX`] deep.
pub fn markdown<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_with(d, "a text", |s| {
        check_text(s, LONG_TEXT_MAX, false).and_then(check_markdown)
    })
}

/// An optional long text.
pub fn opt_long<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    opt_with(d, long)
}

/// A decimal written as a string, not negative.
pub fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    text_with(d, "a decimal written as a string, such as \"20\"", |s| {
        let value = parse_decimal(&s)?;
        if value.is_sign_negative() && !value.is_zero() {
            Err(format!(
                "expected a decimal of 0 or more, found {}",
                quoted(&s)
            ))
        } else {
            Ok(value)
        }
    })
}

/// An optional non-negative decimal.
pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    opt_with(d, decimal)
}

/// An ISO calendar date.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    text_with(d, "a date written YYYY-MM-DD", |s| parse_date(&s))
}

/// An optional ISO calendar date.
pub fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    opt_with(d, date)
}

/// A moment, written in RFC 3339 ("2027-07-02T09:14:00Z"); kept as written.
pub fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_with(
        d,
        "a date and time written in RFC 3339, such as \"2027-07-02T09:14:00Z\"",
        |s| match chrono::DateTime::parse_from_rfc3339(&s) {
            Ok(_) => Ok(s),
            Err(_) => Err(format!(
                "expected a date and time written in RFC 3339, such as \"2027-07-02T09:14:00Z\", found {}",
                quoted(&s)
            )),
        },
    )
}

/// An optional list of short naming texts; absent or `null` is empty.
pub fn names<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Name(#[serde(deserialize_with = "name")] String);
    let list = Option::<Vec<Name>>::deserialize(d)?;
    Ok(list.unwrap_or_default().into_iter().map(|n| n.0).collect())
}

/// An optional list of slug ids; absent or `null` is empty.
pub fn slugs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Slug(#[serde(deserialize_with = "slug")] String);
    let list = Option::<Vec<Slug>>::deserialize(d)?;
    Ok(list.unwrap_or_default().into_iter().map(|n| n.0).collect())
}

/// An optional list of any deserialisable items; absent or `null` is empty.
pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// An optional flag; absent or `null` is false.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(false))
}

/// A contract's length: a whole number of months from 1 to [`MONTHS_MAX`].
pub fn months<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = count(d)?;
    if n > MONTHS_MAX {
        return Err(de::Error::custom(format!(
            "expected a whole number of months from 1 to {MONTHS_MAX} (fifty years), found {n}"
        )));
    }
    Ok(n)
}

/// A whole number of at least 1 (word limits, months).
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    struct CountVisitor;
    impl Visitor<'_> for CountVisitor {
        type Value = u32;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number of 1 or more")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
            match u32::try_from(v) {
                Ok(n) if n >= 1 => Ok(n),
                _ => Err(E::custom(format!(
                    "expected a whole number from 1 to {}, found {v}",
                    u32::MAX
                ))),
            }
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
            Err(E::custom(format!(
                "expected a whole number of 1 or more, found {v}"
            )))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
            Err(E::custom(format!(
                "expected a whole number of 1 or more written without a decimal point, found {v}"
            )))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
            Err(E::custom(format!(
                "expected a whole number of 1 or more written as a JSON number, found the text {}",
                quoted(v)
            )))
        }
    }
    d.deserialize_any(CountVisitor)
}

/// An optional whole number of at least 1.
pub fn opt_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    opt_with(d, count)
}

/// Writes a decimal as a string, keeping its scale ("14000.00").
pub fn ser_decimal<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// Writes an optional decimal as a string.
pub fn ser_opt_decimal<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// Writes a date as `YYYY-MM-DD`.
pub fn ser_date<S: Serializer>(v: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&v.format("%Y-%m-%d"))
}

/// Writes an optional date as `YYYY-MM-DD`.
pub fn ser_opt_date<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => ser_date(v, s),
        None => s.serialize_none(),
    }
}
