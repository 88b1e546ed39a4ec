//! The commitments as a spreadsheet, for filling in a buyer's own social
//! value sheet: every field of a commitment (docs/formats.md), one row each.
//!
//! - [`xlsx`]: two sheets: "Commitments" (quantities and baselines as
//!   numbers, in GBP with a currency format where the unit is GBP; dates as
//!   dates) and "Self-score" (per hot topic: weight, band, marks). Built with
//!   rust_xlsxwriter.
//! - [`csv`]: the commitments sheet as CSV: UTF-8, quoted as RFC 4180 says
//!   (the `csv` crate), numbers written exactly as in the offer, dates as
//!   `YYYY-MM-DD`; a text that a spreadsheet would run as a formula starts
//!   with an apostrophe ([`crate::text::csv_cell`]).
//! - [`progress_xlsx`]: a won offer's progress report as a spreadsheet:
//!   "Progress" (proposed against achieved at a period's end), "Timeline"
//!   (what was achieved in each period), "Records" (every record, the
//!   corrected ones marked) and "About" (the contract).

use std::path::Path;

use chrono::Datelike;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::content::unit;
use super::{ExportError, write};
use crate::delivery;
use crate::domain::{Commitment, Delivery, OfferDocument};
use crate::score;

/// The commitments sheet's column headings, in order.
pub const COMMITMENT_HEADINGS: [&str; 18] = [
    "No.",
    "ID",
    "Hot topic ID",
    "Hot topic",
    "Measure ID",
    "What",
    "Quantity",
    "Unit",
    "By",
    "Where",
    "For whom",
    "How",
    "Owner",
    "KPI",
    "Reporting",
    "Evidence",
    "Baseline",
    "Additional",
];

/// The self-score sheet's column headings, in order.
pub const SCORE_HEADINGS: [&str; 9] = [
    "Hot topic",
    "Theme",
    "Weight",
    "Band",
    "Band name",
    "Marks",
    "Out of",
    "Commitments",
    "Held by",
];

/// The commitment scores sheet's column headings, in order.
pub const COMMITMENT_SCORE_HEADINGS: [&str; 8] = [
    "No.",
    "Counts for",
    "Filed under",
    "Checks passed",
    "Band from its checks",
    "Band",
    "Stopped by",
    "Not credible",
];

/// A cell of the commitments sheet.
enum Cell {
    Text(String),
    Number(Decimal),
    Money(Decimal),
    Date(chrono::NaiveDate),
    Bool(bool),
    Empty,
}

fn text(v: Option<&str>) -> Cell {
    v.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
}

/// The row of one commitment, as [`COMMITMENT_HEADINGS`] lists.
fn row(doc: &OfferDocument, n: usize, c: &Commitment) -> Vec<Cell> {
    let unit = unit(doc, c);
    let gbp = unit.as_deref() == Some("GBP");
    let amount = |v: Option<Decimal>| match v {
        Some(v) if gbp => Cell::Money(v),
        Some(v) => Cell::Number(v),
        None => Cell::Empty,
    };
    let topic = c
        .hot_topic
        .as_deref()
        .and_then(|t| doc.plan.hot_topic(t))
        .map(|t| t.title.as_str());
    vec![
        Cell::Number(Decimal::from(n)),
        Cell::Text(c.id.clone()),
        text(c.hot_topic.as_deref()),
        text(topic),
        text(c.measure.as_deref()),
        Cell::Text(c.what.clone()),
        amount(c.quantity),
        text(unit.as_deref()),
        c.by.map_or(Cell::Empty, Cell::Date),
        text(c.r#where.as_deref()),
        text(c.beneficiaries.as_deref()),
        text(c.how.as_deref()),
        text(c.owner.as_deref()),
        text(c.kpi.as_deref()),
        text(c.reporting.as_deref()),
        text(c.evidence.as_deref()),
        amount(c.baseline),
        Cell::Bool(c.additional),
    ]
}

/// A decimal for a spreadsheet cell, which holds a binary float: parsed from
/// the decimal's own text, so the cell shows what the offer says.
fn number(v: Decimal) -> f64 {
    v.to_string().parse().unwrap_or(0.0)
}

/// The cell formats of every sheet: headings, wrapped text, figures, GBP
/// and dates, all aligned to the top of the row.
struct Formats {
    head: Format,
    wrap: Format,
    top: Format,
    money: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        Formats {
            head: top.clone().set_bold().set_text_wrap(),
            wrap: top.clone().set_text_wrap(),
            money: top.clone().set_num_format("\u{a3}#,##0.00"),
            date: top.clone().set_num_format("d mmmm yyyy"),
            top,
        }
    }
}

