//! Hostile input, property-based: random bytes, random JSON and mutated
//! valid files into the plan and offer importers (and into the store), and
//! random Markdown into the submission PDF. Never a panic, never a hang,
//! only a clear refusal; whatever is accepted exports and reads back the
//! same.
//!
//! A fixed budget runs in every `cargo test`; `PROPTEST_CASES=N` scales it
//! (default 1000): 2N random byte strings, N/2 random JSON files, 2N mutated
//! files, N/4 mutated files into the store, N/16 PDFs (at least 16), and
//! N/8 hostile won offers (deep nesting, numeric extremes, huge durations
//! and periods, long runs of punctuation) through every exporter:
//! `PROPTEST_CASES=20000 cargo test --release --test it fuzz -- --nocapture`.
//! Each target prints how many inputs it tried.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use offerwright::domain::{
    Answer, Delivery, DeliveryRecord, EvidenceRef, EvidenceRefKind, Frequency, OfferDocument,
};
use offerwright::export::pdf;
use offerwright::files::{self, FileError};
use offerwright::samples;
use offerwright::store::{self, Store, StoreError, offers};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

use crate::support::{fixture, fresh_store};

/// No single input may take longer than this (a debug build, on a loaded
/// machine): anything slower is a hang in the making.
const SLOW: Duration = Duration::from_secs(5);
/// No target may take longer than this in all.
const WATCHDOG: Duration = Duration::from_secs(600);

fn budget() -> u32 {
    match std::env::var("PROPTEST_CASES") {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("PROPTEST_CASES must be a whole number, found {v:?}")),
        Err(_) => 1000,
    }
}

