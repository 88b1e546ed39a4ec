//! Workshop mode: a trainer's room of offers, side by side.
//!
//! A trainer hands every participant a workshop pack (a plan, a mock tender,
//! instructions, perhaps a model offer: [`crate::domain::Workshop`], read by
//! [`crate::files::read_workshop`]). Each participant hands back an ordinary
//! offer file. Here:
//!
//! - [`collect`] reads a folder of offer files and sorts each into ok, bad
//!   (the reader's message), foreign (another plan or tender) or duplicate
//!   (a second offer from the same participant), so that one broken file
//!   never stops the rest;
//! - [`compare`] scores every good offer alone with [`crate::score::score`]
//!   and sets them side by side: bands per hot topic, projected marks, a
//!   ranking, the weaknesses most offers share (each with a fix and an
//!   example from the model offer), the model offer's own report, and, when
//!   asked, every name replaced by a letter;
//! - `records.rs`: the comparison as CSV, for the trainer's records.
//!
//! Nothing here touches the store: the functions take files and a pack and
//! return values. The handout PDF is in `export/pdf/workshop.rs`.

mod records;

use std::collections::HashMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::fields::{quoted, ser_decimal, ser_opt_decimal};
use crate::domain::{OfferDocument, Workshop};
use crate::files::{self, FileError};
use crate::money::{gbp, quantity, uk_date};
use crate::score::{self, Band, Check, Report, Rule};

pub use records::{csv, write_csv};

/// The ending of the offer files a folder is collected from.
pub const OFFER_EXTENSION: &str = ".svoffer.json";

/// Why a folder could not be collected at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    /// The folder could not be listed.
    #[error("cannot read the folder {folder}: {reason}")]
    Folder {
        /// The folder asked for.
        folder: String,
        /// What went wrong, in plain words.
        reason: String,
    },
    /// The CSV could not be written.
    #[error("{0}")]
    Write(String),
}

/// What became of one collected file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FileStatus {
    /// Read, answering the pack: compared.
    Ok {
        /// The participant: the offer's bidder name.
        participant: String,
    },
    /// Refused by the offer file's rules.
    Bad {
        /// The reader's message: where and what.
        message: String,
    },
    /// A good offer file that answers another plan or tender.
    Foreign {
        /// The participant: the offer's bidder name.
        participant: String,
        /// What differs from the pack.
        message: String,
    },
    /// A second offer from a participant already collected.
    Duplicate {
        /// The participant: the offer's bidder name.
        participant: String,
        /// The file of theirs that is compared.
        of: String,
    },
    /// Not read at all: not a regular file (a link, a pipe, a device, a
    /// folder), a hidden file, or past the folder's limits.
    Skipped {
        /// Why, in plain words.
        reason: String,
    },
}

/// One file of the folder and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CollectedFile {
    /// The file's name in the folder, as shown: any control, bidi or
    /// invisible character written out ([`crate::text::escape`]).
    pub file: String,
    /// Ok, bad, foreign, duplicate or skipped.
    pub status: FileStatus,
    /// What became of it, in one line for people.
    pub description: String,
}

impl CollectedFile {
    /// Whether the file is compared.
    pub fn is_ok(&self) -> bool {
        matches!(self.status, FileStatus::Ok { .. })
    }

    /// The outcome in one line for people: "x.svoffer.json: bad: ...".
    pub fn describe(&self) -> String {
        format!("{}: {}", self.file, self.description)
    }

    fn new(file: String, status: FileStatus) -> CollectedFile {
        let description = match &status {
            FileStatus::Ok { participant } => {
                format!("compared: the offer from {participant}")
            }
            FileStatus::Bad { message } => {
                format!("not an offer file Offerwright can read: {message}")
            }
            FileStatus::Foreign { message, .. } => message.clone(),
            FileStatus::Duplicate { participant, of } => {
                format!("a second offer from {participant}, left out (the one compared is {of})")
            }
            FileStatus::Skipped { reason } => format!("not read: {reason}"),
        };
        CollectedFile {
            file,
            status,
            description,
        }
    }
}

