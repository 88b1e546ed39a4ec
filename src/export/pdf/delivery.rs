//! The progress report for the buyer's contract manager: where each
//! commitment stands at the end of a reporting period, proposed against
//! achieved (in the manner of the "proposed output / benefits achieved"
//! tables councils publish), with the period's notes and evidence; or, for
//! the whole contract, the end-of-contract summary with a period-by-period
//! timeline.

use chrono::NaiveDate;

use super::PdfError;
use super::fonts::{self, Face};
use super::layout::{ACCENT, BREAK, Column, Doc, INK, MUTED, Meta, Span, Style};
use crate::delivery::{self, ContractStatus, Progress, Status};
use crate::domain::{Delivery, OfferDocument};
use crate::money::{self, gbp, quantity, uk_date};

const BODY: Style = Style::new(10.0, 14.0, INK);
const SMALL: Style = Style::new(8.5, 11.5, MUTED);
const H1: Style = Style::new(18.0, 23.0, INK);
const H2: Style = Style::new(12.5, 17.0, ACCENT);
const TABLE: Style = Style::new(8.5, 11.0, INK);
/// At most this many columns of periods in the timeline; longer contracts
/// are shown two, three, four, six or twelve periods to a column.
const TIMELINE_COLUMNS: usize = 8;

/// A figure with its unit: "3 people", "£2,400.00"; a dash for none.
fn figure(value: Option<rust_decimal::Decimal>, unit: Option<&str>) -> String {
    value.map_or_else(|| "\u{2013}".to_owned(), |v| money::figure(v, unit))
}

/// A target to date, worked out pro rata: to two places at most, as the
/// app and the progress sheet show it.
fn target(value: Option<rust_decimal::Decimal>, unit: Option<&str>) -> String {
    value.map_or_else(|| "\u{2013}".to_owned(), |v| money::figure_2dp(v, unit))
}

fn status_span(status: Status) -> Span {
    match status {
        Status::AtRisk | Status::Behind => Span::bold(status.label()),
        _ => Span::regular(status.label()),
    }
}

