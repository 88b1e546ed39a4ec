//! Guided discovery: the interview for every shipped plan and for a plan
//! whose measures match no kind, the drafts its answers make (valid, passing
//! the checks a user can meet from an interview, never not credible), the
//! answers file's refusals, and the command line.

use std::collections::BTreeSet;
use std::process::Command;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use offerwright::discovery::{self, Fit, QuestionKind};
use offerwright::domain::{Measure, OfferDocument};
use offerwright::files;
use offerwright::samples;
use offerwright::score::{self, Check};

fn doc_for(plan_json: &str) -> OfferDocument {
    let plan = files::read_plan(plan_json.as_bytes()).unwrap();
    let mut doc = OfferDocument {
        plan,
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    };
    // A new, empty offer against that plan.
    doc.offer.commitments.clear();
    doc.offer.answers.clear();
    doc
}

/// A plan whose measures are like no kind of the bank.
fn odd_plan() -> OfferDocument {
    let (_, durham) = samples::SAMPLE_PLANS[0];
    let mut doc = doc_for(durham);
    for (i, m) in doc.plan.measures.iter_mut().enumerate() {
        *m = Measure {
            name: format!("Murals painted with residents, set {i}"),
            unit: "murals".to_owned(),
            proxy_value: None,
            ..m.clone()
        };
    }
    doc
}

fn shipped() -> Vec<(String, OfferDocument)> {
    let mut out: Vec<(String, OfferDocument)> = samples::SAMPLE_PLANS
        .iter()
        .map(|(name, plan)| (name.to_string(), doc_for(plan)))
        .collect();
    out.push(("odd".to_owned(), odd_plan()));
    out
}

/// Answers every question: yes to each hot topic and each unsure match,
/// `today` and `more` of each measure, and a source for today's figure.
fn answer_all(doc: &OfferDocument, today: u32, more: u32) -> Value {
    let mut answers = serde_json::Map::new();
    for q in discovery::interview(doc).unwrap() {
        let value = match q.kind {
            QuestionKind::YesNo => json!(true),
            QuestionKind::Number if q.id.ends_with(".today") => json!(today),
            QuestionKind::Number => json!(more),
            QuestionKind::ShortText => json!("Payroll and ledger, 2025"),
        };
        answers.insert(q.id, value);
    }
    json!({ "answers": answers })
}

/// The draft of `measure`.
fn draft_of<'a>(drafts: &'a discovery::Drafts, measure: &str) -> &'a discovery::Draft {
    drafts
        .drafts
        .iter()
        .find(|d| d.commitment.measure.as_deref() == Some(measure))
        .unwrap_or_else(|| panic!("no draft of {measure}: {drafts:?}"))
}

fn read(doc: &OfferDocument, value: &Value) -> discovery::Answers {
    discovery::read_answers(doc, value.to_string().as_bytes()).unwrap()
}

#[test]
fn the_interview_covers_every_hot_topic_that_has_measures() {
    for (name, doc) in shipped() {
        let questions = discovery::interview(&doc).unwrap();
        let ids: BTreeSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), questions.len(), "{name}: ids are unique");
        for t in doc
            .plan
            .hot_topics
            .iter()
            .filter(|t| !t.measures.is_empty())
        {
            assert!(
                ids.contains(format!("topic.{}", t.id).as_str()),
                "{name}: {}",
                t.id
            );
        }
        for m in doc.plan.hot_topics.iter().flat_map(|t| &t.measures) {
            for slot in ["today", "more", "evidence"] {
                assert!(
                    ids.contains(format!("{m}.{slot}").as_str()),
                    "{name}: {m}.{slot}"
                );
            }
        }
        // Every measure question waits for its hot topic's yes.
        for q in questions.iter().filter(|q| q.measure.is_some()) {
            let gate = q.when.as_deref().unwrap();
            assert!(ids.contains(gate), "{name}: {} waits for {gate}", q.id);
        }
        // Plain words: no placeholder left unfilled.
        for q in &questions {
            assert!(!q.asks.contains('{'), "{name}: {}", q.asks);
        }
    }
}

