//! Backups: made on open (once a day), on demand and before a restore;
//! restoring brings back exactly the data backed up; files that are not an
//! Offerwright store are refused with the store untouched.

use std::path::Path;

use chrono::NaiveDate;
use offerwright::domain::{Evidence, EvidenceKind};
use offerwright::store::backup::{
    self, BACKUP_DIR, BackupKind, back_up, back_up_to, list_backups, restore,
};
use offerwright::store::{STORE_FILE, Store, StoreError, evidence, latest_version, offers};
use rust_decimal::Decimal;

use crate::support::{dump, fresh_store, offerwright, ok};

fn item() -> Evidence {
    Evidence {
        kind: EvidenceKind::PastDelivery,
        title: "Apprentices hired in 2025".to_owned(),
        body: "Two apprentice cooks completed level 2.".to_owned(),
        quantity: Some(Decimal::new(200, 2)),
        unit: Some("apprentices".to_owned()),
        delivered_on: NaiveDate::from_ymd_opt(2025, 12, 31),
        source: Some("2025 impact report".to_owned()),
    }
}

/// A store with the demo and an evidence item.
fn store_with_data() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = fresh_store();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    store.write(|tx| evidence::insert(tx, &item())).unwrap();
    (dir, store)
}

fn kinds(store_file: &Path) -> Vec<BackupKind> {
    list_backups(store_file)
        .unwrap()
        .into_iter()
        .map(|b| b.kind)
        .collect()
}

#[test]
fn restore_brings_back_exactly_the_backed_up_data_and_can_be_undone() {
    let (_dir, mut store) = store_with_data();
    let store_file = store.path().to_path_buf();
    let backed_up = dump(&store);
    let made = back_up(&store, BackupKind::Manual).unwrap();
    assert_eq!(made.kind, BackupKind::Manual);
    assert!(made.size > 0);

    // Work continues after the backup: all of it is replaced by the restore.
    let offer = offers::list(store.conn()).unwrap()[0].id;
    store
        .write(|tx| offers::set_answer(tx, offer, "sv1", "A new answer."))
        .unwrap();
    store.write(|tx| offers::delete(tx, offer)).unwrap();
    store
        .write(|tx| {
            evidence::insert(
                tx,
                &Evidence {
                    title: "Later".to_owned(),
                    ..item()
                },
            )
        })
        .unwrap();
    let later = dump(&store);
    assert_ne!(later, backed_up);
    drop(store);

    let done = restore(&store_file, Path::new(&made.path)).unwrap();
    assert_eq!(done.schema_version, offerwright::store::latest_version());
    assert_eq!(done.set_aside, None);
    let previous = done
        .previous
        .expect("the store is backed up before a restore");
    assert_eq!(previous.kind, BackupKind::BeforeRestore);
    assert_eq!(dump(&Store::open(&store_file).unwrap()), backed_up);

    // The backup made before the restore undoes it.
    restore(&store_file, Path::new(&previous.path)).unwrap();
    assert_eq!(dump(&Store::open(&store_file).unwrap()), later);
}

#[test]
fn a_restore_reaches_a_store_held_open_by_another_connection() {
    let (_dir, store) = store_with_data();
    let store_file = store.path().to_path_buf();
    let made = back_up(&store, BackupKind::Manual).unwrap();
    let backed_up = dump(&store);
    let mut app = store; // as the app would hold it, open all along
    let offer = offers::list(app.conn()).unwrap()[0].id;
    app.write(|tx| offers::delete(tx, offer)).unwrap();
    restore(&store_file, Path::new(&made.path)).unwrap();
    assert_eq!(dump(&app), backed_up);
}

#[test]
fn a_backup_is_one_whole_checked_file_that_opens_as_a_store() {
    let (dir, store) = store_with_data();
    let made = back_up(&store, BackupKind::Manual).unwrap();
    let path = Path::new(&made.path);
    assert_eq!(path.parent().unwrap(), dir.path().join(BACKUP_DIR));
    assert!(made.file_name.starts_with("offerwright-"));
    assert!(made.file_name.ends_with("-manual.sqlite3"));
    let header = std::fs::read(path).unwrap();
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!(
        (header[18], header[19]),
        (1, 1),
        "a rollback-journal file, not WAL"
    );
    assert_eq!(std::fs::metadata(path).unwrap().len(), made.size);
    assert_eq!(backup::check_backup(path).unwrap(), latest_version());
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec![made.file_name.clone()],
        "no -wal, no partial file"
    );

    // A copy of it opens as a store with the same data.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(path, copy.path().join(STORE_FILE)).unwrap();
    assert_eq!(dump(&Store::open_dir(copy.path()).unwrap()), dump(&store));
}

