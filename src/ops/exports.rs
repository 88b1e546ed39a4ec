//! Every export, with its default file name: the offer's PDFs, Word file,
//! spreadsheet and CSV, the offer file to share, and the plan on a page.
//! Both faces name and write a file through here; the app asks where with
//! [`Export::filter`] and [`Export::title`], the command line is told.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::{Delivery, OfferDocument, Plan};
use crate::error::UserError;
use crate::export::{docx, pdf, sheet};
use crate::files;
use crate::store::{self, contracts, offers};

/// A kind of file a save dialog offers: its name and extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    /// "PDF document".
    pub name: &'static str,
    /// `["pdf"]`.
    pub extensions: &'static [&'static str],
}

impl Filter {
    const fn new(name: &'static str, extensions: &'static [&'static str]) -> Filter {
        Filter { name, extensions }
    }
}

/// PDF documents.
pub const PDF: Filter = Filter::new("PDF document", &["pdf"]);
/// Word documents.
pub const DOCX: Filter = Filter::new("Word document", &["docx"]);
/// Excel spreadsheets.
pub const XLSX: Filter = Filter::new("Excel spreadsheet", &["xlsx"]);
/// CSV files.
pub const CSV: Filter = Filter::new("CSV file", &["csv"]);
/// Offer files.
pub const OFFER_FILE: Filter = Filter::new("Offerwright offer", &["json"]);
/// Plan files.
pub const PLAN_FILE: Filter = Filter::new("Offerwright plan", &["json"]);

/// What an offer can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Export {
    /// The tender-ready PDF.
    Submission,
    /// The internal review PDF, with the self-score report.
    Review,
    /// The submission in Word styles.
    Docx,
    /// The commitments and the self-score per hot topic as a spreadsheet.
    Xlsx,
    /// The commitments as CSV.
    Csv,
}

impl Export {
    /// The file name offered: "Wear Valley Kitchens CIC - DCC-2026-0142.submission.pdf".
    pub fn file_name(self, doc: &OfferDocument) -> String {
        let what = match self {
            Export::Submission => "submission.pdf",
            Export::Review => "review copy.pdf",
            Export::Docx => "submission.docx",
            Export::Xlsx => "commitments.xlsx",
            Export::Csv => "commitments.csv",
        };
        files::offer_file_name(doc, what)
    }

    /// The title of the dialog that asks where to save it.
    pub fn title(self) -> &'static str {
        match self {
            Export::Submission | Export::Review => "Save the PDF",
            Export::Docx => "Save the Word file",
            Export::Xlsx => "Save the spreadsheet",
            Export::Csv => "Save the commitments as CSV",
        }
    }

    /// The kind of file it is, for a save dialog.
    pub fn filter(self) -> Filter {
        match self {
            Export::Submission | Export::Review => PDF,
            Export::Docx => DOCX,
            Export::Xlsx => XLSX,
            Export::Csv => CSV,
        }
    }

    /// Writes the export of `doc` to `path`, whole or not at all; `today`
    /// is the date printed on the documents.
    pub fn write(
        self,
        doc: &OfferDocument,
        today: NaiveDate,
        path: &Path,
    ) -> Result<(), UserError> {
        match self {
            Export::Submission => pdf::write_submission(doc, today, path)?,
            Export::Review => pdf::write_review(doc, today, path)?,
            Export::Docx => docx::write_submission(doc, today, path)?,
            Export::Xlsx => sheet::write_xlsx(doc, path)?,
            Export::Csv => sheet::write_csv(doc, path)?,
        }
        Ok(())
    }
}

/// The offer to send as a file: a won offer as it was submitted, with its
/// delivery records; any other as it stands.
pub fn shared_offer(
    conn: &Connection,
    id: i64,
) -> store::Result<(OfferDocument, Option<Delivery>)> {
    Ok(match contracts::find(conn, id)? {
        Some(k) => (k.submitted, Some(k.delivery)),
        None => (offers::document(conn, id)?, None),
    })
}

/// The offer file's name: "Wear Valley Kitchens CIC - DCC-2026-0142.svoffer.json".
pub fn offer_file_name(doc: &OfferDocument) -> String {
    files::offer_file_name(doc, "svoffer.json")
}

/// Writes the offer file (with its delivery records, if any) to `path`.
pub fn write_offer_file(
    doc: &OfferDocument,
    delivery: Option<&Delivery>,
    path: &Path,
) -> Result<(), UserError> {
    files::save_offer_with_delivery(path, doc, delivery)?;
    Ok(())
}

/// The plan on a page's file name: "durham-sample - plan on a page.pdf".
pub fn plan_pdf_name(plan: &Plan) -> String {
    format!("{} - plan on a page.pdf", plan.id)
}

/// The plan file's name: "durham-sample.svplan.json".
pub fn plan_file_name(plan: &Plan) -> String {
    format!("{}.svplan.json", plan.id)
}
