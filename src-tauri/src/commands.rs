//! The shell's own commands, about the window: every other command of the
//! UI is the core's ([`offerwright::api`]).

use std::sync::Arc;

use tauri::State;

/// When the app started, for the start-up measurement.
pub struct Started(pub std::time::Instant);

/// The names of the shell's own commands.
pub const OWN: &[&str] = &["ui_ready", "closing", "close_window"];

/// The shell's own commands, for the invoke handler.
pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![ui_ready, closing, close_window]
}

/// The UI calls this once its first screen is drawn. With
/// `OFFERWRIGHT_TIMING` set, the app prints the time since it started, for
/// the start-up measurement (`ui/e2e/measure.mjs`).
#[tauri::command]
pub fn ui_ready<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    use tauri::Manager as _;
    if std::env::var_os("OFFERWRIGHT_TIMING").is_some()
        && let Some(started) = app.try_state::<Started>()
    {
        eprintln!(
            "offerwright-app: first screen drawn {} ms after start",
            started.0.elapsed().as_millis()
        );
    }
}

/// The UI has close request `n` and is saving what is pending: the window
/// stays open until it calls [`close_window`].
#[tauri::command]
pub fn closing(closing: State<'_, Arc<crate::Closing>>, n: u64) {
    closing.answer(n);
}

/// Closes the window: the UI calls it once every pending save has
/// succeeded, or when the user chooses to close anyway.
#[tauri::command]
pub fn close_window<R: tauri::Runtime>(window: tauri::Window<R>) {
    let _ = window.destroy();
}
