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
//! - [`restore`] restores only an Offerwright store: its schema must be
//!   exactly the one the migrations build for its version
//!   ([`check_backup`]). The backup is copied to a temporary store beside
//!   the store, upgraded and read back whole there; only then is the
//!   current store backed up and the checked copy written over it, in one
//!   transaction.
//!
//! A backup is a whole, self-contained SQLite file (no `-wal` beside it),
//! checked with `PRAGMA quick_check`, synced, then renamed into place: a
//! backup that is listed is complete. Each kind keeps its own newest
//! backups ([`BackupKind::keep`]), so fourteen clicks of "Back up now"
//! never evict a daily backup, and the backup a restore or a deletion has
//! just made is never pruned, whatever the clock says. Files are named
//! `offerwright-YYYY-MM-DD-HHMMSS-<kind>.sqlite3` (UTC), so that they sort
//! by date in a file manager too; they and their folder are readable by
//! their owner only. A store that could not be opened is moved aside as
//! `damaged-YYYY-MM-DD-HHMMSS.sqlite3` ([`list_set_aside`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::{NaiveDateTime, Timelike as _, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::{
    BUSY_TIMEOUT, Result, Store, StoreError, harden, identify, latest_version, migrations,
};
use crate::files::{self, FileError, io_reason};

/// The folder beside the store file that holds its backups.
pub const BACKUP_DIR: &str = "backups";

const PREFIX: &str = "offerwright-";
const DAMAGED: &str = "damaged-";
const RESTORING: &str = ".restoring-";
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
    /// The store as it was before a won offer was deleted on purpose.
    BeforeDelete,
}

impl BackupKind {
    /// Every kind.
    pub const ALL: [BackupKind; 5] = [
        BackupKind::Daily,
        BackupKind::BeforeMigration,
        BackupKind::Manual,
        BackupKind::BeforeRestore,
        BackupKind::BeforeDelete,
    ];

    /// How many backups of this kind the folder keeps: two weeks of daily
    /// ones, and the newest of each other kind.
    pub fn keep(self) -> usize {
        match self {
            BackupKind::Daily | BackupKind::Manual => 14,
            BackupKind::BeforeMigration | BackupKind::BeforeRestore => 5,
            BackupKind::BeforeDelete => 10,
        }
    }

    /// Why a backup of this kind was made, in words.
    pub fn why(self) -> &'static str {
        match self {
            BackupKind::Daily => "First start of the day",
            BackupKind::BeforeMigration => "Before an upgrade",
            BackupKind::Manual => "Backed up by hand",
            BackupKind::BeforeRestore => "Before a restore",
            BackupKind::BeforeDelete => "Before a won offer was deleted",
        }
    }

    /// The kind as it appears in a file name.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::BeforeDelete => "before-delete",
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
    /// Why it was made, in words: "First start of the day".
    pub why: String,
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

/// A store that could not be opened, moved aside untouched by a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SetAside {
    /// The file.
    pub path: String,
    /// Its name, e.g. `damaged-2026-05-01-093000.sqlite3`.
    pub file_name: String,
    /// When it was moved aside, RFC 3339 UTC to the second.
    pub date: String,
    /// Its size in bytes.
    pub size: u64,
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
                why: kind.why().to_owned(),
            },
        ));
    }
    found.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.file_name.cmp(&a.1.file_name))
    });
    Ok(found.into_iter().map(|(_, r)| r).collect())
}

/// The stores moved aside by a restore because they could not be opened,
/// newest first.
pub fn list_set_aside(store_file: &Path) -> Result<Vec<SetAside>> {
    let dir = backup_dir(store_file);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(read_error(&dir, &e)),
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(date) = name
            .strip_prefix(DAMAGED)
            .and_then(|r| r.strip_suffix(SUFFIX))
            .and_then(|stamp| NaiveDateTime::parse_from_str(stamp, STAMP).ok())
        else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_file() {
            found.push(SetAside {
                path: entry.path().display().to_string(),
                file_name: name,
                date: rfc3339(date),
                size: meta.len(),
            });
        }
    }
    found.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(found)
}

/// Backs up the store into its `backups/` folder, then deletes the oldest
/// of that kind beyond [`BackupKind::keep`], never the one just made.
pub fn back_up(store: &Store, kind: BackupKind) -> Result<BackupRecord> {
    let record = back_up_unpruned(store, kind)?;
    prune(store.path(), Some(&record))?;
    Ok(record)
}

