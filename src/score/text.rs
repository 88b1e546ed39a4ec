//! The text rules of the model: what counts as *given*, how words are
//! counted, where hedging phrases are, and which words an answer uses.
//!
//! Everything here scans a text once, without regular expressions, so that
//! the score can run on every keystroke.

use std::sync::OnceLock;

/// The values that count as a placeholder rather than an answer, compared
/// after trimming white space and trailing full stops, in any case.
pub const PLACEHOLDERS: [&str; 7] = ["tbc", "tbd", "n/a", "na", "-", "?", "todo"];

/// List H, the hedging phrases of the model (docs/scoring.md, section 7).
/// A commitment whose `what` or `how` holds one of these stops at band 2
/// (R15), and each one in an answer is a warning.
pub const HEDGING_PHRASES: [&str; 25] = [
    "where possible",
    "where appropriate",
    "as appropriate",
    "if feasible",
    "aim to",
    "aims to",
    "endeavour",
    "seek to",
    "strive to",
    "hope to",
    "look to",
    "try to",
    "where practicable",
    "where feasible",
    "as far as possible",
    "if possible",
    "where we can",
    "we would like to",
    "explore",
    "consider",
    "our ambition",
    "seek",
    "aim",
    "wherever possible",
    "subject to",
];

/// More phrases that sound like a promise but are not one. Offerwright warns
/// about them as well, but they do not change any band.
pub const EXTRA_HEDGING_PHRASES: [&str; 12] = [
    "as far as practicable",
    "endeavours",
    "aiming to",
    "seeks to",
    "seeking to",
    "strives to",
    "hopes to",
    "hoping to",
    "looks to",
    "looking to",
    "tries to",
    "trying to",
];

/// The words that mark a note to self wherever they stand as a whole word
/// (R10), compared in any case.
pub const NOTE_WORDS: [&str; 7] = ["tbc", "tbd", "tba", "todo", "fixme", "xx", "xxx"];

/// Whether a text field is *given*: non-empty once trimmed, and not a
/// placeholder such as "TBC", "tbc." or "n/a" (see [`PLACEHOLDERS`]).
/// "tbc - ask Jo" is given: it says something.
pub fn is_given(text: &str) -> bool {
    let trimmed = text.trim();
    !trimmed.is_empty() && !is_placeholder(trimmed)
}

/// Whether a non-empty text is one of the [`PLACEHOLDERS`].
pub(crate) fn is_placeholder(text: &str) -> bool {
    let core = text.trim().trim_end_matches('.').trim();
    PLACEHOLDERS.iter().any(|p| core.eq_ignore_ascii_case(p))
}

/// An optional field that is given, trimmed.
pub(crate) fn given(text: Option<&str>) -> Option<&str> {
    text.filter(|t| is_given(t)).map(str::trim)
}

/// Counts the words of an answer as evaluators do (docs/scoring.md, section 4):
/// list markers at the start of a line (`-`, `*`, `+`, `1.`, `1)` followed by
/// a space or tab) are dropped, then a word is a run of non-space characters
/// holding at least one letter or digit.
pub fn word_count(text: &str) -> u32 {
    if text.is_ascii() {
        return ascii_word_count(text.as_bytes());
    }
    let mut count: u32 = 0;
    for line in text.split('\n') {
        let rest = strip_list_marker(line.trim_start_matches([' ', '\t']));
        if let Some(n) = ascii_words(rest.as_bytes()) {
            count = count.saturating_add(n);
            continue;
        }
        for word in rest.split_whitespace() {
            if word.chars().any(char::is_alphanumeric) {
                count = count.saturating_add(1);
            }
        }
    }
    count
}

