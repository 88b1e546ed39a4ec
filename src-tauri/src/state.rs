//! The app's state: the one store, behind a lock, or why it could not be
//! opened and where it is, so that the UI can offer a recovery.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use offerwright::error::{ErrorCode, StoreStatus, UserError};
use offerwright::store::backup::{self, Restored};
use offerwright::store::rusqlite::{Connection, Transaction};
use offerwright::store::{self, Store};

use crate::dialogs::Answers;

/// The store, or why it is not open.
enum Slot {
    Open(Store),
    Failed(UserError),
}

/// The store the app opened at start, or why it could not be opened.
pub struct AppState {
    slot: Mutex<Slot>,
    file: PathBuf,
    /// Pre-set dialog answers (test harnesses only).
    pub dialogs: Answers,
    /// When the app started.
    pub started: Instant,
}

impl AppState {
    /// State over an open store.
    pub fn new(store: Store) -> AppState {
        AppState {
            file: store.path().to_path_buf(),
            slot: Mutex::new(Slot::Open(store)),
            dialogs: Answers::default(),
            started: Instant::now(),
        }
    }

    /// State for an app whose store `file` could not be opened: every
    /// command on the store answers with the reason, and the recovery
    /// commands (list and restore backups, set the store aside) work.
    pub fn failed(file: PathBuf, error: UserError) -> AppState {
        AppState {
            file,
            slot: Mutex::new(Slot::Failed(error)),
            dialogs: Answers::default(),
            started: Instant::now(),
        }
    }

    /// The same state with pre-set dialog answers.
    pub fn with_dialogs(mut self, answers: Answers) -> AppState {
        self.dialogs = answers;
        self
    }

    /// The store file, open or not.
    pub fn store_file(&self) -> &Path {
        &self.file
    }

    fn slot(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock leaves SQLite consistent (the
        // transaction rolls back), so the store is still safe to use.
        self.slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether the store is open, and if not, why.
    pub fn status(&self) -> StoreStatus {
        StoreStatus {
            store_file: self.file.display().to_string(),
            problem: match &*self.slot() {
                Slot::Open(_) => None,
                Slot::Failed(e) => Some(e.clone()),
            },
        }
    }

    /// Runs a read.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> store::Result<T>) -> Result<T, UserError> {
        self.with_store(|s| f(s.conn()))
    }

    /// Runs a write in one transaction.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&Transaction) -> store::Result<T>,
    ) -> Result<T, UserError> {
        self.with_store(|s| s.write(f))
    }

    /// Runs `f` with the whole store (imports, the demo).
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> store::Result<T>,
    ) -> Result<T, UserError> {
        match &mut *self.slot() {
            Slot::Open(store) => Ok(f(store)?),
            Slot::Failed(e) => Err(e.clone()),
        }
    }

    /// Restores the backup `from` over the store, then opens it, so that
    /// every later command reads the restored data. Works on a store that
    /// could not be opened too (it is set aside, never deleted). The lock
    /// is held throughout: no command writes while the store is replaced.
    pub fn restore(&self, from: &Path) -> Result<Restored, UserError> {
        let mut slot = self.slot();
        // The store's own connection is closed first, so that the restore
        // opens it afresh.
        *slot = Slot::Failed(UserError::new(
            ErrorCode::Busy,
            "the store is being restored",
        ));
        let restored = backup::restore(&self.file, from);
        *slot = match Store::open(&self.file) {
            Ok(store) => Slot::Open(store),
            Err(e) => Slot::Failed(e.into()),
        };
        Ok(restored?)
    }

    /// Tries to open a store that could not be opened (it may have been
    /// busy, or the user may have moved a file back).
    pub fn reopen(&self) -> StoreStatus {
        {
            let mut slot = self.slot();
            if let Slot::Failed(_) = &*slot {
                let dir = self.file.parent().unwrap_or_else(|| Path::new("."));
                *slot = match crate::open_store(dir) {
                    Ok(store) => Slot::Open(store),
                    Err(e) => Slot::Failed(e),
                };
            }
        }
        self.status()
    }

    /// Moves a store that cannot be opened into the backups folder,
    /// untouched, and starts a new empty store in its place. Returns where
    /// the old one went.
    pub fn set_aside_and_start_afresh(&self) -> Result<String, UserError> {
        let mut slot = self.slot();
        if let Slot::Open(_) = &*slot {
            return Err(UserError::new(
                ErrorCode::Conflict,
                "the store opens: there is nothing to set aside",
            ));
        }
        let aside = backup::set_aside(&self.file)?;
        *slot = match Store::open(&self.file) {
            Ok(store) => Slot::Open(store),
            Err(e) => Slot::Failed(e.into()),
        };
        Ok(aside.display().to_string())
    }
}
