//! Export then import gives the same data, field for field.

use offerwright::files::{read_offer, read_plan, write_offer, write_plan};
use offerwright::samples::{self, SAMPLE_PLANS};
use offerwright::store::{import_offer, import_plan, offers, plans};

use crate::support::{fixture, fresh_store};

#[test]
fn the_demo_offer_round_trips_through_a_second_store() {
    let (_a, mut first) = fresh_store();
    let demo = offerwright::ops::demo::create_demo(&mut first).unwrap();
    let doc = offers::document(first.conn(), demo.offer_id).unwrap();
    let text = write_offer(&doc);

    let (_b, mut second) = fresh_store();
    let imported = import_offer(&mut second, text.as_bytes()).unwrap();
    assert!(
        !imported.plan_added,
        "the sample plan is already in a new store"
    );
    assert!(imported.tender_added);
    let again = offers::document(second.conn(), imported.offer_id).unwrap();
    assert_eq!(again, doc);
    assert_eq!(
        write_offer(&again),
        text,
        "the file is the same, byte for byte"
    );
}

#[test]
fn decimals_keep_their_written_form() {
    let (_dir, mut store) = fresh_store();
    let demo = offerwright::ops::demo::create_demo(&mut store).unwrap();
    let doc = offers::document(store.conn(), demo.offer_id).unwrap();
    assert_eq!(doc.tender.contract_value.to_string(), "480000.00");
    assert_eq!(
        doc.offer.commitments[0].baseline.unwrap().to_string(),
        "0.5"
    );
    assert_eq!(
        doc.offer.commitments[2].quantity.unwrap().to_string(),
        "60000.00"
    );
    let plan = plans::get(store.conn(), "durham-sample").unwrap();
    let proxy = plan.measure("local-hires").unwrap().proxy_value.unwrap();
    assert_eq!(proxy.to_string(), "12000.00");
}

#[test]
fn a_hand_written_plan_imports_and_exports_the_same_data() {
    let text = std::fs::read(fixture("hand-written.svplan.json")).unwrap();
    let (_dir, mut store) = fresh_store();
    let plan = import_plan(&mut store, &text, false).unwrap();
    let stored = plans::get(store.conn(), "hand-written").unwrap();
    assert_eq!(stored, plan);
    assert_eq!(read_plan(write_plan(&stored).as_bytes()).unwrap(), plan);
    assert_eq!(
        stored.measures[0].proxy_value.unwrap().to_string(),
        "14000.00"
    );
    assert!(stored.hot_topics[0].place_based);
}

#[test]
fn importing_the_same_plan_again_changes_nothing_and_a_different_one_needs_replace() {
    let text = std::fs::read(fixture("hand-written.svplan.json")).unwrap();
    let (_dir, mut store) = fresh_store();
    import_plan(&mut store, &text, false).unwrap();
    import_plan(&mut store, &text, false).unwrap();

    let mut changed = read_plan(&text).unwrap();
    changed.title = "A new title".to_owned();
    let changed_text = write_plan(&changed);
    let err = import_plan(&mut store, changed_text.as_bytes(), false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a different plan with the id \"hand-written\" is already in the store: import with --replace to replace it, or change the id in the file"
    );
    import_plan(&mut store, changed_text.as_bytes(), true).unwrap();
    assert_eq!(
        plans::get(store.conn(), "hand-written").unwrap().title,
        "A new title"
    );
}

#[test]
fn an_offer_imported_twice_shares_its_plan_and_tender() {
    let text = std::fs::read(fixture("hand-written.svoffer.json")).unwrap();
    let (_dir, mut store) = fresh_store();
    let first = import_offer(&mut store, &text).unwrap();
    let second = import_offer(&mut store, &text).unwrap();
    assert!(first.plan_added && first.tender_added);
    assert!(!second.plan_added && !second.tender_added);
    assert_eq!(first.tender_id, second.tender_id);
    assert_ne!(first.offer_id, second.offer_id);
    let doc = offers::document(store.conn(), second.offer_id).unwrap();
    assert_eq!(doc, read_offer(&text).unwrap());
}

#[test]
fn an_offer_against_a_changed_plan_keeps_its_own_plan() {
    let text = std::fs::read(fixture("hand-written.svoffer.json")).unwrap();
    let mut doc = read_offer(&text).unwrap();
    let (_dir, mut store) = fresh_store();
    import_offer(&mut store, &text).unwrap();

    doc.plan.title = "Revised plan".to_owned();
    let revised = import_offer(&mut store, write_offer(&doc).as_bytes()).unwrap();
    assert_eq!(revised.plan_id, "hand-written-2");
    assert!(revised.plan_added && revised.tender_added);
    let stored = offers::document(store.conn(), revised.offer_id).unwrap();
    assert_eq!(stored.plan.title, "Revised plan");
    assert_eq!(
        plans::get(store.conn(), "hand-written").unwrap().title,
        "Social value: plan on a page"
    );
}

#[test]
fn every_sample_plan_reads_and_round_trips() {
    for (name, text) in SAMPLE_PLANS {
        let plan = read_plan(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            read_plan(write_plan(&plan).as_bytes()).unwrap(),
            plan,
            "{name}"
        );
        assert!(
            (6..=10).contains(&plan.hot_topics.len()),
            "{name}: {} hot topics",
            plan.hot_topics.len()
        );
        assert!(plan.source.is_some(), "{name} names its source");
    }
}

#[test]
fn the_durham_sample_says_it_is_a_sample() {
    let plan = read_plan(SAMPLE_PLANS[0].1.as_bytes()).unwrap();
    assert_eq!(plan.id, samples::DURHAM_SAMPLE);
    let themes: Vec<&str> = plan.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        themes,
        [
            "Altogether wealthier",
            "Altogether better for children and young people",
            "Altogether healthier",
            "Altogether safer",
            "Altogether greener"
        ]
    );
    let summary = plan.summary.unwrap();
    assert!(
        summary.contains("sample")
            && summary.contains("2014")
            && summary.contains("not Durham County Council's current plan")
    );
    for m in plan.measures.iter().filter(|m| m.proxy_value.is_some()) {
        assert!(
            m.proxy_source.as_deref().unwrap().contains("illustrative"),
            "{}",
            m.id
        );
    }
}