/// [`word_count`] of an ASCII text, in one pass over its bytes.
fn ascii_word_count(bytes: &[u8]) -> u32 {
    let mut count: u32 = 0;
    let mut at = 0;
    while at < bytes.len() {
        // The start of a line: indentation, then perhaps a list marker.
        while let Some(b' ' | b'\t') = bytes.get(at) {
            at += 1;
        }
        at += list_marker_len(&bytes[at..]);
        let mut counted = false;
        while let Some(&b) = bytes.get(at) {
            at += 1;
            if b == b'\n' {
                break;
            }
            if matches!(b, b' ' | b'\t' | 0x0b | 0x0c | b'\r') {
                counted = false;
            } else if !counted && b.is_ascii_alphanumeric() {
                counted = true;
                count = count.saturating_add(1);
            }
        }
    }
    count
}

/// The words of an ASCII line, the fast path of [`word_count`], with the
/// same white space as `char::is_whitespace`; none if the line is not ASCII.
fn ascii_words(line: &[u8]) -> Option<u32> {
    let mut count: u32 = 0;
    let mut counted = false;
    for &b in line {
        if !b.is_ascii() {
            return None;
        }
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            counted = false;
        } else if !counted && b.is_ascii_alphanumeric() {
            counted = true;
            count = count.saturating_add(1);
        }
    }
    Some(count)
}

/// The line without its list marker, if it starts with one.
fn strip_list_marker(line: &str) -> &str {
    &line[list_marker_len(line.as_bytes())..]
}

/// The length of the list marker a line starts with, with the space or tab
/// after it; 0 when it starts with none.
fn list_marker_len(line: &[u8]) -> usize {
    let after = match line.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(b) if b.is_ascii_digit() => {
            let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
            match line.get(digits) {
                Some(b'.' | b')') => digits + 1,
                _ => return 0,
            }
        }
        _ => return 0,
    };
    match line.get(after) {
        Some(b' ' | b'\t') => after + 1,
        _ => 0,
    }
}

/// A run of letters and digits in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offsets of the run.
    start: usize,
    end: usize,
    /// The offset of its first character, in characters.
    char_start: usize,
}

/// The runs of letters and digits of a text, with their places, found as
/// they are asked for (nothing is allocated).
pub(crate) struct Tokens<'t> {
    text: &'t str,
    /// Whether the text is all ASCII: then bytes are characters.
    ascii: bool,
    /// Where to look next, in bytes and in characters.
    at: usize,
    chars: usize,
}

/// The runs of letters and digits of `text`.
pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        ascii: text.is_ascii(),
        at: 0,
        chars: 0,
    }
}

impl Tokens<'_> {
    /// Whether the character at `at` is a letter or a digit, and its length.
    fn class(&self, at: usize) -> Option<(bool, usize)> {
        let b = *self.text.as_bytes().get(at)?;
        if b.is_ascii() {
            Some((b.is_ascii_alphanumeric(), 1))
        } else {
            let c = self.text[at..].chars().next()?;
            Some((c.is_alphanumeric(), c.len_utf8()))
        }
    }
}

/// Whether each byte is an ASCII letter or digit.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if self.ascii {
            // Bytes are characters: a tight loop over them.
            let bytes = self.text.as_bytes();
            let mut at = self.at;
            while at < bytes.len() && !ALNUM[usize::from(bytes[at])] {
                at += 1;
            }
            if at >= bytes.len() {
                self.at = at;
                return None;
            }
            let start = at;
            while at < bytes.len() && ALNUM[usize::from(bytes[at])] {
                at += 1;
            }
            let token = Token {
                start,
                end: at,
                char_start: self.chars + (start - self.at),
            };
            self.chars += at - self.at;
            self.at = at;
            return Some(token);
        }
        loop {
            let (alnum, len) = self.class(self.at)?;
            if alnum {
                break;
            }
            self.at += len;
            self.chars += 1;
        }
        let (start, char_start) = (self.at, self.chars);
        while let Some((true, len)) = self.class(self.at) {
            self.at += len;
            self.chars += 1;
        }
        Some(Token {
            start,
            end: self.at,
            char_start,
        })
    }
}

/// A hedging phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The phrase as the model lists it, e.g. "where possible".
    pub phrase: &'static str,
    /// The phrase as written, e.g. "Where  possible".
    pub written: String,
    /// Its offset in the text, in characters.
    pub offset: usize,
    /// A short excerpt around it, on one line.
    pub excerpt: String,
    /// Whether it is one of the model's [`HEDGING_PHRASES`].
    pub core: bool,
}

