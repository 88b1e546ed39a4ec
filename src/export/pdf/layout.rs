//! A small page layout engine: A4 pages, a text frame inside the margins,
//! headings, wrapped rich paragraphs, lists, tables whose header repeats
//! after a page break, and a footer with "Page N of M".
//!
//! Layout produces a display list per page ([`Item`]s in points, measured
//! from the top-left corner); [`Doc::finish`] turns it into a printpdf
//! document, once the page count and the pages of every anchor are known.
//! All measuring uses the embedded font's real advance widths, so what is
//! measured is what is drawn.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, TextItem, TextMatrix,
};

use super::PdfError;
use super::fonts::{self, Face, Fonts};
use super::hyphens;

/// A4 width, in points.
pub(crate) const PAGE_W: f32 = 595.276;
/// A4 height, in points.
pub(crate) const PAGE_H: f32 = 841.89;
/// One millimetre, in points.
pub(crate) const MM: f32 = 72.0 / 25.4;

/// A colour, 0 to 1 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

/// Body text: near-black.
pub(crate) const INK: Rgb = Rgb(0.13, 0.14, 0.16);
/// Secondary text: a grey that still meets WCAG AA contrast on white.
pub(crate) const MUTED: Rgb = Rgb(0.36, 0.38, 0.42);
/// The one accent: a deep teal.
pub(crate) const ACCENT: Rgb = Rgb(0.0, 0.36, 0.40);
/// Hairlines.
pub(crate) const RULE: Rgb = Rgb(0.78, 0.80, 0.82);
/// Table header and boxed backgrounds.
pub(crate) const SHADE: Rgb = Rgb(0.92, 0.95, 0.95);
/// Alternate table rows.
pub(crate) const STRIPE: Rgb = Rgb(0.965, 0.97, 0.975);

impl Rgb {
    fn color(self) -> Color {
        Color::Rgb(printpdf::Rgb {
            r: self.0,
            g: self.1,
            b: self.2,
            icc_profile: None,
        })
    }
}

/// One thing drawn on a page. `y` is measured from the top of the page.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// A run of text in one face; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        color: Rgb,
        text: String,
    },
    /// The page number of an anchor, right-aligned at `x`.
    PageOf {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        color: Rgb,
        anchor: usize,
    },
    /// A filled rectangle; `y` is its top.
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A straight line.
    Stroke {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
}

/// A piece of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    pub face: Face,
    pub text: String,
}

impl Span {
    pub(crate) fn new(face: Face, text: impl Into<String>) -> Span {
        Span {
            face,
            text: text.into(),
        }
    }

    pub(crate) fn regular(text: impl Into<String>) -> Span {
        Span::new(Face::Regular, text)
    }

    pub(crate) fn bold(text: impl Into<String>) -> Span {
        Span::new(Face::Bold, text)
    }
}

/// A forced line break inside a run of spans.
pub(crate) const BREAK: &str = "\n";

/// A text style: size, line height and colour.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
}

impl Style {
    pub(crate) const fn new(size: f32, leading: f32, color: Rgb) -> Style {
        Style {
            size,
            leading,
            color,
        }
    }
}

/// A run of text on a laid-out line, at `x` from the line's start.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub face: Face,
    pub text: String,
    pub x: f32,
}

/// A laid-out line: its runs and its width.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineOut {
    pub runs: Vec<Run>,
    pub width: f32,
}

#[derive(Debug, Default)]
struct Word {
    /// Pieces in one face each, with their widths.
    pieces: Vec<(Face, String, f32)>,
    width: f32,
    /// The width of a space after it, in the face of its last piece.
    space: f32,
    /// A forced line break follows it.
    newline: bool,
}

impl Word {
    fn one(face: Face, text: String, width: f32, space: f32, newline: bool) -> Word {
        Word {
            pieces: vec![(face, text, width)],
            width,
            space,
            newline,
        }
    }
}

/// Breaks `spans` into lines no wider than `width`, at spaces. A word wider
/// than the line is split with a visible hyphen: once, where the UK English
/// patterns allow and both parts fit; otherwise (a word longer than any line,
/// such as an address or a run of letters) into pieces that fit, each but
/// the last ending in a hyphen. Line breaks are forced where a span's text
/// contains `\n`.
pub(crate) fn wrap(fonts: &Fonts, spans: &[Span], size: f32, width: f32) -> Vec<LineOut> {
    let words = words(fonts, spans, size, width);
    let mut lines = Vec::new();
    let mut line: Vec<&Word> = Vec::new();
    let mut line_w = 0.0_f32;
    for word in &words {
        let gap = line.last().map_or(0.0, |w| w.space);
        if !line.is_empty() && line_w + gap + word.width > width + 0.01 {
            lines.push(place(&line));
            line.clear();
            line_w = 0.0;
        }
        let gap = line.last().map_or(0.0, |w| w.space);
        line_w += gap + word.width;
        line.push(word);
        if word.newline {
            lines.push(place(&line));
            line.clear();
            line_w = 0.0;
        }
    }
    if !line.is_empty() {
        lines.push(place(&line));
    }
    lines
}

