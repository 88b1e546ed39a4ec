//! The local store: opening, refusing, migrating, and every table's CRUD.

use chrono::NaiveDate;
use offerwright::domain::{Bidder, Commitment, Evidence, EvidenceKind, Offer};
use offerwright::samples::{demo_offer, demo_tender};
use offerwright::store::{
    self, STORE_FILE, Store, StoreError, evidence, latest_version, offers, plans, tenders,
};
use rust_decimal::Decimal;

use crate::support::{dump, fresh_store};

#[test]
fn a_new_store_is_set_up_for_safety_and_holds_the_sample_plans() {
    let (dir, store) = fresh_store();
    assert_eq!(store.path(), dir.path().join(STORE_FILE));
    let conn = store.conn();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, latest_version());
    let ids: Vec<String> = plans::list(conn)
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert!(ids.contains(&"durham-sample".to_owned()));
    assert!(ids.contains(&"uk-social-value-model".to_owned()));
}

#[test]
fn reopening_keeps_everything_and_adds_nothing() {
    let (dir, mut store) = fresh_store();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    let before = dump(&store);
    drop(store);
    let again = Store::open_dir(dir.path()).unwrap();
    assert_eq!(dump(&again), before);
}

#[test]
fn deleted_sample_plans_stay_deleted_on_reopen() {
    let (dir, mut store) = fresh_store();
    store
        .write(|tx| plans::delete(tx, "uk-social-value-model"))
        .unwrap();
    drop(store);
    let again = Store::open_dir(dir.path()).unwrap();
    assert!(!plans::exists(again.conn(), "uk-social-value-model").unwrap());
}

#[test]
fn a_store_from_a_newer_version_is_refused_and_left_untouched() {
    let (dir, store) = fresh_store();
    store
        .conn()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    drop(store);
    let path = dir.path().join(STORE_FILE);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Newer { found: 99, .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{} was written by a newer Offerwright (store version 99; this one knows up to {}): it has been left untouched; update Offerwright to open it",
            path.display(),
            latest_version()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "shopping list: eggs, flour, milk, and a great deal more text",
    )
    .unwrap();
    let err = Store::open(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is not an Offerwright store: it is not an SQLite database",
            text.display()
        )
    );

    let other = dir.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&other).unwrap();
    let err = Store::open(&other).unwrap_err();
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let (_dir, mut store) = fresh_store();
    let before = dump(&store);
    let result: store::Result<()> = store.write(|tx| {
        tenders::insert(tx, "durham-sample", &demo_tender())?;
        Err(StoreError::Conflict("stop".to_owned()))
    });
    assert!(result.is_err());
    assert_eq!(dump(&store), before);
}

#[test]
fn plans_crud() {
    let (_dir, mut store) = fresh_store();
    let mut plan = plans::get(store.conn(), "durham-sample").unwrap();
    plan.id = "copy".to_owned();
    store.write(|tx| plans::insert(tx, &plan)).unwrap();
    assert_eq!(plans::get(store.conn(), "copy").unwrap(), plan);

    let err = store.write(|tx| plans::insert(tx, &plan)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("a plan with the id \"copy\" is already in the store")
    );

    plan.hot_topics[0].weight = Decimal::new(2250, 2);
    plan.themes.reverse();
    store.write(|tx| plans::replace(tx, &plan)).unwrap();
    let stored = plans::get(store.conn(), "copy").unwrap();
    assert_eq!(stored, plan);
    assert_eq!(stored.hot_topics[0].weight.to_string(), "22.50");

    store.write(|tx| plans::delete(tx, "copy")).unwrap();
    assert!(matches!(
        plans::get(store.conn(), "copy"),
        Err(StoreError::NotFound { what: "plan", .. })
    ));
}

#[test]
fn an_invalid_plan_is_refused_by_the_store_too() {
    let (_dir, mut store) = fresh_store();
    let mut plan = plans::get(store.conn(), "durham-sample").unwrap();
    plan.id = "Not A Slug".to_owned();
    let err = store.write(|tx| plans::insert(tx, &plan)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "id: expected an id made of lower-case letters, digits and hyphens, such as \"local-jobs\", found \"Not A Slug\""
    );
    plan.id = "fine".to_owned();
    plan.hot_topics[0].theme = "nowhere".to_owned();
    let err = store.write(|tx| plans::insert(tx, &plan)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("hot_topics[0].theme: no theme has the id \"nowhere\"")
    );
}

