//! Each answer as plain text, for the text boxes of a tender portal: the
//! Markdown turned into plain paragraphs, "- " bullets and "1. " numbers
//! (nested lists indented by two spaces a level), with its words and
//! characters counted as the portal will count what is pasted, and a warning
//! where the question's character or word limit is passed.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::pdf::markdown::{self, Block};
use super::pdf::{BREAK, Span};
use super::{ExportError, write};
use crate::domain::OfferDocument;
use crate::score;

/// One answer, ready to paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PortalAnswer {
    /// The question's position in the tender, from 1.
    pub number: u32,
    /// The question's id.
    pub question: String,
    /// The question as the buyer asks it.
    pub question_text: String,
    /// The answer as plain text (empty when none has been written).
    pub text: String,
    /// Its words, counted as the self-score counts them.
    pub words: u32,
    /// Its characters (Unicode scalar values; a line break counts as one).
    pub chars: u32,
    /// The question's word limit.
    pub word_limit: Option<u32>,
    /// The question's character limit.
    pub char_limit: Option<u32>,
    /// What passes a limit, in plain words; none when it fits.
    pub warning: Option<String>,
    /// The words against the limit, as the app shows them.
    pub words_count: score::Counted,
    /// The characters against the limit, as the app shows them.
    pub chars_count: score::Counted,
}

/// Every question's answer as plain text, in the tender's order.
pub fn answers(doc: &OfferDocument) -> Vec<PortalAnswer> {
    (1_u32..)
        .zip(&doc.tender.questions)
        .map(|(number, q)| {
            let text = doc
                .offer
                .answer(&q.id)
                .filter(|a| score::is_given(&a.text))
                .map(|a| plain(&a.text))
                .unwrap_or_default();
            let words = score::word_count(&text);
            let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
            let mut over = Vec::new();
            if let Some(limit) = q.char_limit.filter(|l| chars > *l) {
                over.push(format!(
                    "{chars} characters, {} over the {limit}-character limit: the portal may cut it off",
                    chars - limit
                ));
            }
            if let Some(limit) = q.word_limit.filter(|l| words > *l) {
                over.push(format!(
                    "{words} words, {} over the {limit}-word limit",
                    words - limit
                ));
            }
            PortalAnswer {
                number,
                question: q.id.clone(),
                question_text: q.text.clone(),
                text,
                words,
                chars,
                word_limit: q.word_limit,
                char_limit: q.char_limit,
                warning: (!over.is_empty()).then(|| over.join("; ")),
                words_count: score::words_counted(words, q.word_limit),
                chars_count: score::chars_counted(chars, q.char_limit),
            }
        })
        .collect()
}

/// Markdown as plain text: paragraphs apart by a blank line, list items on
/// lines of their own, no markup left.
pub fn plain(markdown: &str) -> String {
    let mut out = Vec::new();
    blocks(&markdown::parse(markdown), "", &mut out);
    out.join("\n\n")
}

/// Appends `list` as chunks of text (joined by blank lines), each line
/// prefixed by `indent`.
fn blocks(list: &[Block], indent: &str, out: &mut Vec<String>) {
    for block in list {
        match block {
            Block::Para(spans) | Block::Heading(_, spans) => {
                out.push(indented(&spans_text(spans), indent, indent));
            }
            Block::List { start, items } => {
                // A list is one chunk: its items on consecutive lines.
                let mut lines = Vec::new();
                for (n, item) in (0_u64..).zip(items) {
                    let marker = match start {
                        Some(s) => format!("{}. ", s.saturating_add(n)),
                        None => "- ".to_owned(),
                    };
                    let hang = format!("{indent}{}", " ".repeat(marker.chars().count()));
                    let mut inner = Vec::new();
                    blocks(item, &hang, &mut inner);
                    let body = inner.join("\n");
                    let body = body.strip_prefix(hang.as_str()).unwrap_or(&body);
                    lines.push(format!("{indent}{marker}{body}"));
                }
                out.push(lines.join("\n"));
            }
            Block::Quote(inner) => blocks(inner, indent, out),
            Block::Code(lines) => out.push(
                lines
                    .iter()
                    .map(|l| format!("{indent}{l}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Rule => {}
        }
    }
}

fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect::<String>()
}

/// Prefixes the first line with `first` and the others with `rest`.
fn indented(text: &str, first: &str, rest: &str) -> String {
    text.trim()
        .split(BREAK)
        .enumerate()
        .map(|(i, line)| format!("{}{}", if i == 0 { first } else { rest }, line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A file name for an answer: its number and the question's id.
fn file_name(a: &PortalAnswer) -> String {
    format!("{:02}-{}.txt", a.number, a.question)
}

/// Writes one `.txt` file per answer into `dir` (created if need be), each
/// whole or not at all; returns the answers and the files written.
pub fn write_answers(
    doc: &OfferDocument,
    dir: &Path,
) -> Result<Vec<(PortalAnswer, PathBuf)>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::Write {
        path: dir.display().to_string(),
        reason: crate::files::io_reason(&e),
    })?;
    answers(doc)
        .into_iter()
        .map(|a| {
            let path = dir.join(file_name(&a));
            let mut body = a.text.clone();
            if !body.is_empty() {
                body.push('\n');
            }
            write(&path, body.as_bytes())?;
            Ok((a, path))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reads_as_plain_text() {
        let md = "# Our **approach**\n\nWe will *hire* [local people](https://example.org) \
                  and train them.\n\n- one\n- two, with **bold**\n  - nested *item*\n    \
                  - deeper\n- three\n\n3. third\n4. fourth\n\n> quoted _text_\n";
        assert_eq!(
            plain(md),
            "Our approach\n\n\
             We will hire local people (https://example.org) and train them.\n\n\
             - one\n- two, with bold\n  - nested item\n    - deeper\n- three\n\n\
             3. third\n4. fourth\n\n\
             quoted text"
        );
    }

    #[test]
    fn a_list_item_of_two_paragraphs_keeps_its_hang() {
        assert_eq!(
            plain("- first\n\n  more\n- second"),
            "- first\n  more\n- second"
        );
    }
}