/// Runs `test` on `cases` inputs from the strategy `strategy()` makes, in a thread watched for a
/// hang; prints and returns the number of inputs tried.
fn fuzz<S>(
    name: &str,
    cases: u32,
    strategy: impl FnOnce() -> S + Send + 'static,
    test: fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy + 'static,
    S::Value: std::fmt::Debug,
{
    let (done, wait) = mpsc::channel();
    let name_owned = name.to_owned();
    let started = Instant::now();
    let worker = std::thread::Builder::new()
        .name(format!("fuzz {name}"))
        // The importers must refuse deep nesting by their depth limit, not
        // by having a large stack: give them no more than a normal thread.
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let tried = AtomicU64::new(0);
            ACCEPTED.with(|a| a.set(0));
            let mut runner = TestRunner::new(Config {
                cases,
                failure_persistence: None,
                ..Config::default()
            });
            let result = runner.run(&strategy(), |input| {
                tried.fetch_add(1, Ordering::Relaxed);
                test(input)
            });
            let accepted = ACCEPTED.with(std::cell::Cell::get);
            let _ = done.send((
                result.map_err(|e| e.to_string()),
                tried.into_inner(),
                accepted,
            ));
        })
        .unwrap();
    let (result, tried, accepted) = wait
        .recv_timeout(WATCHDOG)
        .unwrap_or_else(|_| panic!("fuzz {name_owned}: no answer within {WATCHDOG:?}: a hang"));
    worker.join().unwrap();
    println!(
        "fuzz {name}: {tried} inputs ({accepted} accepted, the rest refused) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

thread_local! {
    /// Inputs accepted (imported or laid out) by the target running on
    /// this thread.
    static ACCEPTED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn accepted() {
    ACCEPTED.with(|a| a.set(a.get() + 1));
}

fn timed<T>(what: &str, input_len: usize, f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let started = Instant::now();
    let out = f();
    let took = started.elapsed();
    if took > SLOW {
        return Err(TestCaseError::fail(format!(
            "{what} took {took:?} on {input_len} bytes"
        )));
    }
    Ok(out)
}

/// A refusal must say something, on one line.
fn clear(e: &FileError) -> Result<(), TestCaseError> {
    let m = e.to_string();
    prop_assert!(!m.trim().is_empty(), "an empty message: {e:?}");
    prop_assert!(!m.contains('\n'), "a message on several lines: {m}");
    Ok(())
}

/// Both importers on `bytes`: a value or a clear refusal; what is accepted
/// is written back and read again unchanged.
fn import_both(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    match timed("read_plan", bytes.len(), || files::read_plan(&bytes))? {
        Ok(plan) => {
            let again = files::read_plan(files::write_plan(&plan).as_bytes());
            prop_assert_eq!(
                again.as_ref(),
                Ok(&plan),
                "an accepted plan does not read back"
            );
            accepted();
        }
        Err(e) => clear(&e)?,
    }
    match timed("read_offer", bytes.len(), || {
        files::read_offer_with_delivery(&bytes)
    })? {
        Ok((doc, delivery)) => {
            let again = files::read_offer_with_delivery(
                files::write_offer_with_delivery(&doc, delivery.as_ref()).as_bytes(),
            );
            prop_assert_eq!(
                again.as_ref(),
                Ok(&(doc, delivery)),
                "an accepted offer does not read back"
            );
            accepted();
        }
        Err(e) => clear(&e)?,
    }
    Ok(())
}

// ---------------------------------------------------------------- inputs

const KEYS: &[&str] = &[
    "format",
    "version",
    "id",
    "issuer",
    "title",
    "published",
    "local_area",
    "local_places",
    "summary",
    "source",
    "name",
    "licence",
    "themes",
    "description",
    "outcomes",
    "hot_topics",
    "theme",
    "weight",
    "place_based",
    "measures",
    "examples",
    "unit",
    "proxy_value",
    "proxy_source",
    "plan",
    "tender",
    "buyer",
    "reference",
    "deadline",
    "contract_value",
    "contract_start",
    "duration_months",
    "social_value_weighting",
    "questions",
    "text",
    "word_limit",
    "char_limit",
    "marks",
    "bidder",
    "kind",
    "employees",
    "location",
    "answers",
    "question",
    "commitments",
    "hot_topic",
    "measure",
    "what",
    "quantity",
    "by",
    "where",
    "beneficiaries",
    "how",
    "owner",
    "kpi",
    "reporting",
    "evidence",
    "baseline",
    "additional",
];

/// Strings that have broken parsers before.
const NASTY: &[&str] = &[
    "",
    " ",
    "0",
    "-0",
    "1e999",
    "-1",
    "00012",
    "1.",
    ".5",
    "14000.00",
    "99999999999999999999999999999999",
    "0.0000000000000000000000000000001",
    "2027-02-29",
    "2028-02-29",
    "9999-12-31",
    "0000-01-01",
    "2027-6-30",
    "offerwright/plan",
    "offerwright/offer",
    "offerwright/workshop",
    "local-jobs",
    "UPPER",
    "a b",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{202e}evil",
    "\u{feff}",
    "\u{fffd}",
    "e\u{301}",
    "👩‍👩‍👧‍👦",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "'; DROP TABLE plans; --",
    "%s%s%s%n",
    "null",
];

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        2 => proptest::sample::select(NASTY).prop_map(str::to_owned),
        1 => "[a-z0-9-]{1,12}",
        1 => "-?[0-9]{1,30}(\\.[0-9]{1,30})?",
        1 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        1 => (1usize..3000).prop_map(|n| "x".repeat(n)),
        1 => (2_000usize..2_002).prop_map(|n| "x".repeat(n)),
    ]
    .boxed()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (0u64..5).prop_map(Value::from),
    ]
    .boxed()
}

fn json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..10).prop_map(Value::Array),
            btree_map(key(), inner, 0..10).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A random object, often with a header, so that it reaches the typed pass.
fn json_file() -> BoxedStrategy<Vec<u8>> {
    (
        btree_map(key(), json(), 0..12),
        prop_oneof![
            Just(None),
            Just(Some("offerwright/plan")),
            Just(Some("offerwright/offer"))
        ],
        any::<bool>(),
    )
        .prop_map(|(fields, header, pretty)| {
            let mut object: serde_json::Map<String, Value> = fields.into_iter().collect();
            if let Some(format) = header {
                object.insert("format".to_owned(), Value::from(format));
                object.insert("version".to_owned(), Value::from(1));
            }
            let value = Value::Object(object);
            if pretty {
                serde_json::to_vec_pretty(&value).unwrap()
            } else {
                serde_json::to_vec(&value).unwrap()
            }
        })
        .boxed()
}