#[test]
fn a_plan_in_use_cannot_be_deleted_or_lose_a_hot_topic_in_use() {
    let (_dir, mut store) = fresh_store();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    let err = store
        .write(|tx| plans::delete(tx, "durham-sample"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the plan \"durham-sample\" is used by 1 tender(s): delete them first"
    );
    let mut plan = plans::get(store.conn(), "durham-sample").unwrap();
    plan.hot_topics.retain(|t| t.id != "local-jobs");
    let err = store.write(|tx| plans::replace(tx, &plan)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "offer 1 has a commitment to the hot topic \"local-jobs\", which the changed plan no longer has: move that commitment first"
    );
}

#[test]
fn tenders_crud() {
    let (_dir, mut store) = fresh_store();
    let mut tender = demo_tender();
    let id = store
        .write(|tx| tenders::insert(tx, "durham-sample", &tender))
        .unwrap();
    let record = tenders::get(store.conn(), id).unwrap();
    assert_eq!(
        (record.plan_id.as_str(), &record.tender),
        ("durham-sample", &tender)
    );

    tender.contract_start = None;
    tender.questions.pop();
    store.write(|tx| tenders::update(tx, id, &tender)).unwrap();
    assert_eq!(tenders::get(store.conn(), id).unwrap().tender, tender);
    assert_eq!(tenders::list(store.conn()).unwrap()[0].id, id);

    let err = store
        .write(|tx| tenders::insert(tx, "no-such-plan", &tender))
        .unwrap_err();
    assert_eq!(err.to_string(), "no plan with the id no-such-plan");

    store.write(|tx| tenders::delete(tx, id)).unwrap();
    assert!(tenders::list(store.conn()).unwrap().is_empty());
}

#[test]
fn offers_crud_and_editing_in_place() {
    let (_dir, mut store) = fresh_store();
    let demo = offerwright::ops::demo::create_demo(&mut store).unwrap();
    let id = demo.offer_id;
    assert_eq!(offers::get(store.conn(), id).unwrap().offer, demo_offer());

    store
        .write(|tx| offers::set_answer(tx, id, "sv2", "We report every quarter."))
        .unwrap();
    store
        .write(|tx| offers::set_answer(tx, id, "sv1", "Rewritten."))
        .unwrap();
    let offer = offers::get(store.conn(), id).unwrap().offer;
    assert_eq!(offer.answers[0].text, "Rewritten.");
    assert_eq!(offer.answers[1].question, "sv2");

    let err = store
        .write(|tx| offers::set_answer(tx, id, "sv9", "x"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "answer.question: the tender has no question with the id \"sv9\""
    );

    let mut c2 = offer.commitments[1].clone();
    c2.owner = Some("Head Chef".to_owned());
    store
        .write(|tx| offers::put_commitment(tx, id, &c2))
        .unwrap();
    let new = Commitment {
        id: "c6".to_owned(),
        what: "Sponsor a school garden".to_owned(),
        by: NaiveDate::from_ymd_opt(2028, 5, 1),
        ..Commitment::default()
    };
    store
        .write(|tx| offers::put_commitment(tx, id, &new))
        .unwrap();
    let offer = offers::get(store.conn(), id).unwrap().offer;
    assert_eq!(offer.commitments[1], c2, "replaced in place");
    assert_eq!(offer.commitments.last(), Some(&new), "added at the end");

    let bad = Commitment {
        hot_topic: Some("no-such-topic".to_owned()),
        ..new.clone()
    };
    let err = store
        .write(|tx| offers::put_commitment(tx, id, &bad))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "commitment.hot_topic: the plan \"durham-sample\" has no hot_topic with the id \"no-such-topic\""
    );
    let blank = Commitment {
        what: " ".to_owned(),
        ..new.clone()
    };
    let err = store
        .write(|tx| offers::put_commitment(tx, id, &blank))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "commitment.what: expected a non-empty text, found only white space or nothing"
    );

    store
        .write(|tx| offers::remove_commitment(tx, id, "c6"))
        .unwrap();
    store
        .write(|tx| {
            offers::set_bidder(
                tx,
                id,
                &Bidder {
                    name: "Renamed CIC".to_owned(),
                    kind: None,
                    employees: None,
                    location: None,
                },
            )
        })
        .unwrap();
    let listed = offers::list(store.conn()).unwrap();
    assert_eq!(listed[0].bidder, "Renamed CIC");
    assert_eq!(listed[0].commitments, 5);

    let replacement = Offer {
        answers: vec![],
        commitments: vec![],
        ..offers::get(store.conn(), id).unwrap().offer
    };
    store
        .write(|tx| offers::replace(tx, id, &replacement))
        .unwrap();
    assert_eq!(offers::get(store.conn(), id).unwrap().offer, replacement);

    store.write(|tx| offers::delete(tx, id)).unwrap();
    assert!(offers::list(store.conn()).unwrap().is_empty());
    let err = store.write(|tx| offers::delete(tx, id)).unwrap_err();
    assert_eq!(err.to_string(), format!("no offer with the id {id}"));
}

#[test]
fn evidence_crud_and_citation() {
    let (_dir, mut store) = fresh_store();
    let mut item = Evidence {
        kind: EvidenceKind::PastDelivery,
        title: "Apprentices hired in 2025".to_owned(),
        body: "Two apprentice cooks completed level 2.".to_owned(),
        quantity: Some(Decimal::new(200, 2)),
        unit: Some("apprentices".to_owned()),
        delivered_on: NaiveDate::from_ymd_opt(2025, 12, 31),
        source: Some("2025 impact report".to_owned()),
    };
    let id = store.write(|tx| evidence::insert(tx, &item)).unwrap();
    let stored = evidence::get(store.conn(), id).unwrap();
    assert_eq!(stored.evidence, item);
    assert_eq!(stored.citation, item.citation());
    assert_eq!(stored.evidence.quantity.unwrap().to_string(), "2.00");
    assert_eq!(
        item.citation(),
        "Apprentices hired in 2025: 2 apprentices by 31 December 2025 (2025 impact report)."
    );

    item.kind = EvidenceKind::CaseStudy;
    item.quantity = None;
    assert_eq!(
        item.citation(),
        "Apprentices hired in 2025: Two apprentice cooks completed level 2 (2025 impact report)."
    );
    store.write(|tx| evidence::update(tx, id, &item)).unwrap();
    assert_eq!(evidence::list(store.conn()).unwrap()[0].evidence, item);

    item.title = String::new();
    let err = store
        .write(|tx| evidence::update(tx, id, &item))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "evidence.title: expected a title, found nothing"
    );

    store.write(|tx| evidence::delete(tx, id)).unwrap();
    assert!(evidence::list(store.conn()).unwrap().is_empty());
}