/// The spreadsheet (.xlsx) of an offer's commitments and self-score.
pub fn xlsx(doc: &OfferDocument) -> Result<Vec<u8>, ExportError> {
    build_xlsx(doc).map_err(|e| ExportError::Render {
        what: "spreadsheet",
        reason: e.to_string(),
    })
}

fn build_xlsx(doc: &OfferDocument) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let Formats {
        head,
        wrap,
        top,
        money,
        date,
    } = Formats::new();

    let sheet = book.add_worksheet();
    sheet.set_name("Commitments")?;
    for (col, name) in (0_u16..).zip(COMMITMENT_HEADINGS) {
        sheet.write_string_with_format(0, col, name, &head)?;
        let width = match name {
            "What" | "How" | "KPI" | "Reporting" | "Evidence" => 40,
            "Hot topic" | "Where" | "For whom" => 28,
            "No." | "Additional" => 10,
            _ => 16,
        };
        sheet.set_column_width(col, width)?;
    }
    for (r, c) in (1_u32..).zip(&doc.offer.commitments) {
        for (col, cell) in (0_u16..).zip(row(doc, r as usize, c)) {
            match cell {
                Cell::Text(s) => sheet.write_string_with_format(r, col, s, &wrap)?,
                Cell::Number(v) => sheet.write_number_with_format(r, col, number(v), &top)?,
                Cell::Money(v) => sheet.write_number_with_format(r, col, number(v), &money)?,
                Cell::Date(d) => sheet.write_datetime_with_format(r, col, excel_date(d)?, &date)?,
                Cell::Bool(b) => sheet.write_boolean_with_format(r, col, b, &top)?,
                Cell::Empty => sheet,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u32::try_from(doc.offer.commitments.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last, (COMMITMENT_HEADINGS.len() - 1) as u16)?;

    let report = score::score(doc);
    let sheet = book.add_worksheet();
    sheet.set_name("Self-score")?;
    for (col, name) in (0_u16..).zip(SCORE_HEADINGS) {
        sheet.write_string_with_format(0, col, name, &head)?;
        sheet.set_column_width(
            col,
            match name {
                "Hot topic" => 44,
                "Theme" => 28,
                "Commitments" => 30,
                "Held by" => 40,
                _ => 12,
            },
        )?;
    }
    for (r, t) in (1_u32..).zip(&report.hot_topics) {
        sheet.write_string_with_format(r, 0, &t.title, &wrap)?;
        sheet.write_string_with_format(r, 1, &t.theme, &wrap)?;
        sheet.write_number_with_format(r, 2, number(t.weight), &top)?;
        sheet.write_number_with_format(r, 3, f64::from(t.band.number()), &top)?;
        sheet.write_string_with_format(r, 4, t.band.word(), &top)?;
        sheet.write_number_with_format(r, 5, number(crate::money::round(t.marks, 2)), &top)?;
        sheet.write_number_with_format(r, 6, number(crate::money::round(t.max_marks, 2)), &top)?;
        sheet.write_string_with_format(r, 7, t.commitments.join(", "), &wrap)?;
        let held: Vec<String> = t
            .held_by
            .iter()
            .map(|h| format!("{}: {}", h.rule.id(), h.reason))
            .collect();
        sheet.write_string_with_format(r, 8, held.join("; "), &wrap)?;
    }
    let after = u32::try_from(report.hot_topics.len()).unwrap_or(u32::MAX) + 2;
    sheet.write_string_with_format(after, 0, "Projected social value marks", &head)?;
    sheet.write_string_with_format(after, 5, &report.projected_marks_text, &top)?;
    sheet.write_string_with_format(after + 1, 0, &report.disclaimer, &wrap)?;
    sheet.set_freeze_panes(1, 0)?;

    let sheet = book.add_worksheet();
    sheet.set_name("Commitment scores")?;
    for (col, name) in (0_u16..).zip(COMMITMENT_SCORE_HEADINGS) {
        sheet.write_string_with_format(0, col, name, &head)?;
        let width = match name {
            "Counts for" | "Filed under" => 28,
            "Stopped by" | "Not credible" => 50,
            _ => 12,
        };
        sheet.set_column_width(col, width)?;
    }
    let title = |id: &Option<String>| {
        id.as_deref()
            .map(|id| doc.plan.hot_topic(id).map_or(id, |t| t.title.as_str()))
            .unwrap_or("Innovation (no hot topic)")
            .to_owned()
    };
    for (r, c) in (1_u32..).zip(&report.commitments) {
        let passed: String = c
            .checks
            .iter()
            .filter(|k| k.passed)
            .map(|k| k.check.letter())
            .collect();
        sheet.write_string_with_format(r, 0, &c.id, &top)?;
        sheet.write_string_with_format(r, 1, title(&c.hot_topic), &wrap)?;
        if c.filed_under != c.hot_topic {
            sheet.write_string_with_format(r, 2, title(&c.filed_under), &wrap)?;
        }
        sheet.write_string_with_format(r, 3, passed, &top)?;
        if let Some(raw) = c.raw_band {
            sheet.write_number_with_format(r, 4, f64::from(raw.number()), &top)?;
        }
        if let Some(band) = c.band {
            sheet.write_number_with_format(r, 5, f64::from(band.number()), &top)?;
        }
        let caps: Vec<String> = c
            .caps
            .iter()
            .map(|k| {
                format!(
                    "{} (band {}): {}",
                    k.rule.id(),
                    k.stops_at.number(),
                    k.reason
                )
            })
            .collect();
        sheet.write_string_with_format(r, 6, caps.join("; "), &wrap)?;
        let not: Vec<String> = c
            .not_credible
            .iter()
            .map(|k| format!("{}: {}", k.rule.id(), k.reason))
            .collect();
        sheet.write_string_with_format(r, 7, not.join("; "), &wrap)?;
    }
    sheet.set_freeze_panes(1, 0)?;

    book.save_to_buffer()
}

/// The commitments as CSV (UTF-8, RFC 4180), with a heading row.
pub fn csv(doc: &OfferDocument) -> Result<Vec<u8>, ExportError> {
    let render = |e: &dyn std::fmt::Display| ExportError::Render {
        what: "CSV file",
        reason: e.to_string(),
    };
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record(COMMITMENT_HEADINGS)
        .map_err(|e| render(&e))?;
    for (n, c) in (1..).zip(&doc.offer.commitments) {
        let record: Vec<String> = row(doc, n, c)
            .into_iter()
            .map(|cell| match cell {
                // A text a spreadsheet would run as a formula is made plain.
                Cell::Text(s) => crate::text::csv_cell(&s).into_owned(),
                Cell::Number(v) | Cell::Money(v) => v.to_string(),
                Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
                Cell::Bool(b) => if b { "yes" } else { "no" }.to_owned(),
                Cell::Empty => String::new(),
            })
            .collect();
        out.write_record(&record).map_err(|e| render(&e))?;
    }
    out.into_inner().map_err(|e| render(&e.error()))
}

/// Writes the spreadsheet to `path`, whole or not at all.
pub fn write_xlsx(doc: &OfferDocument, path: &Path) -> Result<(), ExportError> {
    write(path, &xlsx(doc)?)
}

/// Writes the CSV to `path`, whole or not at all.
pub fn write_csv(doc: &OfferDocument, path: &Path) -> Result<(), ExportError> {
    write(path, &csv(doc)?)
}

/// The progress sheet's column headings, in order.
pub const PROGRESS_HEADINGS: [&str; 15] = [
    "No.",
    "ID",
    "What",
    "Hot topic",
    "Unit",
    "Proposed output",
    "Due",
    "Target to date",
    "Achieved in period",
    "Achieved to date",
    "Status",
    "Proxy value (GBP)",
    "Value delivered (GBP)",
    "Note",
    "Evidence",
];

/// The records sheet's column headings, in order.
pub const RECORD_HEADINGS: [&str; 10] = [
    "Commitment ID",
    "Period",
    "First day",
    "Last day",
    "Achieved",
    "Note",
    "Evidence",
    "Recorded by",
    "Recorded at",
    "Counts",
];

/// A date for a spreadsheet cell.
fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        d.month() as u8,
        d.day() as u8,
    )
}