/// The widths a run of spans needs, as the CSS automatic table layout
/// measures a cell: its longest word (the narrowest it can be without
/// splitting a word) and its longest forced line (the widest it would be on
/// one line); and, only where even the longest words do not fit, its
/// longest word once hyphenated where the patterns allow (the narrowest it
/// can be without cutting a word anywhere else).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Extent {
    pub min: f32,
    pub max: f32,
    pub hyphenated: f32,
}

/// Measures `spans` at `size`: see [`Extent`] (`hyphenated` left at 0).
pub(crate) fn extent(fonts: &Fonts, spans: &[Span], size: f32) -> Extent {
    let words = tokens(fonts, spans, size);
    let mut out = Extent::default();
    let mut line = 0.0_f32;
    let mut gap = 0.0_f32;
    for word in &words {
        out.min = out.min.max(word.width);
        line += gap + word.width;
        gap = word.space;
        out.max = out.max.max(line);
        if word.newline {
            line = 0.0;
            gap = 0.0;
        }
    }
    out
}

/// The narrowest `spans` can be with their words hyphenated, or `at_least`
/// if that is wider: only words wider than it are hyphenated.
fn hyphenated_min(fonts: &Fonts, spans: &[Span], size: f32, at_least: f32) -> f32 {
    tokens(fonts, spans, size)
        .iter()
        .filter(|w| w.width > at_least)
        .fold(at_least, |m, w| m.max(narrowest(fonts, w, size)))
}

/// The widest part of `word` after its best single hyphenation, or its
/// whole width where it cannot be hyphenated.
fn narrowest(fonts: &Fonts, word: &Word, size: f32) -> f32 {
    let [(face, text, _)] = word.pieces.as_slice() else {
        return word.width;
    };
    hyphens::points(text)
        .into_iter()
        .map(|p| {
            let first = fonts.width(*face, &text[..p.at], size)
                + if p.hyphen {
                    fonts.width(*face, "-", size)
                } else {
                    0.0
                };
            first.max(fonts.width(*face, &text[p.at..], size))
        })
        .fold(word.width, f32::min)
}

/// Splits spans into words (runs between spaces), splitting any word wider
/// than `max` as [`wrap`] says.
fn words(fonts: &Fonts, spans: &[Span], size: f32, max: f32) -> Vec<Word> {
    let out = tokens(fonts, spans, size);
    if out.iter().all(|w| w.width <= max + 0.01) {
        return out;
    }
    let mut split = Vec::with_capacity(out.len() + 4);
    for word in out {
        if word.width <= max + 0.01 {
            split.push(word);
        } else if let Some((first, second)) = hyphenate(fonts, &word, size, max) {
            split.push(first);
            split.push(second);
        } else {
            cut(fonts, word, size, max, &mut split);
        }
    }
    split
}

