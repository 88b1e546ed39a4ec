//! The app's commands, run through Tauri's IPC on the mock runtime, over a
//! real store in a temporary directory.

use std::sync::Arc;

use offerwright::api::{Preset as Answers, Session};
use offerwright_app::app;
use serde_json::{Value, json};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: tempfile::TempDir,
}

fn start() -> TestApp {
    start_with(|_| Answers::default())
}

/// A session as the app opens one, on a fixed day.
fn session(dir: &std::path::Path, answers: Answers) -> Arc<Session> {
    Arc::new(Session::open(
        dir,
        Box::new(answers),
        Box::new(|| chrono::DateTime::parse_from_rfc3339("2027-07-03T10:00:00+01:00").unwrap()),
    ))
}

/// An app over the state `state`, in the data folder `dir`.
fn start_on(state: Arc<Session>, dir: tempfile::TempDir) -> TestApp {
    let app = app(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    TestApp {
        _app: app,
        window,
        dir,
    }
}

/// An app whose dialogs answer as `answers` says (given the data folder);
/// by default, save dialogs answer with the `out` folder inside it.
fn start_with(answers: impl FnOnce(&std::path::Path) -> Answers) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let mut answers = answers(dir.path());
    answers.save_dir.get_or_insert(out);
    let state = session(dir.path(), answers);
    let app = app(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    TestApp {
        _app: app,
        window,
        dir,
    }
}

impl TestApp {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

#[test]
fn a_first_start_has_the_demo_offer_and_the_sample_plans() {
    let app = start();
    let offers = app.ok("list_offers", json!({}));
    assert_eq!(offers.as_array().unwrap().len(), 1);
    assert_eq!(offers[0]["bidder"], "Wear Valley Kitchens CIC");
    let plans = app.ok("list_plans", json!({}));
    assert_eq!(plans.as_array().unwrap().len(), 2);
    let info = app.ok("app_info", json!({}));
    assert_eq!(
        info["store_file"],
        app.dir
            .path()
            .join("offerwright.sqlite3")
            .display()
            .to_string()
    );
}

#[test]
fn a_second_start_does_not_add_another_demo_nor_does_an_emptied_store() {
    let dir = tempfile::tempdir().unwrap();
    drop(session(dir.path(), Answers::default()));
    let again = session(dir.path(), Answers::default());
    let offers = again.read(offerwright::store::offers::list).unwrap();
    assert_eq!(offers.len(), 1);
    // The user deletes the demo: it does not come back at the next start.
    again
        .write(|tx| offerwright::store::offers::delete(tx, offers[0].id))
        .unwrap();
    drop(again);
    let third = session(dir.path(), Answers::default());
    assert!(
        third
            .read(offerwright::store::offers::list)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn edits_are_stored_and_read_back() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    app.ok(
        "set_answer",
        json!({ "id": id, "question": "sv2", "text": "We report every quarter." }),
    );
    app.ok(
        "put_commitment",
        json!({ "id": id, "commitment": {
            "id": "c6", "what": "Plant a school garden", "quantity": "2", "unit": "gardens",
            "by": "2028-05-01", "owner": null
        }}),
    );
    let view = app.ok("get_offer", json!({ "id": id }));
    let offer = &view["document"]["offer"];
    assert_eq!(offer["answers"][1]["text"], "We report every quarter.");
    assert_eq!(offer["commitments"][5]["quantity"], "2");
    assert_eq!(view["document"]["plan"]["id"], "durham-sample");
}

#[test]
fn errors_reach_the_ui_as_code_and_message() {
    let app = start();
    assert_eq!(
        app.invoke("get_offer", json!({ "id": 999 })),
        Err(json!({ "code": "not_found", "message": "no offer with the id 999" }))
    );
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    let err = app
        .invoke(
            "put_commitment",
            json!({ "id": id, "commitment": { "id": "c9", "what": "x", "quantity": "lots" } }),
        )
        .unwrap_err();
    assert_eq!(
        err,
        json!({ "code": "invalid", "message": "commitment.quantity: expected a decimal written with digits and an optional decimal point, such as \"20\" or \"14000.00\" (no currency sign, comma, space or exponent), found \"lots\"" })
    );
    let err = app
        .invoke("delete_plan", json!({ "id": "durham-sample" }))
        .unwrap_err();
    assert_eq!(
        err,
        json!({ "code": "conflict", "message": "the plan \"durham-sample\" is used by 1 tender(s): delete them first" })
    );
}

#[test]
fn a_tender_and_an_offer_can_be_created() {
    let app = start();
    let tender = json!({
        "title": "Grounds maintenance", "buyer": "A council", "reference": "GM-1",
        "deadline": "2027-01-31", "contract_value": "120000", "duration_months": 24,
        "social_value_weighting": "15",
        "questions": [{ "id": "q1", "text": "What social value?", "word_limit": 500, "marks": "15" }]
    });
    let tender_id = app.ok(
        "create_tender",
        json!({ "planId": "durham-sample", "tender": tender }),
    );
    let offer_id = app.ok(
        "create_offer",
        json!({ "tenderId": tender_id, "bidder": { "name": "Green Spaces CIC" } }),
    );
    let view = app.ok("get_offer", json!({ "id": offer_id }));
    assert_eq!(view["document"]["tender"]["reference"], "GM-1");
    assert_eq!(
        view["document"]["offer"]["bidder"]["name"],
        "Green Spaces CIC"
    );
}

#[test]
fn the_offer_file_is_exported_where_the_dialog_says_and_reads_back() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    let path = app.ok("export_offer_file", json!({ "id": id }));
    let path = std::path::PathBuf::from(path.as_str().unwrap());
    assert_eq!(
        path,
        app.dir
            .path()
            .join("out/Wear Valley Kitchens CIC - DCC-2026-0142.svoffer.json")
    );
    let doc = offerwright::files::read_offer(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(doc.offer.bidder.name, "Wear Valley Kitchens CIC");
}

#[test]
fn the_document_in_the_editor_is_scored_without_saving() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    let mut doc = app.ok("get_offer", json!({ "id": id }))["document"].clone();
    let before = app.ok("score_document", json!({ "doc": doc.clone() }));
    let band = |report: &Value, topic: &str| {
        report["hot_topics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == topic)
            .map(|t| t["band"].as_u64().unwrap())
            .unwrap()
    };
    assert_eq!(band(&before, "landfill-waste"), 0);
    doc["offer"]["commitments"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "c9", "hot_topic": "landfill-waste", "measure": "landfill-diverted",
            "what": "Divert kitchen waste from landfill", "quantity": "30", "by": "2029-12-31",
            "owner": "Operations Manager", "kpi": "Tonnes diverted", "reporting": "quarterly",
            "evidence": "8 tonnes diverted in 2025", "additional": true
        }));
    // Without a baseline, band 4 at most (R7); "0" says it is entirely new.
    let after = app.ok("score_document", json!({ "doc": doc.clone() }));
    assert_eq!(band(&after, "landfill-waste"), 4);
    assert_eq!(after["model_version"], 2);
    doc["offer"]["commitments"][5]["baseline"] = json!("0");
    let after = app.ok("score_document", json!({ "doc": doc }));
    assert_eq!(band(&after, "landfill-waste"), 5);
    let stored = app.ok("get_offer", json!({ "id": id }));
    assert_eq!(
        stored["document"]["offer"]["commitments"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[test]
fn a_place_entry_joining_two_names_is_reported_and_split() {
    let app = start();
    let mut plan = app.ok("get_plan", json!({ "id": "durham-sample" }));
    plan["local_places"] = json!(["Barnard Castle / Castell Barnard", "Consett"]);
    app.ok("save_plan", json!({ "plan": plan }));
    let joined = app.ok("joined_places", json!({ "id": "durham-sample" }));
    assert_eq!(joined[0]["entry"], "Barnard Castle / Castell Barnard");
    assert_eq!(
        joined[0]["parts"],
        json!(["Barnard Castle", "Castell Barnard"])
    );
    let split = app.ok("split_places", json!({ "id": "durham-sample" }));
    assert_eq!(
        split["local_places"],
        json!(["Barnard Castle", "Castell Barnard", "Consett"])
    );
    let stored = app.ok("get_plan", json!({ "id": "durham-sample" }));
    assert_eq!(stored["local_places"], split["local_places"]);
    assert_eq!(
        app.ok("joined_places", json!({ "id": "durham-sample" })),
        json!([])
    );
}

#[test]
fn pdfs_are_written_where_the_dialog_says() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    for review in [false, true] {
        let path = app.ok(
            "export_offer",
            json!({ "id": id, "export": if review { "review" } else { "submission" } }),
        );
        let bytes = std::fs::read(path.as_str().unwrap()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{path}");
    }
    let path = app.ok("export_plan_pdf", json!({ "id": "durham-sample" }));
    assert!(
        path.as_str()
            .unwrap()
            .ends_with("durham-sample - plan on a page.pdf")
    );
    assert!(
        std::fs::read(path.as_str().unwrap())
            .unwrap()
            .starts_with(b"%PDF-")
    );
}

#[test]
fn a_backup_made_in_settings_restores_exactly_what_it_held() {
    let app = start();
    let offer = app.ok("list_offers", json!({}))[0]["id"].clone();
    let before = app.ok("get_offer", json!({ "id": offer }));
    let made = app.ok("back_up_now", json!({}));
    assert_eq!(made["kind"], "manual");
    let listed = app.ok("list_backups", json!({}));
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["file_name"] == made["file_name"]),
        "{listed}"
    );

    app.ok(
        "set_answer",
        json!({ "id": offer, "question": "sv2", "text": "Written after the backup." }),
    );
    app.ok("create_demo", json!({}));
    assert_eq!(
        app.ok("list_offers", json!({})).as_array().unwrap().len(),
        2
    );

    let restored = app.ok("restore_backup", json!({ "fileName": made["file_name"] }));
    assert_eq!(restored["from"], made["path"]);
    assert_eq!(restored["previous"]["kind"], "before_restore");
    // Every later command reads the restored store.
    assert_eq!(app.ok("get_offer", json!({ "id": offer })), before);
    assert_eq!(
        app.ok("list_offers", json!({})).as_array().unwrap().len(),
        1
    );
    // And the store as it was before is itself a backup, to undo the restore.
    let undo = restored["previous"]["file_name"].clone();
    app.ok("restore_backup", json!({ "fileName": undo }));
    assert_eq!(
        app.ok("list_offers", json!({})).as_array().unwrap().len(),
        2
    );
}

#[test]
fn only_a_listed_backup_can_be_restored_by_name() {
    let app = start();
    let store = app.dir.path().join("offerwright.sqlite3");
    for name in [
        "../offerwright.sqlite3",
        "offerwright.sqlite3",
        "nothing.sqlite3",
    ] {
        let err = app
            .invoke("restore_backup", json!({ "fileName": name }))
            .unwrap_err();
        assert_eq!(err["code"], "not_found", "{name}: {err}");
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("no backup called"),
            "{err}"
        );
    }
    assert!(store.exists());
    assert_eq!(
        app.ok("list_offers", json!({})).as_array().unwrap().len(),
        1
    );
}

#[test]
fn the_daily_backup_is_listed_and_no_warning_is_shown_when_it_was_made() {
    let dir = tempfile::tempdir().unwrap();
    drop(session(dir.path(), Answers::default()));
    // The second open of the day finds the store's first daily backup.
    let again = session(dir.path(), Answers::default());
    let info = again.with_store(|s| Ok(s.info())).unwrap();
    assert_eq!(info.backup_warning, None);
    let backups = offerwright::store::backup::list_backups(again.store_file()).unwrap();
    assert!(
        backups
            .iter()
            .any(|b| b.kind == offerwright::store::backup::BackupKind::Daily),
        "{backups:?}"
    );
}

#[test]
fn office_files_are_written_where_the_dialog_says() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    for (format, starts) in [("docx", &b"PK"[..]), ("xlsx", b"PK"), ("csv", b"No.,ID,")] {
        let path = app.ok("export_offer", json!({ "id": id, "export": format }));
        let path = path.as_str().unwrap();
        assert!(path.ends_with(&format!(".{format}")), "{path}");
        let bytes = std::fs::read(path).unwrap();
        assert!(bytes.starts_with(starts), "{path}");
    }
    let doc = app.ok("get_offer", json!({ "id": id }))["document"].clone();
    let answers = app.ok("portal_answers", json!({ "doc": doc }));
    let first = &answers[0];
    assert_eq!(first["question"], "sv1");
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .starts_with("Wear Valley Kitchens")
    );
    assert!(!first["text"].as_str().unwrap().contains("**"));
    assert!(first["chars"].as_u64().unwrap() > 0);
}

