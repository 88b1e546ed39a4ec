//! Exporting a 20-page offer as the submission PDF: layout, font subsetting
//! and writing, in memory. Goal: under 100 ms median. The same offer as a
//! Word file and as a spreadsheet, for comparison.
//!
//! Run: `cargo bench --bench pdf`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

use offerwright::domain::{Answer, Commitment, OfferDocument};
use offerwright::export::{docx, pdf, sheet};
use offerwright::files;
use offerwright::samples;

const WORDS: &[&str] = &[
    "local",
    "people",
    "training",
    "kitchen",
    "apprentices",
    "schools",
    "suppliers",
    "growers",
    "carbon",
    "waste",
    "volunteers",
    "families",
    "community",
    "county",
    "delivery",
    "monitor",
    "quarterly",
    "evidence",
    "contract",
    "young",
    "we",
    "will",
    "and",
    "the",
];

fn sentence(n: usize, len: usize) -> String {
    let words: Vec<&str> = (0..len)
        .map(|i| WORDS[(n * 7 + i * 3) % WORDS.len()])
        .collect();
    let mut s = words.join(" ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s + "."
}

/// The demo offer grown to 20 pages: a 3,000-word answer with bold and
/// lists, and 96 commitments.
fn twenty_pages() -> OfferDocument {
    let (_, plan) = samples::SAMPLE_PLANS[0];
    let plan = files::read_plan(plan.as_bytes()).expect("the sample plan");
    let mut doc = OfferDocument {
        plan,
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    };
    let mut md = String::new();
    for n in 0..40 {
        if n % 4 == 3 {
            for k in 0..3 {
                md.push_str(&format!(
                    "- **{}** {}\n",
                    sentence(n + k, 2),
                    sentence(n, 12)
                ));
            }
            md.push('\n');
        } else {
            let para: Vec<String> = (0..5).map(|k| sentence(n * 5 + k, 15)).collect();
            md.push_str(&para.join(" "));
            md.push_str("\n\n");
        }
    }
    doc.offer.answers[0] = Answer {
        question: "sv1".to_owned(),
        text: md,
    };
    let topics: Vec<String> = doc.plan.hot_topics.iter().map(|t| t.id.clone()).collect();
    doc.offer.commitments = (0..96)
        .map(|i| Commitment {
            id: format!("c{i}"),
            hot_topic: Some(topics[i % topics.len()].clone()),
            what: sentence(i + 300, 8 + i % 6),
            quantity: Some(Decimal::from(i + 1)),
            unit: Some("people".to_owned()),
            by: NaiveDate::from_ymd_opt(2028, 1 + (i % 12) as u32, 15),
            r#where: Some("Bishop Auckland, County Durham".to_owned()),
            beneficiaries: Some(sentence(i + 400, 4)),
            owner: Some("Operations Manager".to_owned()),
            kpi: Some(sentence(i + 500, 8)),
            reporting: Some("quarterly".to_owned()),
            additional: true,
            ..Commitment::default()
        })
        .collect();
    doc
}

fn bench(c: &mut Criterion) {
    let doc = twenty_pages();
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    let bytes = pdf::submission(&doc, today).expect("the PDF");
    // Page objects: "/Type/Page" not followed by "s" (that is the page tree).
    let pages = bytes
        .windows(11)
        .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        .count();
    eprintln!("the benchmark offer: {} bytes, {pages} pages", bytes.len());
    c.bench_function("submission PDF of a 20-page offer", |b| {
        b.iter(|| pdf::submission(black_box(&doc), today).expect("the PDF"))
    });
    c.bench_function("submission Word file of a 20-page offer", |b| {
        b.iter(|| docx::submission(black_box(&doc), today).expect("the Word file"))
    });
    c.bench_function("spreadsheet of 96 commitments", |b| {
        b.iter(|| sheet::xlsx(black_box(&doc)).expect("the spreadsheet"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
