//! The plan on a page: a buyer's plan on exactly one A4 sheet.
//!
//! A heading, the summary, then the themes as blocks in two columns (each
//! with its outcomes and its hot topics, their weights as a share of 100),
//! and the source at the foot. The whole page is laid out at a body size of
//! 11 pt, then smaller in steps down to 7 pt until it fits; a plan that does
//! not fit even at 7 pt is refused with a message, never spilled onto a
//! second page.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::PdfError;
use super::fonts::{self, Face, Fonts};
use super::layout::{
    ACCENT, Doc, INK, Item, LineOut, MUTED, Meta, RULE, Rgb, SHADE, Span, Style, wrap,
};
use crate::domain::{HotTopic, Plan, Theme};
use crate::money::{quantity, uk_date};

/// The largest body size tried.
const LARGEST: f32 = 11.0;
/// The smallest body size: the floor below which the plan is refused.
pub(crate) const FLOOR: f32 = 7.0;
/// The step between sizes.
const STEP: f32 = 0.25;

/// Draws the plan, shrinking the type until it fits.
pub(crate) fn render(plan: &Plan) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::metrics()?;
    let doc = fitted(&fonts, plan, false)?;
    let meta = Meta {
        title: fonts.clean(&plan.title),
        author: fonts.clean(&plan.issuer),
        subject: format!("Plan on a page: {}", fonts.clean(&plan.title)),
        keywords: vec!["social value".to_owned(), "plan on a page".to_owned()],
        created: chrono::Utc::now().timestamp(),
    };
    doc.finish(&meta)
}

/// The plan on a page as the items of one page, for another document to
/// take in whole (the workshop handout); `footer` keeps room for that
/// document's footer.
pub(crate) fn page_items(fonts: &Fonts, plan: &Plan, footer: bool) -> Result<Vec<Item>, PdfError> {
    let mut doc = fitted(fonts, plan, footer)?;
    Ok(doc.pages.pop().map(|p| p.items).unwrap_or_default())
}

/// The plan laid out at the largest size that fits one page, or refused.
fn fitted(fonts: &Fonts, plan: &Plan, footer: bool) -> Result<Doc, PdfError> {
    let mut size = LARGEST;
    let mut overflow = 0.0;
    while size >= FLOOR - 0.001 {
        match lay_out(fonts, plan, size, footer) {
            Ok(doc) => return Ok(doc),
            Err(over) => overflow = over,
        }
        size -= STEP;
    }
    let page = super::layout::PAGE_FRAME.bottom - super::layout::PAGE_FRAME.top;
    let percent = (overflow / page * 100.0).ceil().max(1.0);
    Err(PdfError::TooMuchText(format!(
        "this plan has too much text for one A4 page even at {} pt: at that size it runs about \
         {percent:.0}% of a page too long ({} themes, {} outcomes, {} hot topics); shorten the \
         descriptions of the themes and hot topics, or split the plan",
        quantity(Decimal::from(FLOOR as u32)),
        plan.themes.len(),
        plan.themes.iter().map(|t| t.outcomes.len()).sum::<usize>(),
        plan.hot_topics.len()
    )))
}

/// Sizes derived from the body size.
#[derive(Clone, Copy)]
struct Scale {
    body: Style,
    small: Style,
    name: Style,
    title: Style,
    gap: f32,
}

impl Scale {
    fn new(size: f32) -> Scale {
        Scale {
            body: Style::new(size, size * 1.32, INK),
            small: Style::new(size * 0.88, size * 0.88 * 1.3, MUTED),
            name: Style::new(size * 1.25, size * 1.25 * 1.25, INK),
            title: Style::new(size * 2.0, size * 2.0 * 1.2, INK),
            gap: size * 0.8,
        }
    }
}

/// A block laid out at the origin: its items and its height.
struct Block {
    items: Vec<Item>,
    h: f32,
}

impl Block {
    fn shifted(self, dx: f32, dy: f32) -> Vec<Item> {
        self.items
            .into_iter()
            .map(|item| match item {
                Item::Text {
                    x,
                    y,
                    face,
                    size,
                    color,
                    text,
                } => Item::Text {
                    x: x + dx,
                    y: y + dy,
                    face,
                    size,
                    color,
                    text,
                },
                Item::PageOf {
                    x,
                    y,
                    face,
                    size,
                    color,
                    anchor,
                } => Item::PageOf {
                    x: x + dx,
                    y: y + dy,
                    face,
                    size,
                    color,
                    anchor,
                },
                Item::Fill { x, y, w, h, color } => Item::Fill {
                    x: x + dx,
                    y: y + dy,
                    w,
                    h,
                    color,
                },
                Item::Stroke {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    color,
                } => Item::Stroke {
                    x1: x1 + dx,
                    y1: y1 + dy,
                    x2: x2 + dx,
                    y2: y2 + dy,
                    width,
                    color,
                },
            })
            .collect()
    }
}

/// Builds a block top-down, at the origin.
struct Builder<'a> {
    fonts: &'a Fonts,
    items: Vec<Item>,
    y: f32,
    width: f32,
}

