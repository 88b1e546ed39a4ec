//! The delivery tracker, on a real store: a three-year contract reported
//! quarterly, simulated period by period; corrections that keep their
//! history; a won offer kept as submitted; the offer file carrying the
//! records to another machine; and the progress reports read back.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use offerwright::delivery::{self, Status};
use offerwright::domain::{
    Commitment, Delivery, EvidenceRef, EvidenceRefKind, Frequency, OfferDocument,
};
use offerwright::export::{pdf, sheet};
use offerwright::files;
use offerwright::store::contracts::{self, Award, NewRecord};
use offerwright::store::{Store, StoreError, import_offer, offers, tenders};
use rust_decimal::Decimal;

use crate::support::fresh_store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn commitment(
    id: &str,
    measure: Option<&str>,
    quantity: Option<&str>,
    by: Option<&str>,
) -> Commitment {
    Commitment {
        id: id.to_owned(),
        hot_topic: measure.map(|_| "local-jobs".to_owned()),
        measure: measure.map(str::to_owned),
        what: format!("Commitment {id}"),
        quantity: quantity.map(dec),
        unit: None,
        by: by.map(day),
        ..Commitment::default()
    }
}

/// The demo's plan and tender (a 36-month contract from 1 April 2027), with
/// four commitments shaped for the simulation.
fn contract_offer() -> OfferDocument {
    let mut doc = crate::pdf::demo();
    doc.offer.commitments = vec![
        // 12 people over the whole contract: 1.2 a quarter keeps it ahead.
        commitment("steady", Some("local-hires"), Some("12"), None),
        // 8 by the end of year two: nothing for three quarters, then more.
        commitment(
            "catch-up",
            Some("vacancies-notified"),
            Some("8"),
            Some("2029-03-31"),
        ),
        // 4 by the end of year one, and nothing ever happens.
        commitment("never", None, Some("4"), Some("2028-03-31")),
        // No quantity: notes and evidence only.
        commitment("no-target", None, None, None),
    ];
    for c in &mut doc.offer.commitments[2..] {
        c.unit = Some("events".to_owned());
    }
    doc
}

/// A store holding `doc`, marked as won from 1 April 2027, quarterly.
fn won_store(doc: &OfferDocument) -> (tempfile::TempDir, Store, i64) {
    let (dir, mut store) = fresh_store();
    let id = import_offer(&mut store, files::write_offer(doc).as_bytes())
        .unwrap()
        .offer_id;
    store
        .write(|tx| {
            contracts::award(
                tx,
                id,
                &Award {
                    start: day("2027-04-01"),
                    reporting: Frequency::Quarterly,
                },
                day("2027-03-20"),
            )
        })
        .unwrap();
    (dir, store, id)
}

fn new_record(commitment: &str, period: u32, achieved: &str) -> NewRecord {
    NewRecord {
        commitment: commitment.to_owned(),
        period,
        achieved: dec(achieved),
        note: None,
        evidence: Vec::new(),
        recorded_by: "Jo Bloggs".to_owned(),
    }
}

fn record(store: &mut Store, id: i64, r: &NewRecord) {
    store.write(|tx| contracts::record(tx, id, r)).unwrap();
}

fn status_of(s: &delivery::ContractStatus, id: &str) -> Status {
    s.commitments
        .iter()
        .find(|c| c.commitment == id)
        .unwrap()
        .status
}

