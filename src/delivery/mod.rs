//! The delivery tracker: where each commitment of a won offer stands
//! against its promise and against where it should be by now
//! (docs/delivery.md).
//!
//! Pure functions over the offer as submitted and its [`Delivery`]: the
//! store, the CLI, the app and the reports all read the same
//! [`ContractStatus`].
//!
//! The rules, for a commitment that promises a quantity by a date (the
//! contract's last day when it gives none):
//!
//! - the **target to date** is the promise pro rata to the days gone from the
//!   contract's start to its `by` date;
//! - **delivered**: the total achieved reaches the promise;
//! - **at risk**: its date has passed, or what is left would need more than
//!   twice the promised pace in the time left;
//! - **on track**: the total achieved reaches the target to date;
//! - **behind**: otherwise.
//!
//! A commitment with no quantity has no target: it is tracked by its notes
//! and evidence only.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::fields::{ser_date, ser_decimal, ser_opt_decimal};
use crate::domain::{Delivery, DeliveryRecord, EvidenceRef, OfferDocument, Period};
use crate::money::uk_date;
use crate::score;

/// Where a commitment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The promise is met.
    Delivered,
    /// At or above the target to date.
    OnTrack,
    /// Below the target to date.
    Behind,
    /// Past its date, or needing more than twice the promised pace.
    AtRisk,
    /// No quantity was promised: notes and evidence only.
    NoTarget,
}

impl Status {
    /// Every status, in the order they are counted.
    pub const ALL: [Status; 5] = [
        Status::Delivered,
        Status::OnTrack,
        Status::Behind,
        Status::AtRisk,
        Status::NoTarget,
    ];

    /// The status as the UI receives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Delivered => "delivered",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::AtRisk => "at_risk",
            Status::NoTarget => "no_target",
        }
    }

    /// The status in plain words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Delivered => "Delivered",
            Status::OnTrack => "On track",
            Status::Behind => "Behind",
            Status::AtRisk => "At risk",
            Status::NoTarget => "No target",
        }
    }
}

/// How many commitments stand where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct StatusCounts {
    /// Delivered.
    pub delivered: u32,
    /// On track.
    pub on_track: u32,
    /// Behind.
    pub behind: u32,
    /// At risk.
    pub at_risk: u32,
    /// With no quantity to track.
    pub no_target: u32,
}

impl StatusCounts {
    fn add(&mut self, status: Status) {
        let n = match status {
            Status::Delivered => &mut self.delivered,
            Status::OnTrack => &mut self.on_track,
            Status::Behind => &mut self.behind,
            Status::AtRisk => &mut self.at_risk,
            Status::NoTarget => &mut self.no_target,
        };
        *n += 1;
    }
}

/// One commitment in one period: what was recorded, and where it stood at
/// the period's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodCell {
    /// The period's number.
    pub period: u32,
    /// What was delivered in the period, if it was recorded.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub achieved: Option<Decimal>,
    /// The total delivered by the period's end.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub achieved_to_date: Decimal,
    /// The target by the period's end, if a quantity was promised.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub target_to_date: Option<Decimal>,
    /// Where it stood at the period's end.
    pub status: Status,
    /// The note of the record that counts.
    pub note: Option<String>,
    /// The evidence of the record that counts.
    pub evidence: Vec<EvidenceRef>,
    /// How many times the figure was recorded (more than 1: corrected).
    pub versions: u32,
}

/// Where one commitment stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    /// The commitment's id.
    pub commitment: String,
    /// What was promised.
    pub what: String,
    /// The hot topic's title; none for an innovation.
    pub hot_topic: Option<String>,
    /// What is counted.
    pub unit: Option<String>,
    /// How much was promised.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub promised: Option<Decimal>,
    /// The date it is due: its `by`, or the contract's last day.
    #[serde(serialize_with = "ser_date")]
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// The promise pro rata to the day looked at.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub target_to_date: Option<Decimal>,
    /// What was delivered in the period looked at.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub achieved_in_period: Option<Decimal>,
    /// The total delivered to the day looked at.
    #[serde(serialize_with = "ser_decimal")]
    #[ts(type = "string")]
    pub achieved_to_date: Decimal,
    /// Where it stands.
    pub status: Status,
    /// The buyer's value of one unit in GBP, where a proxy applies.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub proxy_value: Option<Decimal>,
    /// The GBP value delivered to date, where a proxy applies.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub value_to_date: Option<Decimal>,
    /// Every period of the contract, in order.
    pub periods: Vec<PeriodCell>,
}