/// Deep or unbalanced nesting, far past the depth limit.
fn nesting() -> BoxedStrategy<Vec<u8>> {
    (1usize..200_000, any::<bool>(), any::<bool>())
        .prop_map(|(depth, objects, close)| {
            let (open, shut) = if objects {
                ("{\"a\":", "}")
            } else {
                ("[", "]")
            };
            let mut s = String::from("{\"format\":\"offerwright/plan\",\"version\":1,\"id\":");
            s.push_str(&open.repeat(depth));
            s.push('1');
            if close {
                s.push_str(&shut.repeat(depth));
                s.push('}');
            }
            s.into_bytes()
        })
        .boxed()
}

/// The valid files mutated: the two hand-written fixtures, the sample plans
/// and the demo's offer file.
fn seeds() -> Vec<Vec<u8>> {
    let mut out = vec![
        std::fs::read(fixture("hand-written.svplan.json")).unwrap(),
        std::fs::read(fixture("hand-written.svoffer.json")).unwrap(),
        files::write_offer(&demo_document()).into_bytes(),
        files::write_offer_with_delivery(&demo_document(), Some(&demo_delivery())).into_bytes(),
    ];
    out.extend(
        samples::SAMPLE_PLANS
            .iter()
            .map(|(_, t)| t.as_bytes().to_vec()),
    );
    out
}

fn demo_document() -> OfferDocument {
    let plans: Vec<_> = samples::SAMPLE_PLANS
        .iter()
        .map(|(_, t)| files::read_plan(t.as_bytes()).unwrap())
        .collect();
    OfferDocument {
        plan: plans
            .into_iter()
            .find(|p| p.id == samples::DURHAM_SAMPLE)
            .unwrap(),
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    }
}

/// The demo offer won, with a record, a correction and evidence.
fn demo_delivery() -> Delivery {
    let record = |period, achieved: &str, by: &str| DeliveryRecord {
        commitment: "c1".to_owned(),
        period,
        achieved: achieved.parse().unwrap(),
        note: Some("Started in May".to_owned()),
        evidence: vec![EvidenceRef {
            kind: EvidenceRefKind::File,
            text: "Q1 starters.pdf".to_owned(),
        }],
        recorded_by: by.to_owned(),
        recorded_at: "2027-07-02T09:14:00Z".to_owned(),
    };
    Delivery {
        awarded_on: samples::demo_tender().deadline,
        start: samples::demo_tender().contract_start.unwrap(),
        reporting: Frequency::Quarterly,
        records: vec![
            record(1, "2", "Jo"),
            record(1, "1.5", "Sam"),
            record(3, "0", "Jo"),
        ],
    }
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum ByteEdit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Repeat(usize, usize),
    Truncate(usize),
    Token(usize, &'static str),
}

fn byte_edit() -> BoxedStrategy<ByteEdit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<usize>(), vec(any::<u8>(), 1..16)).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        (any::<usize>(), 1usize..256).prop_map(|(i, n)| ByteEdit::Repeat(i, n)),
        any::<usize>().prop_map(ByteEdit::Truncate),
        (any::<usize>(), proptest::sample::select(NASTY)).prop_map(|(i, t)| ByteEdit::Token(i, t)),
    ]
    .boxed()
}

fn apply_bytes(mut b: Vec<u8>, edits: &[ByteEdit]) -> Vec<u8> {
    for edit in edits {
        let at = |i: usize, b: &Vec<u8>| if b.is_empty() { 0 } else { i % b.len() };
        match edit {
            ByteEdit::Set(i, v) => {
                if !b.is_empty() {
                    let i = at(*i, &b);
                    b[i] = *v;
                }
            }
            ByteEdit::Insert(i, bytes) => {
                let i = at(*i, &b);
                b.splice(i..i, bytes.iter().copied());
            }
            ByteEdit::Delete(i, n) => {
                let i = at(*i, &b);
                let end = (i + n).min(b.len());
                b.drain(i..end);
            }
            ByteEdit::Repeat(i, n) => {
                let i = at(*i, &b);
                let end = (i + n).min(b.len());
                let slice = b[i..end].to_vec();
                b.splice(end..end, slice);
            }
            ByteEdit::Truncate(i) => {
                let i = at(*i, &b);
                b.truncate(i);
            }
            ByteEdit::Token(i, t) => {
                let i = at(*i, &b);
                b.splice(i..i, t.bytes());
            }
        }
    }
    b
}