#[test]
fn measures_are_matched_by_unit_and_name_and_the_unsure_ones_confirmed() {
    let bank = discovery::bank().unwrap();
    let (_, durham) = samples::SAMPLE_PLANS[0];
    let durham = doc_for(durham).plan;
    let kind = |id: &str| {
        let (k, fit) = discovery::fit(bank, durham.measure(id).unwrap());
        (k.map(|k| k.id.as_str()), fit)
    };
    assert_eq!(kind("local-hires"), (Some("hires"), Fit::Sure));
    assert_eq!(
        kind("apprenticeship-weeks"),
        (Some("apprenticeships"), Fit::Sure)
    );
    assert_eq!(kind("local-sme-spend"), (Some("spend"), Fit::Sure));
    assert_eq!(
        kind("volunteering-hours"),
        (Some("volunteering"), Fit::Sure)
    );
    assert_eq!(kind("zero-emission-miles"), (None, Fit::None));
    // A unit alone is not sure: the interview asks.
    let doc = doc_for(samples::SAMPLE_PLANS[1].1);
    let living_wage = doc.plan.measure("living-wage-staff").unwrap();
    assert_eq!(discovery::fit(bank, living_wage).1, Fit::Unsure);
    let questions = discovery::interview(&doc).unwrap();
    assert!(
        questions
            .iter()
            .any(|q| q.id == "living-wage-staff.confirm")
    );
    // The odd plan's measures get the generic questions, in their own unit.
    let odd = discovery::interview(&odd_plan()).unwrap();
    let q = odd.iter().find(|q| q.id.ends_with(".more")).unwrap();
    assert_eq!(q.fit, Some(Fit::None));
    assert_eq!(q.unit.as_deref(), Some("murals"));
}

/// The checks a draft from an interview must pass (E needs evidence, which
/// the answers give here).
const MET: [Check; 6] = [
    Check::Measurable,
    Check::TimeBound,
    Check::Local,
    Check::Owned,
    Check::Monitored,
    Check::Additional,
];

fn assert_drafts_sound(name: &str, doc: &OfferDocument, answers: &Value) -> usize {
    let drafts = discovery::drafts(doc, &read(doc, answers)).unwrap();
    let mut with = doc.clone();
    with.offer
        .commitments
        .extend(drafts.drafts.iter().map(|d| d.commitment.clone()));
    // The file reader accepts them.
    let back = files::read_offer(files::write_offer(&with).as_bytes())
        .unwrap_or_else(|e| panic!("{name}: the drafts make an invalid offer: {e}"));
    let report = score::score(&back);
    for d in &drafts.drafts {
        let s = report
            .commitments
            .iter()
            .find(|s| s.id == d.commitment.id)
            .unwrap();
        assert!(
            s.credible,
            "{name}: {} is not credible: {:?}",
            s.id, s.not_credible
        );
        for check in MET {
            let r = s.checks.iter().find(|r| r.check == check).unwrap();
            assert!(r.passed, "{name}: {} fails {check:?}: {}", s.id, r.reason);
        }
        assert_eq!(d.band, s.band, "{name}: the band shown is the band it gets");
    }
    drafts.drafts.len()
}

#[test]
fn the_answers_make_valid_credible_commitments_for_every_plan() {
    for (name, doc) in shipped() {
        let measures: BTreeSet<&str> = doc
            .plan
            .hot_topics
            .iter()
            .flat_map(|t| t.measures.iter().map(String::as_str))
            .collect();
        let n = assert_drafts_sound(&name, &doc, &answer_all(&doc, 1, 2));
        assert_eq!(n, measures.len(), "{name}: one draft per measure");
    }
}

