//! Offers: the editor's reads and small writes, import and export.

use offerwright::domain::{Bidder, Commitment, Offer};
use offerwright::files;
use offerwright::store::contracts;
use offerwright::store::offers::{self, OfferSummary, OfferView};
use offerwright::store::{self, ImportedOffer};
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use super::plans::in_file;
use crate::{AppState, dialogs};

const OFFER_FILTER: (&str, &[&str]) = ("Offerwright offer", &["json"]);

/// Every offer.
#[tauri::command(async)]
pub fn list_offers(state: State<'_, AppState>) -> CmdResult<Vec<OfferSummary>> {
    state.read(offers::list)
}

/// An offer with its plan and tender, for the editor.
#[tauri::command(async)]
pub fn get_offer(state: State<'_, AppState>, id: i64) -> CmdResult<OfferView> {
    state.read(|c| offers::view(c, id))
}

/// Starts a new offer for a tender; returns its id.
#[tauri::command(async)]
pub fn create_offer(state: State<'_, AppState>, tender_id: i64, bidder: Value) -> CmdResult<i64> {
    let bidder: Bidder = files::from_value(bidder, "bidder")?;
    let offer = Offer {
        bidder,
        answers: Vec::new(),
        commitments: Vec::new(),
    };
    state.write(|tx| offers::insert(tx, tender_id, &offer))
}

/// Changes the bidder.
#[tauri::command(async)]
pub fn set_bidder(state: State<'_, AppState>, id: i64, bidder: Value) -> CmdResult<()> {
    let bidder: Bidder = files::from_value(bidder, "bidder")?;
    state.write(|tx| offers::set_bidder(tx, id, &bidder))
}

/// Saves the answer to one question.
#[tauri::command(async)]
pub fn set_answer(
    state: State<'_, AppState>,
    id: i64,
    question: String,
    text: String,
) -> CmdResult<()> {
    state.write(|tx| offers::set_answer(tx, id, &question, &text))
}

/// Adds or replaces a commitment.
#[tauri::command(async)]
pub fn put_commitment(state: State<'_, AppState>, id: i64, commitment: Value) -> CmdResult<()> {
    let commitment: Commitment = files::from_value(commitment, "commitment")?;
    state.write(|tx| offers::put_commitment(tx, id, &commitment))
}

/// Removes a commitment.
#[tauri::command(async)]
pub fn remove_commitment(state: State<'_, AppState>, id: i64, commitment: String) -> CmdResult<()> {
    state.write(|tx| offers::remove_commitment(tx, id, &commitment))
}

/// Deletes an offer.
#[tauri::command(async)]
pub fn delete_offer(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.write(|tx| offers::delete(tx, id))
}

/// Asks for an offer file and imports it; `None` when the user cancels.
#[tauri::command]
pub async fn import_offer_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<ImportedOffer>> {
    let Some(path) = dialogs::open(&app, &state.dialogs, "Import an offer file", OFFER_FILTER)
    else {
        return Ok(None);
    };
    let bytes = files::read_bytes(&path)?;
    state
        .with_store(|s| store::import_offer(s, &bytes))
        .map(Some)
        .map_err(|e| in_file(&path, e))
}

/// Asks where to save the offer file and writes it; the path written, or `None`.
#[tauri::command]
pub async fn export_offer_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    // A won offer travels as submitted, with its delivery records.
    let (doc, delivery) = state.read(|c| match contracts::find(c, id)? {
        Some(k) => Ok((k.submitted, Some(k.delivery))),
        None => Ok((offers::document(c, id)?, None)),
    })?;
    let name = files::offer_file_name(&doc, "svoffer.json");
    let Some(path) = dialogs::save(
        &app,
        &state.dialogs,
        "Save the offer file",
        &name,
        OFFER_FILTER,
    ) else {
        return Ok(None);
    };
    files::save_offer_with_delivery(&path, &doc, delivery.as_ref())?;
    Ok(Some(path.display().to_string()))
}
