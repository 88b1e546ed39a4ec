//! Workshop mode: the pack file, collecting a room's offer files, the
//! comparison checked against scoring each offer alone, anonymisation in
//! every output, the handout and the CSV, and the command line.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use offerwright::domain::{OfferDocument, Workshop};
use offerwright::export::pdf;
use offerwright::files::{self, FileError};
use offerwright::samples;
use offerwright::score::{self, Band, Check};
use offerwright::workshop::{self, FileStatus};

use crate::support::{offerwright, ok};

fn durham() -> offerwright::domain::Plan {
    let (_, text) = samples::SAMPLE_PLANS
        .iter()
        .find(|(n, _)| n.starts_with("durham"))
        .unwrap();
    files::read_plan(text.as_bytes()).unwrap()
}

fn pack() -> Workshop {
    samples::demo_workshop(durham())
}

fn participant(pack: &Workshop, i: usize) -> OfferDocument {
    pack.document(samples::workshop_participant(i))
}

/// A folder with the pack and `n` participants' offer files, named as the
/// app names them.
fn room(n: usize) -> (tempfile::TempDir, Workshop, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack();
    files::save_workshop(&dir.path().join("pack.svworkshop.json"), &pack).unwrap();
    let mut names = Vec::new();
    for i in 0..n {
        let doc = participant(&pack, i);
        let name = files::workshop_offer_file_name(&doc, &pack.title);
        files::save_offer(&dir.path().join(&name), &doc).unwrap();
        names.push(doc.offer.bidder.name.clone());
    }
    (dir, pack, names)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 4).unwrap()
}

fn pdftotext(bytes: &[u8]) -> String {
    // One space between words, so that a name broken across lines is found.
    crate::support::pdf_text(bytes, "-raw")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// The pack file.

#[test]
fn a_pack_round_trips_through_its_file() {
    let pack = pack();
    let text = files::write_workshop(&pack);
    assert!(text.starts_with("{\n  \"format\": \"offerwright/workshop\",\n  \"version\": 1,"));
    assert_eq!(files::read_workshop(text.as_bytes()).unwrap(), pack);
    let mut bare = pack.clone();
    bare.model_offer = None;
    let text = files::write_workshop(&bare);
    assert!(!text.contains("model_offer"));
    assert_eq!(files::read_workshop(text.as_bytes()).unwrap(), bare);
}

#[test]
fn debrief_files_are_named_after_the_pack_with_unsafe_characters_replaced() {
    let mut pack = pack();
    pack.title = "Durham: bid writing? 2026/27".to_owned();
    assert_eq!(
        files::workshop_output_file_name(&pack, "handout", "pdf"),
        "Durham_ bid writing_ 2026_27 - handout.pdf"
    );
}

/// An edit to a pack's JSON.
type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;

fn refused(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&files::write_workshop(&pack())).unwrap();
    edit(&mut value);
    files::read_workshop(value.to_string().as_bytes())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_bad_pack_is_refused_naming_the_place() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("plan");
            }),
            "plan: missing: a workshop pack embeds the whole plan the participants write against",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("tender");
            }),
            "tender: missing: a workshop pack embeds the mock tender the participants answer",
        ),
        (
            Box::new(|v| v["trainer"] = "Sam".into()),
            "trainer: unknown field: version 1 of the format has no such field (check its spelling); the fields here are format, version, title, instructions, plan, tender, model_offer",
        ),
        (
            Box::new(|v| v["title"] = "  ".into()),
            "title: expected a non-empty text, found only white space or nothing",
        ),
        (
            Box::new(|v| v["version"] = 2.into()),
            "version: this file is version 2, and this Offerwright reads version 1: open it with a newer Offerwright",
        ),
        (
            Box::new(|v| v["plan"]["hot_topics"][0]["weight"] = "0".into()),
            "plan.hot_topics[0].weight: expected a decimal greater than 0, found \"0\"",
        ),
        (
            Box::new(|v| v["tender"]["social_value_weighting"] = "120".into()),
            "tender.social_value_weighting",
        ),
        (
            Box::new(|v| v["model_offer"]["commitments"][1]["hot_topic"] = "nope".into()),
            "model_offer.commitments[1].hot_topic: the plan has no hot topic with the id \"nope\"",
        ),
        (
            Box::new(|v| v["model_offer"]["answers"][0]["question"] = "sv9".into()),
            "model_offer.answers[0].question: the tender has no question with the id \"sv9\"",
        ),
        (
            Box::new(|v| v["model_offer"]["bidder"]["kind"] = "club".into()),
            "model_offer.bidder.kind: expected one of micro, sme, social_enterprise, charity, large; found \"club\"",
        ),
        (
            Box::new(|v| v["model_offer"]["format"] = "offerwright/offer".into()),
            "model_offer: expected only the offer's bidder, answers and commitments",
        ),
    ];
    for (edit, expected) in cases {
        let message = refused(edit);
        assert!(
            message.starts_with(expected),
            "expected {expected:?}\n   found {message:?}"
        );
    }
}

