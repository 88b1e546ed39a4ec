//! Won offers in the store: the contract (start, reporting frequency, the
//! offer file as submitted) and its delivery records.
//!
//! A won offer is kept as submitted: the offer's own writes refuse it
//! ([`super::won::ensure_open`]), and the contract reads the submitted file, so that a
//! later change to the plan or tender does not move the goalposts. Delivery
//! records are only ever added; the table refuses an UPDATE, and a
//! correction is a new record whose older siblings are its history.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::won::awarded_on;
use super::{Result, StoreError, date_req, dec_req, now};
use crate::domain::{Delivery, DeliveryRecord, EvidenceRef, Frequency, OfferDocument, fields};
use crate::files::{self, FileError};

/// A won offer: the offer as submitted and its delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contract {
    /// The offer's id in this store.
    pub offer_id: i64,
    /// The offer as it was when it was marked as won.
    pub submitted: OfferDocument,
    /// The contract and every delivery record.
    pub delivery: Delivery,
}

/// What marking an offer as won needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// The contract's first day.
    #[serde(deserialize_with = "fields::date", serialize_with = "fields::ser_date")]
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// How often the buyer asks for a report.
    pub reporting: Frequency,
}

/// A figure to record for one commitment and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewRecord {
    /// The commitment's id.
    pub commitment: String,
    /// The reporting period, from 1.
    pub period: u32,
    /// How much was delivered in the period, a decimal as a string.
    #[serde(
        deserialize_with = "fields::decimal",
        serialize_with = "fields::ser_decimal"
    )]
    #[ts(type = "string")]
    pub achieved: rust_decimal::Decimal,
    /// What happened.
    #[serde(default)]
    pub note: Option<String>,
    /// Where the evidence is.
    #[serde(default)]
    pub evidence: Vec<EvidenceRef>,
    /// Who records it.
    pub recorded_by: String,
}

/// Deletes a won offer on purpose, with its contract and every delivery
/// record: the store is backed up first ([`BackupKind::BeforeDelete`]), and
/// the backup is returned so that the user can be told how to undo it. An
/// offer that was not won is simply deleted (and no backup is made).
///
/// [`BackupKind::BeforeDelete`]: super::backup::BackupKind::BeforeDelete
pub fn delete_won(
    store: &mut super::Store,
    offer_id: i64,
) -> Result<Option<super::backup::BackupRecord>> {
    if awarded_on(store.conn(), offer_id)?.is_none() {
        store.write(|tx| super::offers::delete(tx, offer_id))?;
        return Ok(None);
    }
    let backup = super::backup::back_up(store, super::backup::BackupKind::BeforeDelete)?;
    store.write(|tx| {
        // The schema's triggers let a won offer's rows go only while it is
        // named here, within this transaction.
        tx.execute(
            "INSERT INTO won_offer_deletions (offer_id) VALUES (?1)",
            [offer_id],
        )?;
        tx.execute("DELETE FROM offers WHERE id = ?1", [offer_id])?;
        tx.execute(
            "DELETE FROM won_offer_deletions WHERE offer_id = ?1",
            [offer_id],
        )?;
        Ok(())
    })?;
    Ok(Some(backup))
}

/// Marks an offer as won on `today` (the user's own calendar day): its
/// contract starts on `award.start` and is reported as often as
/// `award.reporting`. The offer as it stands now is kept as the submitted
/// version.
pub fn award(tx: &Transaction, offer_id: i64, award: &Award, today: NaiveDate) -> Result<Contract> {
    if let Some(day) = awarded_on(tx, offer_id)? {
        return Err(StoreError::Conflict(format!(
            "this offer was already marked as won on {}",
            crate::money::uk_date(day)
        )));
    }
    let submitted = super::offers::document(tx, offer_id)?;
    let delivery = Delivery {
        awarded_on: today,
        start: award.start,
        reporting: award.reporting,
        records: Vec::new(),
    };
    insert(tx, offer_id, &submitted, &delivery)?;
    get(tx, offer_id)
}

/// Stores a contract as a file carries it: the submitted offer, and each
/// record as it was made (its author and time kept).
pub(crate) fn insert(
    tx: &Transaction,
    offer_id: i64,
    submitted: &OfferDocument,
    delivery: &Delivery,
) -> Result<()> {
    files::recheck(delivery, "delivery")?;
    files::validate_delivery(submitted, delivery)?;
    tx.execute(
        "INSERT INTO contracts (offer_id, awarded_on, start, reporting, submitted)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            offer_id,
            fields::format_date(delivery.awarded_on),
            fields::format_date(delivery.start),
            delivery.reporting.as_str(),
            files::write_offer(submitted),
        ],
    )?;
    for r in &delivery.records {
        insert_record(tx, offer_id, r)?;
    }
    Ok(())
}

