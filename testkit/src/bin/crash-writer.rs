//! A test helper, not a user's tool: makes random edits to a store through
//! the core's public API (creating offers, editing answers, putting and
//! removing commitments, changing the bidder, importing offer files,
//! deleting offers) until it is killed, and logs each edit to a side file.
//!
//! `crash-writer STORE LOG [SEED]`
//!
//! For every edit it appends, each line fsynced before it goes on:
//! 1. `{"seq":n,"phase":"begin","offer":id|null,"expect":offer|null}`: the
//!    whole offer as it must read after the edit (`null`: deleted; an
//!    `offer` of `null`: a new offer whose id is not known yet);
//! 2. the edit, in one transaction;
//! 3. `{"seq":n,"phase":"ok","offer":id}` once it is committed, or
//!    `{"seq":n,"phase":"failed","error":...}` if the store refused it.
//!
//! `tests/crash.rs` kills it at random moments and checks the store against
//! the log: every acknowledged edit is there exactly; the one edit begun and
//! not acknowledged may or may not be.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use offerwright::domain::{Answer, Bidder, BidderKind, Commitment, Offer, OfferDocument};
use offerwright::files;
use offerwright::samples;
use offerwright::store::{self, Store, offers, plans, tenders};
use offerwright_testkit::Rng;
use rust_decimal::Decimal;
use serde_json::json;

const WORDS: &[&str] = &[
    "local",
    "apprentices",
    "**skills**",
    "school",
    "meals",
    "Bishop Auckland",
    "Durham",
    "café",
    "“quoted”",
    "Cymraeg: ŵ ŷ",
    "🚀",
    "£14,000",
    "50%",
    "<script>alert(1)</script>",
    "[link](javascript:alert(1))",
    "_emphasis_",
    "volunteering",
    "carbon",
    "suppliers",
    "SMEs",
    "العربية",
    "日本語",
];

fn text(rng: &mut Rng, max_words: usize) -> String {
    let words = 1 + rng.below(max_words);
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push_str(match rng.below(20) {
                0 => "\n\n",
                1 => "\n- ",
                _ => " ",
            });
        }
        out.push_str(rng.pick(WORDS).copied().unwrap_or("word"));
    }
    out
}

/// What the writer knows of a tender's plan and questions.
struct Target {
    questions: Vec<String>,
    hot_topics: Vec<String>,
    measures: Vec<String>,
}

struct Writer {
    store: Store,
    log: File,
    rng: Rng,
    seq: u64,
    /// Every offer as it must read now.
    model: BTreeMap<i64, (i64, Offer)>,
    targets: BTreeMap<i64, Target>,
    /// An offer file to import, with the demo's plan and tender.
    document: OfferDocument,
}

enum Edit {
    Create(i64, Offer),
    Import(Vec<u8>, Offer),
    Delete(i64),
    Answer(i64, String, String),
    Put(i64, Box<Commitment>),
    Remove(i64, String),
    Bidder(i64, Bidder),
}

impl Writer {
    fn line(&mut self, value: serde_json::Value) -> std::io::Result<()> {
        let mut line = value.to_string();
        line.push('\n');
        self.log.write_all(line.as_bytes())?;
        self.log.sync_data()
    }

    fn bidder(&mut self) -> Bidder {
        Bidder {
            name: format!("Bidder {}", self.rng.below(1000)),
            kind: self.rng.pick(&BidderKind::ALL).copied(),
            employees: self
                .rng
                .chance(70)
                .then(|| u32::try_from(self.rng.below(500)).unwrap_or(0)),
            location: self.rng.chance(50).then(|| text(&mut self.rng, 4)),
        }
    }

    fn commitment(&mut self, tender: i64, id: String) -> Commitment {
        let target = &self.targets[&tender];
        let hot_topic = if self.rng.chance(80) {
            self.rng.pick(&target.hot_topics).cloned()
        } else {
            None
        };
        let measure = if self.rng.chance(70) {
            self.rng.pick(&target.measures).cloned()
        } else {
            None
        };
        let decimal = |rng: &mut Rng| {
            let scale = u32::try_from(rng.below(3)).unwrap_or(0);
            Decimal::new(i64::try_from(rng.below(100_000)).unwrap_or(0), scale)
        };
        Commitment {
            id,
            hot_topic,
            measure,
            what: text(&mut self.rng, 12),
            quantity: self.rng.chance(80).then(|| decimal(&mut self.rng)),
            unit: self.rng.chance(50).then(|| "people".to_owned()),
            by: self.rng.chance(60).then(|| {
                chrono::NaiveDate::from_ymd_opt(
                    2027,
                    u32::try_from(1 + self.rng.below(12)).unwrap_or(1),
                    u32::try_from(1 + self.rng.below(28)).unwrap_or(1),
                )
                .unwrap_or_default()
            }),
            r#where: self.rng.chance(50).then(|| "Bishop Auckland".to_owned()),
            beneficiaries: self.rng.chance(40).then(|| text(&mut self.rng, 6)),
            how: self.rng.chance(50).then(|| text(&mut self.rng, 40)),
            owner: self.rng.chance(50).then(|| "Operations Manager".to_owned()),
            kpi: self.rng.chance(30).then(|| text(&mut self.rng, 8)),
            reporting: self.rng.chance(30).then(|| "quarterly".to_owned()),
            evidence: self.rng.chance(30).then(|| text(&mut self.rng, 20)),
            baseline: self.rng.chance(30).then(|| decimal(&mut self.rng)),
            additional: self.rng.chance(50),
        }
    }

