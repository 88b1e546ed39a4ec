//! PDF export: the submission PDF a buyer receives, the review PDF with the
//! self-score, the plan on a page, and the workshop handout.
//!
//! - `layout.rs`: a small layout engine over printpdf (A4 pages, margins,
//!   wrapped rich text, lists, tables with repeating headers, footers with
//!   "Page N of M", bookmarks, metadata);
//! - `fonts.rs`: the embedded Carlito font (OFL, `assets/fonts/`), its
//!   widths, and subsetting on save;
//! - `markdown.rs`: the answers' Markdown as blocks;
//! - `offer.rs`: the submission and review documents;
//! - `plan.rs`: the plan on a page, shrunk to fit one sheet or refused;
//! - `delivery.rs`: the progress report of a won offer for a period, and
//!   the end-of-contract summary;
//! - `workshop.rs`: the workshop handout: offers side by side, the common
//!   fixes with examples from the model offer, the plan on a page.
//!
//! Text is real text: every word can be selected, searched and extracted.
//! To change how a document looks, start from its module (`offer.rs`,
//! `plan.rs`); the tests in `tests/it/pdf.rs` read every PDF back with
//! poppler and render the demo's pages to `target/artefacts/pdf/`.

mod delivery;
mod fonts;
mod layout;
pub(crate) mod markdown;
mod offer;
mod plan;
mod workshop;

pub(crate) use fonts::Face;
pub(crate) use layout::{BREAK, Span};

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::{Delivery, OfferDocument, Plan, Workshop};
use crate::files;

/// Why a PDF could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The plan does not fit on one A4 page even at the smallest type.
    #[error("{0}")]
    TooMuchText(String),
    /// The PDF could not be made: the embedded font could not be read or
    /// subset, or printpdf refused a page (a bug in Offerwright, not bad input).
    #[error("the PDF could not be made: {0}")]
    Render(String),
    /// The file could not be written; any existing file is untouched.
    #[error("cannot write {path}: {reason}; any existing file there is unchanged")]
    Write {
        /// The file asked for.
        path: String,
        /// What went wrong, in plain words.
        reason: String,
    },
}

/// The tender-ready PDF of an offer: cover, contents, each answer under its
/// question, the commitments table and the social value summary. It holds
/// nothing internal: no self-score. `today` is the date on the cover.
pub fn submission(doc: &OfferDocument, today: NaiveDate) -> Result<Vec<u8>, PdfError> {
    offer::render(doc, today, None)
}

/// The internal review PDF: the submission plus the self-score report (bands
/// per hot topic as a bar chart, the checks on each commitment and answer,
/// the fixes ranked by marks to gain).
pub fn review(doc: &OfferDocument, today: NaiveDate) -> Result<Vec<u8>, PdfError> {
    let report = crate::score::score(doc);
    offer::render(doc, today, Some(&report))
}

/// The plan on a page: any plan on exactly one A4 page, type shrunk as far
/// as 7 pt to fit; a plan with more text than that is refused with
/// [`PdfError::TooMuchText`] rather than spilling onto a second page.
pub fn plan_on_a_page(plan: &Plan) -> Result<Vec<u8>, PdfError> {
    plan::render(plan)
}

/// Writes the submission PDF to `path`, whole or not at all.
pub fn write_submission(
    doc: &OfferDocument,
    today: NaiveDate,
    path: &Path,
) -> Result<(), PdfError> {
    write(path, &submission(doc, today)?)
}

/// Writes the review PDF to `path`, whole or not at all.
pub fn write_review(doc: &OfferDocument, today: NaiveDate, path: &Path) -> Result<(), PdfError> {
    write(path, &review(doc, today)?)
}

/// Writes the plan on a page to `path`, whole or not at all.
pub fn write_plan_on_a_page(plan: &Plan, path: &Path) -> Result<(), PdfError> {
    write(path, &plan_on_a_page(plan)?)
}

/// The workshop handout for a trainer's debrief: `comparison` side by side
/// (anonymised or not, as it was made), its most common fixes with examples
/// from the pack's model offer, and the pack's plan on a page.
pub fn workshop_handout(
    comparison: &crate::workshop::Comparison,
    pack: &Workshop,
    today: NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    workshop::render(comparison, &pack.plan, today)
}

/// Writes the workshop handout to `path`, whole or not at all.
pub fn write_workshop_handout(
    comparison: &crate::workshop::Comparison,
    pack: &Workshop,
    today: NaiveDate,
    path: &Path,
) -> Result<(), PdfError> {
    write(path, &workshop_handout(comparison, pack, today)?)
}

/// The progress report of a won offer for the buyer's contract manager:
/// for `period`, proposed against achieved with the period's notes and
/// evidence; with `None`, the end-of-contract summary with the timeline.
pub fn progress_report(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
    today: NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    delivery::render(doc, delivery, period, today)
}

/// Writes a progress report to `path`, whole or not at all.
pub fn write_progress_report(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
    today: NaiveDate,
    path: &Path,
) -> Result<(), PdfError> {
    write(path, &progress_report(doc, delivery, period, today)?)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    files::write_atomically(path, bytes).map_err(|e| PdfError::Write {
        path: path.display().to_string(),
        reason: files::io_reason(&e),
    })
}
