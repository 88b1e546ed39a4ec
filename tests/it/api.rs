//! The command table as the UI calls it: the texts and the fixed lists the
//! screens show are the core's, whatever the UI sends.

use offerwright::api::{self, Preset, Session};
use serde_json::{Value, json};

/// A session on a new store, at 10:00 on 3 July 2027 in summer time.
fn session() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::open(
        dir.path(),
        Box::new(Preset::default()),
        Box::new(|| chrono::DateTime::parse_from_rfc3339("2027-07-03T10:00:00+01:00").unwrap()),
    );
    (dir, session)
}

fn texts(session: &Session, figures: Value) -> Vec<String> {
    let out = api::call(session, "texts", json!({ "figures": figures })).unwrap();
    serde_json::from_value(out).unwrap()
}

#[test]
fn texts_are_written_by_the_core_in_the_users_time() {
    let (_dir, s) = session();
    let shown = texts(
        &s,
        json!([
            { "kind": "gbp", "value": "480000" },
            { "kind": "figure", "value": "60000.00", "unit": "GBP", "worked_out": false },
            { "kind": "figure", "value": "2.50", "unit": "tonnes CO2e", "worked_out": false },
            { "kind": "figure", "value": "1.4949", "unit": "people", "worked_out": true },
            { "kind": "number", "value": "60000" },
            { "kind": "date", "value": "2027-04-01" },
            { "kind": "short_date", "value": "2027-09-30" },
            { "kind": "time", "value": "2027-07-03T08:30:00Z" },
            { "kind": "ago", "value": "2027-07-03T08:00:00Z" },
            { "kind": "ago", "value": "2027-07-02T08:00:00Z" },
            { "kind": "size", "bytes": 98304 },
        ]),
    );
    assert_eq!(
        shown,
        [
            "£480,000.00",
            "£60,000.00",
            "2.5 tonnes CO2e",
            "1.49 people",
            "60,000",
            "1 April 2027",
            "30 Sep 2027",
            "3 Jul 2027, 09:30",
            "1 hour ago",
            "yesterday",
            "96 KB",
        ]
    );
}

#[test]
fn a_value_that_cannot_be_read_comes_back_as_it_is() {
    let (_dir, s) = session();
    let long = "9".repeat(100_000);
    let odd = [
        "1e999999",
        "£60,000",
        "NaN",
        "2027-02-30",
        "=HYPERLINK(\"x\")",
        "\u{202e}evil",
        long.as_str(),
    ];
    let figures: Vec<Value> = odd
        .iter()
        .flat_map(|v| {
            [
                json!({ "kind": "gbp", "value": v }),
                json!({ "kind": "date", "value": v }),
                json!({ "kind": "ago", "value": v }),
            ]
        })
        .collect();
    let shown = texts(&s, Value::Array(figures));
    let back: Vec<String> = odd
        .iter()
        .flat_map(|v| [v.to_string(), v.to_string(), v.to_string()])
        .collect();
    assert_eq!(shown, back);
    // A kind the core does not have is refused with the field named.
    let e = api::call(
        &s,
        "texts",
        json!({ "figures": [{ "kind": "pounds", "value": "1" }] }),
    )
    .unwrap_err();
    assert!(e.message.contains("pounds"), "{}", e.message);
}

#[test]
fn the_fixed_lists_are_the_cores_words() {
    let (_dir, s) = session();
    let lists = api::call(&s, "choices", json!({})).unwrap();
    let pairs = |name: &str| -> Vec<(String, String)> {
        lists[name]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["value"].as_str().unwrap().to_owned(),
                    c["label"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let kinds = pairs("bidder_kinds");
    assert_eq!(kinds.len(), 5);
    assert!(kinds.contains(&("social_enterprise".into(), "Social enterprise".into())));
    assert_eq!(
        pairs("statuses")
            .into_iter()
            .map(|(_, l)| l)
            .collect::<Vec<_>>(),
        ["Delivered", "On track", "Behind", "At risk", "No target"]
    );
    assert_eq!(
        pairs("frequencies")[1],
        ("quarterly".into(), "Quarterly".into())
    );
    assert_eq!(
        pairs("evidence_kinds")[0],
        ("file".into(), "File name".into())
    );
    let bands = pairs("bands");
    assert_eq!(bands[0], ("0".into(), "No response".into()));
    assert_eq!(bands[5], ("5".into(), "Excellent".into()));
}