#[test]
fn drafts_are_sized_to_the_contract_and_the_bidder() {
    let (_, durham) = samples::SAMPLE_PLANS[0];
    // A micro firm on a small contract asks for far too much.
    let mut small = doc_for(durham);
    small.offer.bidder.employees = Some(2);
    small.tender.contract_value = Decimal::from(40_000);
    small.tender.duration_months = 12;
    let greedy = answer_all(&small, 0, 500_000);
    assert_drafts_sound("micro firm", &small, &greedy);
    let drafts = discovery::drafts(&small, &read(&small, &greedy)).unwrap();
    let hires = draft_of(&drafts, "local-hires");
    // One hire at most: £40,000 funds one job, and at £12,000 a hire the
    // value stays within half the contract.
    assert_eq!(hires.commitment.quantity, Some(Decimal::ONE));
    assert!(
        hires
            .sized
            .as_deref()
            .unwrap()
            .contains("more than half the contract value")
    );
    // A large contract scales the same answers up.
    let mut large = doc_for(durham);
    large.offer.bidder.employees = Some(400);
    large.tender.contract_value = Decimal::from(20_000_000);
    let drafts = discovery::drafts(&large, &read(&large, &greedy)).unwrap();
    let big = draft_of(&drafts, "local-hires");
    assert!(big.commitment.quantity.unwrap() > Decimal::from(100));
    assert_drafts_sound("large contract", &large, &greedy);

    // Today's pace already beyond what the team could credibly give: not
    // drafted, and said why.
    let mut one = doc_for(durham);
    one.offer.bidder.employees = Some(1);
    one.tender.duration_months = 12;
    let answers = json!({ "answers": {
        "topic.volunteering": true,
        "volunteering-hours.today": 100,
        "volunteering-hours.more": 10,
        "topic.local-jobs": true,
        "local-hires.today": 1_000_000_000_000_u64,
        "local-hires.more": 1,
    }});
    let drafts = discovery::drafts(&one, &read(&one, &answers)).unwrap();
    assert!(drafts.drafts.is_empty(), "{:?}", drafts.drafts);
    let reasons: Vec<(&str, &str)> = drafts
        .skipped
        .iter()
        .map(|s| (s.measure.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, "local-hires");
    assert!(
        reasons[0].1.contains("more than an offer can hold"),
        "{reasons:?}"
    );
    assert_eq!(reasons[1].0, "volunteering-hours");
    assert!(
        reasons[1]
            .1
            .starts_with("even 101 hours, the least above today's pace, is not credible: ")
            && reasons[1].1.contains("37.5 hours a year"),
        "{reasons:?}"
    );
}

#[test]
fn what_is_done_today_is_the_baseline_and_only_more_is_promised() {
    let (_, durham) = samples::SAMPLE_PLANS[0];
    let doc = doc_for(durham);
    let answers = json!({ "answers": {
        "topic.local-jobs": true,
        "local-hires.today": 2,
        "local-hires.more": 1,
        "topic.apprenticeships": false,
        "apprenticeship-weeks.more": 50,
    }});
    let drafts = discovery::drafts(&doc, &read(&doc, &answers)).unwrap();
    assert_eq!(
        drafts.drafts.len(),
        1,
        "a hot topic answered no is not drafted"
    );
    let c = &drafts.drafts[0].commitment;
    // 2 a year over 36 months is 6; one more makes 7.
    assert_eq!(c.baseline, Some(Decimal::from(2)));
    assert_eq!(c.quantity, Some(Decimal::from(7)));
    assert!(c.additional);
    assert_eq!(c.by, Some(doc.tender.last_day()));
    assert_eq!(c.r#where.as_deref(), Some("County Durham"));
    assert_eq!(c.id, "c1");
}

#[test]
fn an_answers_file_from_a_stranger_is_refused_with_the_answer_named() {
    let (_, durham) = samples::SAMPLE_PLANS[0];
    let doc = doc_for(durham);
    for (answers, expected) in [
        (
            json!({ "answers": { "nope": 1 } }),
            "answers.nope: no question",
        ),
        (
            json!({ "answers": { "local-hires.more": -1 } }),
            "answers.local-hires.more: expected a number from 0",
        ),
        (
            json!({ "answers": { "local-hires.more": 1e300 } }),
            "answers.local-hires.more: expected a number",
        ),
        (
            json!({ "answers": { "local-hires.more": "lots" } }),
            "answers.local-hires.more: expected a number of 0 or more",
        ),
        (
            json!({ "answers": { "topic.local-jobs": "yes" } }),
            "answers.topic.local-jobs: expected true or false",
        ),
        (
            json!({ "answers": { "local-hires.evidence": "a\u{7}b" } }),
            "answers.local-hires.evidence: this text contains the control character U+0007",
        ),
        (
            json!({ "answers": { "local-hires.evidence": "x".repeat(2001) } }),
            "at most 2000 characters",
        ),
        (json!({ "answers": {}, "extra": 1 }), "extra"),
    ] {
        let e = discovery::read_answers(&doc, answers.to_string().as_bytes()).unwrap_err();
        assert!(e.to_string().contains(expected), "{answers}: {e}");
    }
    // Deeply nested and not JSON at all.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(discovery::read_answers(&doc, deep.as_bytes()).is_err());
    assert!(discovery::read_answers(&doc, b"\xff\xfe").is_err());
}

#[test]
fn the_command_line_asks_and_adds_the_drafts() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(crate::support::cli_binary())
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .env_remove("OFFERWRIGHT_DATA_DIR")
            .output()
            .unwrap()
    };
    assert!(run(&["demo"]).status.success());
    let out = run(&["--json", "offer", "discover", "1", "--questions"]);
    assert!(out.status.success());
    let questions: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &questions[0];
    assert_eq!(first["id"], "topic.local-jobs");
    assert_eq!(first["kind"], "yes_no");
    let file = data.path().join("answers.json");
    std::fs::write(
        &file,
        json!({ "answers": { "topic.local-jobs": true, "local-hires.more": 2 } }).to_string(),
    )
    .unwrap();
    let out = run(&[
        "offer",
        "discover",
        "1",
        "--answers",
        file.to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("Added c6: Local residents from disadvantaged groups hired"),
        "{said}"
    );
    let shown = run(&["--json", "offer", "show", "1"]);
    let doc = files::read_offer(&shown.stdout).unwrap();
    assert_eq!(doc.offer.commitments.len(), 6);
    // A bad answers file names the file and the answer; nothing is added.
    std::fs::write(&file, r#"{"answers": {"local-hires.more": true}}"#).unwrap();
    let out = run(&[
        "offer",
        "discover",
        "1",
        "--answers",
        file.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("answers.json") && said.contains("answers.local-hires.more"),
        "{said}"
    );
    let shown = run(&["--json", "offer", "show", "1"]);
    assert_eq!(
        files::read_offer(&shown.stdout)
            .unwrap()
            .offer
            .commitments
            .len(),
        6
    );
}
