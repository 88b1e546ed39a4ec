//! The local store: one SQLite file in the OS data directory.
//!
//! [`Store::open`] sets the pragmas (WAL, `synchronous=FULL`, foreign keys,
//! a busy timeout), refuses a file that is not an Offerwright store or that a
//! newer Offerwright wrote, and applies the embedded [`migrations`] in one
//! transaction. A new store is given the sample plans in that same
//! transaction.
//!
//! Reads take a `&Connection`, writes a `&Transaction`: the table modules
//! ([`plans`], [`tenders`], [`offers`], [`evidence`], [`contracts`]) hold both; [`Store::write`]
//! runs a closure in one transaction, so that every write is whole or absent.
//! Decimals are stored as TEXT and read back exactly; dates as `YYYY-MM-DD`.
//!
//! Opening an existing store backs it up ([`backup`]): at most once a day,
//! and always before a migration.
//!
//! Every connection runs in SQLite's defensive mode with `trusted_schema`
//! off ([`harden`]): a store's schema cannot call functions with side
//! effects, and no statement can write the schema by hand. The data folder
//! and the store file are for their owner only (0700 and 0600 on Unix):
//! they hold commercially sensitive bids.

pub mod backup;
pub mod contracts;
pub mod evidence;
mod import;
pub mod migrations;
pub mod offers;
pub mod plans;
pub mod settings;
pub mod tenders;
pub mod won;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rust_decimal::Decimal;

pub use import::{ImportedOffer, import_offer, import_plan, start_workshop_offer};
/// The SQLite binding, for callers that hold a connection or transaction.
pub use rusqlite;

use crate::files::FileError;

/// The store file's name inside the data directory.
pub const STORE_FILE: &str = "offerwright.sqlite3";
/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "OFFERWRIGHT_DATA_DIR";
/// How long a write waits for another process holding the store.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store was written by a newer Offerwright.
    #[error(
        "{path} was written by a newer Offerwright (store version {found}; this one knows up to {supported}): it has been left untouched; update Offerwright to open it"
    )]
    Newer {
        /// The store file.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// The file is not an Offerwright store.
    #[error("{path} is not an Offerwright store: {reason}")]
    NotAStore {
        /// The file.
        path: String,
        /// What was found instead.
        reason: String,
    },
    /// The store is in use by another program for longer than the busy timeout.
    #[error(
        "the store is busy: another Offerwright (the app or a command) is writing to it; try again in a moment"
    )]
    Busy,
    /// Nothing with that id.
    #[error("no {what} with the id {id}")]
    NotFound {
        /// "plan", "tender", "offer", "evidence item".
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A change that would break something else in the store.
    #[error("{0}")]
    Conflict(String),
    /// A won offer asked to be deleted without saying so on purpose.
    #[error(
        "offer {offer} was marked as won on {}{}: deleting it deletes its contract and every figure recorded, so it is not deleted unless you say so{}",
        crate::money::uk_date(*awarded_on),
        match records { 0 => String::new(), 1 => " and 1 delivery figure is recorded".to_owned(), n => format!(" and {n} delivery figures are recorded") },
        if *records == 0 { "; or withdraw the award first, then delete it" } else { "" }
    )]
    Won {
        /// The offer's id.
        offer: i64,
        /// The day it was marked as won.
        awarded_on: NaiveDate,
        /// How many delivery records its contract holds.
        records: usize,
    },
    /// The data to write is not valid (same rules as the files).
    #[error(transparent)]
    Invalid(#[from] FileError),
    /// A value in the store that cannot be read back.
    #[error("the store holds a value it cannot read ({0}): restore a backup")]
    Corrupt(String),
    /// The data directory or the store file could not be created or opened.
    #[error("cannot use the data directory {path}: {reason}")]
    Io {
        /// The directory or file.
        path: String,
        /// Why.
        reason: String,
    },
    /// Any other SQLite error.
    #[error("the store failed: {0}")]
    Sqlite(rusqlite::Error),
}

