//! The words for the product's fixed lists, as the UI offers and shows
//! them: each value with its label, in the order they are offered.

use serde::Serialize;
use ts_rs::TS;

use crate::delivery::Status;
use crate::domain::{BidderKind, EvidenceRefKind, Frequency};
use crate::score::Band;
use crate::text::sentence;

/// A value of a fixed list and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice {
    /// The value as files and commands write it: "social_enterprise".
    pub value: String,
    /// Its words: "Social enterprise".
    pub label: String,
}

/// Every fixed list the UI shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choices {
    /// The kinds of bidder.
    pub bidder_kinds: Vec<Choice>,
    /// Where a commitment stands in delivery, in the order they are counted.
    pub statuses: Vec<Choice>,
    /// How often the buyer asks for a report, shortest first.
    pub frequencies: Vec<Choice>,
    /// The kinds of reference to evidence a delivery record can carry.
    pub evidence_kinds: Vec<Choice>,
    /// The evaluators' bands, by number ("0" to "5"): "No response"... "Excellent".
    pub bands: Vec<Choice>,
}

fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.to_owned(),
        label: sentence(label),
    }
}

/// The lists, from the core's own words for each value.
pub fn choices() -> Choices {
    Choices {
        bidder_kinds: BidderKind::ALL
            .iter()
            .map(|k| choice(k.as_str(), k.label()))
            .collect(),
        statuses: Status::ALL
            .iter()
            .map(|s| choice(s.as_str(), s.label()))
            .collect(),
        frequencies: Frequency::ALL
            .iter()
            .map(|f| choice(f.as_str(), f.label()))
            .collect(),
        evidence_kinds: EvidenceRefKind::ALL
            .iter()
            .map(|k| choice(k.as_str(), k.asked_as()))
            .collect(),
        bands: Band::ALL
            .iter()
            .map(|b| choice(&b.number().to_string(), b.word()))
            .collect(),
    }
}
