//! A tender: the buyer's invitation, with its social value questions.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields;

/// A public-sector tender and its social value questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Tender {
    /// The tender's title, e.g. "School meals, primary schools".
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub title: String,
    /// The buying organisation.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub buyer: String,
    /// The buyer's reference for the tender.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub reference: String,
    /// The submission deadline.
    #[serde(deserialize_with = "fields::date", serialize_with = "fields::ser_date")]
    #[schemars(with = "String", extend("format" = "date"))]
    #[ts(type = "string")]
    pub deadline: NaiveDate,
    /// The contract's value in GBP, greater than 0.
    #[serde(
        deserialize_with = "fields::decimal",
        serialize_with = "fields::ser_decimal"
    )]
    #[schemars(with = "String", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string")]
    pub contract_value: Decimal,
    /// When the contract starts; not before the deadline.
    #[serde(
        default,
        deserialize_with = "fields::opt_date",
        serialize_with = "fields::ser_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    #[ts(type = "string | null")]
    pub contract_start: Option<NaiveDate>,
    /// The contract's length in months, from 1 to 600.
    #[serde(deserialize_with = "fields::months")]
    #[schemars(range(min = 1, max = 600))]
    pub duration_months: u32,
    /// Social value's share of the total marks, in per cent: more than 0, at most 100.
    #[serde(
        deserialize_with = "fields::decimal",
        serialize_with = "fields::ser_decimal"
    )]
    #[schemars(with = "String", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string")]
    pub social_value_weighting: Decimal,
    /// The social value questions.
    pub questions: Vec<Question>,
}

/// One social value question of a tender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question's id, unique in the tender.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub id: String,
    /// The question as the buyer asks it.
    #[serde(deserialize_with = "fields::long_name")]
    #[schemars(length(min = 1, max = 200000))]
    pub text: String,
    /// The most words an answer may have.
    #[serde(
        default,
        deserialize_with = "fields::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub word_limit: Option<u32>,
    /// The most characters an answer may have, for portals that count them.
    #[serde(
        default,
        deserialize_with = "fields::opt_count",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(range(min = 1))]
    pub char_limit: Option<u32>,
    /// The marks the question carries, greater than 0.
    #[serde(
        deserialize_with = "fields::decimal",
        serialize_with = "fields::ser_decimal"
    )]
    #[schemars(with = "String", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string")]
    pub marks: Decimal,
}

/// The last day of a contract of `months` calendar months from `start`: the
/// day before start plus `months` (clamped to a month's last day where that
/// day does not exist), or `start` itself for a contract that ends where it
/// begins.
pub fn last_day(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
        .pred_opt()
        .unwrap_or(start)
        .max(start)
}

impl Tender {
    /// The first day of the contract window: the contract start, or else the deadline.
    pub fn window_start(&self) -> NaiveDate {
        self.contract_start.unwrap_or(self.deadline)
    }

    /// The last day of the contract window: start plus `duration_months`
    /// calendar months, clamped to the month's last day where needed.
    pub fn window_end(&self) -> NaiveDate {
        let start = self.window_start();
        start
            .checked_add_months(Months::new(self.duration_months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The contract's last day: the day before start plus `duration_months`
    /// (a 36-month contract from 1 September 2027 ends on 31 August 2030).
    /// Every document and screen gives this end; only the score's T check
    /// keeps its own window ([`Tender::window_end`]).
    pub fn last_day(&self) -> NaiveDate {
        last_day(self.window_start(), self.duration_months)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
