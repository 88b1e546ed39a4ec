//! Tenders.

use offerwright::domain::Tender;
use offerwright::files;
use offerwright::store::tenders::{self, TenderRecord, TenderSummary};
use serde_json::Value;
use tauri::State;

use super::CmdResult;
use crate::AppState;

/// Every tender.
#[tauri::command(async)]
pub fn list_tenders(state: State<'_, AppState>) -> CmdResult<Vec<TenderSummary>> {
    state.read(tenders::list)
}

/// One tender with its questions.
#[tauri::command(async)]
pub fn get_tender(state: State<'_, AppState>, id: i64) -> CmdResult<TenderRecord> {
    state.read(|c| tenders::get(c, id))
}

/// Records a new tender against a plan; returns its id.
#[tauri::command(async)]
pub fn create_tender(state: State<'_, AppState>, plan_id: String, tender: Value) -> CmdResult<i64> {
    let tender: Tender = files::from_value(tender, "tender")?;
    state.write(|tx| tenders::insert(tx, &plan_id, &tender))
}

/// Changes a tender's details and questions.
#[tauri::command(async)]
pub fn update_tender(state: State<'_, AppState>, id: i64, tender: Value) -> CmdResult<()> {
    let tender: Tender = files::from_value(tender, "tender")?;
    state.write(|tx| tenders::update(tx, id, &tender))
}

/// Deletes a tender no offer answers.
#[tauri::command(async)]
pub fn delete_tender(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.write(|tx| tenders::delete(tx, id))
}
