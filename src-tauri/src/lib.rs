//! The Offerwright desktop shell: the only crate that knows about Tauri.
//!
//! It opens the store once at start (in the OS data directory, or
//! `$OFFERWRIGHT_DATA_DIR`), creates the demo offer on a first run, and
//! registers thin commands ([`commands`]): each takes the state, calls the
//! core and maps the error to `{ code, message }`. File dialogs are opened
//! here, by the backend ([`dialogs`]), so the UI needs no file system or
//! dialog permission at all.

pub mod commands;
pub mod dialogs;
mod state;

pub use state::AppState;

use offerwright::error::UserError;
use offerwright::store::{self, Store};

/// Opens the store in `dir`, giving a first run the demo offer to try.
pub fn open_store(dir: &std::path::Path) -> Result<Store, UserError> {
    let mut store = Store::open_dir(dir)?;
    if store::offers::list(store.conn())?.is_empty()
        && store::tenders::list(store.conn())?.is_empty()
    {
        offerwright::samples::create_demo(&mut store)?;
    }
    Ok(store)
}

/// The event that asks the UI to save what is pending before the window closes.
pub const CLOSE_REQUESTED: &str = "offerwright://close-requested";
/// How long a close waits for the UI to save.
const CLOSE_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Builds the app on any runtime: the real one in [`run`], the mock one in tests.
pub fn app<R: tauri::Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(commands::workshop::WorkshopState::default())
        .on_window_event(|window, event| {
            // Hold the close until the UI has saved its last keystrokes
            // (it calls `close_window`), or the grace period is over.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                use tauri::Emitter as _;
                api.prevent_close();
                if window.emit(CLOSE_REQUESTED, ()).is_err() {
                    let _ = window.destroy();
                    return;
                }
                let window = window.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(CLOSE_GRACE);
                    let _ = window.destroy();
                });
            }
        })
        .invoke_handler(commands::handler())
}

/// Starts the desktop app.
pub fn run() {
    let dir = store::data_dir(None);
    let state = match open_store(&dir) {
        Ok(store) => AppState::new(store),
        Err(e) => AppState::failed(e),
    }
    .with_dialogs(dialogs::Answers::from_env());
    #[expect(
        clippy::disallowed_methods,
        reason = "tauri::generate_context! expands to code that calls std::process::exit"
    )]
    let context = tauri::generate_context!();
    let result = app(tauri::Builder::default(), state).run(context);
    if let Err(e) = result {
        eprintln!("offerwright-app: {e}");
    }
}