/// The `backups/` folder, made if missing, for its owner only.
fn private_backup_dir(store_file: &Path) -> Result<PathBuf> {
    let dir = backup_dir(store_file);
    super::private_dir(&dir).map_err(|e| write_error(&dir, &e))?;
    Ok(dir)
}

fn back_up_unpruned(store: &Store, kind: BackupKind) -> Result<BackupRecord> {
    let dir = private_backup_dir(store.path())?;
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
        why: kind.why().to_owned(),
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
        why: BackupKind::Manual.why().to_owned(),
    })
}

/// The daily backup: made unless the folder already holds a daily backup
/// from today (UTC). Returns the new backup, if one was made.
pub(crate) fn daily(store: &Store) -> Result<Option<BackupRecord>> {
    let today = Utc::now().format("%Y-%m-%d").to_string();
    if list_backups(store.path())?
        .iter()
        .any(|b| b.kind == BackupKind::Daily && b.date.starts_with(&today))
    {
        return Ok(None);
    }
    back_up(store, BackupKind::Daily).map(Some)
}

/// Deletes, for each kind, the backups beyond its newest
/// [`BackupKind::keep`], never `just_made` (which counts among those kept);
/// and the copies left half written by a backup or a restore that was
/// interrupted more than an hour ago. A file that cannot be deleted is left
/// for the next time.
fn prune(store_file: &Path, just_made: Option<&BackupRecord>) -> Result<()> {
    let all = list_backups(store_file)?;
    for kind in BackupKind::ALL {
        let made_now = just_made.filter(|m| m.kind == kind);
        let room = kind.keep().saturating_sub(usize::from(made_now.is_some()));
        let older = all
            .iter()
            .filter(|b| b.kind == kind && made_now.is_none_or(|m| m.path != b.path));
        for old in older.skip(room) {
            let _ = fs::remove_file(&old.path);
        }
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
    // A restore's temporary store, beside the store file.
    let home = store_file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    if let Ok(entries) = fs::read_dir(home) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > Duration::from_secs(3600));
            if name.starts_with(RESTORING) && stale {
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
    // A backup holds the whole store: readable by its owner only.
    super::private_file(partial).map_err(|e| write_error(partial, &e))?;
    let mut to = Connection::open(partial).map_err(|e| {
        StoreError::Invalid(FileError::Read(format!(
            "cannot write {}: {e}; nothing was changed there",
            partial.display()
        )))
    })?;
    harden(&to)?;
    copy(from, &mut to)?;
    drop(to);
    // The copy carries the store's header, which asks for WAL; a backup is
    // one self-contained file, so reopen it and switch to a rollback journal.
    let to = Connection::open(partial)?;
    harden(&to)?;
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
    if let Some(difference) = schema_difference(&conn, version).map_err(damaged)? {
        return Err(not_a_store(&format!(
            "its tables are not the ones Offerwright makes for store version {version} ({difference}): it was changed by another program, so it is not restored"
        )));
    }
    Ok(version)
}

/// The schema of a store, as `sqlite_schema` lists it: every table, index
/// and trigger with the SQL that made it, in a fixed order.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<(String, String, Option<String>)>> {
    let mut stmt = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name, tbl_name, sql")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// How the schema of `conn` differs from the one the migrations build for
/// store version `version`, if it does: its first difference, in words.
fn schema_difference(conn: &Connection, version: i64) -> rusqlite::Result<Option<String>> {
    let expected = Connection::open_in_memory()?;
    harden(&expected)?;
    let upto = usize::try_from(version).unwrap_or(0);
    for sql in migrations::MIGRATIONS.iter().take(upto) {
        expected.execute_batch(sql)?;
    }
    let want = schema_of(&expected)?;
    let have = schema_of(conn)?;
    let name = |(kind, name, _): &(String, String, Option<String>)| format!("the {kind} {name}");
    for w in &want {
        match have.iter().find(|h| h.0 == w.0 && h.1 == w.1) {
            None => return Ok(Some(format!("{} is missing", name(w)))),
            Some(h) if h.2 != w.2 => return Ok(Some(format!("{} was changed", name(w)))),
            Some(_) => {}
        }
    }
    Ok(have
        .iter()
        .find(|h| !want.iter().any(|w| w.0 == h.0 && w.1 == h.1))
        .map(|h| format!("{} was added", name(h))))
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
    harden(&conn)?;
    Ok(conn)
}

/// Restores the backup `from` into the store file `store_file`.
///
/// `from` is checked first ([`check_backup`]: an Offerwright store of a
/// version this build knows, not damaged, with exactly the schema the
/// migrations build) and refused otherwise, with the store untouched. It
/// is then copied to a temporary store beside the store, upgraded there
/// and read back whole (every plan, tender, offer and contract); nothing
/// else has changed yet. Only then is the current store backed up
/// ([`BackupKind::BeforeRestore`]; a store that cannot be opened at all is
/// moved into the `backups/` folder instead, as `damaged-...`, never
/// deleted), and the checked copy written over it in one transaction, so
/// that another Offerwright with the store open sees either all of the old
/// data or all of the restored data.
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
    let home = store_file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    // Restoring onto a new computer: there may be no data folder yet.
    super::private_dir(home).map_err(|e| write_error(home, &e))?;
    let staged = Staged::new(home)?;
    let checked = staged.load(from)?;
    // The backup API cannot change the page size of a store in WAL mode:
    // find out before the store is touched. A store that cannot be read
    // will be a new one, of SQLite's default page size.
    let page_size = |c: &Connection| -> rusqlite::Result<i64> {
        c.pragma_query_value(None, "page_size", |r| r.get(0))
    };
    let theirs = page_size(checked.conn())?;
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
    let (mut store, previous, set_aside) = match Store::open(store_file) {
        Ok(store) => {
            let previous = back_up_unpruned(&store, BackupKind::BeforeRestore)?;
            (store, Some(previous), None)
        }
        Err(e @ (StoreError::Newer { .. } | StoreError::Busy | StoreError::Io { .. })) => {
            return Err(e);
        }
        Err(_) => {
            let aside = set_aside(store_file)?;
            (Store::open(store_file)?, None, Some(aside))
        }
    };
    copy(checked.conn(), &mut store.conn)?;
    drop(checked);
    drop(store);
    drop(staged);
    // The restored store opens as any store does.
    drop(Store::open(store_file)?);
    prune(store_file, previous.as_ref())?;
    Ok(Restored {
        from: from.display().to_string(),
        schema_version,
        previous,
        set_aside: set_aside.map(|p| p.display().to_string()),
    })
}

