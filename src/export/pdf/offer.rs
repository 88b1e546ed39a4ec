//! The submission PDF of an offer and, with a self-score report, the review
//! PDF: cover, contents, answers under their questions, the commitments
//! table, the social value summary, and (review only) the self-score.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::PdfError;
use super::fonts::{self, Face};
use super::layout::{
    ACCENT, BREAK, Column, Doc, INK, Item, LineOut, MM, MUTED, Meta, RULE, SHADE, Span, Style, wrap,
};
use super::markdown::{self, Block};
use crate::domain::{OfferDocument, Question};
use crate::export::content::{self, NONE};
use crate::money::{quantity, round};
use crate::score::{self, Band, Report};

const BODY: Style = Style::new(10.5, 15.0, INK);
const SMALL: Style = Style::new(9.0, 12.5, MUTED);
const TABLE: Style = Style::new(8.5, 11.0, INK);
const H1: Style = Style::new(17.0, 22.0, ACCENT);
const H2: Style = Style::new(12.0, 16.0, INK);
const H3: Style = Style::new(10.5, 15.0, INK);

/// A section of the document: its title in the contents and outline.
struct Section {
    title: String,
    anchor: usize,
}

/// Lays out the offer; with a report, the review copy.
pub(crate) fn render(
    doc: &OfferDocument,
    today: NaiveDate,
    report: Option<&Report>,
) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::metrics()?;
    let clean = |s: &str| fonts.clean(s);
    let tender = &doc.tender;
    let bidder = &doc.offer.bidder;
    let footer = format!(
        "{} \u{2013} {}",
        clean(&tender.reference),
        clean(&bidder.name)
    );
    let mut out = Doc::new(fonts.clone(), Some(footer));

    // The sections, in order, so that the contents can list them first.
    let mut sections: Vec<Section> = Vec::new();
    let mut add = |out: &mut Doc, title: String| {
        let anchor = out.new_anchor();
        sections.push(Section { title, anchor });
        anchor
    };
    let mut titles = content::section_titles(doc, report.is_some()).into_iter();
    let question_anchors: Vec<usize> = tender
        .questions
        .iter()
        .zip(titles.by_ref())
        .map(|(_, title)| add(&mut out, title))
        .collect();
    let commitments_anchor = add(&mut out, titles.next().unwrap_or_default());
    let summary_anchor = add(&mut out, titles.next().unwrap_or_default());
    let score_anchor = titles.next().map(|title| add(&mut out, title));

    cover(&mut out, doc, today, report.is_some());
    out.new_page();
    contents(&mut out, &sections);
    for s in &sections {
        out.bookmark(s.title.clone(), s.anchor);
    }

    for (i, q) in tender.questions.iter().enumerate() {
        out.new_page_unless_top();
        section_heading(&mut out, &sections, question_anchors[i]);
        question(&mut out, doc, q);
    }

    out.new_page_unless_top();
    section_heading(&mut out, &sections, commitments_anchor);
    commitments(&mut out, doc);

    out.space(12.0);
    section_heading(&mut out, &sections, summary_anchor);
    let report_for_values = match report {
        Some(r) => std::borrow::Cow::Borrowed(r),
        None => std::borrow::Cow::Owned(score::score(doc)),
    };
    social_value(&mut out, doc, &report_for_values);

    if let (Some(report), Some(anchor)) = (report, score_anchor) {
        out.new_page_unless_top();
        section_heading(&mut out, &sections, anchor);
        self_score(&mut out, doc, report);
    }

    let kind = if report.is_some() {
        "Social value offer, internal review copy with self-score"
    } else {
        "Social value offer"
    };
    let meta = Meta {
        title: format!("{}: social value offer", clean(&tender.title)),
        author: clean(&bidder.name),
        subject: format!(
            "{kind} to {} for tender {}",
            clean(&tender.buyer),
            clean(&tender.reference)
        ),
        keywords: vec![
            "social value".to_owned(),
            clean(&tender.reference),
            clean(&tender.buyer),
        ],
        created: today
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp()),
    };
    out.finish(&meta)
}

