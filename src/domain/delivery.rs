//! Delivery after award: the contract an offer won and what was delivered,
//! period by period, as the offer file carries it (`delivery`).
//!
//! Records are never changed: a correction is a new record for the same
//! commitment and period, and the latest one counts. The earlier ones stay,
//! in the store and in the file, as the history of that figure.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields;

/// How often the buyer asks for a progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    SixMonthly,
    /// Every year.
    Yearly,
}

impl Frequency {
    /// Every frequency, shortest first.
    pub const ALL: [Frequency; 4] = [
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::SixMonthly,
        Frequency::Yearly,
    ];

    /// The frequency as written in files and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SixMonthly => "six_monthly",
            Frequency::Yearly => "yearly",
        }
    }

    /// The frequency written as `s`, if any.
    pub fn parse(s: &str) -> Option<Frequency> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The length of one reporting period.
    pub fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::SixMonthly => 6,
            Frequency::Yearly => 12,
        }
    }

    /// The frequency in plain words.
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SixMonthly => "six-monthly",
            Frequency::Yearly => "yearly",
        }
    }

    /// What one period is called in reports: "Month", "Quarter"...
    pub fn period_word(self) -> &'static str {
        match self {
            Frequency::Monthly => "Month",
            Frequency::Quarterly => "Quarter",
            Frequency::SixMonthly => "Half-year",
            Frequency::Yearly => "Year",
        }
    }
}

/// What kind of evidence reference a record carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRefKind {
    /// A file's name, where the supplier keeps it.
    File,
    /// A link.
    Link,
    /// A description (a register, a signed sheet, a photo album...).
    Description,
}

impl EvidenceRefKind {
    /// The kind as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceRefKind::File => "file",
            EvidenceRefKind::Link => "link",
            EvidenceRefKind::Description => "description",
        }
    }

    /// Every kind, in the order a form offers them.
    pub const ALL: [EvidenceRefKind; 3] = [
        EvidenceRefKind::File,
        EvidenceRefKind::Link,
        EvidenceRefKind::Description,
    ];

    /// The kind written as `s`, if any.
    pub fn parse(s: &str) -> Option<EvidenceRefKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What a form asks for with this kind.
    pub fn asked_as(self) -> &'static str {
        match self {
            EvidenceRefKind::File => "File name",
            EvidenceRefKind::Link => "Link",
            EvidenceRefKind::Description => "Description",
        }
    }

    /// The label printed before the reference.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceRefKind::File => "File",
            EvidenceRefKind::Link => "Link",
            EvidenceRefKind::Description => "Evidence",
        }
    }
}

/// Where the evidence for a figure is: the files themselves stay where the
/// supplier keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRef {
    /// A file name, a link or a description.
    pub kind: EvidenceRefKind,
    /// The file's name, the link, or the description.
    #[serde(deserialize_with = "fields::long_name")]
    #[schemars(length(min = 1, max = 200000))]
    pub text: String,
}

/// What was delivered of one commitment in one reporting period, as
/// recorded at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct DeliveryRecord {
    /// The id of the offer's commitment.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub commitment: String,
    /// The reporting period, counted from 1 at the contract's start.
    #[serde(deserialize_with = "fields::count")]
    #[schemars(range(min = 1))]
    pub period: u32,
    /// How much was delivered in that period, in the commitment's unit.
    #[serde(
        deserialize_with = "fields::decimal",
        serialize_with = "fields::ser_decimal"
    )]
    #[schemars(with = "String", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string")]
    pub achieved: Decimal,
    /// What happened, in a few words.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub note: Option<String>,
    /// Where the evidence is.
    #[serde(
        default,
        deserialize_with = "fields::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub evidence: Vec<EvidenceRef>,
    /// Who recorded it.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub recorded_by: String,
    /// When it was recorded, RFC 3339.
    #[serde(deserialize_with = "fields::timestamp")]
    #[schemars(extend("format" = "date-time"))]
    pub recorded_at: String,
}

/// The contract an offer won: when it starts, how often it is reported, and
/// every delivery record in the order it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// The day the offer was marked as won.
    #[serde(deserialize_with = "fields::date", serialize_with = "fields::ser_date")]
    #[schemars(with = "String", extend("format" = "date"))]
    #[ts(type = "string")]
    pub awarded_on: NaiveDate,
    /// The contract's first day.
    #[serde(deserialize_with = "fields::date", serialize_with = "fields::ser_date")]
    #[schemars(with = "String", extend("format" = "date"))]
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// How often the buyer asks for a report.
    pub reporting: Frequency,
    /// Every record, oldest first; for a commitment and period the last
    /// one counts, and the earlier ones are its history.
    #[serde(default, deserialize_with = "fields::list")]
    pub records: Vec<DeliveryRecord>,
}

/// One reporting period of a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Period {
    /// Its number, from 1.
    pub number: u32,
    /// Its first day.
    #[serde(serialize_with = "fields::ser_date")]
    #[ts(type = "string")]
    pub first: NaiveDate,
    /// Its last day.
    #[serde(serialize_with = "fields::ser_date")]
    #[ts(type = "string")]
    pub last: NaiveDate,
}