/// A temporary store beside the store file, where a backup is upgraded and
/// checked before it replaces anything; deleted (with its `-wal` and
/// `-shm`) when dropped.
struct Staged {
    path: PathBuf,
}

impl Staged {
    fn new(home: &Path) -> Result<Staged> {
        let stamp = Utc::now().format(STAMP).to_string();
        let path = home.join(format!("{RESTORING}{stamp}-{}{SUFFIX}", std::process::id()));
        let staged = Staged { path };
        staged.remove();
        Ok(staged)
    }

    /// Copies `from` here, upgrades it to this build's schema and reads it
    /// back whole: the store it returns is safe to restore.
    fn load(&self, from: &Path) -> Result<Store> {
        {
            let source = open_read_only(from)?;
            super::private_file(&self.path).map_err(|e| write_error(&self.path, &e))?;
            let mut to = Connection::open(&self.path)?;
            harden(&to)?;
            copy(&source, &mut to)?;
        }
        let store = Store::open_unbacked(&self.path)?;
        let latest = latest_version();
        if let Some(difference) = schema_difference(store.conn(), latest)? {
            return Err(StoreError::Corrupt(format!(
                "the backup, once upgraded, does not have the tables of store version {latest} ({difference}); the store is unchanged"
            )));
        }
        let check: String = store
            .conn()
            .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt(format!(
                "the backup, once upgraded, fails SQLite's integrity check ({check}); the store is unchanged"
            )));
        }
        super::read_everything(store.conn()).map_err(|e| {
            StoreError::Corrupt(format!(
                "the backup holds data this Offerwright cannot read ({e}); the store is unchanged"
            ))
        })?;
        Ok(store)
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.path.as_os_str().to_owned();
            name.push(suffix);
            let _ = fs::remove_file(PathBuf::from(name));
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Moves a store file that cannot be opened (and its `-wal` and `-shm`)
/// into the `backups/` folder as `damaged-<date>.sqlite3`, untouched, and
/// returns where it went: a new store can then be made in its place.
pub fn set_aside(store_file: &Path) -> Result<PathBuf> {
    let dir = private_backup_dir(store_file)?;
    let stamp = Utc::now().format(STAMP).to_string();
    let target = dir.join(format!("{DAMAGED}{stamp}{SUFFIX}"));
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