/// A won offer's delivery, looked at on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContractStatus {
    /// The day the offer was marked as won.
    #[serde(serialize_with = "ser_date")]
    #[ts(type = "string")]
    pub awarded_on: NaiveDate,
    /// The contract's first day.
    #[serde(serialize_with = "ser_date")]
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// The contract's last day.
    #[serde(serialize_with = "ser_date")]
    #[ts(type = "string")]
    pub last_day: NaiveDate,
    /// How often it is reported, in words ("quarterly").
    pub reporting: String,
    /// What one period is called ("Quarter").
    pub period_word: String,
    /// Every reporting period.
    pub periods: Vec<Period>,
    /// The day looked at.
    #[serde(serialize_with = "ser_date")]
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    /// The period looked at: the one holding `as_of`, or the nearest.
    pub period: u32,
    /// Each commitment, in the offer's order.
    pub commitments: Vec<Progress>,
    /// How many commitments stand where.
    pub counts: StatusCounts,
    /// The GBP value promised, at the buyer's proxies; none where no
    /// proxy applies.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub value_promised: Option<Decimal>,
    /// The GBP value delivered to date, at the same proxies.
    #[serde(serialize_with = "ser_opt_decimal")]
    #[ts(type = "string | null")]
    pub value_delivered: Option<Decimal>,
    /// How many records were ever made, corrections included.
    pub records: u32,
    /// Each period's name and dates in words, in the order of `periods`.
    pub period_labels: Vec<PeriodLabel>,
}

/// A reporting period in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodLabel {
    /// Its number, from 1.
    pub number: u32,
    /// "Quarter 3".
    pub name: String,
    /// "Quarter 3, 1 October 2027 to 31 December 2027".
    pub label: String,
}

/// The promise's share due by `as_of`: the days gone from `start` over the
/// days from `start` to `due`, both inclusive, between 0 and 1.
fn share_due(start: NaiveDate, due: NaiveDate, as_of: NaiveDate) -> Decimal {
    if as_of < start {
        return Decimal::ZERO;
    }
    if as_of >= due {
        return Decimal::ONE;
    }
    let gone = (as_of - start).num_days() + 1;
    let span = (due - start).num_days() + 1;
    if span <= 0 {
        return Decimal::ONE;
    }
    (Decimal::from(gone) / Decimal::from(span)).min(Decimal::ONE)
}

/// Where a commitment stands on `as_of`.
fn status_of(
    promised: Option<Decimal>,
    achieved: Decimal,
    start: NaiveDate,
    due: NaiveDate,
    as_of: NaiveDate,
) -> (Status, Option<Decimal>) {
    let Some(promised) = promised.filter(|p| *p > Decimal::ZERO) else {
        return (Status::NoTarget, None);
    };
    let share = share_due(start, due, as_of);
    let target = promised.saturating_mul(share);
    let status = if achieved >= promised {
        Status::Delivered
    } else if as_of >= due {
        Status::AtRisk
    } else if achieved >= target {
        Status::OnTrack
    } else if promised.saturating_sub(achieved)
        > promised
            .saturating_mul(Decimal::ONE - share)
            .saturating_mul(Decimal::TWO)
    {
        Status::AtRisk
    } else {
        Status::Behind
    };
    (status, Some(target))
}

/// The number of the period that holds `day`: the first before the
/// contract, the last after it.
pub fn period_on(periods: &[Period], day: NaiveDate) -> u32 {
    periods
        .iter()
        .find(|p| day <= p.last)
        .or(periods.last())
        .map_or(1, |p| p.number)
}

/// Where the contract stands at the end of `period` (clamped to the
/// contract's periods).
pub fn at_period_end(doc: &OfferDocument, delivery: &Delivery, period: u32) -> ContractStatus {
    let periods = delivery.periods(doc.tender.duration_months);
    let n = period.clamp(1, periods.len().try_into().unwrap_or(u32::MAX));
    let as_of = periods
        .iter()
        .find(|p| p.number == n)
        .map_or(delivery.start, |p| p.last);
    build(doc, delivery, periods, n, as_of)
}