impl Doc {
    /// Wraps spans and keeps at most six lines.
    fn clamp_wrap(&self, spans: &[Span], size: f32, width: f32) -> Vec<LineOut> {
        let lines = wrap(&self.fonts, spans, size, width);
        self.clamp(lines, 6, size, width)
    }

    /// Starts a new page unless the current one is still empty.
    fn new_page_unless_top(&mut self) {
        if !self.at_top() {
            self.new_page();
        }
    }
}

fn section_heading(out: &mut Doc, sections: &[Section], anchor: usize) {
    let title = sections
        .iter()
        .find(|s| s.anchor == anchor)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    out.heading(&title, H1, 0.0, 60.0);
    out.anchor_here(anchor);
    out.y += 6.0;
}

/// The cover: what, for whom, from whom, when.
fn cover(out: &mut Doc, doc: &OfferDocument, today: NaiveDate, review: bool) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let tender = &doc.tender;
    let (left, width) = (out.frame.left, out.frame.width());
    out.push(Item::Fill {
        x: left,
        y: out.frame.top,
        w: width,
        h: 5.0,
        color: ACCENT,
    });
    out.y = out.frame.top + 40.0 * MM;
    let label = Style::new(11.0, 16.0, ACCENT);
    let top = out.y;
    out.text(
        left,
        out.baseline(top, label),
        Face::Bold,
        label,
        "Social value offer",
    );
    out.y += label.leading + 6.0;
    // The title as large as it fits in five lines; the facts below give it
    // whole if it is longer still.
    let title_spans = [Span::bold(clean(&tender.title))];
    let mut title = Style::new(28.0, 34.0, INK);
    let mut lines = wrap(&fonts, &title_spans, title.size, width);
    for size in [22.0, 18.0, 14.0] {
        if lines.len() <= 5 {
            break;
        }
        title = Style::new(size, size * 1.22, INK);
        lines = wrap(&fonts, &title_spans, title.size, width);
    }
    let lines = out.clamp(lines, 8, title.size, width);
    let top = out.y;
    out.draw_lines(&lines, left, top, title);
    out.y += lines.len() as f32 * title.leading + 8.0;
    let sub = Style::new(14.0, 19.0, MUTED);
    let lines = out.clamp_wrap(
        &[Span::regular(content::cover_subtitle(doc, &clean))],
        sub.size,
        width,
    );
    let top = out.y;
    out.draw_lines(&lines, left, top, sub);
    out.y += lines.len() as f32 * sub.leading;

    if review {
        out.y += 14.0;
        let note = Style::new(10.5, 15.0, INK);
        let lines = wrap(
            &fonts,
            &[
                Span::bold("Internal review copy. "),
                Span::regular(
                    "This copy includes the self-score report, which is for the bid team only. \
                     Submit the submission PDF, not this one.",
                ),
            ],
            note.size,
            width - 24.0,
        );
        let h = lines.len() as f32 * note.leading + 16.0;
        let top = out.y;
        out.push(Item::Fill {
            x: left,
            y: top,
            w: width,
            h,
            color: SHADE,
        });
        out.push(Item::Fill {
            x: left,
            y: top,
            w: 3.0,
            h,
            color: ACCENT,
        });
        out.draw_lines(&lines, left + 12.0, top + 8.0, note);
        out.y += h;
    }

    // The key facts, low on the page.
    let facts = content::cover_facts(doc, today, &clean);

    let label_w = 34.0 * MM;
    let fact = Style::new(10.5, 14.5, INK);
    let laid: Vec<_> = facts
        .iter()
        .map(|(k, v)| {
            (
                *k,
                wrap(
                    &fonts,
                    &[Span::regular(v.clone())],
                    fact.size,
                    width - label_w,
                ),
            )
        })
        .collect();
    let h: f32 = laid
        .iter()
        .map(|(_, l)| l.len() as f32 * fact.leading + 9.0)
        .sum();
    let start = (out.frame.bottom - h - 4.0).max(out.y + 24.0);
    out.y = start;
    out.rule(RULE, 0.6);
    for (k, lines) in &laid {
        // Facts longer than the cover has room for run onto the next page.
        let row_h = lines.len() as f32 * fact.leading + 9.0;
        if out.y + row_h > out.frame.bottom {
            out.new_page();
            out.rule(RULE, 0.6);
        }
        let top = out.y + 4.5;
        let base = out.baseline(top, fact);
        out.text(
            left,
            base,
            Face::Bold,
            Style {
                color: MUTED,
                ..fact
            },
            k,
        );
        out.draw_lines(lines, left + label_w, top, fact);
        out.y += lines.len() as f32 * fact.leading + 9.0;
        out.rule(RULE, 0.6);
    }
}

