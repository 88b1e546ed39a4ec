//! The self-score report: every figure of the model with its reason in
//! plain words, ready for the terminal, the app and the review PDF.
//!
//! Exact figures are [`Decimal`]s, written to JSON as strings so that no
//! digit is lost; the `*_text` fields are the same figures rounded for
//! display, half away from zero.

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::fields::{ser_decimal, ser_opt_decimal};

/// The self-score of one offer against its plan and tender.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Report {
    /// The version of the scoring model (`docs/scoring.md`) the report follows.
    pub model_version: u32,
    /// The tender's social value weighting: the marks social value is worth.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub weighting: Decimal,
    /// The hot topics' part of the score: the sum of `s x band / 5`, from 0 to 1.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub hot_topic_score: Decimal,
    /// The innovation credit.
    pub innovation: Innovation,
    /// The score S: hot topics plus innovation, at most 1.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub score: Decimal,
    /// Whether S reached the ceiling of 1 (and was cut to it).
    pub capped: bool,
    /// The projected social value marks, `S x weighting`, exact.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub projected_marks: Decimal,
    /// The projected marks as shown, e.g. "7.4 of 10".
    pub projected_marks_text: String,
    /// Each hot topic of the plan, in the plan's order.
    pub hot_topics: Vec<HotTopicScore>,
    /// Each commitment of the offer, in the offer's order.
    pub commitments: Vec<CommitmentScore>,
    /// Each question of the tender, in the tender's order.
    pub answers: Vec<AnswerCheck>,
    /// Things to look at that are not a failing check: commitments out of
    /// proportion to the contract, references the plan does not know.
    pub flags: Vec<Flag>,
    /// What to do, text errors first, then by marks to gain, largest first.
    pub fixes: Vec<Fix>,
    /// The offer's social value in GBP at the buyer's proxy values.
    pub social_value: SocialValue,
    /// That this is an aid, not a promise of marks.
    pub disclaimer: String,
}

/// A band of the evaluators' 0-5 scale; written to JSON as its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(into = "u8")]
#[ts(type = "number")]
pub enum Band {
    /// 0: nothing to score.
    NoResponse,
    /// 1: an intention, or a mention, not yet a commitment.
    Poor,
    /// 2: measurable or dated, not both.
    Weak,
    /// 3: measurable and dated, with some of the rest.
    Satisfactory,
    /// 4: nearly everything an evaluator looks for.
    Good,
    /// 5: everything an evaluator looks for, as a firm promise.
    Excellent,
}

impl Band {
    /// Every band, from 0 to 5.
    pub const ALL: [Band; 6] = [
        Band::NoResponse,
        Band::Poor,
        Band::Weak,
        Band::Satisfactory,
        Band::Good,
        Band::Excellent,
    ];

    /// The band's number, 0 to 5.
    pub fn number(self) -> u8 {
        match self {
            Band::NoResponse => 0,
            Band::Poor => 1,
            Band::Weak => 2,
            Band::Satisfactory => 3,
            Band::Good => 4,
            Band::Excellent => 5,
        }
    }

    /// The evaluators' word for it: "No response", "Poor"... "Excellent".
    pub fn word(self) -> &'static str {
        match self {
            Band::NoResponse => "No response",
            Band::Poor => "Poor",
            Band::Weak => "Weak",
            Band::Satisfactory => "Satisfactory",
            Band::Good => "Good",
            Band::Excellent => "Excellent",
        }
    }

    /// Number and word, as the app shows a band: "4 Good".
    pub fn label(self) -> String {
        format!("{} {}", self.number(), self.word())
    }
}

impl From<Band> for u8 {
    fn from(band: Band) -> u8 {
        band.number()
    }
}