#[test]
fn files_of_another_kind_say_what_they_are() {
    let plan = files::write_plan(&durham());
    assert_eq!(
        files::read_workshop(plan.as_bytes()).unwrap_err(),
        FileError::WrongKind {
            found: "a plan",
            expected: "a workshop pack",
            hint: "import it as a plan instead",
        }
    );
    let pack = files::write_workshop(&pack());
    assert_eq!(
        files::read_offer(pack.as_bytes()).unwrap_err().to_string(),
        "this file is a workshop pack, not an offer: open it from the workshop screen instead"
    );
}

// Collecting.

#[test]
fn collecting_reports_bad_duplicate_and_foreign_files_by_name_and_keeps_the_rest() {
    let (dir, pack, _) = room(6);
    let d = dir.path();
    std::fs::write(d.join("broken.svoffer.json"), b"{ \"format\": ").unwrap();
    std::fs::write(d.join("a plan.svoffer.json"), files::write_plan(&durham())).unwrap();
    std::fs::write(d.join("notes.txt"), b"not collected").unwrap();
    let first = participant(&pack, 0);
    files::save_offer(&d.join("zz second go.svoffer.json"), &first).unwrap();
    let mut other = participant(&pack, 1);
    other.offer.bidder.name = "Elsewhere Foods Ltd".to_owned();
    other.tender.reference = "OTHER-1".to_owned();
    files::save_offer(&d.join("other tender.svoffer.json"), &other).unwrap();
    let mut renamed = participant(&pack, 2);
    renamed.offer.bidder.name = "Renamed Plan Ltd".to_owned();
    renamed.plan.id = "durham-sample-2".to_owned();
    files::save_offer(&d.join("renamed plan.svoffer.json"), &renamed).unwrap();

    let collected = workshop::collect(d, &pack).unwrap();
    let by_name: HashMap<&str, &FileStatus> = collected
        .files
        .iter()
        .map(|f| (f.file.as_str(), &f.status))
        .collect();
    assert_eq!(collected.files.len(), 11, "notes.txt is not collected");
    assert!(
        matches!(by_name["broken.svoffer.json"], FileStatus::Bad { .. }),
        "{:?}",
        by_name["broken.svoffer.json"]
    );
    assert_eq!(
        by_name["a plan.svoffer.json"],
        &FileStatus::Bad {
            message: "this file is a plan, not an offer: import it as a plan instead".to_owned()
        }
    );
    let first_file = files::workshop_offer_file_name(&first, &pack.title);
    assert_eq!(
        by_name["zz second go.svoffer.json"],
        &FileStatus::Duplicate {
            participant: first.offer.bidder.name.clone(),
            of: first_file,
        }
    );
    assert_eq!(
        by_name["other tender.svoffer.json"],
        &FileStatus::Foreign {
            participant: "Elsewhere Foods Ltd".to_owned(),
            message: "left out: it answers another tender (\"School meals, primary schools\", reference \"OTHER-1\"), not this workshop's".to_owned(),
        }
    );
    assert!(
        matches!(by_name["renamed plan.svoffer.json"], FileStatus::Ok { .. }),
        "a plan renamed by a store on import is the same plan"
    );
    assert_eq!(collected.offers.len(), 7);
    let broken = collected
        .files
        .iter()
        .find(|f| f.file == "broken.svoffer.json")
        .unwrap();
    assert!(
        broken
            .describe()
            .starts_with("broken.svoffer.json: not an offer file Offerwright can read: "),
        "{}",
        broken.describe()
    );
}