/// One change to a file's JSON value: at the `n`th node (in document
/// order), replace it, remove it, add a field beside it, or put there a
/// copy of another node of the same file (plausible values: an id where
/// another id was, a list of the wrong things: they reach the rules across
/// fields rather than stop at the types).
#[derive(Debug, Clone)]
enum ValueEdit {
    Replace(usize, Value),
    Remove(usize),
    AddField(usize, String, Value),
    CopyFrom(usize, usize),
}

fn value_edit() -> BoxedStrategy<ValueEdit> {
    prop_oneof![
        3 => (any::<usize>(), json()).prop_map(|(n, v)| ValueEdit::Replace(n, v)),
        2 => any::<usize>().prop_map(ValueEdit::Remove),
        1 => (any::<usize>(), key(), json()).prop_map(|(n, k, v)| ValueEdit::AddField(n, k, v)),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(n, m)| ValueEdit::CopyFrom(n, m)),
    ]
    .boxed()
}

/// The node numbered `n` under `v` (`v` itself is 0).
fn node(v: &Value, n: usize) -> Option<&Value> {
    if n == 0 {
        return Some(v);
    }
    let mut n = n - 1;
    let children: Vec<&Value> = match v {
        Value::Array(items) => items.iter().collect(),
        Value::Object(fields) => fields.values().collect(),
        _ => return None,
    };
    for child in children {
        let size = count(child);
        if n < size {
            return node(child, n);
        }
        n -= size;
    }
    None
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

/// Applies `edit` at the node numbered `n` under `v` (`v` itself is 0);
/// returns whether the node was found.
fn apply_value(v: &mut Value, n: &mut usize, edit: &ValueEdit) -> bool {
    if *n == 0 {
        match edit {
            ValueEdit::Replace(_, new) => *v = new.clone(),
            // Resolved into a Replace by the caller, which sees the file.
            ValueEdit::CopyFrom(..) => {}
            ValueEdit::Remove(_) => *v = Value::Null,
            ValueEdit::AddField(_, k, new) => {
                if let Value::Object(o) = v {
                    o.insert(k.clone(), new.clone());
                } else {
                    *v = new.clone();
                }
            }
        }
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(items) => {
            for i in 0..items.len() {
                if *n < count(&items[i]) {
                    if *n == 0 && matches!(edit, ValueEdit::Remove(_)) {
                        items.remove(i);
                        return true;
                    }
                    return apply_value(&mut items[i], n, edit);
                }
                *n -= count(&items[i]);
            }
            false
        }
        Value::Object(fields) => {
            let keys: Vec<String> = fields.keys().cloned().collect();
            for k in keys {
                let size = count(&fields[&k]);
                if *n < size {
                    if *n == 0 && matches!(edit, ValueEdit::Remove(_)) {
                        fields.remove(&k);
                        return true;
                    }
                    return apply_value(fields.get_mut(&k).unwrap(), n, edit);
                }
                *n -= size;
            }
            false
        }
        _ => false,
    }
}

fn mutated(seeds: Vec<Vec<u8>>) -> BoxedStrategy<Vec<u8>> {
    let structural = (
        proptest::sample::select(seeds.clone()),
        vec(value_edit(), 1..6),
        vec(byte_edit(), 0..2),
    )
        .prop_map(|(seed, edits, bytes)| {
            let mut value: Value = serde_json::from_slice(&seed).unwrap();
            for edit in &edits {
                let size = count(&value);
                let edit = match edit {
                    ValueEdit::CopyFrom(n, m) => {
                        let copy = node(&value, m % size).cloned().unwrap_or(Value::Null);
                        ValueEdit::Replace(*n, copy)
                    }
                    other => other.clone(),
                };
                let (ValueEdit::Replace(n, _)
                | ValueEdit::Remove(n)
                | ValueEdit::AddField(n, ..)
                | ValueEdit::CopyFrom(n, _)) = &edit;
                let mut n = n % size;
                apply_value(&mut value, &mut n, &edit);
            }
            apply_bytes(serde_json::to_vec_pretty(&value).unwrap(), &bytes)
        });
    let raw = (proptest::sample::select(seeds), vec(byte_edit(), 1..8))
        .prop_map(|(seed, edits)| apply_bytes(seed, &edits));
    prop_oneof![3 => structural, 2 => raw].boxed()
}

// ----------------------------------------------------------------- tests

#[test]
fn fuzz_importers_with_random_bytes() {
    fuzz(
        "importers, random bytes",
        budget().saturating_mul(2),
        || {
            prop_oneof![
                vec(any::<u8>(), 0..4096),
                // Text that looks like JSON more often than random bytes do.
                "[{}\\[\\]\":,0-9a-z\\\\ \n-]{0,2000}".prop_map(String::into_bytes),
            ]
        },
        import_both,
    );
}

#[test]
fn fuzz_importers_with_random_json() {
    fuzz(
        "importers, random JSON",
        (budget() / 2).max(16),
        || prop_oneof![4 => json_file(), 1 => nesting()],
        import_both,
    );
}

#[test]
fn fuzz_importers_with_mutated_valid_files() {
    fuzz(
        "importers, mutated valid files",
        budget().saturating_mul(2),
        || mutated(seeds()),
        import_both,
    );
}

/// A store shared by the cases of a target (a new store per case would be
/// most of the time spent).
fn with_store<T>(f: impl FnOnce(&mut Store) -> T) -> T {
    thread_local! {
        static STORE: std::cell::RefCell<Option<(tempfile::TempDir, Store)>> =
            const { std::cell::RefCell::new(None) };
    }
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let (_, store) = slot.get_or_insert_with(fresh_store);
        f(store)
    })
}

