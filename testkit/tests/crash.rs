//! Crash safety, proven by killing: `crash-writer` edits a store through the
//! core's public API and logs every edit it makes (fsynced: the offer as it
//! must read after the edit, then "ok" once committed); this test kills it
//! with SIGKILL at random moments (most within 40 ms of its first edit, one
//! in five within 40 ms of its start), again and again on the same store,
//! and after each kill reopens the store and checks that it opens, that
//! `PRAGMA integrity_check` says ok, and that every offer reads exactly as
//! the acknowledged edits left it. The one edit in flight at the kill may
//! be there or not, but whole or not at all.
//!
//! `OFFERWRIGHT_CRASH_KILLS=3000 cargo test --release --test crash -- --nocapture`
//! runs longer; `OFFERWRIGHT_CRASH_SEED` repeats a run.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use offerwright::store::{Store, offers};
use offerwright_testkit::Rng;
use serde_json::Value;

const KILLS_ENV: &str = "OFFERWRIGHT_CRASH_KILLS";
const SEED_ENV: &str = "OFFERWRIGHT_CRASH_SEED";
const DEFAULT_KILLS: u64 = 300;

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, found {value:?}")),
    )
}

/// Every offer in the store, as JSON (so that "5.00" and "5" differ).
fn snapshot(store: &Store) -> BTreeMap<i64, Value> {
    offers::list(store.conn())
        .expect("list the offers")
        .into_iter()
        .map(|s| {
            let offer = offers::get(store.conn(), s.id)
                .expect("read an offer")
                .offer;
            (s.id, serde_json::to_value(offer).unwrap())
        })
        .collect()
}

/// An edit begun and not yet acknowledged: the offer it changes (`None`
/// for a new one) and how that offer must read after it (`Null`: deleted).
struct InFlight {
    offer: Option<i64>,
    expect: Value,
}

#[derive(Default)]
struct Counts {
    kills: u64,
    acknowledged: u64,
    refused: u64,
    in_flight: u64,
    in_flight_committed: u64,
    lost: u64,
}

/// Applies the log of one writer run to `model`; returns the edit left in
/// flight, if the writer was killed during one.
fn replay(log: &Path, model: &mut BTreeMap<i64, Value>, counts: &mut Counts) -> Option<InFlight> {
    let bytes = match std::fs::read(log) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => panic!("cannot read the writer's log: {e}"),
    };
    // A line cut short by the kill has no line feed: it never happened. It
    // is cut as bytes, not text: a long line is written in several pieces,
    // and a kill between two of them can split a character in two, which
    // must not make the whole log unreadable.
    let complete = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(end) => &bytes[..=end],
        None => &[][..],
    };
    let complete = std::str::from_utf8(complete)
        .unwrap_or_else(|e| panic!("the writer's log has a complete line that is not UTF-8: {e}"));
    let mut pending: Option<InFlight> = None;
    for line in complete.lines() {
        let entry: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("the writer's log has a bad line ({e}): {line}"));
        match entry["phase"].as_str() {
            Some("begin") => {
                assert!(pending.is_none(), "two edits in flight at once: {line}");
                pending = Some(InFlight {
                    offer: entry["offer"].as_i64(),
                    expect: entry["expect"].clone(),
                });
            }
            Some("ok") => {
                let edit = pending.take().expect("an ok without a begin");
                let id = entry["offer"].as_i64().expect("an ok names its offer");
                if let Some(named) = edit.offer {
                    assert_eq!(named, id, "the ok names another offer than the begin");
                }
                if edit.expect.is_null() {
                    model.remove(&id);
                } else {
                    model.insert(id, edit.expect);
                }
                counts.acknowledged += 1;
            }
            Some("failed") => {
                pending.take().expect("a failure without a begin");
                counts.refused += 1;
            }
            _ => panic!("the writer's log has an unknown line: {line}"),
        }
    }
    pending
}

/// Checks the store against the model after a kill, accepting the edit in
/// flight whole or not at all; updates the model to what the store holds.
fn check(
    actual: BTreeMap<i64, Value>,
    model: &mut BTreeMap<i64, Value>,
    pending: Option<InFlight>,
    counts: &mut Counts,
) {
    if actual == *model {
        return;
    }
    if let Some(edit) = &pending {
        let mut with = model.clone();
        match edit.offer {
            Some(id) if edit.expect.is_null() => {
                with.remove(&id);
            }
            Some(id) => {
                with.insert(id, edit.expect.clone());
            }
            None => {
                let new: Vec<_> = actual.keys().filter(|k| !model.contains_key(k)).collect();
                if let [id] = new.as_slice() {
                    with.insert(**id, edit.expect.clone());
                }
            }
        }
        if actual == with {
            counts.in_flight_committed += 1;
            *model = with;
            return;
        }
    }
    let ids: std::collections::BTreeSet<_> = actual.keys().chain(model.keys()).collect();
    for id in ids {
        if actual.get(id) != model.get(id) {
            counts.lost += 1;
            eprintln!(
                "LOST: offer {id}\n  expected {}\n  found    {}",
                model.get(id).map_or("nothing".to_owned(), Value::to_string),
                actual
                    .get(id)
                    .map_or("nothing".to_owned(), Value::to_string),
            );
        }
    }
    *model = actual;
}