/// The hedging phrases split into words, with an index by the length and
/// first letter of their first word, built once.
struct Phrases {
    list: Vec<Phrase>,
    /// For each first byte (either case), a bit per phrase starting with it.
    by_byte: [u64; 256],
    /// For each length 0-15 of the first word, a bit per phrase.
    by_length: [u64; 16],
}

/// A hedging phrase split into its words.
struct Phrase {
    text: &'static str,
    words: Vec<&'static str>,
    core: bool,
}

/// Every hedging phrase, split into words and indexed.
fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let core = HEDGING_PHRASES.iter().map(|p| (*p, true));
        let extra = EXTRA_HEDGING_PHRASES.iter().map(|p| (*p, false));
        let list: Vec<Phrase> = core
            .chain(extra)
            .map(|(text, core)| Phrase {
                text,
                words: text.split(' ').collect(),
                core,
            })
            .collect();
        let mut by_byte = [0u64; 256];
        let mut by_length = [0u64; 16];
        for (i, p) in list.iter().enumerate().take(64) {
            let first = p.words[0].as_bytes();
            if let Some(&b) = first.first() {
                by_byte[usize::from(b.to_ascii_lowercase())] |= 1 << i;
                by_byte[usize::from(b.to_ascii_uppercase())] |= 1 << i;
            }
            if let Some(slot) = by_length.get_mut(first.len()) {
                *slot |= 1 << i;
            }
        }
        Phrases {
            list,
            by_byte,
            by_length,
        }
    })
}

/// The hedging phrases in `text`: whole words, any case, any white space
/// between the words, in the order they appear.
pub(crate) fn find_hedges(text: &str) -> Vec<Found> {
    let phrases = phrases();
    let mut found = Vec::new();
    for token in tokens(text) {
        hedges_at(phrases, text, token, &mut found);
    }
    found
}

/// Adds the hedging phrases that start at `token` to `found`.
#[inline]
fn hedges_at(phrases: &Phrases, text: &str, token: Token, found: &mut Vec<Found>) {
    let word = &text.as_bytes()[token.start..token.end];
    let Some(by_length) = phrases.by_length.get(word.len()).copied() else {
        return;
    };
    let first = word.first().map_or(0, |b| usize::from(*b));
    let mut candidates = phrases.by_byte[first] & by_length;
    if candidates == 0 {
        return;
    }
    // Where two phrases start here ("aim to", "aim"), one of list H wins
    // over a warning-only one, then the longest.
    let mut best: Option<(usize, &Phrase)> = None;
    while candidates != 0 {
        let p = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let Some(phrase) = phrases.list.get(p) else {
            break;
        };
        if !word.eq_ignore_ascii_case(phrase.words[0].as_bytes()) {
            continue;
        }
        if let Some(end) = match_rest(text, token.end, &phrase.words[1..]) {
            let longer = best.is_none_or(|(e, b)| (phrase.core, end) > (b.core, e));
            if longer {
                best = Some((end, phrase));
            }
        }
    }
    if let Some((end, phrase)) = best {
        found.push(Found {
            phrase: phrase.text,
            written: text[token.start..end].to_owned(),
            offset: token.char_start,
            excerpt: excerpt(text, token.start, end),
            core: phrase.core,
        });
    }
}

/// Where a phrase ends whose first word ends at byte `from` and whose other
/// words are `rest`, each after nothing but white space.
fn match_rest(text: &str, from: usize, rest: &[&str]) -> Option<usize> {
    // The general path: a phrase has a few words, not worth checking the
    // whole text for ASCII again.
    let mut next = Tokens {
        text,
        ascii: false,
        at: from,
        chars: 0,
    };
    let mut end = from;
    for word in rest {
        let token = next.next()?;
        let gap = &text[end..token.start];
        if !gap.chars().all(char::is_whitespace)
            || !text[token.start..token.end].eq_ignore_ascii_case(word)
        {
            return None;
        }
        end = token.end;
    }
    Some(end)
}