#[test]
fn the_store_is_backed_up_on_open_at_most_once_a_day() {
    let (dir, store) = store_with_data();
    let store_file = store.path().to_path_buf();
    assert_eq!(
        kinds(&store_file),
        vec![],
        "a new store has nothing to back up"
    );
    drop(store);
    let again = Store::open_dir(dir.path()).unwrap();
    assert_eq!(again.backup_warning(), None);
    assert_eq!(kinds(&store_file), vec![BackupKind::Daily]);
    let daily = &list_backups(&store_file).unwrap()[0];
    let copy = Store::open(Path::new(&daily.path)).unwrap();
    assert_eq!(dump(&copy), dump(&again));
    drop(copy);
    drop(again);
    for _ in 0..3 {
        Store::open_dir(dir.path()).unwrap();
    }
    assert_eq!(kinds(&store_file), vec![BackupKind::Daily]);
}

#[test]
fn a_failed_daily_backup_is_reported_and_the_store_still_opens() {
    let (dir, store) = store_with_data();
    drop(store);
    // A file where the backups folder should be: no backup can be made.
    std::fs::write(dir.path().join(BACKUP_DIR), "in the way").unwrap();
    let store = Store::open_dir(dir.path()).unwrap();
    let warning = store.backup_warning().expect("a warning");
    assert!(
        warning.starts_with("the daily backup of the store could not be made: cannot read "),
        "{warning}"
    );
    assert!(!offers::list(store.conn()).unwrap().is_empty());
}

#[test]
fn each_kind_keeps_its_own_newest_backups_and_clicks_never_evict_the_daily_one() {
    let (dir, store) = store_with_data();
    // Opened again, an existing store makes its daily backup.
    drop(store);
    let store = Store::open_dir(dir.path()).unwrap();
    let daily: Vec<String> = list_backups(store.path())
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::Daily)
        .map(|b| b.path)
        .collect();
    assert_eq!(
        daily.len(),
        1,
        "the store's first open made its daily backup"
    );
    let keep = BackupKind::Manual.keep();
    let mut made = Vec::new();
    for _ in 0..keep + 6 {
        made.push(back_up(&store, BackupKind::Manual).unwrap().path);
    }
    // Not ours: never listed, never deleted.
    let folder = backup::backup_dir(store.path());
    std::fs::write(folder.join("notes.txt"), "keep me").unwrap();
    made.push(back_up(&store, BackupKind::Manual).unwrap().path);

    let listed = list_backups(store.path()).unwrap();
    let manual: Vec<String> = listed
        .iter()
        .filter(|b| b.kind == BackupKind::Manual)
        .map(|b| b.path.clone())
        .collect();
    assert_eq!(manual.len(), keep);
    let newest: Vec<String> = made.iter().rev().take(keep).cloned().collect();
    assert_eq!(manual, newest, "the newest, newest first");
    for old in &made[..made.len() - keep] {
        assert!(!Path::new(old).exists(), "{old} should have been deleted");
    }
    assert!(
        listed.iter().any(|b| b.path == daily[0]),
        "{} clicks of Back up now left the daily backup alone",
        keep + 7
    );
    assert!(folder.join("notes.txt").exists());
}

#[test]
fn backing_up_to_a_chosen_file_refuses_to_replace_one() {
    let (dir, store) = store_with_data();
    let target = dir.path().join("my backup.sqlite3");
    let made = back_up_to(&store, &target).unwrap();
    assert_eq!(made.path, target.display().to_string());
    assert_eq!(backup::check_backup(&target).unwrap(), latest_version());
    let before = std::fs::read(&target).unwrap();
    let err = back_up_to(&store, &target).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} already exists: choose another file name, or move that file away first",
            target.display()
        )
    );
    assert_eq!(std::fs::read(&target).unwrap(), before);
}

/// Restoring `file` is refused with `message` and changes nothing.
fn refused(file: &Path, message: &str) {
    let (_dir, store) = store_with_data();
    let store_file = store.path().to_path_buf();
    let before = dump(&store);
    let backups_before = list_backups(&store_file).unwrap();
    drop(store);
    let file_before = std::fs::read(file).ok();
    let err = restore(&store_file, file).unwrap_err();
    assert_eq!(
        err.to_string(),
        message.replace("FILE", &file.display().to_string())
    );
    assert_eq!(dump(&Store::open(&store_file).unwrap()), before);
    let backups_after = list_backups(&store_file).unwrap();
    assert!(
        backups_after
            .iter()
            .all(|b| b.kind != BackupKind::BeforeRestore),
        "nothing to undo, so no backup before a refused restore"
    );
    assert!(backups_after.len() <= backups_before.len() + 1);
    assert_eq!(
        std::fs::read(file).ok(),
        file_before,
        "the file is untouched"
    );
}

