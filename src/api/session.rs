//! A UI's session: the one store behind a lock (or why it could not be
//! opened, so that the recovery commands still work), the workshop of this
//! session, the dialogs that ask the user where, and the clock.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, Transaction};

use crate::domain::Workshop;
use crate::error::{ErrorCode, StoreStatus, UserError};
use crate::ops::exports::Filter;
use crate::store::backup::{self, Restored};
use crate::store::{self, STORE_FILE, Store};
use crate::workshop::Collected;

/// How the session asks the user where a file goes or comes from. The app
/// shows native dialogs; tests and the test server answer from presets.
pub trait Dialogs: Send + Sync {
    /// Where to save a file suggested as `suggested`; `None` when cancelled.
    fn save(&self, title: &str, suggested: &str, filter: Filter) -> Option<PathBuf>;
    /// Which file to open; `None` when cancelled.
    fn open(&self, title: &str, filter: Filter) -> Option<PathBuf>;
    /// Which folder to use; `None` when cancelled.
    fn folder(&self, title: &str) -> Option<PathBuf>;
}

/// Dialogs answered in advance: a save goes to `save_dir` under the
/// suggested name, an open gives `open_file`, a folder `open_folder` (else
/// `save_dir`); a missing answer is a cancelled dialog.
#[derive(Debug, Clone, Default)]
pub struct Preset {
    /// Save dialogs answer with the suggested name in this folder.
    pub save_dir: Option<PathBuf>,
    /// Open dialogs answer with this file.
    pub open_file: Option<PathBuf>,
    /// Folder dialogs answer with this folder (else `save_dir`).
    pub open_folder: Option<PathBuf>,
}

impl Dialogs for Preset {
    fn save(&self, _title: &str, suggested: &str, _filter: Filter) -> Option<PathBuf> {
        self.save_dir.as_ref().map(|d| d.join(suggested))
    }
    fn open(&self, _title: &str, _filter: Filter) -> Option<PathBuf> {
        self.open_file.clone()
    }
    fn folder(&self, _title: &str) -> Option<PathBuf> {
        self.open_folder.clone().or_else(|| self.save_dir.clone())
    }
}

/// The store, or why it is not open.
enum Slot {
    Open(Store),
    Failed(UserError),
}

/// The workshop of this session: the pack open, the offers collected
/// against it, and which offers were started from which pack.
#[derive(Default)]
pub(crate) struct WorkshopSession {
    pub(crate) pack: Option<Workshop>,
    pub(crate) collected: Option<Collected>,
    pub(crate) started: HashMap<i64, Workshop>,
}

/// A UI's session over one store.
pub struct Session {
    slot: Mutex<Slot>,
    file: PathBuf,
    ws: Mutex<WorkshopSession>,
    dialogs: Box<dyn Dialogs>,
    clock: Clock,
}

/// The session's clock: the moment now, in the user's own offset (the
/// faces read the system's; tests give a fixed one).
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock leaves SQLite consistent (the
    // transaction rolls back), so the state is still safe to use.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Opens the store in `dir` as the app does: on its first run, with the
/// demo offer ([`crate::ops::demo::first_run`]).
fn open_for_app(dir: &Path) -> Result<Store, UserError> {
    let mut store = Store::open_dir(dir)?;
    crate::ops::demo::first_run(&mut store)?;
    Ok(store)
}

impl Session {
    /// A session on the store in the data folder `dir`, opened as the app
    /// opens it (the demo on a first run); a store that cannot be opened
    /// gives a session whose recovery commands work.
    pub fn open(dir: &Path, dialogs: Box<dyn Dialogs>, clock: Clock) -> Session {
        let slot = match open_for_app(dir) {
            Ok(store) => Slot::Open(store),
            Err(e) => Slot::Failed(e),
        };
        Session {
            slot: Mutex::new(slot),
            file: dir.join(STORE_FILE),
            ws: Mutex::new(WorkshopSession::default()),
            dialogs,
            clock,
        }
    }

    /// Today, by the session's clock.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// Now, by the session's clock, in the user's offset.
    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// The dialogs.
    pub fn dialogs(&self) -> &dyn Dialogs {
        self.dialogs.as_ref()
    }

    /// The store file, open or not.
    pub fn store_file(&self) -> &Path {
        &self.file
    }

    /// Whether the store is open, and if not, why.
    pub fn status(&self) -> StoreStatus {
        StoreStatus {
            store_file: self.file.display().to_string(),
            problem: match &*lock(&self.slot) {
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
        self.with(|s| f(s).map_err(UserError::from))
    }

    /// Runs `f` with the whole store, for operations that answer in the
    /// user's terms already.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, UserError>,
    ) -> Result<T, UserError> {
        match &mut *lock(&self.slot) {
            Slot::Open(store) => f(store),
            Slot::Failed(e) => Err(e.clone()),
        }
    }

    /// Restores the backup `from` over the store, then opens it, so that
    /// every later command reads the restored data. Works on a store that
    /// could not be opened too (it is set aside, never deleted). The lock
    /// is held throughout: no command writes while the store is replaced.
    pub fn restore(&self, from: &Path) -> Result<Restored, UserError> {
        let mut slot = lock(&self.slot);
        // The session's own connection is closed first.
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
    /// busy, or the user may have put a file back).
    pub fn reopen(&self) -> StoreStatus {
        {
            let mut slot = lock(&self.slot);
            if let Slot::Failed(_) = &*slot {
                let dir = self.file.parent().unwrap_or_else(|| Path::new("."));
                *slot = match open_for_app(dir) {
                    Ok(store) => Slot::Open(store),
                    Err(e) => Slot::Failed(e),
                };
            }
        }
        self.status()
    }

    /// Moves a store that cannot be opened into the backups folder,
    /// untouched, and starts a new empty store in its place; where the old
    /// one went.
    pub fn start_afresh(&self) -> Result<String, UserError> {
        let mut slot = lock(&self.slot);
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

    pub(crate) fn workshop(&self) -> MutexGuard<'_, WorkshopSession> {
        lock(&self.ws)
    }
}