/// The most offer files a folder collects at once: a room is 10 to 40.
pub const MAX_FILES: usize = 500;
/// The most bytes of offer files a folder collects at once (256 MiB).
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// A size in bytes, for people: "256 MiB", "4 KiB", "100 bytes".
fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    if bytes >= KIB * KIB && bytes.is_multiple_of(KIB * KIB) {
        format!("{} MiB", bytes / (KIB * KIB))
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// What a directory entry is, when it is not a regular file.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_symlink() {
        return Some("it is a symbolic link, and only files themselves are collected");
    }
    if kind.is_dir() {
        return Some("it is a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("it is a named pipe, not a file");
        }
        if kind.is_socket() {
            return Some("it is a socket, not a file");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("it is a device, not a file");
        }
    }
    Some("it is not a regular file")
}

/// Reads a file only if it is still a regular file when opened (never
/// following a link, never waiting on a pipe), at most `limit` bytes.
fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Result<String, FileError>> {
    use std::io::Read as _;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let shown = crate::text::escape(&path.display().to_string()).into_owned();
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return Ok("it became a symbolic link as it was read".to_owned());
        }
        Err(FileError::Read(format!(
            "cannot read {shown}: {}",
            files::io_reason(&e)
        )))
    })?;
    let meta = file.metadata().map_err(|e| {
        Err(FileError::Read(format!(
            "cannot read {shown}: {}",
            files::io_reason(&e)
        )))
    })?;
    if let Some(why) = not_regular(&meta) {
        return Err(Ok(format!("{why} (it was swapped in as it was read)")));
    }
    if meta.len() > limit {
        return Err(Err(files::json::too_large(meta.len())));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Err(FileError::Read(format!(
                "cannot read {shown}: {}",
                files::io_reason(&e)
            )))
        })?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(Err(files::json::too_large(limit.saturating_add(1))));
    }
    Ok(bytes)
}

/// A folder's offer files, sorted, with the good offers read.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// Every offer file of the folder, in order of name.
    pub files: Vec<CollectedFile>,
    /// The good offers, with their file names, in the same order.
    pub offers: Vec<(String, OfferDocument)>,
}

/// Reads every `*.svoffer.json` file directly in `folder` and sorts each
/// against `pack`. Only a folder that cannot be listed is an error; a file
/// that cannot be read is reported as bad, and the rest go ahead.
///
/// Only regular files are read: a symbolic link, a pipe, a device or a
/// folder with an offer file's name is reported by name and never opened,
/// and a file is checked again as it is opened (a shared drive may swap
/// one in). Hidden files (a leading dot) are reported, not read. At most
/// [`MAX_FILES`] files and [`MAX_TOTAL_BYTES`] in all are read; the rest
/// are reported as not read, saying why.
pub fn collect(folder: &Path, pack: &Workshop) -> Result<Collected, WorkshopError> {
    collect_limited(folder, pack, MAX_FILES, MAX_TOTAL_BYTES)
}

/// [`collect`] with other limits: at most `max_files` files and
/// `max_bytes` in all are read.
pub fn collect_limited(
    folder: &Path,
    pack: &Workshop,
    max_files: usize,
    max_bytes: u64,
) -> Result<Collected, WorkshopError> {
    let listing = std::fs::read_dir(folder).map_err(|e| WorkshopError::Folder {
        folder: crate::text::escape(&folder.display().to_string()).into_owned(),
        reason: files::io_reason(&e),
    })?;
    let mut names: Vec<(String, std::path::PathBuf)> = listing
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.to_lowercase()
                .ends_with(OFFER_EXTENSION)
                .then(|| (name, entry.path()))
        })
        .collect();
    names.sort();
    let mut read = 0_usize;
    let mut total = 0_u64;
    let items = names.into_iter().map(|(name, path)| {
        let shown = crate::text::escape(&name).into_owned();
        let skip = |reason: String| (shown.clone(), Err(Ok(reason)));
        if name.starts_with('.') {
            return skip("it is a hidden file (its name starts with a dot)".to_owned());
        }
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                let e = FileError::Read(format!("cannot read {shown}: {}", files::io_reason(&e)));
                return (shown, Err(Err(e)));
            }
        };
        if let Some(why) = not_regular(&meta) {
            return skip(why.to_owned());
        }
        if read >= max_files {
            return skip(format!(
                "the folder has more than {max_files} offer files, and a comparison reads at most {max_files}: split them into several folders"
            ));
        }
        let room = max_bytes.saturating_sub(total);
        if meta.len() > room {
            return skip(format!(
                "the offer files of this folder come to more than {}, the most a comparison reads: split them into several folders",
                size_text(max_bytes)
            ));
        }
        read = read.saturating_add(1);
        let bytes = read_regular(&path, room.min(files::json::MAX_FILE_BYTES));
        if let Ok(b) = &bytes {
            total = total.saturating_add(u64::try_from(b.len()).unwrap_or(u64::MAX));
        }
        (shown, bytes)
    });
    Ok(collect_read(items, pack))
}