/// A won offer's progress report as a spreadsheet: at the end of `period`,
/// or with `None` at the end of the contract.
pub fn progress_xlsx(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
) -> Result<Vec<u8>, ExportError> {
    build_progress(doc, delivery, period).map_err(|e| ExportError::Render {
        what: "spreadsheet",
        reason: e.to_string(),
    })
}

fn build_progress(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
) -> Result<Vec<u8>, XlsxError> {
    let periods = delivery.periods(doc.tender.duration_months);
    let last = u32::try_from(periods.len()).unwrap_or(u32::MAX);
    let status = delivery::at_period_end(doc, delivery, period.unwrap_or(last));
    let n = status.period;

    let mut book = Workbook::new();
    let Formats {
        head,
        wrap,
        top,
        money,
        date,
    } = Formats::new();
    let evidence_text = |e: &[crate::domain::EvidenceRef]| {
        e.iter()
            .map(|e| format!("{}: {}", e.kind.label(), e.text))
            .collect::<Vec<_>>()
            .join("\n")
    };

    let sheet = book.add_worksheet();
    sheet.set_name("Progress")?;
    for (col, name) in (0_u16..).zip(PROGRESS_HEADINGS) {
        sheet.write_string_with_format(0, col, name, &head)?;
        let width = match name {
            "What" | "Note" | "Evidence" => 40,
            "Hot topic" => 28,
            "No." => 6,
            _ => 14,
        };
        sheet.set_column_width(col, width)?;
    }
    for (r, p) in (1_u32..).zip(&status.commitments) {
        let cell = p.periods.iter().find(|c| c.period == n);
        sheet.write_number_with_format(r, 0, f64::from(r), &top)?;
        sheet.write_string_with_format(r, 1, &p.commitment, &top)?;
        sheet.write_string_with_format(r, 2, &p.what, &wrap)?;
        if let Some(t) = &p.hot_topic {
            sheet.write_string_with_format(r, 3, t, &wrap)?;
        }
        if let Some(u) = &p.unit {
            sheet.write_string_with_format(r, 4, u, &top)?;
        }
        if let Some(v) = p.promised {
            sheet.write_number_with_format(r, 5, number(v), &top)?;
        }
        sheet.write_datetime_with_format(r, 6, excel_date(p.due)?, &date)?;
        if let Some(v) = p.target_to_date {
            sheet.write_number_with_format(r, 7, number(crate::money::round(v, 2)), &top)?;
        }
        if let Some(v) = p.achieved_in_period {
            sheet.write_number_with_format(r, 8, number(v), &top)?;
        }
        sheet.write_number_with_format(r, 9, number(p.achieved_to_date), &top)?;
        sheet.write_string_with_format(r, 10, p.status.label(), &top)?;
        if let Some(v) = p.proxy_value {
            sheet.write_number_with_format(r, 11, number(v), &money)?;
        }
        if let Some(v) = p.value_to_date {
            sheet.write_number_with_format(r, 12, number(v), &money)?;
        }
        if let Some(note) = cell.and_then(|c| c.note.as_deref()) {
            sheet.write_string_with_format(r, 13, note, &wrap)?;
        }
        if let Some(c) = cell.filter(|c| !c.evidence.is_empty()) {
            sheet.write_string_with_format(r, 14, evidence_text(&c.evidence), &wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;

    let sheet = book.add_worksheet();
    sheet.set_name("Timeline")?;
    sheet.write_string_with_format(0, 0, "Commitment ID", &head)?;
    sheet.write_string_with_format(0, 1, "What", &head)?;
    sheet.set_column_width(1, 40)?;
    for (col, p) in (2_u16..).zip(&periods) {
        sheet.write_string_with_format(0, col, status.period_name(p.number), &head)?;
        sheet.set_column_width(col, 12)?;
    }
    for (r, p) in (1_u32..).zip(&status.commitments) {
        sheet.write_string_with_format(r, 0, &p.commitment, &top)?;
        sheet.write_string_with_format(r, 1, &p.what, &wrap)?;
        for (col, c) in (2_u16..).zip(&p.periods) {
            if let Some(v) = c.achieved {
                sheet.write_number_with_format(r, col, number(v), &top)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 2)?;

    let sheet = book.add_worksheet();
    sheet.set_name("Records")?;
    for (col, name) in (0_u16..).zip(RECORD_HEADINGS) {
        sheet.write_string_with_format(0, col, name, &head)?;
        let width = match name {
            "Note" | "Evidence" => 40,
            "Recorded at" => 22,
            _ => 14,
        };
        sheet.set_column_width(col, width)?;
    }
    for (i, (r, rec)) in (1_u32..).zip(&delivery.records).enumerate() {
        sheet.write_string_with_format(r, 0, &rec.commitment, &top)?;
        sheet.write_number_with_format(r, 1, f64::from(rec.period), &top)?;
        if let Some(p) = periods.iter().find(|p| p.number == rec.period) {
            sheet.write_datetime_with_format(r, 2, excel_date(p.first)?, &date)?;
            sheet.write_datetime_with_format(r, 3, excel_date(p.last)?, &date)?;
        }
        sheet.write_number_with_format(r, 4, number(rec.achieved), &top)?;
        if let Some(note) = &rec.note {
            sheet.write_string_with_format(r, 5, note, &wrap)?;
        }
        if !rec.evidence.is_empty() {
            sheet.write_string_with_format(r, 6, evidence_text(&rec.evidence), &wrap)?;
        }
        sheet.write_string_with_format(r, 7, &rec.recorded_by, &top)?;
        sheet.write_string_with_format(r, 8, &rec.recorded_at, &top)?;
        sheet.write_string_with_format(
            r,
            9,
            if delivery.counts(i) {
                "yes"
            } else {
                "no: corrected later"
            },
            &top,
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;

    let sheet = book.add_worksheet();
    sheet.set_name("About")?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 60)?;
    let covers = match period {
        Some(_) => status.period_label(n),
        None => "the whole contract".to_owned(),
    };
    let rows: [(&str, String); 9] = [
        ("Supplier", doc.offer.bidder.name.clone()),
        ("Buyer", doc.tender.buyer.clone()),
        ("Contract", doc.tender.title.clone()),
        ("Reference", doc.tender.reference.clone()),
        ("Reported", status.reporting.clone()),
        ("This report covers", covers),
        ("At a glance", status.summary()),
        (
            "Value delivered to date",
            status
                .value_delivered
                .map_or_else(|| "no proxy values apply".to_owned(), crate::money::gbp),
        ),
        (
            "Value promised",
            status
                .value_promised
                .map_or_else(|| "no proxy values apply".to_owned(), crate::money::gbp),
        ),
    ];
    let mut r = 0;
    for (label, value) in rows {
        sheet.write_string_with_format(r, 0, label, &head)?;
        sheet.write_string_with_format(r, 1, value, &wrap)?;
        r += 1;
    }
    for (label, day) in [
        ("Contract start", status.start),
        ("Contract end", status.last_day),
        ("Statuses as at", status.as_of),
    ] {
        sheet.write_string_with_format(r, 0, label, &head)?;
        sheet.write_datetime_with_format(r, 1, excel_date(day)?, &date)?;
        r += 1;
    }

    book.save_to_buffer()
}

/// Writes a won offer's progress spreadsheet to `path`, whole or not at all.
pub fn write_progress_xlsx(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
    path: &Path,
) -> Result<(), ExportError> {
    write(path, &progress_xlsx(doc, delivery, period)?)
}
