//! Model 2's numbered rules one by one (docs/scoring.md): each threshold
//! exactly at, just above and just below, each edge the spec names, and the
//! properties every report keeps. The cases build on the documents of
//! `score.rs` (`base`, `full`, `check`): two hot topics of equal weight
//! (jobs, place-based, measure "hires"; carbon, measure "tonnes"), a
//! contract of £100,000 over 18 months from 31 August 2026, a bidder of 10
//! employees.

use offerwright::domain::{Commitment, HotTopic, OfferDocument};
use offerwright::score::{self, Band, FixKind, FixTarget, Report, Rule};

use super::score::{answering, base, check, d, date, full, text, with};

/// The ids of the not-credible tests a commitment fails, in the report's order.
fn not_credible(doc: &OfferDocument, id: &str) -> Vec<&'static str> {
    let report = score::score(doc);
    let c = report.commitments.iter().find(|c| c.id == id).unwrap();
    c.not_credible.iter().map(|r| r.rule.id()).collect()
}

/// The ids of the caps a commitment has.
fn caps(report: &Report, id: &str) -> Vec<&'static str> {
    let c = report.commitments.iter().find(|c| c.id == id).unwrap();
    c.caps.iter().map(|k| k.rule.id()).collect()
}

/// A commitment under hot topic `topic` with no measure and this unit.
fn counted_in(id: &str, topic: &str, quantity: &str, unit: &str) -> Commitment {
    let mut c = full(id, Some(topic));
    c.measure = None;
    c.unit = text(unit);
    c.quantity = Some(d(quantity));
    c
}

// ------------------------------------------------------------ not credible

#[test]
fn p_money_at_half_the_contract_is_credible_just_over_is_not() {
    for (quantity, expected) in [
        ("50000", vec![]),
        ("49999.99", vec![]),
        ("50000.01", vec!["R12"]),
    ] {
        for unit in ["GBP", "pounds", "£", "£ of spend"] {
            let doc = with(vec![counted_in("c1", "carbon", quantity, unit)]);
            assert_eq!(not_credible(&doc, "c1"), expected, "{quantity} {unit}");
        }
    }
    // P at the buyer's proxy value: 2 x £25,000.00 is exactly half.
    for (proxy, expected) in [
        ("25000", vec![]),
        ("24999.99", vec![]),
        ("25000.01", vec!["P"]),
    ] {
        let mut doc = with(vec![full("c1", Some("jobs"))]);
        doc.plan.measures[0].proxy_value = Some(d(proxy));
        assert_eq!(not_credible(&doc, "c1"), expected, "{proxy}");
    }
}