/// The contents: each section with its page number.
fn contents(out: &mut Doc, sections: &[Section]) {
    out.heading("Contents", H1, 0.0, 60.0);
    out.y += 10.0;
    let style = Style::new(11.0, 15.0, INK);
    let (left, right) = (out.frame.left, out.frame.right);
    for s in sections {
        out.ensure(style.leading + 8.0);
        let top = out.y + 4.0;
        let base = out.baseline(top, style);
        let title = out.fit(&s.title, Face::Regular, style.size, right - left - 40.0);
        out.text(left, base, Face::Regular, style, &title);
        out.push(Item::PageOf {
            x: right,
            y: base,
            face: Face::Regular,
            size: style.size,
            color: INK,
            anchor: s.anchor,
        });
        out.y += style.leading + 8.0;
        out.rule(RULE, 0.5);
    }
}

/// One question, boxed, then its answer.
fn question(out: &mut Doc, doc: &OfferDocument, q: &Question) {
    let fonts = out.fonts.clone();
    let width = out.frame.width();
    let answer = content::given_answer(doc, q);
    // The buyer's question, in a shaded box.
    let lines = wrap(
        &fonts,
        &[Span::regular(fonts.clean(&q.text))],
        BODY.size,
        width - 24.0,
    );
    let facts = content::question_facts(doc, q, &|s: &str| fonts.clean(s));
    let meta_lines = wrap(
        &fonts,
        &[Span::regular(facts.join(" \u{00B7} "))],
        SMALL.size,
        width - 24.0,
    );
    let h = 10.0
        + SMALL.leading
        + lines.len() as f32 * BODY.leading
        + 4.0
        + meta_lines.len() as f32 * SMALL.leading
        + 10.0;
    if h > out.frame.bottom - out.frame.top {
        // A question longer than a page: no box, just its text.
        let label = Style {
            color: ACCENT,
            ..SMALL
        };
        out.paragraph(&[Span::bold("Question")], label, 0.0);
        out.paragraph(&[Span::regular(fonts.clean(&q.text))], BODY, 0.0);
        out.paragraph(&[Span::regular(facts.join(" \u{00B7} "))], SMALL, 0.0);
        out.y += 14.0;
    } else {
        out.ensure(h);
        question_box(out, &lines, &meta_lines, h);
    }

    out.heading("Answer", H2, 0.0, 30.0);
    out.y += 4.0;
    match answer {
        Some(a) => blocks(out, &markdown::parse(&a.text), 0.0),
        None => out.paragraph(
            &[Span::new(Face::Italic, content::NO_ANSWER)],
            Style {
                color: MUTED,
                ..BODY
            },
            0.0,
        ),
    }
}

