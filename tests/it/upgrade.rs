//! Upgrades: a store made by every earlier schema version (committed under
//! `tests/fixtures/stores/vN.sqlite3`, with what it held in
//! `vN.expected.json`) opens, is backed up, migrates, and keeps every value.
//! (A store from a newer version is refused untouched: tests/it/store.rs.)
//!
//! Before appending migration N+1 to `src/store/migrations.rs`, make the
//! fixture of version N with the code as it is:
//! `OFFERWRIGHT_MAKE_STORE_FIXTURE=1 cargo test --test it upgrade`, and
//! commit both files. This test fails while a version has no fixture.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use offerwright::domain::Frequency;
use offerwright::domain::{Evidence, EvidenceKind};
use offerwright::store::backup::{BackupKind, back_up_to, list_backups};
use offerwright::store::contracts::{self, Award, NewRecord};
use offerwright::store::{
    STORE_FILE, Store, evidence, import_offer, latest_version, offers, plans, tenders,
};
use rusqlite::types::Value as Sql;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::support::{dump, fixture, table_names};

fn stores_dir() -> PathBuf {
    fixture("stores")
}

/// What a store holds, through the public API, as JSON.
fn values(store: &Store) -> Value {
    let conn = store.conn();
    let plans: BTreeMap<String, Value> = plans::list(conn)
        .unwrap()
        .into_iter()
        .map(|p| {
            let plan = plans::get(conn, &p.id).unwrap();
            (p.id, serde_json::to_value(plan).unwrap())
        })
        .collect();
    let tenders: Vec<Value> = tenders::list(conn)
        .unwrap()
        .into_iter()
        .map(|t| serde_json::to_value(tenders::get(conn, t.id).unwrap()).unwrap())
        .collect();
    let offers: Vec<Value> = offers::list(conn)
        .unwrap()
        .into_iter()
        .map(|o| serde_json::to_value(offers::get(conn, o.id).unwrap()).unwrap())
        .collect();
    let evidence = serde_json::to_value(evidence::list(conn).unwrap()).unwrap();
    let contracts: Vec<Value> = offers::list(conn)
        .unwrap()
        .into_iter()
        .filter_map(|o| contracts::find(conn, o.id).unwrap())
        .map(|c| serde_json::to_value(c).unwrap())
        .collect();
    json!({ "plans": plans, "tenders": tenders, "offers": offers, "evidence": evidence, "contracts": contracts })
}

/// Whether `actual` holds every value of `expected` (fields added by later
/// versions are allowed; nothing may be lost or changed).
fn holds(actual: &Value, expected: &Value, at: &str, missing: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => holds(av, ev, &format!("{at}.{k}"), missing),
                    None => missing.push(format!("{at}.{k}: gone")),
                }
            }
        }
        (Value::Array(a), Value::Array(e)) if a.len() == e.len() => {
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                holds(av, ev, &format!("{at}[{i}]"), missing);
            }
        }
        (a, e) if a == e => {}
        (a, e) => missing.push(format!("{at}: expected {e}, found {a}")),
    }
}

/// Every row of every table, by column name.
fn rows(conn: &rusqlite::Connection) -> BTreeMap<String, (Vec<String>, Vec<Vec<Sql>>)> {
    table_names(conn)
        .into_iter()
        .map(|t| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
            let columns: Vec<String> = stmt.column_names().map(str::to_owned).collect();
            let mut rows: Vec<Vec<Sql>> = stmt
                .query_map([], |r| (0..columns.len()).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort_by_key(|r| format!("{r:?}"));
            (t, (columns, rows))
        })
        .collect()
}