#[test]
fn a_workshop_is_packed_started_exported_collected_and_compared() {
    let room = tempfile::tempdir().unwrap();
    let room_dir = room.path().to_path_buf();
    let trainer = start_with(|_| Answers {
        open_folder: Some(room_dir.clone()),
        ..Answers::default()
    });
    let tender = trainer.ok("list_tenders", json!({}))[0]["id"].clone();
    let model = trainer.ok("list_offers", json!({}))[0]["id"].clone();
    let pack_path = trainer.ok(
        "create_workshop_pack",
        json!({ "tenderId": tender, "title": "Durham bid writing",
                "instructions": "Write **three** commitments.", "modelOffer": model }),
    );
    let pack_path = std::path::PathBuf::from(pack_path.as_str().unwrap());
    assert_eq!(
        pack_path.file_name().unwrap(),
        "Durham bid writing.svworkshop.json"
    );

    // A participant on another laptop opens the pack and hands an offer back.
    let pack_for = pack_path.clone();
    let room_for = room_dir.clone();
    let participant = start_with(move |_| Answers {
        save_dir: Some(room_for),
        open_file: Some(pack_for),
        open_folder: None,
    });
    let pack = participant.ok("open_workshop_pack", json!({}));
    assert_eq!(pack["title"], "Durham bid writing");
    assert_eq!(pack["instructions"], "Write **three** commitments.");
    let made = participant.ok(
        "start_workshop_offer",
        json!({ "participant": "Tyne Kitchens Ltd" }),
    );
    let id = made["offer_id"].clone();
    let shown = participant.ok("workshop_for_offer", json!({ "id": id }));
    assert_eq!(shown["instructions"], "Write **three** commitments.");
    participant.ok(
        "put_commitment",
        json!({ "id": id, "commitment": { "id": "c1", "hot_topic": "local-jobs",
                "what": "Hire local people", "quantity": "2", "unit": "people" } }),
    );
    let written = participant.ok("export_workshop_offer", json!({ "id": id }));
    assert_eq!(
        std::path::Path::new(written.as_str().unwrap())
            .file_name()
            .unwrap(),
        "Tyne Kitchens Ltd - Durham bid writing.svoffer.json"
    );
    std::fs::write(room_dir.join("broken.svoffer.json"), "{").unwrap();
    std::fs::write(
        room_dir.join("a plan.svoffer.json"),
        offerwright::files::write_plan(
            &offerwright::files::read_plan(offerwright::samples::SAMPLE_PLANS[0].1.as_bytes())
                .unwrap(),
        ),
    )
    .unwrap();

    // The trainer collects the folder and compares.
    let c = trainer.ok("collect_workshop_folder", json!({ "anonymise": false }));
    assert_eq!(c["rows"].as_array().unwrap().len(), 1);
    assert_eq!(c["rows"][0]["participant"], "Tyne Kitchens Ltd");
    assert_eq!(c["exemplar"]["bidder"], "Wear Valley Kitchens CIC");
    let files: Vec<(&str, &str)> = c["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap(),
                f["status"]["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            ("Tyne Kitchens Ltd - Durham bid writing.svoffer.json", "ok"),
            ("a plan.svoffer.json", "bad"),
            ("broken.svoffer.json", "bad"),
        ]
    );
    let c = trainer.ok("compare_workshop", json!({ "anonymise": true }));
    assert_eq!(c["rows"][0]["participant"], "A");
    assert!(!c.to_string().contains("Tyne Kitchens"));
    assert!(!c.to_string().contains("Wear Valley Kitchens CIC"));
    let pdf = trainer.ok(
        "export_workshop",
        json!({ "output": "handout", "anonymise": true }),
    );
    assert!(
        pdf.as_str()
            .unwrap()
            .ends_with("Durham bid writing - handout.pdf")
    );
    let csv = trainer.ok(
        "export_workshop",
        json!({ "output": "scores", "anonymise": true }),
    );
    let text = std::fs::read_to_string(csv.as_str().unwrap()).unwrap();
    assert!(text.starts_with("rank,participant,file,"));
    assert!(!text.contains("Tyne Kitchens"));

    // Nothing to compare before a pack is open.
    let fresh = start();
    assert_eq!(
        fresh.invoke("collect_workshop_folder", json!({ "anonymise": false })),
        Err(
            json!({ "code": "invalid", "message": "no workshop pack is open: open or make one first" })
        )
    );
    assert_eq!(
        fresh.ok("compare_workshop", json!({ "anonymise": false })),
        json!(null)
    );
}