/// The buyer's question in a shaded box with an accent edge.
fn question_box(out: &mut Doc, lines: &[LineOut], meta_lines: &[LineOut], h: f32) {
    let (left, width) = (out.frame.left, out.frame.width());
    let top = out.y;
    out.push(Item::Fill {
        x: left,
        y: top,
        w: width,
        h,
        color: SHADE,
    });
    out.push(Item::Fill {
        x: left,
        y: top,
        w: 3.0,
        h,
        color: ACCENT,
    });
    let mut y = top + 10.0;
    let label = Style {
        color: ACCENT,
        ..SMALL
    };
    out.text(
        left + 12.0,
        out.baseline(y, label),
        Face::Bold,
        label,
        "Question",
    );
    y += SMALL.leading;
    out.draw_lines(lines, left + 12.0, y, BODY);
    y += lines.len() as f32 * BODY.leading + 4.0;
    out.draw_lines(meta_lines, left + 12.0, y, SMALL);
    out.y = top + h + 14.0;
}

/// Draws Markdown blocks, indented by `indent`.
fn blocks(out: &mut Doc, blocks: &[Block], indent: f32) {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.space(7.0);
        }
        match block {
            Block::Para(spans) => out.paragraph(&clean_spans(out, spans), BODY, indent),
            Block::Heading(level, spans) => {
                let style = if *level <= 2 { H2 } else { H3 };
                let spans: Vec<Span> = clean_spans(out, spans)
                    .into_iter()
                    .map(|s| Span::bold(s.text))
                    .collect();
                let lines = wrap(&out.fonts, &spans, style.size, out.frame.width() - indent);
                out.space(4.0);
                out.ensure(lines.len() as f32 * style.leading + 2.0 * BODY.leading);
                let x = out.frame.left + indent;
                out.flow_lines(&lines, x, style, None);
            }
            Block::List { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.space(3.0);
                    }
                    let marker = match start {
                        Some(s) => format!("{}.", s.saturating_add(n as u64)),
                        None => "\u{2022}".to_owned(),
                    };
                    list_item(out, &marker, item, indent);
                }
            }
            Block::Quote(inner) => {
                let top_page = out.page_index();
                let top = out.y;
                blocks_quote(out, inner, indent + 14.0);
                if out.page_index() == top_page {
                    let x = out.frame.left + indent + 3.0;
                    out.push(Item::Stroke {
                        x1: x,
                        y1: top,
                        x2: x,
                        y2: out.y,
                        width: 2.0,
                        color: RULE,
                    });
                }
            }
            Block::Code(lines) => {
                for line in lines {
                    let text = out.fonts.clean(line);
                    out.paragraph(
                        &[Span::regular(text)],
                        Style {
                            color: MUTED,
                            ..BODY
                        },
                        indent,
                    );
                }
            }
            Block::Rule => {
                out.space(4.0);
                out.rule(RULE, 0.6);
                out.space(4.0);
            }
        }
    }
}

fn blocks_quote(out: &mut Doc, inner: &[Block], indent: f32) {
    blocks(out, inner, indent);
}

fn clean_spans(out: &Doc, spans: &[Span]) -> Vec<Span> {
    spans
        .iter()
        .map(|s| {
            // Keep forced line breaks; clean everything else.
            let text = s
                .text
                .split(BREAK)
                .map(|part| out.fonts.clean(part))
                .collect::<Vec<_>>()
                .join(BREAK);
            Span::new(s.face, text)
        })
        .collect()
}

/// One list item: its marker hanging in the indent, its blocks beside it.
fn list_item(out: &mut Doc, marker: &str, item: &[Block], indent: f32) {
    let hang = 16.0;
    let x = out.frame.left + indent + hang;
    let marker_w = out.fonts.width(Face::Regular, marker, BODY.size);
    let marker_x = x - 5.0 - marker_w;
    for (i, block) in item.iter().enumerate() {
        match (i, block) {
            (0, Block::Para(spans)) => {
                let spans = clean_spans(out, spans);
                let lines = wrap(
                    &out.fonts,
                    &spans,
                    BODY.size,
                    out.frame.width() - indent - hang,
                );
                out.flow_lines(&lines, x, BODY, Some((marker_x, marker, Face::Regular)));
            }
            (0, other) => {
                // An item that opens with something other than a paragraph:
                // the marker on a line of its own.
                out.ensure(BODY.leading);
                let base = out.baseline(out.y, BODY);
                out.text(marker_x, base, Face::Regular, BODY, marker);
                blocks(out, std::slice::from_ref(other), indent + hang);
            }
            (_, other) => {
                out.space(3.0);
                blocks(out, std::slice::from_ref(other), indent + hang);
            }
        }
    }
    if item.is_empty() {
        out.ensure(BODY.leading);
        let base = out.baseline(out.y, BODY);
        out.text(marker_x, base, Face::Regular, BODY, marker);
        out.y += BODY.leading;
    }
}