#[test]
fn a_three_year_quarterly_contract_simulated_period_by_period() {
    use Status::{AtRisk, Behind, Delivered, NoTarget, OnTrack};
    let doc = contract_offer();
    let (_dir, mut store, id) = won_store(&doc);
    let contract = contracts::get(store.conn(), id).unwrap();
    let periods = contract.delivery.periods(36);
    assert_eq!(periods.len(), 12);
    assert_eq!(
        (periods[0].first, periods[11].last),
        (day("2027-04-01"), day("2030-03-31"))
    );

    // What is delivered each quarter, and where each commitment must then
    // stand: steady, catch-up, never, no-target.
    let catch_up = ["0", "0", "0", "2", "4", "1", "1", "0", "0", "0", "0", "0"];
    let expected = [
        [OnTrack, Behind, Behind, NoTarget],
        [OnTrack, Behind, Behind, NoTarget],
        [OnTrack, Behind, AtRisk, NoTarget],
        [OnTrack, Behind, AtRisk, NoTarget],
        [OnTrack, OnTrack, AtRisk, NoTarget],
        [OnTrack, OnTrack, AtRisk, NoTarget],
        [OnTrack, Delivered, AtRisk, NoTarget],
        [OnTrack, Delivered, AtRisk, NoTarget],
        [OnTrack, Delivered, AtRisk, NoTarget],
        [Delivered, Delivered, AtRisk, NoTarget],
        [Delivered, Delivered, AtRisk, NoTarget],
        [Delivered, Delivered, AtRisk, NoTarget],
    ];
    let ids = ["steady", "catch-up", "never", "no-target"];
    for (q, want) in (1..=12).zip(expected) {
        if q <= 10 {
            record(&mut store, id, &new_record("steady", q, "1.2"));
        }
        record(
            &mut store,
            id,
            &new_record("catch-up", q, catch_up[q as usize - 1]),
        );
        if q % 4 == 0 {
            let mut r = new_record("no-target", q, "0");
            r.note = Some(format!("Year {} report sent to the schools", q / 4));
            record(&mut store, id, &r);
        }
        let k = contracts::get(store.conn(), id).unwrap();
        let s = delivery::at_period_end(&k.submitted, &k.delivery, q);
        assert_eq!(s.as_of, periods[q as usize - 1].last);
        let got: Vec<Status> = ids.iter().map(|c| status_of(&s, c)).collect();
        assert_eq!(got, want, "statuses at the end of quarter {q}");

        // The steady commitment: 1.2 a quarter, and its GBP at the plan's
        // proxy of 12,000.00 a person.
        let steady = &s.commitments[0];
        let done = dec("1.2") * Decimal::from(q.min(10));
        assert_eq!(steady.achieved_to_date, done);
        assert_eq!(steady.value_to_date, Some(done * dec("12000.00")));
        assert_eq!(s.value_delivered, Some(done * dec("12000.00")));
    }

    // Pro-rata targets, worked by hand. "never" wants 4 in the 366 days from
    // 1 April 2027 to 31 March 2028: by 30 September 2027 (183 days), 2.
    let k = contracts::get(store.conn(), id).unwrap();
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 2);
    assert_eq!(s.commitments[2].target_to_date, Some(dec("2")));
    // The whole contract is 1,096 days; a quarter of 91 days wants
    // 12 x 91 / 1096 of "steady".
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 1);
    assert_eq!(
        s.commitments[0].target_to_date.map(|t| t.round_dp(12)),
        Some((dec("12") * Decimal::from(91) / Decimal::from(1096)).round_dp(12))
    );
    assert_eq!(s.commitments[3].target_to_date, None);
    // From its date on, "never" wants all 4.
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 5);
    assert_eq!(s.commitments[2].target_to_date, Some(dec("4")));
    assert_eq!(
        s.counts,
        delivery::StatusCounts {
            delivered: 0,
            on_track: 2,
            behind: 0,
            at_risk: 1,
            no_target: 1
        }
    );

    // Looked at on a day mid-quarter, the total includes that quarter's
    // record, and before the start nothing is due.
    let s = delivery::on(&k.submitted, &k.delivery, day("2028-05-15"));
    assert_eq!(s.period, 5);
    assert_eq!(s.commitments[1].achieved_to_date, dec("6"));
    let s = delivery::on(&k.submitted, &k.delivery, day("2027-01-10"));
    assert_eq!((s.period, s.commitments[0].status), (1, OnTrack));
    assert_eq!(s.commitments[0].target_to_date, Some(Decimal::ZERO));
    // The timeline: what each quarter held, and the status at its end.
    let cells = &s.commitments[1].periods;
    assert_eq!(cells.len(), 12);
    assert_eq!(cells[4].achieved, Some(dec("4")));
    assert_eq!(cells[4].achieved_to_date, dec("6"));
    assert_eq!(cells[2].status, Behind);
    assert_eq!(cells[6].status, Delivered);
}