/// Makes the fixture of the current schema version, if asked and missing.
fn make_fixture_if_asked() {
    if std::env::var_os("OFFERWRIGHT_MAKE_STORE_FIXTURE").is_none() {
        return;
    }
    let version = latest_version();
    let target = stores_dir().join(format!("v{version}.sqlite3"));
    if target.exists() {
        return;
    }
    std::fs::create_dir_all(stores_dir()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    offerwright::ops::demo::create_demo(&mut store).unwrap();
    let item = Evidence {
        kind: EvidenceKind::PastDelivery,
        title: "Apprentices hired in 2025".to_owned(),
        body: "Two apprentice cooks completed level 2.\n\n- one from Shildon\n- one from Crook"
            .to_owned(),
        quantity: Some(Decimal::new(200, 2)),
        unit: Some("apprentices".to_owned()),
        delivered_on: NaiveDate::from_ymd_opt(2025, 12, 31),
        source: Some("2025 impact report".to_owned()),
    };
    store.write(|tx| evidence::insert(tx, &item)).unwrap();
    let hand_written = std::fs::read(fixture("hand-written.svoffer.json")).unwrap();
    let imported = import_offer(&mut store, &hand_written).unwrap();
    // A won offer with a figure and its correction (schema version 2 on).
    let won = imported.offer_id;
    let award = Award {
        start: NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
        reporting: Frequency::Quarterly,
    };
    store
        .write(|tx| {
            contracts::award(
                tx,
                won,
                &award,
                NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            )
        })
        .unwrap();
    let commitment = offers::get(store.conn(), won).unwrap().offer.commitments[0]
        .id
        .clone();
    for achieved in [1, 2] {
        let new = NewRecord {
            commitment: commitment.clone(),
            period: 1,
            achieved: Decimal::from(achieved),
            note: Some("Quarter 1".to_owned()),
            evidence: Vec::new(),
            recorded_by: "Jo Bloggs".to_owned(),
        };
        store.write(|tx| contracts::record(tx, won, &new)).unwrap();
    }
    back_up_to(&store, &target).unwrap();
    let expected = serde_json::to_string_pretty(&values(&store)).unwrap() + "\n";
    std::fs::write(
        stores_dir().join(format!("v{version}.expected.json")),
        expected,
    )
    .unwrap();
}

fn fixtures() -> BTreeMap<i64, PathBuf> {
    std::fs::read_dir(stores_dir())
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.to_owned();
            let n = name
                .strip_prefix('v')?
                .strip_suffix(".sqlite3")?
                .parse()
                .ok()?;
            Some((n, path))
        })
        .collect()
}

fn upgrade(version: i64, file: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(STORE_FILE);
    std::fs::copy(file, &copy).unwrap();
    let original =
        rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let found: i64 = original
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(found, version, "{} is of another version", file.display());
    let before = rows(&original);

    let store = Store::open(&copy).unwrap();
    let conn = store.conn();
    let now: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(now, latest_version());
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");

    // Every row of every table of the old version, column for column.
    let after = rows(conn);
    for (table, (columns, old_rows)) in &before {
        let (new_columns, _) = after
            .get(table)
            .unwrap_or_else(|| panic!("v{version}: the table {table} is gone"));
        for c in columns {
            assert!(new_columns.contains(c), "v{version}: {table}.{c} is gone");
        }
        let mut stmt = conn
            .prepare(&format!("SELECT {} FROM {table}", columns.join(", ")))
            .unwrap();
        let mut new_rows: Vec<Vec<Sql>> = stmt
            .query_map([], |r| (0..columns.len()).map(|i| r.get(i)).collect())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        new_rows.sort_by_key(|r| format!("{r:?}"));
        assert_eq!(
            &new_rows, old_rows,
            "v{version}: the rows of {table} changed"
        );
    }

    // Every value, as the app reads it.
    let expected: Value =
        serde_json::from_slice(&std::fs::read(file.with_extension("expected.json")).unwrap())
            .unwrap();
    let mut missing = Vec::new();
    holds(&values(&store), &expected, "", &mut missing);
    assert!(missing.is_empty(), "v{version}: {missing:#?}");

    // A migrated store was backed up first, as it was.
    if version < latest_version() {
        let backups = list_backups(&copy).unwrap();
        let saved = backups
            .iter()
            .find(|b| b.kind == BackupKind::BeforeMigration)
            .expect("a backup before the migration");
        let saved = rusqlite::Connection::open_with_flags(
            &saved.path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        assert_eq!(rows(&saved), before);
    }
    let reopened = dump(&store);
    drop(store);
    assert_eq!(
        dump(&Store::open(&copy).unwrap()),
        reopened,
        "a second open changes nothing"
    );
}

#[test]
fn a_store_of_every_earlier_version_opens_migrates_and_keeps_every_value() {
    make_fixture_if_asked();
    let all = fixtures();
    assert!(
        !all.is_empty(),
        "no fixture stores in {}",
        stores_dir().display()
    );
    for version in 1..latest_version() {
        assert!(
            all.contains_key(&version),
            "no fixture store of schema version {version}: make it with the code of that version \
             (before its successor migration): OFFERWRIGHT_MAKE_STORE_FIXTURE=1 cargo test --test it upgrade"
        );
    }
    for (version, file) in &all {
        upgrade(*version, file);
        println!(
            "upgrade: the store of schema version {version} opens at version {} with every value",
            latest_version()
        );
    }
}