    fn answer_text(&mut self) -> String {
        if self.rng.chance(5) {
            text(&mut self.rng, 3000)
        } else {
            text(&mut self.rng, 200)
        }
    }

    /// Chooses an edit and the offer as it must read after it.
    fn choose(&mut self) -> Edit {
        let ids: Vec<i64> = self.model.keys().copied().collect();
        let tender_ids: Vec<i64> = self.targets.keys().copied().collect();
        let roll = self.rng.below(100);
        if ids.len() < 2 || roll < 4 {
            let tender = self.rng.pick(&tender_ids).copied().unwrap_or(0);
            let mut offer = Offer {
                bidder: self.bidder(),
                answers: Vec::new(),
                commitments: Vec::new(),
            };
            for i in 0..self.rng.below(4) {
                let c = self.commitment(tender, format!("c{i}"));
                offer.commitments.push(c);
            }
            return Edit::Create(tender, offer);
        }
        if roll < 8 {
            let mut doc = self.document.clone();
            doc.offer.bidder = self.bidder();
            if let Some(a) = doc.offer.answers.first_mut() {
                a.text = text(&mut self.rng, 100);
            }
            let bytes = files::write_offer(&doc).into_bytes();
            return Edit::Import(bytes, doc.offer);
        }
        let id = self.rng.pick(&ids).copied().unwrap_or(0);
        let (tender, offer) = self.model[&id].clone();
        if roll < 11 && ids.len() > 6 {
            return Edit::Delete(id);
        }
        if roll < 45 {
            let question = self
                .rng
                .pick(&self.targets[&tender].questions)
                .cloned()
                .unwrap_or_default();
            let text = self.answer_text();
            return Edit::Answer(id, question, text);
        }
        if roll < 85 || offer.commitments.is_empty() {
            let existing: Vec<String> = offer.commitments.iter().map(|c| c.id.clone()).collect();
            let cid = if existing.len() >= 20 || (!existing.is_empty() && self.rng.chance(50)) {
                self.rng.pick(&existing).cloned().unwrap_or_default()
            } else {
                format!("c{}", self.rng.below(1_000_000))
            };
            let c = self.commitment(tender, cid);
            return Edit::Put(id, Box::new(c));
        }
        if roll < 95 {
            let cid = self
                .rng
                .pick(&offer.commitments)
                .map(|c| c.id.clone())
                .unwrap_or_default();
            return Edit::Remove(id, cid);
        }
        let bidder = self.bidder();
        Edit::Bidder(id, bidder)
    }

    /// The offer as it must read after `edit`, if it names an existing offer.
    fn expect(&self, edit: &Edit) -> (Option<i64>, Option<Offer>) {
        let current = |id: &i64| self.model[id].1.clone();
        match edit {
            Edit::Create(_, offer) | Edit::Import(_, offer) => (None, Some(offer.clone())),
            Edit::Delete(id) => (Some(*id), None),
            Edit::Answer(id, question, text) => {
                let mut offer = current(id);
                match offer.answers.iter_mut().find(|a| &a.question == question) {
                    Some(a) => a.text.clone_from(text),
                    None => offer.answers.push(Answer {
                        question: question.clone(),
                        text: text.clone(),
                    }),
                }
                (Some(*id), Some(offer))
            }
            Edit::Put(id, c) => {
                let mut offer = current(id);
                match offer.commitments.iter_mut().find(|x| x.id == c.id) {
                    Some(x) => *x = (**c).clone(),
                    None => offer.commitments.push((**c).clone()),
                }
                (Some(*id), Some(offer))
            }
            Edit::Remove(id, cid) => {
                let mut offer = current(id);
                offer.commitments.retain(|c| &c.id != cid);
                (Some(*id), Some(offer))
            }
            Edit::Bidder(id, bidder) => {
                let mut offer = current(id);
                offer.bidder = bidder.clone();
                (Some(*id), Some(offer))
            }
        }
    }

