//! Backups of the store, for the Settings screen and for the recovery
//! screen that opens when the store cannot be: list them, make one now,
//! restore one, set a store that cannot be opened aside. The UI names a
//! backup by its file name in the `backups/` folder and never by a path; a
//! backup kept elsewhere is chosen in the native open dialog.

use std::path::PathBuf;

use offerwright::error::{ErrorCode, UserError};
use offerwright::store::backup::{self, BackupKind, BackupRecord, Restored, SetAside};
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use crate::{AppState, dialogs};
use offerwright::error::StoreStatus;

const STORE_FILTER: (&str, &[&str]) = ("Offerwright store", &["sqlite3"]);

/// Whether the store is open, and if not, why: the UI shows the recovery
/// screen then.
#[tauri::command(async)]
pub fn store_status(state: State<'_, AppState>) -> StoreStatus {
    state.status()
}

/// Tries again to open a store that could not be opened.
#[tauri::command(async)]
pub fn reopen_store(state: State<'_, AppState>) -> StoreStatus {
    state.reopen()
}

/// Moves a store that cannot be opened into the backups folder, untouched,
/// and starts a new one; returns where the old one went.
#[tauri::command(async)]
pub fn start_afresh(state: State<'_, AppState>) -> CmdResult<String> {
    state.set_aside_and_start_afresh()
}

/// The backups in the `backups/` folder beside the store, newest first
/// (the store need not be open).
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CmdResult<Vec<BackupRecord>> {
    Ok(backup::list_backups(state.store_file())?)
}

/// The stores that could not be opened and were moved aside, newest first.
#[tauri::command(async)]
pub fn list_set_aside(state: State<'_, AppState>) -> CmdResult<Vec<SetAside>> {
    Ok(backup::list_set_aside(state.store_file())?)
}

/// Backs the store up into the `backups/` folder now.
#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> CmdResult<BackupRecord> {
    state.with_store(|s| backup::back_up(s, BackupKind::Manual))
}

/// Restores the backup called `file_name` in the `backups/` folder, after
/// backing up the store as it is.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> CmdResult<Restored> {
    let from = listed_backup(&state, &file_name)?;
    state.restore(&from)
}

/// Asks for a backup kept elsewhere (a USB stick, another computer's
/// `backups/` folder) and restores it; `None` when the user cancels.
#[tauri::command]
pub async fn restore_backup_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<Restored>> {
    let Some(from) = dialogs::open(&app, &state.dialogs, "Restore a backup", STORE_FILTER) else {
        return Ok(None);
    };
    state.restore(&from).map(Some)
}

/// The path of the backup `file_name`, if it is one of the listed backups:
/// a name that leads anywhere else is refused.
fn listed_backup(state: &AppState, file_name: &str) -> CmdResult<PathBuf> {
    let backups = backup::list_backups(state.store_file())?;
    backups
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| PathBuf::from(b.path))
        .ok_or_else(|| {
            UserError::new(
                ErrorCode::NotFound,
                format!("there is no backup called {file_name:?} in the backups folder"),
            )
        })
}
