//! The commands the UI calls, one file per area. Each is thin: take the
//! state, call the core, map the error to `{ code, message }`
//! ([`offerwright::error::UserError`]).

pub mod app;
pub mod backups;
pub mod delivery;
pub mod evidence;
pub mod export;
pub mod offers;
pub mod plans;
pub mod tenders;
pub mod workshop;

use tauri::Runtime;
use tauri::ipc::Invoke;

/// The result of a command.
pub type CmdResult<T> = Result<T, offerwright::error::UserError>;

/// Every command, for the invoke handler.
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_info,
        app::create_demo,
        app::ui_ready,
        app::closing,
        app::close_window,
        backups::store_status,
        backups::reopen_store,
        backups::start_afresh,
        backups::list_backups,
        backups::list_set_aside,
        backups::back_up_now,
        backups::restore_backup,
        backups::restore_backup_file,
        plans::list_plans,
        plans::get_plan,
        plans::save_plan,
        plans::delete_plan,
        plans::import_plan_file,
        plans::export_plan_file,
        tenders::list_tenders,
        tenders::get_tender,
        tenders::create_tender,
        tenders::update_tender,
        tenders::delete_tender,
        offers::list_offers,
        offers::get_offer,
        offers::create_offer,
        offers::set_bidder,
        offers::set_answer,
        offers::put_commitment,
        offers::remove_commitment,
        offers::delete_offer,
        offers::import_offer_file,
        offers::export_offer_file,
        delivery::get_contract,
        delivery::contract_status,
        delivery::award_offer,
        delivery::withdraw_award,
        delivery::record_delivery,
        delivery::export_progress_report,
        evidence::list_evidence,
        evidence::save_evidence,
        evidence::delete_evidence,
        export::score_document,
        export::export_offer_pdf,
        export::export_plan_pdf,
        export::export_offer_office,
        export::portal_answers,
        workshop::open_workshop_pack,
        workshop::current_workshop_pack,
        workshop::create_workshop_pack,
        workshop::collect_workshop_folder,
        workshop::compare_workshop,
        workshop::export_workshop_handout,
        workshop::export_workshop_csv,
        workshop::start_workshop_offer,
        workshop::workshop_for_offer,
        workshop::export_workshop_offer,
    ]
}
