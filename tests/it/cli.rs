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

    let out = Command::new(crate::support::cli_binary())
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
fn a_plan_that_joins_two_place_names_is_warned_of_and_split() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("hand-written.svplan.json")).unwrap())
            .unwrap();
    plan["local_places"] = serde_json::json!(["Aberteifi / Cardigan", "Tenby"]);
    let file = dir.path().join("welsh.svplan.json");
    std::fs::write(&file, serde_json::to_vec(&plan).unwrap()).unwrap();
    let out = ok(dir.path(), &["plan", "import", file.to_str().unwrap()]);
    assert!(
        out.contains("Warning: The place \"Aberteifi / Cardigan\" joins 2 names")
            && out.contains("offerwright plan split-places hand-written"),
        "{out}"
    );
    let shown = ok(dir.path(), &["plan", "show", "hand-written"]);
    assert!(shown.contains("Warning: The place"), "{shown}");
    let out = ok(dir.path(), &["plan", "split-places", "hand-written"]);
    assert!(out.contains("Split 1 place entry"), "{out}");
    let shown = ok(dir.path(), &["--json", "plan", "show", "hand-written"]);
    let plan: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        plan["local_places"],
        serde_json::json!(["Aberteifi", "Cardigan", "Tenby"])
    );
    let shown = ok(dir.path(), &["plan", "show", "hand-written"]);
    assert!(!shown.contains("Warning"), "{shown}");
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
    // No contract start: the window runs from the deadline, and ends the day before two years on.
    assert!(
        shown.contains("£120,000.00 over 24 months, 31 January 2027 to 30 January 2029"),
        "{shown}"
    );
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

#[test]
fn a_contract_from_award_to_report_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["demo"]);
    let awarded = ok(d, &["contract", "award", "1", "--reporting", "quarterly"]);
    assert!(
        awarded.contains(
            "the contract runs from 1 April 2027 to 31 March 2030, reported quarterly (12 periods)"
        ),
        "{awarded}"
    );
    let said = ok(
        d,
        &[
            "contract",
            "record",
            "1",
            "--period",
            "1",
            "--commitment",
            "c1",
            "--achieved",
            "2",
            "--by",
            "Jo Bloggs",
            "--file",
            "Q1 starters.pdf",
            "--note",
            "Two started in May",
        ],
    );
    assert_eq!(
        said,
        "Recorded 2 for c1 in Quarter 1, 1 April 2027 to 30 June 2027.\n\
         At the period's end: On track (2 of 3 people; target to date 1.5).\n"
    );
    let corrected = ok(
        d,
        &[
            "contract",
            "record",
            "1",
            "--period",
            "1",
            "--commitment",
            "c1",
            "--achieved",
            "1",
            "--by",
            "Sam Auditor",
        ],
    );
    assert!(
        corrected.contains("(a correction: 1 earlier figure(s) kept in its history)"),
        "{corrected}"
    );
    let history = ok(d, &["contract", "history", "1", "--commitment", "c1"]);
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(
        lines[0].contains("by Jo Bloggs  (corrected later)"),
        "{history}"
    );
    assert!(lines[1].ends_with("by Sam Auditor"), "{history}");

    // A won offer is not deleted by the way: the refusal says how.
    let out = offerwright(d, &["offer", "delete", "1"]);
    assert!(!out.status.success(), "a won offer is kept");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("was marked as won on")
            && err.contains("and 2 delivery figures are recorded")
            && err.contains("offerwright offer delete 1 --force (the store is backed up first)"),
        "{err}"
    );
    let status = ok(d, &["contract", "status", "1"]);
    assert!(status.contains("c1"), "still there: {status}");
    // Said on purpose, it goes, after a backup that brings it back.
    let out = ok(d, &["offer", "delete", "1", "--force"]);
    assert!(out.starts_with("Deleted the won offer 1 with its contract and delivery records. The store as it was is in "), "{out}");
    let backup = out
        .split(" is in ")
        .nth(1)
        .and_then(|rest| rest.split(": restore it").next())
        .unwrap()
        .to_owned();
    assert!(backup.contains("before-delete"), "{backup}");
    let out = offerwright(d, &["contract", "status", "1"]);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "offerwright: no offer with the id 1\n"
    );
    ok(d, &["restore", &backup]);
    let status = ok(d, &["contract", "status", "1"]);
    assert!(status.contains("c1"), "restored with its records: {status}");
}

#[test]
fn a_won_offer_file_reports_on_another_machine() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    ok(a.path(), &["demo"]);
    ok(
        a.path(),
        &[
            "contract",
            "award",
            "1",
            "--start",
            "2027-05-01",
            "--reporting",
            "six_monthly",
        ],
    );
    ok(
        a.path(),
        &[
            "contract",
            "record",
            "1",
            "--period",
            "1",
            "--commitment",
            "c5",
            "--achieved",
            "4",
            "--by",
            "Jo",
            "--link",
            "https://example.org/sessions",
        ],
    );
    let file = a.path().join("won.svoffer.json");
    ok(a.path(), &["offer", "export", "1", file.to_str().unwrap()]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"delivery\": {"), "{text}");

    // Read straight from the file, without a store...
    let from_file: serde_json::Value = serde_json::from_str(&ok(
        b.path(),
        &[
            "--json",
            "contract",
            "status",
            file.to_str().unwrap(),
            "--period",
            "1",
        ],
    ))
    .unwrap();
    assert_eq!(from_file["reporting"], "six-monthly");
    assert_eq!(from_file["start"], "2027-05-01");
    let c5 = &from_file["commitments"][4];
    assert_eq!(
        (&c5["commitment"], &c5["achieved_to_date"]),
        (&"c5".into(), &"4".into())
    );
    // ...or imported, then reported as PDF and spreadsheet.
    ok(b.path(), &["offer", "import", file.to_str().unwrap()]);
    let imported: serde_json::Value = serde_json::from_str(&ok(
        b.path(),
        &["--json", "contract", "status", "1", "--period", "1"],
    ))
    .unwrap();
    assert_eq!(imported, from_file);
    let pdf = b.path().join("h1.pdf");
    let said = ok(
        b.path(),
        &[
            "contract",
            "report",
            "1",
            pdf.to_str().unwrap(),
            "--period",
            "1",
        ],
    );
    assert_eq!(
        said,
        format!(
            "Wrote the progress report for Half-year 1, 1 May 2027 to 31 October 2027 to {}\n",
            pdf.display()
        )
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let xlsx = b.path().join("end.xlsx");
    ok(
        b.path(),
        &["contract", "report", "1", xlsx.to_str().unwrap(), "--end"],
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // Mistakes are told plainly.
    let out = offerwright(
        b.path(),
        &[
            "contract",
            "record",
            "1",
            "--period",
            "9",
            "--commitment",
            "c5",
            "--achieved",
            "1",
            "--by",
            "Jo",
        ],
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "offerwright: record.period: expected a period from 1 to 6 (a 36 month contract reported six-monthly), found 9\n"
    );
    let out = offerwright(
        b.path(),
        &["contract", "award", "1", "--reporting", "weekly"],
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "offerwright: --reporting: expected one of monthly, quarterly, six_monthly, yearly; found \"weekly\"\n"
    );
    let plain = b.path().join("plain.svoffer.json");
    ok(a.path(), &["demo"]);
    ok(a.path(), &["offer", "export", "2", plain.to_str().unwrap()]);
    let out = offerwright(b.path(), &["contract", "status", plain.to_str().unwrap()]);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .ends_with("this offer file has no delivery records: it was not marked as won (offerwright contract award)\n")
    );
}