#[test]
fn a_correction_keeps_the_old_figure_in_the_history() {
    let doc = contract_offer();
    let (_dir, mut store, id) = won_store(&doc);
    record(&mut store, id, &new_record("steady", 1, "2"));
    let mut fix = new_record("steady", 1, "1");
    fix.recorded_by = "Sam Auditor".to_owned();
    fix.note = Some("One start was in July, not June".to_owned());
    record(&mut store, id, &fix);

    let k = contracts::get(store.conn(), id).unwrap();
    let history = k.delivery.history("steady", 1);
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[0].achieved, history[0].recorded_by.as_str()),
        (dec("2"), "Jo Bloggs")
    );
    assert_eq!(
        (history[1].achieved, history[1].recorded_by.as_str()),
        (dec("1"), "Sam Auditor")
    );
    assert!(!k.delivery.counts(0) && k.delivery.counts(1));
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 1);
    assert_eq!(s.commitments[0].achieved_to_date, dec("1"));
    assert_eq!(s.commitments[0].periods[0].versions, 2);

    // Nothing is ever silently overwritten: the table refuses an UPDATE.
    let err = store
        .write(|tx| {
            tx.execute("UPDATE delivery_records SET achieved = '9'", [])?;
            Ok(())
        })
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("delivery records are never changed"),
        "{err}"
    );
    let again = contracts::get(store.conn(), id).unwrap();
    assert_eq!(again.delivery.records, k.delivery.records);
}

#[test]
fn bad_records_are_refused_with_the_field_named() {
    let doc = contract_offer();
    let (_dir, mut store, id) = won_store(&doc);
    let err = |r: NewRecord, store: &mut Store| {
        store
            .write(|tx| contracts::record(tx, id, &r))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(new_record("nope", 1, "1"), &mut store),
        "record.commitment: the offer has no commitment with the id \"nope\": the known ones are steady, catch-up, never, no-target"
    );
    assert_eq!(
        err(new_record("steady", 13, "1"), &mut store),
        "record.period: expected a period from 1 to 12 (a 36 month contract reported quarterly), found 13"
    );
    let mut anonymous = new_record("steady", 1, "1");
    anonymous.recorded_by = "  ".to_owned();
    assert!(
        err(anonymous, &mut store).starts_with("record.recorded_by: "),
        "who recorded it is required"
    );
    assert!(
        contracts::get(store.conn(), id)
            .unwrap()
            .delivery
            .records
            .is_empty()
    );

    // An offer that was not won has no contract to record against.
    let tender_id = offers::view(store.conn(), id).unwrap().tender_id;
    let other = store
        .write(|tx| offers::insert(tx, tender_id, &doc.offer))
        .unwrap();
    let e = store
        .write(|tx| contracts::record(tx, other, &new_record("steady", 1, "1")))
        .unwrap_err();
    assert!(e.to_string().contains("has not been marked as won"), "{e}");
}

#[test]
fn a_won_offer_is_kept_as_submitted() {
    let doc = contract_offer();
    let (_dir, mut store, id) = won_store(&doc);
    let err = store
        .write(|tx| offers::set_answer(tx, id, "sv1", "Changed after the award"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)));
    assert!(
        err.to_string().contains("kept as it was submitted"),
        "{err}"
    );
    assert!(
        store
            .write(|tx| offers::remove_commitment(tx, id, "steady"))
            .is_err()
    );
    let view = offers::view(store.conn(), id).unwrap();
    assert!(view.awarded_on.is_some());
    assert_eq!(view.document.offer, doc.offer);
    assert!(
        offers::list(store.conn()).unwrap()[0].awarded_on.is_some(),
        "the offers list marks it"
    );

    // A second award is refused; withdrawing is allowed until something is
    // recorded, and then refused.
    let again = store.write(|tx| {
        contracts::award(
            tx,
            id,
            &Award {
                start: day("2027-04-01"),
                reporting: Frequency::Monthly,
            },
            day("2027-03-21"),
        )
    });
    assert!(
        again
            .unwrap_err()
            .to_string()
            .contains("already marked as won")
    );
    record(&mut store, id, &new_record("steady", 1, "1"));
    let e = store.write(|tx| contracts::withdraw(tx, id)).unwrap_err();
    assert!(e.to_string().contains("cannot be withdrawn"), "{e}");

    // The tender changing later does not move the contract's goalposts.
    let tender_id = view.tender_id;
    let mut tender = tenders::get(store.conn(), tender_id).unwrap().tender;
    tender.duration_months = 12;
    store
        .write(|tx| tenders::update(tx, tender_id, &tender))
        .unwrap();
    let k = contracts::get(store.conn(), id).unwrap();
    assert_eq!(k.submitted.tender.duration_months, 36);
    assert_eq!(
        (&k.submitted.offer, &k.submitted.tender),
        (&doc.offer, &doc.tender)
    );
}