#[test]
fn r3_people_against_ten_times_the_team() {
    // A contract large enough that R9 (one job per £25,000) is never reached.
    let run = |employees: Option<u32>, quantity: &str| {
        let mut doc = with(vec![counted_in("c1", "carbon", quantity, "people")]);
        doc.tender.contract_value = d("100000000");
        doc.offer.bidder.employees = employees;
        doc
    };
    assert_eq!(
        not_credible(&run(Some(10), "100"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(
        not_credible(&run(Some(10), "99.5"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(not_credible(&run(Some(10), "100.5"), "c1"), ["R3"]);
    // 0 employees counts as 1.
    assert_eq!(not_credible(&run(Some(0), "10"), "c1"), Vec::<&str>::new());
    assert_eq!(not_credible(&run(Some(0), "11"), "c1"), ["R3"]);
    // None given: the test cannot run, and the report says so.
    let doc = run(None, "100000");
    assert_eq!(not_credible(&doc, "c1"), Vec::<&str>::new());
    let report = score::score(&doc);
    assert_eq!(report.commitments[0].untested, [Rule::R3]);
    assert!(
        report
            .flags
            .iter()
            .any(|f| f.kind == score::FlagKind::EmployeesMissing && f.message.contains("R3")),
        "{:?}",
        report.flags
    );
    // People counted in time or money are not a head count.
    for unit in ["people hours", "people weeks", "GBP per people"] {
        let mut doc = run(Some(1), "50");
        doc.offer.commitments[0].unit = text(unit);
        assert!(
            !not_credible(&doc, "c1").contains(&"R3"),
            "{unit}: {:?}",
            not_credible(&doc, "c1")
        );
    }
}

#[test]
fn r9_jobs_against_one_per_25000_and_at_least_one() {
    let run = |value: &str, quantity: &str, unit: &str| {
        let mut doc = with(vec![counted_in("c1", "carbon", quantity, unit)]);
        doc.tender.contract_value = d(value);
        doc.offer.bidder.employees = Some(1000);
        doc
    };
    // £100,000 funds 4.
    assert_eq!(
        not_credible(&run("100000", "4", "jobs"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(
        not_credible(&run("100000", "3.99", "jobs"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(not_credible(&run("100000", "4.01", "jobs"), "c1"), ["R9"]);
    // £10,000 funds 0.4, but at least 1.
    assert_eq!(
        not_credible(&run("10000", "1", "internships"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(
        not_credible(&run("10000", "1.01", "internships"), "c1"),
        ["R9"]
    );
    // The measure's name counts too; time or money in the units does not.
    let mut doc = run("100000", "10", "places");
    doc.offer.commitments[0].measure = text("hires"); // "Local people hired"
    assert_eq!(not_credible(&doc, "c1"), ["R9"]);
    for unit in ["apprenticeship weeks", "GBP", "hires days"] {
        assert!(
            !not_credible(&run("100000", "10", unit), "c1").contains(&"R9"),
            "{unit}"
        );
    }
    let doc = run("48000", "10", "jobs");
    let report = score::score(&doc);
    assert_eq!(
        report.commitments[0].not_credible[0].reason,
        "10 jobs or placements is more than the contract could fund, one for every £25,000.00 of its value (1.92)"
    );
}

#[test]
fn r11_hours_against_a_working_week_a_year_of_each_employee() {
    // 37.5 x 10 employees x 18 months / 12 = 562.5 hours.
    let run = |employees: Option<u32>, quantity: &str, unit: &str| {
        let mut doc = with(vec![counted_in("c1", "carbon", quantity, unit)]);
        doc.offer.bidder.employees = employees;
        doc
    };
    assert_eq!(
        not_credible(&run(Some(10), "562.5", "hours"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(
        not_credible(&run(Some(10), "562.49", "hours"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(not_credible(&run(Some(10), "562.51", "hrs"), "c1"), ["R11"]);
    // 0 employees counts as 1: 56.25.
    assert_eq!(
        not_credible(&run(Some(0), "56.25", "hours"), "c1"),
        Vec::<&str>::new()
    );
    assert_eq!(not_credible(&run(Some(0), "56.26", "hours"), "c1"), ["R11"]);
    // Hours of the people taking part are not staff time.
    assert_eq!(
        not_credible(&run(Some(1), "5000", "learner hours"), "c1"),
        Vec::<&str>::new()
    );
    let report = score::score(&run(None, "5000", "hours"));
    assert_eq!(report.commitments[0].untested, [Rule::R11]);
    let mut doc = run(Some(3), "1500", "hours");
    doc.tender.duration_months = 12;
    let report = score::score(&doc);
    assert_eq!(
        report.commitments[0].not_credible[0].reason,
        "1,500 hours is more than 37.5 hours a year for each of the bidder's 3 employees (112.5)"
    );
}

#[test]
fn the_not_credible_tests_report_in_the_models_order() {
    // 60 people, with a proxy value: P, then R3 and R9.
    let mut c = full("c1", Some("jobs"));
    c.quantity = Some(d("110"));
    let doc = with(vec![c]);
    assert_eq!(not_credible(&doc, "c1"), ["P", "R3", "R9"]);
}

// ------------------------------------------------ where a commitment counts

/// `base()` with a third hot topic, "skills", that also lists "hires".
fn three_topics(skills_first: bool) -> OfferDocument {
    let mut doc = base();
    let skills = HotTopic {
        id: "skills".to_owned(),
        theme: "wealthier".to_owned(),
        title: "Skills for work".to_owned(),
        description: None,
        weight: d("50"),
        place_based: false,
        measures: vec!["hires".to_owned()],
        examples: vec![],
    };
    if skills_first {
        doc.plan.hot_topics.insert(0, skills);
    } else {
        doc.plan.hot_topics.push(skills);
    }
    doc
}

#[test]
fn a_measure_listed_under_two_other_hot_topics_counts_for_the_first_in_plan_order() {
    for (skills_first, counts_for) in [(false, "jobs"), (true, "skills")] {
        let mut doc = three_topics(skills_first);
        let mut c = full("c1", Some("carbon"));
        c.measure = text("hires");
        doc.offer.commitments = vec![c];
        let report = score::score(&doc);
        let c = &report.commitments[0];
        assert_eq!(c.hot_topic.as_deref(), Some(counts_for));
        assert_eq!(c.filed_under.as_deref(), Some("carbon"));
        assert_eq!(caps(&report, "c1"), ["R14"]);
        assert_eq!(c.band, Some(Band::Satisfactory));
        let carbon = report.hot_topics.iter().find(|t| t.id == "carbon").unwrap();
        assert_eq!(
            carbon.band,
            Band::NoResponse,
            "it counts only where it belongs"
        );
        let fix = report
            .fixes
            .iter()
            .find(|f| f.kind == FixKind::FiledElsewhere)
            .unwrap();
        assert_eq!(
            fix.target,
            FixTarget::MoveCommitment {
                id: "c1".to_owned(),
                hot_topic: counts_for.to_owned()
            }
        );
    }
}

#[test]
fn a_measure_listed_under_its_own_hot_topic_and_another_stays_where_it_is() {
    let mut doc = three_topics(true);
    doc.offer.commitments = vec![full("c1", Some("jobs"))];
    let report = score::score(&doc);
    assert_eq!(report.commitments[0].hot_topic.as_deref(), Some("jobs"));
    assert!(caps(&report, "c1").is_empty());
}

#[test]
fn a_moved_commitment_meeting_a_better_one_already_there_gains_nothing_by_moving() {
    let mut moved = full("c2", Some("carbon"));
    moved.measure = text("hires");
    check(
        with(vec![full("c1", Some("jobs")), moved]),
        "
        topic jobs band 5 by c1 share 0.5 marks 5
        topic carbon band 0 nothing share 0.5 marks 0
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 MTLOKEA band 3 value 2000 caps(R14)
        fix 3 missing_hot_topic topic carbon
        fix 0 filed_elsewhere move c2 to jobs
        ",
    );
}

#[test]
fn an_unclear_fit_needs_none_of_the_hot_topics_words() {
    let unclear = |what: &str, unit: &str| {
        let mut c = counted_in("c1", "carbon", "2", unit);
        c.what = what.to_owned();
        caps(&score::score(&with(vec![c])), "c1").contains(&"R1")
    };
    // Carbon's vocabulary: "Cutting carbon emissions", the measure "Carbon
    // cut" in "tonnes CO2e", the theme "Altogether greener".
    assert!(unclear("Sponsor the town football team", "kits"));
    assert!(!unclear("Sponsor the town football team", "tonnes"));
    assert!(!unclear("Electric vans for CARBON-free rounds", "vans"));
    assert!(
        !unclear("Emissions audit", "audits"),
        "one trailing s dropped"
    );
    // Generic words are not a fit: "local", "people", "support".
    assert!(unclear("Local people support", "kits"));
    // A listed measure is never an unclear fit, even without a word in common.
    let mut c = full("c1", Some("carbon"));
    c.what = "Sponsor the town football team".to_owned();
    assert!(!caps(&score::score(&with(vec![c])), "c1").contains(&"R1"));
}

// ------------------------------------------------------- business as usual

#[test]
fn business_as_usual_is_judged_on_the_commitments_own_date_at_a_month_end() {
    // 31 August 2026 + 6 months = 28 February 2027; a baseline of 12 a year
    // is 6 by then, 7 by 1 March (7 months).
    let run = |by: &str, quantity: &str| {
        let mut c = full("c1", Some("jobs"));
        c.baseline = Some(d("12"));
        c.quantity = Some(d(quantity));
        c.by = Some(date(by));
        let mut doc = with(vec![c]);
        // Large enough that no test of proportion is reached.
        doc.tender.contract_value = d("10000000");
        // The cap applies (it has its fix) even where the raw band is no higher.
        score::score(&doc)
            .fixes
            .iter()
            .any(|f| f.kind == FixKind::BusinessAsUsual)
    };
    assert!(run("2027-02-28", "6"));
    assert!(run("2027-02-28", "5.99"));
    assert!(!run("2027-02-28", "6.01"));
    assert!(run("2027-02-27", "6"), "27 February needs 6 months too");
    assert!(run("2027-03-01", "7"));
    assert!(!run("2027-03-01", "7.01"));
    // On the start day m is 0: anything above 0 is more than business as usual.
    assert!(!run("2026-08-31", "0.01"));
    // With T failing, m is the whole contract: 18 months, 18.
    assert!(run("2030-01-01", "18"));
    assert!(!run("2030-01-01", "18.01"));
}

#[test]
fn a_baseline_of_zero_is_proof_for_band_5_and_none_stops_at_4() {
    let mut none = full("c1", Some("jobs"));
    none.baseline = None;
    check(
        with(vec![none]),
        "
        commitment c1 MTLOKEA band 4 value 2000 caps(R7)
        fix 3 missing_hot_topic topic carbon
        fix 1 needs_proof c1.baseline
        ",
    );
    check(
        with(vec![full("c1", Some("jobs"))]),
        "commitment c1 MTLOKEA band 5 value 2000",
    );
}

// -------------------------------------------------------------- placeholders

#[test]
fn each_placeholder_form_makes_a_commitment_unfinished() {
    for what in [
        "Hire [number] residents",
        "Hire <<insert figure>> residents",
        "Hire <<>> residents",
        "Hire ?? residents",
        "Hire residents TBC",
        "Hire tbd residents",
        "Hire residents (TBA)",
        "TODO: hire residents",
        "Hire residents, FIXME",
        "Hire XX residents",
        "Hire xxx residents",
    ] {
        let mut c = full("c1", Some("jobs"));
        c.what = what.to_owned();
        let report = score::score(&with(vec![c]));
        assert_eq!(caps(&report, "c1"), ["R10"], "{what:?}");
        assert_eq!(report.commitments[0].band, Some(Band::Poor), "{what:?}");
    }
    for what in [
        "Hire residents, see [our plan](https://example.org/plan)",
        "Hire [2] residents",
        "Hire residents? Yes.",
        "Hire residents [split\nover lines]",
        "Hire tbca residents",
        "Hire XXL residents",
    ] {
        let mut c = full("c1", Some("jobs"));
        c.what = what.to_owned();
        let report = score::score(&with(vec![c]));
        assert!(caps(&report, "c1").is_empty(), "{what:?}");
    }
}

#[test]
fn a_placeholder_in_another_given_field_stops_at_2_and_a_wholly_placeholder_field_fails_its_check()
{
    let mut c = full("c1", Some("jobs"));
    c.owner = text("TBC - ask Jo");
    check(
        with(vec![c]),
        "
        commitment c1 MTLOKEA band 2 value 2000 caps(R10)
        fix 3 unfinished c1.owner
        fix 3 missing_hot_topic topic carbon
        ",
    );
    // The fix goes to the first field holding one, beneficiaries included.
    let mut c = full("c1", Some("jobs"));
    c.beneficiaries = text("[who exactly?]");
    c.evidence = text("Hired 2 in 2025 (XX to confirm)");
    check(
        with(vec![c]),
        "
        commitment c1 MTLOKEA band 2 value 2000 caps(R10)
        fix 3 unfinished c1.beneficiaries
        fix 3 missing_hot_topic topic carbon
        ",
    );
    let mut c = full("c1", Some("jobs"));
    c.owner = text("TBC.");
    check(
        with(vec![c]),
        "
        commitment c1 MTL.KEA band 4 value 2000
        fix 3 missing_hot_topic topic carbon
        fix 1 failing_check c1.owner
        ",
    );
}

// --------------------------------------------------------------------- holds

#[test]
fn a_draft_answer_holds_the_hot_topics_it_mentions_and_its_fix_comes_first() {
    let mut doc = answering("Our jobs plan is [to follow].");
    doc.offer.commitments = vec![full("c1", Some("jobs")), full("c2", Some("carbon"))];
    check(
        doc.clone(),
        "
        topic jobs band 2 by c1 share 0.5 marks 2 held(R10)
        topic carbon band 5 by c2 share 0.5 marks 5
        fix 0 draft_answer q1
        ",
    );
    // Past the word limit, the mention is not read, and there is no hold.
    doc.tender.questions[0].word_limit = Some(1);
    check(doc, "topic jobs band 5 by c1 share 0.5 marks 5");
}

#[test]
fn two_not_credible_commitments_hold_every_hot_topic_and_lifting_it_gains_the_bands() {
    let big = |id: &str| {
        let mut c = counted_in(id, "carbon", "60000", "GBP");
        c.hot_topic = None;
        c
    };
    let doc = with(vec![
        full("c1", Some("jobs")),
        full("c2", Some("carbon")),
        big("c3"),
        big("c4"),
    ]);
    check(
        doc.clone(),
        "
        topic jobs band 2 by c1 share 0.5 marks 2 held(R13)
        topic carbon band 2 by c2 share 0.5 marks 2 held(R13)
        fix 6 out_of_proportion c3.quantity
        ",
    );
    // One alone does not hold.
    let doc = with(vec![full("c1", Some("jobs")), big("c3")]);
    check(doc, "topic jobs band 5 by c1 share 0.5 marks 5");
}

#[test]
fn a_missing_hot_topic_gains_band_3_or_its_hold() {
    let big = |id: &str| {
        let mut c = counted_in(id, "carbon", "60000", "GBP");
        c.hot_topic = None;
        c
    };
    check(
        with(vec![big("c1"), big("c2")]),
        "
        fix 2 missing_hot_topic topic jobs
        fix 2 missing_hot_topic topic carbon
        fix 0 out_of_proportion c1.quantity
        ",
    );
}

// ---------------------------------------------------------------- properties

/// Commitments missing every combination of what the seven checks need.
fn every_combination() -> Vec<Commitment> {
    let mut out = Vec::new();
    for mask in 0u32..128 {
        for topic in ["jobs", "carbon"] {
            let mut c = full(&format!("c{mask}"), Some(topic));
            if mask & 1 != 0 {
                c.quantity = None;
            }
            if mask & 2 != 0 {
                c.by = None;
            }
            if mask & 4 != 0 {
                c.r#where = None;
            }
            if mask & 8 != 0 {
                c.owner = None;
            }
            if mask & 16 != 0 {
                c.kpi = None;
            }
            if mask & 32 != 0 {
                c.evidence = None;
            }
            if mask & 64 != 0 {
                c.additional = false;
            }
            out.push(c);
        }
    }
    out
}

/// `c` with the field of check `k` (M T L O K E A) put right.
fn passing(mut c: Commitment, k: usize) -> Commitment {
    let good = full("x", Some("jobs"));
    match k {
        0 => c.quantity = good.quantity,
        1 => c.by = good.by,
        2 => c.r#where = good.r#where,
        3 => c.owner = good.owner,
        4 => c.kpi = good.kpi,
        5 => c.evidence = good.evidence,
        _ => c.additional = true,
    }
    c
}

#[test]
fn one_more_passing_check_never_lowers_a_band() {
    for hedged in [false, true] {
        for c in every_combination() {
            let mut c = c;
            if hedged {
                c.how = text("We aim to do it.");
            }
            let before = score::score(&with(vec![c.clone()]));
            for k in 0..7 {
                if before.commitments[0].checks[k].passed {
                    continue;
                }
                let after = score::score(&with(vec![passing(c.clone(), k)]));
                if !after.commitments[0].checks[k].passed {
                    // A needs a quantity to compare with the baseline.
                    assert!(k == 6 && c.quantity.is_none(), "{} check {k}", c.id);
                    continue;
                }
                assert!(
                    after.commitments[0].band >= before.commitments[0].band,
                    "{} check {k}: {:?} -> {:?}",
                    c.id,
                    before.commitments[0].band,
                    after.commitments[0].band
                );
                assert!(after.score >= before.score, "{} check {k}", c.id);
            }
        }
    }
}

/// Every cap and hold in a report has its fix.
fn assert_every_cap_and_hold_has_a_fix(report: &Report, name: &str) {
    for c in &report.commitments {
        for k in &c.caps {
            let found = report.fixes.iter().any(|f| {
                f.rule == Some(k.rule)
                    && match &f.target {
                        FixTarget::Commitment { id, .. } | FixTarget::MoveCommitment { id, .. } => {
                            *id == c.id
                        }
                        _ => false,
                    }
            });
            assert!(found, "{name}: {} {} has no fix", c.id, k.rule.id());
        }
        if !c.credible && c.hot_topic.is_some() {
            assert!(
                report.fixes.iter().any(|f| f.kind == FixKind::NotCredible
                    && matches!(&f.target, FixTarget::Commitment { id, .. } if *id == c.id)),
                "{name}: {} not credible has no fix",
                c.id
            );
        }
    }
    for t in &report.hot_topics {
        for h in &t.held_by {
            let kind = match h.rule {
                Rule::R13 => FixKind::OutOfProportion,
                _ => FixKind::DraftAnswer,
            };
            assert!(
                report.fixes.iter().any(|f| f.kind == kind),
                "{name}: {} held by {} has no fix",
                t.id,
                h.rule.id()
            );
        }
    }
}

#[test]
fn every_cap_and_hold_in_a_report_has_a_fix() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scoring");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".svoffer.json") {
            let doc = offerwright::files::read_offer(&std::fs::read(&path).unwrap()).unwrap();
            assert_every_cap_and_hold_has_a_fix(&score::score(&doc), &path.to_string_lossy());
        }
    }
    assert_every_cap_and_hold_has_a_fix(&score::score(&super::score::demo()), "demo");
    for c in every_combination() {
        let mut c = c;
        c.how = text("We aim to [confirm] it, where possible.");
        c.baseline = None;
        let mut doc = answering("Local jobs TBC");
        doc.offer.commitments = vec![c];
        assert_every_cap_and_hold_has_a_fix(&score::score(&doc), "combination");
    }
}

#[test]
fn scoring_the_same_offer_twice_gives_the_same_report() {
    for c in every_combination().into_iter().step_by(7) {
        let doc = with(vec![c, full("c9", None)]);
        assert_eq!(score::score(&doc), score::score(&doc));
    }
}

// -------------------------------------------------------------------- places

#[test]
fn places_match_literally_so_a_joined_entry_is_split_into_one_per_name() {
    let mut doc = with(vec![{
        let mut c = full("c1", Some("jobs"));
        c.r#where = text("Pembrokeshire and Ceredigion");
        c
    }]);
    doc.plan.local_area = text("Hywel Dda");
    doc.plan.local_places = vec![
        "Aberteifi / Cardigan".to_owned(),
        "Sir Benfro / Pembrokeshire".to_owned(),
        "Tenby".to_owned(),
    ];
    let joined = doc.plan.joined_places();
    assert_eq!(joined.len(), 2);
    assert_eq!(joined[1].parts, ["Sir Benfro", "Pembrokeshire"]);
    let report = score::score(&doc);
    let l = &report.commitments[0].checks[2];
    assert!(!l.passed);
    // The reason says which places would have counted.
    assert!(
        l.reason.contains(
            "\"Hywel Dda\", \"Aberteifi / Cardigan\", \"Sir Benfro / Pembrokeshire\" or \"Tenby\""
        ),
        "{}",
        l.reason
    );
    doc.plan.split_joined_places();
    assert_eq!(
        doc.plan.local_places,
        [
            "Aberteifi",
            "Cardigan",
            "Sir Benfro",
            "Pembrokeshire",
            "Tenby"
        ]
    );
    assert!(doc.plan.joined_places().is_empty());
    assert!(score::score(&doc).commitments[0].checks[2].passed);
}

#[test]
fn a_joined_local_area_keeps_its_first_name_and_no_name_is_listed_twice() {
    let mut plan = base().plan;
    plan.local_area = text("Sir Gâr / Carmarthenshire");
    plan.local_places = vec![
        "Carmarthenshire".to_owned(),
        "Llanelli / LLANELLI".to_owned(),
    ];
    assert!(plan.joined_places()[0].local_area);
    plan.split_joined_places();
    assert_eq!(plan.local_area.as_deref(), Some("Sir Gâr"));
    assert_eq!(plan.local_places, ["Carmarthenshire", "Llanelli"]);
}

#[test]
fn every_sample_plan_lists_each_place_as_its_own_entry() {
    for plan in offerwright::samples::sample_plans().unwrap() {
        assert!(
            plan.joined_places().is_empty(),
            "{}: {:?}",
            plan.id,
            plan.joined_places()
        );
    }
}
