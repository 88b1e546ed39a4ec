//! The self-score, rule by rule (docs/scoring.md).
//!
//! Each case builds a small offer document from [`base`], scores it, and
//! compares a compact summary of the report with what the rules say. The
//! summary has one line per fact, keyed by its first word (or two, for one
//! hot topic or one commitment); a case states the kinds of line it is
//! about, and every line of those kinds must match, in order:
//!
//! ```text
//! S 0.36 hot 0.34 innovation 0.02 marks 3.6 of 10 [capped]
//! topic jobs band 5 by c1 share 0.5 marks 5 [held(R10,R13)]
//! commitment c2 MT.OKEA band 2 hedged(aim to) value 2000 [caps(R15)] [not-credible(P,R9)] [innovation]
//! innovation c5 credit 0.02
//! answer q1 words 751/750 over 1 [unanswered]
//! hedge q1@12 where possible
//! flag not_credible c1 60000
//! fix 1 failing_check c1.owner
//! value c1 2000 | value theme wealthier 2000 | value total 2000 ratio 2.0%
//! ```
//!
//! "A weight of zero is refused at import" is covered by
//! `bad_input::negative_zero_and_non_decimal_weights`, so it is not repeated
//! here: a plan that reaches the score has weights greater than 0.

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::NaiveDate;
use offerwright::domain::{
    Answer, Bidder, Commitment, HotTopic, Measure, Offer, OfferDocument, Plan, Question, Tender,
    Theme,
};
use offerwright::files::read_plan;
use offerwright::samples;
use offerwright::score::{self, BandSource, FixTarget, Place, Report};
use rust_decimal::Decimal;