/// Lays out the report: for `period`, or the whole contract with `None`.
pub(crate) fn render(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
    today: NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    let status = match period {
        Some(n) => delivery::at_period_end(doc, delivery, n),
        None => {
            let last = u32::try_from(delivery.periods(doc.tender.duration_months).len())
                .unwrap_or(u32::MAX);
            delivery::at_period_end(doc, delivery, last)
        }
    };
    let fonts = fonts::metrics()?;
    let clean = |s: &str| fonts.clean(s);
    let kind = match period {
        Some(_) => "Social value progress report",
        None => "Social value: end of contract summary",
    };
    let footer = format!(
        "{kind} \u{2013} {} \u{2013} {}",
        clean(&doc.offer.bidder.name),
        clean(&doc.tender.reference)
    );
    let mut out = Doc::new(fonts.clone(), Some(footer));

    out.title_block(
        kind,
        Style {
            color: ACCENT,
            ..BODY
        },
        &clean(&doc.tender.title),
        H1,
    );

    let this = match period {
        Some(_) => status.period_label(status.period),
        None => format!(
            "the whole contract, {} to {}",
            uk_date(status.start),
            uk_date(status.last_day)
        ),
    };
    for (label, value) in [
        ("Supplier", clean(&doc.offer.bidder.name)),
        ("Buyer", clean(&doc.tender.buyer)),
        ("Contract reference", clean(&doc.tender.reference)),
        (
            "Contract",
            format!(
                "{} to {}, reported {}",
                uk_date(status.start),
                uk_date(status.last_day),
                status.reporting
            ),
        ),
        ("This report covers", this),
        ("Prepared on", uk_date(today)),
    ] {
        out.paragraph(
            &[Span::bold(format!("{label}: ")), Span::regular(value)],
            BODY,
            0.0,
        );
    }

    // At a glance.
    out.space(10.0);
    out.section("At a glance", "At a glance", H2, 60.0);
    out.y += 2.0;
    out.paragraph(
        &[Span::regular(format!(
            "{} Statuses are as at {}.",
            status.summary(),
            uk_date(status.as_of)
        ))],
        BODY,
        0.0,
    );
    if let (Some(promised), Some(delivered)) = (status.value_promised, status.value_delivered) {
        out.paragraph(
            &[
                Span::regular("Social value delivered to date: "),
                Span::bold(gbp(delivered)),
                Span::regular(format!(
                    " of {} promised, at the buyer's proxy values.",
                    gbp(promised)
                )),
            ],
            BODY,
            0.0,
        );
    }
    out.paragraph(
        &[Span::regular(
            "Target to date: the promise pro rata to the days gone from the contract's start to the commitment's date. \
             On track: achieved at least the target. Behind: below it. \
             At risk: past its date, or what is left needs more than twice the promised pace.",
        )],
        SMALL,
        0.0,
    );

    // Proposed and achieved.
    out.space(10.0);
    out.section("Proposed and achieved", "Proposed and achieved", H2, 80.0);
    out.y += 4.0;
    let what_cell = |p: &Progress| {
        let mut what = vec![Span::regular(clean(&p.what))];
        let due = format!("by {}", uk_date(p.due));
        let topic = p
            .hot_topic
            .as_deref()
            .map_or_else(|| due.clone(), |t| format!("{}; {due}", clean(t)));
        what.push(Span::new(Face::Italic, format!("{BREAK}{topic}")));
        what
    };
    match period {
        Some(n) => {
            let period_name = status.period_name(n);
            let columns = [
                Column::new("Commitment"),
                Column::right("Proposed output"),
                Column::right(&format!("Target by {}", uk_date(status.as_of))),
                Column::right(&format!("Achieved in {period_name}")),
                Column::right("Achieved to date"),
                Column::new("Status"),
            ];
            let rows: Vec<Vec<Vec<Span>>> = status
                .commitments
                .iter()
                .map(|p| {
                    let unit = p.unit.as_deref().map(clean);
                    // The other columns are in the proposed output's unit,
                    // said only where it is money: "£4,981.75" beside
                    // "£60,000.00", never a bare "4,981.75".
                    let money = unit.as_deref().filter(|u| money::is_money_unit(u));
                    vec![
                        what_cell(p),
                        vec![Span::regular(figure(p.promised, unit.as_deref()))],
                        vec![Span::regular(target(p.target_to_date, money))],
                        vec![Span::regular(figure(p.achieved_in_period, money))],
                        vec![Span::bold(figure(Some(p.achieved_to_date), money))],
                        vec![status_span(p.status)],
                    ]
                })
                .collect();
            out.table(&columns, &rows, TABLE);
        }
        None => {
            let columns = [
                Column::new("Commitment"),
                Column::right("Proposed output"),
                Column::right("Benefits achieved"),
                Column::new("Status"),
                Column::right("Value delivered"),
            ];
            let rows: Vec<Vec<Vec<Span>>> = status
                .commitments
                .iter()
                .map(|p| {
                    let unit = p.unit.as_deref().map(clean);
                    vec![
                        what_cell(p),
                        vec![Span::regular(figure(p.promised, unit.as_deref()))],
                        vec![Span::bold(figure(
                            Some(p.achieved_to_date),
                            unit.as_deref(),
                        ))],
                        vec![status_span(p.status)],
                        vec![Span::regular(
                            p.value_to_date.map_or_else(|| "\u{2013}".to_owned(), gbp),
                        )],
                    ]
                })
                .collect();
            out.table(&columns, &rows, TABLE);
            timeline(&mut out, &status);
        }
    }

    // Notes and evidence.
    notes(&mut out, &status, delivery, period);

    let meta = Meta {
        title: format!("{kind}: {}", clean(&doc.tender.title)),
        author: clean(&doc.offer.bidder.name),
        subject: format!(
            "Social value delivered under {} for {}",
            clean(&doc.tender.reference),
            clean(&doc.tender.buyer)
        ),
        keywords: vec!["social value".to_owned(), "contract management".to_owned()],
        created: today
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp()),
    };
    out.finish(&meta)
}