/// Sorts files already read (name and bytes, or why they could not be
/// read) against `pack`, in the order given.
pub fn collect_files(
    items: impl IntoIterator<Item = (String, Result<Vec<u8>, FileError>)>,
    pack: &Workshop,
) -> Collected {
    collect_read(
        items
            .into_iter()
            .map(|(name, bytes)| (name, bytes.map_err(Err))),
        pack,
    )
}

/// A file's bytes; or why it was not read (`Ok`: skipped on purpose) or
/// could not be (`Err`).
type Read = Result<Vec<u8>, Result<String, FileError>>;

fn collect_read(items: impl IntoIterator<Item = (String, Read)>, pack: &Workshop) -> Collected {
    let mut out = Collected::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (file, bytes) in items {
        let bytes = match bytes {
            Err(Ok(reason)) => {
                out.files
                    .push(CollectedFile::new(file, FileStatus::Skipped { reason }));
                continue;
            }
            Err(Err(e)) => Err(e),
            Ok(b) => Ok(b),
        };
        let status = match bytes.and_then(|b| files::read_offer(&b)) {
            Err(e) => FileStatus::Bad {
                message: e.to_string(),
            },
            Ok(doc) => {
                let participant = doc.offer.bidder.name.clone();
                if let Some(message) = foreign(pack, &doc) {
                    FileStatus::Foreign {
                        participant,
                        message,
                    }
                } else if let Some(first) = seen.get(&participant_key(&participant)) {
                    FileStatus::Duplicate {
                        participant,
                        of: first.clone(),
                    }
                } else {
                    seen.insert(participant_key(&participant), file.clone());
                    out.offers.push((file.clone(), doc));
                    FileStatus::Ok { participant }
                }
            }
        };
        out.files.push(CollectedFile::new(file, status));
    }
    out
}

/// A participant's name as compared: case and spacing ignored.
fn participant_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Why `doc` does not answer the pack, if it does not.
fn foreign(pack: &Workshop, doc: &OfferDocument) -> Option<String> {
    if pack.answered_by(doc) {
        return None;
    }
    let plan_differs = !crate::domain::same_plan(&doc.plan, &pack.plan);
    let tender_differs = doc.tender != pack.tender;
    let what = match (plan_differs, tender_differs) {
        (true, true) => format!(
            "answers another plan and tender ({} for {}), not this workshop's",
            quoted(&doc.tender.title),
            quoted(&doc.plan.title)
        ),
        (true, false) => format!(
            "answers this workshop's tender against another plan ({} of {})",
            quoted(&doc.plan.title),
            quoted(&doc.plan.issuer)
        ),
        _ => {
            let t = &doc.tender;
            if t.reference == pack.tender.reference {
                format!(
                    "answers a changed copy of the tender {}: its details differ from this workshop's",
                    quoted(&t.reference)
                )
            } else {
                format!(
                    "answers another tender ({}, reference {}), not this workshop's",
                    quoted(&t.title),
                    quoted(&t.reference)
                )
            }
        }
    };
    Some(format!("left out: it {what}"))
}

/// A hot topic as a column of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TopicColumn {
    /// The hot topic's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its share of the social value marks, as shown: "20%".
    pub share_text: String,
}

/// One participant's line of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Row {
    /// The place in the ranking, 1 for the most projected marks; offers with
    /// equal marks share a place.
    pub rank: u32,
    /// Whether another offer has the same marks.
    pub tied: bool,
    /// The place as shown everywhere: "3", or "3=" for a shared place.
    pub rank_text: String,
    /// The participant (the bidder's name), or a letter when anonymised.
    pub participant: String,
    /// The file it came from; none when anonymised (file names carry names).
    pub file: Option<String>,
    /// The band per hot topic, in the plan's order.
    pub bands: Vec<Band>,
    /// The marks per hot topic, exact, in the plan's order.
    #[ts(type = "string[]")]
    #[serde(serialize_with = "ser_decimals")]
    pub topic_marks: Vec<Decimal>,
    /// The innovation marks, exact.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub innovation_marks: Decimal,
    /// The projected social value marks, exact.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub projected_marks: Decimal,
    /// The projected marks as shown: "7.4 of 10".
    pub projected_marks_text: String,
    /// How many commitments the offer makes.
    pub commitments: u32,
    /// The social value in GBP at the buyer's proxies, if any.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub social_value: Option<Decimal>,
    /// The keys of the room's weaknesses this offer has.
    pub weaknesses: Vec<String>,
}

