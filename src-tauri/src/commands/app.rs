//! Where the data lives, and the demo.

use offerwright::samples::{self, Demo};
use offerwright::store::StoreInfo;
use tauri::State;

use super::CmdResult;
use crate::AppState;

/// Offerwright's version and where the store lives.
#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> CmdResult<StoreInfo> {
    state.with_store(|s| Ok(s.info()))
}

/// Creates the demo tender and offer (again).
#[tauri::command(async)]
pub fn create_demo(state: State<'_, AppState>) -> CmdResult<Demo> {
    state.with_store(samples::create_demo)
}

/// The UI calls this once its first screen is drawn. With
/// `OFFERWRIGHT_TIMING` set, the app prints the time since it started, for
/// the start-up measurement (`ui/e2e/measure.mjs`).
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>) {
    if std::env::var_os("OFFERWRIGHT_TIMING").is_some() {
        eprintln!(
            "offerwright-app: first screen drawn {} ms after start",
            state.started.elapsed().as_millis()
        );
    }
}

/// The UI has close request `n` and is saving what is pending: the window
/// stays open until it calls [`close_window`].
#[tauri::command]
pub fn closing(closing: State<'_, std::sync::Arc<crate::Closing>>, n: u64) {
    closing.answer(n);
}

/// Closes the window: the UI calls it once every pending save has
/// succeeded, or when the user chooses to close anyway.
#[tauri::command]
pub fn close_window<R: tauri::Runtime>(window: tauri::Window<R>) {
    let _ = window.destroy();
}
