//! One writer at a time: while another process holds the store's write
//! lock, a write waits for the busy timeout, then succeeds or fails with the
//! clear "the store is busy" message; reads never wait. SQLite's raw
//! "database is locked" never reaches a user.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use offerwright::error::{ErrorCode, UserError};
use offerwright::store::backup::{BackupKind, back_up};
use offerwright::store::{BUSY_TIMEOUT, STORE_FILE, StoreError, offers};

use crate::support::{fixture, fresh_store};

const BUSY: &str = "the store is busy: another Offerwright (the app or a command) is writing to it; try again in a moment";

fn offerwright(data_dir: &Path) -> Command {
    let mut cmd = Command::new(crate::support::cli_binary());
    cmd.arg("--data-dir")
        .arg(data_dir)
        .env_remove("OFFERWRIGHT_DATA_DIR");
    cmd
}

fn run(data_dir: &Path, args: &[&str]) -> Output {
    offerwright(data_dir)
        .args(args)
        .output()
        .expect("run offerwright")
}

/// Another process's connection holding the write lock, as the app does
/// during a write.
fn hold_write_lock(data_dir: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(data_dir.join(STORE_FILE)).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

#[test]
fn the_cli_waits_for_another_writer_then_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["demo"]).status.success());
    let holder = hold_write_lock(dir.path());

    let plan = fixture("hand-written.svplan.json");
    let writer = offerwright(dir.path())
        .args(["plan", "import", plan.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    // Reads do not wait for the writer.
    let list = run(dir.path(), &["offer", "list"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );

    std::thread::sleep(Duration::from_millis(1500));
    let mut writer = writer;
    assert!(
        writer.try_wait().unwrap().is_none(),
        "the import should be waiting for the lock"
    );
    holder.execute_batch("COMMIT").unwrap();
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("Imported the plan")
    );
}

#[test]
fn the_cli_gives_up_after_the_busy_timeout_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["demo"]).status.success());
    let holder = hold_write_lock(dir.path());
    let started = Instant::now();
    let out = run(dir.path(), &["offer", "delete", "1"]);
    let waited = started.elapsed();
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, format!("offerwright: {BUSY}\n"));
    assert!(!stderr.contains("locked"));
    assert!(
        waited >= BUSY_TIMEOUT,
        "it gave up after {waited:?}, before the busy timeout"
    );
    // Nothing was deleted; once the lock is free the same command works.
    assert!(run(dir.path(), &["offer", "delete", "1"]).status.success());
}

#[test]
fn a_busy_store_is_a_busy_error_in_the_library_and_for_the_app() {
    let (dir, mut store) = fresh_store();
    let demo = offerwright::ops::demo::create_demo(&mut store).unwrap();
    // Shorter than the real timeout, so that the test is quick.
    store
        .conn()
        .busy_timeout(Duration::from_millis(200))
        .unwrap();
    let holder = hold_write_lock(dir.path());

    let err = store
        .write(|tx| offers::set_answer(tx, demo.offer_id, "sv1", "text"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert_eq!(err.to_string(), BUSY);
    let user = UserError::from(err);
    assert_eq!(user.code, ErrorCode::Busy);
    assert_eq!(user.message, BUSY);

    let bytes = std::fs::read(fixture("hand-written.svplan.json")).unwrap();
    let err = offerwright::store::import_plan(&mut store, &bytes, false).unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");

    // A backup only reads: it is made while another process writes.
    back_up(&store, BackupKind::Manual).unwrap();
    drop(holder);
    store
        .write(|tx| offers::set_answer(tx, demo.offer_id, "sv1", "text"))
        .unwrap();
}