#[test]
fn a_folder_that_cannot_be_read_is_an_error() {
    let e = workshop::collect(Path::new("/no/such/folder"), &pack()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot read the folder /no/such/folder: no such file"
    );
}

// The comparison of 40 offers, against scoring each alone.

#[test]
fn forty_offers_compare_as_each_scores_alone() {
    let (dir, pack, names) = room(40);
    let collected = workshop::collect(dir.path(), &pack).unwrap();
    assert_eq!(collected.offers.len(), 40);
    assert!(collected.files.iter().all(|f| f.is_ok()));
    let c = workshop::compare(&pack, &collected, false);
    assert_eq!(c.rows.len(), 40);
    assert_eq!(c.hot_topics.len(), pack.plan.hot_topics.len());

    // Each row is its offer's own report.
    let docs: HashMap<String, OfferDocument> = (0..40)
        .map(|i| {
            let doc = participant(&pack, i);
            (doc.offer.bidder.name.clone(), doc)
        })
        .collect();
    let mut seen = Vec::new();
    for row in &c.rows {
        let doc = &docs[&row.participant];
        let report = score::score(doc);
        assert_eq!(row.projected_marks, report.projected_marks);
        assert_eq!(row.projected_marks_text, report.projected_marks_text);
        let bands: Vec<Band> = report.hot_topics.iter().map(|t| t.band).collect();
        assert_eq!(row.bands, bands, "{}", row.participant);
        assert_eq!(row.innovation_marks, report.innovation.marks);
        assert_eq!(row.commitments as usize, doc.offer.commitments.len());
        assert_eq!(row.social_value, report.social_value.total);
        assert_eq!(
            row.file.as_deref(),
            Some(files::workshop_offer_file_name(doc, &pack.title).as_str())
        );
        seen.push(row.participant.clone());
    }
    seen.sort();
    let mut all = names.clone();
    all.sort();
    assert_eq!(seen, all, "every participant once");

    // The ranking: best first, equal marks share a place.
    for (i, row) in c.rows.iter().enumerate() {
        let above = c
            .rows
            .iter()
            .filter(|r| r.projected_marks > row.projected_marks)
            .count();
        assert_eq!(row.rank as usize, above + 1);
        if i > 0 {
            assert!(c.rows[i - 1].projected_marks >= row.projected_marks);
        }
    }
    assert!(c.rows.iter().any(|r| r.tied), "the room has equal marks");
    let spread: std::collections::BTreeSet<_> = c.rows.iter().map(|r| r.projected_marks).collect();
    assert!(spread.len() >= 6, "offers of varied quality: {spread:?}");

    // The common failing checks, counted offer by offer, each offer scored
    // alone.
    let reports: Vec<score::Report> = docs.values().map(score::score).collect();
    let offers_with = |has: &dyn Fn(&score::CommitmentScore) -> bool| {
        reports
            .iter()
            .filter(|r| r.commitments.iter().any(has))
            .count()
    };
    for check in Check::ALL {
        let count = offers_with(&|s| s.checks.iter().any(|r| r.check == check && !r.passed));
        let key = format!("check:{}", check.name());
        match c.weaknesses.iter().find(|w| w.key == key) {
            Some(w) => {
                assert_eq!(w.count as usize, count, "{key}");
                assert_eq!(w.of, 40);
                assert!(w.headline.starts_with(&format!("{count} of 40 offers ")));
            }
            None => assert_eq!(count, 0, "{key}"),
        }
    }
    // The model's rules, counted offer by offer: "7 of 12 offers: business
    // as usual (R2)".
    let mut by_rule = 0;
    for rule in [
        score::Rule::R14,
        score::Rule::R1,
        score::Rule::R2,
        score::Rule::R7,
        score::Rule::R8,
        score::Rule::R10,
    ] {
        let count = offers_with(&|s| s.caps.iter().any(|k| k.rule == rule));
        let key = format!("rule:{}", rule.id());
        match c.weaknesses.iter().find(|w| w.key == key) {
            Some(w) => {
                by_rule += 1;
                assert_eq!(w.count as usize, count, "{key}");
                assert!(
                    w.headline.starts_with(&format!("{count} of 40 offers "))
                        && w.headline.ends_with(&format!("({})", rule.id())),
                    "{}",
                    w.headline
                );
            }
            None => assert_eq!(count, 0, "{key}"),
        }
    }
    assert!(by_rule >= 1, "the room's offers meet the model's rules");
    let owners = c
        .weaknesses
        .iter()
        .find(|w| w.key == "check:owned")
        .unwrap();
    assert!(
        owners
            .headline
            .ends_with("offers have a commitment with no named owner"),
        "{}",
        owners.headline
    );
    for pair in c.weaknesses.windows(2) {
        assert!(pair[0].count >= pair[1].count, "most common first");
    }
    assert!(owners.example.as_deref().unwrap().contains("owned by the "));

    // The model offer's report is the exemplar.
    let model = score::score(&pack.model_document().unwrap());
    let e = c.exemplar.as_ref().unwrap();
    assert_eq!(e.projected_marks, model.projected_marks);
    assert_eq!(
        e.bands,
        model.hot_topics.iter().map(|t| t.band).collect::<Vec<_>>()
    );
    assert!(
        c.rows
            .iter()
            .all(|r| r.projected_marks <= e.projected_marks),
        "the model offer is the best in the room"
    );
}

