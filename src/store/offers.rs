//! Offers in the store: the bidder, answers and commitments of an offer,
//! linked to the tender (and through it the plan) it answers.
//!
//! Besides whole-offer reads and writes there are the small writes an editor
//! makes as the user types ([`set_answer`], [`put_commitment`],
//! [`set_bidder`]): each is one short transaction, checked by the rules of
//! the offer file.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::{Result, StoreError, date_in, date_out, dec_in, dec_out, found, now};
use crate::domain::{Answer, Bidder, BidderKind, Commitment, Offer, OfferDocument};
use crate::files::{FileError, recheck};

/// A stored offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfferRecord {
    /// Its id in this store.
    pub id: i64,
    /// The tender it answers.
    pub tender_id: i64,
    /// The offer.
    pub offer: Offer,
    /// When it was created, RFC 3339.
    pub created_at: String,
    /// When it was last changed, RFC 3339.
    pub updated_at: String,
}

/// A stored offer as the editor opens it: the offer with its plan and
/// tender, and where it sits in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfferView {
    /// Its id in this store.
    pub id: i64,
    /// The tender it answers.
    pub tender_id: i64,
    /// The offer, its plan and its tender.
    pub document: OfferDocument,
    /// When it was last changed, RFC 3339.
    pub updated_at: String,
    /// The day it was marked as won, if it was: it is then kept as
    /// submitted.
    #[serde(serialize_with = "crate::domain::fields::ser_opt_date")]
    #[ts(type = "string | null")]
    pub awarded_on: Option<chrono::NaiveDate>,
}

/// A line of the offers list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfferSummary {
    /// Its id in this store.
    pub id: i64,
    /// The tender it answers.
    pub tender_id: i64,
    /// The tender's title.
    pub tender_title: String,
    /// The buyer.
    pub buyer: String,
    /// The tender's reference.
    pub reference: String,
    /// The plan it is scored against.
    pub plan_id: String,
    /// The bidder's name.
    pub bidder: String,
    /// How many commitments it has.
    pub commitments: i64,
    /// When it was last changed, RFC 3339.
    pub updated_at: String,
    /// The day it was marked as won, `YYYY-MM-DD`, if it was.
    pub awarded_on: Option<String>,
}

fn check_offer(tx: &Transaction, tender_id: i64, offer: &Offer) -> Result<()> {
    recheck(offer, "")?;
    let tender = super::tenders::get(tx, tender_id)?;
    let plan = super::plans::get(tx, &tender.plan_id)?;
    crate::files::validate_offer(&OfferDocument {
        plan,
        tender: tender.tender,
        offer: offer.clone(),
    })?;
    Ok(())
}

/// Stores a new offer answering a stored tender; returns its id.
pub fn insert(tx: &Transaction, tender_id: i64, offer: &Offer) -> Result<i64> {
    check_offer(tx, tender_id, offer)?;
    let at = now();
    tx.execute(
        "INSERT INTO offers (tender_id, bidder_name, bidder_kind, bidder_employees,
                             bidder_location, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            tender_id,
            offer.bidder.name,
            offer.bidder.kind.map(BidderKind::as_str),
            offer.bidder.employees,
            offer.bidder.location,
            at,
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_children(tx, id, offer)?;
    Ok(id)
}

fn write_children(tx: &Transaction, id: i64, offer: &Offer) -> Result<()> {
    let mut answer = tx.prepare(
        "INSERT INTO answers (offer_id, position, question, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, a) in offer.answers.iter().enumerate() {
        answer.execute(params![id, super::position(i), a.question, a.text])?;
    }
    for (i, c) in offer.commitments.iter().enumerate() {
        insert_commitment(tx, id, super::position(i), c)?;
    }
    Ok(())
}

/// Replaces a stored offer's bidder, answers and commitments with `offer`.
pub fn replace(tx: &Transaction, id: i64, offer: &Offer) -> Result<()> {
    super::won::ensure_open(tx, id)?;
    let tender_id = tender_of(tx, id)?;
    check_offer(tx, tender_id, offer)?;
    write_bidder(tx, id, &offer.bidder)?;
    tx.execute("DELETE FROM answers WHERE offer_id = ?1", [id])?;
    tx.execute("DELETE FROM commitments WHERE offer_id = ?1", [id])?;
    write_children(tx, id, offer)
}

fn tender_of(conn: &Connection, id: i64) -> Result<i64> {
    found(
        conn.query_row("SELECT tender_id FROM offers WHERE id = ?1", [id], |r| {
            r.get(0)
        }),
        "offer",
        id,
    )
}

fn touch(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE offers SET updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

fn write_bidder(tx: &Transaction, id: i64, bidder: &Bidder) -> Result<()> {
    let changed = tx.execute(
        "UPDATE offers SET bidder_name = ?2, bidder_kind = ?3, bidder_employees = ?4,
             bidder_location = ?5, updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            bidder.name,
            bidder.kind.map(BidderKind::as_str),
            bidder.employees,
            bidder.location,
            now()
        ],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "offer",
            id: id.to_string(),
        });
    }
    Ok(())
}