/// About 30 characters either side of `start..end`, white space folded,
/// with "..." where the text goes on.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    const SIDE: usize = 30;
    let before = &text[..start];
    let after = &text[end..];
    let mut from = before
        .char_indices()
        .rev()
        .nth(SIDE - 1)
        .map_or(0, |(i, _)| i);
    // Start and stop on a word boundary, not in the middle of a word.
    if from > 0 && !before[..from].ends_with(char::is_whitespace) {
        from = before[from..]
            .find(char::is_whitespace)
            .map_or(start, |i| from + i);
    }
    let mut to = after
        .char_indices()
        .nth(SIDE)
        .map_or(text.len(), |(i, _)| end + i);
    if to < text.len() && !text[to..].starts_with(char::is_whitespace) {
        to = text[end..to]
            .rfind(char::is_whitespace)
            .map_or(end, |i| end + i);
    }
    let mut out = String::new();
    if from > 0 {
        out.push_str("...");
    }
    let mut space = false;
    for c in text[from..to].chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with("...") {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if to < text.len() {
        out.push_str("...");
    }
    out
}

/// Where the `n`th word of a text ends, in bytes, counted as
/// [`word_count`] counts; none when the text has fewer words.
fn word_end(text: &str, n: u32) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    let mut count = 0;
    let mut line_at = 0;
    for line in text.split_inclusive('\n') {
        let offset = line_at;
        line_at += line.len();
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let from = indent + list_marker_len(&line.as_bytes()[indent..]);
        let body = &line[from..];
        let mut in_word = false;
        let mut counts = false;
        for (i, c) in body
            .char_indices()
            .chain(std::iter::once((body.len(), ' ')))
        {
            if c.is_whitespace() {
                if in_word && counts {
                    count += 1;
                    if count == n {
                        return Some(offset + from + i);
                    }
                }
                in_word = false;
                counts = false;
            } else {
                in_word = true;
                counts |= c.is_alphanumeric();
            }
        }
    }
    None
}

/// An answer as read (R6): up to the end of its `limit`th word, or all of
/// it without a limit.
pub(crate) fn as_read(text: &str, limit: Option<u32>) -> &str {
    match limit.and_then(|l| word_end(text, l)) {
        Some(end) => &text[..end],
        None => text,
    }
}

/// The placeholders and notes to self in a text (R10), as written, in the
/// order they appear: "[text]" on one line with no bracket inside and a
/// letter in it, unless a "(" follows (a Markdown link); "<<text>>" on one
/// line with no angle bracket inside, even "<<>>"; "??" or more; and the
/// words of [`NOTE_WORDS`] standing whole.
pub fn placeholders(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, &str)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => {
                let mut j = i + 1;
                while j < bytes.len() && !matches!(bytes[j], b'[' | b']' | b'\n') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b']') {
                    let inner = &text[i + 1..j];
                    if inner.chars().any(char::is_alphabetic) && bytes.get(j + 1) != Some(&b'(') {
                        found.push((i, &text[i..=j]));
                    }
                    i = j + 1;
                } else {
                    i = j;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                let mut j = i + 2;
                while j < bytes.len() && !matches!(bytes[j], b'<' | b'>' | b'\n') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'>') && bytes.get(j + 1) == Some(&b'>') {
                    found.push((i, &text[i..j + 2]));
                    i = j + 2;
                } else {
                    i += 1;
                }
            }
            b'?' if bytes.get(i + 1) == Some(&b'?') => {
                let mut j = i;
                while bytes.get(j) == Some(&b'?') {
                    j += 1;
                }
                found.push((i, &text[i..j]));
                i = j;
            }
            _ => i += 1,
        }
    }
    for token in tokens(text) {
        let word = &text[token.start..token.end];
        // Every note word is 2 to 5 letters and starts with t, f or x.
        let first = word.as_bytes()[0].to_ascii_lowercase();
        if (2..=5).contains(&word.len())
            && matches!(first, b't' | b'f' | b'x')
            && NOTE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        {
            found.push((token.start, word));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, w)| w.to_owned()).collect()
}