/// A numbered rule of the model (docs/scoring.md): P, the test of
/// proportion, and R1-R15 (R4 was tried and withdrawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
pub enum Rule {
    /// P: worth more than half the contract at the buyer's proxy value.
    P,
    /// R1: counts where its measure belongs; an unclear fit stops at 2.
    R1,
    /// R2: business as usual stops at 2.
    R2,
    /// R3: more people than ten times the team is not credible.
    R3,
    /// R5: a mention needs the title's own words.
    R5,
    /// R6: nothing after the word limit is read.
    R6,
    /// R7: band 4 needs a linked measure (and a local place), band 5 a baseline.
    R7,
    /// R8: outside a place-based hot topic's area stops at 2.
    R8,
    /// R9: more jobs than one per GBP 25,000 of the contract is not credible.
    R9,
    /// R10: a placeholder makes a commitment unfinished, an answer a draft.
    R10,
    /// R11: more than 37.5 hours a year of each employee is not credible.
    R11,
    /// R12: more money than half the contract is not credible.
    R12,
    /// R13: two or more not-credible commitments hold every hot topic at 2.
    R13,
    /// R14: filed under another hot topic, a commitment stops at 3.
    R14,
    /// R15: a hedged promise stops at 2.
    R15,
}

impl Rule {
    /// Its id as the model writes it: "P", "R1"... "R15".
    pub fn id(self) -> &'static str {
        match self {
            Rule::P => "P",
            Rule::R1 => "R1",
            Rule::R2 => "R2",
            Rule::R3 => "R3",
            Rule::R5 => "R5",
            Rule::R6 => "R6",
            Rule::R7 => "R7",
            Rule::R8 => "R8",
            Rule::R9 => "R9",
            Rule::R10 => "R10",
            Rule::R11 => "R11",
            Rule::R12 => "R12",
            Rule::R13 => "R13",
            Rule::R14 => "R14",
            Rule::R15 => "R15",
        }
    }
}

/// A cap that stops a commitment below the band its checks give it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Cap {
    /// The rule.
    pub rule: Rule,
    /// The band it stops at.
    #[ts(type = "number")]
    pub stops_at: Band,
    /// Why, in plain words, with the figures.
    pub reason: String,
}

/// A hold that stops a hot topic at a band whatever its commitments set.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Hold {
    /// R10 (a draft answer mentions it) or R13 (out of proportion).
    pub rule: Rule,
    /// The band it holds the hot topic at.
    #[ts(type = "number")]
    pub stops_at: Band,
    /// Why, in plain words.
    pub reason: String,
}

/// One reason a commitment is not credible, with its figures.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NotCredible {
    /// P, R12, R3, R9 or R11.
    pub rule: Rule,
    /// The figures: "60 people is more than 10 times the bidder's 4 employees".
    pub reason: String,
}

/// One of the seven checks on a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// M: a quantity greater than 0, in a known unit.
    Measurable,
    /// T: a date inside the contract.
    TimeBound,
    /// L: in the local area, where the hot topic asks for a place.
    Local,
    /// O: a named owner.
    Owned,
    /// K: a KPI and a reporting frequency.
    Monitored,
    /// E: evidence that the bidder can deliver it.
    Evidenced,
    /// A: beyond the contract's requirements and the bidder's baseline.
    Additional,
}

impl Check {
    /// The seven checks in the model's order, M T L O K E A.
    pub const ALL: [Check; 7] = [
        Check::Measurable,
        Check::TimeBound,
        Check::Local,
        Check::Owned,
        Check::Monitored,
        Check::Evidenced,
        Check::Additional,
    ];

    /// The check's letter: M, T, L, O, K, E or A.
    pub fn letter(self) -> char {
        match self {
            Check::Measurable => 'M',
            Check::TimeBound => 'T',
            Check::Local => 'L',
            Check::Owned => 'O',
            Check::Monitored => 'K',
            Check::Evidenced => 'E',
            Check::Additional => 'A',
        }
    }

    /// The check's name in plain words: "measurable", "time-bound"...
    pub fn name(self) -> &'static str {
        match self {
            Check::Measurable => "measurable",
            Check::TimeBound => "time-bound",
            Check::Local => "local",
            Check::Owned => "owned",
            Check::Monitored => "monitored",
            Check::Evidenced => "evidenced",
            Check::Additional => "additional",
        }
    }

    /// The check's position in [`Check::ALL`].
    pub fn index(self) -> usize {
        match self {
            Check::Measurable => 0,
            Check::TimeBound => 1,
            Check::Local => 2,
            Check::Owned => 3,
            Check::Monitored => 4,
            Check::Evidenced => 5,
            Check::Additional => 6,
        }
    }
}

