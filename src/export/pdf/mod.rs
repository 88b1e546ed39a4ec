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
mod hyphens;
mod layout;
pub(crate) mod markdown;
mod offer;
mod plan;
mod workshop;

pub(crate) use fonts::Face;
pub(crate) use layout::{BREAK, Span};
pub(crate) use offer::{WordTable, word_table};

use std::collections::BTreeMap;
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

/// Characters of one place of an offer that its PDFs cannot print (emoji,
/// Chinese, Japanese or Korean script: the embedded font has no glyph for
/// them). Each prints as a white square; the app and the command line say
/// so before an export, never silently.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Unprintable {
    /// Where they are: a question's id ("sv1", its text or its answer), a
    /// commitment's id, "the bidder", "the tender" or "the plan".
    pub place: String,
    /// How many characters there are.
    pub count: usize,
    /// The different characters, in the order first met.
    pub characters: String,
    /// "3 characters in sv1 cannot be printed in the PDF: ...".
    pub message: String,
}

/// Every place of `doc` with characters its PDFs cannot print, in the
/// document's order: the tender, the bidder, each question and answer, each
/// commitment, the plan.
pub fn unprintable(doc: &OfferDocument) -> Vec<Unprintable> {
    report_places(offer_places(doc), true)
}

/// The same for the plan on a page.
pub fn unprintable_plan(plan: &Plan) -> Vec<Unprintable> {
    report_places(vec![("the plan".to_owned(), plan_texts(plan))], false)
}

/// The same for a progress report or end-of-contract summary: the offer,
/// then each period's delivery records (their notes, evidence and who
/// recorded them).
pub fn unprintable_progress(doc: &OfferDocument, delivery: &Delivery) -> Vec<Unprintable> {
    let mut places = offer_places(doc);
    let mut periods: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for r in &delivery.records {
        let texts = periods.entry(r.period).or_default();
        texts.push(&r.recorded_by);
        texts.extend(r.note.as_deref());
        texts.extend(r.evidence.iter().map(|e| e.text.as_str()));
    }
    places.extend(
        periods
            .into_iter()
            .map(|(n, texts)| (format!("the records of period {n}"), texts)),
    );
    report_places(places, false)
}

/// The same for a workshop handout: the participants' names, the pack's
/// plan and the comparison's titles.
pub fn unprintable_handout(
    comparison: &crate::workshop::Comparison,
    pack: &Workshop,
) -> Vec<Unprintable> {
    let mut names: Vec<&str> = comparison
        .rows
        .iter()
        .map(|r| r.participant.as_str())
        .collect();
    names.extend(comparison.exemplar.iter().map(|e| e.bidder.as_str()));
    report_places(
        vec![
            (
                "the workshop".to_owned(),
                vec![
                    &comparison.title,
                    &comparison.tender_title,
                    &comparison.buyer,
                    &comparison.reference,
                ],
            ),
            ("the participants' names".to_owned(), names),
            ("the plan".to_owned(), plan_texts(&pack.plan)),
        ],
        false,
    )
}

/// The places of an offer document and their texts, in the document's order.
fn offer_places(doc: &OfferDocument) -> Vec<(String, Vec<&str>)> {
    let t = &doc.tender;
    let b = &doc.offer.bidder;
    let mut places: Vec<(String, Vec<&str>)> = vec![
        (
            "the tender".to_owned(),
            vec![&t.title, &t.buyer, &t.reference],
        ),
        (
            "the bidder".to_owned(),
            [Some(&b.name), b.location.as_ref()]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect(),
        ),
    ];
    for q in &t.questions {
        let mut texts = vec![q.text.as_str()];
        texts.extend(doc.offer.answer(&q.id).map(|a| a.text.as_str()));
        places.push((q.id.clone(), texts));
    }
    for c in &doc.offer.commitments {
        let mut texts = vec![c.what.as_str()];
        texts.extend(
            [
                &c.unit,
                &c.r#where,
                &c.beneficiaries,
                &c.how,
                &c.owner,
                &c.kpi,
                &c.reporting,
                &c.evidence,
            ]
            .into_iter()
            .flatten()
            .map(String::as_str),
        );
        places.push((c.id.clone(), texts));
    }
    places.push(("the plan".to_owned(), plan_texts(&doc.plan)));
    places
}

/// The texts of a plan that its PDFs print.
fn plan_texts(p: &Plan) -> Vec<&str> {
    let mut plan: Vec<&str> = vec![&p.title, &p.issuer];
    plan.extend(p.local_area.as_deref());
    plan.extend(p.summary.as_deref());
    plan.extend(p.local_places.iter().map(String::as_str));
    for th in &p.themes {
        plan.push(&th.name);
        plan.extend(th.description.as_deref());
        plan.extend(th.outcomes.iter().map(String::as_str));
    }
    for h in &p.hot_topics {
        plan.push(&h.title);
        plan.extend(h.description.as_deref());
    }
    for m in &p.measures {
        plan.push(&m.name);
        plan.push(&m.unit);
    }
    plan
}

/// The places among `places` with characters the font cannot print; the
/// message says the Word file keeps them where there is one (`word`).
fn report_places(places: Vec<(String, Vec<&str>)>, word: bool) -> Vec<Unprintable> {
    let Ok(fonts) = fonts::metrics() else {
        return Vec::new();
    };
    places
        .into_iter()
        .filter_map(|(place, texts)| {
            let mut count = 0;
            let mut characters = String::new();
            for c in texts.iter().flat_map(|t| t.chars()) {
                if !fonts.printable(c) {
                    count += 1;
                    if !characters.contains(c) {
                        characters.push(c);
                    }
                }
            }
            (count > 0).then(|| {
                let shown: Vec<String> = characters.chars().take(12).map(String::from).collect();
                let more = if characters.chars().count() > 12 {
                    " \u{2026}"
                } else {
                    ""
                };
                let kept = if !word {
                    ""
                } else if count == 1 {
                    "; the Word file keeps it"
                } else {
                    "; the Word file keeps them"
                };
                let message = format!(
                    "{count} {} in {place} cannot be printed in the PDF: {}{more} ({} as {} in \
                     it{kept})",
                    if count == 1 {
                        "character"
                    } else {
                        "characters"
                    },
                    shown.join(" "),
                    if count == 1 { "it shows" } else { "each shows" },
                    fonts::MISSING,
                );
                Unprintable {
                    place,
                    count,
                    characters,
                    message,
                }
            })
        })
        .collect()
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    files::write_atomically(path, bytes).map_err(|e| PdfError::Write {
        path: path.display().to_string(),
        reason: files::io_reason(&e),
    })
}