/// Where the contract stands on `day` (today, in the app).
pub fn on(doc: &OfferDocument, delivery: &Delivery, day: NaiveDate) -> ContractStatus {
    let periods = delivery.periods(doc.tender.duration_months);
    let n = period_on(&periods, day);
    let last = delivery.last_day(doc.tender.duration_months);
    build(doc, delivery, periods, n, day.min(last))
}

fn build(
    doc: &OfferDocument,
    delivery: &Delivery,
    periods: Vec<Period>,
    period: u32,
    as_of: NaiveDate,
) -> ContractStatus {
    let report = score::score(doc);
    let last_day = delivery.last_day(doc.tender.duration_months);
    let mut counts = StatusCounts::default();
    let mut value_delivered = Decimal::ZERO;
    let mut commitments = Vec::new();
    // Every record of a commitment and period, oldest first: read once.
    let mut by_period: HashMap<(&str, u32), Vec<&DeliveryRecord>> = HashMap::new();
    for r in &delivery.records {
        by_period
            .entry((r.commitment.as_str(), r.period))
            .or_default()
            .push(r);
    }
    for c in &doc.offer.commitments {
        let measure = c.measure.as_deref().and_then(|m| doc.plan.measure(m));
        let due = c.by.unwrap_or(last_day);
        let proxy_value = report
            .social_value
            .commitments
            .iter()
            .find(|v| v.commitment == c.id)
            .map(|v| v.proxy_value);
        // Each period's figure is the last record for it; the total runs on.
        let mut to_date = Decimal::ZERO;
        let cells: Vec<PeriodCell> = periods
            .iter()
            .map(|p| {
                let history = by_period
                    .get(&(c.id.as_str(), p.number))
                    .map_or(&[][..], Vec::as_slice);
                let record = history.last();
                if let Some(r) = record {
                    to_date = to_date.saturating_add(r.achieved);
                }
                let (status, target) = status_of(c.quantity, to_date, delivery.start, due, p.last);
                PeriodCell {
                    period: p.number,
                    achieved: record.map(|r| r.achieved),
                    achieved_to_date: to_date,
                    target_to_date: target,
                    status,
                    note: record.and_then(|r| r.note.clone()),
                    evidence: record.map(|r| r.evidence.clone()).unwrap_or_default(),
                    versions: u32::try_from(history.len()).unwrap_or(u32::MAX),
                }
            })
            .collect();
        let cell = cells.iter().find(|cell| cell.period == period);
        let achieved_to_date = cell.map_or(Decimal::ZERO, |cell| cell.achieved_to_date);
        let achieved_in_period = cell.and_then(|cell| cell.achieved);
        let (status, target_to_date) =
            status_of(c.quantity, achieved_to_date, delivery.start, due, as_of);
        counts.add(status);
        let value_to_date = proxy_value.map(|p| p.saturating_mul(achieved_to_date));
        if let Some(v) = value_to_date {
            value_delivered = value_delivered.saturating_add(v);
        }
        commitments.push(Progress {
            commitment: c.id.clone(),
            what: c.what.clone(),
            hot_topic: c
                .hot_topic
                .as_deref()
                .and_then(|t| doc.plan.hot_topic(t))
                .map(|t| t.title.clone()),
            unit: c
                .unit
                .clone()
                .filter(|u| !u.trim().is_empty())
                .or_else(|| measure.map(|m| m.unit.clone())),
            promised: c.quantity,
            due,
            target_to_date,
            achieved_in_period,
            achieved_to_date,
            status,
            proxy_value,
            value_to_date,
            periods: cells,
        });
    }
    let mut status = ContractStatus {
        awarded_on: delivery.awarded_on,
        start: delivery.start,
        last_day,
        reporting: delivery.reporting.label().to_owned(),
        period_word: delivery.reporting.period_word().to_owned(),
        periods,
        as_of,
        period,
        commitments,
        counts,
        value_promised: report.social_value.total,
        value_delivered: report.social_value.total.map(|_| value_delivered),
        records: u32::try_from(delivery.records.len()).unwrap_or(u32::MAX),
        period_labels: Vec::new(),
    };
    status.period_labels = status
        .periods
        .iter()
        .map(|p| PeriodLabel {
            number: p.number,
            name: status.period_name(p.number),
            label: status.period_label(p.number),
        })
        .collect();
    status
}