// Anonymised, no name is left anywhere.

#[test]
fn anonymised_no_participant_or_bidder_name_is_left_in_the_csv_the_pdf_or_the_screen() {
    let (dir, pack, mut names) = room(40);
    // A duplicate and a foreign file carry names too.
    let d = dir.path();
    files::save_offer(&d.join("zz again.svoffer.json"), &participant(&pack, 5)).unwrap();
    let mut foreign = participant(&pack, 6);
    foreign.offer.bidder.name = "Foreign Fare Ltd".to_owned();
    foreign.tender.reference = "X-1".to_owned();
    let foreign_file = files::workshop_offer_file_name(&foreign, "another pack");
    files::save_offer(&d.join(&foreign_file), &foreign).unwrap();
    names.push("Foreign Fare Ltd".to_owned());
    names.push(pack.model_offer.as_ref().unwrap().bidder.name.clone());

    let collected = workshop::collect(d, &pack).unwrap();
    let plain = workshop::compare(&pack, &collected, false);
    let c = workshop::compare(&pack, &collected, true);
    assert!(c.anonymised);
    let letters: Vec<&str> = c.rows.iter().map(|r| r.participant.as_str()).collect();
    assert_eq!(&letters[..3], ["A", "B", "C"]);
    assert_eq!(letters[26], "AA");
    assert!(c.rows.iter().all(|r| r.file.is_none()));
    // The same figures, in the same order.
    for (a, b) in plain.rows.iter().zip(&c.rows) {
        assert_eq!(a.projected_marks, b.projected_marks);
        assert_eq!(a.bands, b.bands);
    }

    let screen = serde_json::to_string(&c).unwrap();
    let csv = workshop::csv(&c);
    let pdf = pdftotext(&pdf::workshop_handout(&c, &pack, today()).unwrap());
    let plain_csv = workshop::csv(&plain);
    let plain_pdf = pdftotext(&pdf::workshop_handout(&plain, &pack, today()).unwrap());
    for name in &names {
        let lower = name.to_lowercase();
        for (what, text) in [("screen", &screen), ("CSV", &csv), ("PDF", &pdf)] {
            assert!(
                !text.to_lowercase().contains(&lower),
                "{name:?} is in the anonymised {what}"
            );
        }
    }
    // Not anonymised, the names are there (the check above can fail).
    assert!(plain_csv.contains(&names[0]));
    // Whole, however long: a name wraps in its column, never cut short.
    let flat = plain_pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in names.iter().take(40) {
        assert!(
            flat.contains(name.as_str()),
            "{name:?} is cut short:\n{flat}"
        );
    }
    assert!(pdf.contains("Participants are shown by letter."));
}

// The outputs.