/// `text` (in the regular face) with a soft hyphen (U+00AD) wherever
/// [`wrap`] would split one of its words to fit `width` at `size`: for a
/// word processor to break the word where the PDF does, with a visible
/// hyphen, and nowhere else.
pub(crate) fn soft_hyphens(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    let token = |tok: &str| -> String {
        let pieces = words(fonts, &[Span::regular(tok)], size, width);
        if pieces.len() <= 1 {
            return tok.to_owned();
        }
        let mut out = String::new();
        let mut rest = tok;
        for piece in &pieces[..pieces.len() - 1] {
            let text: String = piece.pieces.iter().map(|p| p.1.as_str()).collect();
            if let Some(stem) = text.strip_suffix('-')
                && !rest.starts_with(text.as_str())
                && rest.starts_with(stem)
            {
                // A hyphen the split added: optional in the word processor.
                out.push_str(stem);
                out.push('\u{00AD}');
                rest = &rest[stem.len()..];
            } else if rest.starts_with(text.as_str()) {
                // After a hyphen of its own: a word processor breaks there.
                out.push_str(&text);
                rest = &rest[text.len()..];
            }
        }
        out.push_str(rest);
        out
    };
    text.split('\n')
        .map(|line| line.split(' ').map(token).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits spans into words at spaces and forced line breaks.
fn tokens(fonts: &Fonts, spans: &[Span], size: f32) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current = Word::default();
    let finish = |current: &mut Word, out: &mut Vec<Word>, face: Face, newline: bool| {
        if current.pieces.is_empty() {
            if newline {
                match out.last_mut() {
                    Some(last) => last.newline = true,
                    None => out.push(Word {
                        newline: true,
                        ..Word::default()
                    }),
                }
            }
            return;
        }
        let mut word = std::mem::take(current);
        word.space = fonts.width(face, " ", size);
        word.newline = newline;
        word.width = word.pieces.iter().map(|p| p.2).sum();
        out.push(word);
    };
    for span in spans {
        let mut piece = String::new();
        for c in span.text.chars() {
            if c == ' ' || c == '\n' {
                if !piece.is_empty() {
                    let w = fonts.width(span.face, &piece, size);
                    current
                        .pieces
                        .push((span.face, std::mem::take(&mut piece), w));
                }
                finish(&mut current, &mut out, span.face, c == '\n');
            } else {
                piece.push(c);
            }
        }
        if !piece.is_empty() {
            let w = fonts.width(span.face, &piece, size);
            current.pieces.push((span.face, piece, w));
        }
    }
    let face = current.pieces.last().map_or(Face::Regular, |p| p.0);
    finish(&mut current, &mut out, face, false);
    out
}

/// `word` split once at the latest hyphenation point where the first part,
/// with its hyphen, and the second part each fit `max`; none if there is no
/// such point (or the word mixes faces).
fn hyphenate(fonts: &Fonts, word: &Word, size: f32, max: f32) -> Option<(Word, Word)> {
    let [(face, text, _)] = word.pieces.as_slice() else {
        return None;
    };
    let face = *face;
    let rest_fits = |at: usize| fonts.width(face, &text[at..], size) <= max + 0.01;
    let point = hyphens::points(text).into_iter().rev().find(|p| {
        let mut first = text[..p.at].to_owned();
        if p.hyphen {
            first.push('-');
        }
        fonts.width(face, &first, size) <= max + 0.01 && rest_fits(p.at)
    })?;
    let mut first = text[..point.at].to_owned();
    if point.hyphen {
        first.push('-');
    }
    let second = text[point.at..].to_owned();
    Some((
        // Measured as drawn, hyphen and kerning included.
        Word::one(
            face,
            first.clone(),
            fonts.width(face, &first, size),
            0.0,
            false,
        ),
        Word::one(
            face,
            second.clone(),
            fonts.width(face, &second, size),
            word.space,
            word.newline,
        ),
    ))
}

/// Cuts a word longer than any line into pieces that fit `max`, each but the
/// last ending in a visible hyphen. A piece is filled a character at a time
/// by unkerned widths (never less than the kerned ones), then measured as
/// it is drawn.
fn cut(fonts: &Fonts, word: Word, size: f32, max: f32, out: &mut Vec<Word>) {
    let (space, newline) = (word.space, word.newline);
    let finish = |mut part: Word| {
        for p in &mut part.pieces {
            p.2 = fonts.width(p.0, &p.1, size);
        }
        part.width = part.pieces.iter().map(|p| p.2).sum();
        part
    };
    let mut part = Word::default();
    for (face, text, _) in word.pieces {
        let hyphen = fonts.width(face, "-", size);
        let mut piece = String::new();
        for c in text.chars() {
            let mut buf = [0_u8; 4];
            let w = fonts.width(face, c.encode_utf8(&mut buf), size);
            if part.width + w + hyphen > max + 0.01 && part.width > 0.0 {
                piece.push('-');
                part.pieces.push((face, std::mem::take(&mut piece), 0.0));
                out.push(finish(std::mem::take(&mut part)));
            }
            piece.push(c);
            part.width += w;
        }
        if !piece.is_empty() {
            part.pieces.push((face, piece, 0.0));
        }
    }
    let mut last = finish(part);
    last.space = space;
    last.newline = newline;
    out.push(last);
}

/// Places a line's words into runs of one face each.
fn place(words: &[&Word]) -> LineOut {
    let mut runs: Vec<Run> = Vec::new();
    let mut x = 0.0_f32;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            // The space joins the previous run when the faces match; across
            // a change of face it is left as a gap.
            if let (Some(last), Some(first)) = (runs.last_mut(), word.pieces.first())
                && last.face == first.0
            {
                last.text.push(' ');
            }
            x += words[i - 1].space;
        }
        for (face, text, w) in &word.pieces {
            match runs.last_mut() {
                Some(last) if last.face == *face => last.text.push_str(text),
                _ => runs.push(Run {
                    face: *face,
                    text: text.clone(),
                    x,
                }),
            }
            x += w;
        }
    }
    LineOut { runs, width: x }
}

/// A page of the document being laid out.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub items: Vec<Item>,
}

/// The text frame: the area inside the margins where the body flows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    pub(crate) fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// The margins every page keeps: 20 mm all round. The footer sits inside
/// them, at the foot of the frame.
pub(crate) const MARGIN: f32 = 20.0 * MM;
/// The height kept at the foot of the frame for the footer.
pub(crate) const FOOTER_H: f32 = 9.0 * MM;