#[test]
fn no_acknowledged_edit_is_lost_when_the_writer_is_killed() {
    let started = Instant::now();
    let kills = env_number(KILLS_ENV).unwrap_or(DEFAULT_KILLS);
    let seed = env_number(SEED_ENV).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    // On the real disk under target/, not a RAM disk, so that fsync is real.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let store_file = dir.path().join("offerwright.sqlite3");
    let log = dir.path().join("edits.log");
    {
        let mut store = Store::open(&store_file).unwrap();
        offerwright::ops::demo::create_demo(&mut store).unwrap();
    }
    let mut model = snapshot(&Store::open(&store_file).unwrap());
    let mut rng = Rng::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut counts = Counts::default();

    for run in 0..kills {
        std::fs::write(&log, "").unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
            .arg(&store_file)
            .arg(&log)
            .arg(seed.wrapping_add(run).to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start crash-writer");
        // One kill in five at any moment from the start (while it opens the
        // store, or later); the others at any moment within 40 ms of its
        // first edit, so that a loaded machine still kills it mid-work.
        if !rng.number().is_multiple_of(5) {
            let deadline = Instant::now() + Duration::from_secs(60);
            while std::fs::metadata(&log).map_or(0, |m| m.len()) == 0
                && Instant::now() < deadline
                && child.try_wait().unwrap().is_none()
            {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        let delay = Duration::from_micros(rng.number() % 40_000);
        std::thread::sleep(delay);
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            panic!(
                "crash-writer stopped by itself ({status}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        child.kill().expect("kill crash-writer");
        child.wait().unwrap();
        counts.kills += 1;

        let store = Store::open(&store_file)
            .unwrap_or_else(|e| panic!("after kill {}, the store does not open: {e}", run + 1));
        let integrity: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "after kill {}", run + 1);
        let pending = replay(&log, &mut model, &mut counts);
        if pending.is_some() {
            counts.in_flight += 1;
        }
        check(snapshot(&store), &mut model, pending, &mut counts);
    }

    println!(
        "crash safety: {} kills, {} acknowledged edits ({} refused by the rules, rolled back), \
         {} kills in the middle of an edit ({} of those committed whole, the rest absent whole), \
         lost: {}; seed {seed}, {:.1} s",
        counts.kills,
        counts.acknowledged,
        counts.refused,
        counts.in_flight,
        counts.in_flight_committed,
        counts.lost,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(counts.lost, 0, "acknowledged edits were lost (seed {seed})");
    assert!(
        counts.acknowledged >= counts.kills / 10,
        "too few edits to prove anything: {} in {} runs",
        counts.acknowledged,
        counts.kills
    );
    assert!(
        counts.in_flight > 0,
        "no kill landed in the middle of an edit"
    );
}

/// A kill in the middle of writing a long line can leave half a character
/// at the end of the log: the complete lines before it still count.
#[test]
fn a_log_cut_inside_a_character_keeps_its_complete_lines() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("edits.log");
    let offer = serde_json::json!({ "bidder": { "name": "Café" } });
    let mut bytes = Vec::new();
    for line in [
        serde_json::json!({ "seq": 1, "phase": "begin", "offer": 7, "expect": offer }),
        serde_json::json!({ "seq": 1, "phase": "ok", "offer": 7 }),
    ] {
        bytes.extend_from_slice(line.to_string().as_bytes());
        bytes.push(b'\n');
    }
    // The next line, cut by the kill after the first byte of "日".
    let cut = serde_json::json!({ "seq": 2, "phase": "begin", "offer": 7, "expect": { "answer": "日本語" } })
        .to_string();
    let end = cut.find('日').unwrap() + 1;
    bytes.extend_from_slice(&cut.as_bytes()[..end]);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the log must end inside a character"
    );
    std::fs::write(&log, &bytes).unwrap();

    let mut model = BTreeMap::new();
    let mut counts = Counts::default();
    let pending = replay(&log, &mut model, &mut counts);
    assert!(pending.is_none(), "the cut line never happened");
    assert_eq!(counts.acknowledged, 1);
    assert_eq!(model.get(&7), Some(&offer));
}