/// SQLite's extended result code for a trigger's `RAISE(ABORT, ...)`.
const CONSTRAINT_TRIGGER: std::ffi::c_int = 1811;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            // A trigger of the schema refused the change: its message is
            // written for people.
            rusqlite::Error::SqliteFailure(f, Some(message))
                if f.extended_code == CONSTRAINT_TRIGGER =>
            {
                StoreError::Conflict(message.clone())
            }
            _ => match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    StoreError::Busy
                }
                _ => StoreError::Sqlite(e),
            },
        }
    }
}

/// The result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The data directory: `explicit` if given, else `$OFFERWRIGHT_DATA_DIR`,
/// else the OS data directory's `Offerwright` folder.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("Offerwright")
}

/// Where the store lives and what wrote it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct StoreInfo {
    /// Offerwright's version.
    pub version: String,
    /// The data directory.
    pub data_dir: String,
    /// The store file.
    pub store_file: String,
    /// The store's schema version.
    pub schema_version: i64,
    /// Why the daily backup could not be made when the store was opened.
    pub backup_warning: Option<String>,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    backup_warning: Option<String>,
}

/// Settings every connection to a store runs with: SQLite's defensive
/// mode (no hand-written schema, no `PRAGMA writable_schema`), and
/// `trusted_schema` off, so that triggers and views of a store cannot call
/// functions with side effects.
pub(crate) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(())
}

/// Makes the folder `dir` if it is missing, for its owner only (0700 on
/// Unix). An existing folder keeps its mode: it may be one the user chose
/// and shares.
pub(crate) fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Makes `file` readable and writable by its owner only (0600 on Unix),
/// creating it empty if it is missing.
pub(crate) fn private_file(file: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        options.mode(0o600);
        let f = options.open(file)?;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    options.open(file).map(drop)?;
    Ok(())
}

