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
use crate::domain::{Commitment, OfferDocument, Question};
use crate::money::{gbp, quantity, round, uk_date};
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
    let question_anchors: Vec<usize> = tender
        .questions
        .iter()
        .enumerate()
        .map(|(i, _)| add(&mut out, format!("{}. Question {}", i + 1, i + 1)))
        .collect();
    let n = tender.questions.len();
    let commitments_anchor = add(&mut out, format!("{}. Commitments", n + 1));
    let summary_anchor = add(&mut out, format!("{}. Social value summary", n + 2));
    let score_anchor = report.map(|_| add(&mut out, format!("{}. Self-score report", n + 3)));

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
    let bidder = &doc.offer.bidder;
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
        &[Span::regular(format!(
            "A response to {} from {}",
            clean(&tender.buyer),
            clean(&bidder.name)
        ))],
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
    let mut organisation = Vec::new();
    if let Some(kind) = bidder.kind {
        let label = kind.label();
        let mut first = label.chars();
        organisation.push(
            first
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + first.as_str())
                .unwrap_or_default(),
        );
    }
    if let Some(n) = bidder.employees {
        organisation.push(format!(
            "{n} {}",
            if n == 1 { "employee" } else { "employees" }
        ));
    }
    if let Some(loc) = &bidder.location {
        organisation.push(format!("based in {}", clean(loc)));
    }
    let end = tender.window_end();
    let mut facts: Vec<(&str, String)> = vec![
        ("Tender", clean(&tender.title)),
        ("Reference", clean(&tender.reference)),
        ("Buyer", clean(&tender.buyer)),
        ("Bidder", clean(&bidder.name)),
    ];
    if !organisation.is_empty() {
        facts.push(("Organisation", organisation.join(", ")));
    }
    facts.push(("Contract value", gbp(tender.contract_value)));
    facts.push((
        "Contract period",
        format!(
            "{} months, {} to {}",
            tender.duration_months,
            uk_date(tender.window_start()),
            uk_date(end)
        ),
    ));
    facts.push(("Submission deadline", uk_date(tender.deadline)));
    facts.push(("Date of this offer", uk_date(today)));

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
    let answer = doc.offer.answer(&q.id).filter(|a| score::is_given(&a.text));
    // The buyer's question, in a shaded box.
    let lines = wrap(
        &fonts,
        &[Span::regular(fonts.clean(&q.text))],
        BODY.size,
        width - 24.0,
    );
    let mut facts = vec![
        format!("Question reference {}", fonts.clean(&q.id)),
        format!(
            "{} {}",
            quantity(q.marks),
            if q.marks == Decimal::ONE {
                "mark"
            } else {
                "marks"
            }
        ),
    ];
    if let Some(limit) = q.word_limit {
        facts.push(format!("word limit {limit}"));
    }
    if let Some(limit) = q.char_limit {
        facts.push(format!("character limit {limit}"));
    }
    if let Some(a) = answer {
        let words = score::word_count(&a.text);
        facts.push(format!(
            "this answer {words} {}",
            if words == 1 { "word" } else { "words" }
        ));
    }
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
            &[Span::new(Face::Italic, "No answer has been written.")],
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

/// The unit of a commitment: its own, or its measure's.
fn unit(doc: &OfferDocument, c: &Commitment) -> Option<String> {
    c.unit.clone().or_else(|| {
        c.measure
            .as_deref()
            .and_then(|m| doc.plan.measure(m))
            .map(|m| m.unit.clone())
    })
}

const NONE: &str = "\u{2013}";

/// The commitments table.
fn commitments(out: &mut Doc, doc: &OfferDocument) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let list = &doc.offer.commitments;
    if list.is_empty() {
        out.paragraph(
            &[Span::new(Face::Italic, "No commitments have been made.")],
            Style {
                color: MUTED,
                ..BODY
            },
            0.0,
        );
        return;
    }
    out.paragraph(
        &[Span::regular(format!(
            "The {} we commit to deliver through this contract, each with its quantity, date, place, \
             owner and how it will be monitored and reported.",
            if list.len() == 1 {
                "one commitment".to_owned()
            } else {
                format!("{} commitments", list.len())
            }
        ))],
        BODY,
        0.0,
    );
    out.space(8.0);
    let columns = [
        Column::new("No.", 5.0),
        Column::new("Commitment", 22.0),
        Column::new("Quantity", 10.0),
        Column::new("By", 12.0),
        Column::new("Where and for whom", 18.0),
        Column::new("Owner", 10.5),
        Column::new("KPI and reporting", 22.5),
    ];
    let or_none = |v: Option<String>| v.unwrap_or_else(|| NONE.to_owned());
    let rows: Vec<Vec<Vec<Span>>> = list
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut what = vec![Span::regular(clean(&c.what))];
            let topic = c
                .hot_topic
                .as_deref()
                .and_then(|t| doc.plan.hot_topic(t))
                .map(|t| clean(&t.title));
            match topic {
                Some(t) => what.push(Span::new(Face::Italic, format!("{BREAK}Hot topic: {t}"))),
                None if c.hot_topic.is_none() => {
                    what.push(Span::new(
                        Face::Italic,
                        format!("{BREAK}Beyond the hot topics"),
                    ));
                }
                None => {}
            }
            let qty = c.quantity.map(|q| {
                let unit = unit(doc, c).map(|u| clean(&u)).unwrap_or_default();
                if unit == "GBP" {
                    gbp(q)
                } else {
                    format!("{} {unit}", quantity(q)).trim_end().to_owned()
                }
            });
            let place = [c.r#where.as_deref(), c.beneficiaries.as_deref()]
                .into_iter()
                .flatten()
                .map(clean)
                .collect::<Vec<_>>();
            let place = (!place.is_empty()).then(|| place.join("; for "));
            let kpi = match (&c.kpi, &c.reporting) {
                (Some(k), Some(r)) => {
                    Some(format!("{}. Reported {}.", trim_stop(&clean(k)), clean(r)))
                }
                (Some(k), None) => Some(clean(k)),
                (None, Some(r)) => Some(format!("Reported {}.", clean(r))),
                (None, None) => None,
            };
            vec![
                vec![Span::regular(format!("{}", i + 1))],
                what,
                vec![Span::regular(or_none(qty))],
                vec![Span::regular(or_none(c.by.map(uk_date)))],
                vec![Span::regular(or_none(place))],
                vec![Span::regular(or_none(c.owner.as_deref().map(clean)))],
                vec![Span::regular(or_none(kpi))],
            ]
        })
        .collect();
    out.table(&columns, &rows, TABLE);
}

