//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use offerwright::store::Store;
use tempfile::TempDir;

/// A new store in a temporary data directory (with the sample plans).
pub fn fresh_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open_dir(dir.path()).expect("open a new store");
    (dir, store)
}

/// The path of a fixture under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every row of every table, as text: two equal dumps mean an unchanged store.
pub fn dump(store: &Store) -> String {
    let conn = store.conn();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.sort();
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("# {table}\n"));
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..columns)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap().join(" | "));
            out.push('\n');
        }
    }
    out
}

/// Runs the `offerwright` command line on the store in `data_dir`.
pub fn offerwright(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_offerwright"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("OFFERWRIGHT_DATA_DIR")
        .output()
        .expect("run offerwright")
}

/// Runs the command line and returns what it printed, failing the test if
/// the command failed.
pub fn ok(data_dir: &Path, args: &[&str]) -> String {
    let out = offerwright(data_dir, args);
    assert!(
        out.status.success(),
        "offerwright {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
