//! Workshops: a trainer packs a plan and tender, collects a folder of the
//! participants' offer files and exports the debrief; a participant opens a
//! pack, starts an offer against it and exports it named after them and
//! the pack.
//!
//! The pack open in this window, the last folder collected and which offers
//! were started from which pack are held for the session only
//! ([`WorkshopState`]); the offers themselves are in the store.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use offerwright::domain::Workshop;
use offerwright::error::{ErrorCode, UserError};
use offerwright::export::pdf;
use offerwright::files;
use offerwright::store::{self, ImportedOffer, offers, tenders};
use offerwright::workshop::{self, Collected, Comparison};
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use super::plans::in_file;
use crate::{AppState, dialogs};

const PACK_FILTER: (&str, &[&str]) = ("Offerwright workshop pack", &["json"]);
const OFFER_FILTER: (&str, &[&str]) = ("Offerwright offer", &["json"]);
const PDF_FILTER: (&str, &[&str]) = ("PDF document", &["pdf"]);
const CSV_FILTER: (&str, &[&str]) = ("CSV spreadsheet", &["csv"]);

/// The workshop of this session.
#[derive(Default)]
pub struct WorkshopState(Mutex<Session>);

#[derive(Default)]
struct Session {
    /// The pack open in the workshop screen.
    pack: Option<Workshop>,
    /// The offers collected against it.
    collected: Option<Collected>,
    /// Offers started from a pack, by offer id.
    started: HashMap<i64, Workshop>,
}

impl WorkshopState {
    fn lock(&self) -> MutexGuard<'_, Session> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn no_pack() -> UserError {
    UserError::new(
        ErrorCode::Invalid,
        "no workshop pack is open: open or make one first",
    )
}

/// Asks for a workshop pack and opens it; `None` when the user cancels.
#[tauri::command]
pub async fn open_workshop_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
) -> CmdResult<Option<Workshop>> {
    let Some(path) = dialogs::open(&app, &state.dialogs, "Open a workshop pack", PACK_FILTER)
    else {
        return Ok(None);
    };
    let bytes = files::read_bytes(&path)?;
    let pack = files::read_workshop(&bytes).map_err(|e| in_file(&path, e.into()))?;
    let mut session = ws.lock();
    session.pack = Some(pack.clone());
    session.collected = None;
    Ok(Some(pack))
}

/// The pack open in the workshop screen, if any.
#[tauri::command(async)]
pub fn current_workshop_pack(ws: State<'_, WorkshopState>) -> CmdResult<Option<Workshop>> {
    Ok(ws.lock().pack.clone())
}

/// Makes a pack from a stored tender (and its plan), the trainer's
/// instructions and optionally a stored model offer against that tender;
/// asks where to save it. The path written, or `None`.
#[tauri::command]
pub async fn create_workshop_pack<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
    tender_id: i64,
    title: String,
    instructions: String,
    model_offer: Option<i64>,
) -> CmdResult<Option<String>> {
    let record = state.read(|c| tenders::get(c, tender_id))?;
    let plan = state.read(|c| store::plans::get(c, &record.plan_id))?;
    let mut pack = Workshop {
        title: title.trim().to_owned(),
        instructions,
        plan,
        tender: record.tender,
        model_offer: None,
    };
    if let Some(id) = model_offer {
        let doc = state.read(|c| offers::document(c, id))?;
        if !pack.answered_by(&doc) {
            return Err(UserError::new(
                ErrorCode::Invalid,
                "the model offer answers another tender: choose an offer written for this tender",
            ));
        }
        pack.model_offer = Some(doc.offer);
    }
    files::validate_workshop(&pack)?;
    let name = files::workshop_file_name(&pack);
    let Some(path) = dialogs::save(
        &app,
        &state.dialogs,
        "Save the workshop pack",
        &name,
        PACK_FILTER,
    ) else {
        return Ok(None);
    };
    files::save_workshop(&path, &pack)?;
    let mut session = ws.lock();
    session.pack = Some(pack);
    session.collected = None;
    Ok(Some(path.display().to_string()))
}

