//! The arguments of the UI's commands, as the UI sends them (keys in
//! camelCase). Domain values (a plan, a commitment, an offer in memory)
//! arrive as JSON and are read by the same rules as a file
//! ([`crate::files::from_value`]), so a refusal names the field.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::ops::contracts::ReportFormat;
use crate::ops::exports::Export;

/// No arguments.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// An offer's, a tender's or an evidence item's id in the store.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Id {
    /// The id.
    pub id: i64,
}

/// A plan's id.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlanId {
    /// The plan's id, a slug.
    pub id: String,
}

/// A backup, by its file name in the backups folder.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileName {
    /// `offerwright-2026-05-01-093000-daily.sqlite3`.
    pub file_name: String,
}

/// A plan to store.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SavePlan {
    /// The plan.
    #[ts(as = "crate::domain::Plan")]
    pub plan: Value,
}

/// A new tender against a plan.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTender {
    /// The plan it is scored against.
    pub plan_id: String,
    /// The tender.
    #[ts(as = "crate::domain::Tender")]
    pub tender: Value,
}

/// A tender's new details.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UpdateTender {
    /// The tender's id.
    pub id: i64,
    /// The tender.
    #[ts(as = "crate::domain::Tender")]
    pub tender: Value,
}

/// A new offer for a tender.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateOffer {
    /// The tender it answers.
    pub tender_id: i64,
    /// Who bids.
    #[ts(as = "crate::domain::Bidder")]
    pub bidder: Value,
}

/// An offer's bidder.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetBidder {
    /// The offer's id.
    pub id: i64,
    /// Who bids.
    #[ts(as = "crate::domain::Bidder")]
    pub bidder: Value,
}

/// The answer to one question.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetAnswer {
    /// The offer's id.
    pub id: i64,
    /// The question's id.
    pub question: String,
    /// The answer, in Markdown.
    pub text: String,
}

/// A commitment to add or replace.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PutCommitment {
    /// The offer's id.
    pub id: i64,
    /// The commitment.
    #[ts(as = "crate::domain::Commitment")]
    pub commitment: Value,
}

/// A commitment to remove.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RemoveCommitment {
    /// The offer's id.
    pub id: i64,
    /// The commitment's id.
    pub commitment: String,
}

/// An export of an offer.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportOffer {
    /// The offer's id.
    pub id: i64,
    /// What to write.
    pub export: Export,
}

/// An offer in memory, with its plan and tender (the editor's, unsaved).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DocumentArgs {
    /// The offer document.
    #[ts(as = "crate::domain::OfferDocument")]
    pub doc: Value,
}

/// An offer in memory and the user's answers to its interview.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DiscoveryArgs {
    /// The offer document.
    #[ts(as = "crate::domain::OfferDocument")]
    pub doc: Value,
    /// The answers, by question id: numbers, true or false, or text.
    #[ts(type = "Record<string, number | boolean | string>")]
    pub answers: Value,
}

/// Hot topics' weights as typed (a plan being written).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// The weights, in order; a text that is not a decimal counts for nothing.
    pub weights: Vec<String>,
}

/// Figures and moments to be written for the screen, in order.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    /// What to write; a value that cannot be read is given back as it is.
    pub figures: Vec<Shown>,
}

/// One figure or moment as the core writes it for people.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Shown {
    /// A GBP amount: "£480,000.00".
    Gbp {
        /// A decimal.
        value: String,
    },
    /// A decimal as written, thousands grouped: "60,000", "2.5".
    Number {
        /// A decimal.
        value: String,
    },
    /// A figure with its unit: "3 people", "£2,400.00" for a unit that is money.
    Figure {
        /// A decimal.
        value: String,
        /// Its unit, if any.
        unit: Option<String>,
        /// A figure worked out (a target, a pro rata amount): to two places at most.
        worked_out: bool,
    },
    /// A date: "21 November 2026".
    Date {
        /// YYYY-MM-DD.
        value: String,
    },
    /// A date in a table: "21 Nov 2026".
    ShortDate {
        /// YYYY-MM-DD.
        value: String,
    },
    /// A moment in the user's time: "21 Nov 2026, 09:30".
    Time {
        /// RFC 3339.
        value: String,
    },
    /// How long ago a moment was: "5 minutes ago", "yesterday".
    Ago {
        /// RFC 3339.
        value: String,
    },
    /// A file's size: "96 KB".
    Size {
        /// Bytes.
        bytes: u64,
    },
}

impl Shown {
    /// The value as the UI sent it: what is shown when it cannot be read.
    pub fn as_given(&self) -> String {
        match self {
            Shown::Gbp { value }
            | Shown::Number { value }
            | Shown::Figure { value, .. }
            | Shown::Date { value }
            | Shown::ShortDate { value }
            | Shown::Time { value }
            | Shown::Ago { value } => value.clone(),
            Shown::Size { bytes } => bytes.to_string(),
        }
    }
}

/// Where a won offer stands.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StatusArgs {
    /// The offer's id.
    pub id: i64,
    /// At the end of this period; today when null.
    pub period: Option<u32>,
}

/// The periods a won offer's screen opens on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContractCalendar {
    /// The period to report on: the last that has ended, or the first.
    pub report_period: u32,
    /// The period that holds today, while the contract runs.
    pub current_period: Option<u32>,
    /// How many periods have ended by today: a period numbered at most
    /// this has ended.
    pub ended_periods: u32,
}

/// Marking an offer as won.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AwardOffer {
    /// The offer's id.
    pub id: i64,
    /// The contract's start and how often it is reported.
    #[ts(as = "crate::store::contracts::Award")]
    pub award: Value,
}

/// One period's figures.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RecordDelivery {
    /// The offer's id.
    pub id: i64,
    /// The period.
    pub period: u32,
    /// A figure per commitment that changed.
    #[ts(as = "Vec<crate::store::contracts::NewRecord>")]
    pub records: Vec<Value>,
}

/// A progress report to save.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportReport {
    /// The offer's id.
    pub id: i64,
    /// The period; null for the end-of-contract summary.
    pub period: Option<u32>,
    /// PDF or spreadsheet.
    pub format: ReportFormat,
}

/// An evidence item to store.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveEvidence {
    /// The item's id; null for a new item.
    pub id: Option<i64>,
    /// The item.
    #[ts(as = "crate::domain::Evidence")]
    pub item: Value,
}

/// A workshop pack to make.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreatePack {
    /// The mock tender, stored (its plan comes with it).
    pub tender_id: i64,
    /// The pack's title; blank for "Workshop: <tender>".
    pub title: String,
    /// The trainer's instructions, in Markdown.
    pub instructions: String,
    /// A stored offer for this tender, as the model offer.
    pub model_offer: Option<i64>,
}

/// Whether a comparison names the participants.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Anonymise {
    /// Letters instead of names.
    pub anonymise: bool,
}

/// A debrief output of the workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WorkshopOutput {
    /// The handout PDF.
    Handout,
    /// Every score as CSV.
    Scores,
}

/// A debrief output to save.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportWorkshop {
    /// The handout or the scores.
    pub output: WorkshopOutput,
    /// Letters instead of names.
    pub anonymise: bool,
}

/// A participant's new offer.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StartOffer {
    /// The participant's organisation: the bidder's name.
    pub participant: String,
}
