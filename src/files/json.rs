//! Strict reading of JSON text, before any field is interpreted.
//!
//! [`parse`] turns the bytes of a file into a [`serde_json::Value`] while
//! enforcing every rule of the interchange files that does not depend on the
//! field: UTF-8 (a leading byte order mark is dropped), the size and nesting
//! limits, list lengths, text lengths, no control characters, no lone
//! surrogates, no duplicate keys, nothing after the top-level object. Each
//! refusal names where it happened.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::FileError;
use crate::domain::fields::{LONG_TEXT_MAX, quoted};

/// The largest file read: 16 MiB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The deepest nesting of objects and lists.
pub const MAX_DEPTH: usize = 32;
/// The most items in one list.
pub const MAX_LIST_ITEMS: usize = 10_000;

/// A step in the path to a value: a key or a list index.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Writes a path as the messages show it: `hot_topics[2].weight`.
fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        "the file".to_owned()
    } else {
        out
    }
}

#[derive(Default)]
struct State {
    path: Vec<Step>,
    depth: usize,
    /// The first refusal, with its place; serde only carries a string.
    refusal: Option<FileError>,
}

impl State {
    fn refuse<E: de::Error>(&mut self, message: String) -> E {
        let at = path_text(&self.path);
        self.refusal = Some(FileError::Invalid { at, message });
        E::custom("refused")
    }
}

struct Checker<'a>(&'a mut State);

impl<'de> DeserializeSeed<'de> for Checker<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

fn check_text(s: &str) -> Result<(), String> {
    if let Some(c) = s.chars().find(|&c| {
        (('\u{0}'..='\u{1f}').contains(&c) && !matches!(c, '\t' | '\n' | '\r'))
            || ('\u{7f}'..='\u{9f}').contains(&c)
    }) {
        return Err(format!(
            "contains the control character U+{:04X}, which is not allowed in any text (only tab, line feed and carriage return are)",
            u32::from(c)
        ));
    }
    let len = s.chars().count();
    if len > LONG_TEXT_MAX {
        return Err(format!(
            "is {len} characters long; the most any text may have is {LONG_TEXT_MAX}"
        ));
    }
    Ok(())
}

impl<'de> Visitor<'de> for Checker<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        match check_text(v) {
            Ok(()) => Ok(Value::String(v.to_owned())),
            Err(message) => Err(self.0.refuse(format!("this text {message}"))),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        match check_text(&v) {
            Ok(()) => Ok(Value::String(v)),
            Err(message) => Err(self.0.refuse(format!("this text {message}"))),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let state = self.0;
        state.depth += 1;
        if state.depth > MAX_DEPTH {
            return Err(state.refuse(format!(
                "nested more than {MAX_DEPTH} levels deep; no Offerwright file needs that many"
            )));
        }
        let mut items = Vec::new();
        loop {
            if items.len() == MAX_LIST_ITEMS {
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(state.refuse(format!(
                        "this list has more than {MAX_LIST_ITEMS} items, the most a list may have"
                    )));
                }
                break;
            }
            state.path.push(Step::Index(items.len()));
            let item = seq.next_element_seed(Checker(state))?;
            state.path.pop();
            match item {
                Some(v) => items.push(v),
                None => break,
            }
        }
        state.depth -= 1;
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let state = self.0;
        state.depth += 1;
        if state.depth > MAX_DEPTH {
            return Err(state.refuse(format!(
                "nested more than {MAX_DEPTH} levels deep; no Offerwright file needs that many"
            )));
        }
        let mut out = Map::new();
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if let Err(message) = check_text(&key) {
                return Err(state.refuse(format!("a field name {message}")));
            }
            if !seen.insert(key.clone()) {
                state.path.push(Step::Key(key.clone()));
                return Err(state.refuse(format!(
                    "the field {} appears twice in the same object; keep one",
                    quoted(&key)
                )));
            }
            state.path.push(Step::Key(key.clone()));
            let value = map.next_value_seed(Checker(state))?;
            state.path.pop();
            out.insert(key, value);
        }
        state.depth -= 1;
        Ok(Value::Object(out))
    }
}

