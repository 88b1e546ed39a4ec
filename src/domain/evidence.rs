//! The evidence library: case studies and past-delivery figures a bidder
//! keeps and cites from commitment to commitment, tender to tender.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields;

/// What kind of evidence an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A short story of something delivered, with its outcome.
    CaseStudy,
    /// A figure delivered in a past period ("12 apprentices in 2025").
    PastDelivery,
}

impl EvidenceKind {
    /// The kind as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::CaseStudy => "case_study",
            EvidenceKind::PastDelivery => "past_delivery",
        }
    }

    /// The kind stored as `s`, if any.
    pub fn parse(s: &str) -> Option<EvidenceKind> {
        [EvidenceKind::CaseStudy, EvidenceKind::PastDelivery]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One reusable piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Case study or past-delivery figure.
    pub kind: EvidenceKind,
    /// A short title, e.g. "Apprentices hired in 2025".
    pub title: String,
    /// The story or the detail behind the figure.
    pub body: String,
    /// The figure delivered, for past delivery.
    #[serde(
        default,
        serialize_with = "fields::ser_opt_decimal",
        deserialize_with = "fields::opt_decimal"
    )]
    #[ts(type = "string | null")]
    pub quantity: Option<Decimal>,
    /// What the figure counts.
    #[serde(default)]
    pub unit: Option<String>,
    /// When it was delivered (the end of the period).
    #[serde(
        default,
        serialize_with = "fields::ser_opt_date",
        deserialize_with = "fields::opt_date"
    )]
    #[ts(type = "string | null")]
    pub delivered_on: Option<NaiveDate>,
    /// Where it can be checked: a report, a link, a contact.
    #[serde(default)]
    pub source: Option<String>,
}

impl Evidence {
    /// The text a commitment's `evidence` field takes when it cites this item:
    /// "Apprentices hired in 2025: 12 apprentices by 31 December 2025 (2025 impact report).";
    /// an item with no figure cites its story: "From volunteer to head cook: Sam joined...".
    pub fn citation(&self) -> String {
        let mut text = self.title.trim().trim_end_matches('.').to_owned();
        if let Some(q) = self.quantity {
            text.push_str(": ");
            text.push_str(&crate::money::figure(q, self.unit.as_deref()));
            if let Some(d) = self.delivered_on {
                text.push_str(&format!(" by {}", crate::money::UkDate(d)));
            }
        } else if !self.body.trim().is_empty() {
            // A story with no figure: the story is what backs the commitment.
            text.push_str(": ");
            text.push_str(self.body.trim().trim_end_matches('.'));
        }
        if let Some(source) = self.source.as_deref().filter(|s| !s.trim().is_empty()) {
            text.push_str(&format!(" ({})", source.trim()));
        }
        text.push('.');
        text
    }
}