impl ContractStatus {
    /// The period numbered `n`, if the contract has it.
    pub fn period_numbered(&self, n: u32) -> Option<&Period> {
        self.periods.iter().find(|p| p.number == n)
    }

    /// A period's name: "Quarter 3".
    pub fn period_name(&self, n: u32) -> String {
        format!("{} {n}", self.period_word)
    }

    /// A period's name and dates: "Quarter 3, 1 October 2027 to 31 December 2027".
    pub fn period_label(&self, n: u32) -> String {
        match self.period_numbered(n) {
            Some(p) => format!(
                "{}, {} to {}",
                self.period_name(n),
                uk_date(p.first),
                uk_date(p.last)
            ),
            None => self.period_name(n),
        }
    }

    /// The statuses at a glance: "Of 6 commitments, 1 delivered, 3 on
    /// track, 1 behind and 1 at risk."
    pub fn summary(&self) -> String {
        let c = self.counts;
        let parts: Vec<String> = [
            (c.delivered, "delivered"),
            (c.on_track, "on track"),
            (c.behind, "behind"),
            (c.at_risk, "at risk"),
            (c.no_target, "with no quantity to track"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let n = self.commitments.len();
        if n == 0 {
            return "The offer has no commitments to track.".to_owned();
        }
        let list = match parts.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        };
        format!(
            "Of {n} {}, {list}.",
            if n == 1 { "commitment" } else { "commitments" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fields::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn dec(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn a_commitment_on_its_pro_rata_line_is_on_track() {
        // 4 by the end of a year that started on 1 January: a quarter gone
        // (90 of 365 days) wants 0.99 or so.
        let start = d("2027-01-01");
        let due = d("2027-12-31");
        let (status, target) = status_of(Some(dec(4)), dec(1), start, due, d("2027-03-31"));
        assert_eq!(status, Status::OnTrack);
        assert!(target.unwrap() < dec(1));
        let (status, _) = status_of(Some(dec(4)), dec(0), start, due, d("2027-03-31"));
        assert_eq!(status, Status::Behind);
    }

    #[test]
    fn far_behind_late_in_the_contract_is_at_risk() {
        let start = d("2027-01-01");
        let due = d("2027-12-31");
        // Three quarters gone, 1 of 4 delivered: 3 left in a quarter of the
        // time, more than twice the pace.
        let (status, _) = status_of(Some(dec(4)), dec(1), start, due, d("2027-09-30"));
        assert_eq!(status, Status::AtRisk);
        // Half gone, 1 of 4 delivered: 3 left in half the time is 1.5 times
        // the pace, behind but not at risk.
        let (status, _) = status_of(Some(dec(4)), dec(1), start, due, d("2027-07-01"));
        assert_eq!(status, Status::Behind);
    }

    #[test]
    fn past_its_date_and_short_is_at_risk_and_meeting_it_is_delivered() {
        let start = d("2027-01-01");
        let due = d("2027-06-30");
        let (status, target) = status_of(Some(dec(4)), dec(3), start, due, d("2027-06-30"));
        assert_eq!((status, target), (Status::AtRisk, Some(dec(4))));
        let (status, _) = status_of(Some(dec(4)), dec(5), start, due, d("2027-03-01"));
        assert_eq!(status, Status::Delivered);
    }

    #[test]
    fn before_the_start_nothing_is_due_and_no_quantity_has_no_target() {
        let start = d("2027-01-01");
        let due = d("2027-12-31");
        let (status, target) = status_of(Some(dec(4)), dec(0), start, due, d("2026-12-01"));
        assert_eq!((status, target), (Status::OnTrack, Some(dec(0))));
        let (status, target) = status_of(None, dec(2), start, due, d("2027-06-01"));
        assert_eq!((status, target), (Status::NoTarget, None));
    }
}