fn import_into_store(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    with_store(|store| {
        for result in [
            store::import_plan(store, &bytes, true).map(|_| None),
            store::import_offer(store, &bytes).map(|done| Some(done.offer_id)),
        ] {
            match result {
                Ok(Some(id)) => {
                    let doc = offers::document(store.conn(), id).unwrap();
                    let again = files::read_offer(files::write_offer(&doc).as_bytes());
                    prop_assert_eq!(again.as_ref(), Ok(&doc));
                    offerwright::store::contracts::delete_won(store, id).unwrap();
                    accepted();
                }
                Ok(None) => accepted(),
                Err(StoreError::Invalid(e)) => clear(&e)?,
                Err(StoreError::Conflict(m)) => prop_assert!(!m.is_empty()),
                Err(other) => {
                    return Err(TestCaseError::fail(format!(
                        "the store failed on a file instead of refusing it: {other:?}"
                    )));
                }
            }
        }
        let check: String = store
            .conn()
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap();
        prop_assert_eq!(check, "ok");
        Ok(())
    })
}

#[test]
fn fuzz_store_import_with_mutated_valid_files() {
    fuzz(
        "store import, mutated valid files",
        (budget() / 4).max(16),
        || mutated(seeds()),
        import_into_store,
    );
}

const MARKDOWN: &[&str] = &[
    "# ",
    "## ",
    "###### ",
    "**",
    "__",
    "*",
    "_",
    "~~",
    "`",
    "```\n",
    "\n- ",
    "\n* ",
    "\n1. ",
    "\n99999999. ",
    "\n> ",
    "\n    ",
    "\n---\n",
    "[a link](https://example.org)",
    "![an image](file:///etc/passwd)",
    "<https://example.org>",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "[^1]\n\n[^1]: a footnote",
    "\\*",
    "&amp; &#x1F600; &nbsp;",
    "\n",
    "\n\n",
    "\t",
    "  \n",
    "\r\n",
];

