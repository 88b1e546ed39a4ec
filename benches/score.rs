//! How long the self-score takes on a long offer: 50 commitments across 10
//! hot topics, with 5 answers of 750 words. The app rescores on every
//! keystroke, so the goal is well under a millisecond. The same offer with
//! 1,000 and 10,000 commitments shows that the time grows linearly.
//!
//! Run: `cargo bench --bench score`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use offerwright::domain::{
    Answer, Bidder, Commitment, HotTopic, Measure, Offer, OfferDocument, Plan, Question, Tender,
    Theme,
};
use offerwright::score;
use rust_decimal::Decimal;

const TOPICS: usize = 10;
const COMMITMENTS: [usize; 3] = [50, 1_000, 10_000];
const ANSWERS: usize = 5;
const WORDS: usize = 750;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// An answer of exactly `WORDS` words, with list items, hyphens, numbers,
/// a few hedging phrases and some hot-topic words, as real answers have.
fn answer(n: usize) -> String {
    const VOCABULARY: [&str; 24] = [
        "we",
        "will",
        "deliver",
        "local",
        "jobs",
        "for",
        "people",
        "across",
        "County",
        "Durham,",
        "with",
        "work-placements",
        "and",
        "apprenticeships;",
        "our",
        "team",
        "reports",
        "quarterly",
        "on",
        "every",
        "measure",
        "agreed",
        "with",
        "partners.",
    ];
    let mut words = Vec::with_capacity(WORDS + 40);
    let mut count = 0;
    let mut i = n;
    while count < WORDS {
        if count % 60 == 0 && count > 0 {
            words.push("\n- ".to_owned());
        }
        if count % 150 == 75 && count + 2 <= WORDS {
            words.push("where possible".to_owned());
            count += 2;
            continue;
        }
        words.push(VOCABULARY[i % VOCABULARY.len()].to_owned());
        count += 1;
        i += 7;
    }
    words.join(" ")
}

/// The offer with `n` commitments. Every rule of model 2 is met by some:
/// hedges, placeholders, missing baselines, commitments filed under the
/// wrong hot topic, business as usual, and a few out of proportion.
fn document(n: usize) -> OfferDocument {
    let themes = (0..5)
        .map(|t| Theme {
            id: format!("theme-{t}"),
            name: format!("Theme {t}"),
            description: None,
            outcomes: vec![],
        })
        .collect();
    let hot_topics = (0..TOPICS)
        .map(|t| HotTopic {
            id: format!("topic-{t}"),
            theme: format!("theme-{}", t % 5),
            title: format!("Local jobs and training for young people, area {t}"),
            description: None,
            weight: Decimal::from(5 + t),
            place_based: t % 2 == 0,
            measures: vec![format!("measure-{t}")],
            examples: vec![],
        })
        .collect();
    let measures = (0..TOPICS)
        .map(|t| Measure {
            id: format!("measure-{t}"),
            name: format!("Measure {t}"),
            unit: "people".to_owned(),
            proxy_value: (t % 3 != 0).then(|| Decimal::new(1_200_000 + t as i64, 2)),
            proxy_source: Some("benchmark proxy".to_owned()),
        })
        .collect();
    let plan = Plan {
        id: "bench".to_owned(),
        issuer: "Benchmark Council".to_owned(),
        title: "Benchmark plan".to_owned(),
        published: date(2025, 1, 1),
        local_area: Some("County Durham".to_owned()),
        local_places: vec!["Bishop Auckland".to_owned(), "Consett".to_owned()],
        summary: None,
        source: None,
        themes,
        hot_topics,
        measures,
    };
    let questions = (0..ANSWERS)
        .map(|q| Question {
            id: format!("q{q}"),
            text: format!("Question {q}"),
            word_limit: Some(750),
            char_limit: None,
            marks: Decimal::from(2),
        })
        .collect();
    let tender = Tender {
        title: "Benchmark tender".to_owned(),
        buyer: "Benchmark Council".to_owned(),
        reference: "B-1".to_owned(),
        deadline: date(2026, 12, 15),
        contract_value: Decimal::from(2_000_000),
        contract_start: Some(date(2027, 4, 1)),
        duration_months: 36,
        social_value_weighting: Decimal::from(10),
        questions,
    };
    let commitments = (0..n)
        .map(|i| {
            let t = i % TOPICS;
            // One in 13 is filed under the next hot topic (R14).
            let filed = if i % 13 == 12 { (t + 1) % TOPICS } else { t };
            let some = |s: &str, every: usize| (i % every != 0).then(|| s.to_owned());
            Commitment {
                id: format!("c{i}"),
                hot_topic: (i % 12 != 11).then(|| format!("topic-{filed}")),
                measure: Some(format!("measure-{t}")),
                what: if i % 7 == 0 {
                    "Hire local people where possible into new posts".to_owned()
                } else if i % 17 == 0 {
                    "Hire [number] local people into new posts".to_owned()
                } else {
                    "Hire local people into new posts on the contract".to_owned()
                },
                quantity: (i % 9 != 0)
                    .then(|| Decimal::from(if i % 97 == 5 { 500 } else { 1 + i % 5 })),
                unit: None,
                by: Some(date(2027 + (i % 5) as i32, 6, 30)),
                r#where: some("Bishop Auckland, County Durham", 4),
                beneficiaries: None,
                how: (i % 3 != 0).then(|| {
                    if i % 2 == 0 {
                        "We aim to work with the council's employability team.".to_owned()
                    } else {
                        "We work with the council's employability team.".to_owned()
                    }
                }),
                owner: some("Operations Manager", 5),
                kpi: some("People hired", 6),
                reporting: some("quarterly", 8),
                evidence: some("Hired 4 people in 2025.", 3),
                baseline: (i % 4 != 1).then(|| Decimal::from(5 * (i % 3))),
                additional: i % 10 != 0,
            }
        })
        .collect();
    let offer = Offer {
        bidder: Bidder {
            name: "Benchmark Ltd".to_owned(),
            kind: None,
            employees: Some(12),
            location: None,
        },
        answers: (0..ANSWERS)
            .map(|q| Answer {
                question: format!("q{q}"),
                text: answer(q),
            })
            .collect(),
        commitments,
    };
    OfferDocument {
        plan,
        tender,
        offer,
    }
}

fn bench(c: &mut Criterion) {
    for n in COMMITMENTS {
        let doc = document(n);
        let report = score::score(&doc);
        assert_eq!(report.answers.len(), ANSWERS);
        assert!(report.answers.iter().all(|a| a.words == WORDS as u32));
        assert_eq!(report.commitments.len(), n);
        for rule in ["R2", "R7", "R10", "R14", "R15"] {
            assert!(
                report
                    .commitments
                    .iter()
                    .any(|c| c.caps.iter().any(|k| k.rule.id() == rule)),
                "{rule} is met"
            );
        }
        assert!(report.commitments.iter().any(|c| !c.credible));
        let mut group = c.benchmark_group("score");
        if n >= 10_000 {
            group.sample_size(20);
        }
        group.bench_function(
            format!("{n} commitments, 10 hot topics, 5 x 750 words"),
            |b| b.iter(|| score::score(black_box(&doc))),
        );
        group.finish();
    }
    let doc = document(COMMITMENTS[0]);
    // An anchor measured in the same run: writing the same offer as a file.
    c.bench_function("anchor: write the 50-commitment offer file", |b| {
        b.iter(|| offerwright::files::write_offer(black_box(&doc)))
    });
    c.bench_function("score and render the text report", |b| {
        b.iter(|| {
            let report = score::score(black_box(&doc));
            score::render_text(&report, &doc)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
