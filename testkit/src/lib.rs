//! What Offerwright's tests share: a fresh store, the fixtures, a dump of
//! every row, the system programs and fonts a test needs (each failing
//! with the Debian package to install), and the command line built as a
//! user runs it. Never installed.

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
        .join("../tests/fixtures")
        .join(name)
}

/// The names of a store's tables, in order.
pub fn table_names(conn: &rusqlite::Connection) -> Vec<String> {
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every row of every table, as text: two equal dumps mean an unchanged store.
pub fn dump(store: &Store) -> String {
    let conn = store.conn();
    let tables = table_names(conn);
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

/// The text of a PDF as poppler's `pdftotext` gives it with `mode`: `-raw`
/// (in content order) or `-layout` (as the page lays it out).
pub fn pdf_text(bytes: &[u8], mode: &str) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("read.pdf");
    std::fs::write(&path, bytes).expect("the PDF on disk");
    let out = tool("pdftotext")
        .args([mode, "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("run pdftotext (install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
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

/// The `offerwright` command line, built (once per test run) from `cli/` in
/// this workspace's target folder, as the tests run it.
pub fn cli_binary() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/Cargo.toml");
        let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args([
                "build",
                "--quiet",
                "--offline",
                "--bin",
                "offerwright",
                "--manifest-path",
            ])
            .arg(&manifest)
            .arg("--message-format=json")
            .output()
            .expect("run cargo to build the command line");
        assert!(
            out.status.success(),
            "cargo could not build the command line: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "offerwright")
            .find_map(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo names the command line it built")
    })
}

/// Runs the `offerwright` command line on the store in `data_dir`.
pub fn offerwright(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(cli_binary())
        // A file named without a folder is written beside the store, never
        // into the checkout.
        .current_dir(data_dir)
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

/// A small, seedable xorshift generator: enough for random edits.
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any seed: it is made odd, never zero).
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    /// The next number.
    pub fn number(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number from 0 to `n` - 1.
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.number() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    /// True `percent` times in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `items`, or none when there are none.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}
