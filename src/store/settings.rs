//! Facts about the store itself, kept in it: what the app has done once
//! (gave the demo on its first run), so that it is not guessed from the
//! data.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::Result;

/// The demo offer was given on the app's first run (or the store is older
/// than this setting, and had its first run already).
pub const DEMO_GIVEN: &str = "demo_given";

/// The value of `key`, if it is set.
pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Sets `key` to `value`.
pub fn set(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
