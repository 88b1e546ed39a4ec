//! A workshop pack: what a trainer hands every participant of a bid-writing
//! workshop (the plan, the mock tender, the instructions and, if the trainer
//! has one, a model offer).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Offer, OfferDocument, Plan, Tender, fields};

/// A workshop pack, as a `*.svworkshop.json` file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// The workshop's title, e.g. "Bid writing for social value, Durham".
    pub title: String,
    /// The trainer's instructions to participants, in Markdown.
    pub instructions: String,
    /// The plan the participants write against.
    pub plan: Plan,
    /// The mock tender.
    pub tender: Tender,
    /// The trainer's model offer: the exemplar of the debrief.
    pub model_offer: Option<Offer>,
}

impl Workshop {
    /// The model offer with the pack's plan and tender, ready to score.
    pub fn model_document(&self) -> Option<OfferDocument> {
        self.model_offer.as_ref().map(|offer| OfferDocument {
            plan: self.plan.clone(),
            tender: self.tender.clone(),
            offer: offer.clone(),
        })
    }

    /// A new offer document against the pack's plan and tender.
    pub fn document(&self, offer: Offer) -> OfferDocument {
        OfferDocument {
            plan: self.plan.clone(),
            tender: self.tender.clone(),
            offer,
        }
    }

    /// Whether `doc` answers this pack: the same tender, field for field, and
    /// the same plan, its id aside (a store that already holds another plan
    /// under that id imports the pack's plan under a new one).
    pub fn answered_by(&self, doc: &OfferDocument) -> bool {
        doc.tender == self.tender && same_plan(&doc.plan, &self.plan)
    }
}

/// Two plans equal in everything but their ids.
pub fn same_plan(a: &Plan, b: &Plan) -> bool {
    a.id == b.id || {
        let mut a = a.clone();
        a.id.clone_from(&b.id);
        a == *b
    }
}

/// The fields of a workshop pack besides its plan, tender and model offer,
/// read by the file's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkshopHead {
    /// The workshop's title.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub title: String,
    /// The trainer's instructions to participants, in Markdown (may be empty).
    #[serde(deserialize_with = "fields::long")]
    #[schemars(length(max = 200000))]
    pub instructions: String,
}
