//! The workshop handout: the room's offers side by side (a band per hot
//! topic on its colour, projected marks, ranking), the weaknesses most
//! offers share, the five most common fixes with an example of each from
//! the model offer, and the plan on a page.

use chrono::NaiveDate;

use super::PdfError;
use super::fonts::{self, Face};
use super::layout::{
    ACCENT, Doc, INK, Item, MM, MUTED, Meta, RULE, Rgb, SHADE, STRIPE, Span, Style, wrap,
};
use super::offer::band_colour;
use crate::domain::Plan;
use crate::money::{quantity, uk_date};
use crate::score::Band;
use crate::workshop::Comparison;

const BODY: Style = Style::new(10.0, 14.0, INK);
const SMALL: Style = Style::new(8.5, 11.5, MUTED);
const H1: Style = Style::new(18.0, 23.0, INK);
const H2: Style = Style::new(12.5, 17.0, ACCENT);
const GRID: Style = Style::new(8.5, 11.0, INK);
const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// How many fixes the handout explains.
const FIXES: usize = 5;

/// Lays out the handout for `comparison` against `plan`.
pub(crate) fn render(
    comparison: &Comparison,
    plan: &Plan,
    today: NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::metrics()?;
    let clean = |s: &str| fonts.clean(s);
    let footer = format!("Workshop debrief \u{2013} {}", clean(&comparison.title));
    let mut out = Doc::new(fonts.clone(), Some(footer));
    let (left, width) = (out.frame.left, out.frame.width());

    // Heading.
    out.title_block(
        "Workshop debrief",
        Style {
            color: ACCENT,
            ..BODY
        },
        &clean(&comparison.title),
        H1,
    );
    out.paragraph(
        &[Span::regular(format!(
            "{} \u{00B7} {} \u{00B7} reference {} \u{00B7} {}",
            clean(&comparison.tender_title),
            clean(&comparison.buyer),
            clean(&comparison.reference),
            uk_date(today)
        ))],
        Style {
            color: MUTED,
            ..BODY
        },
        0.0,
    );
    let n = comparison.rows.len();
    out.paragraph(
        &[Span::regular(format!(
            "{n} {} compared, each scored alone by the self-score; social value is worth {} marks of the tender.{}",
            if n == 1 { "offer" } else { "offers" },
            quantity(comparison.weighting),
            if comparison.anonymised {
                " Participants are shown by letter."
            } else {
                ""
            }
        ))],
        BODY,
        0.0,
    );
    out.paragraph(
        &[Span::new(Face::Italic, clean(&comparison.disclaimer))],
        SMALL,
        0.0,
    );

    // The grid.
    out.space(10.0);
    out.section("Side by side", "Side by side", H2, 80.0);
    out.y += 2.0;
    for (i, t) in comparison.hot_topics.iter().enumerate() {
        let lines = wrap(
            &fonts,
            &[
                Span::bold(format!("{}  ", i + 1)),
                Span::regular(format!("{} ({})", clean(&t.title), t.share_text)),
            ],
            SMALL.size,
            width,
        );
        out.flow_lines(
            &lines,
            left,
            Style {
                color: INK,
                ..SMALL
            },
            None,
        );
    }
    out.y += 6.0;
    grid(&mut out, comparison);
    out.y += 6.0;
    band_key(&mut out);

    // The weaknesses.
    out.space(14.0);
    out.section("Common weaknesses", "What most offers missed", H2, 50.0);
    out.y += 2.0;
    if comparison.weaknesses.is_empty() {
        out.paragraph(
            &[Span::regular("No weakness is shared by the offers.")],
            BODY,
            0.0,
        );
    }
    for w in comparison.weaknesses.iter().take(10) {
        out.bullet(&clean(&w.headline), BODY);
    }

    // The fixes.
    if !comparison.weaknesses.is_empty() {
        out.space(14.0);
        let heading = if comparison.exemplar.is_some() {
            "The five most common fixes, with an example from the model offer"
        } else {
            "The five most common fixes"
        };
        out.section("Five fixes", heading, H2, 60.0);
        out.y += 2.0;
        for (i, w) in comparison.top_fixes(FIXES).into_iter().enumerate() {
            out.space(4.0);
            let lines = wrap(
                &fonts,
                &[Span::bold(clean(&w.fix))],
                BODY.size,
                width - 16.0,
            );
            // Keep a fix with its headline and example.
            let rest = wrap(
                &fonts,
                &[Span::regular(format!(
                    "{}. {}",
                    clean(&w.headline),
                    w.example.as_deref().map(clean).unwrap_or_default()
                ))],
                SMALL.size,
                width - 16.0,
            );
            out.ensure(
                lines.len() as f32 * BODY.leading
                    + (rest.len() + usize::from(w.example.is_some())) as f32 * SMALL.leading,
            );
            out.flow_lines(
                &lines,
                left + 16.0,
                BODY,
                Some((left, &format!("{}.", i + 1), Face::Bold)),
            );
            out.paragraph(
                &[Span::regular(format!("{}.", clean(&w.headline)))],
                SMALL,
                16.0,
            );
            if let Some(example) = &w.example {
                out.paragraph(
                    &[
                        Span::bold("Model offer: "),
                        Span::new(Face::Italic, clean(example)),
                    ],
                    Style {
                        color: INK,
                        ..SMALL
                    },
                    16.0,
                );
            }
        }
    }

    // The plan on a page.
    out.new_page();
    let anchor = out.new_anchor();
    out.anchor_here(anchor);
    out.bookmark("Plan on a page", anchor);
    for item in super::plan::page_items(&fonts, plan, true)? {
        out.push(item);
    }

    let meta = Meta {
        title: format!("Workshop debrief: {}", clean(&comparison.title)),
        author: "Offerwright".to_owned(),
        subject: format!(
            "Social value offers compared for {} ({})",
            clean(&comparison.tender_title),
            clean(&comparison.reference)
        ),
        keywords: vec!["social value".to_owned(), "workshop".to_owned()],
        created: today
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp()),
    };
    out.finish(&meta)
}