/// The status of commitment `id` in a contract status.
fn progress<'a>(status: &'a Value, id: &str) -> &'a Value {
    status["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["commitment"] == id)
        .unwrap_or_else(|| panic!("no commitment {id} in {status}"))
}

#[test]
fn a_won_offer_is_kept_as_submitted_and_its_delivery_recorded_corrected_and_reported() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    assert_eq!(app.ok("get_contract", json!({ "id": id })), json!(null));
    assert_eq!(
        app.ok("contract_status", json!({ "id": id, "period": null })),
        json!(null)
    );

    // Award, as the UI sends it.
    let status = app.ok(
        "award_offer",
        json!({ "id": id, "award": { "start": "2027-04-01", "reporting": "quarterly" } }),
    );
    assert_eq!(status["start"], "2027-04-01");
    assert_eq!(status["last_day"], "2030-03-31");
    assert_eq!(status["period_word"], "Quarter");
    assert_eq!(status["periods"].as_array().unwrap().len(), 12);
    assert_eq!(status["records"], 0);
    let awarded_on = status["awarded_on"].clone();
    assert_eq!(
        app.ok("list_offers", json!({}))[0]["awarded_on"],
        awarded_on
    );
    assert_eq!(
        app.ok("get_offer", json!({ "id": id }))["awarded_on"],
        awarded_on
    );

    // The offer is kept as submitted: every edit is refused.
    let err = app
        .invoke(
            "set_answer",
            json!({ "id": id, "question": "sv2", "text": "Changed after the award" }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "conflict");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("kept as it was submitted"),
        "{err}"
    );

    // Nothing recorded yet: at the end of the first quarter c1 (3 people
    // by 30 September 2027) is behind.
    let q1 = app.ok("contract_status", json!({ "id": id, "period": 1 }));
    assert_eq!(q1["as_of"], "2027-06-30");
    assert_eq!(progress(&q1, "c1")["status"], "behind");

    // A quarter's figures in one call, as the period form sends them.
    let q1 = app.ok(
        "record_delivery",
        json!({ "id": id, "period": 1, "records": [
            { "commitment": "c1", "period": 1, "achieved": "2", "note": "Two referred candidates started",
              "evidence": [{ "kind": "file", "text": "starters-2027-q1.pdf" }], "recorded_by": "Jo Bloggs" },
            { "commitment": "c2", "period": 1, "achieved": "13", "note": null, "evidence": [],
              "recorded_by": "Jo Bloggs" }
        ] }),
    );
    let c1 = progress(&q1, "c1");
    assert_eq!(c1["status"], "on_track");
    assert_eq!(c1["achieved_to_date"], "2");
    assert_eq!(c1["achieved_in_period"], "2");
    assert_eq!(c1["periods"][0]["note"], "Two referred candidates started");
    assert_eq!(q1["records"], 2);

    // Once something is recorded the award stays.
    let err = app
        .invoke("withdraw_award", json!({ "id": id }))
        .unwrap_err();
    assert_eq!(err["code"], "conflict");

    // A correction: the new figure counts, the old one stays as history.
    let q1 = app.ok(
        "record_delivery",
        json!({ "id": id, "period": 1, "records": [
            { "commitment": "c1", "period": 1, "achieved": "1", "note": "Two referred candidates started",
              "evidence": [], "recorded_by": "Sam Lee" }
        ] }),
    );
    let c1 = progress(&q1, "c1");
    assert_eq!(c1["status"], "behind");
    assert_eq!(c1["achieved_to_date"], "1");
    assert_eq!(c1["periods"][0]["versions"], 2);
    let contract = app.ok("get_contract", json!({ "id": id }));
    let records = contract["delivery"]["records"].as_array().unwrap();
    assert_eq!(records.len(), 3);
    assert_eq!(
        (&records[0]["achieved"], &records[0]["recorded_by"]),
        (&json!("2"), &json!("Jo Bloggs"))
    );
    assert_eq!(
        (&records[2]["achieved"], &records[2]["recorded_by"]),
        (&json!("1"), &json!("Sam Lee"))
    );
    assert_eq!(
        contract["submitted"]["offer"]["answers"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // A form with one bad row saves nothing.
    let err = app
        .invoke(
            "record_delivery",
            json!({ "id": id, "period": 1, "records": [
                { "commitment": "c3", "period": 1, "achieved": "4250", "evidence": [], "recorded_by": "Jo" },
                { "commitment": "c9", "period": 1, "achieved": "1", "evidence": [], "recorded_by": "Jo" }
            ] }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid", "{err}");
    let contract = app.ok("get_contract", json!({ "id": id }));
    assert_eq!(contract["delivery"]["records"].as_array().unwrap().len(), 3);

    // The reports are written where the dialog says.
    let pdf = app.ok(
        "export_progress_report",
        json!({ "id": id, "period": 1, "format": "pdf" }),
    );
    assert!(
        pdf.as_str()
            .unwrap()
            .ends_with("progress report quarter 1.pdf"),
        "{pdf}"
    );
    assert!(
        std::fs::read(pdf.as_str().unwrap())
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let xlsx = app.ok(
        "export_progress_report",
        json!({ "id": id, "period": null, "format": "xlsx" }),
    );
    assert!(
        xlsx.as_str()
            .unwrap()
            .ends_with("end of contract summary.xlsx"),
        "{xlsx}"
    );
    assert!(
        std::fs::read(xlsx.as_str().unwrap())
            .unwrap()
            .starts_with(b"PK")
    );
}

#[test]
fn a_mistaken_award_is_withdrawn_and_the_offer_can_be_edited_again() {
    let app = start();
    let id = app.ok("list_offers", json!({}))[0]["id"].clone();
    app.ok(
        "award_offer",
        json!({ "id": id, "award": { "start": "2027-04-01", "reporting": "monthly" } }),
    );
    let err = app
        .invoke(
            "award_offer",
            json!({ "id": id, "award": { "start": "2027-04-01", "reporting": "monthly" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "conflict");
    app.ok("withdraw_award", json!({ "id": id }));
    assert_eq!(app.ok("get_contract", json!({ "id": id })), json!(null));
    assert_eq!(
        app.ok("list_offers", json!({}))[0]["awarded_on"],
        json!(null)
    );
    app.ok(
        "set_answer",
        json!({ "id": id, "question": "sv2", "text": "We report every quarter." }),
    );

    // An award the UI could not have sent is refused with the field's path.
    let err = app
        .invoke(
            "award_offer",
            json!({ "id": id, "award": { "start": "2027-04-01", "reporting": "weekly" } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .starts_with("award.reporting"),
        "{err}"
    );
}

/// A data folder whose store has a backup and was then damaged.
fn damaged_store() -> (tempfile::TempDir, Arc<Session>) {
    let dir = tempfile::tempdir().unwrap();
    let first = session(dir.path(), Answers::default());
    first
        .with_store(|s| {
            offerwright::store::backup::back_up(s, offerwright::store::backup::BackupKind::Manual)
        })
        .unwrap();
    let file = first.store_file().to_path_buf();
    drop(first);
    std::fs::write(&file, vec![0x5a_u8; 8192]).unwrap();
    let state = session(dir.path(), Answers::default());
    assert!(state.status().problem.is_some(), "a damaged store opened");
    (dir, state)
}

#[test]
fn a_store_that_cannot_be_opened_is_recovered_from_a_backup_in_the_app() {
    let (dir, state) = damaged_store();
    let t = start_on(state, dir);
    let status = t.ok("store_status", json!({}));
    assert_eq!(status["problem"]["code"], "not_a_store", "{status}");
    assert!(
        t.invoke("list_offers", json!({})).is_err(),
        "nothing else works on it"
    );
    let backups = t.ok("list_backups", json!({}));
    let name = backups[0]["file_name"].as_str().unwrap().to_owned();
    assert_eq!(backups[0]["why"], "Backed up by hand");
    let restored = t.ok("restore_backup", json!({ "fileName": name }));
    assert!(restored["set_aside"].as_str().unwrap().contains("damaged-"));
    assert_eq!(t.ok("store_status", json!({}))["problem"], Value::Null);
    let offers = t.ok("list_offers", json!({}));
    assert_eq!(offers.as_array().unwrap().len(), 1, "the demo is back");
    let aside = t.ok("list_set_aside", json!({}));
    assert_eq!(aside.as_array().unwrap().len(), 1);
    let kept = std::fs::read(aside[0]["path"].as_str().unwrap()).unwrap();
    assert_eq!(
        kept,
        vec![0x5a_u8; 8192],
        "the damaged store is kept untouched"
    );
    let _ = &t.dir;
}

#[test]
fn a_store_that_cannot_be_opened_can_be_set_aside_for_an_empty_one() {
    let (dir, state) = damaged_store();
    let t = start_on(state, dir);
    let aside = t.ok("start_afresh", json!({}));
    assert!(aside.as_str().unwrap().contains("damaged-"));
    assert_eq!(t.ok("store_status", json!({}))["problem"], Value::Null);
    assert!(
        t.ok("list_plans", json!({})).as_array().unwrap().len() >= 2,
        "the sample plans"
    );
    let again = t.invoke("start_afresh", json!({})).unwrap_err();
    assert_eq!(again["code"], "conflict");
}

#[test]
fn a_close_request_is_answered_and_the_window_waits_for_the_ui() {
    let t = start();
    t.ok("closing", json!({ "n": 1 }));
    t.ok("close_window", json!({}));
}
