//! The command line, run as a user runs it.

use std::process::Command;

use crate::support::{fixture, offerwright, ok};

#[test]
fn demo_export_import_round_trips_the_offer_exactly() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let demo: serde_json::Value = serde_json::from_str(&ok(a.path(), &["--json", "demo"])).unwrap();
    let id = demo["offer_id"].to_string();
    let first = a.path().join("out.svoffer.json");
    ok(a.path(), &["offer", "export", &id, first.to_str().unwrap()]);

    let imported: serde_json::Value = serde_json::from_str(&ok(
        b.path(),
        &["--json", "offer", "import", first.to_str().unwrap()],
    ))
    .unwrap();
    let second = b.path().join("again.svoffer.json");
    ok(
        b.path(),
        &[
            "offer",
            "export",
            &imported["id"].to_string(),
            second.to_str().unwrap(),
        ],
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn list_commands_print_json_arrays_of_objects_with_ids() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["demo"]);
    for what in ["plan", "tender", "offer"] {
        let out: serde_json::Value =
            serde_json::from_str(&ok(dir.path(), &["--json", what, "list"])).unwrap();
        let items = out
            .as_array()
            .unwrap_or_else(|| panic!("{what} list is not an array"));
        assert!(!items.is_empty(), "{what} list is empty");
        assert!(
            items.iter().all(|i| i.get("id").is_some()),
            "{what} list lacks ids"
        );
    }
}

#[test]
fn where_prints_the_store_path_and_honours_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["where"]);
    assert_eq!(
        out.trim(),
        dir.path().join("offerwright.sqlite3").display().to_string()
    );

    let out = Command::new(env!("CARGO_BIN_EXE_offerwright"))
        .arg("where")
        .env("OFFERWRIGHT_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        dir.path().join("offerwright.sqlite3").display().to_string()
    );
}

#[test]
fn errors_are_one_line_on_stderr_with_a_failing_status() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.svplan.json");
    std::fs::write(&bad, r#"{"format": "offerwright/plan", "version": 2}"#).unwrap();
    let out = offerwright(dir.path(), &["plan", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "offerwright: {}: version: this file is version 2, and this Offerwright reads version 1: open it with a newer Offerwright\n",
            bad.display()
        )
    );

    let out = offerwright(dir.path(), &["offer", "show", "42"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "offerwright: no offer with the id 42\n"
    );
}

#[test]
fn plan_import_show_and_tender_new() {
    let dir = tempfile::tempdir().unwrap();
    let plan = fixture("hand-written.svplan.json");
    ok(dir.path(), &["plan", "import", plan.to_str().unwrap()]);
    let shown = ok(dir.path(), &["plan", "show", "hand-written"]);
    assert!(shown.contains("ALTOGETHER WEALTHIER"), "{shown}");
    assert!(shown.contains("Hot topic: Jobs for local people facing disadvantage (100% of the marks, must be local)"), "{shown}");

    let out = ok(
        dir.path(),
        &[
            "--json",
            "tender",
            "new",
            "--plan",
            "hand-written",
            "--title",
            "Grounds maintenance",
            "--buyer",
            "A council",
            "--reference",
            "GM-1",
            "--deadline",
            "2027-01-31",
            "--value",
            "120000",
            "--months",
            "24",
            "--weighting",
            "15",
            "--question",
            "q1:15:500:What social value will you deliver?",
        ],
    );
    let id: serde_json::Value = serde_json::from_str(&out).unwrap();
    let shown = ok(dir.path(), &["tender", "show", &id["id"].to_string()]);
    assert!(shown.contains("£120,000.00 over 24 months"), "{shown}");
    assert!(shown.contains("q1 (15 marks, 500 words)"), "{shown}");

    let out = offerwright(
        dir.path(),
        &[
            "tender",
            "new",
            "--plan",
            "hand-written",
            "--title",
            "X",
            "--buyer",
            "Y",
            "--reference",
            "Z",
            "--deadline",
            "2027-02-30",
            "--value",
            "1",
            "--months",
            "1",
            "--weighting",
            "10",
        ],
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "offerwright: --deadline: expected a real calendar date written YYYY-MM-DD, such as \"2027-06-30\", found \"2027-02-30\"\n"
    );
}