pub(crate) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub(crate) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn text(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn topic(id: &str, theme: &str, title: &str, weight: &str, place_based: bool) -> HotTopic {
    HotTopic {
        id: id.to_owned(),
        theme: theme.to_owned(),
        title: title.to_owned(),
        description: None,
        weight: d(weight),
        place_based,
        measures: match id {
            "jobs" => vec!["hires".to_owned()],
            "carbon" => vec!["tonnes".to_owned()],
            _ => vec![],
        },
        examples: vec![],
    }
}

/// The document every case starts from: two hot topics of equal weight (so
/// each band of each is worth exactly 1 mark of 10), a contract window from
/// 31 August 2026 to 29 February 2028 (18 months), a contract worth
/// £100,000, and one answered question with nothing scoring in it.
pub(crate) fn base() -> OfferDocument {
    let plan = Plan {
        id: "test".to_owned(),
        issuer: "Test Council".to_owned(),
        title: "Test plan".to_owned(),
        published: date("2025-01-01"),
        local_area: text("County Durham"),
        local_places: vec!["Bishop Auckland".to_owned()],
        summary: None,
        source: None,
        themes: vec![
            Theme {
                id: "wealthier".to_owned(),
                name: "Altogether wealthier".to_owned(),
                description: None,
                outcomes: vec![],
            },
            Theme {
                id: "greener".to_owned(),
                name: "Altogether greener".to_owned(),
                description: None,
                outcomes: vec![],
            },
        ],
        hot_topics: vec![
            topic(
                "jobs",
                "wealthier",
                "Local jobs for local people",
                "50",
                true,
            ),
            topic("carbon", "greener", "Cutting carbon emissions", "50", false),
        ],
        measures: vec![
            Measure {
                id: "hires".to_owned(),
                name: "Local people hired".to_owned(),
                unit: "people".to_owned(),
                proxy_value: Some(d("1000.00")),
                proxy_source: text("Test proxy"),
            },
            Measure {
                id: "tonnes".to_owned(),
                name: "Carbon cut".to_owned(),
                unit: "tonnes CO2e".to_owned(),
                proxy_value: None,
                proxy_source: None,
            },
        ],
    };
    let tender = Tender {
        title: "Test tender".to_owned(),
        buyer: "Test Council".to_owned(),
        reference: "T-1".to_owned(),
        deadline: date("2026-08-01"),
        contract_value: d("100000"),
        contract_start: Some(date("2026-08-31")),
        duration_months: 18,
        social_value_weighting: d("10"),
        questions: vec![Question {
            id: "q1".to_owned(),
            text: "Describe your social value.".to_owned(),
            word_limit: Some(750),
            char_limit: None,
            marks: d("10"),
        }],
    };
    let offer = Offer {
        bidder: Bidder {
            name: "Test Ltd".to_owned(),
            kind: None,
            employees: Some(10),
            location: None,
        },
        answers: vec![Answer {
            question: "q1".to_owned(),
            text: "We will deliver the service well.".to_owned(),
        }],
        commitments: vec![],
    };
    OfferDocument {
        plan,
        tender,
        offer,
    }
}

/// A commitment that passes all seven checks: 2 people (the measure's
/// unit), by 30 June 2027, in Bishop Auckland, owned, monitored, evidenced
/// and additional.
pub(crate) fn full(id: &str, hot_topic: Option<&str>) -> Commitment {
    Commitment {
        id: id.to_owned(),
        hot_topic: hot_topic.map(str::to_owned),
        measure: match hot_topic {
            Some("carbon") => text("tonnes"),
            _ => text("hires"),
        },
        what: "Hire local people into new posts".to_owned(),
        quantity: Some(d("2")),
        unit: None,
        by: Some(date("2027-06-30")),
        r#where: text("Bishop Auckland"),
        beneficiaries: text("long-term unemployed residents"),
        how: text("Vacancies go to the council's employability team first."),
        owner: text("Operations Manager"),
        kpi: text("People hired"),
        reporting: text("quarterly"),
        evidence: text("Hired 2 in 2025."),
        baseline: Some(d("0")),
        additional: true,
    }
}

/// `base()` with these commitments.
pub(crate) fn with(commitments: Vec<Commitment>) -> OfferDocument {
    let mut doc = base();
    doc.offer.commitments = commitments;
    doc
}

/// `base()` with this answer to q1.
pub(crate) fn answering(answer: &str) -> OfferDocument {
    let mut doc = base();
    doc.offer.answers[0].text = answer.to_owned();
    doc
}

fn n(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The report as lines of facts (see the module's documentation).
pub(crate) fn summary(report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    out.push(format!(
        "S {} hot {} innovation {} marks {}{}",
        n(report.score),
        n(report.hot_topic_score),
        n(report.innovation.credit),
        report.projected_marks_text,
        if report.capped { " capped" } else { "" }
    ));
    for t in &report.hot_topics {
        let source = match t.source {
            BandSource::Commitment => format!("by {}", t.set_by.clone().unwrap_or_default()),
            BandSource::Mentioned => "mentioned".to_owned(),
            BandSource::OnlyNotCredible => "only-not-credible".to_owned(),
            BandSource::Nothing => "nothing".to_owned(),
        };
        let held: Vec<&str> = t.held_by.iter().map(|h| h.rule.id()).collect();
        out.push(format!(
            "topic {} band {} {source} share {} marks {}{}",
            t.id,
            t.band.number(),
            n(t.share),
            n(t.marks),
            if held.is_empty() {
                String::new()
            } else {
                format!(" held({})", held.join(","))
            }
        ));
    }
    for c in &report.commitments {
        let checks: String = c
            .checks
            .iter()
            .map(|r| if r.passed { r.check.letter() } else { '.' })
            .collect();
        let mut line = format!(
            "commitment {} {checks} band {}",
            c.id,
            c.band.map_or("-".to_owned(), |b| b.number().to_string())
        );
        let core: Vec<&str> = c
            .hedges
            .iter()
            .filter(|h| h.counts_for_band)
            .map(|h| h.phrase.as_str())
            .collect();
        let extra: Vec<&str> = c
            .hedges
            .iter()
            .filter(|h| !h.counts_for_band)
            .map(|h| h.phrase.as_str())
            .collect();
        if !core.is_empty() {
            line.push_str(&format!(" hedged({})", core.join(", ")));
        }
        if !extra.is_empty() {
            line.push_str(&format!(" warn({})", extra.join(", ")));
        }
        if let Some(v) = c.value {
            line.push_str(&format!(" value {}", n(v)));
        }
        if !c.caps.is_empty() {
            let caps: Vec<&str> = c.caps.iter().map(|k| k.rule.id()).collect();
            line.push_str(&format!(" caps({})", caps.join(",")));
        }
        if !c.credible {
            let rules: Vec<&str> = c.not_credible.iter().map(|r| r.rule.id()).collect();
            line.push_str(&format!(" not-credible({})", rules.join(",")));
        }
        if c.innovation {
            line.push_str(" innovation");
        }
        out.push(line);
    }
    if !report.innovation.commitments.is_empty() {
        out.push(format!(
            "innovation {} credit {}",
            report.innovation.commitments.join(" "),
            n(report.innovation.credit)
        ));
    }
    for a in &report.answers {
        let mut line = format!(
            "answer {} words {}/{}",
            a.question,
            a.words,
            a.word_limit.map_or("-".to_owned(), |l| l.to_string())
        );
        if a.words_over > 0 {
            line.push_str(&format!(" over {}", a.words_over));
        }
        if !a.answered {
            line.push_str(" unanswered");
        }
        out.push(line);
        for h in &a.hedges {
            out.push(format!("hedge {}@{} {}", a.question, h.offset, h.phrase));
        }
    }
    for f in &report.flags {
        let kind = serde_json::to_value(f.kind).unwrap();
        let mut line = format!("flag {}", kind.as_str().unwrap());
        if let Some(c) = &f.commitment {
            line.push_str(&format!(" {c}"));
        }
        if let Some(v) = f.figure {
            line.push_str(&format!(" {}", n(v)));
        }
        out.push(line);
    }
    for f in &report.fixes {
        let kind = serde_json::to_value(f.kind).unwrap();
        let target = match &f.target {
            FixTarget::Answer { question, offset } => match offset {
                Some(o) => format!("{question}@{o}"),
                None => question.clone(),
            },
            FixTarget::Commitment { id, field } => format!(
                "{id}.{}",
                serde_json::to_value(field).unwrap().as_str().unwrap()
            ),
            FixTarget::HotTopic { id } => format!("topic {id}"),
            FixTarget::MoveCommitment { id, hot_topic } => format!("move {id} to {hot_topic}"),
        };
        out.push(format!(
            "fix {} {} {target}",
            n(f.gain),
            kind.as_str().unwrap()
        ));
    }
    let sv = &report.social_value;
    for v in &sv.commitments {
        out.push(format!("value {} {}", v.commitment, n(v.value)));
    }
    for t in &sv.themes {
        out.push(format!(
            "value theme {} {}",
            t.theme.as_deref().unwrap_or("innovation"),
            n(t.value)
        ));
    }
    if let Some(total) = sv.total {
        out.push(format!(
            "value total {} ratio {}",
            n(total),
            sv.ratio_text.clone().unwrap_or_default()
        ));
    }
    out
}

/// A summary line's kind: its first word, or its first two for the lines of
/// one hot topic or one commitment ("topic jobs", "commitment c2").
fn kind(line: &str) -> String {
    let mut words = line.split_whitespace();
    match words.next() {
        Some(first @ ("topic" | "commitment")) => {
            format!("{first} {}", words.next().unwrap_or_default())
        }
        Some(first) => first.to_owned(),
        None => String::new(),
    }
}

/// Scores `doc` and checks every summary line of the kinds `expected` names
/// (see [`kind`]) against `expected`, in order.
#[track_caller]
pub(crate) fn check(doc: OfferDocument, expected: &str) {
    let report = score::score(&doc);
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let kinds: BTreeSet<String> = expected.iter().map(|l| kind(l)).collect();
    let actual: Vec<String> = summary(&report)
        .into_iter()
        .filter(|l| kinds.contains(&kind(l)))
        .collect();
    let actual: Vec<&str> = actual.iter().map(String::as_str).collect();
    assert_eq!(
        actual.join("\n"),
        expected.join("\n"),
        "\nthe report's lines of kinds {kinds:?} differ (left: actual, right: expected)"
    );
}

// ---------------------------------------------------------------- bands

#[test]
fn nothing_at_all_scores_zero_and_asks_for_commitments_up_to_band_3() {
    check(
        base(),
        "
        S 0 hot 0 innovation 0 marks 0.0 of 10
        topic jobs band 0 nothing share 0.5 marks 0
        topic carbon band 0 nothing share 0.5 marks 0
        fix 3 missing_hot_topic topic jobs
        fix 3 missing_hot_topic topic carbon
        ",
    );
}

#[test]
fn seven_checks_and_a_firm_promise_is_band_5() {
    check(
        with(vec![full("c1", Some("jobs"))]),
        "
        S 0.5 hot 0.5 innovation 0 marks 5.0 of 10
        topic jobs band 5 by c1 share 0.5 marks 5
        topic carbon band 0 nothing share 0.5 marks 0
        commitment c1 MTLOKEA band 5 value 2000
        ",
    );
}

#[test]
fn six_checks_with_m_and_t_is_band_4() {
    let mut c = full("c1", Some("jobs"));
    c.evidence = None;
    check(
        with(vec![c]),
        "
        commitment c1 MTLOK.A band 4 value 2000
        fix 3 missing_hot_topic topic carbon
        fix 1 failing_check c1.evidence
        ",
    );
}

#[test]
fn m_and_t_with_four_checks_is_band_3_and_with_three_band_2() {
    let mut four = full("c1", Some("jobs"));
    four.evidence = None;
    four.owner = None;
    four.kpi = None;
    let mut three = four.clone();
    three.id = "c2".to_owned();
    three.hot_topic = text("carbon");
    three.measure = None;
    three.unit = text("tonnes");
    three.additional = false;
    check(
        with(vec![four, three]),
        "
        topic jobs band 3 by c1 share 0.5 marks 3
        topic carbon band 2 by c2 share 0.5 marks 2
        commitment c1 MTL...A band 3 value 2000
        commitment c2 MTL.... band 2
        ",
    );
}

#[test]
fn m_without_t_or_t_without_m_is_band_2_and_neither_is_band_1() {
    let mut no_date = full("c1", Some("jobs"));
    no_date.by = None;
    let mut intention = full("c2", Some("carbon"));
    intention.quantity = None;
    intention.by = None;
    check(
        with(vec![no_date, intention]),
        "
        topic jobs band 2 by c1 share 0.5 marks 2
        topic carbon band 1 by c2 share 0.5 marks 1
        commitment c1 M.LOKEA band 2 value 2000
        commitment c2 ..LOKE. band 1
        ",
    );
}

#[test]
fn the_highest_band_wins_whatever_the_order() {
    let mut weak = full("c1", Some("jobs"));
    weak.by = None;
    check(
        with(vec![weak, full("c2", Some("jobs"))]),
        "topic jobs band 5 by c2 share 0.5 marks 5",
    );
}

#[test]
fn a_tie_in_band_goes_to_the_commitment_passing_most_checks() {
    // c1: band 3 with 4 checks; c2: band 3 with 5 checks.
    let mut c1 = full("c1", Some("jobs"));
    c1.owner = None;
    c1.kpi = None;
    c1.evidence = None;
    let mut c2 = full("c2", Some("jobs"));
    c2.owner = None;
    c2.evidence = None;
    check(
        with(vec![c1, c2]),
        "
        topic jobs band 3 by c2 share 0.5 marks 3
        commitment c1 MTL...A band 3 value 2000
        commitment c2 MTL.K.A band 3 value 2000
        ",
    );
}

#[test]
fn a_full_tie_goes_to_the_first_in_the_offer() {
    let mut c1 = full("c1", Some("jobs"));
    c1.evidence = None;
    let mut c2 = full("c2", Some("jobs"));
    c2.owner = text("TBC");
    check(
        with(vec![c1, c2]),
        "
        topic jobs band 4 by c1 share 0.5 marks 4
        commitment c1 MTLOK.A band 4 value 2000
        commitment c2 MTL.KEA band 4 value 2000
        ",
    );
}

#[test]
fn a_hedged_commitment_that_passes_all_seven_checks_stops_at_2() {
    let mut c = full("c1", Some("jobs"));
    c.how = text("We aim to fill every vacancy locally.");
    check(
        with(vec![c]),
        "
        topic jobs band 2 by c1 share 0.5 marks 2
        commitment c1 MTLOKEA band 2 hedged(aim to) value 2000 caps(R15)
        fix 3 hedged_commitment c1.how
        fix 3 missing_hot_topic topic carbon
        ",
    );
}

#[test]
fn hedging_in_what_counts_too_in_any_case_and_spacing() {
    let mut c = full("c1", Some("jobs"));
    c.what = "Hire local people WHERE\n   POSSIBLE".to_owned();
    check(
        with(vec![c]),
        "commitment c1 MTLOKEA band 2 hedged(where possible) value 2000 caps(R15)",
    );
}

#[test]
fn every_phrase_of_the_model_hedges_a_commitment() {
    for phrase in score::HEDGING_PHRASES {
        let mut c = full("c1", Some("jobs"));
        c.how = Some(format!("We will {phrase} do it."));
        let report = score::score(&with(vec![c]));
        assert!(report.commitments[0].hedged, "{phrase:?} should hedge");
        assert_eq!(report.hot_topics[0].band.number(), 2, "{phrase:?}");
    }
}

#[test]
fn extra_phrases_warn_but_do_not_change_the_band() {
    let mut c = full("c1", Some("jobs"));
    c.how = text("We will use our best endeavours, trying to hire.");
    check(
        with(vec![c]),
        "
        commitment c1 MTLOKEA band 5 warn(endeavours, trying to) value 2000
        fix 3 missing_hot_topic topic carbon
        ",
    );
}

#[test]
fn hedging_phrases_are_whole_words_only() {
    let mut c = full("c1", Some("jobs"));
    c.how = text("Our aims: tomorrow we hire. We aimed to, and we tried-to, seeking.");
    check(with(vec![c]), "commitment c1 MTLOKEA band 5 value 2000");
}

// ------------------------------------------------------- the seven checks

#[test]
fn m_needs_a_quantity_above_zero() {
    let mut none = full("c1", Some("jobs"));
    none.quantity = None;
    let mut zero = full("c2", Some("carbon"));
    zero.quantity = Some(d("0"));
    check(
        with(vec![none, zero]),
        "
        commitment c1 .TLOKE. band 2
        commitment c2 .TLOKE. band 2
        ",
    );
}

#[test]
fn m_takes_the_unit_from_the_commitment_or_its_measure() {
    let from_measure = full("c1", Some("jobs"));
    let mut own_unit = full("c2", Some("carbon"));
    own_unit.measure = None;
    own_unit.unit = text("tonnes");
    let mut no_unit = full("c3", Some("carbon"));
    no_unit.measure = None;
    let mut placeholder_unit = full("c4", Some("carbon"));
    placeholder_unit.measure = None;
    placeholder_unit.unit = text("tbd");
    check(
        with(vec![from_measure, own_unit, no_unit, placeholder_unit]),
        "
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 MTLOKEA band 3 caps(R7)
        commitment c3 .TLOKEA band 2
        commitment c4 .TLOKEA band 2
        ",
    );
    let report = score::score(&with(vec![{
        let mut c = full("c1", Some("carbon"));
        c.measure = None;
        c
    }]));
    // With no unit and no measure, it is also an unclear fit (R1, at 2):
    // a unit alone would gain nothing, so the fix asks for the measure.
    assert!(
        report
            .fixes
            .iter()
            .any(|f| f.kind == score::FixKind::UnclearFit
                && f.target
                    == FixTarget::Commitment {
                        id: "c1".to_owned(),
                        field: score::Field::Measure
                    })
    );
    assert!(
        !report
            .fixes
            .iter()
            .any(|f| f.kind == score::FixKind::FailingCheck),
        "{:?}",
        report.fixes
    );
}

#[test]
fn t_passes_on_the_last_day_of_the_window_and_fails_one_day_after() {
    // 31 August 2026 + 18 months = 29 February 2028 (no 31 February).
    let mut last = full("c1", Some("jobs"));
    last.by = Some(date("2028-02-29"));
    let mut after = full("c2", Some("carbon"));
    after.by = Some(date("2028-03-01"));
    check(
        with(vec![last, after]),
        "
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 M.LOKEA band 2
        ",
    );
    let doc = base();
    assert_eq!(doc.tender.window_end(), date("2028-02-29"));
}

#[test]
fn t_passes_on_the_first_day_and_fails_the_day_before() {
    let mut first = full("c1", Some("jobs"));
    first.by = Some(date("2026-08-31"));
    let mut before = full("c2", Some("carbon"));
    before.by = Some(date("2026-08-30"));
    check(
        with(vec![first, before]),
        "
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 M.LOKEA band 2
        ",
    );
}

#[test]
fn without_a_contract_start_the_window_starts_at_the_deadline() {
    let mut doc = with(vec![
        {
            let mut c = full("c1", Some("jobs"));
            c.by = Some(date("2026-08-01"));
            c
        },
        {
            let mut c = full("c2", Some("carbon"));
            c.by = Some(date("2028-02-02"));
            c
        },
    ]);
    doc.tender.contract_start = None;
    // 1 August 2026 + 18 months = 1 February 2028.
    check(
        doc,
        "
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 M.LOKEA band 2
        ",
    );
}

#[test]
fn window_end_clamps_to_the_last_day_of_the_month() {
    let mut tender = base().tender;
    for (start, months, end) in [
        ("2026-08-31", 18, "2028-02-29"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2027-01-31", 1, "2027-02-28"),
        ("2027-04-01", 36, "2030-04-01"),
        ("2027-03-31", 1, "2027-04-30"),
    ] {
        tender.contract_start = Some(date(start));
        tender.duration_months = months;
        assert_eq!(tender.window_end(), date(end), "{start} + {months} months");
    }
}

#[test]
fn the_contract_ends_the_day_before_its_months_are_up() {
    // Documents and screens give this end; the T check keeps the window above.
    let mut tender = base().tender;
    for (start, months, last) in [
        ("2027-09-01", 36, "2030-08-31"),
        ("2027-04-01", 36, "2030-03-31"),
        ("2026-08-31", 18, "2028-02-28"),
        ("2027-01-31", 1, "2027-02-27"),
        ("2027-03-31", 1, "2027-04-29"),
    ] {
        tender.contract_start = Some(date(start));
        tender.duration_months = months;
        assert_eq!(tender.last_day(), date(last), "{start} + {months} months");
    }
    let delivery = offerwright::domain::Delivery {
        awarded_on: date("2027-08-01"),
        start: date("2027-09-01"),
        reporting: offerwright::domain::Frequency::Quarterly,
        records: Vec::new(),
    };
    assert_eq!(delivery.last_day(36), date("2030-08-31"));
}

#[test]
fn o_refuses_placeholders_but_not_words_around_them() {
    let owners = [
        ("TBC", false),
        ("TBC.", false),
        ("  tbc..  ", false),
        ("TBD", false),
        ("n/a", false),
        ("NA", false),
        ("-", false),
        ("?", false),
        ("todo", false),
        ("", false),
        ("   ", false),
        ("tbc - ask Jo", true),
        ("Jo Bloggs", true),
        ("N/A until May, then Jo", true),
    ];
    for (owner, given) in owners {
        let mut c = full("c1", Some("jobs"));
        c.owner = text(owner);
        let report = score::score(&with(vec![c]));
        assert_eq!(
            report.commitments[0].checks[3].passed, given,
            "owner {owner:?}"
        );
    }
}

#[test]
fn a_placeholder_owner_costs_a_band_and_the_fix_says_so() {
    let mut c = full("c2", Some("jobs"));
    c.owner = text("TBC");
    let doc = with(vec![c]);
    check(
        doc.clone(),
        "
        topic jobs band 4 by c2 share 0.5 marks 4
        commitment c2 MTL.KEA band 4 value 2000
        fix 3 missing_hot_topic topic carbon
        fix 1 failing_check c2.owner
        ",
    );
    let report = score::score(&doc);
    let fix = report.fixes.iter().find(|f| f.gain == d("1")).unwrap();
    assert_eq!(
        fix.text,
        "Name who is responsible for c2 (now \"TBC\"): +1.0 marks"
    );
    assert!(
        report.commitments[0].checks[3]
            .reason
            .contains("\"TBC\", a placeholder")
    );
}

#[test]
fn l_needs_the_local_area_or_a_place_in_any_case() {
    let places = [
        ("Bishop Auckland", true),
        ("BISHOP AUCKLAND town centre", true),
        ("across county durham", true),
        ("Newcastle", false),
        ("TBC", false),
    ];
    for (place, local) in places {
        let mut c = full("c1", Some("jobs"));
        c.r#where = text(place);
        let report = score::score(&with(vec![c]));
        assert_eq!(report.commitments[0].checks[2].passed, local, "{place:?}");
    }
    let mut c = full("c1", Some("jobs"));
    c.r#where = None;
    check(
        with(vec![c]),
        "
        commitment c1 MT.OKEA band 2 value 2000 caps(R8,R7)
        fix 3 missing_hot_topic topic carbon
        fix 1 outside_area c1.where
        fix 0 needs_proof c1.where
        ",
    );
}

#[test]
fn l_is_not_needed_without_a_hot_topic_or_for_a_topic_that_is_not_place_based() {
    let mut carbon = full("c1", Some("carbon"));
    carbon.r#where = None;
    let mut innovation = full("c2", None);
    innovation.r#where = text("Newcastle");
    check(
        with(vec![carbon, innovation]),
        "
        commitment c1 MTLOKEA band 5
        commitment c2 MTLOKEA band 5 value 2000 innovation
        ",
    );
}

#[test]
fn l_accepts_any_place_when_the_plan_names_no_local_area() {
    let mut doc = with(vec![
        {
            let mut c = full("c1", Some("jobs"));
            c.r#where = text("Anywhere at all");
            c
        },
        {
            let mut c = full("c2", Some("jobs"));
            c.r#where = None;
            c
        },
    ]);
    doc.plan.local_area = None;
    doc.plan.local_places.clear();
    check(
        doc,
        "
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 MT.OKEA band 2 value 2000 caps(R8,R7)
        ",
    );
}

#[test]
fn k_needs_both_a_kpi_and_reporting() {
    let mut no_reporting = full("c1", Some("jobs"));
    no_reporting.reporting = None;
    let mut no_kpi = full("c2", Some("jobs"));
    no_kpi.kpi = text("TBC");
    check(
        with(vec![no_reporting, no_kpi]),
        "
        commitment c1 MTLO.EA band 4 value 2000
        commitment c2 MTLO.EA band 4 value 2000
        fix 3 missing_hot_topic topic carbon
        fix 1 failing_check c1.reporting
        fix 1 failing_check c2.kpi
        ",
    );
}

#[test]
fn e_needs_evidence() {
    let mut c = full("c1", Some("carbon"));
    c.evidence = text("n/a");
    check(with(vec![c]), "commitment c1 MTLOK.A band 4");
}

#[test]
fn a_needs_the_additional_flag() {
    let mut c = full("c1", Some("jobs"));
    c.additional = false;
    check(
        with(vec![c]),
        "
        commitment c1 MTLOKE. band 4 value 2000
        fix 3 missing_hot_topic topic carbon
        fix 1 failing_check c1.additional
        ",
    );
}

#[test]
fn a_needs_more_than_the_baseline_over_the_contract() {
    // 1 a year over 18 months is 1.5: 2 is more, 1.5 is not.
    let mut more = full("c1", Some("jobs"));
    more.baseline = Some(d("1"));
    let mut same = full("c2", Some("carbon"));
    same.baseline = Some(d("1"));
    same.quantity = Some(d("1.5"));
    check(
        with(vec![more, same]),
        "
        commitment c1 MTLOKEA band 5 value 2000
        commitment c2 MTLOKE. band 4
        fix 1 failing_check c2.quantity
        ",
    );
}

// ------------------------------------------------------- proportionality

#[test]
fn a_commitment_worth_exactly_half_the_contract_is_credible() {
    // 2 x £25,000 = £50,000 of £100,000 (and 2 jobs, within the 4 the
    // contract funds).
    let mut doc = with(vec![full("c1", Some("jobs"))]);
    doc.plan.measures[0].proxy_value = Some(d("25000"));
    check(
        doc,
        "
        topic jobs band 5 by c1 share 0.5 marks 5
        commitment c1 MTLOKEA band 5 value 50000
        ",
    );
}

#[test]
fn a_commitment_worth_just_over_half_is_flagged_and_sets_no_band() {
    let mut doc = with(vec![full("c1", Some("jobs"))]);
    doc.plan.measures[0].proxy_value = Some(d("25000.50")); // 2 x = £50,001
    check(
        doc.clone(),
        "
        topic jobs band 1 only-not-credible share 0.5 marks 1
        commitment c1 MTLOKEA band - value 50001 not-credible(P)
        flag not_credible c1 50001
        fix 4 not_credible c1.quantity
        fix 3 missing_hot_topic topic carbon
        value c1 50001
        value theme wealthier 50001
        value total 50001 ratio 50.0%
        ",
    );
    let report = score::score(&doc);
    assert!(
        report.flags[0]
            .message
            .contains("its value, £50,001.00, is more than half the contract value, £100,000.00"),
        "{}",
        report.flags[0].message
    );
    assert_eq!(report.social_value.not_credible, d("50001"));
}

#[test]
fn a_not_credible_commitment_never_sets_the_band_even_above_a_weaker_one() {
    let mut big = full("c1", Some("jobs"));
    big.quantity = Some(d("1000"));
    let mut weak = full("c2", Some("jobs"));
    weak.by = None;
    check(
        with(vec![big, weak]),
        "
        topic jobs band 2 by c2 share 0.5 marks 2
        commitment c1 MTLOKEA band - value 1000000 not-credible(P,R3,R9)
        commitment c2 M.LOKEA band 2 value 2000
        ",
    );
}

// ------------------------------------------------------------- mentioned

#[test]
fn a_hot_topic_mentioned_in_the_answers_gets_band_1() {
    // "Local jobs for local people": "local" and "people" are generic, so
    // "jobs" alone is looked for.
    check(
        answering("Our local people deserve good jobs."),
        "
        topic jobs band 1 mentioned share 0.5 marks 1
        topic carbon band 0 nothing share 0.5 marks 0
        fix 3 missing_hot_topic topic carbon
        fix 2 missing_hot_topic topic jobs
        ",
    );
}

#[test]
fn mentioned_needs_half_the_title_words_rounded_up() {
    // "Cutting carbon emissions": 3 words, so 2 are needed.
    check(
        answering("We measure carbon."),
        "topic carbon band 0 nothing share 0.5 marks 0",
    );
    check(
        answering("We measure carbon and each emission."),
        "topic carbon band 1 mentioned share 0.5 marks 1",
    );
    // Four words: exactly half (2) is enough.
    let mut doc = answering("Fresh food, made here.");
    doc.plan.hot_topics[1].title = "Fresh local food and produce".to_owned();
    check(doc, "topic carbon band 1 mentioned share 0.5 marks 1");
}

#[test]
fn mentioned_words_split_on_hyphens_and_apostrophes_and_drop_one_s() {
    let mut doc = answering("Work-placements for people's children.");
    doc.plan.hot_topics[0].title = "Work placements".to_owned();
    // "Peoples'" is "people", a generic word: "children" alone is looked for.
    doc.plan.hot_topics[1].title = "Peoples' children".to_owned();
    check(
        doc,
        "
        topic jobs band 1 mentioned share 0.5 marks 1
        topic carbon band 1 mentioned share 0.5 marks 1
        ",
    );
}

#[test]
fn a_title_with_no_long_word_is_never_mentioned() {
    let mut doc = answering("CO2 and the sea, CO2 and the sea.");
    doc.plan.hot_topics[1].title = "CO2 and the sea".to_owned();
    check(doc, "topic carbon band 0 nothing share 0.5 marks 0");
}

// ------------------------------------------------------------- innovation

#[test]
fn innovation_earns_two_hundredths_for_m_t_o_and_k() {
    let mut no_kpi = full("c2", None);
    no_kpi.kpi = None;
    let mut thin = full("c3", None);
    thin.evidence = None;
    thin.r#where = None;
    thin.additional = false;
    check(
        with(vec![full("c1", None), no_kpi, thin]),
        "
        S 0.04 hot 0 innovation 0.04 marks 0.4 of 10
        commitment c1 MTLOKEA band 5 value 2000 innovation
        commitment c2 MTLO.EA band 4 value 2000
        commitment c3 MTLOK.. band 3 value 2000 innovation
        innovation c1 c3 credit 0.04
        ",
    );
}

#[test]
fn innovation_is_capped_at_a_tenth() {
    let six: Vec<Commitment> = (1..=6).map(|i| full(&format!("c{i}"), None)).collect();
    check(
        with(six),
        "
        S 0.1 hot 0 innovation 0.1 marks 1.0 of 10
        innovation c1 c2 c3 c4 c5 c6 credit 0.1
        ",
    );
}

#[test]
fn a_not_credible_innovation_earns_nothing() {
    let mut c = full("c1", None);
    c.quantity = Some(d("60"));
    check(
        with(vec![c]),
        "
        S 0 hot 0 innovation 0 marks 0.0 of 10
        commitment c1 MTLOKEA band - value 60000 not-credible(P,R9)
        flag not_credible c1 60000
        ",
    );
}

#[test]
fn s_is_capped_at_one() {
    check(
        with(vec![
            full("c1", Some("jobs")),
            full("c2", Some("carbon")),
            full("c3", None),
        ]),
        "
        S 1 hot 1 innovation 0.02 marks 10.0 of 10 capped
        flag score_capped
        ",
    );
}

#[test]
fn a_plan_with_no_hot_topics_scores_innovation_alone() {
    let mut doc = with(vec![full("c1", None), full("c2", None)]);
    doc.plan.hot_topics.clear();
    check(
        doc,
        "
        S 0.04 hot 0 innovation 0.04 marks 0.4 of 10
        innovation c1 c2 credit 0.04
        ",
    );
}

// ---------------------------------------------------------------- marks

#[test]
fn shares_follow_the_weights() {
    let mut doc = with(vec![full("c1", Some("jobs")), full("c2", Some("carbon"))]);
    doc.plan.hot_topics[0].weight = d("20");
    doc.plan.hot_topics[1].weight = d("30");
    doc.offer.commitments[1].evidence = None; // band 4
    // S = 0.4 x 5/5 + 0.6 x 4/5 = 0.88
    check(
        doc,
        "
        S 0.88 hot 0.88 innovation 0 marks 8.8 of 10
        topic jobs band 5 by c1 share 0.4 marks 4
        topic carbon band 4 by c2 share 0.6 marks 4.8
        ",
    );
}

#[test]
fn projected_marks_round_half_away_from_zero_at_the_end() {
    // S = 0.4 + 0.02 = 0.42; 0.42 x 12.5 = 5.25, shown 5.3 (not 5.2).
    let mut jobs = full("c1", Some("jobs"));
    jobs.evidence = None;
    let mut doc = with(vec![jobs, full("c2", None)]);
    doc.tender.social_value_weighting = d("12.5");
    check(
        doc.clone(),
        "S 0.42 hot 0.4 innovation 0.02 marks 5.3 of 12.5",
    );
    assert_eq!(score::score(&doc).projected_marks, d("5.25"));
}

#[test]
fn thirds_stay_exact_until_display() {
    let mut doc = with(vec![full("c1", Some("jobs"))]);
    doc.plan
        .hot_topics
        .push(topic("waste", "greener", "Less waste", "50", false));
    // S = 1/3, marks 3.333...: shown 3.3.
    let report = score::score(&doc);
    assert_eq!(report.projected_marks_text, "3.3 of 10");
    assert_eq!(report.hot_topics[0].share.round_dp(6), d("0.333333"));
}

// ------------------------------------------------------------- answers

#[test]
fn a_word_limit_exactly_met_is_fine_and_one_over_is_an_error() {
    let words = |n: usize| vec!["word"; n].join(" ");
    check(answering(&words(750)), "answer q1 words 750/750");
    let doc = answering(&words(751));
    check(
        doc.clone(),
        "
        answer q1 words 751/750 over 1
        fix 0 over_word_limit q1
        fix 3 missing_hot_topic topic jobs
        fix 3 missing_hot_topic topic carbon
        ",
    );
    let report = score::score(&doc);
    assert_eq!(
        report.answers[0].errors,
        [
            "751 words, 1 over the 750 limit: evaluators may stop reading at the limit, and the self-score reads no further"
        ]
    );
}

#[test]
fn the_word_limit_message_groups_thousands() {
    let doc = answering(&vec!["word"; 1_250].join(" "));
    let report = score::score(&doc);
    assert_eq!(
        report.answers[0].errors,
        [
            "1,250 words, 500 over the 750 limit: evaluators may stop reading at the limit, and the self-score reads no further"
        ]
    );
}

#[test]
fn list_markers_are_not_words_but_hyphenated_words_are_one() {
    let answer = "We will:\n- hire locally;\n  * train people's skills;\n1. offer work-placements\n12) report 4 times a year\n-not a marker\n";
    // We will | hire locally | train people's skills | offer work-placements
    // | report 4 times a year | -not a marker  = 2 + 2 + 3 + 2 + 5 + 3
    check(answering(answer), "answer q1 words 17/750");
}

#[test]
fn unanswered_questions_are_errors_that_come_first() {
    let mut doc = with(vec![{
        let mut c = full("c1", Some("jobs"));
        c.owner = None;
        c
    }]);
    doc.offer.answers.clear();
    doc.tender.questions.push(Question {
        id: "q2".to_owned(),
        text: "How will you report?".to_owned(),
        word_limit: None,
        char_limit: None,
        marks: d("5"),
    });
    doc.offer.answers.push(Answer {
        question: "q2".to_owned(),
        text: " TBC. ".to_owned(),
    });
    check(
        doc,
        "
        answer q1 words 0/750 unanswered
        answer q2 words 1/- unanswered
        fix 0 unanswered q1
        fix 0 unanswered q2
        fix 0 draft_answer q2
        fix 3 missing_hot_topic topic carbon
        fix 1 failing_check c1.owner
        ",
    );
}

#[test]
fn hedging_in_answers_is_a_warning_with_its_place() {
    let doc = answering("We will hire locally where possible.\nWe aim to\nbuy local.");
    check(
        doc.clone(),
        "
        hedge q1@21 where possible
        hedge q1@40 aim to
        fix 3 missing_hot_topic topic jobs
        fix 3 missing_hot_topic topic carbon
        ",
    );
    let report = score::score(&doc);
    let h = &report.answers[0].hedges[1];
    assert_eq!(h.written, "aim to");
    assert_eq!(
        h.place,
        Place::Answer {
            question: "q1".to_owned()
        }
    );
    assert!(h.excerpt.contains("We aim to buy local."), "{}", h.excerpt);
}

#[test]
fn a_character_limit_over_is_an_error_too() {
    let mut doc = answering("Twelve chars");
    doc.tender.questions[0].char_limit = Some(10);
    let report = score::score(&doc);
    assert_eq!(report.answers[0].chars_over, 2);
    assert_eq!(
        report.answers[0].errors,
        ["12 characters, 2 over the 10-character limit: the portal may cut your answer off"]
    );
    assert!(report.fixes[0].kind.is_text_error());
}

// ---------------------------------------------------------------- fixes

#[test]
fn fixes_are_ranked_by_gain_after_the_text_errors() {
    let mut weak = full("c1", Some("jobs"));
    weak.by = None; // band 2: a date gains 3 bands
    let mut carbon = full("c2", Some("carbon"));
    carbon.evidence = None; // band 4: evidence gains 1
    let mut doc = with(vec![carbon, weak]);
    doc.offer.answers[0].text = vec!["word"; 800].join(" ");
    check(
        doc,
        "
        fix 0 over_word_limit q1
        fix 3 failing_check c1.by
        fix 1 failing_check c2.evidence
        ",
    );
}

#[test]
fn a_fix_keeps_the_other_caps_applying() {
    // Hedged, no owner, no evidence: raw band 3, stopped at 2 by R15. Lifting
    // the hedge gives band 3; an owner alone leaves R15 at 2 and gains
    // nothing, so it is not listed.
    let mut c = full("c1", Some("jobs"));
    c.owner = text("TBC");
    c.evidence = None;
    c.how = text("We aim to hire locally.");
    check(
        with(vec![c]),
        "
        commitment c1 MTL.K.A band 2 hedged(aim to) value 2000 caps(R15)
        fix 3 missing_hot_topic topic carbon
        fix 1 hedged_commitment c1.how
        ",
    );
}

#[test]
fn a_check_fix_under_a_band_set_by_another_commitment_is_not_listed() {
    let mut second = full("c2", Some("jobs"));
    second.owner = None;
    check(
        with(vec![full("c1", Some("jobs")), second]),
        "
        fix 3 missing_hot_topic topic carbon
        ",
    );
}

#[test]
fn a_commitment_with_no_hot_topic_has_no_fixes() {
    let mut c = full("c1", None);
    c.owner = None;
    c.evidence = None;
    check(
        with(vec![c]),
        "
        commitment c1 MTL.K.A band 3 value 2000
        fix 3 missing_hot_topic topic jobs
        fix 3 missing_hot_topic topic carbon
        ",
    );
}

#[test]
fn small_gains_show_two_places() {
    // A hot topic worth 1 of 500 weights: one band is 0.004 marks of 10.
    let mut doc = with(vec![{
        let mut c = full("c1", Some("carbon"));
        c.owner = None;
        c
    }]);
    doc.plan.hot_topics[0].weight = d("99");
    doc.plan.hot_topics[1].weight = d("1");
    doc.tender.social_value_weighting = d("2");
    let report = score::score(&doc);
    let fix = report
        .fixes
        .iter()
        .find(|f| f.kind == score::FixKind::FailingCheck)
        .unwrap();
    assert_eq!(fix.gain, d("0.004"));
    assert_eq!(
        fix.text,
        "Name who is responsible for c1: +less than 0.01 marks"
    );
    doc.plan.hot_topics[1].weight = d("11");
    let report = score::score(&doc);
    let fix = report
        .fixes
        .iter()
        .find(|f| f.kind == score::FixKind::FailingCheck)
        .unwrap();
    assert_eq!(fix.gain, d("0.04"));
    assert_eq!(fix.text, "Name who is responsible for c1: +0.04 marks");
}

// --------------------------------------------------------- social value

#[test]
fn social_value_adds_up_per_theme_with_innovation_on_its_own_line() {
    let mut doc = with(vec![
        full("c1", Some("jobs")),
        full("c2", None),
        full("c3", Some("carbon")),
    ]);
    doc.offer.commitments[1].quantity = Some(d("3.5"));
    check(
        doc.clone(),
        "
        value c1 2000
        value c2 3500
        value theme wealthier 2000
        value theme innovation 3500
        value total 5500 ratio 5.5%
        ",
    );
    let report = score::score(&doc);
    assert_eq!(report.social_value.sources, ["Test proxy"]);
    assert_eq!(
        report.social_value.themes[1].name,
        "Innovation (no hot topic)"
    );
}

#[test]
fn no_total_when_no_commitment_has_a_value() {
    let doc = with(vec![full("c1", Some("carbon"))]);
    let report = score::score(&doc);
    assert_eq!(report.social_value.total, None);
    assert_eq!(report.social_value.ratio_text, None);
    assert!(report.social_value.themes.is_empty());
    let text = score::render_text(&report, &doc);
    assert!(text.contains("No figure: no commitment has both a quantity"));
}

#[test]
fn the_ratio_rounds_half_away_from_zero() {
    // £1,665 of £100,000 = 1.665%: shown 1.7%.
    let mut c = full("c1", Some("jobs"));
    c.quantity = Some(d("1.665"));
    check(
        with(vec![c]),
        "
        value c1 1665
        value theme wealthier 1665
        value total 1665 ratio 1.7%
        ",
    );
}

// ---------------------------------------------------------- the report

#[test]
fn the_report_serialises_decimals_as_strings_and_bands_as_numbers() {
    let doc = with(vec![full("c1", Some("jobs"))]);
    let json = serde_json::to_value(score::score(&doc)).unwrap();
    assert_eq!(json["projected_marks"], "5");
    assert_eq!(json["projected_marks_text"], "5.0 of 10");
    assert_eq!(json["hot_topics"][0]["band"], 5);
    assert_eq!(json["hot_topics"][0]["band_word"], "Excellent");
    assert_eq!(json["commitments"][0]["value"], "2000.00");
    assert_eq!(json["commitments"][0]["checks"][0]["check"], "measurable");
    assert_eq!(json["fixes"][0]["target"]["to"], "hot_topic");
    assert_eq!(json["fixes"][0]["gain"], "3");
}

#[test]
fn the_score_is_deterministic() {
    let doc = demo();
    assert_eq!(score::score(&doc), score::score(&doc));
}

#[test]
fn a_hostile_quantity_does_not_overflow() {
    let mut c = full("c1", Some("jobs"));
    c.quantity = Some(Decimal::MAX);
    let mut doc = with(vec![c]);
    doc.plan.measures[0].proxy_value = Some(Decimal::MAX);
    let report = score::score(&doc);
    assert!(!report.commitments[0].credible);
    assert_eq!(report.hot_topics[0].band.number(), 1);
}

// -------------------------------------------------- the demo, the docs

/// The demo offer, with its tender and the County Durham sample plan.
pub(crate) fn demo() -> OfferDocument {
    let (_, plan) = samples::SAMPLE_PLANS[0];
    OfferDocument {
        plan: read_plan(plan.as_bytes()).unwrap(),
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    }
}

#[test]
fn the_demo_offer_scores_as_the_rules_say() {
    check(
        demo(),
        "
        S 0.36 hot 0.34 innovation 0.02 marks 3.6 of 10
        topic local-jobs band 5 by c1 share 0.2 marks 2
        topic apprenticeships band 2 by c2 share 0.2 marks 0.8
        topic local-supply-chain band 0 nothing share 0.15 marks 0
        topic local-produce band 2 by c3 share 0.1 marks 0.4
        topic carbon band 1 by c4 share 0.1 marks 0.2
        topic landfill-waste band 0 nothing share 0.1 marks 0
        topic community-recycling band 0 nothing share 0.05 marks 0
        topic volunteering band 0 nothing share 0.1 marks 0
        commitment c1 MTLOKEA band 5 value 36000
        commitment c2 MTL.K.A band 2 hedged(aim to) value 20800 caps(R15)
        commitment c3 MT.O.EA band 2 value 12000 caps(R8)
        commitment c4 ..L.... band 1 hedged(where possible)
        commitment c5 MTLOK.A band 4 innovation
        value c1 36000
        value c2 20800
        value c3 12000
        value theme wealthier 36000
        value theme children-young-people 20800
        value theme healthier 12000
        value total 68800 ratio 14.3%
        ",
    );
}

#[test]
fn the_demo_report_reads_as_the_snapshot() {
    let doc = demo();
    let report = score::score(&doc);
    insta::assert_snapshot!("demo_report", score::render_text(&report, &doc));
}

/// The rows of the worked example in docs/scoring.md, between its markers:
/// `| hot topic | share | band | set by | marks |`.
#[test]
fn the_worked_example_in_the_docs_matches_the_score() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scoring.md"))
        .expect("docs/scoring.md");
    let start = docs
        .find("<!-- worked-example:start -->")
        .expect("the worked example's start marker");
    let end = docs
        .find("<!-- worked-example:end -->")
        .expect("the worked example's end marker");
    let example = &docs[start..end];
    let report = score::score(&demo());

    let rows: Vec<Vec<String>> = example
        .lines()
        .filter(|l| l.starts_with('|') && !l.contains("---"))
        .skip(1)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), report.hot_topics.len(), "one row per hot topic");
    for (row, t) in rows.iter().zip(&report.hot_topics) {
        assert_eq!(row[0], t.title);
        assert_eq!(
            row[1],
            format!("{}%", (t.share * Decimal::ONE_HUNDRED).normalize())
        );
        assert_eq!(row[2], t.band.label());
        assert_eq!(row[3], t.set_by.clone().unwrap_or_else(|| "-".to_owned()));
        assert_eq!(row[4], score::one_place(t.marks));
    }
    for figure in [
        format!("**{}**", report.projected_marks_text),
        format!("S = {}", report.score.normalize()),
        format!(
            "{} of the contract value",
            report.social_value.ratio_text.clone().unwrap()
        ),
        "£68,800.00".to_owned(),
        "+0.9 marks".to_owned(),
        "+0.4 marks".to_owned(),
        "+0.2 marks".to_owned(),
    ] {
        assert!(
            example.contains(&figure),
            "the worked example should say {figure:?}"
        );
    }
}

#[test]
fn the_docs_list_the_generic_words_of_the_model_word_for_word() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scoring.md"))
        .expect("docs/scoring.md");
    let start = docs
        .find("**G, generic words (115).**")
        .expect("list G in the docs");
    let list = &docs[start..];
    let list = &list[..list.find("**MONEY**").expect("the MONEY list after G")];
    let words: Vec<&str> = list
        .trim_start_matches("**G, generic words (115).**")
        .split([',', '.', ':', '\n', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .filter(|w| {
            ![
                "Places", "and", "scale", "Praise", "Contract", "calendar", "Numbers", "Function",
                "words",
            ]
            .contains(w)
        })
        .collect();
    assert_eq!(words, score::GENERIC);
}

#[test]
fn the_docs_list_every_phrase_and_placeholder() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scoring.md"))
        .expect("docs/scoring.md");
    let docs = docs.split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in score::HEDGING_PHRASES
        .iter()
        .chain(score::EXTRA_HEDGING_PHRASES.iter())
    {
        assert!(
            docs.contains(&format!("\"{phrase}\"")),
            "docs/scoring.md should list {phrase:?}"
        );
    }
    for placeholder in score::PLACEHOLDERS {
        assert!(
            docs.contains(&format!("`{placeholder}`")),
            "docs/scoring.md should list {placeholder:?}"
        );
    }
}

// ---------------------------------------------------------- the command

#[test]
fn offer_score_reads_a_file_without_opening_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("no-store-here");
    let file = dir.path().join("demo.svoffer.json");
    std::fs::write(&file, offerwright::files::write_offer(&demo())).unwrap();
    let run = |json: bool| {
        let mut cmd = std::process::Command::new(crate::support::cli_binary());
        cmd.arg("--data-dir").arg(&data).args(["offer", "score"]);
        cmd.arg(&file).env_remove("OFFERWRIGHT_DATA_DIR");
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(false);
    assert!(text.contains("Projected social value marks: 3.6 of 10"));
    let json: serde_json::Value = serde_json::from_str(&run(true)).unwrap();
    assert_eq!(json["projected_marks_text"], "3.6 of 10");
    assert_eq!(json["model_version"], 2);
    assert!(!data.exists(), "scoring a file must not create a store");
}

// ------------------------------------------------------------ property

mod property {
    use super::*;
    use offerwright::score::Check;
    use proptest::prelude::*;

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            Just(text("TBC")),
            Just(text("")),
            Just(text("Jo Bloggs")),
            Just(text("tbc - ask Jo")),
        ]
    }

    prop_compose! {
        fn commitment(i: usize)(
            hot_topic in prop_oneof![Just(None), Just(text("jobs")), Just(text("carbon"))],
            measure in prop_oneof![Just(None), Just(text("hires")), Just(text("tonnes"))],
            quantity in prop_oneof![Just(None), Just(Some(d("0"))), Just(Some(d("2"))), Just(Some(d("60")))],
            unit in opt_text(),
            by in prop_oneof![Just(None), Just(Some(date("2026-01-01"))), Just(Some(date("2027-01-01"))), Just(Some(date("2029-01-01")))],
            place in prop_oneof![Just(None), Just(text("Newcastle")), Just(text("Bishop Auckland"))],
            owner in opt_text(),
            kpi in opt_text(),
            reporting in opt_text(),
            evidence in opt_text(),
            baseline in prop_oneof![Just(None), Just(Some(d("1"))), Just(Some(d("10")))],
            additional in any::<bool>(),
            hedged in any::<bool>(),
        ) -> Commitment {
            Commitment {
                id: format!("c{i}"),
                hot_topic,
                measure,
                what: if hedged { "Hire where possible".to_owned() } else { "Hire".to_owned() },
                quantity,
                unit,
                by,
                r#where: place,
                beneficiaries: None,
                how: None,
                owner,
                kpi,
                reporting,
                evidence,
                baseline,
                additional,
            }
        }
    }

    fn offer() -> impl Strategy<Value = OfferDocument> {
        proptest::collection::vec(0..1usize, 1..7)
            .prop_flat_map(|v| {
                v.iter()
                    .enumerate()
                    .map(|(i, _)| commitment(i))
                    .collect::<Vec<_>>()
            })
            .prop_map(with)
    }

    /// Makes one failing check of commitment `i` pass, touching only what
    /// that check reads (and never making the commitment worth more than
    /// half the contract).
    fn make_pass(c: &mut Commitment, check: Check, window_start: NaiveDate) {
        match check {
            Check::Measurable => {
                if c.quantity.is_none_or(|q| q <= Decimal::ZERO) {
                    c.quantity = Some(d("1"));
                }
                c.unit = text("people");
            }
            Check::TimeBound => c.by = Some(window_start),
            Check::Local => c.r#where = text("County Durham"),
            Check::Owned => c.owner = text("Owner"),
            Check::Monitored => {
                c.kpi = text("KPI");
                c.reporting = text("monthly");
            }
            Check::Evidenced => c.evidence = text("Evidence"),
            Check::Additional => {
                c.additional = true;
                c.baseline = None;
            }
        }
    }

    proptest! {
        #[test]
        fn passing_one_more_check_never_lowers_a_band_or_the_marks(
            doc in offer(),
            pick in any::<proptest::sample::Index>(),
            which in 0..7usize,
        ) {
            let before = score::score(&doc);
            let i = pick.index(doc.offer.commitments.len());
            let check = Check::ALL[which];
            prop_assume!(!before.commitments[i].checks[check.index()].passed);
            let mut after_doc = doc.clone();
            make_pass(&mut after_doc.offer.commitments[i], check, doc.tender.window_start());
            let after = score::score(&after_doc);
            prop_assert!(after.commitments[i].checks[check.index()].passed);
            for (b, a) in before.hot_topics.iter().zip(&after.hot_topics) {
                prop_assert!(a.band >= b.band, "{}: {:?} -> {:?}", b.id, b.band, a.band);
            }
            prop_assert!(after.projected_marks >= before.projected_marks);
            prop_assert!(after.score >= before.score);
        }
    }
}