/// A field of a commitment, for a fix to point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// What will be done.
    What,
    /// How it will be delivered.
    How,
    /// How much.
    Quantity,
    /// What is counted.
    Unit,
    /// The plan's measure it is counted in.
    Measure,
    /// By when.
    By,
    /// Where.
    Where,
    /// Who benefits.
    Beneficiaries,
    /// Who is accountable.
    Owner,
    /// How it is measured.
    Kpi,
    /// How often it is reported.
    Reporting,
    /// Evidence of past delivery.
    Evidence,
    /// Whether it goes beyond the contract.
    Additional,
    /// What the bidder delivers today.
    Baseline,
}

/// The result of one check on one commitment.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CheckResult {
    /// Which check.
    pub check: Check,
    /// Whether the commitment passes it.
    pub passed: bool,
    /// Why, in plain words.
    pub reason: String,
    /// The field that decides it (the one to change when it fails).
    pub field: Field,
}

/// Where a hedging phrase was found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Place {
    /// In the answer to a question.
    Answer {
        /// The question's id.
        question: String,
    },
    /// In a commitment's `what` or `how`.
    Commitment {
        /// The commitment's id.
        id: String,
        /// [`Field::What`] or [`Field::How`].
        field: Field,
    },
}

/// A hedging phrase: words that sound like a promise but are not one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Hedge {
    /// The phrase as the model lists it, e.g. "where possible".
    pub phrase: String,
    /// The phrase as written in the text.
    pub written: String,
    /// Where it is.
    pub place: Place,
    /// Its offset in the text, in characters from the start.
    #[ts(type = "number")]
    pub offset: usize,
    /// A short excerpt around it.
    pub excerpt: String,
    /// Whether it is one of the model's phrases (list H), which stop a
    /// commitment at band 2; the others are warnings only.
    pub counts_for_band: bool,
}

/// How one commitment scores.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CommitmentScore {
    /// The commitment's id.
    pub id: String,
    /// The hot topic it counts for (R1): where its measure belongs, else the
    /// one it is filed under; none for an innovation.
    pub hot_topic: Option<String>,
    /// The hot topic it is filed under, if the plan has it.
    pub filed_under: Option<String>,
    /// The seven checks, in the order M T L O K E A.
    pub checks: Vec<CheckResult>,
    /// How many of them it passes.
    pub passed: u8,
    /// The hedging phrases in its `what` and `how`.
    pub hedges: Vec<Hedge>,
    /// Whether one of the model's hedging phrases (list H) is in them.
    pub hedged: bool,
    /// The placeholders and notes to self in its fields (R10).
    pub placeholders: Vec<String>,
    /// Its value in GBP at the buyer's proxy value, where its measure has one.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub value: Option<Decimal>,
    /// False when a test of P, R12, R3, R9 or R11 finds it out of
    /// proportion: it is flagged and never sets a band.
    pub credible: bool,
    /// Why it is not credible, in the model's order; empty when credible.
    pub not_credible: Vec<NotCredible>,
    /// The tests that could not run because the bidder's number of
    /// employees is not given (R3, R11).
    pub untested: Vec<Rule>,
    /// The band its checks alone give it; none when not credible.
    #[ts(type = "number | null")]
    pub raw_band: Option<Band>,
    /// The caps below its raw band, lowest first.
    pub caps: Vec<Cap>,
    /// The band it sets: its raw band stopped at its caps; none when not
    /// credible.
    #[ts(type = "number | null")]
    pub band: Option<Band>,
    /// Why it gets that band (or earns innovation credit), in plain words.
    pub band_reason: String,
    /// Whether it earns innovation credit.
    pub innovation: bool,
}

/// How the band of a hot topic was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BandSource {
    /// A credible commitment set it.
    Commitment,
    /// No credible commitment, but the answers mention the hot topic.
    Mentioned,
    /// Its only commitments are out of proportion to the contract.
    OnlyNotCredible,
    /// Nothing at all.
    Nothing,
}

/// The words the *mentioned* rule looked for in the answers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Mention {
    /// The distinct words of four letters or more in the hot topic's title
    /// that are not generic or local (R5).
    pub words: Vec<String>,
    /// Those found in the answers.
    pub found: Vec<String>,
    /// How many must be found: half, rounded up.
    #[ts(type = "number")]
    pub needed: usize,
}