/// Asks for the folder of offer files, collects it against the open pack
/// and compares; `None` when the user cancels.
#[tauri::command]
pub async fn collect_workshop_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
    anonymise: bool,
) -> CmdResult<Option<Comparison>> {
    let pack = ws.lock().pack.clone().ok_or_else(no_pack)?;
    let Some(folder) = dialogs::folder(
        &app,
        &state.dialogs,
        "Choose the folder of the participants' offer files",
    ) else {
        return Ok(None);
    };
    let collected = workshop::collect(&folder, &pack)?;
    let comparison = workshop::compare(&pack, &collected, anonymise);
    ws.lock().collected = Some(collected);
    Ok(Some(comparison))
}

/// The comparison of the offers last collected, anonymised or not.
#[tauri::command(async)]
pub fn compare_workshop(
    ws: State<'_, WorkshopState>,
    anonymise: bool,
) -> CmdResult<Option<Comparison>> {
    let session = ws.lock();
    let (Some(pack), Some(collected)) = (&session.pack, &session.collected) else {
        return Ok(None);
    };
    Ok(Some(workshop::compare(pack, collected, anonymise)))
}

fn comparison(ws: &WorkshopState, anonymise: bool) -> CmdResult<(Workshop, Comparison)> {
    let session = ws.lock();
    let (Some(pack), Some(collected)) = (&session.pack, &session.collected) else {
        return Err(UserError::new(
            ErrorCode::Invalid,
            "no offers are collected yet: collect a folder of offer files first",
        ));
    };
    Ok((pack.clone(), workshop::compare(pack, collected, anonymise)))
}

/// Asks where to save the debrief handout PDF and writes it.
#[tauri::command]
pub async fn export_workshop_handout<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
    anonymise: bool,
) -> CmdResult<Option<String>> {
    let (pack, comparison) = comparison(&ws, anonymise)?;
    let name = files::workshop_output_file_name(&pack, "handout", "pdf");
    let Some(path) = dialogs::save(&app, &state.dialogs, "Save the handout", &name, PDF_FILTER)
    else {
        return Ok(None);
    };
    let today = chrono::Local::now().date_naive();
    pdf::write_workshop_handout(&comparison, &pack, today, &path).map_err(UserError::from)?;
    Ok(Some(path.display().to_string()))
}

/// Asks where to save the CSV of every score and writes it.
#[tauri::command]
pub async fn export_workshop_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
    anonymise: bool,
) -> CmdResult<Option<String>> {
    let (pack, comparison) = comparison(&ws, anonymise)?;
    let name = files::workshop_output_file_name(&pack, "scores", "csv");
    let Some(path) = dialogs::save(&app, &state.dialogs, "Save the scores", &name, CSV_FILTER)
    else {
        return Ok(None);
    };
    workshop::write_csv(&comparison, &path)?;
    Ok(Some(path.display().to_string()))
}

/// Starts a participant's offer against the open pack.
#[tauri::command(async)]
pub fn start_workshop_offer(
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
    participant: String,
) -> CmdResult<ImportedOffer> {
    let pack = ws.lock().pack.clone().ok_or_else(no_pack)?;
    let made = state.with_store(|s| store::start_workshop_offer(s, &pack, &participant))?;
    ws.lock().started.insert(made.offer_id, pack);
    Ok(made)
}

/// The pack an offer was started from in this session, if any (the
/// editor shows its instructions beside the offer).
#[tauri::command(async)]
pub fn workshop_for_offer(ws: State<'_, WorkshopState>, id: i64) -> CmdResult<Option<Workshop>> {
    Ok(ws.lock().started.get(&id).cloned())
}

/// Asks where to save a participant's offer file, named after the
/// participant and the pack, and writes it.
#[tauri::command]
pub async fn export_workshop_offer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ws: State<'_, WorkshopState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let pack = {
        let session = ws.lock();
        session
            .started
            .get(&id)
            .or(session.pack.as_ref())
            .cloned()
            .ok_or_else(no_pack)?
    };
    let doc = state.read(|c| offers::document(c, id))?;
    let name = files::workshop_offer_file_name(&doc, &pack.title);
    let Some(path) = dialogs::save(
        &app,
        &state.dialogs,
        "Save your offer file for the trainer",
        &name,
        OFFER_FILTER,
    ) else {
        return Ok(None);
    };
    files::save_offer(&path, &doc)?;
    Ok(Some(path.display().to_string()))
}
