//! The TypeScript types the UI uses are generated from the Rust types and
//! committed in `ui/src/lib/bindings/`; this test fails when they are stale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::Config;

fn read_dir(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ts") {
            let name = PathBuf::from(path.file_name().unwrap());
            out.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

#[test]
fn ui_bindings_are_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = Config::new()
        .with_out_dir(tmp.path())
        .with_large_int("number");
    // Every type a command takes or gives (and what they are made of), and
    // the command contract itself.
    offerwright::api::export_bindings(&cfg).unwrap();
    let generated = read_dir(tmp.path());

    let committed_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    if std::env::var_os("OFFERWRIGHT_BLESS").is_some() {
        std::fs::create_dir_all(&committed_dir).unwrap();
        for old in read_dir(&committed_dir).keys() {
            std::fs::remove_file(committed_dir.join(old)).unwrap();
        }
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_dir(&committed_dir);
    assert!(
        committed == generated,
        "ui/src/lib/bindings is stale: the Rust types or the command table (src/api) changed. Run `OFFERWRIGHT_BLESS=1 cargo test --test it bindings` and commit the result."
    );
}
