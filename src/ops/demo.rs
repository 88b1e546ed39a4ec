//! The demo, and the first run: a store opened by the app for the first
//! time gets the demo offer, once (a flag kept in the store says it was
//! given), so a user who empties the store does not get it back.

use crate::samples::{self, DURHAM_SAMPLE, Demo};
use crate::store::{self, Store};

/// Creates the demo tender and offer against the County Durham sample plan
/// (restoring the sample plans first if they were deleted).
pub fn create_demo(store: &mut Store) -> store::Result<Demo> {
    store.write(|tx| {
        store::plans::add_samples(tx)?;
        let tender_id = store::tenders::insert(tx, DURHAM_SAMPLE, &samples::demo_tender())?;
        let offer_id = store::offers::insert(tx, tender_id, &samples::demo_offer())?;
        Ok(Demo {
            tender_id,
            offer_id,
        })
    })
}

/// On the app's first run on a store, adds the demo offer and notes in the
/// store that it was given: the demo is added once, however the store is
/// emptied later. Returns the demo when it was added now.
pub fn first_run(store: &mut Store) -> store::Result<Option<Demo>> {
    if store::settings::get(store.conn(), store::settings::DEMO_GIVEN)?.is_some() {
        return Ok(None);
    }
    let demo = create_demo(store)?;
    store.write(|tx| store::settings::set(tx, store::settings::DEMO_GIVEN, "yes"))?;
    Ok(Some(demo))
}
