//! The largest offer a file may hold: 10,000 commitments (the list limit)
//! import, read back, score, export (PDF included), back up and restore;
//! one more is refused with a clear message. The times are printed, not
//! asserted:
//! `cargo test --test it large -- --nocapture` (add `--release` for the
//! figures a user sees).

use std::time::Instant;

use offerwright::domain::OfferDocument;
use offerwright::export::pdf;
use offerwright::files::{self, json::MAX_LIST_ITEMS};
use offerwright::score;
use offerwright::store::backup::{self, BackupKind};
use offerwright::store::{self, offers};

use crate::support::{dump, fresh_store};

/// The demo offer with `n` commitments, made from the demo's own.
fn offer_with(n: usize) -> OfferDocument {
    let (_dir, mut store) = fresh_store();
    let demo = offerwright::ops::demo::create_demo(&mut store).unwrap();
    let mut doc = offers::document(store.conn(), demo.offer_id).unwrap();
    let templates = doc.offer.commitments.clone();
    doc.offer.commitments = (0..n)
        .map(|i| {
            let mut c = templates[i % templates.len()].clone();
            c.id = format!("c{i}");
            c.what = format!("{} (number {i})", c.what);
            c
        })
        .collect();
    doc
}

fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    println!(
        "large offer: {what}: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    out
}

#[test]
fn an_offer_with_ten_thousand_commitments_imports_scores_and_exports() {
    let n = MAX_LIST_ITEMS;
    assert_eq!(n, 10_000);
    let doc = offer_with(n);
    let bytes = time("write the offer file", || files::write_offer(&doc));
    println!(
        "large offer: {n} commitments, a file of {} bytes",
        bytes.len()
    );
    let read = time("read the offer file", || {
        files::read_offer(bytes.as_bytes()).unwrap()
    });
    assert_eq!(read, doc);

    let (_dir, mut store) = fresh_store();
    let done = time("import into the store", || {
        store::import_offer(&mut store, bytes.as_bytes()).unwrap()
    });
    let stored = time("read from the store", || {
        offers::document(store.conn(), done.offer_id).unwrap()
    });
    assert_eq!(stored, doc);
    assert_eq!(offers::list(store.conn()).unwrap()[0].commitments, 10_000);

    let report = time("score", || score::score(&stored));
    assert_eq!(
        report.commitments.len(),
        10_000,
        "every commitment is scored"
    );

    let exported = time("export the offer file", || files::write_offer(&stored));
    assert_eq!(exported, bytes);

    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let made = time("back up the store", || {
        backup::back_up(&store, BackupKind::Manual).unwrap()
    });
    println!("large offer: a backup of {} bytes", made.size);
    let before = dump(&store);
    store.write(|tx| offers::delete(tx, done.offer_id)).unwrap();
    let store_file = store.path().to_path_buf();
    time("restore the backup", || {
        backup::restore(&store_file, std::path::Path::new(&made.path)).unwrap()
    });
    assert_eq!(dump(&store), before);

    let pdf = time("export the submission PDF", || {
        pdf::submission(&stored, today).unwrap()
    });
    println!("large offer: a submission PDF of {} bytes", pdf.len());
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn one_commitment_more_is_refused_clearly() {
    let doc = offer_with(MAX_LIST_ITEMS + 1);
    let err = files::read_offer(files::write_offer(&doc).as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "commitments: this list has more than 10000 items, the most a list may have"
    );
}
