//! Guided discovery (C9): for a bidder that does not know what to promise,
//! a short interview in plain words, asked only for the buyer's hot topics
//! and their measures, and draft commitments made from the answers, each
//! sized to the contract and the bidder by the self-score's own tests.
//!
//! The questions are data: `assets/discovery/bank.json`, whose format
//! `docs/discovery.md` documents (schema: `docs/discovery.schema.json`).
//! A plan's measures are matched to the bank's kinds of measure by unit and
//! by the words of their names ([`fit`]); a measure that matches no kind
//! gets the bank's generic wording.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::domain::{Commitment, HotTopic, Measure, OfferDocument};
use crate::files::{self, FileError};
use crate::money::{figure, is_money_unit};
use crate::score::{self, Band};

/// The question bank: the kinds of measure, and the wording of every
/// question and draft.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Always "offerwright/discovery-bank".
    pub format: String,
    /// The bank's format version: 1.
    pub version: u32,
    /// The kinds of measure, most particular first.
    pub kinds: Vec<Kind>,
    /// The wording for a measure that matches no kind.
    pub generic: Wording,
    /// The yes/no question that opens a hot topic; `{topic}` is its title.
    pub topic: String,
    /// The question that confirms an unsure match; `{measure}`, `{kind}`.
    pub confirm: String,
    /// The question asking where today's figure comes from; `{measure}`.
    pub evidence: String,
}

/// A kind of measure: how to know one, and how to ask about it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// A slug: "hires", "spend".
    pub id: String,
    /// In plain words, as "Is this about {name}?" asks: "hiring people".
    pub name: String,
    /// Units of a measure of this kind, lower case: "people", "gbp".
    pub units: Vec<String>,
    /// Words, lower case, that a measure's name of this kind uses.
    pub words: Vec<String>,
    /// How it is asked and drafted.
    pub wording: Wording,
}

/// The questions of a measure and the parts of its draft. In the texts,
/// `{measure}` is the measure's name, `{unit}` its unit and `{months}` the
/// contract's length.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// How much of it the bidder does in a year today (the baseline).
    pub today: String,
    /// How much more it could do over the contract, on top of that.
    pub more: String,
    /// The role that owns a draft.
    pub owner: String,
    /// The draft's KPI.
    pub kpi: String,
    /// How often the draft is reported.
    pub reporting: String,
}

static BANK: LazyLock<Result<Bank, String>> = LazyLock::new(|| {
    let bank: Bank = serde_json::from_str(include_str!("../../assets/discovery/bank.json"))
        .map_err(|e| e.to_string())?;
    if bank.format != "offerwright/discovery-bank" || bank.version != 1 {
        return Err("it is not a version 1 discovery bank".to_owned());
    }
    Ok(bank)
});

/// The question bank built into Offerwright.
pub fn bank() -> Result<&'static Bank, DiscoveryError> {
    BANK.as_ref()
        .map_err(|e| DiscoveryError::Bank(format!("the question bank cannot be read: {e}")))
}

/// The JSON Schema of the question bank (`docs/discovery.schema.json`).
pub fn bank_schema() -> String {
    files::schema::generate::<Bank>()
}

/// Why an interview or its drafts could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DiscoveryError {
    /// The built-in question bank is unreadable (a bug in Offerwright).
    #[error("{0}")]
    Bank(String),
    /// The answers are not answers to this offer's interview.
    #[error(transparent)]
    Answers(#[from] FileError),
}

/// How surely a measure is of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Its unit and a word of its name are the kind's.
    Sure,
    /// Only its unit, or only a word of its name: the user confirms.
    Unsure,
    /// No kind: the generic questions.
    None,
}