/// The commitments table.
fn commitments(out: &mut Doc, doc: &OfferDocument) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let list = &doc.offer.commitments;
    if list.is_empty() {
        out.paragraph(
            &[Span::new(Face::Italic, content::NO_COMMITMENTS)],
            Style {
                color: MUTED,
                ..BODY
            },
            0.0,
        );
        return;
    }
    out.paragraph(
        &[Span::regular(content::commitments_intro(list.len()))],
        BODY,
        0.0,
    );
    out.space(8.0);
    let columns = content::COMMITMENT_COLUMNS.map(Column::new);
    let rows: Vec<Vec<Vec<Span>>> = content::commitment_rows(doc, &clean)
        .into_iter()
        .map(|r| {
            let mut what = vec![Span::regular(r.what)];
            if let Some(topic) = r.topic {
                what.push(Span::new(Face::Italic, format!("{BREAK}{topic}")));
            }
            vec![
                vec![Span::regular(r.number)],
                what,
                vec![Span::regular(r.quantity)],
                vec![Span::regular(r.by)],
                vec![Span::regular(r.place)],
                vec![Span::regular(r.owner)],
                vec![Span::regular(r.kpi)],
            ]
        })
        .collect();
    out.table(&columns, &rows, TABLE);
}

/// A table as the submission PDF lays it out, for the Word file's tables
/// to match it: see [`word_table`].
pub(crate) struct WordTable {
    /// Each column's share of the text width, 0 to 1.
    pub shares: Vec<f32>,
    /// The table's type size, in points.
    pub size: f32,
    /// The cells, with a soft hyphen wherever the PDF splits a word.
    pub cells: Vec<Vec<String>>,
}

/// The columns' widths and type size the submission PDF gives a table of
/// these `titles` and plain-text `cells` (lines separated by `\n`), and the
/// cells with soft hyphens where the PDF hyphenates, so that a word
/// processor breaks the table's words where the PDF does.
pub(crate) fn word_table(titles: &[&str], cells: &[Vec<String>]) -> WordTable {
    let Ok(fonts) = super::fonts::metrics() else {
        return WordTable {
            shares: vec![1.0 / titles.len().max(1) as f32; titles.len()],
            size: TABLE.size,
            cells: cells.to_vec(),
        };
    };
    let columns: Vec<Column> = titles.iter().map(|t| Column::new(t)).collect();
    let rows: Vec<Vec<Vec<Span>>> = cells
        .iter()
        .map(|row| row.iter().map(|c| vec![Span::regular(c.clone())]).collect())
        .collect();
    // A word processor measures and rounds a little differently: each
    // column gets a point and a half to spare.
    let slack = 1.5;
    let frame = super::layout::PAGE_FRAME.width();
    let laid = super::layout::table_layout(&fonts, &columns, &rows, TABLE.size, frame, slack);
    let inner: Vec<f32> = laid
        .widths
        .iter()
        .map(|w| w - 2.0 * super::layout::PAD_X - slack)
        .collect();
    WordTable {
        shares: laid.widths.iter().map(|w| w / frame).collect(),
        size: laid.size,
        cells: cells
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&inner)
                    .map(|(c, w)| super::layout::soft_hyphens(&fonts, c, laid.size, *w))
                    .collect()
            })
            .collect(),
    }
}

