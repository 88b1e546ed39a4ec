//! After award: marking an offer as won, recording a period's figures,
//! where the contract stands, and its reports. The defaults live here: the
//! contract's start is the tender's unless another is given; a report is
//! for the last period that has ended unless another is asked for; a
//! status is as at today, or at a period's end.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

use crate::delivery::{self, ContractStatus};
use crate::domain::{Delivery, Frequency, OfferDocument};
use crate::error::{ErrorCode, UserError};
use crate::export::{pdf, sheet};
use crate::files;
use crate::ops::exports::{Filter, PDF, XLSX};
use crate::store::contracts::{self, Award, Contract, NewRecord};
use crate::store::{self, Store, offers};

/// Marks the offer `id` as won on `today`, reported as often as
/// `reporting`; the contract starts on `start`, or on the tender's
/// `contract_start` when none is given.
pub fn award(
    store: &mut Store,
    id: i64,
    start: Option<NaiveDate>,
    reporting: Frequency,
    today: NaiveDate,
) -> Result<Contract, UserError> {
    let start = match start {
        Some(day) => day,
        None => offers::document(store.conn(), id)?
            .tender
            .contract_start
            .ok_or_else(|| {
                UserError::new(
                    ErrorCode::Invalid,
                    "the tender gives no contract start: say when the contract starts",
                )
            })?,
    };
    Ok(store.write(|tx| contracts::award(tx, id, &Award { start, reporting }, today))?)
}

/// Records the figures of one period, all of them or none; returns the
/// contract with them.
pub fn record(store: &mut Store, id: i64, records: &[NewRecord]) -> store::Result<Contract> {
    store.write(|tx| {
        for r in records {
            contracts::record(tx, id, r)?;
        }
        contracts::get(tx, id)
    })
}

/// When a status is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// On this day (today, when the user says nothing).
    Day(NaiveDate),
    /// At the end of this period.
    PeriodEnd(u32),
}

/// Where the contract stands: on a day, or at a period's end.
pub fn status(doc: &OfferDocument, delivery: &Delivery, at: At) -> ContractStatus {
    match at {
        At::Day(day) => delivery::on(doc, delivery, day),
        At::PeriodEnd(n) => delivery::at_period_end(doc, delivery, n),
    }
}

/// The period a report is for when none is asked for: the last one that
/// has ended by `today`; while the first has not ended, the first.
pub fn report_period(doc: &OfferDocument, delivery: &Delivery, today: NaiveDate) -> u32 {
    delivery
        .periods(doc.tender.duration_months)
        .iter()
        .rev()
        .find(|p| p.last < today)
        .map_or(1, |p| p.number)
}

/// How many periods have ended by `today` (their last day is before it):
/// a period numbered at most this has ended.
pub fn ended_periods(doc: &OfferDocument, delivery: &Delivery, today: NaiveDate) -> u32 {
    let ended = delivery
        .periods(doc.tender.duration_months)
        .iter()
        .filter(|p| p.last < today)
        .count();
    u32::try_from(ended).unwrap_or(u32::MAX)
}

/// The period that holds `today`, while the contract runs.
pub fn current_period(doc: &OfferDocument, delivery: &Delivery, today: NaiveDate) -> Option<u32> {
    delivery
        .periods(doc.tender.duration_months)
        .iter()
        .find(|p| p.first <= today && today <= p.last)
        .map(|p| p.number)
}

/// Refuses a period the contract does not have.
pub fn check_period(doc: &OfferDocument, delivery: &Delivery, n: u32) -> Result<(), UserError> {
    let count = delivery.period_count(doc.tender.duration_months);
    if n == 0 || n > count {
        return Err(UserError::new(
            ErrorCode::Invalid,
            format!("period: expected a period from 1 to {count}, found {n}"),
        ));
    }
    Ok(())
}

/// The formats of a progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    /// A PDF for the buyer's contract manager.
    Pdf,
    /// The same figures as a spreadsheet.
    Xlsx,
}