/// How one hot topic scores.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HotTopicScore {
    /// The hot topic's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The id of its theme.
    pub theme: String,
    /// Its weight in the plan.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub weight: Decimal,
    /// Its share of all weights, `s`, from 0 to 1.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub share: Decimal,
    /// Its band, 0 to 5, after the holds.
    #[ts(type = "number")]
    pub band: Band,
    /// The holds that lowered its band (R10, R13).
    pub held_by: Vec<Hold>,
    /// The band's word, e.g. "Satisfactory".
    pub band_word: String,
    /// How the band was decided.
    pub source: BandSource,
    /// The commitment that set the band.
    pub set_by: Option<String>,
    /// Why it has that band, in plain words.
    pub reason: String,
    /// Whether the answers mention it.
    pub mentioned: bool,
    /// The words looked for.
    pub mention: Mention,
    /// The commitments linked to it, in the offer's order.
    pub commitments: Vec<String>,
    /// The marks it earns: `s x band / 5 x weighting`.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub marks: Decimal,
    /// The marks it would earn at band 5.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub max_marks: Decimal,
    /// Its marks as shown: "2.0 of 2.0".
    pub marks_text: String,
}

/// Credit for commitments outside the hot topics.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Innovation {
    /// The commitments that earn it, in the offer's order.
    pub commitments: Vec<String>,
    /// What each earns, 0.02.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub each: Decimal,
    /// The most all of them earn, 0.10.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub cap: Decimal,
    /// The credit earned, capped: added to S.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub credit: Decimal,
    /// The credit in marks: `credit x weighting`.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub marks: Decimal,
    /// The credit in marks as shown: "0.2 marks".
    pub marks_text: String,
}

/// A count against its limit, as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Counted {
    /// "612 / 750 words", or "612 words" without a limit.
    pub label: String,
    /// Over the limit.
    pub over: bool,
    /// What being over means and what to do, when over.
    pub warning: Option<String>,
}

/// The checks on the answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AnswerCheck {
    /// The question's id.
    pub question: String,
    /// Whether it has an answer that is given (not empty, not "TBC").
    pub answered: bool,
    /// Its words, counted as section 4 of the model says.
    pub words: u32,
    /// The question's word limit.
    pub word_limit: Option<u32>,
    /// How many words over the limit (0 when within it).
    pub words_over: u32,
    /// Its characters, for portals that count them.
    pub chars: u32,
    /// The question's character limit.
    pub char_limit: Option<u32>,
    /// How many characters over that limit (0 when within it).
    pub chars_over: u32,
    /// The words against the limit, as the editor shows them.
    pub words_count: Counted,
    /// The characters against the limit, as the editor shows them.
    pub chars_count: Counted,
    /// Errors to put right before submitting, in plain words.
    pub errors: Vec<String>,
    /// The hedging phrases in it, each a warning.
    pub hedges: Vec<Hedge>,
    /// The placeholders and notes to self in it (R10): a draft.
    pub placeholders: Vec<String>,
    /// Where the self-score stops reading it (R6), in characters from the
    /// start; none when it reads all of it.
    #[ts(type = "number | null")]
    pub read_to: Option<usize>,
}

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A commitment worth more than half the contract value.
    NotCredible,
    /// A commitment names a hot topic the plan does not have.
    UnknownHotTopic,
    /// A commitment names a measure the plan does not have.
    UnknownMeasure,
    /// S reached 1: more commitments cannot raise the marks.
    ScoreCapped,
    /// A test could not run because the bidder's number of employees is
    /// not given.
    EmployeesMissing,
}

/// Something to look at that is not a failing check.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Flag {
    /// What it is about.
    pub kind: FlagKind,
    /// The commitment concerned.
    pub commitment: Option<String>,
    /// The figure concerned, in GBP (a not-credible commitment's value).
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub figure: Option<Decimal>,
    /// What it means and what to do, in plain words.
    pub message: String,
}

/// What a fix is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FixKind {
    /// A question with no answer (a text error).
    Unanswered,
    /// An answer over its word limit (a text error).
    OverWordLimit,
    /// An answer over its character limit (a text error).
    OverCharLimit,
    /// An answer with placeholders in it (a text error, R10).
    DraftAnswer,
    /// Two or more commitments not credible (R13).
    OutOfProportion,
    /// A commitment that counts for another hot topic (R14).
    FiledElsewhere,
    /// A commitment out of proportion to the contract or the team.
    NotCredible,
    /// A commitment whose fit with its hot topic is unclear (R1).
    UnclearFit,
    /// A commitment no more than today's rate (R2).
    BusinessAsUsual,
    /// A commitment that cannot be checked for band 4 or 5 (R7).
    NeedsProof,
    /// A commitment outside the buyer's area (R8).
    OutsideArea,
    /// A commitment with a placeholder in it (R10).
    Unfinished,
    /// A commitment hedged with "where possible", "aim to"... (R15).
    HedgedCommitment,
    /// A failing check on a commitment.
    FailingCheck,
    /// A hot topic with no commitment.
    MissingHotTopic,
}