/// `date` plus `months` calendar months, clamped to the month's last day.
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

impl Delivery {
    /// The contract's last day, for a contract of `duration_months`.
    pub fn last_day(&self, duration_months: u32) -> NaiveDate {
        super::tender::last_day(self.start, duration_months)
    }

    /// How many reporting periods a contract of `duration_months` has,
    /// counted without listing them.
    pub fn period_count(&self, duration_months: u32) -> u32 {
        duration_months.div_ceil(self.reporting.months()).max(1)
    }

    /// The reporting periods of a contract of `duration_months`; the last
    /// one ends with the contract and may be shorter. A tender's length is
    /// at most [`fields::MONTHS_MAX`], so there are at most 600.
    pub fn periods(&self, duration_months: u32) -> Vec<Period> {
        let step = self.reporting.months();
        let count = self
            .period_count(duration_months)
            .min(fields::MONTHS_MAX.div_ceil(step));
        let end = self.last_day(duration_months);
        (0..count)
            .map(|i| {
                let first = add_months(self.start, i.saturating_mul(step));
                let next = add_months(self.start, i.saturating_add(1).saturating_mul(step));
                let last = next.pred_opt().unwrap_or(first).min(end);
                Period {
                    number: i.saturating_add(1),
                    first,
                    last,
                }
            })
            .collect()
    }

    /// Whether the record at `index` counts: no later record was made for
    /// its commitment and period.
    pub fn counts(&self, index: usize) -> bool {
        self.records.get(index).is_some_and(|r| {
            !self.records[index + 1..]
                .iter()
                .any(|s| s.commitment == r.commitment && s.period == r.period)
        })
    }

    /// The records that count: for each commitment and period, the latest.
    pub fn current(&self) -> impl Iterator<Item = &DeliveryRecord> {
        (0..self.records.len())
            .filter(|&i| self.counts(i))
            .map(|i| &self.records[i])
    }

    /// The record that counts for a commitment and period, if any.
    pub fn record(&self, commitment: &str, period: u32) -> Option<&DeliveryRecord> {
        self.records
            .iter()
            .rev()
            .find(|r| r.commitment == commitment && r.period == period)
    }

    /// Every record made for a commitment and period, oldest first.
    pub fn history(&self, commitment: &str, period: u32) -> Vec<&DeliveryRecord> {
        self.records
            .iter()
            .filter(|r| r.commitment == commitment && r.period == period)
            .collect()
    }

    /// The total delivered of a commitment in periods up to `period`.
    pub fn achieved_to(&self, commitment: &str, period: u32) -> Decimal {
        (1..=period)
            .filter_map(|p| self.record(commitment, p))
            .fold(Decimal::ZERO, |sum, r| sum.saturating_add(r.achieved))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        fields::parse_date(s).unwrap()
    }

    fn delivery(start: &str, reporting: Frequency) -> Delivery {
        Delivery {
            awarded_on: date(start),
            start: date(start),
            reporting,
            records: Vec::new(),
        }
    }

    #[test]
    fn quarters_of_a_three_year_contract() {
        let d = delivery("2027-04-01", Frequency::Quarterly);
        let periods = d.periods(36);
        assert_eq!(periods.len(), 12);
        assert_eq!(periods[0].first, date("2027-04-01"));
        assert_eq!(periods[0].last, date("2027-06-30"));
        assert_eq!(periods[11].first, date("2030-01-01"));
        assert_eq!(periods[11].last, date("2030-03-31"));
        assert_eq!(d.last_day(36), date("2030-03-31"));
    }

    #[test]
    fn the_last_period_ends_with_the_contract() {
        let d = delivery("2027-01-31", Frequency::SixMonthly);
        let periods = d.periods(8);
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0].last, date("2027-07-30"));
        assert_eq!(periods[1].first, date("2027-07-31"));
        assert_eq!(periods[1].last, date("2027-09-29"));
    }

    #[test]
    fn the_latest_record_counts_and_the_rest_is_history() {
        let mut d = delivery("2027-04-01", Frequency::Quarterly);
        let record = |period, achieved: i64, at: &str| DeliveryRecord {
            commitment: "c1".into(),
            period,
            achieved: Decimal::from(achieved),
            note: None,
            evidence: Vec::new(),
            recorded_by: "Jo".into(),
            recorded_at: at.into(),
        };
        d.records.push(record(1, 2, "2027-07-01T09:00:00Z"));
        d.records.push(record(2, 1, "2027-10-01T09:00:00Z"));
        d.records.push(record(1, 3, "2027-10-02T09:00:00Z"));
        assert_eq!(d.record("c1", 1).unwrap().achieved, Decimal::from(3));
        assert_eq!(d.history("c1", 1).len(), 2);
        assert_eq!(d.current().count(), 2);
        assert_eq!(d.achieved_to("c1", 2), Decimal::from(4));
        assert_eq!(d.achieved_to("c1", 1), Decimal::from(3));
    }
}