#[test]
fn the_csv_has_every_score_one_line_per_participant() {
    let (dir, pack, _) = room(40);
    let collected = workshop::collect(dir.path(), &pack).unwrap();
    let c = workshop::compare(&pack, &collected, false);
    let text = workshop::csv(&c);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "rank");
    assert_eq!(&header[1], "participant");
    assert_eq!(
        &header[3],
        "Jobs for local people facing disadvantage (band)"
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 41, "40 participants and the model offer");
    let marks_at = header.iter().position(|h| h == "projected marks").unwrap();
    for (row, record) in c.rows.iter().zip(&records) {
        assert_eq!(&record[1], row.participant);
        assert_eq!(
            &record[marks_at],
            offerwright::money::round(row.projected_marks, 2).to_string()
        );
        assert_eq!(&record[3], row.bands[0].number().to_string());
        assert_eq!(record.len(), header.len());
    }
    assert_eq!(&records[40][0], "model");
}

#[test]
fn the_handout_shows_the_table_the_fixes_with_examples_and_the_plan() {
    let (dir, pack, _) = room(40);
    let collected = workshop::collect(dir.path(), &pack).unwrap();
    let c = workshop::compare(&pack, &collected, false);
    let bytes = pdf::workshop_handout(&c, &pack, today()).unwrap();
    let text = pdftotext(&bytes);
    assert!(text.contains("Workshop debrief"));
    assert!(text.contains(&pack.title));
    assert!(text.contains("40 offers compared"));
    assert!(text.contains("The five most common fixes, with an example from the model offer"));
    let fixes = c.top_fixes(5);
    assert_eq!(fixes.len(), 5);
    assert!(
        fixes.iter().all(|w| w.example.is_some()),
        "the model offer shows each fix"
    );
    for w in fixes {
        let start: String = w.headline.chars().take(30).collect();
        assert!(text.contains(&start), "{start:?}");
    }
    assert!(text.contains("Model offer: "));
    assert!(text.contains("Plan on a page"));
    assert!(text.contains(&pack.plan.title));
    let dir_out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/artefacts/pdf");
    if std::fs::create_dir_all(&dir_out).is_ok() {
        let _ = std::fs::write(dir_out.join("workshop-handout.pdf"), &bytes);
    }
}

// The command line.

