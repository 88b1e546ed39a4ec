//! The won-offer lock: the one guard every write and deletion of an offer
//! passes. A won offer is kept as it was submitted ([`ensure_open`]) and is
//! deleted only on purpose ([`ensure_not_won`],
//! [`super::contracts::delete_won`]); the triggers of migration 3 are the
//! backstop for any write that does not pass here.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::{Result, StoreError, date_req};

/// The day an offer was marked as won, if it was.
pub fn awarded_on(conn: &Connection, offer_id: i64) -> Result<Option<NaiveDate>> {
    conn.query_row(
        "SELECT awarded_on FROM contracts WHERE offer_id = ?1",
        [offer_id],
        |r| r.get::<_, String>(0),
    )
    .optional()?
    .map(|s| date_req(&s))
    .transpose()
}

/// Refuses to delete a won offer by the way: [`delete_won`] does it on purpose.
pub fn ensure_not_won(conn: &Connection, offer_id: i64) -> Result<()> {
    match awarded_on(conn, offer_id)? {
        None => Ok(()),
        Some(awarded_on) => Err(StoreError::Won {
            offer: offer_id,
            awarded_on,
            records: record_count(conn, offer_id)?,
        }),
    }
}

fn record_count(conn: &Connection, offer_id: i64) -> Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM delivery_records WHERE offer_id = ?1",
        [offer_id],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Refuses a change to a won offer: it is kept as submitted.
pub fn ensure_open(conn: &Connection, offer_id: i64) -> Result<()> {
    match awarded_on(conn, offer_id)? {
        None => Ok(()),
        Some(day) => Err(StoreError::Conflict(format!(
            "this offer was marked as won on {}: it is kept as it was submitted, so it cannot be changed; record what is delivered in its Delivery tab",
            crate::money::uk_date(day)
        ))),
    }
}