fn trim_stop(s: &str) -> &str {
    s.trim_end().trim_end_matches('.')
}

/// The social value in GBP at the buyer's proxy values.
fn social_value(out: &mut Doc, doc: &OfferDocument, report: &Report) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let sv = &report.social_value;
    let Some(total) = sv.total else {
        out.paragraph(
            &[Span::regular(
                "None of these commitments is counted in a measure for which the buyer gives a \
                 proxy value, so no social value total in GBP is given.",
            )],
            BODY,
            0.0,
        );
        return;
    };
    let ratio = sv
        .ratio_text
        .clone()
        .unwrap_or_else(|| format!("{}%", round(Decimal::ZERO, 1)));
    out.paragraph(
        &[
            Span::regular("At the buyer's own proxy values, the commitments above are worth "),
            Span::bold(gbp(total)),
            Span::regular(format!(
                " in social value: {ratio} of the contract value of {}. Each figure is the quantity \
                 promised multiplied by the buyer's proxy value for its measure; the source of every \
                 proxy value is shown beside it.",
                gbp(doc.tender.contract_value)
            )),
        ],
        BODY,
        0.0,
    );
    out.space(10.0);
    out.heading("By theme", H2, 0.0, 40.0);
    out.y += 4.0;
    let columns = [
        Column::new("Theme", 40.0),
        Column::right("Value", 18.0),
        Column::new("Proxy source", 42.0),
    ];
    let mut rows: Vec<Vec<Vec<Span>>> = sv
        .themes
        .iter()
        .map(|t| {
            vec![
                vec![Span::regular(clean(&t.name))],
                vec![Span::regular(gbp(t.value))],
                vec![Span::regular(clean(&t.sources.join("; ")))],
            ]
        })
        .collect();
    rows.push(vec![
        vec![Span::bold("Total")],
        vec![Span::bold(gbp(total))],
        vec![Span::bold(format!("{ratio} of the contract value"))],
    ]);
    out.table(&columns, &rows, TABLE);

    out.space(14.0);
    out.heading("By commitment", H2, 0.0, 40.0);
    out.y += 4.0;
    let columns = [
        Column::new("No.", 5.0),
        Column::new("Measure", 31.0),
        Column::right("Quantity", 13.0),
        Column::right("Proxy value", 12.0),
        Column::right("Value", 14.0),
        Column::new("Proxy source", 25.0),
    ];
    let rows: Vec<Vec<Vec<Span>>> = sv
        .commitments
        .iter()
        .map(|v| {
            let number = doc
                .offer
                .commitments
                .iter()
                .position(|c| c.id == v.commitment)
                .map_or_else(|| clean(&v.commitment), |i| (i + 1).to_string());
            let qty = if v.unit == "GBP" {
                gbp(v.quantity)
            } else {
                format!("{} {}", quantity(v.quantity), clean(&v.unit))
            };
            vec![
                vec![Span::regular(number)],
                vec![Span::regular(clean(&v.measure_name))],
                vec![Span::regular(qty)],
                vec![Span::regular(gbp(v.proxy_value))],
                vec![Span::regular(gbp(v.value))],
                vec![Span::regular(clean(&v.proxy_source))],
            ]
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
            Column::new("No.", 5.0),
            Column::new("Fix", 80.0),
            Column::right("Marks to gain", 15.0),
        ];
        let rows: Vec<Vec<Vec<Span>>> = report
            .fixes
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let gain = if f.kind.is_text_error() {
                    "first".to_owned()
                } else if f.gain.is_zero() {
                    NONE.to_owned()
                } else {
                    format!("+{}", quantity(round(f.gain, 1)))
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
             E evidenced, A additional. P: proportionate to the contract value.",
        )],
        SMALL,
        0.0,
    );
    out.space(6.0);
    let mut columns = vec![Column::new("Commitment", 34.0)];
    for check in score::Check::ALL {
        columns.push(Column::new(&check.letter().to_string(), 5.5));
    }
    columns.push(Column::new("P", 5.5));
    columns.push(Column::new("Band", 17.0));
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
            let band = match (c.band, c.innovation) {
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
        if failing.is_empty() && c.hedges.is_empty() && c.credible {
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
        if !c.credible {
            lines.push(
                "Not proportionate: its value is more than half the contract value.".to_owned(),
            );
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