/// The period-by-period table of the end-of-contract summary.
fn timeline(out: &mut Doc, status: &ContractStatus) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let n = status.periods.len();
    let per_column = [1, 2, 3, 4, 6, 12]
        .into_iter()
        .find(|k| n.div_ceil(*k) <= TIMELINE_COLUMNS)
        .unwrap_or_else(|| n.div_ceil(TIMELINE_COLUMNS));
    let groups: Vec<&[crate::domain::Period]> = status.periods.chunks(per_column).collect();
    out.space(14.0);
    out.section("Period by period", "Period by period", H2, 60.0);
    out.y += 2.0;
    let word = &status.period_word;
    out.paragraph(
        &[Span::regular(if per_column == 1 {
            format!("What was achieved in each {}.", word.to_lowercase())
        } else {
            format!(
                "What was achieved, {per_column} {}s to a column.",
                word.to_lowercase()
            )
        })],
        SMALL,
        0.0,
    );
    out.y += 2.0;
    let letter = word.chars().next().unwrap_or('P');
    let mut columns = vec![Column::new("Commitment")];
    let titles: Vec<String> = groups
        .iter()
        .map(|g| match (g.first(), g.last()) {
            (Some(a), Some(b)) if a.number == b.number => format!("{letter}{}", a.number),
            (Some(a), Some(b)) => format!("{letter}{}\u{2013}{}", a.number, b.number),
            _ => String::new(),
        })
        .collect();
    for title in &titles {
        columns.push(Column::right(title));
    }
    let rows: Vec<Vec<Vec<Span>>> = status
        .commitments
        .iter()
        .map(|p| {
            let mut row = vec![vec![Span::regular(clean(&p.what))]];
            for g in &groups {
                let cells: Vec<_> = p
                    .periods
                    .iter()
                    .filter(|c| g.iter().any(|q| q.number == c.period))
                    .filter_map(|c| c.achieved)
                    .collect();
                let text = if cells.is_empty() {
                    "\u{2013}".to_owned()
                } else {
                    quantity(
                        cells
                            .into_iter()
                            .fold(rust_decimal::Decimal::ZERO, |a, b| a.saturating_add(b)),
                    )
                };
                row.push(vec![Span::regular(text)]);
            }
            row
        })
        .collect();
    out.table(&columns, &rows, TABLE);
}

/// The notes and evidence references of the period (or of every period),
/// with each correction's history.
fn notes(out: &mut Doc, status: &ContractStatus, delivery: &Delivery, period: Option<u32>) {
    let fonts = out.fonts.clone();
    let clean = |s: &str| fonts.clean(s);
    let periods: Vec<u32> = match period {
        Some(n) => vec![n],
        None => status.periods.iter().map(|p| p.number).collect(),
    };
    out.space(14.0);
    out.section("Notes and evidence", "Notes and evidence", H2, 60.0);
    out.y += 2.0;
    let mut any = false;
    for p in &status.commitments {
        let mut lines: Vec<Vec<Span>> = Vec::new();
        for &n in &periods {
            let history = delivery.history(&p.commitment, n);
            let Some(record) = history.last() else {
                continue;
            };
            let mut head = vec![Span::bold(format!(
                "{}: achieved {}",
                status.period_name(n),
                quantity(record.achieved)
            ))];
            head.push(Span::regular(format!(
                ", recorded by {} on {}",
                clean(&record.recorded_by),
                short_day(&record.recorded_at)
            )));
            if history.len() > 1 {
                let earlier: Vec<String> = history[..history.len() - 1]
                    .iter()
                    .map(|r| {
                        format!(
                            "{} by {} on {}",
                            quantity(r.achieved),
                            clean(&r.recorded_by),
                            short_day(&r.recorded_at)
                        )
                    })
                    .collect();
                head.push(Span::new(
                    Face::Italic,
                    format!(" (corrected; earlier figures: {})", earlier.join("; ")),
                ));
            }
            lines.push(head);
            if let Some(note) = &record.note {
                lines.push(vec![Span::regular(clean(note))]);
            }
            for e in &record.evidence {
                lines.push(vec![
                    Span::bold(format!("{}: ", e.kind.label())),
                    Span::regular(clean(&e.text)),
                ]);
            }
        }
        if lines.is_empty() {
            continue;
        }
        any = true;
        out.space(4.0);
        out.ensure(BODY.leading * 3.0);
        out.paragraph(&[Span::bold(clean(&p.what))], BODY, 0.0);
        for spans in lines {
            out.paragraph(&spans, TABLE, 10.0);
        }
    }
    if !any {
        out.paragraph(
            &[Span::regular(match period {
                Some(n) => format!("Nothing was recorded for {}.", status.period_name(n)),
                None => "Nothing was recorded.".to_owned(),
            })],
            BODY,
            0.0,
        );
    }
}

/// The day of an RFC 3339 moment, for people: "2 July 2027".
fn short_day(at: &str) -> String {
    at.get(..10)
        .and_then(|d| crate::domain::fields::parse_date(d).ok())
        .map_or_else(|| at.to_owned(), uk_date)
}