/// Reads the bytes of a file as strict JSON, refusing what the formats refuse.
pub fn parse(bytes: &[u8]) -> Result<Value, FileError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        FileError::Whole(format!(
            "the file is not UTF-8 text (byte {} is not valid UTF-8): save it as UTF-8 and try again",
            e.valid_up_to() + 1
        ))
    })?;
    if text.trim().is_empty() {
        return Err(FileError::Whole(
            "the file is empty: expected a JSON object".to_owned(),
        ));
    }
    let mut state = State::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Checker(&mut state)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match value {
        Ok(v) if v.is_object() => Ok(v),
        Ok(_) => Err(FileError::Whole(
            "expected a JSON object ({ ... }) at the top of the file".to_owned(),
        )),
        Err(e) => Err(state.refusal.unwrap_or_else(|| syntax(&e))),
    }
}

/// Checks a value already in memory by the same rules as [`parse`]
/// (depth, list lengths, texts), for data that did not come from a file.
pub fn check_value(value: Value) -> Result<Value, FileError> {
    let mut state = State::default();
    Checker(&mut state).deserialize(value).map_err(|e| {
        state
            .refusal
            .take()
            .unwrap_or_else(|| FileError::Whole(e.to_string()))
    })
}

/// The refusal for a file over the size limit.
pub fn too_large(size: u64) -> FileError {
    FileError::Whole(format!(
        "the file is {size} bytes; the most Offerwright reads is {MAX_FILE_BYTES} bytes (16 MiB)"
    ))
}

fn syntax(e: &serde_json::Error) -> FileError {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let message = match message {
        "trailing characters" => "there is more after the end of the top-level object",
        m if m.starts_with("lone leading surrogate")
            || m.starts_with("unexpected end of hex escape") =>
        {
            "an escape (\\uD8xx) does not make Unicode text (a lone surrogate)"
        }
        "invalid unicode code point" => {
            "an escape (\\uDCxx) does not make Unicode text (a lone surrogate)"
        }
        "EOF while parsing an object"
        | "EOF while parsing a list"
        | "EOF while parsing a string"
        | "EOF while parsing a value" => {
            "the file ends in the middle of the JSON (is it cut short?)"
        }
        m => m,
    };
    FileError::Whole(format!(
        "not valid JSON at line {}, column {}: {message}",
        e.line(),
        e.column()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> String {
        parse(text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn keeps_a_plain_object() {
        let v = parse(br#"{"a": [1, "x", {"b": null}]}"#).unwrap();
        assert_eq!(v["a"][1], "x");
    }

    #[test]
    fn drops_a_byte_order_mark() {
        assert!(parse(b"\xEF\xBB\xBF{}").is_ok());
    }

    #[test]
    fn names_the_duplicate_key() {
        assert_eq!(
            refused(r#"{"a": {"b": 1, "b": 2}}"#),
            r#"a.b: the field "b" appears twice in the same object; keep one"#
        );
    }

    #[test]
    fn refuses_control_characters_with_their_place() {
        assert_eq!(
            refused(r#"{"a": ["ok", "bell\u0007"]}"#),
            "a[1]: this text contains the control character U+0007, which is not allowed in any text (only tab, line feed and carriage return are)"
        );
    }

    #[test]
    fn refuses_a_lone_surrogate() {
        assert!(refused(r#"{"a": "\ud800"}"#).contains("lone surrogate"));
    }

    #[test]
    fn depth_is_counted_from_the_top() {
        let ok = format!("{}{}", "[".repeat(31), "]".repeat(31));
        assert!(parse(format!("{{\"a\": {ok}}}").as_bytes()).is_ok());
        let deep = format!("{}{}", "[".repeat(32), "]".repeat(32));
        assert!(refused(&format!("{{\"a\": {deep}}}")).contains("nested more than 32 levels"));
    }
}