#[test]
fn the_command_line_packs_starts_exports_and_compares() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    ok(d, &["demo"]);
    std::fs::write(w.join("instructions.md"), "# Today\n\nWrite your offer.\n").unwrap();
    let pack_file = w.join("room/pack.svworkshop.json");
    std::fs::create_dir_all(w.join("room")).unwrap();
    let printed = ok(
        d,
        &[
            "workshop",
            "pack",
            "durham-sample",
            "1",
            pack_file.to_str().unwrap(),
            "--instructions",
            w.join("instructions.md").to_str().unwrap(),
            "--model",
            "1",
            "--title",
            "Durham bid writing",
        ],
    );
    assert!(printed.starts_with("Wrote the workshop pack \"Durham bid writing\""));
    let pack = files::read_workshop(&std::fs::read(&pack_file).unwrap()).unwrap();
    assert_eq!(pack.instructions, "# Today\n\nWrite your offer.\n");
    assert_eq!(pack.model_offer.unwrap(), samples::demo_offer());

    // A participant on another laptop.
    let laptop = tempfile::tempdir().unwrap();
    let l = laptop.path();
    let printed = ok(
        l,
        &[
            "workshop",
            "start",
            pack_file.to_str().unwrap(),
            "--name",
            "Tyne Kitchens Ltd",
        ],
    );
    assert!(printed.contains("Write your offer."), "{printed}");
    let printed = ok(
        l,
        &[
            "workshop",
            "export",
            "1",
            "--pack",
            pack_file.to_str().unwrap(),
            "--to",
            w.join("room").to_str().unwrap(),
        ],
    );
    let exported = w.join("room/Tyne Kitchens Ltd - Durham bid writing.svoffer.json");
    assert!(exported.is_file(), "{printed}");
    ok(
        d,
        &[
            "offer",
            "export",
            "1",
            w.join("room/demo.svoffer.json").to_str().unwrap(),
        ],
    );
    std::fs::write(w.join("room/broken.svoffer.json"), "{").unwrap();
    std::fs::write(w.join("room/empty.svoffer.json"), "").unwrap();

    // The trainer compares; the pack is found in the folder.
    let csv_file = w.join("scores.csv");
    let pdf_file = w.join("handout.pdf");
    let printed = ok(
        d,
        &[
            "workshop",
            "compare",
            w.join("room").to_str().unwrap(),
            "--csv",
            csv_file.to_str().unwrap(),
            "--pdf",
            pdf_file.to_str().unwrap(),
        ],
    );
    assert!(printed.contains("Tyne Kitchens Ltd"), "{printed}");
    assert!(
        printed.contains("4 offer files collected, 2 compared, 2 left out:"),
        "{printed}"
    );
    assert!(printed.contains("- broken.svoffer.json: not an offer file Offerwright can read: "));
    assert!(printed.contains("- empty.svoffer.json: not an offer file Offerwright can read: "));
    assert!(csv_file.is_file() && pdf_file.is_file());

    // Anonymised, as JSON.
    let printed = ok(
        d,
        &[
            "--json",
            "workshop",
            "compare",
            w.join("room").to_str().unwrap(),
            "--pack",
            pack_file.to_str().unwrap(),
            "--anonymise",
            "--csv",
            csv_file.to_str().unwrap(),
        ],
    );
    let value: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(value["anonymised"], true);
    assert_eq!(value["rows"][0]["participant"], "A");
    assert!(!printed.contains("Tyne Kitchens"));
    assert!(!printed.contains("Wear Valley Kitchens CIC"));
    let csv_text = std::fs::read_to_string(&csv_file).unwrap();
    assert!(!csv_text.contains("Tyne Kitchens") && !csv_text.contains("Wear Valley"));

    // No pack: said so.
    let empty = tempfile::tempdir().unwrap();
    let out = offerwright(d, &["workshop", "compare", empty.path().to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no workshop pack (.svworkshop.json) in ") && err.contains("--pack FILE"),
        "{err}"
    );
}

#[test]
fn a_long_participant_name_wraps_in_the_handout_and_is_never_cut_short() {
    let (dir, pack, _) = room(3);
    let mut doc = participant(&pack, 1);
    let long = "The North East Catering and Community Kitchens Cooperative (Wear Valley, \
                Teesdale and Weardale) Community Interest Company";
    doc.offer.bidder.name = long.to_owned();
    let name = files::workshop_offer_file_name(&doc, &pack.title);
    files::save_offer(&dir.path().join(name), &doc).unwrap();
    let collected = workshop::collect(dir.path(), &pack).unwrap();
    let c = workshop::compare(&pack, &collected, false);
    let bytes = pdf::workshop_handout(&c, &pack, today()).unwrap();
    let dir_out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/artefacts/pdf");
    if std::fs::create_dir_all(&dir_out).is_ok() {
        let _ = std::fs::write(dir_out.join("workshop-handout-long-name.pdf"), &bytes);
    }
    let flat = pdftotext(&bytes);
    assert!(flat.contains(long), "{flat}");
    assert!(!flat.contains('\u{2026}'), "a name was cut short: {flat}");
    // Nothing the font lacks, so nothing to warn of; an emoji in a name is.
    assert!(pdf::unprintable_handout(&c, &pack).is_empty());
    let mut odd = participant(&pack, 2);
    odd.offer.bidder.name = "Smiles \u{1F600} Catering".to_owned();
    let name = files::workshop_offer_file_name(&odd, &pack.title);
    files::save_offer(&dir.path().join(name), &odd).unwrap();
    let collected = workshop::collect(dir.path(), &pack).unwrap();
    let c = workshop::compare(&pack, &collected, false);
    let warned = pdf::unprintable_handout(&c, &pack);
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert_eq!(
        warned[0].message,
        "1 character in the participants' names cannot be printed in the PDF: \u{1F600} (it \
         shows as \u{25A1} in it)"
    );
    assert!(
        pdftotext(&pdf::workshop_handout(&c, &pack, today()).unwrap())
            .contains("Smiles \u{25A1} Catering")
    );
}