impl FixKind {
    /// Whether it is a text error, which comes before every other fix.
    pub fn is_text_error(self) -> bool {
        matches!(
            self,
            FixKind::Unanswered
                | FixKind::OverWordLimit
                | FixKind::OverCharLimit
                | FixKind::DraftAnswer
        )
    }
}

/// Where the app takes the user to make a fix.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum FixTarget {
    /// The answer to a question, at a character offset where there is one.
    Answer {
        /// The question's id.
        question: String,
        /// The offset in the answer, in characters.
        offset: Option<usize>,
    },
    /// A field of a commitment.
    Commitment {
        /// The commitment's id.
        id: String,
        /// The field.
        field: Field,
    },
    /// A commitment to move to the hot topic it counts for.
    MoveCommitment {
        /// The commitment's id.
        id: String,
        /// The hot topic to file it under.
        hot_topic: String,
    },
    /// A hot topic (to add a commitment to it).
    HotTopic {
        /// The hot topic's id.
        id: String,
    },
}

/// One thing to do, with the marks it could gain.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Fix {
    /// What it is about.
    pub kind: FixKind,
    /// The check it makes pass, for a failing check.
    pub check: Option<Check>,
    /// The rule it answers, for a cap, a hold or a not-credible test.
    pub rule: Option<Rule>,
    /// What to do, in plain words: "Add who is responsible for c2".
    pub action: String,
    /// What to do and what it gains, in plain words:
    /// "Add who is responsible for c2: +0.6 marks".
    pub text: String,
    /// The marks it could gain (0 for text errors and warnings).
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub gain: Decimal,
    /// The gain as shown, "+0.6 marks" ("+0.04 marks" when small); none
    /// when it gains nothing.
    pub gain_text: Option<String>,
    /// Whether it is a text error, which comes before every other fix.
    pub error: bool,
    /// Where to make it.
    pub target: FixTarget,
}

/// One commitment's value at the buyer's proxy value.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CommitmentValue {
    /// The commitment's id.
    pub commitment: String,
    /// The measure's id.
    pub measure: String,
    /// The measure's name.
    pub measure_name: String,
    /// The quantity promised.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// The unit it is counted in.
    pub unit: String,
    /// The buyer's value of one unit, in GBP.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub proxy_value: Decimal,
    /// Where the buyer's proxy value comes from.
    pub proxy_source: String,
    /// `quantity x proxy_value`, in GBP, exact.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub value: Decimal,
    /// False when it is more than half the contract value.
    pub credible: bool,
    /// The theme it counts under; none for the innovation line.
    pub theme: Option<String>,
}

/// The value of one theme, or of the innovation line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ThemeValue {
    /// The theme's id; none for commitments with no hot topic.
    pub theme: Option<String>,
    /// The theme's name, or "Innovation (no hot topic)".
    pub name: String,
    /// The total, in GBP, exact.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub value: Decimal,
    /// The proxy sources behind it.
    pub sources: Vec<String>,
}

/// The offer's social value in GBP at the buyer's proxy values.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SocialValue {
    /// Each commitment that has a value, in the offer's order.
    pub commitments: Vec<CommitmentValue>,
    /// The total per theme, in the plan's order, then the innovation line.
    pub themes: Vec<ThemeValue>,
    /// The total, in GBP; none when no commitment has a value.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub total: Option<Decimal>,
    /// The part of the total from commitments flagged as not credible.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub not_credible: Decimal,
    /// The total as a percentage of the contract value, exact.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub ratio_percent: Option<Decimal>,
    /// The ratio as shown, to one decimal place: "14.3%".
    pub ratio_text: Option<String>,
    /// The total as shown: "£68,800.00".
    pub total_text: Option<String>,
    /// Every proxy source used, in first use order.
    pub sources: Vec<String>,
}
