//! The evidence library.

use offerwright::domain::Evidence;
use offerwright::files;
use offerwright::store::evidence::{self, EvidenceRecord};
use serde_json::Value;
use tauri::State;

use super::CmdResult;
use crate::AppState;

/// The whole library.
#[tauri::command(async)]
pub fn list_evidence(state: State<'_, AppState>) -> CmdResult<Vec<EvidenceRecord>> {
    state.read(evidence::list)
}

/// Adds an item (no id) or changes one; returns its id.
#[tauri::command(async)]
pub fn save_evidence(state: State<'_, AppState>, id: Option<i64>, item: Value) -> CmdResult<i64> {
    let item: Evidence = files::from_value(item, "item")?;
    state.write(|tx| match id {
        Some(id) => evidence::update(tx, id, &item).map(|()| id),
        None => evidence::insert(tx, &item),
    })
}

/// Deletes an item.
#[tauri::command(async)]
pub fn delete_evidence(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.write(|tx| evidence::delete(tx, id))
}
