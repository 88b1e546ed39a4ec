//! Backups of the store, for the Settings screen: list them, make one now,
//! restore one. The UI names a backup by its file name in the `backups/`
//! folder and never by a path; a backup kept elsewhere is chosen in the
//! native open dialog.

use std::path::PathBuf;

use offerwright::error::{ErrorCode, UserError};
use offerwright::store::backup::{self, BackupKind, BackupRecord, Restored};
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use crate::{AppState, dialogs};

const STORE_FILTER: (&str, &[&str]) = ("Offerwright store", &["sqlite3"]);

/// The backups in the `backups/` folder beside the store, newest first.
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> CmdResult<Vec<BackupRecord>> {
    state.with_store(|s| backup::list_backups(s.path()))
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
    let backups = state.with_store(|s| backup::list_backups(s.path()))?;
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
