//! The evidence library in the store.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::{Result, StoreError, date_in, date_out, dec_in, dec_out, found, now};
use crate::domain::fields::{LONG_TEXT_MAX, SHORT_TEXT_MAX};
use crate::domain::{Evidence, EvidenceKind};
use crate::files::FileError;

/// A stored evidence item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EvidenceRecord {
    /// Its id in this store.
    pub id: i64,
    /// The item.
    pub evidence: Evidence,
    /// When it was last changed, RFC 3339.
    pub updated_at: String,
    /// What citing it writes in a commitment's evidence ([`Evidence::citation`]).
    pub citation: String,
}

fn check(e: &Evidence) -> Result<()> {
    let too_long = |field: &str, text: &str, max: usize| -> Result<()> {
        let len = text.chars().count();
        if len > max {
            return Err(FileError::Invalid {
                at: format!("evidence.{field}"),
                message: format!("expected at most {max} characters, found {len}"),
            }
            .into());
        }
        Ok(())
    };
    if e.title.trim().is_empty() {
        return Err(FileError::Invalid {
            at: "evidence.title".to_owned(),
            message: "expected a title, found nothing".to_owned(),
        }
        .into());
    }
    too_long("title", &e.title, SHORT_TEXT_MAX)?;
    too_long("body", &e.body, LONG_TEXT_MAX)?;
    too_long("unit", e.unit.as_deref().unwrap_or(""), SHORT_TEXT_MAX)?;
    too_long("source", e.source.as_deref().unwrap_or(""), SHORT_TEXT_MAX)?;
    if e.quantity
        .is_some_and(|q| q.is_sign_negative() && !q.is_zero())
    {
        return Err(FileError::Invalid {
            at: "evidence.quantity".to_owned(),
            message: "expected a figure of 0 or more".to_owned(),
        }
        .into());
    }
    Ok(())
}

/// Stores a new evidence item; returns its id.
pub fn insert(tx: &Transaction, e: &Evidence) -> Result<i64> {
    check(e)?;
    tx.execute(
        "INSERT INTO evidence (kind, title, body, quantity, unit, delivered_on, source,
                               created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            e.kind.as_str(),
            e.title,
            e.body,
            dec_out(e.quantity),
            e.unit,
            date_out(e.delivered_on),
            e.source,
            now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Replaces a stored evidence item.
pub fn update(tx: &Transaction, id: i64, e: &Evidence) -> Result<()> {
    check(e)?;
    let changed = tx.execute(
        "UPDATE evidence SET kind = ?2, title = ?3, body = ?4, quantity = ?5, unit = ?6,
             delivered_on = ?7, source = ?8, updated_at = ?9
         WHERE id = ?1",
        params![
            id,
            e.kind.as_str(),
            e.title,
            e.body,
            dec_out(e.quantity),
            e.unit,
            date_out(e.delivered_on),
            e.source,
            now()
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "evidence item",
            id: id.to_string(),
        });
    }
    Ok(())
}

/// Deletes an evidence item. Commitments that cited it keep their text.
pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    if tx.execute("DELETE FROM evidence WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound {
            what: "evidence item",
            id: id.to_string(),
        });
    }
    Ok(())
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

fn record(row: Row) -> Result<EvidenceRecord> {
    let (id, kind, title, body, quantity, unit, delivered_on, source, updated_at) = row;
    let evidence = Evidence {
        kind: EvidenceKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("evidence kind {kind:?}")))?,
        title,
        body,
        quantity: dec_in(quantity)?,
        unit,
        delivered_on: date_in(delivered_on)?,
        source,
    };
    Ok(EvidenceRecord {
        id,
        citation: evidence.citation(),
        evidence,
        updated_at,
    })
}

const COLUMNS: &str = "id, kind, title, body, quantity, unit, delivered_on, source, updated_at";

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
    ))
}

/// Reads one evidence item.
pub fn get(conn: &Connection, id: i64) -> Result<EvidenceRecord> {
    let r = found(
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM evidence WHERE id = ?1"),
            [id],
            row,
        ),
        "evidence item",
        id,
    )?;
    record(r)
}

/// The whole library, by title.
pub fn list(conn: &Connection) -> Result<Vec<EvidenceRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM evidence ORDER BY title COLLATE NOCASE, id"
    ))?;
    let rows = stmt
        .query_map([], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(record).collect()
}