/// The kind `measure` is of, and how surely: the kind whose units hold the
/// measure's unit and whose words one of its name's words, or failing that
/// the first that has either.
pub fn fit<'b>(bank: &'b Bank, measure: &Measure) -> (Option<&'b Kind>, Fit) {
    let unit = measure.unit.trim().to_lowercase();
    let words: BTreeSet<String> = measure
        .name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let mut best: Option<(&Kind, u8)> = None;
    for kind in &bank.kinds {
        let by_unit = kind.units.contains(&unit)
            || (is_money_unit(&measure.unit) && kind.units.iter().any(|u| u == "gbp"));
        let by_word = kind.words.iter().any(|w| words.contains(w));
        let score = 2 * u8::from(by_unit) + u8::from(by_word);
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((kind, score));
        }
    }
    match best {
        Some((kind, 3)) => (Some(kind), Fit::Sure),
        Some((kind, _)) => (Some(kind), Fit::Unsure),
        None => (None, Fit::None),
    }
}

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A decimal of 0 or more: `3`, `"2.5"`.
    Number,
    /// `true` or `false`.
    YesNo,
    /// A line of text.
    ShortText,
}

/// One question of an offer's interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "InterviewQuestion")]
pub struct Question {
    /// Its id in an answers file: `topic.<hot topic>`, `<measure>.confirm`,
    /// `<measure>.today`, `<measure>.more` or `<measure>.evidence`.
    pub id: String,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// The question, in plain words.
    pub asks: String,
    /// The hot topic it is asked for.
    pub hot_topic: String,
    /// The measure it is about, if any.
    pub measure: Option<String>,
    /// The unit of a number's answer, if any.
    pub unit: Option<String>,
    /// Asked only when this yes/no question is answered yes.
    pub when: Option<String>,
    /// How surely the measure was matched to a kind (measure questions).
    pub fit: Option<Fit>,
}

fn fill(text: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(text.to_owned(), |t, (key, value)| {
        t.replace(&format!("{{{key}}}"), value)
    })
}

/// The hot topics that have measures, each with its measures that an
/// earlier hot topic has not already asked about, in plan order.
fn topics(doc: &OfferDocument) -> Vec<(&HotTopic, Vec<&Measure>)> {
    let mut seen = BTreeSet::new();
    doc.plan
        .hot_topics
        .iter()
        .filter_map(|t| {
            let measures: Vec<&Measure> = t
                .measures
                .iter()
                .filter(|id| seen.insert(id.as_str()))
                .filter_map(|id| doc.plan.measure(id))
                .collect();
            (!measures.is_empty()).then_some((t, measures))
        })
        .collect()
}

/// The interview for `doc`'s plan: for each hot topic that has measures, a
/// yes/no question that opens it, then for each of its measures how much of
/// it the bidder does today, how much more the contract could add, and
/// where today's figure comes from (with a confirming question first where
/// the measure's kind is unsure).
pub fn interview(doc: &OfferDocument) -> Result<Vec<Question>, DiscoveryError> {
    let bank = bank()?;
    let months = doc.tender.duration_months.to_string();
    let mut out = Vec::new();
    for (topic, measures) in topics(doc) {
        let gate = format!("topic.{}", topic.id);
        out.push(Question {
            id: gate.clone(),
            kind: QuestionKind::YesNo,
            asks: fill(&bank.topic, &[("topic", &topic.title)]),
            hot_topic: topic.id.clone(),
            measure: None,
            unit: None,
            when: None,
            fit: None,
        });
        for m in measures {
            let (kind, fit) = fit(bank, m);
            let wording = kind.map_or(&bank.generic, |k| &k.wording);
            let pairs = [
                ("measure", m.name.as_str()),
                ("unit", m.unit.as_str()),
                ("months", months.as_str()),
                ("kind", kind.map_or("", |k| k.name.as_str())),
            ];
            let question = |slot: &str, kind: QuestionKind, asks: &str, unit: bool| Question {
                id: format!("{}.{slot}", m.id),
                kind,
                asks: fill(asks, &pairs),
                hot_topic: topic.id.clone(),
                measure: Some(m.id.clone()),
                unit: unit.then(|| m.unit.clone()),
                when: Some(gate.clone()),
                fit: Some(fit),
            };
            if fit == Fit::Unsure {
                out.push(question(
                    "confirm",
                    QuestionKind::YesNo,
                    &bank.confirm,
                    false,
                ));
            }
            out.push(question(
                "today",
                QuestionKind::Number,
                &wording.today,
                true,
            ));
            out.push(question("more", QuestionKind::Number, &wording.more, true));
            out.push(question(
                "evidence",
                QuestionKind::ShortText,
                &bank.evidence,
                false,
            ));
        }
    }
    Ok(out)
}