/// A weakness shared across the room, with its fix.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Weakness {
    /// A stable key: "check:owned", "no_commitment:local-jobs", "hedged"...
    pub key: String,
    /// How many offers have it.
    pub count: u32,
    /// Out of how many offers.
    pub of: u32,
    /// In one line: "14 of 20 offers have a commitment with no named owner".
    pub headline: String,
    /// What to do about it.
    pub fix: String,
    /// How the model offer does it, when there is a model offer that does.
    pub example: Option<String>,
}

/// The model offer's report: the exemplar of the debrief.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Exemplar {
    /// The model offer's bidder, or "Model offer" when anonymised.
    pub bidder: String,
    /// The band per hot topic, in the plan's order.
    pub bands: Vec<Band>,
    /// Why each band, in the plan's order.
    pub reasons: Vec<String>,
    /// The projected marks, exact.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub projected_marks: Decimal,
    /// The projected marks as shown: "9.1 of 10".
    pub projected_marks_text: String,
    /// What the model offer could still fix, first first.
    pub fixes: Vec<String>,
    /// Its social value at the buyer's proxies, as shown.
    pub social_value_text: Option<String>,
}

/// A room of offers side by side.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Comparison {
    /// The workshop's title.
    pub title: String,
    /// The mock tender's title.
    pub tender_title: String,
    /// Its buyer.
    pub buyer: String,
    /// Its reference.
    pub reference: String,
    /// The social value marks: the tender's weighting.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub weighting: Decimal,
    /// Whether names are replaced by letters.
    pub anonymised: bool,
    /// The hot topics, in the plan's order: the columns.
    pub hot_topics: Vec<TopicColumn>,
    /// The participants, best first.
    pub rows: Vec<Row>,
    /// The weaknesses the offers share, most common first.
    pub weaknesses: Vec<Weakness>,
    /// The model offer's report, when the pack has a model offer.
    pub exemplar: Option<Exemplar>,
    /// Every file collected and what became of it, in order of name.
    pub files: Vec<CollectedFile>,
    /// That the marks are a self-assessment aid, not a promise.
    pub disclaimer: String,
}

impl Comparison {
    /// The `n` fixes to teach first: the most common weaknesses, those the
    /// model offer shows how to fix before those it does not.
    pub fn top_fixes(&self, n: usize) -> Vec<&Weakness> {
        let with = self.weaknesses.iter().filter(|w| w.example.is_some());
        let without = self.weaknesses.iter().filter(|w| w.example.is_none());
        let mut out: Vec<&Weakness> = with.chain(without).take(n).collect();
        out.sort_by_key(|w| std::cmp::Reverse(w.count));
        out
    }
}

fn ser_decimals<S: serde::Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(ToString::to_string))
}

/// What a weakness is, in words.
struct Kind {
    key: String,
    /// After "N offers": "have a commitment with no named owner".
    plural: String,
    fix: String,
    order: usize,
}

fn check_kind(check: Check) -> Kind {
    let (plural, fix) = match check {
        Check::Measurable => (
            "have a commitment with no number to measure it by",
            "Give every commitment a quantity in a unit: how many people, weeks, pounds or tonnes.",
        ),
        Check::TimeBound => (
            "have a commitment with no date inside the contract",
            "Say by when each commitment will be done, as a date inside the contract.",
        ),
        Check::Local => (
            "have a place-based commitment that does not say where locally",
            "Name the local area or town where a place-based commitment happens.",
        ),
        Check::Owned => (
            "have a commitment with no named owner",
            "Name who is accountable for each commitment: a role, not \"TBC\".",
        ),
        Check::Monitored => (
            "have a commitment with no KPI or reporting frequency",
            "Give each commitment a KPI and say how often it is reported.",
        ),
        Check::Evidenced => (
            "have a commitment with no evidence they can deliver it",
            "Back each commitment with evidence: what you delivered before, with figures.",
        ),
        Check::Additional => (
            "have a commitment not marked additional, or no more than their baseline over the contract",
            "Promise more than the contract requires and more than you already do (say your baseline).",
        ),
    };
    Kind {
        key: format!("check:{}", check.name()),
        plural: plural.to_owned(),
        fix: fix.to_owned(),
        order: check.index(),
    }
}