/// Reads every plan, tender, offer, contract and evidence item through the
/// table modules: `Ok` when all of the store's data can be read back.
pub(crate) fn read_everything(conn: &Connection) -> Result<()> {
    for p in plans::list(conn)? {
        plans::get(conn, &p.id)?;
    }
    for t in tenders::list(conn)? {
        tenders::get(conn, t.id)?;
    }
    for o in offers::list(conn)? {
        offers::document(conn, o.id)?;
        contracts::find(conn, o.id)?;
    }
    evidence::list(conn)?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the store in the data directory `dir`.
    pub fn open_dir(dir: &Path) -> Result<Store> {
        private_dir(dir).map_err(|e| StoreError::Io {
            path: dir.display().to_string(),
            reason: crate::files::io_reason(&e),
        })?;
        Store::open(&dir.join(STORE_FILE))
    }

    /// Opens (creating if needed) the store file at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, true)
    }

    /// Opens a store without backing it up: a restore's temporary copy.
    pub(crate) fn open_unbacked(path: &Path) -> Result<Store> {
        Store::open_with(path, false)
    }

    fn open_with(path: &Path, backups: bool) -> Result<Store> {
        let shown = path.display().to_string();
        let io = |e: std::io::Error| StoreError::Io {
            path: shown.clone(),
            reason: crate::files::io_reason(&e),
        };
        // A new store is made for its owner only (SQLite gives its -wal and
        // -shm files the same mode).
        if !path.exists() {
            private_file(path).map_err(io)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::Io {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        harden(&conn)?;
        // Read what the file is before changing anything in it.
        let (version, app_id, tables) = match identify(&conn) {
            Ok(found) => found,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                return Err(StoreError::NotAStore {
                    path: shown,
                    reason: "it is not an SQLite database".to_owned(),
                });
            }
            Err(e) => return Err(e.into()),
        };
        let latest = latest_version();
        if version > 0 && app_id != migrations::APPLICATION_ID {
            return Err(StoreError::NotAStore {
                path: shown,
                reason: "it is an SQLite database of another program".to_owned(),
            });
        }
        if version == 0 && tables > 0 {
            return Err(StoreError::NotAStore {
                path: shown,
                reason: "it is an SQLite database of another program".to_owned(),
            });
        }
        if version > latest {
            return Err(StoreError::Newer {
                path: shown,
                found: version,
                supported: latest,
            });
        }
        // An existing store is brought to its owner only too (earlier
        // versions left it to the umask), once it is known to be ours.
        for side in ["", "-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(side);
            let file = PathBuf::from(name);
            if file.exists() {
                private_file(&file).map_err(io)?;
            }
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            backup_warning: None,
        };
        if backups && version > 0 && version < latest {
            // Never upgrade a store without a copy of it as it was.
            backup::back_up(&store, backup::BackupKind::BeforeMigration).map_err(|e| match e {
                StoreError::Busy => StoreError::Busy,
                e => StoreError::Io {
                    path: backup::backup_dir(path).display().to_string(),
                    reason: format!(
                        "the store was not upgraded, because it could not be backed up first ({e}); it is left as it was"
                    ),
                },
            })?;
        }
        if version < latest {
            store.migrate(version)?;
        } else if backups {
            // A failed daily backup must not keep the user from their work.
            store.backup_warning = backup::daily(&store)
                .err()
                .map(|e| format!("the daily backup of the store could not be made: {e}"));
        }
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while this one waited.
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for sql in migrations::MIGRATIONS
            .iter()
            .skip(usize::try_from(now).unwrap_or(0))
        {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "application_id", migrations::APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", latest_version())?;
        if from == 0 && now == 0 {
            plans::add_samples(&tx)?;
            // A new store has had no first run.
            tx.execute(
                "DELETE FROM settings WHERE key = ?1",
                [settings::DEMO_GIVEN],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Where the store lives, for people who want to see or back it up.
    pub fn info(&self) -> StoreInfo {
        StoreInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self
                .path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            store_file: self.path.display().to_string(),
            schema_version: latest_version(),
            backup_warning: self.backup_warning.clone(),
        }
    }

    /// Why the daily backup on open could not be made, if it could not:
    /// the store works, but the user should be told.
    pub fn backup_warning(&self) -> Option<&str> {
        self.backup_warning.as_deref()
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one write transaction: committed if it returns `Ok`,
    /// rolled back otherwise. The transaction takes the write lock at once,
    /// so that a busy store is reported before any work is done.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

fn identify(conn: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((version, app_id, tables))
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    i64::try_from(migrations::MIGRATIONS.len()).unwrap_or(i64::MAX)
}

/// The current time, as stored: RFC 3339 UTC to the second.
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A list index as stored in a `position` column.
pub(crate) fn position(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX)
}

pub(crate) fn dec_out(d: Option<Decimal>) -> Option<String> {
    d.map(|d| d.to_string())
}

pub(crate) fn dec_in(s: Option<String>) -> Result<Option<Decimal>> {
    s.map(|s| dec_req(&s)).transpose()
}

pub(crate) fn dec_req(s: &str) -> Result<Decimal> {
    Decimal::from_str_exact(s).map_err(|_| StoreError::Corrupt(format!("decimal {s:?}")))
}

pub(crate) fn date_out(d: Option<NaiveDate>) -> Option<String> {
    d.map(crate::domain::fields::format_date)
}

pub(crate) fn date_in(s: Option<String>) -> Result<Option<NaiveDate>> {
    s.map(|s| date_req(&s)).transpose()
}

pub(crate) fn date_req(s: &str) -> Result<NaiveDate> {
    crate::domain::fields::parse_date(s).map_err(|_| StoreError::Corrupt(format!("date {s:?}")))
}

pub(crate) fn list_out(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

pub(crate) fn list_in(s: &str) -> Result<Vec<String>> {
    serde_json::from_str(s).map_err(|_| StoreError::Corrupt(format!("list {s:?}")))
}

/// Maps "no row" to [`StoreError::NotFound`].
pub(crate) fn found<T>(r: rusqlite::Result<T>, what: &'static str, id: impl ToString) -> Result<T> {
    match r {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound {
            what,
            id: id.to_string(),
        }),
        other => Ok(other?),
    }
}