impl ReportFormat {
    /// The format a file name asks for: `.xlsx` is a spreadsheet, anything
    /// else a PDF.
    pub fn of_path(path: &Path) -> ReportFormat {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            ReportFormat::Xlsx
        } else {
            ReportFormat::Pdf
        }
    }

    /// The kind of file it is, for a save dialog.
    pub fn filter(self) -> Filter {
        match self {
            ReportFormat::Pdf => PDF,
            ReportFormat::Xlsx => XLSX,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

/// What a report is, in words: "the progress report for Quarter 2: ..." or
/// "the end-of-contract summary".
pub fn report_title(doc: &OfferDocument, delivery: &Delivery, period: Option<u32>) -> String {
    match period {
        Some(n) => format!(
            "the progress report for {}",
            delivery::at_period_end(doc, delivery, n).period_label(n)
        ),
        None => "the end-of-contract summary".to_owned(),
    }
}

/// The report's file name: "... - DCC-2026-0142.progress report quarter 2.pdf".
pub fn report_file_name(
    doc: &OfferDocument,
    reporting: Frequency,
    period: Option<u32>,
    format: ReportFormat,
) -> String {
    let what = match period {
        Some(n) => format!(
            "progress report {} {n}",
            reporting.period_word().to_lowercase()
        ),
        None => "end of contract summary".to_owned(),
    };
    files::offer_file_name(doc, &format!("{what}.{}", format.extension()))
}

/// Writes the progress report for `period` (checked), or with `None` the
/// end-of-contract summary, to `path`.
pub fn write_report(
    doc: &OfferDocument,
    delivery: &Delivery,
    period: Option<u32>,
    format: ReportFormat,
    today: NaiveDate,
    path: &Path,
) -> Result<(), UserError> {
    if let Some(n) = period {
        check_period(doc, delivery, n)?;
    }
    match format {
        ReportFormat::Pdf => pdf::write_progress_report(doc, delivery, period, today, path)?,
        ReportFormat::Xlsx => sheet::write_progress_xlsx(doc, delivery, period, path)?,
    }
    Ok(())
}

/// A won offer's contract: the offer as submitted and its delivery.
pub fn contract(conn: &Connection, id: i64) -> store::Result<(OfferDocument, Delivery)> {
    let k = contracts::get(conn, id)?;
    Ok((k.submitted, k.delivery))
}

/// A won offer's file read: the offer as submitted and its delivery, or a
/// refusal saying the file holds no contract (`NotFound`: the file is a
/// valid offer, only its delivery records are missing).
pub fn contract_in_file(bytes: &[u8]) -> Result<(OfferDocument, Delivery), UserError> {
    let (doc, delivery) = files::read_offer_with_delivery(bytes)?;
    let delivery = delivery.ok_or_else(|| {
        UserError::new(
            ErrorCode::NotFound,
            "this offer file has no delivery records: it was not marked as won",
        )
    })?;
    Ok((doc, delivery))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Frequency;
    use crate::samples;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The demo offer won, for three years reported quarterly from 1 April 2027.
    fn won() -> (OfferDocument, Delivery) {
        let plan = samples::sample_plans()
            .unwrap()
            .into_iter()
            .find(|p| p.id == samples::DURHAM_SAMPLE)
            .unwrap();
        let doc = OfferDocument {
            plan,
            tender: samples::demo_tender(),
            offer: samples::demo_offer(),
        };
        let delivery = Delivery {
            awarded_on: day("2027-03-01"),
            start: day("2027-04-01"),
            reporting: Frequency::Quarterly,
            records: Vec::new(),
        };
        (doc, delivery)
    }

    #[test]
    fn a_report_is_for_the_last_period_that_has_ended() {
        let (doc, delivery) = won();
        let at = |s: &str| report_period(&doc, &delivery, day(s));
        assert_eq!(at("2027-02-01"), 1, "before the contract: the first");
        assert_eq!(at("2027-05-15"), 1, "while the first runs: the first");
        assert_eq!(at("2027-07-01"), 1);
        assert_eq!(at("2027-10-03"), 2);
        assert_eq!(at("2031-01-01"), 12, "after the contract: the last");
    }

    #[test]
    fn the_current_period_is_the_one_holding_today_while_the_contract_runs() {
        let (doc, delivery) = won();
        let at = |s: &str| current_period(&doc, &delivery, day(s));
        assert_eq!(at("2027-03-31"), None);
        assert_eq!(at("2027-04-01"), Some(1));
        assert_eq!(at("2027-10-03"), Some(3));
        assert_eq!(at("2030-03-31"), Some(12));
        assert_eq!(at("2030-04-01"), None);
    }

    #[test]
    fn a_period_has_ended_the_day_after_its_last_day() {
        let (doc, delivery) = won();
        let at = |s: &str| ended_periods(&doc, &delivery, day(s));
        assert_eq!(at("2027-03-01"), 0, "before the contract");
        assert_eq!(at("2027-06-30"), 0, "on the first quarter's last day");
        assert_eq!(at("2027-07-01"), 1);
        assert_eq!(at("2030-03-31"), 11);
        assert_eq!(at("2030-04-01"), 12, "after the contract: all of them");
    }
}
