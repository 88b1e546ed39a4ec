//! The answers' Markdown, as blocks the layout can draw: paragraphs of
//! regular, **bold** and *italic* text, headings, bullet and numbered lists
//! (nested), quotes and code. Everything else is kept as its text, so that
//! no word the bidder wrote is lost.
//!
//! The blocks nest at most [`MARKDOWN_DEPTH_MAX`] quotes and lists deep,
//! whatever the text: deeper ones are kept flat, in the block they are in,
//! so that the renderers' recursion (and dropping the tree) is bounded. The
//! files and the store refuse deeper nesting anyway.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::fonts::Face;
use super::layout::{BREAK, Span};
use crate::domain::fields::MARKDOWN_DEPTH_MAX;

/// A block of an answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A paragraph.
    Para(Vec<Span>),
    /// A heading inside an answer (level 1 to 6).
    Heading(u8, Vec<Span>),
    /// A list: numbered from `start`, or bulleted.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A quotation.
    Quote(Vec<Block>),
    /// Preformatted text, one line per entry.
    Code(Vec<String>),
    /// A thematic break.
    Rule,
}

enum Open {
    Root,
    Quote,
    List(Option<u64>, Vec<Vec<Block>>),
    Item,
}

struct Frame {
    open: Open,
    blocks: Vec<Block>,
}

