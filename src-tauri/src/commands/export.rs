//! The self-score, the PDFs, the Word file, the spreadsheets and the
//! answers as portal text.

use offerwright::domain::OfferDocument;
use offerwright::error::UserError;
use offerwright::export::text::PortalAnswer;
use offerwright::export::{docx, pdf, sheet, text};
use offerwright::files;
use offerwright::score::{self, Report};
use offerwright::store::{offers, plans};
use serde::Deserialize;
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use crate::{AppState, dialogs};

const PDF_FILTER: (&str, &[&str]) = ("PDF document", &["pdf"]);

/// Scores the offer the editor holds in memory (not the stored one), so the
/// score follows every keystroke without waiting for a save.
#[tauri::command(async)]
pub fn score_document(doc: Value) -> CmdResult<Report> {
    let doc: OfferDocument = files::from_value(doc, "document")?;
    Ok(score::score(&doc))
}

/// Asks where to save the offer's PDF (the submission, or with `review` the
/// internal copy with the self-score) and writes it; the path, or `None`.
#[tauri::command]
pub async fn export_offer_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    review: bool,
) -> CmdResult<Option<String>> {
    let doc = state.read(|c| offers::document(c, id))?;
    let kind = if review { "review copy" } else { "submission" };
    let name = files::offer_file_name(&doc, &format!("{kind}.pdf"));
    let Some(path) = dialogs::save(&app, &state.dialogs, "Save the PDF", &name, PDF_FILTER) else {
        return Ok(None);
    };
    let today = chrono::Local::now().date_naive();
    let written = if review {
        pdf::write_review(&doc, today, &path)
    } else {
        pdf::write_submission(&doc, today, &path)
    };
    written.map_err(UserError::from)?;
    Ok(Some(path.display().to_string()))
}

/// Asks where to save the plan on a page as a one-page PDF and writes it.
#[tauri::command]
pub async fn export_plan_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Option<String>> {
    let plan = state.read(|c| plans::get(c, &id))?;
    let name = format!("{} - plan on a page.pdf", plan.id);
    let Some(path) = dialogs::save(
        &app,
        &state.dialogs,
        "Save the plan on a page",
        &name,
        PDF_FILTER,
    ) else {
        return Ok(None);
    };
    pdf::write_plan_on_a_page(&plan, &path).map_err(UserError::from)?;
    Ok(Some(path.display().to_string()))
}

/// The office formats an offer can be saved in, besides PDF.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfficeFormat {
    /// The submission as a Word file.
    Docx,
    /// The commitments and the self-score per hot topic as a spreadsheet.
    Xlsx,
    /// The commitments as CSV.
    Csv,
}

/// Asks where to save the offer as a Word file, a spreadsheet or CSV and
/// writes it; the path, or `None` when the dialog was closed.
#[tauri::command]
pub async fn export_offer_office<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    format: OfficeFormat,
) -> CmdResult<Option<String>> {
    let doc = state.read(|c| offers::document(c, id))?;
    let (title, name, filter): (&str, &str, (&str, &[&str])) = match format {
        OfficeFormat::Docx => (
            "Save the Word file",
            "submission.docx",
            ("Word document", &["docx"]),
        ),
        OfficeFormat::Xlsx => (
            "Save the spreadsheet",
            "commitments.xlsx",
            ("Excel spreadsheet", &["xlsx"]),
        ),
        OfficeFormat::Csv => (
            "Save the commitments as CSV",
            "commitments.csv",
            ("CSV file", &["csv"]),
        ),
    };
    let name = files::offer_file_name(&doc, name);
    let Some(path) = dialogs::save(&app, &state.dialogs, title, &name, filter) else {
        return Ok(None);
    };
    let written = match format {
        OfficeFormat::Docx => {
            docx::write_submission(&doc, chrono::Local::now().date_naive(), &path)
        }
        OfficeFormat::Xlsx => sheet::write_xlsx(&doc, &path),
        OfficeFormat::Csv => sheet::write_csv(&doc, &path),
    };
    written.map_err(UserError::from)?;
    Ok(Some(path.display().to_string()))
}

/// Each answer of the offer the editor holds in memory as plain text for a
/// portal's text box, with its counts and a warning past the question's
/// limits: what the Export screen shows and copies.
#[tauri::command(async)]
pub fn portal_answers(doc: Value) -> CmdResult<Vec<PortalAnswer>> {
    let doc: OfferDocument = files::from_value(doc, "document")?;
    Ok(text::answers(&doc))
}
