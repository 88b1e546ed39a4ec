//! The delivery tracker: award, record, status and the progress reports.

use offerwright::delivery::{self, ContractStatus};
use offerwright::error::UserError;
use offerwright::export::{pdf, sheet};
use offerwright::files;
use offerwright::store::contracts::{self, Award, Contract, NewRecord};
use serde::Deserialize;
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use crate::{AppState, dialogs};

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn status_of(contract: &Contract, period: Option<u32>) -> ContractStatus {
    match period {
        Some(n) => delivery::at_period_end(&contract.submitted, &contract.delivery, n),
        None => delivery::on(&contract.submitted, &contract.delivery, today()),
    }
}

/// A won offer's contract, with every record ever made (corrections
/// included); `None` when the offer was not won.
#[tauri::command(async)]
pub fn get_contract(state: State<'_, AppState>, id: i64) -> CmdResult<Option<Contract>> {
    state.read(|c| contracts::find(c, id))
}

/// Where a won offer's delivery stands: today, or at the end of `period`;
/// `None` when the offer was not won.
#[tauri::command(async)]
pub fn contract_status(
    state: State<'_, AppState>,
    id: i64,
    period: Option<u32>,
) -> CmdResult<Option<ContractStatus>> {
    let contract = state.read(|c| contracts::find(c, id))?;
    Ok(contract.map(|k| status_of(&k, period)))
}

/// Marks an offer as won.
#[tauri::command(async)]
pub fn award_offer(state: State<'_, AppState>, id: i64, award: Value) -> CmdResult<ContractStatus> {
    let award: Award = files::from_value(award, "award")?;
    let contract = state.write(|tx| contracts::award(tx, id, &award))?;
    Ok(status_of(&contract, None))
}

/// Withdraws a mistaken award (only while nothing is recorded).
#[tauri::command(async)]
pub fn withdraw_award(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.write(|tx| contracts::withdraw(tx, id))
}

/// Records the figures of one period's form, all or none; returns where
/// the contract stands at that period's end.
#[tauri::command(async)]
pub fn record_delivery(
    state: State<'_, AppState>,
    id: i64,
    period: u32,
    records: Vec<Value>,
) -> CmdResult<ContractStatus> {
    let records = records
        .into_iter()
        .enumerate()
        .map(|(i, r)| files::from_value::<NewRecord>(r, &format!("records[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let contract = state.write(|tx| {
        for r in &records {
            contracts::record(tx, id, r)?;
        }
        contracts::get(tx, id)
    })?;
    Ok(status_of(&contract, Some(period)))
}

/// The formats of a progress report.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    /// A PDF for the buyer's contract manager.
    Pdf,
    /// The same figures as a spreadsheet.
    Xlsx,
}

/// Asks where to save a progress report (for `period`, or with `None` the
/// end-of-contract summary) and writes it; the path, or `None`.
#[tauri::command]
pub async fn export_progress_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    period: Option<u32>,
    format: ReportFormat,
) -> CmdResult<Option<String>> {
    let contract = state.read(|c| contracts::get(c, id))?;
    let what = match period {
        Some(n) => format!(
            "progress report {} {n}",
            contract.delivery.reporting.period_word().to_lowercase()
        ),
        None => "end of contract summary".to_owned(),
    };
    let (ext, filter): (&str, (&str, &[&str])) = match format {
        ReportFormat::Pdf => ("pdf", ("PDF document", &["pdf"])),
        ReportFormat::Xlsx => ("xlsx", ("Excel spreadsheet", &["xlsx"])),
    };
    let name = files::offer_file_name(&contract.submitted, &format!("{what}.{ext}"));
    let Some(path) = dialogs::save(&app, &state.dialogs, "Save the report", &name, filter) else {
        return Ok(None);
    };
    match format {
        ReportFormat::Pdf => pdf::write_progress_report(
            &contract.submitted,
            &contract.delivery,
            period,
            today(),
            &path,
        )
        .map_err(UserError::from)?,
        ReportFormat::Xlsx => {
            sheet::write_progress_xlsx(&contract.submitted, &contract.delivery, period, &path)
                .map_err(UserError::from)?;
        }
    }
    Ok(Some(path.display().to_string()))
}
