//! Backups of the store with SQLite's online backup API, in a `backups/`
//! folder beside the store file.
//!
//! - [`Store::open`] makes one on start at most once a day
//!   ([`BackupKind::Daily`]) and always before a migration
//!   ([`BackupKind::BeforeMigration`]: if it cannot be made, the store is
//!   not upgraded);
//! - [`back_up`] makes one on demand, [`back_up_to`] writes one to a file of
//!   the user's choosing, [`list_backups`] lists them for the Settings
//!   screen, newest first;
//! - [`restore`] checks that a file is an Offerwright store, backs up the
//!   current store first, then copies the backup into it.
//!
//! A backup is a whole, self-contained SQLite file (no `-wal` beside it),
//! checked with `PRAGMA quick_check`, synced, then renamed into place: a
//! backup that is listed is complete. The newest [`KEEP`] backups in the
//! folder are kept; older ones are deleted after each new one. Files are
//! named `offerwright-YYYY-MM-DD-HHMMSS-<kind>.sqlite3` (UTC), so that they
//! sort by date in a file manager too.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::{NaiveDateTime, Timelike as _, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::{BUSY_TIMEOUT, Result, Store, StoreError, identify, latest_version, migrations};
use crate::files::{self, FileError, io_reason};

/// The folder beside the store file that holds its backups.
pub const BACKUP_DIR: &str = "backups";
/// How many backups the folder keeps.
pub const KEEP: usize = 14;

const PREFIX: &str = "offerwright-";
const SUFFIX: &str = ".sqlite3";
const PARTIAL: &str = ".partial";
/// `YYYY-MM-DD-HHMMSS`.
const STAMP: &str = "%Y-%m-%d-%H%M%S";
const STAMP_LEN: usize = 17;
/// The page size of a new store (SQLite's default).
const DEFAULT_PAGE_SIZE: i64 = 4096;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The first start of the day.
    Daily,
    /// Before the store was upgraded to a new schema version.
    BeforeMigration,
    /// Asked for (`offerwright backup`, or the Settings screen).
    Manual,
    /// The store as it was before a backup was restored over it.
    BeforeRestore,
}

impl BackupKind {
    const ALL: [BackupKind; 4] = [
        BackupKind::Daily,
        BackupKind::BeforeMigration,
        BackupKind::Manual,
        BackupKind::BeforeRestore,
    ];

    /// The kind as it appears in a file name.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
        }
    }
}

/// A backup in the `backups/` folder (or one written elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupRecord {
    /// The backup file.
    pub path: String,
    /// Its name, e.g. `offerwright-2026-05-01-093000-daily.sqlite3`.
    pub file_name: String,
    /// When it was made, RFC 3339 UTC to the second.
    pub date: String,
    /// Its size in bytes.
    pub size: u64,
    /// Why it was made.
    pub kind: BackupKind,
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Restored {
    /// The backup restored.
    pub from: String,
    /// The schema version of the backup (older ones were upgraded).
    pub schema_version: i64,
    /// The backup of the store as it was just before, to undo the restore.
    pub previous: Option<BackupRecord>,
    /// Where a store that could not be opened was moved, untouched.
    pub set_aside: Option<String>,
}

/// The `backups/` folder of the store file `store_file`.
pub fn backup_dir(store_file: &Path) -> PathBuf {
    store_file
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR)
}

fn write_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Invalid(files::cannot_write(path, e))
}

fn read_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Invalid(FileError::Read(format!(
        "cannot read {}: {}",
        path.display(),
        io_reason(e)
    )))
}

/// A backup file name's date and kind, if it is one of ours.
fn parse_name(name: &str) -> Option<(NaiveDateTime, BackupKind, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let stamp = rest.get(..STAMP_LEN)?;
    let date = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let tail = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    let kind = BackupKind::ALL
        .into_iter()
        .find(|k| tail.starts_with(k.as_str()))?;
    let seq = match &tail[kind.as_str().len()..] {
        "" => 1,
        more => more.strip_prefix('-')?.parse().ok()?,
    };
    Some((date, kind, seq))
}

fn rfc3339(date: NaiveDateTime) -> String {
    date.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The backups of the store file `store_file`, newest first. A missing
/// folder is no backups.
pub fn list_backups(store_file: &Path) -> Result<Vec<BackupRecord>> {
    let dir = backup_dir(store_file);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(read_error(&dir, &e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| read_error(&dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((date, kind, seq)) = parse_name(&name) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        found.push((
            (date, seq),
            BackupRecord {
                path: entry.path().display().to_string(),
                file_name: name,
                date: rfc3339(date),
                size: meta.len(),
                kind,
            },
        ));
    }
    found.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.file_name.cmp(&a.1.file_name))
    });
    Ok(found.into_iter().map(|(_, r)| r).collect())
}

/// Backs up the store into its `backups/` folder, then deletes the oldest
/// beyond [`KEEP`].
pub fn back_up(store: &Store, kind: BackupKind) -> Result<BackupRecord> {
    let record = back_up_unpruned(store, kind)?;
    prune(store.path())?;
    Ok(record)
}