/// Text on a band's colour: white on the dark ones, ink on the light ones.
fn on_band(band: Band) -> Rgb {
    match band {
        Band::NoResponse | Band::Poor | Band::Excellent => WHITE,
        _ => INK,
    }
}

/// Column positions of the grid: rank, participant, one per hot topic, marks.
struct Columns {
    rank: f32,
    name: f32,
    topics: Vec<f32>,
    topic_w: f32,
    marks: f32,
    right: f32,
}

fn columns(out: &Doc, topics: usize) -> Columns {
    let left = out.frame.left;
    let right = out.frame.right;
    let rank_w = 30.0;
    let marks_w = 62.0;
    let topic_w = if topics == 0 {
        0.0
    } else {
        ((out.frame.width() - rank_w - marks_w - 120.0) / topics as f32).min(34.0)
    };
    let name_w = out.frame.width() - rank_w - marks_w - topic_w * topics as f32;
    let first = left + rank_w + name_w;
    Columns {
        rank: left,
        name: left + rank_w,
        topics: (0..topics).map(|i| first + i as f32 * topic_w).collect(),
        topic_w,
        marks: right - marks_w,
        right,
    }
}

fn grid_header(out: &mut Doc, cols: &Columns) {
    let h = GRID.leading + 6.0;
    let top = out.y;
    out.push(Item::Fill {
        x: out.frame.left,
        y: top,
        w: out.frame.width(),
        h,
        color: SHADE,
    });
    let base = out.baseline(top + 3.0, GRID);
    out.text(cols.rank + 4.0, base, Face::Bold, GRID, "Rank");
    out.text(cols.name + 4.0, base, Face::Bold, GRID, "Participant");
    for (i, x) in cols.topics.iter().enumerate() {
        let label = (i + 1).to_string();
        let w = out.fonts.width(Face::Bold, &label, GRID.size);
        out.text(x + (cols.topic_w - w) / 2.0, base, Face::Bold, GRID, &label);
    }
    let label = "Marks";
    let w = out.fonts.width(Face::Bold, label, GRID.size);
    out.text(cols.right - 4.0 - w, base, Face::Bold, GRID, label);
    out.y += h;
}

/// One line of the grid.
struct Line<'a> {
    rank: &'a str,
    name: &'a str,
    face: Face,
    bands: &'a [Band],
    marks: &'a str,
    background: Option<Rgb>,
}