fn insert_record(tx: &Transaction, offer_id: i64, r: &DeliveryRecord) -> Result<()> {
    let evidence = serde_json::to_string(&r.evidence)
        .map_err(|e| StoreError::Corrupt(format!("evidence references: {e}")))?;
    tx.execute(
        "INSERT INTO delivery_records
             (offer_id, commitment, period, achieved, note, evidence, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            offer_id,
            r.commitment,
            r.period,
            r.achieved.to_string(),
            r.note,
            evidence,
            r.recorded_by,
            r.recorded_at,
        ],
    )?;
    Ok(())
}

/// Withdraws a mistaken award: only while nothing has been recorded.
pub fn withdraw(tx: &Transaction, offer_id: i64) -> Result<()> {
    let contract = get(tx, offer_id)?;
    if !contract.delivery.records.is_empty() {
        return Err(StoreError::Conflict(format!(
            "this contract has {} delivery record(s): an award with a delivery history cannot be withdrawn",
            contract.delivery.records.len()
        )));
    }
    tx.execute("DELETE FROM contracts WHERE offer_id = ?1", [offer_id])?;
    Ok(())
}

/// Records a figure for one commitment and period; a second figure for the
/// same commitment and period is a correction, and the first stays in the
/// history. Returns the record as stored.
pub fn record(tx: &Transaction, offer_id: i64, new: &NewRecord) -> Result<DeliveryRecord> {
    // The checks look at the new record alone (its commitment and period),
    // so the earlier records are not read.
    let mut contract = match read(tx, offer_id, false)? {
        Some(contract) => contract,
        None => get(tx, offer_id)?,
    };
    let record = DeliveryRecord {
        commitment: new.commitment.clone(),
        period: new.period,
        achieved: new.achieved,
        note: new
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        evidence: new.evidence.clone(),
        recorded_by: new.recorded_by.trim().to_owned(),
        recorded_at: now(),
    };
    files::recheck(&record, "record")?;
    contract.delivery.records.push(record.clone());
    files::validate_delivery(&contract.submitted, &contract.delivery).map_err(|e| match e {
        FileError::Invalid { at, message } => FileError::Invalid {
            at: at
                .rsplit_once('.')
                .map_or(at.clone(), |(_, field)| format!("record.{field}")),
            message,
        },
        other => other,
    })?;
    insert_record(tx, offer_id, &record)?;
    Ok(record)
}

/// Reads a won offer's contract.
pub fn get(conn: &Connection, offer_id: i64) -> Result<Contract> {
    if let Some(contract) = find(conn, offer_id)? {
        return Ok(contract);
    }
    // No such offer at all says so; an offer not won says what to do.
    super::offers::get(conn, offer_id)?;
    Err(StoreError::Conflict(format!(
        "offer {offer_id} has not been marked as won: mark it as won first, with the contract's start date and how often it is reported"
    )))
}

/// Reads a won offer's contract, if the offer was won.
pub fn find(conn: &Connection, offer_id: i64) -> Result<Option<Contract>> {
    read(conn, offer_id, true)
}

/// Reads a contract, with its records or without.
fn read(conn: &Connection, offer_id: i64, with_records: bool) -> Result<Option<Contract>> {
    let Some((awarded_on, start, reporting, submitted)) = conn
        .query_row(
            "SELECT awarded_on, start, reporting, submitted FROM contracts WHERE offer_id = ?1",
            [offer_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?
    else {
        return Ok(None);
    };
    let submitted = files::read_offer(submitted.as_bytes())
        .map_err(|e| StoreError::Corrupt(format!("the offer as submitted: {e}")))?;
    let reporting = Frequency::parse(&reporting)
        .ok_or_else(|| StoreError::Corrupt(format!("reporting frequency {reporting:?}")))?;
    let records = if with_records {
        records(conn, offer_id)?
    } else {
        Vec::new()
    };
    Ok(Some(Contract {
        offer_id,
        submitted,
        delivery: Delivery {
            awarded_on: date_req(&awarded_on)?,
            start: date_req(&start)?,
            reporting,
            records,
        },
    }))
}

/// Every delivery record of a contract, oldest first.
fn records(conn: &Connection, offer_id: i64) -> Result<Vec<DeliveryRecord>> {
    let mut stmt = conn.prepare(
        "SELECT commitment, period, achieved, note, evidence, recorded_by, recorded_at
         FROM delivery_records WHERE offer_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([offer_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut records = Vec::new();
    for row in rows {
        let (commitment, period, achieved, note, evidence, recorded_by, recorded_at) = row?;
        records.push(DeliveryRecord {
            commitment,
            period,
            achieved: dec_req(&achieved)?,
            note,
            evidence: serde_json::from_str(&evidence)
                .map_err(|e| StoreError::Corrupt(format!("evidence references: {e}")))?,
            recorded_by,
            recorded_at,
        });
    }
    Ok(records)
}