/// The whole text area of a page, footer included.
pub(crate) const PAGE_FRAME: Frame = Frame {
    left: MARGIN,
    right: PAGE_W - MARGIN,
    top: MARGIN,
    bottom: PAGE_H - MARGIN,
};

/// A table column: its heading and its alignment. Its width comes from its
/// content (see [`Doc::table`]).
#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub title: String,
    /// Figures line up on the right.
    pub right: bool,
}

impl Column {
    pub(crate) fn new(title: &str) -> Column {
        Column {
            title: title.to_owned(),
            right: false,
        }
    }

    pub(crate) fn right(title: &str) -> Column {
        Column {
            right: true,
            ..Column::new(title)
        }
    }
}

/// A cell's padding, left and right, in points.
pub(crate) const PAD_X: f32 = 4.0;
/// A cell's padding, top and bottom, in points.
const PAD_Y: f32 = 3.5;
/// How far a table's type may shrink for its columns' longest words to fit.
const TABLE_FLOOR: f32 = 7.0;
/// The step it shrinks by.
const TABLE_STEP: f32 = 0.5;

/// A table's type and column widths, as the CSS automatic table layout
/// finds them: each column at least its longest word (header included) plus
/// padding, at most its longest line, the frame's width shared out between
/// the two; the type shrunk a step at a time (to [`TABLE_FLOOR`]) where the
/// longest words together are wider than the frame, and only then words
/// hyphenated.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableLayout {
    /// The type size of the table.
    pub size: f32,
    /// The width of each column, in points, summing to the frame's width.
    pub widths: Vec<f32>,
}

/// The spans of a row's `i`th cell (none where the row is short).
fn cell(row: &[Vec<Span>], i: usize) -> &[Span] {
    row.get(i).map(Vec::as_slice).unwrap_or(&[])
}

/// Lays out a table of `columns` and `rows` in `width` points at `size`
/// (see [`TableLayout`]), each column `slack` points wider than its words
/// need (0 for the PDF itself).
pub(crate) fn table_layout(
    fonts: &Fonts,
    columns: &[Column],
    rows: &[Vec<Vec<Span>>],
    size: f32,
    width: f32,
    slack: f32,
) -> TableLayout {
    let pad = 2.0 * PAD_X + slack;
    let measure = |size: f32| -> Vec<Extent> {
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut e = extent(fonts, &[Span::bold(c.title.clone())], size);
                for row in rows {
                    let one = extent(fonts, cell(row, i), size);
                    e.min = e.min.max(one.min);
                    e.max = e.max.max(one.max);
                }
                Extent {
                    min: e.min + pad,
                    max: e.max.max(e.min) + pad,
                    hyphenated: e.min + pad,
                }
            })
            .collect()
    };
    let mut size = size;
    let mut extents = measure(size);
    while extents.iter().map(|e| e.min).sum::<f32>() > width + 0.01 && size > TABLE_FLOOR {
        size = (size - TABLE_STEP).max(TABLE_FLOOR);
        extents = measure(size);
    }
    if extents.iter().map(|e| e.min).sum::<f32>() > width + 0.01 {
        // The last resort: how narrow each column can be once its words
        // are hyphenated (no narrower than its header's longest word).
        for (i, (e, c)) in extents.iter_mut().zip(columns).enumerate() {
            let mut m = extent(fonts, &[Span::bold(c.title.clone())], size).min;
            for row in rows {
                m = hyphenated_min(fonts, cell(row, i), size, m);
            }
            e.hyphenated = m.min(e.min - pad) + pad;
        }
    }
    let sum_min: f32 = extents.iter().map(|e| e.min).sum();
    let sum_max: f32 = extents.iter().map(|e| e.max).sum();
    let sum_hyph: f32 = extents.iter().map(|e| e.hyphenated).sum();
    let n = extents.len().max(1) as f32;
    let widths = if sum_max <= width {
        // Room for every line: the rest shared out in proportion to each
        // column's longest line.
        extents
            .iter()
            .map(|e| {
                if sum_max > 0.0 {
                    e.max + (width - sum_max) * e.max / sum_max
                } else {
                    width / n
                }
            })
            .collect()
    } else if sum_min <= width {
        // Every column its longest word, and the rest in proportion to how
        // much wider each would like to be.
        let k = (width - sum_min) / (sum_max - sum_min).max(f32::EPSILON);
        extents
            .iter()
            .map(|e| e.min + (e.max - e.min) * k)
            .collect()
    } else if sum_hyph <= width {
        // Only hyphenated words fit: each column its narrowest, and the rest
        // to the columns whose words it spares from a hyphen.
        let k = (width - sum_hyph) / (sum_min - sum_hyph).max(f32::EPSILON);
        extents
            .iter()
            .map(|e| e.hyphenated + (e.min - e.hyphenated) * k)
            .collect()
    } else {
        // Not even that: the columns that need less than an even share
        // have what they need; the others share the rest evenly and cut
        // their longest words (with a visible hyphen).
        let mut order: Vec<usize> = (0..extents.len()).collect();
        order.sort_by(|a, b| extents[*a].hyphenated.total_cmp(&extents[*b].hyphenated));
        let mut widths = vec![0.0; extents.len()];
        let mut left = width;
        for (k, &i) in order.iter().enumerate() {
            let even = left / (order.len() - k) as f32;
            widths[i] = extents[i].hyphenated.min(even);
            left -= widths[i];
        }
        widths
    };
    TableLayout { size, widths }
}