/// The social value in GBP at the buyer's proxy values.
fn social_value(out: &mut Doc, doc: &OfferDocument, report: &Report) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let Some([before, total, after]) = content::social_value_intro(doc, report) else {
        out.paragraph(&[Span::regular(content::NO_SOCIAL_VALUE)], BODY, 0.0);
        return;
    };
    out.paragraph(
        &[
            Span::regular(before),
            Span::bold(total),
            Span::regular(after),
        ],
        BODY,
        0.0,
    );
    let column = |(name, right): (&'static str, bool)| {
        if right {
            Column::right(name)
        } else {
            Column::new(name)
        }
    };
    out.space(10.0);
    out.heading("By theme", H2, 0.0, 40.0);
    out.y += 4.0;
    let columns = content::THEME_COLUMNS.map(column);
    let themes = content::theme_rows(report, &clean);
    let last = themes.len().saturating_sub(1);
    let rows: Vec<Vec<Vec<Span>>> = themes
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            row.into_iter()
                .map(|cell| {
                    vec![if i == last {
                        Span::bold(cell)
                    } else {
                        Span::regular(cell)
                    }]
                })
                .collect()
        })
        .collect();
    out.table(&columns, &rows, TABLE);

    out.space(14.0);
    out.heading("By commitment", H2, 0.0, 40.0);
    out.y += 4.0;
    let columns = content::VALUE_COLUMNS.map(column);
    let rows: Vec<Vec<Vec<Span>>> = content::value_rows(doc, report, &clean)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| vec![Span::regular(cell)])
                .collect()
        })
        .collect();
    out.table(&columns, &rows, TABLE);
}