    fn apply(&mut self, edit: &Edit) -> store::Result<i64> {
        match edit {
            Edit::Create(tender, offer) => {
                self.store.write(|tx| offers::insert(tx, *tender, offer))
            }
            Edit::Import(bytes, _) => {
                store::import_offer(&mut self.store, bytes).map(|done| done.offer_id)
            }
            Edit::Delete(id) => self.store.write(|tx| offers::delete(tx, *id)).map(|()| *id),
            Edit::Answer(id, q, text) => self
                .store
                .write(|tx| offers::set_answer(tx, *id, q, text))
                .map(|()| *id),
            Edit::Put(id, c) => self
                .store
                .write(|tx| offers::put_commitment(tx, *id, c))
                .map(|()| *id),
            Edit::Remove(id, cid) => self
                .store
                .write(|tx| offers::remove_commitment(tx, *id, cid))
                .map(|()| *id),
            Edit::Bidder(id, bidder) => self
                .store
                .write(|tx| offers::set_bidder(tx, *id, bidder))
                .map(|()| *id),
        }
    }

    fn step(&mut self) -> Result<(), String> {
        let edit = self.choose();
        let (offer_id, expect) = self.expect(&edit);
        self.seq += 1;
        let seq = self.seq;
        self.line(json!({ "seq": seq, "phase": "begin", "offer": offer_id, "expect": expect }))
            .map_err(|e| format!("cannot write the log: {e}"))?;
        match self.apply(&edit) {
            Ok(id) => {
                self.line(json!({ "seq": seq, "phase": "ok", "offer": id }))
                    .map_err(|e| format!("cannot write the log: {e}"))?;
                match (expect, &edit) {
                    (None, _) => {
                        self.model.remove(&id);
                    }
                    (Some(offer), Edit::Import(..)) => {
                        let tender = offers::get(self.store.conn(), id)
                            .map_err(|e| e.to_string())?
                            .tender_id;
                        self.load_target(tender)?;
                        self.model.insert(id, (tender, offer));
                    }
                    (Some(offer), Edit::Create(tender, _)) => {
                        self.model.insert(id, (*tender, offer));
                    }
                    (Some(offer), _) => {
                        if let Some(entry) = self.model.get_mut(&id) {
                            entry.1 = offer;
                        }
                    }
                }
                Ok(())
            }
            Err(e) => self
                .line(json!({ "seq": seq, "phase": "failed", "error": e.to_string() }))
                .map_err(|e| format!("cannot write the log: {e}")),
        }
    }

    fn load_target(&mut self, tender: i64) -> Result<(), String> {
        if self.targets.contains_key(&tender) {
            return Ok(());
        }
        let conn = self.store.conn();
        let record = tenders::get(conn, tender).map_err(|e| e.to_string())?;
        let plan = plans::get(conn, &record.plan_id).map_err(|e| e.to_string())?;
        self.targets.insert(
            tender,
            Target {
                questions: record
                    .tender
                    .questions
                    .iter()
                    .map(|q| q.id.clone())
                    .collect(),
                hot_topics: plan.hot_topics.iter().map(|t| t.id.clone()).collect(),
                measures: plan.measures.iter().map(|m| m.id.clone()).collect(),
            },
        );
        Ok(())
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args_os().skip(1);
    let (Some(store_file), Some(log_file)) = (args.next(), args.next()) else {
        return Err("usage: crash-writer STORE LOG [SEED]".to_owned());
    };
    let seed = match args.next() {
        Some(s) => s
            .to_string_lossy()
            .parse::<u64>()
            .map_err(|_| "SEED must be a whole number".to_owned())?,
        None => u64::from(std::process::id()),
    };
    let store = Store::open(&PathBuf::from(store_file)).map_err(|e| e.to_string())?;
    let log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_file)
        .map_err(|e| format!("cannot open the log: {e}"))?;
    let mut model = BTreeMap::new();
    for summary in offers::list(store.conn()).map_err(|e| e.to_string())? {
        let record = offers::get(store.conn(), summary.id).map_err(|e| e.to_string())?;
        model.insert(record.id, (record.tender_id, record.offer));
    }
    let durham = plans::get(store.conn(), samples::DURHAM_SAMPLE)
        .map_err(|e| format!("{e}: run the demo first"))?;
    let document = OfferDocument {
        plan: durham,
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    };
    let mut writer = Writer {
        store,
        log,
        rng: Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
        seq: 0,
        model,
        targets: BTreeMap::new(),
        document,
    };
    let tender_ids: Vec<i64> = tenders::list(writer.store.conn())
        .map_err(|e| e.to_string())?
        .iter()
        .map(|t| t.id)
        .collect();
    for id in tender_ids {
        writer.load_target(id)?;
    }
    if writer.targets.is_empty() {
        return Err("the store has no tender: run the demo first".to_owned());
    }
    loop {
        writer.step()?;
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "crash-writer: {e}");
            ExitCode::FAILURE
        }
    }
}