/// "have ..." -> "has ..." for one offer.
fn singular(plural: &str) -> String {
    for (p, s) in [
        ("have ", "has "),
        ("leave ", "leaves "),
        ("hedge ", "hedges "),
    ] {
        if let Some(rest) = plural.strip_prefix(p) {
            return format!("{s}{rest}");
        }
    }
    plural.to_owned()
}

/// The weaknesses of one offer, as kinds.
fn weaknesses_of(doc: &OfferDocument, report: &Report) -> Vec<Kind> {
    let mut out = Vec::new();
    for check in Check::ALL {
        let failing = report
            .commitments
            .iter()
            .any(|c| c.checks.iter().any(|r| r.check == check && !r.passed));
        if failing {
            out.push(check_kind(check));
        }
    }
    if report.commitments.iter().any(|c| c.hedged) {
        out.push(Kind {
            key: "hedged".to_owned(),
            plural: "hedge a commitment (\"where possible\", \"aim to\"), which stops it at band 2 (R15)".to_owned(),
            fix: "Make each commitment a firm promise: take out \"where possible\", \"aim to\" and \"endeavour\".".to_owned(),
            order: 10,
        });
    }
    // The model's rules, counted by rule: "7 of 12 offers: business as usual".
    let capped = |rule: Rule| {
        report
            .commitments
            .iter()
            .any(|c| c.caps.iter().any(|k| k.rule == rule))
    };
    for (order, rule, plural, fix) in [
        (
            11,
            Rule::R14,
            "have a commitment filed under the wrong hot topic (R14)",
            "File each commitment under the hot topic whose measure it uses.",
        ),
        (
            12,
            Rule::R1,
            "have a commitment whose fit with its hot topic is unclear (R1)",
            "Link each commitment to one of its hot topic's measures, or say in its own words how it serves it.",
        ),
        (
            13,
            Rule::R2,
            "have a commitment that is business as usual (R2)",
            "Promise more than today's yearly rate would deliver by the commitment's date.",
        ),
        (
            14,
            Rule::R7,
            "have a commitment an evaluator cannot check for band 4 or 5 (R7)",
            "Link each commitment to a measure, name the local place, and give a baseline (0 if it is new).",
        ),
        (
            15,
            Rule::R8,
            "have a commitment outside the buyer's area (R8)",
            "Deliver place-based commitments in the buyer's area and name the place.",
        ),
        (
            16,
            Rule::R10,
            "have an unfinished commitment (R10)",
            "Remove every TBC, [insert ...] and note to yourself before submitting.",
        ),
    ] {
        if capped(rule) {
            out.push(Kind {
                key: format!("rule:{}", rule.id()),
                plural: plural.to_owned(),
                fix: fix.to_owned(),
                order,
            });
        }
    }
    if report.commitments.iter().any(|c| !c.credible) {
        out.push(Kind {
            key: "not_credible".to_owned(),
            plural: "have a commitment out of proportion to the contract or the team (P, R3, R9, R11, R12)".to_owned(),
            fix: "Size each promise to the contract and to the team: people, jobs, staff time and money.".to_owned(),
            order: 17,
        });
    }
    let held = |rule: Rule| {
        report
            .hot_topics
            .iter()
            .any(|t| t.held_by.iter().any(|h| h.rule == rule))
    };
    if held(Rule::R13) {
        out.push(Kind {
            key: "rule:R13".to_owned(),
            plural: "have two or more commitments out of proportion, which hold every hot topic at band 2 (R13)".to_owned(),
            fix: "Bring every out-of-proportion promise down to what the contract and the team can deliver.".to_owned(),
            order: 18,
        });
    }
    if report.answers.iter().any(|a| !a.placeholders.is_empty()) {
        out.push(Kind {
            key: "draft_answer".to_owned(),
            plural: "leave a placeholder in an answer, which holds the hot topics it mentions at band 2 (R10)".to_owned(),
            fix: "Finish every answer: no TBC, [insert ...] or ?? left in it.".to_owned(),
            order: 19,
        });
    }
    for (i, t) in report.hot_topics.iter().enumerate() {
        if t.band == Band::NoResponse && t.commitments.is_empty() {
            out.push(Kind {
                key: format!("no_commitment:{}", t.id),
                plural: format!("have no commitment for {}", quoted(&t.title)),
                fix: format!(
                    "Add a measurable commitment for {}: it is worth {} of the marks.",
                    quoted(&t.title),
                    crate::money::percent(t.share, Decimal::ONE)
                ),
                order: 20 + i,
            });
        }
    }
    for (i, a) in report.answers.iter().enumerate() {
        let number = i + 1;
        if !a.answered {
            out.push(Kind {
                key: format!("unanswered:{}", a.question),
                plural: format!("leave question {number} unanswered"),
                fix: format!("Answer question {number}: an unanswered question scores nothing."),
                order: 100 + i,
            });
        } else if a.words_over > 0 || a.chars_over > 0 {
            out.push(Kind {
                key: format!("over_limit:{}", a.question),
                plural: format!("go over the limit of question {number}"),
                fix: format!(
                    "Cut the answer to question {number} to its limit: evaluators stop reading there."
                ),
                order: 200 + i,
            });
        }
    }
    let _ = doc;
    out
}

