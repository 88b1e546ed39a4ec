//! Importing plan and offer files into the store, and starting an offer
//! from a workshop pack: whole or not at all.

use serde::Serialize;
use ts_rs::TS;

use super::{Result, Store, StoreError};
use crate::domain::Delivery;
use crate::domain::{Bidder, Offer, OfferDocument, Plan, Workshop};
use crate::files::{read_offer_with_delivery, read_plan};

/// What importing an offer file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedOffer {
    /// The new offer's id.
    pub offer_id: i64,
    /// The tender it answers (new or already stored).
    pub tender_id: i64,
    /// The plan it is scored against (new or already stored).
    pub plan_id: String,
    /// Whether the plan was added by this import.
    pub plan_added: bool,
    /// Whether the tender was added by this import.
    pub tender_added: bool,
    /// Whether the file carried a won contract and its delivery records.
    pub won: bool,
}

/// Imports a plan file. With `replace`, a stored plan with the same id is
/// replaced; without it, a different plan with that id is refused (the same
/// plan again is accepted and changes nothing).
pub fn import_plan(store: &mut Store, bytes: &[u8], replace: bool) -> Result<Plan> {
    let plan = read_plan(bytes)?;
    store.write(|tx| {
        if super::plans::exists(tx, &plan.id)? {
            if super::plans::get(tx, &plan.id)? == plan {
                return Ok(());
            }
            if !replace {
                return Err(StoreError::Conflict(format!(
                    "a different plan with the id {:?} is already in the store: import with --replace to replace it, or change the id in the file",
                    plan.id
                )));
            }
            super::plans::replace(tx, &plan)
        } else {
            super::plans::insert(tx, &plan)
        }
    })?;
    Ok(plan)
}

/// Imports an offer file: its plan and tender are reused when the store
/// holds them already, field for field, and added otherwise; a plan whose id
/// is taken by a different plan is added under a new id (`id-2`, `id-3`...).
/// A won offer's file brings its contract and every delivery record.
pub fn import_offer(store: &mut Store, bytes: &[u8]) -> Result<ImportedOffer> {
    let (doc, delivery) = read_offer_with_delivery(bytes)?;
    import_document(store, doc, delivery)
}

/// Starts a participant's offer from a workshop pack: the pack's plan and
/// tender are reused or added as for an offer file, and a new offer from
/// `participant` (the bidder's name), with no answers or commitments yet,
/// is added against them.
pub fn start_workshop_offer(
    store: &mut Store,
    pack: &Workshop,
    participant: &str,
) -> Result<ImportedOffer> {
    let doc = pack.document(Offer {
        bidder: Bidder {
            name: participant.trim().to_owned(),
            kind: None,
            employees: None,
            location: None,
        },
        answers: Vec::new(),
        commitments: Vec::new(),
    });
    crate::files::recheck(&doc.offer, "")?;
    import_document(store, doc, None)
}

/// Adds an offer document: its plan and tender reused or added, then the offer.
fn import_document(
    store: &mut Store,
    mut doc: OfferDocument,
    delivery: Option<Delivery>,
) -> Result<ImportedOffer> {
    store.write(|tx| {
        let mut plan_added = false;
        let base = doc.plan.id.clone();
        let mut n = 1;
        loop {
            if !super::plans::exists(tx, &doc.plan.id)? {
                super::plans::insert(tx, &doc.plan)?;
                plan_added = true;
                break;
            }
            if super::plans::get(tx, &doc.plan.id)? == doc.plan {
                break;
            }
            n += 1;
            doc.plan.id = format!("{base}-{n}");
        }
        let (tender_id, tender_added) =
            match super::tenders::find_equal(tx, &doc.plan.id, &doc.tender)? {
                Some(id) => (id, false),
                None => (super::tenders::insert(tx, &doc.plan.id, &doc.tender)?, true),
            };
        let offer_id = super::offers::insert(tx, tender_id, &doc.offer)?;
        if let Some(delivery) = &delivery {
            let submitted = super::offers::document(tx, offer_id)?;
            super::contracts::insert(tx, offer_id, &submitted, delivery)?;
        }
        Ok(ImportedOffer {
            offer_id,
            tender_id,
            plan_id: doc.plan.id.clone(),
            plan_added,
            tender_added,
            won: delivery.is_some(),
        })
    })
}