/// Changes the bidder of an offer.
pub fn set_bidder(tx: &Transaction, id: i64, bidder: &Bidder) -> Result<()> {
    super::won::ensure_open(tx, id)?;
    recheck(bidder, "bidder")?;
    write_bidder(tx, id, bidder)
}

/// Sets the answer to one question (adding it after the others if new).
pub fn set_answer(tx: &Transaction, id: i64, question: &str, text: &str) -> Result<()> {
    super::won::ensure_open(tx, id)?;
    let tender_id = tender_of(tx, id)?;
    recheck(
        &Answer {
            question: question.to_owned(),
            text: text.to_owned(),
        },
        "answer",
    )?;
    let known = tx
        .query_row(
            "SELECT 1 FROM questions WHERE tender_id = ?1 AND id = ?2",
            params![tender_id, question],
            |_| Ok(()),
        )
        .optional()?;
    if known.is_none() {
        return Err(FileError::Invalid {
            at: "answer.question".to_owned(),
            message: format!("the tender has no question with the id {question:?}"),
        }
        .into());
    }
    tx.execute(
        "INSERT INTO answers (offer_id, position, question, text)
         VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM answers WHERE offer_id = ?1), ?2, ?3)
         ON CONFLICT (offer_id, question) DO UPDATE SET text = excluded.text",
        params![id, question, text],
    )?;
    touch(tx, id)
}

/// Adds a commitment at the end, or replaces the one with the same id in place.
pub fn put_commitment(tx: &Transaction, id: i64, commitment: &Commitment) -> Result<()> {
    super::won::ensure_open(tx, id)?;
    let tender_id = tender_of(tx, id)?;
    recheck(commitment, "commitment")?;
    let plan_id: String = tx.query_row(
        "SELECT plan_id FROM tenders WHERE id = ?1",
        [tender_id],
        |r| r.get(0),
    )?;
    for (table, field, value) in [
        ("hot_topics", "hot_topic", &commitment.hot_topic),
        ("measures", "measure", &commitment.measure),
    ] {
        let Some(value) = value else { continue };
        let known = tx
            .query_row(
                &format!("SELECT 1 FROM {table} WHERE plan_id = ?1 AND id = ?2"),
                params![plan_id, value],
                |_| Ok(()),
            )
            .optional()?;
        if known.is_none() {
            return Err(FileError::Invalid {
                at: format!("commitment.{field}"),
                message: format!("the plan {plan_id:?} has no {field} with the id {value:?}"),
            }
            .into());
        }
    }
    let position: Option<i64> = tx
        .query_row(
            "SELECT position FROM commitments WHERE offer_id = ?1 AND id = ?2",
            params![id, commitment.id],
            |r| r.get(0),
        )
        .optional()?;
    let position = match position {
        Some(p) => {
            tx.execute(
                "DELETE FROM commitments WHERE offer_id = ?1 AND id = ?2",
                params![id, commitment.id],
            )?;
            p
        }
        None => tx.query_row(
            "SELECT coalesce(max(position), -1) + 1 FROM commitments WHERE offer_id = ?1",
            [id],
            |r| r.get(0),
        )?,
    };
    insert_commitment(tx, id, position, commitment)?;
    touch(tx, id)
}

/// Removes a commitment from an offer.
pub fn remove_commitment(tx: &Transaction, id: i64, commitment_id: &str) -> Result<()> {
    super::won::ensure_open(tx, id)?;
    let removed = tx.execute(
        "DELETE FROM commitments WHERE offer_id = ?1 AND id = ?2",
        params![id, commitment_id],
    )?;
    if removed == 0 {
        return Err(StoreError::NotFound {
            what: "commitment",
            id: format!("{commitment_id} in offer {id}"),
        });
    }
    touch(tx, id)
}

fn insert_commitment(tx: &Transaction, id: i64, position: i64, c: &Commitment) -> Result<()> {
    tx.execute(
        "INSERT INTO commitments (offer_id, position, id, hot_topic, measure, what, quantity,
                                  unit, by_date, place, beneficiaries, how, owner, kpi,
                                  reporting, evidence, baseline, additional)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            id,
            position,
            c.id,
            c.hot_topic,
            c.measure,
            c.what,
            dec_out(c.quantity),
            c.unit,
            date_out(c.by),
            c.r#where,
            c.beneficiaries,
            c.how,
            c.owner,
            c.kpi,
            c.reporting,
            c.evidence,
            dec_out(c.baseline),
            c.additional,
        ],
    )?;
    Ok(())
}

