//! A plan's place entries: those that join two names ("Caerfyrddin /
//! Carmarthen"), and splitting them into one entry per name, as both faces
//! offer it.

use rusqlite::Connection;

use crate::domain::{JoinedPlace, Plan};
use crate::error::UserError;
use crate::store::{Store, plans};

/// The stored plan's place entries that join two or more names.
pub fn joined_places(conn: &Connection, id: &str) -> Result<Vec<JoinedPlace>, UserError> {
    Ok(plans::get(conn, id)?.joined_places())
}

/// A plan after its joined place entries were split.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The plan as stored now.
    pub plan: Plan,
    /// The entries that were split (none when there was nothing to do).
    pub joined: Vec<JoinedPlace>,
}

/// Splits each joined place entry of a stored plan into one entry per
/// name, in one transaction.
pub fn split_places(store: &mut Store, id: &str) -> Result<Split, UserError> {
    Ok(store.write(|tx| {
        let mut plan = plans::get(tx, id)?;
        let joined = plan.joined_places();
        plan.split_joined_places();
        plans::save(tx, &plan)?;
        Ok(Split { plan, joined })
    })?)
}
