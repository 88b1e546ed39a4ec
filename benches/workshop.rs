//! Collecting and comparing a room of 40 offer files: listing the folder,
//! reading and checking every file, scoring each offer and building the
//! comparison. Goal: under 1 second median.
//!
//! Run: `cargo bench --bench workshop`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use offerwright::files;
use offerwright::samples;
use offerwright::workshop;

fn bench(c: &mut Criterion) {
    let (_, text) = samples::SAMPLE_PLANS
        .iter()
        .find(|(n, _)| n.starts_with("durham"))
        .expect("the Durham sample");
    let pack = samples::demo_workshop(files::read_plan(text.as_bytes()).expect("the plan"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..40 {
        let doc = pack.document(samples::workshop_participant(i));
        let name = files::workshop_offer_file_name(&doc, &pack.title);
        files::save_offer(&dir.path().join(name), &doc).expect("an offer file");
    }
    let collected = workshop::collect(dir.path(), &pack).expect("the folder");
    assert_eq!(collected.offers.len(), 40);
    c.bench_function("collect and compare 40 offer files", |b| {
        b.iter(|| {
            let collected = workshop::collect(black_box(dir.path()), &pack).expect("the folder");
            workshop::compare(&pack, &collected, false)
        })
    });
    c.bench_function("collect, compare and anonymise 40 offer files", |b| {
        b.iter(|| {
            let collected = workshop::collect(black_box(dir.path()), &pack).expect("the folder");
            workshop::compare(&pack, &collected, true)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
