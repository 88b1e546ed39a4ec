//! Native open and save dialogs, opened by the backend.
//!
//! The UI never sees or chooses a path: it asks for an export or an import,
//! and the backend asks the user where. End-to-end tests cannot drive a
//! native GTK dialog through WebDriver, so a build with the `e2e-dialogs`
//! feature (only scripts/test.sh makes one) reads `OFFERWRIGHT_DIALOG_DIR`
//! once at start into [`Answers`]: then a save dialog answers with the
//! suggested file name in that folder, an open dialog with the file named
//! by `OFFERWRIGHT_DIALOG_OPEN` and a folder dialog with the folder named
//! by `OFFERWRIGHT_DIALOG_FOLDER` (else the save folder); everything after
//! the dialog is the real path. Any other build has no such variables: its
//! [`Answers::from_env`] is always empty, and the names are not in it.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Pre-set answers to the dialogs, for test harnesses; empty in normal use.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    /// Save dialogs answer with the suggested name in this folder.
    pub save_dir: Option<PathBuf>,
    /// Open dialogs answer with this file.
    pub open_file: Option<PathBuf>,
    /// Folder dialogs answer with this folder (else `save_dir`).
    pub open_folder: Option<PathBuf>,
}

impl Answers {
    /// The answers a test harness set in the environment, if any: always
    /// none unless the app was built with the `e2e-dialogs` feature.
    #[cfg(not(feature = "e2e-dialogs"))]
    pub fn from_env() -> Answers {
        Answers::default()
    }

    /// The answers a test harness set in the environment, if any.
    #[cfg(feature = "e2e-dialogs")]
    pub fn from_env() -> Answers {
        match std::env::var_os(DIALOG_DIR_ENV) {
            Some(dir) => Answers {
                save_dir: Some(PathBuf::from(dir)),
                open_file: std::env::var_os(DIALOG_OPEN_ENV).map(PathBuf::from),
                open_folder: std::env::var_os(DIALOG_FOLDER_ENV).map(PathBuf::from),
            },
            None => Answers::default(),
        }
    }

    fn preset(&self) -> bool {
        self.save_dir.is_some()
    }
}

/// The folder a test harness answers save dialogs with.
#[cfg(feature = "e2e-dialogs")]
const DIALOG_DIR_ENV: &str = "OFFERWRIGHT_DIALOG_DIR";
/// The file a test harness answers open dialogs with.
#[cfg(feature = "e2e-dialogs")]
const DIALOG_OPEN_ENV: &str = "OFFERWRIGHT_DIALOG_OPEN";
/// The folder a test harness answers folder dialogs with.
#[cfg(feature = "e2e-dialogs")]
const DIALOG_FOLDER_ENV: &str = "OFFERWRIGHT_DIALOG_FOLDER";

/// Asks where to save a file; `None` when the user cancels.
pub fn save<R: Runtime>(
    app: &AppHandle<R>,
    answers: &Answers,
    title: &str,
    suggested: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(dir) = &answers.save_dir {
        return Some(dir.join(suggested));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks which file to open; `None` when the user cancels.
pub fn open<R: Runtime>(
    app: &AppHandle<R>,
    answers: &Answers,
    title: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if answers.preset() {
        return answers.open_file.clone();
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks which folder to use; `None` when the user cancels.
pub fn folder<R: Runtime>(app: &AppHandle<R>, answers: &Answers, title: &str) -> Option<PathBuf> {
    if answers.preset() {
        return answers
            .open_folder
            .clone()
            .or_else(|| answers.save_dir.clone());
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}