fn back_up_unpruned(store: &Store, kind: BackupKind) -> Result<BackupRecord> {
    let dir = backup_dir(store.path());
    fs::create_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
    let now = Utc::now().naive_utc();
    let now = now.with_nanosecond(0).unwrap_or(now);
    let stamp = now.format(STAMP).to_string();
    // Several backups in one second are numbered after the newest of that
    // second, so that names keep the order they were made in.
    let mut seq = 1 + fs::read_dir(&dir)
        .map_err(|e| read_error(&dir, &e))?
        .flatten()
        .filter_map(|e| parse_name(&e.file_name().to_string_lossy()))
        .filter(|(date, _, _)| *date == now)
        .map(|(_, _, seq)| seq)
        .max()
        .unwrap_or(0);
    let target = loop {
        let name = if seq == 1 {
            format!("{PREFIX}{stamp}-{}{SUFFIX}", kind.as_str())
        } else {
            format!("{PREFIX}{stamp}-{}-{seq}{SUFFIX}", kind.as_str())
        };
        let path = dir.join(name);
        if !path.exists() {
            break path;
        }
        seq += 1;
    };
    let size = write_copy(store.conn(), &target)?;
    Ok(BackupRecord {
        path: target.display().to_string(),
        file_name: target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        date: rfc3339(now),
        size,
        kind,
    })
}

/// Writes a backup of the store to `target`, a file of the user's choosing
/// (not pruned, not listed unless it is in the `backups/` folder). An
/// existing file is refused rather than replaced.
pub fn back_up_to(store: &Store, target: &Path) -> Result<BackupRecord> {
    if target.exists() {
        return Err(StoreError::Conflict(format!(
            "{} already exists: choose another file name, or move that file away first",
            target.display()
        )));
    }
    let now = Utc::now().naive_utc();
    let size = write_copy(store.conn(), target)?;
    Ok(BackupRecord {
        path: target.display().to_string(),
        file_name: target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        date: rfc3339(now),
        size,
        kind: BackupKind::Manual,
    })
}

/// The daily backup: made unless the folder already holds one from today
/// (UTC). Returns the new backup, if one was made.
pub(crate) fn daily(store: &Store) -> Result<Option<BackupRecord>> {
    let today = Utc::now().format("%Y-%m-%d").to_string();
    if list_backups(store.path())?
        .iter()
        .any(|b| b.date.starts_with(&today))
    {
        return Ok(None);
    }
    back_up(store, BackupKind::Daily).map(Some)
}

/// Deletes the backups beyond the newest [`KEEP`], and copies left half
/// written by a backup that was interrupted more than an hour ago. A file
/// that cannot be deleted is left for the next time: the new backup is made.
fn prune(store_file: &Path) -> Result<()> {
    for old in list_backups(store_file)?.iter().skip(KEEP) {
        let _ = fs::remove_file(&old.path);
    }
    let dir = backup_dir(store_file);
    if let Ok(entries) = fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > Duration::from_secs(3600));
            if name.starts_with('.') && name.ends_with(PARTIAL) && stale {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

/// Copies the database of `from` into a new file at `target`: through a
/// hidden partial file beside it, checked, synced, then renamed. Returns
/// the size written.
fn write_copy(from: &Connection, target: &Path) -> Result<u64> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".to_owned());
    let partial = dir.join(format!(".{name}{PARTIAL}"));
    let result = write_partial(from, &partial).and_then(|()| {
        fs::rename(&partial, target).map_err(|e| write_error(target, &e))?;
        // Make the rename itself durable (a directory cannot be opened
        // on every system; the file's own data is synced already).
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        let size = fs::metadata(target)
            .map_err(|e| read_error(target, &e))?
            .len();
        Ok(size)
    });
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result
}

fn write_partial(from: &Connection, partial: &Path) -> Result<()> {
    match fs::remove_file(partial) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(write_error(partial, &e)),
    }
    let mut to = Connection::open(partial).map_err(|e| {
        StoreError::Invalid(FileError::Read(format!(
            "cannot write {}: {e}; nothing was changed there",
            partial.display()
        )))
    })?;
    copy(from, &mut to)?;
    drop(to);
    // The copy carries the store's header, which asks for WAL; a backup is
    // one self-contained file, so reopen it and switch to a rollback journal.
    let to = Connection::open(partial)?;
    to.pragma_update(None, "journal_mode", "DELETE")?;
    let check: String = to.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Corrupt(format!(
            "the backup copy failed its check: {check}"
        )));
    }
    to.close().map_err(|(_, e)| StoreError::from(e))?;
    let file = fs::File::open(partial).map_err(|e| write_error(partial, &e))?;
    file.sync_all().map_err(|e| write_error(partial, &e))?;
    Ok(())
}