#[test]
fn the_offer_file_carries_the_contract_and_every_record() {
    let doc = contract_offer();
    let (_dir, mut store, id) = won_store(&doc);
    record(&mut store, id, &new_record("steady", 1, "2"));
    let mut r = new_record("steady", 1, "1.5");
    r.evidence = vec![
        EvidenceRef {
            kind: EvidenceRefKind::File,
            text: "Q1 starters – signed.pdf".to_owned(),
        },
        EvidenceRef {
            kind: EvidenceRefKind::Link,
            text: "https://example.org/impact/2027-q1".to_owned(),
        },
    ];
    r.note = Some("Corrected: one starter left in week one".to_owned());
    record(&mut store, id, &r);
    record(&mut store, id, &new_record("catch-up", 2, "3"));
    let k = contracts::get(store.conn(), id).unwrap();

    let text = files::write_offer_with_delivery(&k.submitted, Some(&k.delivery));
    let (back, delivery) = files::read_offer_with_delivery(text.as_bytes()).unwrap();
    assert_eq!(back, k.submitted);
    assert_eq!(delivery.as_ref(), Some(&k.delivery));
    // A plain reader of version 1 files still reads the offer.
    assert_eq!(files::read_offer(text.as_bytes()).unwrap(), k.submitted);

    // On another machine: the same contract, the same history, the same
    // authors and times.
    let (_other_dir, mut other) = fresh_store();
    let imported = import_offer(&mut other, text.as_bytes()).unwrap();
    assert!(imported.won);
    let there = contracts::get(other.conn(), imported.offer_id).unwrap();
    assert_eq!(there.delivery, k.delivery);
    assert_eq!(
        delivery::at_period_end(&there.submitted, &there.delivery, 2),
        delivery::at_period_end(&k.submitted, &k.delivery, 2)
    );
    let again = files::write_offer_with_delivery(&there.submitted, Some(&there.delivery));
    assert_eq!(again, text, "exported again, byte for byte");
}

#[test]
fn a_delivery_section_that_does_not_fit_the_offer_is_refused() {
    let doc = contract_offer();
    let good = Delivery {
        awarded_on: day("2027-03-01"),
        start: day("2027-04-01"),
        reporting: Frequency::SixMonthly,
        records: Vec::new(),
    };
    let text = files::write_offer_with_delivery(&doc, Some(&good));
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let refusal = |v: &serde_json::Value| {
        files::read_offer_with_delivery(serde_json::to_string(v).unwrap().as_bytes())
            .unwrap_err()
            .to_string()
    };
    value["delivery"]["records"] = serde_json::json!([{
        "commitment": "steady", "period": 7, "achieved": "1",
        "recorded_by": "Jo", "recorded_at": "2027-07-01T09:00:00Z"
    }]);
    assert_eq!(
        refusal(&value),
        "delivery.records[0].period: expected a period from 1 to 6 (a 36 month contract reported six-monthly), found 7"
    );
    value["delivery"]["records"][0]["period"] = serde_json::json!(1);
    value["delivery"]["records"][0]["recorded_at"] = serde_json::json!("last Tuesday");
    assert!(
        refusal(&value).starts_with(
            "delivery.records[0].recorded_at: expected a date and time written in RFC 3339"
        ),
        "{}",
        refusal(&value)
    );
    value["delivery"]["records"][0]["recorded_at"] = serde_json::json!("2027-07-01T09:00:00Z");
    value["delivery"]["records"][0]["achieved"] = serde_json::json!("-1");
    assert!(refusal(&value).starts_with("delivery.records[0].achieved: "));
    value["delivery"]["records"][0]["achieved"] = serde_json::json!("1");
    value["delivery"]["reporting"] = serde_json::json!("fortnightly");
    assert!(refusal(&value).starts_with("delivery.reporting: "));
}