/// What the document's metadata says.
#[derive(Debug, Clone, Default)]
pub(crate) struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Seconds since 1970 (UTC) of the creation date.
    pub created: i64,
}

/// A document being laid out, page by page.
pub(crate) struct Doc {
    pub fonts: Fonts,
    pub pages: Vec<Page>,
    /// The body frame (the page frame less the footer).
    pub frame: Frame,
    /// Where the next block starts, from the top of the page.
    pub y: f32,
    /// The page each anchor landed on (0-based), by anchor number.
    anchors: Vec<Option<usize>>,
    /// Bookmarks: title and anchor.
    bookmarks: Vec<(String, usize)>,
    /// The footer's left-hand text; none for no footer.
    pub footer: Option<String>,
}

impl Doc {
    pub(crate) fn new(fonts: Fonts, footer: Option<String>) -> Doc {
        let frame = Frame {
            bottom: PAGE_FRAME.bottom - if footer.is_some() { FOOTER_H } else { 0.0 },
            ..PAGE_FRAME
        };
        Doc {
            fonts,
            pages: vec![Page::default()],
            frame,
            y: frame.top,
            anchors: Vec::new(),
            bookmarks: Vec::new(),
            footer,
        }
    }

    /// The index of the current page.
    pub(crate) fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(crate) fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.frame.top;
    }

    /// Whether the current page has nothing on it yet.
    pub(crate) fn at_top(&self) -> bool {
        self.y <= self.frame.top + 0.01
    }

    /// Starts a new page unless `h` more points fit on this one.
    pub(crate) fn ensure(&mut self, h: f32) {
        if self.y + h > self.frame.bottom + 0.01 && !self.at_top() {
            self.new_page();
        }
    }

    /// Room left on the current page.
    pub(crate) fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    /// Adds vertical space, unless at the top of a page.
    pub(crate) fn space(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    /// A new anchor, to be placed with [`Doc::anchor_here`].
    pub(crate) fn new_anchor(&mut self) -> usize {
        self.anchors.push(None);
        self.anchors.len() - 1
    }

    /// Places `anchor` on the current page.
    pub(crate) fn anchor_here(&mut self, anchor: usize) {
        let page = self.page_index();
        if let Some(slot) = self.anchors.get_mut(anchor) {
            *slot = Some(page);
        }
    }

    /// A bookmark to `anchor` in the document outline.
    pub(crate) fn bookmark(&mut self, title: impl Into<String>, anchor: usize) {
        self.bookmarks.push((title.into(), anchor));
    }

    /// The 1-based page number of an anchor, once placed.
    pub(crate) fn page_of(&self, anchor: usize) -> Option<usize> {
        self.anchors.get(anchor).copied().flatten().map(|p| p + 1)
    }

    /// Draws `text` in one face with its baseline at `y`.
    pub(crate) fn text(&mut self, x: f32, y: f32, face: Face, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        self.push(Item::Text {
            x,
            y,
            face,
            size: style.size,
            color: style.color,
            text: text.to_owned(),
        });
    }

    /// The baseline of a line of `style` whose box starts at `top`.
    pub(crate) fn baseline(&self, top: f32, style: Style) -> f32 {
        let ascent = self.fonts.get(Face::Regular).ascent * style.size;
        top + (style.leading - style.size) / 2.0 + ascent.min(style.size)
    }

    /// Draws laid-out lines from `top`, one under another.
    pub(crate) fn draw_lines(&mut self, lines: &[LineOut], x: f32, top: f32, style: Style) {
        for (i, line) in lines.iter().enumerate() {
            let base = self.baseline(top + i as f32 * style.leading, style);
            self.draw_line(line, x, base, style);
        }
    }

    /// Draws a table cell's lines, left- or right-aligned.
    #[allow(clippy::too_many_arguments)]
    fn draw_cell(
        &mut self,
        lines: &[LineOut],
        left: f32,
        width: f32,
        pad: f32,
        top: f32,
        style: Style,
        right: bool,
    ) {
        for (i, line) in lines.iter().enumerate() {
            let base = self.baseline(top + i as f32 * style.leading, style);
            let x = if right {
                left + width - pad - line.width
            } else {
                left + pad
            };
            self.draw_line(line, x, base, style);
        }
    }

    /// Draws one laid-out line with its baseline at `base`.
    pub(crate) fn draw_line(&mut self, line: &LineOut, x: f32, base: f32, style: Style) {
        for run in &line.runs {
            self.text(x + run.x, base, run.face, style, &run.text);
        }
    }

    /// A paragraph of rich text in the frame, indented by `indent`, split
    /// across pages between lines (never fewer than two lines at the foot of
    /// a page when the paragraph has more).
    pub(crate) fn paragraph(&mut self, spans: &[Span], style: Style, indent: f32) {
        let width = self.frame.width() - indent;
        let lines = wrap(&self.fonts, spans, style.size, width);
        self.flow_lines(&lines, self.frame.left + indent, style, None);
    }

    /// Flows lines down the frame, starting new pages as needed. `marker`
    /// is drawn beside the first line (a list bullet or number).
    pub(crate) fn flow_lines(
        &mut self,
        lines: &[LineOut],
        x: f32,
        style: Style,
        marker: Option<(f32, &str, Face)>,
    ) {
        let keep = if lines.len() > 2 { 2 } else { lines.len() };
        self.ensure(style.leading * keep as f32);
        let bottom = self.frame.bottom + 0.01;
        for (i, line) in lines.iter().enumerate() {
            let left = lines.len() - i;
            // Break early rather than leave the last line alone on the next
            // page, as long as two lines stay behind.
            let widow = left == 2 && i >= 2 && self.y + 2.0 * style.leading > bottom;
            if self.y + style.leading > bottom || widow {
                self.new_page();
            }
            let base = self.baseline(self.y, style);
            if i == 0
                && let Some((mx, text, face)) = marker
            {
                self.text(mx, base, face, style, text);
            }
            self.draw_line(line, x, base, style);
            self.y += style.leading;
        }
    }

    /// At most `max` of `lines`, the last ending in an ellipsis when any
    /// were dropped (for titles whose full text appears elsewhere).
    pub(crate) fn clamp(
        &self,
        mut lines: Vec<LineOut>,
        max: usize,
        size: f32,
        width: f32,
    ) -> Vec<LineOut> {
        if lines.len() <= max {
            return lines;
        }
        lines.truncate(max.max(1));
        if let Some(run) = lines.last_mut().and_then(|l| l.runs.last_mut()) {
            let text = format!("{}\u{2026}", run.text);
            run.text = self.fit(&text, run.face, size, width - run.x);
        }
        lines
    }

    /// A heading (three lines at most) that stays with at least `keep`
    /// points of what follows.
    pub(crate) fn heading(&mut self, text: &str, style: Style, before: f32, keep: f32) {
        let lines = wrap(
            &self.fonts,
            &[Span::bold(text)],
            style.size,
            self.frame.width(),
        );
        let lines = self.clamp(lines, 3, style.size, self.frame.width());
        let h = lines.len() as f32 * style.leading;
        self.space(before);
        self.ensure(h + keep);
        let top = self.y;
        self.draw_lines(&lines, self.frame.left, top, style);
        self.y += h;
    }

    /// A document's opening: a short line saying what it is, in `kicker`'s
    /// style and bold, then its title, three lines at most.
    pub(crate) fn title_block(&mut self, what: &str, kicker: Style, title: &str, style: Style) {
        let (left, width) = (self.frame.left, self.frame.width());
        let base = self.baseline(self.y, kicker);
        self.text(left, base, Face::Bold, kicker, what);
        self.y += kicker.leading + 2.0;
        let lines = wrap(&self.fonts, &[Span::bold(title)], style.size, width);
        let lines = self.clamp(lines, 3, style.size, width);
        self.flow_lines(&lines, left, style, None);
        self.y += 3.0;
    }

    /// A section's heading (kept with `keep` points of what follows) and a
    /// bookmark to it in the outline, on the page the heading lands on.
    pub(crate) fn section(&mut self, bookmark: &str, heading: &str, style: Style, keep: f32) {
        self.heading(heading, style, 0.0, keep);
        let anchor = self.new_anchor();
        self.anchor_here(anchor);
        self.bookmark(bookmark, anchor);
    }

    /// A horizontal hairline across the frame at the cursor.
    pub(crate) fn rule(&mut self, color: Rgb, width: f32) {
        let (left, right, y) = (self.frame.left, self.frame.right, self.y);
        self.push(Item::Stroke {
            x1: left,
            y1: y,
            x2: right,
            y2: y,
            width,
            color,
        });
    }

    /// A table whose header row repeats at the top of every page it runs
    /// onto and whose rows break between pages only between lines.
    pub(crate) fn table(&mut self, columns: &[Column], rows: &[Vec<Vec<Span>>], style: Style) {
        let pad_x = PAD_X;
        let pad_y = PAD_Y;
        let frame_w = self.frame.width();
        let TableLayout { size, widths } =
            table_layout(&self.fonts, columns, rows, style.size, frame_w, 0.0);
        let style = Style {
            size,
            leading: style.leading * size / style.size,
            ..style
        };
        let lefts: Vec<f32> = widths
            .iter()
            .scan(self.frame.left, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let header: Vec<Vec<LineOut>> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                wrap(
                    &self.fonts,
                    &[Span::bold(c.title.clone())],
                    style.size,
                    w - 2.0 * pad_x,
                )
            })
            .collect();
        let header_h =
            header.iter().map(Vec::len).max().unwrap_or(1) as f32 * style.leading + 2.0 * pad_y;
        let laid: Vec<Vec<Vec<LineOut>>> = rows
            .iter()
            .map(|row| {
                widths
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let spans = row.get(i).map(Vec::as_slice).unwrap_or(&[]);
                        wrap(&self.fonts, spans, style.size, w - 2.0 * pad_x)
                    })
                    .collect()
            })
            .collect();
        let draw_header = |doc: &mut Doc| {
            let top = doc.y;
            doc.push(Item::Fill {
                x: doc.frame.left,
                y: top,
                w: frame_w,
                h: header_h,
                color: SHADE,
            });
            for (i, lines) in header.iter().enumerate() {
                doc.draw_cell(
                    lines,
                    lefts[i],
                    widths[i],
                    pad_x,
                    top + pad_y,
                    style,
                    columns[i].right,
                );
            }
            doc.y += header_h;
            let (l, r, y) = (doc.frame.left, doc.frame.right, doc.y);
            doc.push(Item::Stroke {
                x1: l,
                y1: y,
                x2: r,
                y2: y,
                width: 0.8,
                color: MUTED,
            });
        };
        // Keep the header with the first row (or its first lines).
        let first_h = laid.first().map_or(0.0, |cells| {
            cells.iter().map(Vec::len).max().unwrap_or(1).min(3) as f32 * style.leading
                + 2.0 * pad_y
        });
        self.ensure(header_h + first_h);
        draw_header(self);
        for (r, cells) in laid.iter().enumerate() {
            let n = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let row_h = n as f32 * style.leading + 2.0 * pad_y;
            let full_page = self.frame.bottom - self.frame.top - header_h;
            if self.y + row_h > self.frame.bottom + 0.01 && row_h <= full_page {
                self.new_page();
                draw_header(self);
            }
            // Draw the row in slices of whole lines that fit on each page.
            let mut from = 0;
            while from < n {
                if self.room() < style.leading + 2.0 * pad_y {
                    self.new_page();
                    draw_header(self);
                }
                let fit = (((self.room() - 2.0 * pad_y) / style.leading).floor() as usize).max(1);
                let to = (from + fit).min(n);
                let h = (to - from) as f32 * style.leading + 2.0 * pad_y;
                let top = self.y;
                if r % 2 == 1 {
                    self.push(Item::Fill {
                        x: self.frame.left,
                        y: top,
                        w: frame_w,
                        h,
                        color: STRIPE,
                    });
                }
                for (i, lines) in cells.iter().enumerate() {
                    let end = to.min(lines.len());
                    if from < end {
                        self.draw_cell(
                            &lines[from..end],
                            lefts[i],
                            widths[i],
                            pad_x,
                            top + pad_y,
                            style,
                            columns[i].right,
                        );
                    }
                }
                self.y += h;
                let (l, rr, y) = (self.frame.left, self.frame.right, self.y);
                self.push(Item::Stroke {
                    x1: l,
                    y1: y,
                    x2: rr,
                    y2: y,
                    width: 0.4,
                    color: RULE,
                });
                from = to;
                if from < n {
                    self.new_page();
                    draw_header(self);
                }
            }
        }
    }

    /// Truncates `text` with an ellipsis to fit `width`.
    pub(crate) fn fit(&self, text: &str, face: Face, size: f32, width: f32) -> String {
        if self.fonts.width(face, text, size) <= width {
            return text.to_owned();
        }
        let mut out = String::new();
        for c in text.chars() {
            let mut next = out.clone();
            next.push(c);
            next.push('…');
            if self.fonts.width(face, &next, size) > width {
                break;
            }
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }

    /// Draws the footers, resolves page references, subsets the fonts and
    /// writes the PDF.
    pub(crate) fn finish(mut self, meta: &Meta) -> Result<Vec<u8>, PdfError> {
        let count = self.pages.len();
        if let Some(left) = self.footer.clone() {
            let style = Style::new(8.0, 10.0, MUTED);
            for i in 0..count {
                let number = format!("Page {} of {count}", i + 1);
                let num_w = self.fonts.width(Face::Regular, &number, style.size);
                let y = PAGE_FRAME.bottom - 1.5;
                let line_y = PAGE_FRAME.bottom - FOOTER_H + 4.0 * MM;
                let left = self.fit(
                    &left,
                    Face::Regular,
                    style.size,
                    PAGE_FRAME.width() - num_w - 12.0,
                );
                let page = &mut self.pages[i];
                page.items.push(Item::Stroke {
                    x1: PAGE_FRAME.left,
                    y1: line_y,
                    x2: PAGE_FRAME.right,
                    y2: line_y,
                    width: 0.4,
                    color: RULE,
                });
                page.items.push(Item::Text {
                    x: PAGE_FRAME.left,
                    y,
                    face: Face::Regular,
                    size: style.size,
                    color: style.color,
                    text: left,
                });
                page.items.push(Item::Text {
                    x: PAGE_FRAME.right - num_w,
                    y,
                    face: Face::Regular,
                    size: style.size,
                    color: style.color,
                    text: number,
                });
            }
        }
        // Resolve page references.
        let anchors = self.anchors.clone();
        for page in &mut self.pages {
            for item in &mut page.items {
                if let Item::PageOf {
                    x,
                    y,
                    face,
                    size,
                    color,
                    anchor,
                } = *item
                {
                    let text = anchors
                        .get(anchor)
                        .copied()
                        .flatten()
                        .map(|p| (p + 1).to_string())
                        .unwrap_or_default();
                    let w = self.fonts.width(face, &text, size);
                    *item = Item::Text {
                        x: x - w,
                        y,
                        face,
                        size,
                        color,
                        text,
                    };
                }
            }
        }
        render(&self, meta)
    }
}