/// Draws a line of the grid: rank, name, a coloured cell per band, marks.
fn grid_row(out: &mut Doc, cols: &Columns, line: &Line) {
    let Line {
        rank,
        name,
        face: name_face,
        bands,
        marks,
        background,
    } = *line;
    // A long name wraps in its column (never cut short): the row grows.
    let name_w = cols.topics.first().copied().unwrap_or(cols.marks) - cols.name - 8.0;
    let lines = wrap(&out.fonts, &[Span::new(name_face, name)], GRID.size, name_w);
    let h = lines.len().max(1) as f32 * GRID.leading + 5.0;
    if out.y + h > out.frame.bottom + 0.01 {
        out.new_page();
        grid_header(out, cols);
    }
    let top = out.y;
    if let Some(color) = background {
        out.push(Item::Fill {
            x: out.frame.left,
            y: top,
            w: out.frame.width(),
            h,
            color,
        });
    }
    let base = out.baseline(top + 2.5, GRID);
    out.text(cols.rank + 4.0, base, Face::Regular, GRID, rank);
    for (i, line) in lines.iter().enumerate() {
        out.draw_line(line, cols.name + 4.0, base + i as f32 * GRID.leading, GRID);
    }
    for (x, band) in cols.topics.iter().zip(bands) {
        out.push(Item::Fill {
            x: x + 1.0,
            y: top + 1.0,
            w: cols.topic_w - 2.0,
            h: h - 2.0,
            color: band_colour(*band),
        });
        let label = band.number().to_string();
        let w = out.fonts.width(Face::Bold, &label, GRID.size);
        out.text(
            x + (cols.topic_w - w) / 2.0,
            base,
            Face::Bold,
            Style {
                color: on_band(*band),
                ..GRID
            },
            &label,
        );
    }
    let w = out.fonts.width(Face::Regular, marks, GRID.size);
    out.text(cols.right - 4.0 - w, base, Face::Regular, GRID, marks);
    out.y += h;
    let (l, r, y) = (out.frame.left, out.frame.right, out.y);
    out.push(Item::Stroke {
        x1: l,
        y1: y,
        x2: r,
        y2: y,
        width: 0.4,
        color: RULE,
    });
}

fn grid(out: &mut Doc, c: &Comparison) {
    let cols = columns(out, c.hot_topics.len());
    let clean = |s: &str| out.fonts.clean(s);
    let model = c
        .exemplar
        .as_ref()
        .map(|e| (clean(&e.bidder), clean(&e.projected_marks_text)));
    let rows: Vec<(String, String, String)> = c
        .rows
        .iter()
        .map(|r| {
            (
                r.rank_text.clone(),
                clean(&r.participant),
                clean(&r.projected_marks_text),
            )
        })
        .collect();
    out.ensure(3.0 * (GRID.leading + 6.0));
    grid_header(out, &cols);
    if let (Some(e), Some((bidder, marks))) = (&c.exemplar, model) {
        let name = if c.anonymised {
            bidder
        } else {
            format!("Model offer: {bidder}")
        };
        let line = Line {
            rank: "",
            name: &name,
            face: Face::Italic,
            bands: &e.bands,
            marks: &marks,
            background: Some(SHADE),
        };
        grid_row(out, &cols, &line);
    }
    if rows.is_empty() {
        out.y += 4.0;
        out.paragraph(&[Span::regular("No offer was collected.")], BODY, 0.0);
    }
    for (i, (row, (rank, name, marks))) in c.rows.iter().zip(rows).enumerate() {
        let background = (i % 2 == 1).then_some(STRIPE);
        let line = Line {
            rank: &rank,
            name: &name,
            face: Face::Regular,
            bands: &row.bands,
            marks: &marks,
            background,
        };
        grid_row(out, &cols, &line);
    }
}

/// The bands' key: each colour with its number and word.
fn band_key(out: &mut Doc) {
    out.ensure(GRID.leading + 4.0);
    let top = out.y;
    let base = out.baseline(top, SMALL);
    let mut x = out.frame.left;
    out.text(x, base, Face::Regular, SMALL, "Bands:");
    x += out.fonts.width(Face::Regular, "Bands:", SMALL.size) + 6.0;
    for band in Band::ALL {
        out.push(Item::Fill {
            x,
            y: top + 1.5,
            w: 3.2 * MM,
            h: 3.2 * MM,
            color: band_colour(band),
        });
        x += 3.2 * MM + 3.0;
        let label = band.label();
        out.text(x, base, Face::Regular, SMALL, &label);
        x += out.fonts.width(Face::Regular, &label, SMALL.size) + 9.0;
    }
    out.y += SMALL.leading + 2.0;
}

impl Doc {
    /// A bulleted line, hanging.
    fn bullet(&mut self, text: &str, style: Style) {
        let hang = 12.0;
        let lines = wrap(
            &self.fonts,
            &[Span::regular(text)],
            style.size,
            self.frame.width() - hang,
        );
        let x = self.frame.left + hang;
        let marker = self.frame.left + 2.0;
        self.flow_lines(&lines, x, style, Some((marker, "\u{2022}", Face::Regular)));
        self.y += 1.5;
    }
}