fn markdown() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,12} ",
        3 => proptest::sample::select(MARKDOWN).prop_map(str::to_owned),
        2 => proptest::sample::select(NASTY).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => (1usize..400).prop_map(|n| "W".repeat(n)),
        1 => (1usize..50).prop_map(|n| "\u{5d0}\u{5d1} ".repeat(n)),
        1 => (1usize..60).prop_map(|n| "- ".repeat(n)),
        1 => (1usize..60).prop_map(|n| ">".repeat(n)),
    ];
    vec(piece, 0..120).prop_map(|p| p.concat()).boxed()
}

fn pdf_of_markdown((first, second, what): (String, String, String)) -> Result<(), TestCaseError> {
    let mut doc = demo_document();
    doc.offer.answers = vec![
        Answer {
            question: "sv1".to_owned(),
            text: first,
        },
        Answer {
            question: "sv2".to_owned(),
            text: second,
        },
    ];
    if let Some(c) = doc.offer.commitments.first_mut() {
        c.what = what;
    }
    let len = doc.offer.answers.iter().map(|a| a.text.len()).sum();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    match timed("pdf::submission", len, || pdf::submission(&doc, today))? {
        Ok(bytes) => {
            prop_assert!(bytes.starts_with(b"%PDF-"));
            accepted();
        }
        Err(e) => prop_assert!(!e.to_string().is_empty()),
    }
    Ok(())
}

#[test]
fn fuzz_pdf_with_random_markdown_answers() {
    fuzz(
        "submission PDF, random Markdown",
        (budget() / 16).max(16),
        || (markdown(), markdown(), "[^\\x00-\\x1f]{1,200}"),
        pdf_of_markdown,
    );
}

#[test]
fn the_mutators_reach_every_field_of_a_file() {
    // The mutator must be able to touch every node of the seeds, or parts
    // of a file would go untested.
    let seed: Value =
        serde_json::from_slice(&std::fs::read(fixture("hand-written.svoffer.json")).unwrap())
            .unwrap();
    let total = count(&seed);
    let mut seen = BTreeMap::new();
    for n in 0..total {
        let mut v = seed.clone();
        let mut at = n;
        assert!(apply_value(
            &mut v,
            &mut at,
            &ValueEdit::Replace(n, Value::from("X"))
        ));
        seen.insert(v.to_string(), ());
    }
    assert_eq!(
        seen.len(),
        total,
        "each node replaced gives a different file"
    );
}

// ------------------------------------------- hostile files, every exporter

/// Markdown that nests, as strangers' files do: quotes, lists, emphasis
/// and brackets many levels deep, and long runs of punctuation.
fn deep_markdown() -> BoxedStrategy<String> {
    let depth = prop_oneof![8 => 1usize..40, 1 => 15usize..18, 1 => 100usize..2_000];
    prop_oneof![
        depth
            .clone()
            .prop_map(|n| format!("{} quoted", ">".repeat(n))),
        depth
            .clone()
            .prop_map(|n| format!("{}quoted", "> ".repeat(n))),
        depth.clone().prop_map(|n| (0..n)
            .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
            .collect::<String>()),
        depth.clone().prop_map(|n| (0..n)
            .map(|i| format!("{}1. > item {i}\n", "   ".repeat(i)))
            .collect::<String>()),
        depth
            .clone()
            .prop_map(|n| format!("{}bold{}", "**".repeat(n), "**".repeat(n))),
        depth
            .clone()
            .prop_map(|n| format!("{}x{}", "_*".repeat(n), "*_".repeat(n))),
        depth
            .clone()
            .prop_map(|n| format!("{}link{}", "[".repeat(n), "](u)".repeat(n))),
        depth.prop_map(|n| format!("{}({}", "[a](".repeat(n), ")".repeat(n))),
        (
            1usize..20_000,
            proptest::sample::select(&[".", "-", "*", "!", "#", "|", "`", "=", ">", "\\"][..])
        )
            .prop_map(|(n, p)| p.repeat(n)),
        Just(">".repeat(199_990)),
    ]
    .boxed()
}