impl Builder<'_> {
    fn baseline(&self, top: f32, style: Style) -> f32 {
        let ascent = self.fonts.get(Face::Regular).ascent * style.size;
        top + (style.leading - style.size) / 2.0 + ascent.min(style.size)
    }

    fn lines(&mut self, lines: &[LineOut], x: f32, style: Style) {
        for line in lines {
            let base = self.baseline(self.y, style);
            for run in &line.runs {
                if !run.text.is_empty() {
                    self.items.push(Item::Text {
                        x: x + run.x,
                        y: base,
                        face: run.face,
                        size: style.size,
                        color: style.color,
                        text: run.text.clone(),
                    });
                }
            }
            self.y += style.leading;
        }
    }

    fn text(&mut self, spans: &[Span], x: f32, style: Style) {
        let lines = wrap(self.fonts, spans, style.size, self.width - x);
        self.lines(&lines, x, style);
    }

    fn bullet(&mut self, spans: &[Span], style: Style) {
        let hang = style.size * 1.1;
        let lines = wrap(self.fonts, spans, style.size, self.width - hang);
        let base = self.baseline(self.y, style);
        self.items.push(Item::Text {
            x: 1.0,
            y: base,
            face: Face::Regular,
            size: style.size,
            color: ACCENT,
            text: "\u{2022}".to_owned(),
        });
        self.lines(&lines, hang, style);
    }
}

/// One theme's block: name, description, outcomes, hot topics.
fn theme_block(
    fonts: &Fonts,
    plan: &Plan,
    theme: Option<&Theme>,
    topics: &[&HotTopic],
    width: f32,
    s: Scale,
) -> Block {
    let pad = s.body.size * 0.9;
    let mut b = Builder {
        fonts,
        items: Vec::new(),
        y: pad,
        width: width - pad,
    };
    let clean = |t: &str| fonts.clean(t);
    let name = theme.map_or_else(|| "Other hot topics".to_owned(), |t| clean(&t.name));
    b.text(
        &[Span::bold(name)],
        pad,
        Style {
            color: ACCENT,
            ..s.name
        },
    );
    if let Some(d) = theme.and_then(|t| t.description.as_deref()) {
        b.y += s.gap * 0.3;
        b.text(&[Span::regular(clean(d))], pad, s.small);
    }
    let outcomes = theme.map(|t| t.outcomes.as_slice()).unwrap_or_default();
    if !outcomes.is_empty() {
        b.y += s.gap * 0.6;
        b.text(&[Span::bold("Outcomes")], pad, s.body);
        for o in outcomes {
            let mut sub = Builder {
                fonts,
                items: Vec::new(),
                y: b.y,
                width: b.width - pad,
            };
            sub.bullet(&[Span::regular(clean(o))], s.body);
            b.items
                .extend(sub.items.into_iter().map(|i| shift_x(i, pad)));
            b.y = sub.y;
        }
    }
    let total = plan.total_weight();
    if !topics.is_empty() {
        b.y += s.gap * 0.6;
        b.text(&[Span::bold("Hot topics")], pad, s.body);
        for t in topics {
            b.y += s.gap * 0.35;
            let points = format!("{} of 100", crate::money::of_100(t.weight, total));
            let points_w = fonts.width(Face::Bold, &points, s.body.size);
            let title_w = b.width - pad - points_w - s.body.size;
            let lines = wrap(
                fonts,
                &[Span::regular(clean(&t.title))],
                s.body.size,
                title_w,
            );
            let top = b.y;
            let base = b.baseline(top, s.body);
            b.items.push(Item::Text {
                x: b.width - points_w,
                y: base,
                face: Face::Bold,
                size: s.body.size,
                color: ACCENT,
                text: points,
            });
            b.lines(&lines, pad, s.body);
            // A bar for the share of the points.
            let bar_w = b.width - pad;
            let frac = if total.is_zero() {
                0.0
            } else {
                // Thousandths are plenty for a bar's length.
                let thousandths = (t.weight / total * Decimal::from(1000)).round();
                (thousandths.to_i64().unwrap_or(0) as f32 / 1000.0).clamp(0.0, 1.0)
            };
            let bar_h = (s.body.size * 0.28).max(1.5);
            b.items.push(Item::Fill {
                x: pad,
                y: b.y + 1.0,
                w: bar_w,
                h: bar_h,
                color: Rgb(0.86, 0.89, 0.90),
            });
            b.items.push(Item::Fill {
                x: pad,
                y: b.y + 1.0,
                w: bar_w * frac,
                h: bar_h,
                color: ACCENT,
            });
            b.y += bar_h + 3.0;
            let mut notes = Vec::new();
            if let Some(d) = &t.description {
                notes.push(clean(d));
            }
            if t.place_based {
                let area = plan
                    .local_area
                    .as_deref()
                    .map_or_else(|| "the local area".to_owned(), clean);
                notes.push(format!("Counts only when delivered in {area}."));
            }
            if !notes.is_empty() {
                b.text(&[Span::regular(notes.join(" "))], pad, s.small);
            }
        }
    }
    b.y += pad;
    let h = b.y;
    let mut items = vec![
        Item::Fill {
            x: 0.0,
            y: 0.0,
            w: width,
            h,
            color: SHADE,
        },
        Item::Fill {
            x: 0.0,
            y: 0.0,
            w: width,
            h: 2.5,
            color: ACCENT,
        },
    ];
    items.extend(b.items);
    Block { items, h }
}