/// Copies every page of `from` into `to` in one step, waiting for locks up
/// to the busy timeout.
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => {
                if Instant::now() >= deadline {
                    return Err(StoreError::Busy);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// Opens `file` read-only and checks that it is a whole Offerwright store
/// this build can open. Returns its schema version.
pub fn check_backup(file: &Path) -> Result<i64> {
    let shown = file.display().to_string();
    let not_a_store = |reason: &str| StoreError::NotAStore {
        path: shown.clone(),
        reason: reason.to_owned(),
    };
    let meta = fs::metadata(file).map_err(|e| read_error(file, &e))?;
    if !meta.is_file() {
        return Err(not_a_store("it is a folder, not a file"));
    }
    let conn = open_read_only(file)?;
    let damaged = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_a_store("it is not an SQLite database"),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            not_a_store("it is damaged (SQLite cannot read it); choose another backup")
        }
        _ => StoreError::from(e),
    };
    let (version, app_id, tables) = identify(&conn).map_err(damaged)?;
    if app_id != migrations::APPLICATION_ID || version == 0 {
        return Err(not_a_store(if tables == 0 && version == 0 {
            "it is an empty SQLite database"
        } else {
            "it is an SQLite database of another program"
        }));
    }
    if version > latest_version() {
        return Err(StoreError::Newer {
            path: shown,
            found: version,
            supported: latest_version(),
        });
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(damaged)?;
    if check != "ok" {
        return Err(not_a_store(&format!(
            "it is damaged (SQLite's integrity check says: {check}); choose another backup"
        )));
    }
    Ok(version)
}

fn open_read_only(file: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| {
        StoreError::Invalid(FileError::Read(format!(
            "cannot read {}: {e}",
            file.display()
        )))
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Restores the backup `from` into the store file `store_file`.
///
/// `from` is checked first (an Offerwright store, not newer than this build,
/// not damaged) and refused otherwise, with the store untouched. The current
/// store is then backed up ([`BackupKind::BeforeRestore`]); a store that
/// cannot be opened at all is moved into the `backups/` folder instead
/// (`damaged-...`), never deleted. The backup is copied into the store in
/// one transaction, so that another Offerwright with the store open sees
/// either all of the old data or all of the restored data; an older backup
/// is then upgraded as on open.
pub fn restore(store_file: &Path, from: &Path) -> Result<Restored> {
    let schema_version = check_backup(from)?;
    if let (Ok(a), Ok(b)) = (fs::canonicalize(from), fs::canonicalize(store_file))
        && a == b
    {
        return Err(StoreError::Conflict(format!(
            "{} is the store itself: choose a backup to restore",
            from.display()
        )));
    }
    let source = open_read_only(from)?;
    // The backup API cannot change the page size of a store in WAL mode:
    // find out before anything is changed. A store that cannot be read
    // will be a new one, of SQLite's default page size.
    let page_size = |c: &Connection| -> rusqlite::Result<i64> {
        c.pragma_query_value(None, "page_size", |r| r.get(0))
    };
    let theirs = page_size(&source)?;
    let ours = open_read_only(store_file)
        .ok()
        .and_then(|c| page_size(&c).ok())
        .unwrap_or(DEFAULT_PAGE_SIZE);
    if theirs != ours {
        return Err(StoreError::Conflict(format!(
            "{} uses SQLite pages of {theirs} bytes and the store {ours}: it cannot be restored in place; the store is unchanged",
            from.display()
        )));
    }
    if let Some(dir) = store_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Restoring onto a new computer: there may be no data folder yet.
        fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
    }
    let (mut store, previous, set_aside) = match Store::open(store_file) {
        Ok(store) => {
            let previous = back_up_unpruned(&store, BackupKind::BeforeRestore)?;
            (store, Some(previous), None)
        }
        Err(e @ (StoreError::Newer { .. } | StoreError::Busy | StoreError::Io { .. })) => {
            return Err(e);
        }
        Err(_) => {
            let aside = set_aside_damaged(store_file)?;
            (Store::open(store_file)?, None, Some(aside))
        }
    };
    copy(&source, &mut store.conn)?;
    drop(source);
    drop(store);
    // Upgrades an older backup (with its own backup first) and checks it.
    let store = Store::open(store_file)?;
    drop(store);
    prune(store_file)?;
    Ok(Restored {
        from: from.display().to_string(),
        schema_version,
        previous,
        set_aside: set_aside.map(|p| p.display().to_string()),
    })
}

/// Moves a store file that cannot be opened (and its `-wal` and `-shm`)
/// into the `backups/` folder as `damaged-<date>.sqlite3`.
fn set_aside_damaged(store_file: &Path) -> Result<PathBuf> {
    let dir = backup_dir(store_file);
    fs::create_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
    let stamp = Utc::now().format(STAMP).to_string();
    let target = dir.join(format!("damaged-{stamp}{SUFFIX}"));
    let with_suffix = |p: &Path, s: &str| {
        let mut name = p.as_os_str().to_owned();
        name.push(s);
        PathBuf::from(name)
    };
    for suffix in ["-wal", "-shm"] {
        let side = with_suffix(store_file, suffix);
        if side.exists() {
            let to = with_suffix(&target, suffix);
            fs::rename(&side, &to).map_err(|e| write_error(&side, &e))?;
        }
    }
    fs::rename(store_file, &target).map_err(|e| write_error(store_file, &e))?;
    Ok(target)
}
