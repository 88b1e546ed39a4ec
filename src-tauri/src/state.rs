//! The app's state: the one open store, behind a lock.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use offerwright::error::UserError;
use offerwright::store::backup::{self, Restored};
use offerwright::store::rusqlite::{Connection, Transaction};
use offerwright::store::{self, Store};

use crate::dialogs::Answers;

/// The store the app opened at start, or why it could not be opened.
pub struct AppState {
    store: Result<Mutex<Store>, UserError>,
    /// Pre-set dialog answers (test harnesses only).
    pub dialogs: Answers,
    /// When the app started.
    pub started: Instant,
}

impl AppState {
    /// State over an open store.
    pub fn new(store: Store) -> AppState {
        AppState {
            store: Ok(Mutex::new(store)),
            dialogs: Answers::default(),
            started: Instant::now(),
        }
    }

    /// State for an app whose store could not be opened: every command
    /// answers with the reason, so the UI can show it.
    pub fn failed(error: UserError) -> AppState {
        AppState {
            store: Err(error),
            dialogs: Answers::default(),
            started: Instant::now(),
        }
    }

    /// The same state with pre-set dialog answers.
    pub fn with_dialogs(mut self, answers: Answers) -> AppState {
        self.dialogs = answers;
        self
    }

    fn lock(&self) -> Result<MutexGuard<'_, Store>, UserError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock leaves SQLite consistent (the
        // transaction rolls back), so the store is still safe to use.
        Ok(store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Runs a read.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> store::Result<T>) -> Result<T, UserError> {
        let store = self.lock()?;
        Ok(f(store.conn())?)
    }

    /// Runs a write in one transaction.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&Transaction) -> store::Result<T>,
    ) -> Result<T, UserError> {
        let mut store = self.lock()?;
        Ok(store.write(f)?)
    }

    /// Restores the backup `from` over the store, then reopens the store so
    /// that every later command reads the restored data. The lock is held
    /// throughout: no command writes to the store while it is replaced.
    pub fn restore(&self, from: &Path) -> Result<Restored, UserError> {
        let mut store = self.lock()?;
        let file = store.path().to_path_buf();
        let restored = backup::restore(&file, from)?;
        *store = Store::open(&file)?;
        Ok(restored)
    }

    /// Runs `f` with the whole store (imports, the demo).
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> store::Result<T>,
    ) -> Result<T, UserError> {
        let mut store = self.lock()?;
        Ok(f(&mut store)?)
    }
}