/// The text of a PDF, by poppler.
#[test]
fn the_reports_tables_read_back_in_whole_words() {
    let (_dir, store, id) = demo_contract();
    let k = contracts::get(store.conn(), id).unwrap();
    let today = day("2027-10-04");
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 2);
    let mut names = Vec::new();
    let mut with_status = Vec::new();
    for p in &s.commitments {
        names.extend(crate::pdf::words(&p.what));
        with_status.extend(crate::pdf::words(&p.what));
        with_status.extend(crate::pdf::words(p.status.label()));
    }
    // The period's report, with each commitment's status at the period's
    // end; the end-of-contract summary, with its two tables.
    for (period, expected) in [(Some(2), &with_status), (None, &names)] {
        let bytes = pdf::progress_report(&k.submitted, &k.delivery, period, today).unwrap();
        let text = crate::support::pdf_text(&bytes, "-raw");
        let split = crate::pdf::assert_whole_or_hyphenated(&text, expected, "progress report");
        assert!(split.is_empty(), "{period:?}: words split: {split:?}");
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    crate::support::pdf_text(bytes, "-layout")
}

/// The demo offer, won, with two quarters recorded (one corrected).
fn demo_contract() -> (tempfile::TempDir, Store, i64) {
    let doc = crate::pdf::demo();
    let (dir, mut store, id) = won_store(&doc);
    let mut r = new_record("c1", 1, "1");
    r.note = Some("Two referred candidates interviewed, one started".to_owned());
    r.evidence = vec![
        EvidenceRef {
            kind: EvidenceRefKind::File,
            text: "Q1-starters.pdf".to_owned(),
        },
        EvidenceRef {
            kind: EvidenceRefKind::Description,
            text: "Employability team referral log".to_owned(),
        },
    ];
    record(&mut store, id, &r);
    record(&mut store, id, &new_record("c2", 1, "13"));
    record(&mut store, id, &new_record("c3", 1, "4500.50"));
    record(&mut store, id, &new_record("c1", 2, "1"));
    let mut fix = new_record("c3", 2, "5125");
    fix.recorded_by = "Ann Finance".to_owned();
    record(&mut store, id, &new_record("c3", 2, "5200"));
    record(&mut store, id, &fix);
    record(&mut store, id, &new_record("c5", 2, "2"));
    (dir, store, id)
}