/// Deletes an offer with its answers and commitments. A won offer is
/// refused ([`StoreError::Won`]): [`super::contracts::delete_won`] deletes
/// one on purpose, after a backup.
pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    super::won::ensure_not_won(tx, id)?;
    if tx.execute("DELETE FROM offers WHERE id = ?1", [id])? == 0 {
        return Err(StoreError::NotFound {
            what: "offer",
            id: id.to_string(),
        });
    }
    Ok(())
}

/// Reads a stored offer.
pub fn get(conn: &Connection, id: i64) -> Result<OfferRecord> {
    let row = found(
        conn.query_row(
            "SELECT tender_id, bidder_name, bidder_kind, bidder_employees, bidder_location,
                    created_at, updated_at
             FROM offers WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<u32>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            },
        ),
        "offer",
        id,
    )?;
    let (tender_id, name, kind, employees, location, created_at, updated_at) = row;
    let kind = kind
        .map(|k| BidderKind::parse(&k).ok_or_else(|| StoreError::Corrupt(format!("kind {k:?}"))))
        .transpose()?;

    let mut stmt =
        conn.prepare("SELECT question, text FROM answers WHERE offer_id = ?1 ORDER BY position")?;
    let answers = stmt
        .query_map([id], |r| {
            Ok(Answer {
                question: r.get(0)?,
                text: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut stmt = conn.prepare(
        "SELECT id, hot_topic, measure, what, quantity, unit, by_date, place, beneficiaries,
                how, owner, kpi, reporting, evidence, baseline, additional
         FROM commitments WHERE offer_id = ?1 ORDER BY position",
    )?;
    let raw = stmt
        .query_map([id], |r| {
            Ok((
                Commitment {
                    id: r.get(0)?,
                    hot_topic: r.get(1)?,
                    measure: r.get(2)?,
                    what: r.get(3)?,
                    unit: r.get(5)?,
                    r#where: r.get(7)?,
                    beneficiaries: r.get(8)?,
                    how: r.get(9)?,
                    owner: r.get(10)?,
                    kpi: r.get(11)?,
                    reporting: r.get(12)?,
                    evidence: r.get(13)?,
                    additional: r.get(15)?,
                    ..Commitment::default()
                },
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(14)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let commitments = raw
        .into_iter()
        .map(|(mut c, quantity, by, baseline)| {
            c.quantity = dec_in(quantity)?;
            c.by = date_in(by)?;
            c.baseline = dec_in(baseline)?;
            Ok(c)
        })
        .collect::<Result<Vec<_>>>()?;

    Ok(OfferRecord {
        id,
        tender_id,
        offer: Offer {
            bidder: Bidder {
                name,
                kind,
                employees,
                location,
            },
            answers,
            commitments,
        },
        created_at,
        updated_at,
    })
}

/// Reads a stored offer with its tender and plan: all that scoring and
/// exporting need.
pub fn document(conn: &Connection, id: i64) -> Result<OfferDocument> {
    Ok(view(conn, id)?.document)
}

/// Reads a stored offer as the editor opens it.
pub fn view(conn: &Connection, id: i64) -> Result<OfferView> {
    let record = get(conn, id)?;
    let tender = super::tenders::get(conn, record.tender_id)?;
    let plan = super::plans::get(conn, &tender.plan_id)?;
    Ok(OfferView {
        id,
        tender_id: record.tender_id,
        document: OfferDocument {
            plan,
            tender: tender.tender,
            offer: record.offer,
        },
        updated_at: record.updated_at,
        awarded_on: super::won::awarded_on(conn, id)?,
    })
}

/// Every offer, most recently changed first.
pub fn list(conn: &Connection) -> Result<Vec<OfferSummary>> {
    let mut stmt = conn.prepare(
        "SELECT o.id, o.tender_id, t.title, t.buyer, t.reference, t.plan_id, o.bidder_name,
                (SELECT count(*) FROM commitments c WHERE c.offer_id = o.id), o.updated_at,
                k.awarded_on
         FROM offers o JOIN tenders t ON t.id = o.tender_id
         LEFT JOIN contracts k ON k.offer_id = o.id
         ORDER BY o.updated_at DESC, o.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OfferSummary {
            id: r.get(0)?,
            tender_id: r.get(1)?,
            tender_title: r.get(2)?,
            buyer: r.get(3)?,
            reference: r.get(4)?,
            plan_id: r.get(5)?,
            bidder: r.get(6)?,
            commitments: r.get(7)?,
            updated_at: r.get(8)?,
            awarded_on: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
