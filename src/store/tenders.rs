//! Tenders in the store, each linked to the plan it is scored against.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::{Result, StoreError, date_in, date_out, date_req, dec_req, found, now};
use crate::domain::{Question, Tender};
use crate::files::validate_tender;

/// A stored tender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TenderRecord {
    /// Its id in this store.
    pub id: i64,
    /// The plan it is scored against.
    pub plan_id: String,
    /// The tender.
    pub tender: Tender,
}

/// A line of the tenders list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TenderSummary {
    /// Its id in this store.
    pub id: i64,
    /// The plan it is scored against.
    pub plan_id: String,
    /// Its title.
    pub title: String,
    /// The buyer.
    pub buyer: String,
    /// The buyer's reference.
    pub reference: String,
    /// The deadline, `YYYY-MM-DD`.
    pub deadline: String,
    /// How many offers answer it.
    pub offers: i64,
}

/// Stores a new tender for a stored plan and returns its id.
pub fn insert(tx: &Transaction, plan_id: &str, tender: &Tender) -> Result<i64> {
    validate_tender(tender)?;
    if !super::plans::exists(tx, plan_id)? {
        return Err(StoreError::NotFound {
            what: "plan",
            id: plan_id.to_owned(),
        });
    }
    let at = now();
    tx.execute(
        "INSERT INTO tenders (plan_id, title, buyer, reference, deadline, contract_value,
                              contract_start, duration_months, social_value_weighting,
                              created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            plan_id,
            tender.title,
            tender.buyer,
            tender.reference,
            crate::domain::fields::format_date(tender.deadline),
            tender.contract_value.to_string(),
            date_out(tender.contract_start),
            tender.duration_months,
            tender.social_value_weighting.to_string(),
            at,
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_questions(tx, id, &tender.questions)?;
    Ok(id)
}

fn insert_questions(tx: &Transaction, tender_id: i64, questions: &[Question]) -> Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO questions (tender_id, position, id, text, word_limit, char_limit, marks)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, q) in questions.iter().enumerate() {
        stmt.execute(params![
            tender_id,
            super::position(i),
            q.id,
            q.text,
            q.word_limit,
            q.char_limit,
            q.marks.to_string()
        ])?;
    }
    Ok(())
}

/// Replaces a stored tender's details and questions, refusing to drop a
/// question that an offer has answered.
pub fn update(tx: &Transaction, id: i64, tender: &Tender) -> Result<()> {
    validate_tender(tender)?;
    let mut answered = tx.prepare(
        "SELECT DISTINCT a.question, a.offer_id FROM answers a
         JOIN offers o ON o.id = a.offer_id WHERE o.tender_id = ?1",
    )?;
    let rows = answered.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (question, offer) = row?;
        if tender.question(&question).is_none() {
            return Err(StoreError::Conflict(format!(
                "offer {offer} answers the question {question:?}, which the changed tender no longer has: keep the question, or delete that answer first"
            )));
        }
    }
    let changed = tx.execute(
        "UPDATE tenders SET title = ?2, buyer = ?3, reference = ?4, deadline = ?5,
             contract_value = ?6, contract_start = ?7, duration_months = ?8,
             social_value_weighting = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            tender.title,
            tender.buyer,
            tender.reference,
            crate::domain::fields::format_date(tender.deadline),
            tender.contract_value.to_string(),
            date_out(tender.contract_start),
            tender.duration_months,
            tender.social_value_weighting.to_string(),
            now(),
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "tender",
            id: id.to_string(),
        });
    }
    tx.execute("DELETE FROM questions WHERE tender_id = ?1", [id])?;
    insert_questions(tx, id, &tender.questions)
}

/// Deletes a tender that no offer answers.
pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    let offers: i64 = tx.query_row(
        "SELECT count(*) FROM offers WHERE tender_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if offers > 0 {
        return Err(StoreError::Conflict(format!(
            "tender {id} has {offers} offer(s): delete them first"
        )));
    }
    if tx.execute("DELETE FROM tenders WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound {
            what: "tender",
            id: id.to_string(),
        });
    }
    Ok(())
}

/// Reads a stored tender with its questions.
pub fn get(conn: &Connection, id: i64) -> Result<TenderRecord> {
    let row = found(
        conn.query_row(
            "SELECT plan_id, title, buyer, reference, deadline, contract_value, contract_start,
                    duration_months, social_value_weighting
             FROM tenders WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, u32>(7)?,
                    r.get::<_, String>(8)?,
                ))
            },
        ),
        "tender",
        id,
    )?;
    let (plan_id, title, buyer, reference, deadline, value, start, months, weighting) = row;
    let mut stmt = conn.prepare(
        "SELECT id, text, word_limit, char_limit, marks FROM questions
         WHERE tender_id = ?1 ORDER BY position",
    )?;
    let questions = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<u32>>(2)?,
                r.get::<_, Option<u32>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .map(|row| {
            let (id, text, word_limit, char_limit, marks) = row?;
            Ok(Question {
                id,
                text,
                word_limit,
                char_limit,
                marks: dec_req(&marks)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(TenderRecord {
        id,
        plan_id,
        tender: Tender {
            title,
            buyer,
            reference,
            deadline: date_req(&deadline)?,
            contract_value: dec_req(&value)?,
            contract_start: date_in(start)?,
            duration_months: months,
            social_value_weighting: dec_req(&weighting)?,
            questions,
        },
    })
}

/// Finds a stored tender for `plan_id` equal to `tender`, field for field.
pub fn find_equal(conn: &Connection, plan_id: &str, tender: &Tender) -> Result<Option<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM tenders WHERE plan_id = ?1 AND reference = ?2 AND title = ?3 ORDER BY id",
    )?;
    let ids = stmt
        .query_map(params![plan_id, tender.reference, tender.title], |r| {
            r.get::<_, i64>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for id in ids {
        if get(conn, id)?.tender == *tender {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Every tender, latest deadline first.
pub fn list(conn: &Connection) -> Result<Vec<TenderSummary>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.plan_id, t.title, t.buyer, t.reference, t.deadline,
                (SELECT count(*) FROM offers o WHERE o.tender_id = t.id)
         FROM tenders t ORDER BY t.deadline DESC, t.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TenderSummary {
            id: r.get(0)?,
            plan_id: r.get(1)?,
            title: r.get(2)?,
            buyer: r.get(3)?,
            reference: r.get(4)?,
            deadline: r.get(5)?,
            offers: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