/// Parses Markdown into blocks.
pub(crate) fn parse(text: &str) -> Vec<Block> {
    let mut stack = vec![Frame {
        open: Open::Root,
        blocks: Vec::new(),
    }];
    // The inline content being gathered, and the faces in force.
    let mut inline: Vec<Span> = Vec::new();
    let mut heading: Option<u8> = None;
    let mut bold = 0_u32;
    let mut italic = 0_u32;
    let mut code: Option<String> = None;
    let mut link: Vec<String> = Vec::new();
    // For each quote, list and item open: whether it has a frame of its
    // own (false once the depth limit is reached: it is kept flat).
    let mut opened: Vec<bool> = Vec::new();
    let depth = |stack: &[Frame]| {
        stack
            .iter()
            .filter(|f| matches!(f.open, Open::Quote | Open::List(..)))
            .count()
    };

    let face = |bold: u32, italic: u32| {
        if bold > 0 {
            Face::Bold
        } else if italic > 0 {
            Face::Italic
        } else {
            Face::Regular
        }
    };
    fn push_text(inline: &mut Vec<Span>, face: Face, text: &str) {
        match inline.last_mut() {
            Some(last) if last.face == face => last.text.push_str(text),
            _ => inline.push(Span::new(face, text)),
        }
    }
    fn flush(stack: &mut [Frame], inline: &mut Vec<Span>, heading: Option<u8>) {
        if inline.iter().all(|s| s.text.trim().is_empty()) {
            inline.clear();
            return;
        }
        let spans = std::mem::take(inline);
        let block = match heading {
            Some(level) => Block::Heading(level, spans),
            None => Block::Para(spans),
        };
        if let Some(top) = stack.last_mut() {
            top.blocks.push(block);
        }
    }

    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => flush(&mut stack, &mut inline, None),
                Tag::Heading { level, .. } => {
                    flush(&mut stack, &mut inline, None);
                    heading = Some(match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    });
                }
                Tag::BlockQuote(_) => {
                    flush(&mut stack, &mut inline, None);
                    let room = depth(&stack) < MARKDOWN_DEPTH_MAX;
                    opened.push(room);
                    if room {
                        stack.push(Frame {
                            open: Open::Quote,
                            blocks: Vec::new(),
                        });
                    }
                }
                Tag::CodeBlock(_) => {
                    flush(&mut stack, &mut inline, None);
                    code = Some(String::new());
                }
                Tag::List(start) => {
                    flush(&mut stack, &mut inline, None);
                    let room = depth(&stack) < MARKDOWN_DEPTH_MAX;
                    opened.push(room);
                    if room {
                        stack.push(Frame {
                            open: Open::List(start, Vec::new()),
                            blocks: Vec::new(),
                        });
                    }
                }
                Tag::Item => {
                    flush(&mut stack, &mut inline, None);
                    // An item has a frame when its list has one.
                    let room = matches!(
                        stack.last(),
                        Some(Frame {
                            open: Open::List(..),
                            ..
                        })
                    );
                    opened.push(room);
                    if room {
                        stack.push(Frame {
                            open: Open::Item,
                            blocks: Vec::new(),
                        });
                    }
                }
                Tag::Strong => bold += 1,
                Tag::Emphasis => italic += 1,
                Tag::Link { dest_url, .. } => link.push(dest_url.to_string()),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => flush(&mut stack, &mut inline, None),
                TagEnd::Heading(_) => {
                    flush(&mut stack, &mut inline, heading);
                    heading = None;
                }
                TagEnd::BlockQuote(_) => {
                    flush(&mut stack, &mut inline, None);
                    if opened.pop().unwrap_or(false)
                        && stack.len() > 1
                        && let Some(frame) = stack.pop()
                        && let Some(top) = stack.last_mut()
                    {
                        top.blocks.push(Block::Quote(frame.blocks));
                    }
                }
                TagEnd::CodeBlock => {
                    if let Some(text) = code.take() {
                        let lines = text.trim_end_matches('\n').lines().map(str::to_owned);
                        if let Some(top) = stack.last_mut() {
                            top.blocks.push(Block::Code(lines.collect()));
                        }
                    }
                }
                TagEnd::Item => {
                    flush(&mut stack, &mut inline, None);
                    if opened.pop().unwrap_or(false)
                        && stack.len() > 1
                        && let Some(frame) = stack.pop()
                        && let Some(Frame {
                            open: Open::List(_, items),
                            ..
                        }) = stack.last_mut()
                    {
                        items.push(frame.blocks);
                    }
                }
                TagEnd::List(_) => {
                    flush(&mut stack, &mut inline, None);
                    if opened.pop().unwrap_or(false)
                        && stack.len() > 1
                        && let Some(Frame {
                            open: Open::List(start, items),
                            ..
                        }) = stack.pop()
                        && let Some(top) = stack.last_mut()
                    {
                        top.blocks.push(Block::List { start, items });
                    }
                }
                TagEnd::Strong => bold = bold.saturating_sub(1),
                TagEnd::Emphasis => italic = italic.saturating_sub(1),
                TagEnd::Link => {
                    // Keep the address where the words alone would hide it.
                    if let Some(url) = link.pop()
                        && !url.is_empty()
                        && !inline.iter().any(|s| s.text.contains(url.as_str()))
                    {
                        push_text(&mut inline, face(bold, italic), &format!(" ({url})"));
                    }
                }
                _ => {}
            },
            Event::Text(text) => match code.as_mut() {
                Some(buf) => buf.push_str(&text),
                None => push_text(&mut inline, face(bold, italic), &text),
            },
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                push_text(&mut inline, face(bold, italic), &text);
            }
            Event::Html(text) | Event::InlineHtml(text) => match code.as_mut() {
                Some(buf) => buf.push_str(&text),
                None => push_text(&mut inline, face(bold, italic), text.trim_end()),
            },
            Event::SoftBreak => push_text(&mut inline, face(bold, italic), " "),
            Event::HardBreak => push_text(&mut inline, face(bold, italic), BREAK),
            Event::Rule => {
                flush(&mut stack, &mut inline, None);
                if let Some(top) = stack.last_mut() {
                    top.blocks.push(Block::Rule);
                }
            }
            Event::TaskListMarker(done) => {
                push_text(
                    &mut inline,
                    Face::Regular,
                    if done { "[x] " } else { "[ ] " },
                );
            }
            Event::FootnoteReference(text) => {
                push_text(&mut inline, face(bold, italic), &format!("[{text}]"));
            }
        }
    }
    flush(&mut stack, &mut inline, None);
    // Close anything left open (the parser closes everything it opens, but
    // the layout must not lose a word if it ever did not).
    while stack.len() > 1 {
        if let Some(frame) = stack.pop()
            && let Some(top) = stack.last_mut()
        {
            match frame.open {
                Open::List(start, mut items) => {
                    if !frame.blocks.is_empty() {
                        items.push(frame.blocks);
                    }
                    top.blocks.push(Block::List { start, items });
                }
                Open::Quote => top.blocks.push(Block::Quote(frame.blocks)),
                Open::Item | Open::Root => top.blocks.extend(frame.blocks),
            }
        }
    }
    stack.pop().map(|f| f.blocks).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(spans: &[(Face, &str)]) -> Block {
        Block::Para(spans.iter().map(|(f, t)| Span::new(*f, *t)).collect())
    }

    #[test]
    fn paragraphs_bold_and_lists() {
        let blocks = parse("One **two** three.\n\n- a *b*\n- c\n\n3. x\n4. y\n");
        assert_eq!(
            blocks,
            vec![
                para(&[
                    (Face::Regular, "One "),
                    (Face::Bold, "two"),
                    (Face::Regular, " three.")
                ]),
                Block::List {
                    start: None,
                    items: vec![
                        vec![para(&[(Face::Regular, "a "), (Face::Italic, "b")])],
                        vec![para(&[(Face::Regular, "c")])],
                    ]
                },
                Block::List {
                    start: Some(3),
                    items: vec![
                        vec![para(&[(Face::Regular, "x")])],
                        vec![para(&[(Face::Regular, "y")])],
                    ]
                },
            ]
        );
    }

    #[test]
    fn nested_lists_and_soft_breaks() {
        let blocks = parse("- one\n  still one\n  - inner\n- two");
        let Block::List { items, .. } = &blocks[0] else {
            panic!("expected a list, got {blocks:?}");
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0][0], para(&[(Face::Regular, "one still one")]));
        assert!(matches!(items[0][1], Block::List { .. }));
    }

    fn deepest(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match b {
                Block::Quote(inner) => 1 + deepest(inner),
                Block::List { items, .. } => {
                    1 + items.iter().map(|i| deepest(i)).max().unwrap_or(0)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    fn words(blocks: &[Block], out: &mut String) {
        for b in blocks {
            match b {
                Block::Para(spans) | Block::Heading(_, spans) => {
                    for s in spans {
                        out.push_str(&s.text);
                        out.push(' ');
                    }
                }
                Block::Quote(inner) => words(inner, out),
                Block::List { items, .. } => items.iter().for_each(|i| words(i, out)),
                Block::Code(lines) => lines.iter().for_each(|l| out.push_str(l)),
                Block::Rule => {}
            }
        }
    }

    #[test]
    fn deep_nesting_is_kept_flat_below_the_limit_and_no_word_is_lost() {
        for text in [
            format!("{} deep", ">".repeat(199_990)),
            format!("{}deep", "> ".repeat(40)),
            (0..400)
                .map(|i| format!("{}- level{i}\n", "  ".repeat(i)))
                .collect::<String>(),
            (0..60)
                .map(|i| format!("{}- > item{i}\n", "    ".repeat(i)))
                .collect::<String>(),
        ] {
            let blocks = parse(&text);
            assert!(
                deepest(&blocks) <= MARKDOWN_DEPTH_MAX,
                "{}",
                deepest(&blocks)
            );
            let mut seen = String::new();
            words(&blocks, &mut seen);
            for word in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                assert!(seen.contains(word), "{word} is lost");
            }
        }
    }
}