/// A whole number for people: "1,250".
fn grouped(n: u32) -> String {
    crate::money::quantity(rust_decimal::Decimal::from(n))
}

/// A count against an optional limit: "612 / 750 words", and past the
/// limit the warning `over` writes from how far over it is and the limit.
fn counted(
    n: u32,
    limit: Option<u32>,
    (one, many): (&str, &str),
    over: impl Fn(u32, u32) -> String,
) -> super::Counted {
    match limit {
        None => super::Counted {
            label: format!("{} {}", grouped(n), if n == 1 { one } else { many }),
            over: false,
            warning: None,
        },
        Some(limit) => super::Counted {
            label: format!("{} / {} {many}", grouped(n), grouped(limit)),
            over: n > limit,
            warning: (n > limit).then(|| over(n - limit, limit)),
        },
    }
}

/// The words of an answer against the question's word limit: "612 / 750
/// words", and past it what that means.
pub fn words_counted(words: u32, limit: Option<u32>) -> super::Counted {
    counted(words, limit, ("word", "words"), |by, limit| {
        format!(
            "{} over the {}-word limit: evaluators may stop reading at the limit, and the self-score reads no further. Cut it down before you submit.",
            grouped(by),
            grouped(limit)
        )
    })
}

/// The characters of an answer against the question's character limit.
pub fn chars_counted(chars: u32, limit: Option<u32>) -> super::Counted {
    counted(chars, limit, ("character", "characters"), |by, limit| {
        format!(
            "{} {} over the {} limit: the portal may cut your answer off.",
            grouped(by),
            if by == 1 { "character" } else { "characters" },
            grouped(limit)
        )
    })
}