/// Decimals at and around every limit: the largest accepted and refused,
/// 28 digits, the smallest step, zero.
const EXTREME_DECIMALS: &[&str] = &[
    "0",
    "-0",
    "0.0000000000000000000000000001",
    "0.000000000001",
    "1",
    "999999999999",
    "1000000000000",
    "1000000000000.0000000000000001",
    "1000000000001",
    "999999999999.9999999999999999",
    "9999999999999999999999999999",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "7922816251426433759354395033.5",
];

/// Whole numbers at and around every limit (months, word limits, periods,
/// employees).
const EXTREME_COUNTS: &[u64] = &[
    0,
    1,
    2,
    599,
    600,
    601,
    1_200_000,
    4_000_000_000,
    4_294_967_295,
    4_294_967_296,
    9_007_199_254_740_993,
];

/// A hostile value at one place of a won offer's file.
#[derive(Debug, Clone)]
struct Hostile {
    at: &'static str,
    value: Value,
}

fn hostile() -> BoxedStrategy<Hostile> {
    let text_at = proptest::sample::select(
        &[
            "/answers/0/text",
            "/answers/1/text",
            "/commitments/0/what",
            "/commitments/0/how",
            "/commitments/1/evidence",
        ][..],
    );
    let decimal_at = proptest::sample::select(
        &[
            "/commitments/0/quantity",
            "/commitments/1/quantity",
            "/commitments/0/baseline",
            "/plan/hot_topics/0/weight",
            "/plan/hot_topics/1/weight",
            "/plan/measures/0/proxy_value",
            "/tender/contract_value",
            "/tender/social_value_weighting",
            "/tender/questions/0/marks",
            "/delivery/records/0/achieved",
            "/delivery/records/1/achieved",
        ][..],
    );
    let count_at = proptest::sample::select(
        &[
            "/tender/duration_months",
            "/tender/questions/0/word_limit",
            "/tender/questions/0/char_limit",
            "/bidder/employees",
            "/delivery/records/0/period",
            "/delivery/records/2/period",
        ][..],
    );
    let date_at = proptest::sample::select(
        &[
            "/tender/deadline",
            "/tender/contract_start",
            "/commitments/0/by",
            "/delivery/start",
            "/delivery/awarded_on",
        ][..],
    );
    prop_oneof![
        4 => (text_at, deep_markdown()).prop_map(|(at, s)| Hostile { at, value: Value::from(s) }),
        3 => (decimal_at, proptest::sample::select(EXTREME_DECIMALS))
            .prop_map(|(at, d)| Hostile { at, value: Value::from(d) }),
        3 => (count_at, proptest::sample::select(EXTREME_COUNTS))
            .prop_map(|(at, n)| Hostile { at, value: Value::from(n) }),
        1 => (date_at, proptest::sample::select(&["0001-01-01", "9999-12-31", "2028-02-29", "2262-04-11"][..]))
            .prop_map(|(at, d)| Hostile { at, value: Value::from(d) }),
    ]
    .boxed()
}

/// How many accepted files each exporter made something of.
static EXPORTED: std::sync::Mutex<BTreeMap<&'static str, u64>> =
    std::sync::Mutex::new(BTreeMap::new());

fn exported(what: &'static str) {
    let mut counts = EXPORTED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *counts.entry(what).or_default() += 1;
}

/// An exporter's result: something made, or a refusal that says why.
fn made<T, E: std::fmt::Display>(
    what: &'static str,
    len: usize,
    f: impl FnOnce() -> Result<T, E>,
) -> Result<(), TestCaseError> {
    match timed(what, len, f)? {
        Ok(_) => exported(what),
        Err(e) => prop_assert!(!e.to_string().trim().is_empty(), "{what}: an empty refusal"),
    }
    Ok(())
}

