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

/// Closes the window once the UI has saved what was pending.
#[tauri::command]
pub fn close_window<R: tauri::Runtime>(window: tauri::Window<R>) {
    let _ = window.destroy();
}
