//! Plans on a page.

use offerwright::domain::Plan;
use offerwright::error::UserError;
use offerwright::files;
use offerwright::store::{self, plans, plans::PlanSummary};
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use crate::{AppState, dialogs};

const PLAN_FILTER: (&str, &[&str]) = ("Offerwright plan", &["json"]);

/// Every plan.
#[tauri::command(async)]
pub fn list_plans(state: State<'_, AppState>) -> CmdResult<Vec<PlanSummary>> {
    state.read(plans::list)
}

/// One whole plan.
#[tauri::command(async)]
pub fn get_plan(state: State<'_, AppState>, id: String) -> CmdResult<Plan> {
    state.read(|c| plans::get(c, &id))
}

/// Adds a plan, or replaces the stored plan with the same id.
#[tauri::command(async)]
pub fn save_plan(state: State<'_, AppState>, plan: Value) -> CmdResult<()> {
    let plan: Plan = files::from_value(plan, "plan")?;
    state.write(|tx| plans::save(tx, &plan))
}

/// Deletes a plan no tender uses.
#[tauri::command(async)]
pub fn delete_plan(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.write(|tx| plans::delete(tx, &id))
}

/// Asks for a plan file and imports it; `None` when the user cancels.
#[tauri::command]
pub async fn import_plan_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<Plan>> {
    let Some(path) = dialogs::open(&app, &state.dialogs, "Import a plan file", PLAN_FILTER) else {
        return Ok(None);
    };
    let bytes = files::read_bytes(&path)?;
    state
        .with_store(|s| store::import_plan(s, &bytes, false))
        .map(Some)
        .map_err(|e| in_file(&path, e))
}

/// Asks where to save a plan file and writes it; the path written, or `None`.
#[tauri::command]
pub async fn export_plan_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Option<String>> {
    let plan = state.read(|c| plans::get(c, &id))?;
    let name = format!("{}.svplan.json", plan.id);
    let Some(path) = dialogs::save(
        &app,
        &state.dialogs,
        "Save the plan file",
        &name,
        PLAN_FILTER,
    ) else {
        return Ok(None);
    };
    files::save_plan(&path, &plan)?;
    Ok(Some(path.display().to_string()))
}

/// Prefixes an error with the file it is about.
pub(crate) fn in_file(path: &std::path::Path, e: UserError) -> UserError {
    UserError::new(e.code, format!("{}: {}", path.display(), e.message))
}
