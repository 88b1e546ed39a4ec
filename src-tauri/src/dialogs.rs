//! The native open, save and folder dialogs, opened by the backend for the
//! core's commands ([`offerwright::api::Dialogs`]).
//!
//! The UI never sees or chooses a path: it asks for an export or an import,
//! and the backend asks the user where. End-to-end tests cannot drive a
//! native GTK dialog through WebDriver, so a build with the `e2e-dialogs`
//! feature (only scripts/test.sh makes one) reads `OFFERWRIGHT_DIALOG_DIR`
//! once at start ([`from_env`]): then a save dialog answers with the
//! suggested file name in that folder, an open dialog with the file named
//! by `OFFERWRIGHT_DIALOG_OPEN` and a folder dialog with the folder named
//! by `OFFERWRIGHT_DIALOG_FOLDER` (else the save folder); everything after
//! the dialog is the real path. Any other build has no such variables:
//! [`from_env`] is always `None`, and the names are not in it.

use std::path::PathBuf;

use offerwright::api::{Dialogs, Preset};
use offerwright::ops::exports::Filter;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// The real dialogs, over the app.
pub struct Native<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> Native<R> {
    /// Dialogs for `app`'s windows.
    pub fn new(app: AppHandle<R>) -> Native<R> {
        Native { app }
    }
}

impl<R: Runtime> Dialogs for Native<R> {
    fn save(&self, title: &str, suggested: &str, filter: Filter) -> Option<PathBuf> {
        self.app
            .dialog()
            .file()
            .set_title(title)
            .set_file_name(suggested)
            .add_filter(filter.name, filter.extensions)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    }

    fn open(&self, title: &str, filter: Filter) -> Option<PathBuf> {
        self.app
            .dialog()
            .file()
            .set_title(title)
            .add_filter(filter.name, filter.extensions)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    }

    fn folder(&self, title: &str) -> Option<PathBuf> {
        self.app
            .dialog()
            .file()
            .set_title(title)
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
    }
}

/// The answers a test harness set in the environment, if any: always none
/// unless the app was built with the `e2e-dialogs` feature.
#[cfg(not(feature = "e2e-dialogs"))]
pub fn from_env() -> Option<Preset> {
    None
}

/// The answers a test harness set in the environment, if any.
#[cfg(feature = "e2e-dialogs")]
pub fn from_env() -> Option<Preset> {
    let dir = std::env::var_os("OFFERWRIGHT_DIALOG_DIR")?;
    Some(Preset {
        save_dir: Some(PathBuf::from(dir)),
        open_file: std::env::var_os("OFFERWRIGHT_DIALOG_OPEN").map(PathBuf::from),
        open_folder: std::env::var_os("OFFERWRIGHT_DIALOG_FOLDER").map(PathBuf::from),
    })
}