#[test]
fn the_progress_report_holds_every_figure_of_its_period() {
    let (_dir, store, id) = demo_contract();
    let k = contracts::get(store.conn(), id).unwrap();
    let today = day("2027-10-04");
    let bytes = pdf::progress_report(&k.submitted, &k.delivery, Some(2), today).unwrap();
    let text = pdf_text(&bytes);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Social value progress report",
        "School meals, primary schools",
        "Wear Valley Kitchens CIC",
        "DCC-2026-0142",
        "Quarter 2, 1 July 2027 to 30 September 2027",
        "Prepared on: 4 October 2027",
        "Statuses are as at 30 September 2027",
    ] {
        assert!(flat.contains(expected), "{expected:?} in\n{text}");
    }
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 2);
    assert!(flat.contains(&s.summary()), "{} in\n{text}", s.summary());
    // Every commitment's figures for the period, on its line.
    for p in &s.commitments {
        let line = text
            .lines()
            .find(|l| {
                // A status of two words may wrap in its column.
                l.contains(p.what.split_whitespace().next().unwrap())
                    && l.contains(p.status.label().split_whitespace().next().unwrap())
            })
            .unwrap_or_else(|| panic!("a line for {} in\n{text}", p.commitment));
        let mut figures = vec![offerwright::money::quantity(p.achieved_to_date)];
        if let Some(v) = p.achieved_in_period {
            figures.push(offerwright::money::quantity(v));
        }
        if let Some(t) = p.target_to_date {
            // A worked-out target, to two places at most, as the app shows it.
            figures.push(offerwright::money::figure_2dp(t, None));
        }
        if let Some(q) = p.promised {
            figures.push(offerwright::money::quantity(q));
        }
        for f in figures {
            assert!(line.contains(&f), "{f} for {} in {line:?}", p.commitment);
        }
    }
    // The c3 figure was corrected: the report says so and keeps the old one.
    assert!(flat.contains("5,125"), "{text}");
    assert!(
        flat.contains("corrected; earlier figures: 5,200 by Jo Bloggs"),
        "{text}"
    );
    assert!(flat.contains("recorded by Ann Finance"), "{text}");
    let delivered = s.value_delivered.unwrap();
    assert!(flat.contains(&offerwright::money::gbp(delivered)), "{text}");
    // Quarter 1's notes belong to Quarter 1's report.
    assert!(!flat.contains("Q1-starters.pdf"));
    let q1 = pdf_text(&pdf::progress_report(&k.submitted, &k.delivery, Some(1), today).unwrap());
    let q1 = q1.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Two referred candidates interviewed, one started",
        "File: Q1-starters.pdf",
        "Evidence: Employability team referral log",
        "4,500.5",
    ] {
        assert!(q1.contains(expected), "{expected:?} in\n{q1}");
    }

    // The end-of-contract summary: proposed against achieved, and the
    // timeline with every period.
    let end = pdf_text(&pdf::progress_report(&k.submitted, &k.delivery, None, today).unwrap());
    let end_flat = end.split_whitespace().collect::<Vec<_>>().join(" ");
    // Column headings may wrap in their columns, a word to a line.
    for heading in ["Proposed output", "Benefits achieved"] {
        let words: Vec<&str> = end.split_whitespace().collect();
        for word in heading.split_whitespace() {
            assert!(words.contains(&word), "{word:?} of {heading:?} in\n{end}");
        }
    }
    for expected in [
        "end of contract summary",
        "Period by period",
        "Q1\u{2013}2",
        "Q11\u{2013}12",
        "the whole contract, 1 April 2027 to 31 March 2030",
    ] {
        assert!(end_flat.contains(expected), "{expected:?} in\n{end}");
    }
}

#[test]
fn the_progress_spreadsheet_holds_the_same_figures() {
    let (_dir, store, id) = demo_contract();
    let k = contracts::get(store.conn(), id).unwrap();
    let bytes = sheet::progress_xlsx(&k.submitted, &k.delivery, Some(2)).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["Progress", "Timeline", "Records", "About"]
    );
    let progress = book.worksheet_range("Progress").unwrap();
    let head: Vec<String> = progress
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(head, sheet::PROGRESS_HEADINGS);
    let s = delivery::at_period_end(&k.submitted, &k.delivery, 2);
    for (row, p) in progress.rows().skip(1).zip(&s.commitments) {
        assert_eq!(row[1].to_string(), p.commitment);
        assert_eq!(row[10].to_string(), p.status.label());
        assert_eq!(
            row[9],
            Data::Float(p.achieved_to_date.to_string().parse().unwrap())
        );
        match p.achieved_in_period {
            Some(v) => assert_eq!(row[8], Data::Float(v.to_string().parse().unwrap())),
            None => assert_eq!(row[8], Data::Empty),
        }
    }
    let records = book.worksheet_range("Records").unwrap();
    assert_eq!(records.rows().count(), 1 + k.delivery.records.len());
    let corrected: Vec<String> = records
        .rows()
        .skip(1)
        .filter(|r| r[9] != "yes")
        .map(|r| format!("{} {} {}", r[0], r[4], r[7]))
        .collect();
    assert_eq!(corrected, vec!["c3 5200 Jo Bloggs"]);
}
