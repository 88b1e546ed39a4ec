//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

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
        let columns = conn
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap()
            .column_count();
        let order: Vec<String> = (1..=columns).map(|i| i.to_string()).collect();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT * FROM {table} ORDER BY {}",
                order.join(", ")
            ))
            .unwrap();
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

/// The system programs the tests run, with the Debian package that has
/// each (scripts/lib.sh installs them all).
const TOOLS: &[(&str, &str)] = &[
    ("pdftotext", "poppler-utils"),
    ("pdfinfo", "poppler-utils"),
    ("pdffonts", "poppler-utils"),
    ("pdftoppm", "poppler-utils"),
    ("soffice", "libreoffice-writer-nogui"),
    ("fc-match", "fontconfig"),
    ("mkfifo", "coreutils"),
];

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path)
            .any(|dir| std::fs::metadata(dir.join(program)).is_ok_and(|m| m.is_file()))
    })
}

/// A command for the system program `program`, which a test needs: fails
/// the test at once, naming the package to install, when it is missing.
pub fn tool(program: &str) -> Command {
    let package = TOOLS
        .iter()
        .find(|(p, _)| *p == program)
        .map(|(_, package)| *package)
        .unwrap_or_else(|| {
            panic!("{program} is not in the tests' list of tools (tests/it/support.rs)")
        });
    assert!(
        on_path(program),
        "this test runs {program}, which is not installed: install the Debian package {package} (bash scripts/test.sh installs it)"
    );
    Command::new(program)
}

/// Checks that fontconfig resolves `family` to `expected` (a
/// metric-compatible font from `package`), so that LibreOffice lays out a
/// document as Word would: fails the test, naming the package, otherwise.
pub fn require_font(family: &str, expected: &str, package: &str) {
    static CHECKED: OnceLock<Result<(), String>> = OnceLock::new();
    let checked = CHECKED.get_or_init(|| {
        let out = tool("fc-match")
            .args(["--format", "%{family}", family])
            .output()
            .map_err(|e| format!("cannot run fc-match: {e}"))?;
        let found = String::from_utf8_lossy(&out.stdout).into_owned();
        if found.split(',').any(|f| f.trim() == expected) {
            Ok(())
        } else {
            Err(format!(
                "{family} resolves to {found:?}, not {expected}: install the Debian package {package} (bash scripts/test.sh installs it), or LibreOffice lays the document out in a wider font"
            ))
        }
    });
    if let Err(e) = checked {
        panic!("{e}");
    }
}
