//! The domain: plain types for plans, tenders, offers, evidence and
//! workshop packs.
//!
//! These types are the meaning of the interchange files (their serde
//! attributes are the file formats of `docs/formats.md`, and the JSON
//! Schemas in `docs/` are generated from them) and of the store. Money and
//! every other exact quantity is a [`rust_decimal::Decimal`]; dates are
//! [`chrono::NaiveDate`].
//!
//! To add a field: add it here with its serde attributes, then to the store
//! (a migration in `store/migrations.rs` and the table's module), then
//! regenerate the schemas (`cargo test` says how when they are stale).

mod delivery;
mod evidence;
pub mod fields;
mod offer;
mod plan;
mod tender;
mod workshop;

pub use delivery::{Delivery, DeliveryRecord, EvidenceRef, EvidenceRefKind, Frequency, Period};
pub use evidence::{Evidence, EvidenceKind};
pub use offer::{Answer, Bidder, BidderKind, Commitment, Offer};
pub use plan::{HotTopic, JoinedPlace, Measure, Plan, Source, Theme};
pub use tender::{Question, Tender};
pub use workshop::{Workshop, WorkshopHead, same_plan};

/// An offer with the plan and tender it answers: everything needed to read,
/// score and export it, on this machine or another.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct OfferDocument {
    /// The buyer's plan.
    pub plan: Plan,
    /// The tender.
    pub tender: Tender,
    /// The offer.
    pub offer: Offer,
}