/// A user's answers to an interview, by question id, as an answers file
/// holds them: `{"answers": {"<question id>": value}}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Each answer: a number (or a decimal in a string) for a number
    /// question, true or false for a yes/no one, text for a short text.
    pub answers: BTreeMap<String, Value>,
}

/// The answers, read and checked against the interview.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    numbers: BTreeMap<String, Decimal>,
    yes_no: BTreeMap<String, bool>,
    texts: BTreeMap<String, String>,
}

/// The longest short text answer, in characters.
const TEXT_MAX: usize = 2000;
/// The largest number answer: the largest decimal a file or the store holds.
const NUMBER_MAX: Decimal = crate::domain::fields::DECIMAL_MAX;

/// Reads an answers file's bytes and checks each answer against `doc`'s
/// interview: every id must be a question's, every value of its kind. The
/// messages name the answer, as a file's refusals do.
pub fn read_answers(doc: &OfferDocument, bytes: &[u8]) -> Result<Answers, DiscoveryError> {
    answers_from_value(doc, files::json::parse(bytes)?)
}

/// The same, from the answers file's JSON (as the app sends it).
pub fn answers_from_value(doc: &OfferDocument, value: Value) -> Result<Answers, DiscoveryError> {
    let file: AnswersFile = files::from_value(value, "")?;
    let questions: BTreeMap<String, Question> = interview(doc)?
        .into_iter()
        .map(|q| (q.id.clone(), q))
        .collect();
    let mut out = Answers::default();
    for (id, value) in file.answers {
        let at = format!("answers.{id}");
        let bad = |message: String| {
            DiscoveryError::Answers(FileError::Invalid {
                at: at.clone(),
                message,
            })
        };
        let Some(q) = questions.get(&id) else {
            return Err(bad(
                "no question of this offer's interview has this id (see offerwright offer \
                 discover <offer> --questions)"
                    .to_owned(),
            ));
        };
        match (q.kind, &value) {
            (QuestionKind::YesNo, Value::Bool(b)) => {
                out.yes_no.insert(id, *b);
            }
            (QuestionKind::Number, Value::Number(_) | Value::String(_)) => {
                let text = match &value {
                    Value::String(s) => s.trim().to_owned(),
                    other => other.to_string(),
                };
                let n: Decimal = text
                    .parse()
                    .or_else(|_| Decimal::from_scientific(&text))
                    .map_err(|_| bad(format!("expected a number of 0 or more, found {text:?}")))?;
                if n.is_sign_negative() || n > NUMBER_MAX {
                    return Err(bad(format!(
                        "expected a number from 0 to {NUMBER_MAX}, found {text}"
                    )));
                }
                out.numbers.insert(id, n.normalize());
            }
            (QuestionKind::ShortText, Value::String(s)) => {
                if s.chars().count() > TEXT_MAX {
                    return Err(bad(format!(
                        "expected at most {TEXT_MAX} characters, found {}",
                        s.chars().count()
                    )));
                }
                if s.chars().any(char::is_control) {
                    return Err(bad(
                        "expected one line of text, without control characters".to_owned()
                    ));
                }
                if !s.trim().is_empty() {
                    out.texts.insert(id, s.trim().to_owned());
                }
            }
            (kind, found) => {
                let expected = match kind {
                    QuestionKind::YesNo => "true or false",
                    QuestionKind::Number => "a number",
                    QuestionKind::ShortText => "text",
                };
                return Err(bad(format!("expected {expected}, found {found}")));
            }
        }
    }
    Ok(out)
}

