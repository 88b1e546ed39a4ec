//! The delivery tracker on a large contract: 100 commitments reported
//! monthly for five years, every month recorded and one in ten figures
//! corrected (6,600 records). Where the contract stands (what the Delivery
//! tab asks for on each period it shows) and a period's progress report as
//! PDF and spreadsheet. Goal: status well under 100 ms, so that picking a
//! period never waits.
//!
//! Run: `cargo bench --bench delivery`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

use offerwright::delivery;
use offerwright::domain::{Delivery, DeliveryRecord, Frequency, OfferDocument};
use offerwright::export::{pdf, sheet};
use offerwright::files;
use offerwright::samples;

fn contract() -> (OfferDocument, Delivery) {
    let (_, text) = samples::SAMPLE_PLANS
        .iter()
        .find(|(n, _)| n.starts_with("durham"))
        .expect("the Durham sample");
    let mut tender = samples::demo_tender();
    tender.duration_months = 60;
    let mut offer = samples::demo_offer();
    let first = offer.commitments[0].clone();
    offer.commitments = (0..100)
        .map(|i| {
            let mut c = first.clone();
            c.id = format!("k{i}");
            c.quantity = Some(Decimal::from(60));
            c.by = None;
            c
        })
        .collect();
    let doc = OfferDocument {
        plan: files::read_plan(text.as_bytes()).expect("the plan"),
        tender,
        offer,
    };
    let mut records = Vec::new();
    for period in 1..=60 {
        for i in 0..100 {
            let record = |achieved: i64, by: &str| DeliveryRecord {
                commitment: format!("k{i}"),
                period,
                achieved: Decimal::from(achieved),
                note: Some("Monthly figure".to_owned()),
                evidence: Vec::new(),
                recorded_by: by.to_owned(),
                recorded_at: "2027-07-01T09:00:00Z".to_owned(),
            };
            records.push(record(2, "Jo"));
            if i % 10 == 0 {
                records.push(record(1, "Sam"));
            }
        }
    }
    let delivery = Delivery {
        awarded_on: NaiveDate::from_ymd_opt(2027, 3, 1).expect("a date"),
        start: NaiveDate::from_ymd_opt(2027, 4, 1).expect("a date"),
        reporting: Frequency::Monthly,
        records,
    };
    files::validate_delivery(&doc, &delivery).expect("a valid contract");
    (doc, delivery)
}

fn bench(c: &mut Criterion) {
    let (doc, d) = contract();
    let today = NaiveDate::from_ymd_opt(2029, 10, 4).expect("a date");
    c.bench_function("status of 100 commitments over 60 months", |b| {
        b.iter(|| delivery::at_period_end(black_box(&doc), &d, 30))
    });
    c.bench_function("progress report PDF, month 30", |b| {
        b.iter(|| pdf::progress_report(black_box(&doc), &d, Some(30), today).expect("a PDF"))
    });
    c.bench_function("progress report spreadsheet, month 30", |b| {
        b.iter(|| sheet::progress_xlsx(black_box(&doc), &d, Some(30)).expect("a spreadsheet"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