fn shift_x(item: Item, dx: f32) -> Item {
    Block {
        items: vec![item],
        h: 0.0,
    }
    .shifted(dx, 0.0)
    .into_iter()
    .next()
    .unwrap_or(Item::Fill {
        x: 0.0,
        y: 0.0,
        w: 0.0,
        h: 0.0,
        color: SHADE,
    })
}

/// Lays the plan out at body size `size`; the overflow in points if it does
/// not fit on one page.
fn lay_out(fonts: &Fonts, plan: &Plan, size: f32, footer: bool) -> Result<Doc, f32> {
    let s = Scale::new(size);
    let mut doc = Doc::new(fonts.clone(), footer.then(String::new));
    let clean = |t: &str| fonts.clean(t);
    let (left, width) = (doc.frame.left, doc.frame.width());

    // Heading.
    let mut head = Builder {
        fonts,
        items: Vec::new(),
        y: 0.0,
        width,
    };
    head.text(
        &[Span::bold("Plan on a page")],
        0.0,
        Style {
            color: ACCENT,
            ..s.body
        },
    );
    head.y += s.gap * 0.2;
    head.text(&[Span::bold(clean(&plan.title))], 0.0, s.title);
    let mut line = vec![clean(&plan.issuer)];
    if let Some(area) = &plan.local_area {
        line.push(clean(area));
    }
    line.push(format!("published {}", uk_date(plan.published)));
    head.y += s.gap * 0.2;
    head.text(
        &[Span::regular(line.join(" \u{00B7} "))],
        0.0,
        Style {
            color: MUTED,
            ..s.body
        },
    );
    if let Some(summary) = &plan.summary {
        head.y += s.gap * 0.6;
        head.text(&[Span::regular(clean(summary))], 0.0, s.body);
    }
    head.y += s.gap;
    let head_h = head.y;
    doc.page_items(
        Block {
            items: head.items,
            h: head_h,
        }
        .shifted(left, doc.frame.top),
    );
    let mut y0 = doc.frame.top + head_h;
    doc.page_items(vec![Item::Stroke {
        x1: left,
        y1: y0 - s.gap * 0.5,
        x2: left + width,
        y2: y0 - s.gap * 0.5,
        width: 0.6,
        color: RULE,
    }]);
    y0 += s.gap * 0.3;

    // The source, at the foot.
    let mut foot = Builder {
        fonts,
        items: Vec::new(),
        y: 0.0,
        width,
    };
    let total = plan.total_weight();
    let mut foot_text = vec![Span::regular(format!(
        "Hot topics are weighted out of 100 points in all (the plan's own weights total {}).",
        quantity(total)
    ))];
    if let Some(src) = &plan.source {
        let mut text = format!(" Source: {}", clean(&src.name));
        if let Some(l) = &src.licence {
            text.push_str(&format!(" ({})", clean(l)));
        }
        text.push('.');
        foot_text.push(Span::regular(text));
    }
    foot.text(&foot_text, 0.0, s.small);
    let foot_h = foot.y;
    let foot_top = doc.frame.bottom - foot_h;

    // Themes in two columns (one for a single theme), each block placed in
    // the shorter column, in the plan's order.
    let mut groups: Vec<(Option<&Theme>, Vec<&HotTopic>)> = plan
        .themes
        .iter()
        .map(|t| {
            (
                Some(t),
                plan.hot_topics.iter().filter(|h| h.theme == t.id).collect(),
            )
        })
        .collect();
    let orphans: Vec<&HotTopic> = plan
        .hot_topics
        .iter()
        .filter(|h| plan.theme(&h.theme).is_none())
        .collect();
    if !orphans.is_empty() {
        groups.push((None, orphans));
    }
    let columns = if groups.len() > 1 { 2 } else { 1 };
    let gutter = s.gap * 1.2;
    let col_w = (width - gutter * (columns as f32 - 1.0)) / columns as f32;
    let mut heights = vec![y0; columns];
    for (theme, topics) in &groups {
        let block = theme_block(fonts, plan, *theme, topics, col_w, s);
        let col = (0..columns)
            .min_by(|a, b| heights[*a].total_cmp(&heights[*b]))
            .unwrap_or(0);
        let x = left + col as f32 * (col_w + gutter);
        let h = block.h;
        doc.page_items(block.shifted(x, heights[col]));
        heights[col] += h + gutter;
    }
    let used = heights.iter().fold(y0, |a, b| a.max(*b)) - gutter;
    let limit = foot_top - s.gap;
    if used > limit {
        return Err(used - limit);
    }
    doc.page_items(
        Block {
            items: foot.items,
            h: foot_h,
        }
        .shifted(left, foot_top),
    );
    Ok(doc)
}

impl Doc {
    fn page_items(&mut self, items: Vec<Item>) {
        for item in items {
            self.push(item);
        }
    }
}