/// Turns the display lists into a PDF.
fn render(doc: &Doc, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text { face, text, .. } = item {
                used.entry(*face).or_default().extend(text.chars());
            }
        }
    }
    let mut pdf = PdfDocument::new(&meta.title);
    let created = printpdf::OffsetDateTime::from_unix_timestamp(meta.created)
        .map_err(|e| PdfError::Render(format!("bad creation date: {e}")))?;
    let info = &mut pdf.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = "Offerwright".to_owned();
    info.producer = format!("Offerwright {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    let mut ids = BTreeMap::new();
    for (face, chars) in &used {
        let font = fonts::subset(&doc.fonts, *face, chars)?;
        ids.insert(*face, pdf.add_font(&font));
    }
    let mut pages = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let mut ops = Vec::new();
        // Shapes first, so that text always sits on top of them.
        for item in &page.items {
            match *item {
                Item::Fill { x, y, w, h, color } => {
                    ops.push(Op::SetFillColor { col: color.color() });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            mode: Some(PaintMode::Fill),
                            ..Rect::from_xywh(Pt(x), Pt(PAGE_H - y - h), Pt(w), Pt(h))
                        },
                    });
                }
                Item::Stroke {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    color,
                } => {
                    ops.push(Op::SetOutlineColor { col: color.color() });
                    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(x1),
                                        y: Pt(PAGE_H - y1),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(x2),
                                        y: Pt(PAGE_H - y2),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    });
                }
                Item::Text { .. } | Item::PageOf { .. } => {}
            }
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(Face, f32)> = None;
        let mut color: Option<Rgb> = None;
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                face,
                size,
                color: c,
                ref text,
            } = *item
            {
                let Some(id) = ids.get(&face) else { continue };
                if current != Some((face, size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(id.clone()),
                        size: Pt(size),
                    });
                    current = Some((face, size));
                }
                if color != Some(c) {
                    ops.push(Op::SetFillColor { col: c.color() });
                    color = Some(c);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(x), Pt(PAGE_H - y)),
                });
                let items = doc
                    .fonts
                    .get(face)
                    .kerned(text)
                    .into_iter()
                    .map(|k| match k {
                        fonts::Kerned::Text(t) => TextItem::Text(t),
                        fonts::Kerned::Offset(o) => TextItem::Offset(o),
                    })
                    .collect();
                ops.push(Op::ShowText { items });
            }
        }
        ops.push(Op::EndTextSection);
        pages.push(PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops));
    }
    pdf.with_pages(pages);
    for (title, anchor) in &doc.bookmarks {
        if let Some(page) = doc.page_of(*anchor) {
            pdf.add_bookmark(title, page);
        }
    }
    let mut warnings = Vec::new();
    // The faces are subset already (fonts::subset): printpdf need not again.
    let options = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let bytes = pdf.save(&options, &mut warnings);
    if let Some(e) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Render(e.msg.clone()));
    }
    Ok(bytes)
}