/// How the model offer does what a weakness lacks.
fn example(key: &str, model: &OfferDocument, report: &Report) -> Option<String> {
    let commitments = model.offer.commitments.iter().zip(&report.commitments);
    let what = |c: &crate::domain::Commitment| c.what.trim_end_matches('.').to_owned();
    if let Some(name) = key.strip_prefix("check:") {
        let check = Check::ALL.into_iter().find(|c| c.name() == name)?;
        let (c, _) = commitments
            .clone()
            .filter(|(_, s)| s.checks.iter().any(|r| r.check == check && r.passed))
            .max_by_key(|(_, s)| s.passed)?;
        let unit = c.unit.clone().or_else(|| {
            c.measure
                .as_deref()
                .and_then(|m| model.plan.measure(m))
                .map(|m| m.unit.clone())
        });
        let detail = match check {
            Check::Measurable => format!(
                "{} {}",
                quantity(c.quantity.unwrap_or_default()),
                unit.unwrap_or_default()
            ),
            Check::TimeBound => format!("by {}", c.by.map(uk_date).unwrap_or_default()),
            Check::Local => format!("in {}", c.r#where.clone().unwrap_or_default()),
            Check::Owned => format!("owned by the {}", c.owner.clone().unwrap_or_default()),
            Check::Monitored => format!(
                "KPI: {}; reported {}",
                c.kpi.clone().unwrap_or_default(),
                c.reporting.clone().unwrap_or_default()
            ),
            Check::Evidenced => format!("evidence: {}", c.evidence.clone().unwrap_or_default()),
            Check::Additional => match c.baseline {
                Some(b) => format!(
                    "{} {} against a baseline of {} a year today",
                    quantity(c.quantity.unwrap_or_default()),
                    unit.unwrap_or_default(),
                    quantity(b)
                ),
                None => "beyond the contract's requirements".to_owned(),
            },
        };
        return Some(format!("{}: {}", what(c), detail.trim()));
    }
    if key == "hedged" {
        let (c, _) = commitments
            .clone()
            .find(|(c, s)| !s.hedged && c.how.is_some())?;
        return Some(format!(
            "{}: {}",
            what(c),
            c.how.clone().unwrap_or_default()
        ));
    }
    if let Some(topic) = key.strip_prefix("no_commitment:") {
        let (c, _) = commitments
            .clone()
            .filter(|(c, _)| c.hot_topic.as_deref() == Some(topic) && c.quantity.is_some())
            .max_by_key(|(_, s)| s.passed)?;
        let mut line = what(c);
        if let Some(q) = c.quantity {
            line.push_str(&format!(": {}", quantity(q)));
            if let Some(u) = &c.unit {
                line.push_str(&format!(" {u}"));
            }
        }
        if let Some(by) = c.by {
            line.push_str(&format!(" by {}", uk_date(by)));
        }
        return Some(line);
    }
    if let Some(q) = key.strip_prefix("unanswered:") {
        let check = report.answers.iter().find(|a| a.question == q)?;
        if !check.answered {
            return None;
        }
        return Some(match check.word_limit {
            Some(limit) => format!(
                "The model offer answers it in {} words of the {limit} allowed.",
                check.words
            ),
            None => format!("The model offer answers it in {} words.", check.words),
        });
    }
    if let Some(q) = key.strip_prefix("over_limit:") {
        let check = report.answers.iter().find(|a| a.question == q)?;
        let limit = check.word_limit?;
        return Some(format!(
            "The model answer has {} words of the {limit} allowed.",
            check.words
        ));
    }
    None
}

/// Letters for anonymised participants: A to Z, then AA, AB...
pub fn letter(i: usize) -> String {
    let a = |n: usize| char::from(b'A' + (n % 26) as u8);
    if i < 26 {
        a(i).to_string()
    } else {
        format!("{}{}", a(i / 26 - 1), a(i))
    }
}

/// Replaces every name of `names` (case aside) in `text` by its stand-in.
fn scrub(text: &str, names: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'outer: while i < text.len() {
        for (name, stand_in) in names {
            let end = i + name.len();
            if end <= text.len()
                && text.is_char_boundary(end)
                && text[i..end].eq_ignore_ascii_case(name)
            {
                out.push_str(stand_in);
                i = end;
                continue 'outer;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// The disclaimer of the comparison.
pub const DISCLAIMER: &str = "Projected marks are a self-assessment aid from Offerwright's self-score, not the marks any evaluator will give.";

/// Scores every good offer of `collected` alone and sets them side by side
/// against `pack`; with `anonymise`, every participant's name is replaced
/// by a letter (A for the best placed) wherever it would appear.
pub fn compare(pack: &Workshop, collected: &Collected, anonymise: bool) -> Comparison {
    let total = pack.plan.total_weight();
    let hot_topics = pack
        .plan
        .hot_topics
        .iter()
        .map(|t| TopicColumn {
            id: t.id.clone(),
            title: t.title.clone(),
            share_text: crate::money::percent(t.weight, total),
        })
        .collect();
    let scored: Vec<(&String, &OfferDocument, Report)> = collected
        .offers
        .iter()
        .map(|(file, doc)| (file, doc, score::score(doc)))
        .collect();
    let of = u32::try_from(scored.len()).unwrap_or(u32::MAX);
    let mut kinds: HashMap<String, (Kind, u32)> = HashMap::new();
    let mut rows: Vec<Row> = scored
        .iter()
        .map(|(file, doc, report)| {
            let mine = weaknesses_of(doc, report);
            let keys = mine.iter().map(|k| k.key.clone()).collect();
            for kind in mine {
                kinds
                    .entry(kind.key.clone())
                    .and_modify(|(_, n)| *n += 1)
                    .or_insert((kind, 1));
            }
            Row {
                rank: 0,
                tied: false,
                rank_text: String::new(),
                participant: doc.offer.bidder.name.clone(),
                file: Some((*file).clone()),
                bands: report.hot_topics.iter().map(|t| t.band).collect(),
                topic_marks: report.hot_topics.iter().map(|t| t.marks).collect(),
                innovation_marks: report.innovation.marks,
                projected_marks: report.projected_marks,
                projected_marks_text: report.projected_marks_text.clone(),
                commitments: u32::try_from(doc.offer.commitments.len()).unwrap_or(u32::MAX),
                social_value: report.social_value.total,
                weaknesses: keys,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.projected_marks
            .cmp(&a.projected_marks)
            .then_with(|| participant_key(&a.participant).cmp(&participant_key(&b.participant)))
    });
    let marks: Vec<Decimal> = rows.iter().map(|r| r.projected_marks).collect();
    for row in &mut rows {
        let above = marks.iter().filter(|m| **m > row.projected_marks).count();
        let equal = marks.iter().filter(|m| **m == row.projected_marks).count();
        row.rank = u32::try_from(above + 1).unwrap_or(u32::MAX);
        row.tied = equal > 1;
        row.rank_text = if row.tied {
            format!("{}=", row.rank)
        } else {
            row.rank.to_string()
        };
    }

    let model = pack.model_document().map(|doc| {
        let report = score::score(&doc);
        (doc, report)
    });
    let mut weaknesses: Vec<(Kind, u32)> = kinds.into_values().collect();
    weaknesses
        .sort_by(|(a, n), (b, m)| m.cmp(n).then(a.order.cmp(&b.order)).then(a.key.cmp(&b.key)));
    let weaknesses: Vec<Weakness> = weaknesses
        .into_iter()
        .map(|(kind, count)| Weakness {
            headline: format!(
                "{count} of {of} {} {}",
                if of == 1 { "offer" } else { "offers" },
                if count == 1 {
                    singular(&kind.plural)
                } else {
                    kind.plural.clone()
                }
            ),
            example: model
                .as_ref()
                .and_then(|(doc, report)| example(&kind.key, doc, report)),
            key: kind.key,
            count,
            of,
            fix: kind.fix,
        })
        .collect();
    let exemplar = model.as_ref().map(|(doc, report)| Exemplar {
        bidder: doc.offer.bidder.name.clone(),
        bands: report.hot_topics.iter().map(|t| t.band).collect(),
        reasons: report.hot_topics.iter().map(|t| t.reason.clone()).collect(),
        projected_marks: report.projected_marks,
        projected_marks_text: report.projected_marks_text.clone(),
        fixes: report.fixes.iter().map(|f| f.text.clone()).collect(),
        social_value_text: report.social_value.total.map(gbp),
    });
    let mut comparison = Comparison {
        title: pack.title.clone(),
        tender_title: pack.tender.title.clone(),
        buyer: pack.tender.buyer.clone(),
        reference: pack.tender.reference.clone(),
        weighting: pack.tender.social_value_weighting,
        anonymised: false,
        hot_topics,
        rows,
        weaknesses,
        exemplar,
        files: collected.files.clone(),
        disclaimer: DISCLAIMER.to_owned(),
    };
    if anonymise {
        anonymise_in_place(&mut comparison, collected, pack);
    }
    comparison
}

/// Replaces every participant's name by a letter, and the model offer's
/// bidder by "the model offer", in every text of the comparison.
fn anonymise_in_place(c: &mut Comparison, collected: &Collected, pack: &Workshop) {
    let mut names: Vec<(String, String)> = Vec::new();
    let add = |name: &str, stand_in: String, names: &mut Vec<(String, String)>| {
        let name = name.trim();
        if name.chars().count() >= 2 && !names.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            names.push((name.to_owned(), stand_in));
        }
    };
    for (i, row) in c.rows.iter().enumerate() {
        add(&row.participant, letter(i), &mut names);
    }
    let mut next = c.rows.len();
    for f in &collected.files {
        if let FileStatus::Foreign { participant, .. } | FileStatus::Duplicate { participant, .. } =
            &f.status
            && !names
                .iter()
                .any(|(n, _)| participant_key(n) == participant_key(participant))
        {
            add(participant, letter(next), &mut names);
            next += 1;
        }
    }
    if let Some(model) = &pack.model_offer {
        add(&model.bidder.name, "the model offer".to_owned(), &mut names);
    }
    // Longest first, so that a name inside another is not replaced first.
    names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    let s = |t: &str| scrub(t, &names);
    c.anonymised = true;
    c.title = s(&c.title);
    for (i, row) in c.rows.iter_mut().enumerate() {
        row.participant = letter(i);
        row.file = None;
    }
    for w in &mut c.weaknesses {
        w.headline = s(&w.headline);
        w.fix = s(&w.fix);
        w.example = w.example.as_deref().map(s);
    }
    if let Some(e) = &mut c.exemplar {
        e.bidder = "Model offer".to_owned();
        e.reasons = e.reasons.iter().map(|r| s(r)).collect();
        e.fixes = e.fixes.iter().map(|r| s(r)).collect();
    }
    for f in &mut c.files {
        f.file = s(&f.file);
        match &mut f.status {
            FileStatus::Ok { participant } => *participant = s(participant),
            FileStatus::Bad { message } => *message = s(message),
            FileStatus::Foreign {
                participant,
                message,
            } => {
                *participant = s(participant);
                *message = s(message);
            }
            FileStatus::Duplicate { participant, of } => {
                *participant = s(participant);
                *of = s(of);
            }
            FileStatus::Skipped { reason } => *reason = s(reason),
        }
        f.description = s(&f.description);
    }
}
