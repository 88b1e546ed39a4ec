//! An offer: the bidder, its answers, and its commitments.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields;
use super::plan::is_false;

/// What kind of organisation the bidder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum BidderKind {
    /// A micro business (fewer than 10 people).
    Micro,
    /// A small or medium-sized enterprise.
    Sme,
    /// A social enterprise (CIC, co-operative...).
    SocialEnterprise,
    /// A registered charity.
    Charity,
    /// A large organisation.
    Large,
}

impl BidderKind {
    /// Every kind, in the order the files document them.
    pub const ALL: [BidderKind; 5] = [
        BidderKind::Micro,
        BidderKind::Sme,
        BidderKind::SocialEnterprise,
        BidderKind::Charity,
        BidderKind::Large,
    ];

    /// The kind as written in files and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            BidderKind::Micro => "micro",
            BidderKind::Sme => "sme",
            BidderKind::SocialEnterprise => "social_enterprise",
            BidderKind::Charity => "charity",
            BidderKind::Large => "large",
        }
    }

    /// The kind written as `s`, if any.
    pub fn parse(s: &str) -> Option<BidderKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind in plain words.
    pub fn label(self) -> &'static str {
        match self {
            BidderKind::Micro => "micro business",
            BidderKind::Sme => "small or medium-sized enterprise",
            BidderKind::SocialEnterprise => "social enterprise",
            BidderKind::Charity => "charity",
            BidderKind::Large => "large organisation",
        }
    }
}

/// The organisation making the offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Bidder {
    /// The organisation's name.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub name: String,
    /// What kind of organisation it is.
    #[serde(
        default,
        deserialize_with = "opt_kind",
        skip_serializing_if = "Option::is_none"
    )]
    pub kind: Option<BidderKind>,
    /// How many people it employs.
    #[serde(
        default,
        deserialize_with = "opt_employees",
        skip_serializing_if = "Option::is_none"
    )]
    pub employees: Option<u32>,
    /// Where it is based.
    #[serde(
        default,
        deserialize_with = "fields::opt_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub location: Option<String>,
}

fn opt_kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<BidderKind>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    s.map(|s| {
        BidderKind::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected one of micro, sme, social_enterprise, charity, large; found {}",
                fields::quoted(&s)
            ))
        })
    })
    .transpose()
}

fn opt_employees<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let n = Option::<serde_json::Value>::deserialize(d)?;
    match n {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) if n.as_u64().is_some() => {
            u32::try_from(n.as_u64().unwrap_or_default())
                .map(Some)
                .map_err(|_| {
                    serde::de::Error::custom(format!(
                        "expected a whole number of people, found {n}"
                    ))
                })
        }
        Some(other) => Err(serde::de::Error::custom(format!(
            "expected a whole number of 0 or more, found {other}"
        ))),
    }
}

/// The written answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The id of the question it answers.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub question: String,
    /// The answer, in Markdown: paragraphs, **bold**, bullet lists; quotes
    /// and lists nested at most 16 deep.
    #[serde(deserialize_with = "fields::markdown")]
    #[schemars(length(max = 200000))]
    pub text: String,
}

/// One promise of the offer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// The commitment's id, unique in the offer.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub id: String,
    /// The hot topic it serves; none for an innovation.
    #[serde(
        default,
        deserialize_with = "fields::opt_slug",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub hot_topic: Option<String>,
    /// The plan's measure it is counted in.
    #[serde(
        default,
        deserialize_with = "fields::opt_slug",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub measure: Option<String>,
    /// What will be done.
    #[serde(deserialize_with = "fields::long_name")]
    #[schemars(length(min = 1, max = 200000))]
    pub what: String,
    /// How much, in `unit` (or the measure's unit).
    #[serde(
        default,
        deserialize_with = "fields::opt_decimal",
        serialize_with = "fields::ser_opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string | null")]
    pub quantity: Option<Decimal>,
    /// What is counted.
    #[serde(
        default,
        deserialize_with = "fields::opt_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub unit: Option<String>,
    /// The date by which it will be done.
    #[serde(
        default,
        deserialize_with = "fields::opt_date",
        serialize_with = "fields::ser_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    #[ts(type = "string | null")]
    pub by: Option<NaiveDate>,
    /// Where it will happen.
    #[serde(
        default,
        deserialize_with = "fields::opt_short",
        skip_serializing_if = "Option::is_none"
    )]
    pub r#where: Option<String>,
    /// Who benefits.
    #[serde(
        default,
        deserialize_with = "fields::opt_short",
        skip_serializing_if = "Option::is_none"
    )]
    pub beneficiaries: Option<String>,
    /// How it will be delivered.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub how: Option<String>,
    /// Who is accountable for it.
    #[serde(
        default,
        deserialize_with = "fields::opt_short",
        skip_serializing_if = "Option::is_none"
    )]
    pub owner: Option<String>,
    /// How it is measured.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub kpi: Option<String>,
    /// How often it is reported, e.g. "quarterly".
    #[serde(
        default,
        deserialize_with = "fields::opt_short",
        skip_serializing_if = "Option::is_none"
    )]
    pub reporting: Option<String>,
    /// Evidence that the bidder can deliver it.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub evidence: Option<String>,
    /// How much of the same unit the bidder already delivers in a year.
    #[serde(
        default,
        deserialize_with = "fields::opt_decimal",
        serialize_with = "fields::ser_opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string | null")]
    pub baseline: Option<Decimal>,
    /// Whether it goes beyond the contract's core requirements.
    #[serde(
        default,
        deserialize_with = "fields::flag",
        skip_serializing_if = "is_false"
    )]
    pub additional: bool,
}

/// A supplier's social value offer: bidder, answers and commitments.
///
/// The plan and tender it answers are held beside it (see
/// [`crate::domain::OfferDocument`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Who makes the offer.
    pub bidder: Bidder,
    /// One answer per question at most, in the tender's order or the writer's.
    #[serde(default, deserialize_with = "fields::list")]
    pub answers: Vec<Answer>,
    /// The promises.
    #[serde(default, deserialize_with = "fields::list")]
    pub commitments: Vec<Commitment>,
}

impl Offer {
    /// The answer to the question with this id.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question)
    }

    /// The commitment with this id.
    pub fn commitment(&self, id: &str) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.id == id)
    }
}