#[test]
fn restore_refuses_a_file_that_is_not_an_offerwright_store() {
    let dir = tempfile::tempdir().unwrap();

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "shopping list: eggs, flour, milk and a great deal more",
    )
    .unwrap();
    refused(
        &text,
        "FILE is not an Offerwright store: it is not an SQLite database",
    );

    let other = dir.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    refused(
        &other,
        "FILE is not an Offerwright store: it is an SQLite database of another program",
    );

    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    refused(
        &empty,
        "FILE is not an Offerwright store: it is an empty SQLite database",
    );

    refused(
        &dir.path().join("missing.sqlite3"),
        "cannot read FILE: no such file",
    );
    refused(
        dir.path(),
        "FILE is not an Offerwright store: it is a folder, not a file",
    );
}

#[test]
fn restore_refuses_a_newer_or_damaged_store() {
    let (dir, store) = store_with_data();
    let newer = dir.path().join("newer.sqlite3");
    back_up_to(&store, &newer).unwrap();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    refused(
        &newer,
        &format!(
            "FILE was written by a newer Offerwright (store version 99; this one knows up to {}): it has been left untouched; update Offerwright to open it",
            offerwright::store::latest_version()
        ),
    );

    let damaged = dir.path().join("damaged.sqlite3");
    back_up_to(&store, &damaged).unwrap();
    let mut bytes = std::fs::read(&damaged).unwrap();
    // Scribble over the pages after the first: the header still says
    // Offerwright, the tables do not hold together.
    for b in bytes.iter_mut().skip(4096).step_by(7) {
        *b = 0xA5;
    }
    std::fs::write(&damaged, &bytes).unwrap();
    let err = backup::check_backup(&damaged).unwrap_err();
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    assert!(
        err.to_string().starts_with(&format!(
            "{} is not an Offerwright store: it is damaged (",
            damaged.display()
        )),
        "{err}"
    );
    assert!(
        err.to_string().ends_with("; choose another backup"),
        "{err}"
    );
}

#[test]
fn restore_refuses_the_store_itself() {
    let (_dir, store) = store_with_data();
    let store_file = store.path().to_path_buf();
    drop(store);
    let err = restore(&store_file, &store_file).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is the store itself: choose a backup to restore",
            store_file.display()
        )
    );
}

#[test]
fn restore_over_a_store_that_cannot_be_opened_sets_it_aside_untouched() {
    let (dir, store) = store_with_data();
    let made = back_up(&store, BackupKind::Manual).unwrap();
    let backed_up = dump(&store);
    let store_file = store.path().to_path_buf();
    drop(store);
    let garbage = b"this is not a database any more, whatever happened to it".repeat(100);
    std::fs::write(&store_file, &garbage).unwrap();
    assert!(Store::open(&store_file).is_err());

    let done = restore(&store_file, Path::new(&made.path)).unwrap();
    assert_eq!(done.previous, None);
    let aside = done.set_aside.expect("the damaged store is set aside");
    assert!(aside.starts_with(&dir.path().join(BACKUP_DIR).display().to_string()));
    assert_eq!(std::fs::read(&aside).unwrap(), garbage);
    assert_eq!(dump(&Store::open(&store_file).unwrap()), backed_up);
}

#[test]
fn a_backup_restores_onto_a_new_computer() {
    let (_dir, store) = store_with_data();
    let made = back_up(&store, BackupKind::Manual).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let store_file = elsewhere.path().join("not yet made").join(STORE_FILE);
    let done = restore(&store_file, Path::new(&made.path)).unwrap();
    assert_eq!(done.set_aside, None);
    assert_eq!(dump(&Store::open(&store_file).unwrap()), dump(&store));
}

#[test]
fn cli_backup_list_and_restore_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["demo"]);
    let before = dump(&Store::open_dir(data).unwrap());
    let made: serde_json::Value = serde_json::from_str(&ok(data, &["--json", "backup"])).unwrap();
    assert_eq!(made["kind"], "manual");
    let name = made["file_name"].as_str().unwrap().to_owned();

    let text = ok(data, &["backup", "--list"]);
    assert!(text.contains(&name), "{text}");
    let listed: serde_json::Value =
        serde_json::from_str(&ok(data, &["--json", "backup", "--list"])).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed[0]["file_name"], name.as_str());
    for b in listed {
        for key in ["path", "file_name", "date", "size", "kind"] {
            assert!(b.get(key).is_some(), "{key} in {b}");
        }
    }

    ok(data, &["offer", "delete", "1"]);
    let out = ok(data, &["restore", &name]);
    assert!(out.starts_with("Restored the store from "), "{out}");
    assert!(out.contains("to undo, offerwright restore "), "{out}");
    assert_eq!(dump(&Store::open_dir(data).unwrap()), before);

    let chosen = data.join("mine.sqlite3");
    ok(data, &["backup", chosen.to_str().unwrap()]);
    assert!(chosen.is_file());

    let text = data.join("notes.txt");
    std::fs::write(&text, "not a store at all, just some notes").unwrap();
    let out = offerwright(data, &["restore", text.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "offerwright: {} is not an Offerwright store: it is not an SQLite database\n",
            text.display()
        )
    );
}