/// Cuts a text to about `max` characters on one line, with "..." if cut.
pub(crate) fn short(text: &str, max: usize) -> String {
    let plain = text.len() <= max
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ');
    if plain {
        return text.to_owned();
    }
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(3)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}...", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_not_given() {
        for p in [
            "TBC", "TBC.", " tbc ", "tbd..", "N/A", "na", "-", "?", "ToDo", "",
        ] {
            assert!(!is_given(p), "{p:?} should not be given");
        }
        for g in [
            "tbc - ask Jo",
            "Operations Manager",
            "TBC by Friday",
            "n/a yet",
        ] {
            assert!(is_given(g), "{g:?} should be given");
        }
    }

    #[test]
    fn words_are_counted_without_list_markers() {
        assert_eq!(word_count("one two three"), 3);
        assert_eq!(word_count("- one\n* two\n+ three\n1. four\n12) five"), 5);
        assert_eq!(word_count("  \t- indented item"), 2);
        assert_eq!(word_count("work-placements and people's"), 3);
        assert_eq!(word_count("a - b -- c"), 3);
        assert_eq!(word_count("-no-space marker"), 2);
        assert_eq!(word_count("1.5 million"), 2);
        assert_eq!(word_count("£ 480,000 **bold**"), 2);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn hedges_are_whole_words_with_any_space() {
        let found =
            find_hedges("We will, Where\n  possible, aim to hire. Aims tomorrow. Endeavours.");
        let phrases: Vec<_> = found.iter().map(|f| (f.phrase, f.core)).collect();
        assert_eq!(
            phrases,
            [
                ("where possible", true),
                ("aim to", true),
                ("endeavours", false)
            ]
        );
        assert_eq!(found[0].offset, 9);
        assert_eq!(found[0].written, "Where\n  possible");
        assert!(find_hedges("we aimed to, the aims tomorrow, seeking").is_empty());
        let both: Vec<_> = find_hedges("we aim to").iter().map(|f| f.phrase).collect();
        assert_eq!(both, ["aim to"], "the longest phrase at one place");
    }

    #[test]
    fn excerpts_fold_space_and_mark_cuts() {
        let text = "a ".repeat(40) + "where possible" + &" b".repeat(40);
        let found = find_hedges(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].excerpt.starts_with("...a a"));
        assert!(found[0].excerpt.ends_with("b b..."));
        assert!(found[0].excerpt.contains("where possible"));
    }

    #[test]
    fn placeholders_are_found_in_each_form() {
        for (text, expected) in [
            ("Hire [number] residents", vec!["[number]"]),
            ("see [our plan](https://example.org)", vec![]),
            ("[1] and [ ] and [a [b] c]", vec!["[b]"]),
            ("[split\nline]", vec![]),
            (
                "<<insert figure>> and <<>>",
                vec!["<<insert figure>>", "<<>>"],
            ),
            ("<<<x>> <<a<b>>", vec!["<<x>>"]),
            ("really? ?? ???", vec!["??", "???"]),
            (
                "TBC - ask Jo; tbc2 TODO xx Xxx xxxx fixme",
                vec!["TBC", "TODO", "xx", "Xxx", "fixme"],
            ),
            ("tbca ABC", vec![]),
        ] {
            assert_eq!(placeholders(text), expected, "{text:?}");
        }
    }

    #[test]
    fn counts_read_against_their_limits() {
        let w = words_counted(1, None);
        assert_eq!((w.label.as_str(), w.over), ("1 word", false));
        assert_eq!(words_counted(750, Some(750)).label, "750 / 750 words");
        assert!(words_counted(750, Some(750)).warning.is_none());
        let over = words_counted(1250, Some(750));
        assert_eq!(over.label, "1,250 / 750 words");
        assert!(over.over);
        assert_eq!(
            over.warning.as_deref(),
            Some(
                "500 over the 750-word limit: evaluators may stop reading at the limit, and the self-score reads no further. Cut it down before you submit."
            )
        );
        assert_eq!(chars_counted(1, None).label, "1 character");
        let c = chars_counted(2001, Some(2000));
        assert_eq!(c.label, "2,001 / 2,000 characters");
        assert_eq!(
            c.warning.as_deref(),
            Some("1 character over the 2,000 limit: the portal may cut your answer off.")
        );
    }

    #[test]
    fn every_note_word_passes_the_quick_test_of_placeholders() {
        for w in NOTE_WORDS {
            assert!((2..=5).contains(&w.len()) && matches!(w.as_bytes()[0], b't' | b'f' | b'x'));
        }
    }

    #[test]
    fn an_answer_is_read_up_to_its_limit() {
        assert_eq!(as_read("one two three", Some(2)), "one two");
        assert_eq!(as_read("- one\n- two three", Some(2)), "- one\n- two");
        assert_eq!(as_read("one -- two", Some(2)), "one -- two");
        assert_eq!(as_read("one two", Some(5)), "one two");
        assert_eq!(as_read("one two", None), "one two");
        assert_eq!(as_read("one two", Some(0)), "");
        assert_eq!(as_read("é, ü and", Some(2)), "é, ü");
    }

    #[test]
    fn the_ascii_path_counts_as_the_general_one() {
        for text in [
            "- one\n* two\n+ three\n1. four\n12) five",
            "  \t- indented item\r\n\n-\n1.\n1.5 x\n-x y",
            "a\u{b}b\u{c}c\rd",
        ] {
            let general = text
                .split('\n')
                .map(|l| {
                    strip_list_marker(l.trim_start_matches([' ', '\t']))
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphanumeric))
                        .count()
                })
                .sum::<usize>();
            assert_eq!(
                ascii_word_count(text.as_bytes()) as usize,
                general,
                "{text:?}"
            );
            let accented = format!("{text} é");
            assert_eq!(word_count(&accented) as usize, general + 1, "{text:?}");
        }
    }

    #[test]
    fn ascii_and_unicode_word_counts_agree() {
        for text in ["a b\u{b}c", "x\u{c}y z\r", "  -  word ", "one\u{a0}two"] {
            let slow = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(word_count(text) as usize, slow, "{text:?}");
        }
    }

    #[test]
    fn short_cuts_on_a_word() {
        assert_eq!(short("one two", 20), "one two");
        assert_eq!(
            short("Every vacancy notified to the council's team", 24),
            "Every vacancy..."
        );
    }
}