/// A draft commitment, with what the self-score gives it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Draft {
    /// The commitment as it would be added.
    pub commitment: Commitment,
    /// The band the self-score would give it.
    #[ts(type = "number | null")]
    pub band: Option<Band>,
    /// Why its quantity is less than asked, when it was sized down.
    pub sized: Option<String>,
}

/// A promise the answers asked for that could not be drafted, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Skipped {
    /// The measure.
    pub measure: String,
    /// Why, in plain words.
    pub reason: String,
}

/// What the answers make: the drafts, and the promises that could not be
/// drafted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Drafts {
    /// One commitment per measure answered with something more to do.
    pub drafts: Vec<Draft>,
    /// The measures whose promise could not be made credible.
    pub skipped: Vec<Skipped>,
}

/// The number of places a draft's quantity keeps: pence for money, whole
/// units otherwise.
fn places(unit: &str) -> u32 {
    if is_money_unit(unit) { 2 } else { 0 }
}

/// The next free commitment id of the form `c<n>`.
fn next_id(taken: &BTreeSet<String>) -> String {
    (1..)
        .map(|n| format!("c{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// The drafts `answers` make for `doc`: for each measure of an opened hot
/// topic answered with more to do, a commitment of the measure, its
/// quantity today's pace over the contract plus the more (rounded up to a
/// whole unit, or to the penny), dated the contract's last day, placed in
/// the plan's local area (or the bidder's location) where the hot topic
/// asks for a place, owned, with
/// a KPI and reporting, today's figure as its baseline and its source as
/// evidence, and marked additional. A draft the self-score would find not
/// credible is sized down to the most it finds credible, and the reason
/// kept; one that cannot be both credible and more than today's pace is
/// skipped, with the reason.
pub fn drafts(doc: &OfferDocument, answers: &Answers) -> Result<Drafts, DiscoveryError> {
    let bank = bank()?;
    let months = Decimal::from(doc.tender.duration_months);
    let last_day: NaiveDate = doc.tender.last_day();
    // Where a place-based promise is kept: the plan's area, or else the
    // bidder's own location (any place passes check L when the plan names
    // none).
    let place = doc
        .plan
        .local_area
        .clone()
        .or_else(|| doc.plan.local_places.first().cloned())
        .or_else(|| doc.offer.bidder.location.clone());
    let mut work = doc.clone();
    let mut taken: BTreeSet<String> = doc.offer.commitments.iter().map(|c| c.id.clone()).collect();
    let mut out = Drafts::default();
    for (topic, measures) in topics(doc) {
        if answers.yes_no.get(&format!("topic.{}", topic.id)) == Some(&false) {
            continue;
        }
        for m in measures {
            let get = |slot: &str| answers.numbers.get(&format!("{}.{slot}", m.id)).copied();
            let Some(more) = get("more").filter(|n| !n.is_zero()) else {
                continue;
            };
            let today = get("today").unwrap_or_default();
            let (kind, fit) = fit(bank, m);
            let confirmed = fit != Fit::Unsure
                || answers.yes_no.get(&format!("{}.confirm", m.id)) == Some(&true);
            let wording = match kind {
                Some(k) if confirmed => &k.wording,
                _ => &bank.generic,
            };
            let pairs = [("measure", m.name.as_str()), ("unit", m.unit.as_str())];
            let dp = places(&m.unit);
            let pace = today * months / Decimal::from(12);
            let asked = (pace + more).round_dp_with_strategy(dp, RoundingStrategy::AwayFromZero);
            if asked > NUMBER_MAX {
                out.skipped.push(Skipped {
                    measure: m.id.clone(),
                    reason: format!(
                        "{} is more than an offer can hold (at most {})",
                        figure(asked, Some(&m.unit)),
                        figure(NUMBER_MAX, Some(&m.unit))
                    ),
                });
                continue;
            }
            let id = next_id(&taken);
            let mut c = Commitment {
                id: id.clone(),
                hot_topic: Some(topic.id.clone()),
                measure: Some(m.id.clone()),
                what: m.name.clone(),
                quantity: Some(asked),
                by: Some(last_day),
                r#where: if topic.place_based {
                    place.clone()
                } else {
                    None
                },
                owner: Some(fill(&wording.owner, &pairs)),
                kpi: Some(fill(&wording.kpi, &pairs)),
                reporting: Some(fill(&wording.reporting, &pairs)),
                evidence: answers.texts.get(&format!("{}.evidence", m.id)).cloned(),
                baseline: (!today.is_zero()).then_some(today),
                additional: true,
                ..Commitment::default()
            };
            // The least that is still more than today's pace.
            let step = Decimal::new(1, dp);
            let least = pace.round_dp_with_strategy(dp, RoundingStrategy::ToZero) + step;
            match credible(&mut work, &c, least, asked, step) {
                Sizing::AsAsked(band) => out.drafts.push(Draft {
                    commitment: c.clone(),
                    band,
                    sized: None,
                }),
                Sizing::Down(q, band, why) => {
                    c.quantity = Some(q);
                    out.drafts.push(Draft {
                        commitment: c.clone(),
                        band,
                        sized: Some(format!(
                            "{} rather than {}: {why}",
                            figure(q, Some(&m.unit)),
                            figure(asked, Some(&m.unit))
                        )),
                    });
                }
                Sizing::None(why) => {
                    out.skipped.push(Skipped {
                        measure: m.id.clone(),
                        reason: format!(
                            "even {}, the least above today's pace, is not credible: {why}",
                            figure(least, Some(&m.unit))
                        ),
                    });
                    continue;
                }
            }
            work.offer.commitments.push(c);
            taken.insert(id);
        }
    }
    Ok(out)
}

enum Sizing {
    AsAsked(Option<Band>),
    Down(Decimal, Option<Band>, String),
    None(String),
}

/// Scores `work` with `c` at `quantity`: its band, or why it is not credible.
fn trial(
    work: &mut OfferDocument,
    c: &Commitment,
    quantity: Decimal,
) -> Result<Option<Band>, String> {
    let mut c = c.clone();
    c.quantity = Some(quantity);
    work.offer.commitments.push(c.clone());
    let report = score::score(work);
    work.offer.commitments.pop();
    let Some(s) = report.commitments.into_iter().find(|s| s.id == c.id) else {
        return Ok(None);
    };
    if s.credible {
        Ok(s.band)
    } else {
        Err(s
            .not_credible
            .iter()
            .map(|n| n.reason.clone())
            .collect::<Vec<_>>()
            .join("; "))
    }
}

/// The most of `c`, from `least` to `asked` in steps of `step`, that the
/// self-score finds credible: found by halving, since a larger quantity is
/// never more credible.
fn credible(
    work: &mut OfferDocument,
    c: &Commitment,
    least: Decimal,
    asked: Decimal,
    step: Decimal,
) -> Sizing {
    let why = match trial(work, c, asked) {
        Ok(band) => return Sizing::AsAsked(band),
        Err(why) => why,
    };
    if least >= asked {
        return Sizing::None(why);
    }
    if let Err(why_least) = trial(work, c, least) {
        return Sizing::None(why_least);
    }
    let dp = step.scale();
    let (mut good, mut bad) = (least, asked);
    while bad - good > step {
        let mid =
            ((good + bad) / Decimal::TWO).round_dp_with_strategy(dp, RoundingStrategy::ToZero);
        if mid <= good || mid >= bad {
            break;
        }
        match trial(work, c, mid) {
            Ok(_) => good = mid,
            Err(_) => bad = mid,
        }
    }
    let band = trial(work, c, good).ok().flatten();
    Sizing::Down(good, band, why)
}
