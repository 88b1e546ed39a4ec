//! The commitments as a spreadsheet, for filling in a buyer's own social
//! value sheet: every field of a commitment (docs/formats.md), one row each.
//!
//! - [`xlsx`]: two sheets: "Commitments" (quantities and baselines as
//!   numbers, in GBP with a currency format where the unit is GBP; dates as
//!   dates) and "Self-score" (per hot topic: weight, band, marks). Built with
//!   rust_xlsxwriter.
//! - [`csv`]: the commitments sheet as CSV: UTF-8, quoted as RFC 4180 says
//!   (the `csv` crate), numbers written exactly as in the offer, dates as
//!   `YYYY-MM-DD`.

use std::path::Path;

use chrono::Datelike;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::content::unit;
use super::{ExportError, write};
use crate::domain::{Commitment, OfferDocument};
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
pub const SCORE_HEADINGS: [&str; 8] = [
    "Hot topic",
    "Theme",
    "Weight",
    "Band",
    "Band name",
    "Marks",
    "Out of",
    "Commitments",
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

/// The spreadsheet (.xlsx) of an offer's commitments and self-score.
pub fn xlsx(doc: &OfferDocument) -> Result<Vec<u8>, ExportError> {
    build_xlsx(doc).map_err(|e| ExportError::Render {
        what: "spreadsheet",
        reason: e.to_string(),
    })
}

fn build_xlsx(doc: &OfferDocument) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let money = Format::new()
        .set_num_format("\u{a3}#,##0.00")
        .set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("d mmmm yyyy")
        .set_align(FormatAlign::Top);

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
                Cell::Date(d) => {
                    let d = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        d.month() as u8,
                        d.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(r, col, d, &date)?
                }
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
    }
    let after = u32::try_from(report.hot_topics.len()).unwrap_or(u32::MAX) + 2;
    sheet.write_string_with_format(after, 0, "Projected social value marks", &head)?;
    sheet.write_string_with_format(after, 5, &report.projected_marks_text, &top)?;
    sheet.write_string_with_format(after + 1, 0, &report.disclaimer, &wrap)?;
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
                Cell::Text(s) => s,
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