/// The self-score report: only in the review copy.
fn self_score(out: &mut Doc, doc: &OfferDocument, report: &Report) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let (left, width) = (out.frame.left, out.frame.width());

    // The headline figure.
    let big = Style::new(26.0, 32.0, ACCENT);
    out.ensure(big.leading + 40.0);
    let top = out.y;
    let figure = clean(&report.projected_marks_text);
    out.text(left, out.baseline(top, big), Face::Bold, big, &figure);
    let fig_w = out.fonts.width(Face::Bold, &figure, big.size);
    out.text(
        left + fig_w + 10.0,
        out.baseline(top, big),
        Face::Regular,
        Style {
            color: MUTED,
            ..BODY
        },
        "projected social value marks",
    );
    out.y += big.leading + 4.0;
    out.paragraph(
        &[Span::new(Face::Italic, clean(&report.disclaimer))],
        Style {
            color: MUTED,
            ..SMALL
        },
        0.0,
    );

    // Bands per hot topic, as a bar chart.
    out.space(14.0);
    out.heading("Bands by hot topic", H2, 0.0, 60.0);
    out.y += 6.0;
    let label_w = width * 0.38;
    let bar_x = left + label_w + 8.0;
    let bar_w = width * 0.34;
    let note_x = bar_x + bar_w + 8.0;
    let note_w = left + width - note_x;
    let row_style = Style::new(9.0, 12.0, INK);
    for t in &report.hot_topics {
        let title = wrap(
            &fonts,
            &[Span::regular(clean(&t.title))],
            row_style.size,
            label_w,
        );
        let title = out.clamp(title, 4, row_style.size, label_w);
        let share = round(t.share * Decimal::ONE_HUNDRED, 1);
        let note = wrap(
            &fonts,
            &[
                Span::bold(t.band.label()),
                Span::regular(format!(
                    "{BREAK}{} of {} marks \u{00B7} {}%",
                    quantity(round(t.marks, 2)),
                    quantity(round(t.max_marks, 2)),
                    quantity(share)
                )),
            ],
            row_style.size,
            note_w,
        );
        let lines = title.len().max(note.len()).max(2);
        let h = lines as f32 * row_style.leading + 8.0;
        out.ensure(h);
        let top = out.y;
        out.draw_lines(&title, left, top + 4.0, row_style);
        out.draw_lines(&note, note_x, top + 4.0, row_style);
        // The track: five equal steps, then the band's bar over it.
        let bar_h = 10.0;
        let bar_y = top + 4.0 + (row_style.leading * 2.0 - bar_h) / 2.0;
        out.push(Item::Fill {
            x: bar_x,
            y: bar_y,
            w: bar_w,
            h: bar_h,
            color: SHADE,
        });
        let band = f32::from(t.band.number());
        if band > 0.0 {
            out.push(Item::Fill {
                x: bar_x,
                y: bar_y,
                w: bar_w * band / 5.0,
                h: bar_h,
                color: band_colour(t.band),
            });
        }
        for step in 1..5 {
            let x = bar_x + bar_w * step as f32 / 5.0;
            out.push(Item::Stroke {
                x1: x,
                y1: bar_y,
                x2: x,
                y2: bar_y + bar_h,
                width: 0.8,
                color: super::layout::Rgb(1.0, 1.0, 1.0),
            });
        }
        out.y += h;
        out.rule(RULE, 0.4);
    }
    if !report.innovation.commitments.is_empty() {
        out.space(6.0);
        out.paragraph(
            &[Span::regular(format!(
                "Innovation credit for commitments beyond the hot topics ({}): {} marks.",
                report.innovation.commitments.join(", "),
                quantity(round(report.innovation.marks, 2))
            ))],
            SMALL,
            0.0,
        );
    }

    // The fixes, ranked.
    out.space(14.0);
    out.heading("What to fix first", H2, 0.0, 50.0);
    out.y += 4.0;
    if report.fixes.is_empty() {
        out.paragraph(&[Span::regular("Nothing to fix.")], BODY, 0.0);
    } else {
        let columns = [
            Column::new("No."),
            Column::new("Fix"),
            Column::right("Marks to gain"),
        ];
        let rows: Vec<Vec<Vec<Span>>> = report
            .fixes
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let gain = if f.error {
                    "first".to_owned()
                } else {
                    f.gain_text.clone().unwrap_or_else(|| NONE.to_owned())
                };
                vec![
                    vec![Span::regular((i + 1).to_string())],
                    vec![Span::regular(clean(&f.text))],
                    vec![Span::regular(gain)],
                ]
            })
            .collect();
        out.table(&columns, &rows, TABLE);
    }

    // The checks on each commitment.
    out.space(14.0);
    out.heading("Checks on each commitment", H2, 0.0, 50.0);
    out.y += 4.0;
    out.paragraph(
        &[Span::regular(
            "M measurable, T time-bound, L local, O owned, K monitored (KPI and reporting), \
             E evidenced, A additional. C: credible, in proportion to the contract and the \
             team (P, R3, R9, R11, R12). Band: with the rules that stop it lower, such as \
             R15 (hedged) or R7 (needs proof).",
        )],
        SMALL,
        0.0,
    );
    out.space(6.0);
    let mut columns = vec![Column::new("Commitment")];
    for check in score::Check::ALL {
        columns.push(Column::new(&check.letter().to_string()));
    }
    columns.push(Column::new("C"));
    columns.push(Column::new("Band"));
    let rows: Vec<Vec<Vec<Span>>> = report
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let what = doc
                .offer
                .commitment(&c.id)
                .map(|x| clean(&x.what))
                .unwrap_or_default();
            let mut row = vec![vec![Span::regular(format!("{}. {what}", i + 1))]];
            for check in score::Check::ALL {
                let passed = c
                    .checks
                    .iter()
                    .find(|r| r.check == check)
                    .is_some_and(|r| r.passed);
                row.push(vec![yes_no(passed)]);
            }
            row.push(vec![yes_no(c.credible)]);
            let caps: Vec<&str> = c.caps.iter().map(|k| k.rule.id()).collect();
            let band = match (c.band, c.innovation) {
                (Some(b), _) if !caps.is_empty() => format!("{} ({})", b.label(), caps.join(", ")),
                (Some(b), _) => b.label(),
                (None, true) => "Innovation".to_owned(),
                (None, false) => NONE.to_owned(),
            };
            row.push(vec![Span::regular(band)]);
            row
        })
        .collect();
    out.table(&columns, &rows, TABLE);

    // What each failing check means, commitment by commitment.
    for (i, c) in report.commitments.iter().enumerate() {
        let failing: Vec<&score::CheckResult> = c.checks.iter().filter(|r| !r.passed).collect();
        if failing.is_empty() && c.hedges.is_empty() && c.credible && c.caps.is_empty() {
            continue;
        }
        out.space(8.0);
        let what = doc
            .offer
            .commitment(&c.id)
            .map(|x| clean(&x.what))
            .unwrap_or_default();
        out.heading(&format!("Commitment {}: {what}", i + 1), H3, 0.0, 30.0);
        let mut lines: Vec<String> = failing
            .iter()
            .map(|r| {
                format!(
                    "{} ({}): {}",
                    r.check.letter(),
                    r.check.name(),
                    clean(&r.reason)
                )
            })
            .collect();
        for h in &c.hedges {
            lines.push(format!(
                "Hedged: \"{}\" ({})",
                clean(&h.written),
                clean(&h.excerpt)
            ));
        }
        for k in &c.caps {
            lines.push(format!("{}: {}.", k.rule.id(), clean(&k.reason)));
        }
        for r in &c.not_credible {
            lines.push(format!(
                "Not credible ({}): {}.",
                r.rule.id(),
                clean(&r.reason)
            ));
        }
        for line in lines {
            out.flow_bullet(&line, SMALL);
        }
    }

    // The answers.
    out.space(14.0);
    out.heading("Checks on the answers", H2, 0.0, 50.0);
    out.y += 4.0;
    for (i, a) in report.answers.iter().enumerate() {
        let limit = a
            .word_limit
            .map(|l| format!(" of {l} allowed"))
            .unwrap_or_default();
        let head = format!(
            "Question {} ({}): {} words{limit}",
            i + 1,
            clean(&a.question),
            a.words
        );
        out.paragraph(&[Span::bold(head)], SMALL, 0.0);
        if a.errors.is_empty() && a.hedges.is_empty() {
            out.flow_bullet("No problems found.", SMALL);
        }
        for e in &a.errors {
            out.flow_bullet(&clean(e), SMALL);
        }
        for h in &a.hedges {
            out.flow_bullet(
                &format!(
                    "Hedging phrase \"{}\": \"{}\"",
                    clean(&h.written),
                    clean(&h.excerpt)
                ),
                SMALL,
            );
        }
        out.space(6.0);
    }
    if !report.flags.is_empty() {
        out.space(8.0);
        out.heading("Flags", H2, 0.0, 40.0);
        out.y += 4.0;
        for f in &report.flags {
            out.flow_bullet(&clean(&f.message), SMALL);
        }
    }
}

fn yes_no(passed: bool) -> Span {
    if passed {
        Span::regular("yes")
    } else {
        Span::bold("no")
    }
}

/// A colour per band; never the only sign of it (the label says it too).
pub(crate) fn band_colour(band: Band) -> super::layout::Rgb {
    use super::layout::Rgb;
    match band {
        Band::NoResponse | Band::Poor => Rgb(0.75, 0.33, 0.25),
        Band::Weak => Rgb(0.85, 0.55, 0.2),
        Band::Satisfactory => Rgb(0.80, 0.68, 0.20),
        Band::Good => Rgb(0.30, 0.60, 0.45),
        Band::Excellent => ACCENT,
    }
}

impl Doc {
    /// A bulleted line of text in `style`, hanging.
    fn flow_bullet(&mut self, text: &str, style: Style) {
        let hang = 12.0;
        let x = self.frame.left + hang;
        let lines = wrap(
            &self.fonts,
            &[Span::regular(text)],
            style.size,
            self.frame.width() - hang,
        );
        let marker_x = self.frame.left + 2.0;
        self.flow_lines(
            &lines,
            x,
            style,
            Some((marker_x, "\u{2022}", Face::Regular)),
        );
        self.y += 2.0;
    }
}