/// Every exporter and report on a file that is read: never a panic, an
/// abort or a hang.
fn export_everything(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    use offerwright::export::{docx, sheet, text};
    let len = bytes.len();
    let (doc, delivery) = match timed("read_offer", len, || {
        files::read_offer_with_delivery(&bytes)
    })? {
        Ok(read) => read,
        Err(e) => return clear(&e),
    };
    accepted();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    made("submission PDF", len, || pdf::submission(&doc, today))?;
    made("review PDF", len, || pdf::review(&doc, today))?;
    made(".docx", len, || docx::submission(&doc, today))?;
    made(".xlsx", len, || sheet::xlsx(&doc))?;
    made("CSV", len, || sheet::csv(&doc))?;
    made("portal text", len, || Ok::<_, String>(text::answers(&doc)))?;
    made("plan PDF", len, || pdf::plan_on_a_page(&doc.plan))?;
    made("self-score text", len, || {
        let report = offerwright::score::score(&doc);
        Ok::<_, String>(offerwright::score::render_text(&report, &doc))
    })?;
    if let Some(delivery) = &delivery {
        let last = delivery.period_count(doc.tender.duration_months);
        made("progress report PDF", len, || {
            pdf::progress_report(&doc, delivery, Some(1), today)
        })?;
        made("progress report .xlsx", len, || {
            sheet::progress_xlsx(&doc, delivery, Some(last))
        })?;
        made("end-of-contract summary PDF", len, || {
            pdf::progress_report(&doc, delivery, None, today)
        })?;
        made("end-of-contract summary .xlsx", len, || {
            sheet::progress_xlsx(&doc, delivery, None)
        })?;
        made("contract status", len, || {
            Ok::<_, String>(offerwright::delivery::on(&doc, delivery, today).summary())
        })?;
    }
    let pack = offerwright::domain::Workshop {
        title: "Hostile room".to_owned(),
        instructions: "Write an offer.".to_owned(),
        plan: doc.plan.clone(),
        tender: doc.tender.clone(),
        model_offer: Some(doc.offer.clone()),
    };
    let written = files::write_offer(&doc).into_bytes();
    let collected =
        offerwright::workshop::collect_files([("a.svoffer.json".to_owned(), Ok(written))], &pack);
    let comparison = timed("workshop compare", len, || {
        offerwright::workshop::compare(&pack, &collected, true)
    })?;
    exported("workshop compare");
    made("workshop CSV", len, || {
        Ok::<_, String>(offerwright::workshop::csv(&comparison))
    })?;
    made("workshop handout PDF", len, || {
        pdf::workshop_handout(&comparison, &pack, today)
    })?;
    Ok(())
}

/// A won offer's file with one hostile value put in.
fn hostile_file() -> BoxedStrategy<Vec<u8>> {
    let seed: Value = serde_json::from_str(&files::write_offer_with_delivery(
        &demo_document(),
        Some(&demo_delivery()),
    ))
    .unwrap();
    vec(hostile(), 1..3)
        .prop_map(move |edits| {
            let mut v = seed.clone();
            for edit in &edits {
                if let Some(slot) = v.pointer_mut(edit.at) {
                    *slot = edit.value.clone();
                }
            }
            serde_json::to_vec(&v).unwrap()
        })
        .boxed()
}

#[test]
fn fuzz_every_exporter_with_hostile_files() {
    EXPORTED.lock().unwrap().clear();
    fuzz(
        "every exporter, hostile and mutated won offers",
        (budget() / 8).max(64),
        || {
            let won = files::write_offer_with_delivery(&demo_document(), Some(&demo_delivery()));
            prop_oneof![3 => hostile_file(), 1 => mutated(vec![won.into_bytes()])]
        },
        export_everything,
    );
    let counts = EXPORTED.lock().unwrap().clone();
    for (what, n) in &counts {
        println!("fuzz: every exporter: {what}: {n} accepted files exported");
    }
    for what in [
        "submission PDF",
        "review PDF",
        ".docx",
        ".xlsx",
        "CSV",
        "portal text",
        "plan PDF",
        "progress report PDF",
        "end-of-contract summary PDF",
        "workshop handout PDF",
    ] {
        assert!(
            counts.get(what).copied().unwrap_or(0) > 0,
            "no accepted file reached the {what}: {counts:?}"
        );
    }
}
