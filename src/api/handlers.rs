//! What each command of the UI does: read or deserialise its arguments,
//! call the operation or the store, return the result. No rule of the
//! product is decided here; those are in [`crate::ops`] and below.

use crate::api::Session;
use crate::api::args::*;
use crate::delivery::ContractStatus;
use crate::discovery::{self, Drafts, Question};
use crate::domain::{
    Bidder, Commitment, Evidence, JoinedPlace, Offer, OfferDocument, Plan, Tender, Workshop,
};
use crate::error::{ErrorCode, StoreStatus, UserError};
use crate::export::pdf::{self, Unprintable};
use crate::export::text::{self, PortalAnswer};
use crate::files;
use crate::ops::contracts::{self as ops_contracts, At};
use crate::ops::exports::{self, OFFER_FILE, PLAN_FILE};
use crate::ops::workshop::{self as ops_workshop, Output, PACK_FILE};
use crate::ops::{demo, import, plans as ops_plans};
use crate::samples::Demo;
use crate::score::{self, Report};
use crate::store::backup::{self, BackupKind, BackupRecord, Restored, SetAside};
use crate::store::contracts::{self, Award, Contract, NewRecord};
use crate::store::evidence::{self, EvidenceRecord};
use crate::store::offers::{self, OfferSummary, OfferView};
use crate::store::plans::{self, PlanSummary};
use crate::store::tenders::{self, TenderRecord, TenderSummary};
use crate::store::{self, ImportedOffer, StoreInfo};
use crate::workshop::{self, Comparison};

type R<T> = Result<T, UserError>;

const STORE_FILE: exports::Filter = exports::Filter {
    name: "Offerwright store",
    extensions: &["sqlite3"],
};

fn path_text(path: &std::path::Path) -> String {
    path.display().to_string()
}

// ------------------------------------------------------------- the store

pub(super) fn app_info(s: &Session, _: NoArgs) -> R<StoreInfo> {
    s.with_store(|store| Ok(store.info()))
}

pub(super) fn store_status(s: &Session, _: NoArgs) -> R<StoreStatus> {
    Ok(s.status())
}

pub(super) fn reopen_store(s: &Session, _: NoArgs) -> R<StoreStatus> {
    Ok(s.reopen())
}

pub(super) fn start_afresh(s: &Session, _: NoArgs) -> R<String> {
    s.start_afresh()
}

pub(super) fn create_demo(s: &Session, _: NoArgs) -> R<Demo> {
    s.with_store(demo::create_demo)
}

pub(super) fn list_backups(s: &Session, _: NoArgs) -> R<Vec<BackupRecord>> {
    Ok(backup::list_backups(s.store_file())?)
}

pub(super) fn list_set_aside(s: &Session, _: NoArgs) -> R<Vec<SetAside>> {
    Ok(backup::list_set_aside(s.store_file())?)
}

pub(super) fn back_up_now(s: &Session, _: NoArgs) -> R<BackupRecord> {
    s.with_store(|store| backup::back_up(store, BackupKind::Manual))
}

pub(super) fn restore_backup(s: &Session, a: FileName) -> R<Restored> {
    // Only a listed backup, by its name: a name that leads anywhere else is
    // refused.
    let from = backup::list_backups(s.store_file())?
        .into_iter()
        .find(|b| b.file_name == a.file_name)
        .map(|b| std::path::PathBuf::from(b.path))
        .ok_or_else(|| {
            UserError::new(
                ErrorCode::NotFound,
                format!(
                    "there is no backup called {:?} in the backups folder",
                    a.file_name
                ),
            )
        })?;
    s.restore(&from)
}

pub(super) fn restore_backup_file(s: &Session, _: NoArgs) -> R<Option<Restored>> {
    let Some(from) = s.dialogs().open("Restore a backup", STORE_FILE) else {
        return Ok(None);
    };
    s.restore(&from).map(Some)
}

// ----------------------------------------------------------------- plans

pub(super) fn list_plans(s: &Session, _: NoArgs) -> R<Vec<PlanSummary>> {
    s.read(plans::list)
}

pub(super) fn get_plan(s: &Session, a: PlanId) -> R<Plan> {
    s.read(|c| plans::get(c, &a.id))
}

pub(super) fn save_plan(s: &Session, a: SavePlan) -> R<()> {
    let plan: Plan = files::from_value(a.plan, "plan")?;
    s.write(|tx| plans::save(tx, &plan))
}

pub(super) fn joined_places(s: &Session, a: PlanId) -> R<Vec<JoinedPlace>> {
    s.with(|store| ops_plans::joined_places(store.conn(), &a.id))
}

pub(super) fn split_places(s: &Session, a: PlanId) -> R<Plan> {
    s.with(|store| ops_plans::split_places(store, &a.id))
        .map(|split| split.plan)
}

pub(super) fn delete_plan(s: &Session, a: PlanId) -> R<()> {
    s.write(|tx| plans::delete(tx, &a.id))
}

pub(super) fn import_plan_file(s: &Session, _: NoArgs) -> R<Option<Plan>> {
    let Some(path) = s.dialogs().open("Import a plan file", PLAN_FILE) else {
        return Ok(None);
    };
    s.with(|store| import::plan_file(store, &path, false))
        .map(Some)
}

pub(super) fn export_plan_file(s: &Session, a: PlanId) -> R<Option<String>> {
    let plan = s.read(|c| plans::get(c, &a.id))?;
    let name = exports::plan_file_name(&plan);
    let Some(path) = s.dialogs().save("Save the plan file", &name, PLAN_FILE) else {
        return Ok(None);
    };
    files::save_plan(&path, &plan)?;
    Ok(Some(path_text(&path)))
}

pub(super) fn export_plan_pdf(s: &Session, a: PlanId) -> R<Option<String>> {
    let plan = s.read(|c| plans::get(c, &a.id))?;
    let name = exports::plan_pdf_name(&plan);
    let Some(path) = s
        .dialogs()
        .save("Save the plan on a page", &name, exports::PDF)
    else {
        return Ok(None);
    };
    crate::export::pdf::write_plan_on_a_page(&plan, &path)?;
    Ok(Some(path_text(&path)))
}

// --------------------------------------------------------------- tenders

pub(super) fn list_tenders(s: &Session, _: NoArgs) -> R<Vec<TenderSummary>> {
    s.read(tenders::list)
}

pub(super) fn get_tender(s: &Session, a: Id) -> R<TenderRecord> {
    s.read(|c| tenders::get(c, a.id))
}

pub(super) fn create_tender(s: &Session, a: CreateTender) -> R<i64> {
    let tender: Tender = files::from_value(a.tender, "tender")?;
    s.write(|tx| tenders::insert(tx, &a.plan_id, &tender))
}

pub(super) fn update_tender(s: &Session, a: UpdateTender) -> R<()> {
    let tender: Tender = files::from_value(a.tender, "tender")?;
    s.write(|tx| tenders::update(tx, a.id, &tender))
}

pub(super) fn delete_tender(s: &Session, a: Id) -> R<()> {
    s.write(|tx| tenders::delete(tx, a.id))
}

// ---------------------------------------------------------------- offers

pub(super) fn list_offers(s: &Session, _: NoArgs) -> R<Vec<OfferSummary>> {
    s.read(offers::list)
}

pub(super) fn get_offer(s: &Session, a: Id) -> R<OfferView> {
    s.read(|c| offers::view(c, a.id))
}

pub(super) fn create_offer(s: &Session, a: CreateOffer) -> R<i64> {
    let bidder: Bidder = files::from_value(a.bidder, "bidder")?;
    let offer = Offer {
        bidder,
        answers: Vec::new(),
        commitments: Vec::new(),
    };
    s.write(|tx| offers::insert(tx, a.tender_id, &offer))
}

pub(super) fn set_bidder(s: &Session, a: SetBidder) -> R<()> {
    let bidder: Bidder = files::from_value(a.bidder, "bidder")?;
    s.write(|tx| offers::set_bidder(tx, a.id, &bidder))
}

pub(super) fn set_answer(s: &Session, a: SetAnswer) -> R<()> {
    s.write(|tx| offers::set_answer(tx, a.id, &a.question, &a.text))
}

pub(super) fn put_commitment(s: &Session, a: PutCommitment) -> R<()> {
    let commitment: Commitment = files::from_value(a.commitment, "commitment")?;
    s.write(|tx| offers::put_commitment(tx, a.id, &commitment))
}

pub(super) fn remove_commitment(s: &Session, a: RemoveCommitment) -> R<()> {
    s.write(|tx| offers::remove_commitment(tx, a.id, &a.commitment))
}

pub(super) fn delete_offer(s: &Session, a: Id) -> R<()> {
    s.write(|tx| offers::delete(tx, a.id))
}

pub(super) fn import_offer_file(s: &Session, _: NoArgs) -> R<Option<ImportedOffer>> {
    let Some(path) = s.dialogs().open("Import an offer file", OFFER_FILE) else {
        return Ok(None);
    };
    s.with(|store| import::offer_file(store, &path)).map(Some)
}

pub(super) fn export_offer_file(s: &Session, a: Id) -> R<Option<String>> {
    let (doc, delivery) = s.read(|c| exports::shared_offer(c, a.id))?;
    let name = exports::offer_file_name(&doc);
    let Some(path) = s.dialogs().save("Save the offer file", &name, OFFER_FILE) else {
        return Ok(None);
    };
    exports::write_offer_file(&doc, delivery.as_ref(), &path)?;
    Ok(Some(path_text(&path)))
}

pub(super) fn export_offer(s: &Session, a: ExportOffer) -> R<Option<String>> {
    let doc = s.read(|c| offers::document(c, a.id))?;
    let name = a.export.file_name(&doc);
    let Some(path) = s.dialogs().save(a.export.title(), &name, a.export.filter()) else {
        return Ok(None);
    };
    a.export.write(&doc, s.today(), &path)?;
    Ok(Some(path_text(&path)))
}

pub(super) fn weight_shares(_: &Session, a: Weights) -> R<Vec<String>> {
    let weights: Vec<Option<rust_decimal::Decimal>> = a
        .weights
        .iter()
        .map(|w| crate::domain::fields::parse_decimal(w.trim()).ok())
        .collect();
    Ok(crate::money::shares_of_100(&weights))
}

pub(super) fn choices(_: &Session, _: NoArgs) -> R<super::choices::Choices> {
    Ok(super::choices::choices())
}

pub(super) fn texts(session: &Session, a: Texts) -> R<Vec<String>> {
    let now = session.now();
    Ok(a.figures.iter().map(|f| shown(f, now)).collect())
}

/// One figure as people read it; a value that cannot be read, as it is.
fn shown(figure: &Shown, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    use crate::domain::fields::{parse_date, parse_decimal};
    use crate::money;
    let decimal = |v: &str| parse_decimal(v.trim()).ok();
    let date = |v: &str| parse_date(v.trim()).ok();
    let moment = |v: &str| {
        chrono::DateTime::parse_from_rfc3339(v.trim())
            .ok()
            .map(|t| t.with_timezone(now.offset()))
    };
    let written = match figure {
        Shown::Gbp { value } => decimal(value).map(money::gbp),
        Shown::Number { value } => decimal(value).map(money::quantity),
        Shown::Figure {
            value,
            unit,
            worked_out,
        } => decimal(value).map(|v| match worked_out {
            true => money::figure_2dp(v, unit.as_deref()),
            false => money::figure(v, unit.as_deref()),
        }),
        Shown::Date { value } => date(value).map(money::uk_date),
        Shown::ShortDate { value } => date(value).map(money::short_uk_date),
        Shown::Time { value } => moment(value).map(money::uk_date_time),
        Shown::Ago { value } => moment(value).map(|t| money::ago(t, now)),
        Shown::Size { bytes } => Some(money::file_size(*bytes)),
    };
    written.unwrap_or_else(|| figure.as_given())
}

pub(super) fn score_document(_: &Session, a: DocumentArgs) -> R<Report> {
    let doc: OfferDocument = files::from_value(a.doc, "document")?;
    Ok(score::score(&doc))
}

pub(super) fn unprintable(_: &Session, a: DocumentArgs) -> R<Vec<Unprintable>> {
    let doc: OfferDocument = files::from_value(a.doc, "document")?;
    Ok(pdf::unprintable(&doc))
}

pub(super) fn discovery_questions(_: &Session, a: DocumentArgs) -> R<Vec<Question>> {
    let doc: OfferDocument = files::from_value(a.doc, "document")?;
    Ok(discovery::interview(&doc)?)
}

pub(super) fn discovery_drafts(_: &Session, a: DiscoveryArgs) -> R<Drafts> {
    let doc: OfferDocument = files::from_value(a.doc, "document")?;
    let answers = discovery::answers_from_value(&doc, serde_json::json!({ "answers": a.answers }))?;
    Ok(discovery::drafts(&doc, &answers)?)
}

pub(super) fn portal_answers(_: &Session, a: DocumentArgs) -> R<Vec<PortalAnswer>> {
    let doc: OfferDocument = files::from_value(a.doc, "document")?;
    Ok(text::answers(&doc))
}

// ------------------------------------------------------------- contracts

pub(super) fn get_contract(s: &Session, a: Id) -> R<Option<Contract>> {
    s.read(|c| contracts::find(c, a.id))
}

fn status_of(s: &Session, k: &Contract, period: Option<u32>) -> ContractStatus {
    let at = match period {
        Some(n) => At::PeriodEnd(n),
        None => At::Day(s.today()),
    };
    ops_contracts::status(&k.submitted, &k.delivery, at)
}

pub(super) fn contract_status(s: &Session, a: StatusArgs) -> R<Option<ContractStatus>> {
    let contract = s.read(|c| contracts::find(c, a.id))?;
    Ok(contract.map(|k| status_of(s, &k, a.period)))
}

pub(super) fn contract_calendar(s: &Session, a: Id) -> R<Option<ContractCalendar>> {
    let contract = s.read(|c| contracts::find(c, a.id))?;
    let today = s.today();
    Ok(contract.map(|k| ContractCalendar {
        report_period: ops_contracts::report_period(&k.submitted, &k.delivery, today),
        current_period: ops_contracts::current_period(&k.submitted, &k.delivery, today),
        ended_periods: ops_contracts::ended_periods(&k.submitted, &k.delivery, today),
    }))
}

pub(super) fn award_offer(s: &Session, a: AwardOffer) -> R<ContractStatus> {
    let award: Award = files::from_value(a.award, "award")?;
    let today = s.today();
    let k = s.with(|store| {
        ops_contracts::award(store, a.id, Some(award.start), award.reporting, today)
    })?;
    Ok(status_of(s, &k, None))
}

pub(super) fn withdraw_award(s: &Session, a: Id) -> R<()> {
    s.write(|tx| contracts::withdraw(tx, a.id))
}

pub(super) fn record_delivery(s: &Session, a: RecordDelivery) -> R<ContractStatus> {
    let records = a
        .records
        .into_iter()
        .enumerate()
        .map(|(i, r)| files::from_value::<NewRecord>(r, &format!("records[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let k = s.with_store(|store| ops_contracts::record(store, a.id, &records))?;
    Ok(status_of(s, &k, Some(a.period)))
}

pub(super) fn export_progress_report(s: &Session, a: ExportReport) -> R<Option<String>> {
    let k = s.read(|c| contracts::get(c, a.id))?;
    if let Some(n) = a.period {
        ops_contracts::check_period(&k.submitted, &k.delivery, n)?;
    }
    let name =
        ops_contracts::report_file_name(&k.submitted, k.delivery.reporting, a.period, a.format);
    let Some(path) = s
        .dialogs()
        .save("Save the report", &name, a.format.filter())
    else {
        return Ok(None);
    };
    ops_contracts::write_report(
        &k.submitted,
        &k.delivery,
        a.period,
        a.format,
        s.today(),
        &path,
    )?;
    Ok(Some(path_text(&path)))
}

// -------------------------------------------------------------- evidence

pub(super) fn list_evidence(s: &Session, _: NoArgs) -> R<Vec<EvidenceRecord>> {
    s.read(evidence::list)
}

pub(super) fn save_evidence(s: &Session, a: SaveEvidence) -> R<i64> {
    let item: Evidence = files::from_value(a.item, "item")?;
    s.write(|tx| match a.id {
        Some(id) => evidence::update(tx, id, &item).map(|()| id),
        None => evidence::insert(tx, &item),
    })
}

pub(super) fn delete_evidence(s: &Session, a: Id) -> R<()> {
    s.write(|tx| evidence::delete(tx, a.id))
}

// -------------------------------------------------------------- workshop

fn no_pack() -> UserError {
    UserError::new(
        ErrorCode::Invalid,
        "no workshop pack is open: open or make one first",
    )
}

pub(super) fn open_workshop_pack(s: &Session, _: NoArgs) -> R<Option<Workshop>> {
    let Some(path) = s.dialogs().open("Open a workshop pack", PACK_FILE) else {
        return Ok(None);
    };
    let pack = ops_workshop::read_pack(&path)?;
    let mut ws = s.workshop();
    ws.pack = Some(pack.clone());
    ws.collected = None;
    Ok(Some(pack))
}

pub(super) fn current_workshop_pack(s: &Session, _: NoArgs) -> R<Option<Workshop>> {
    Ok(s.workshop().pack.clone())
}

pub(super) fn create_workshop_pack(s: &Session, a: CreatePack) -> R<Option<String>> {
    let (plan, tender, model) = s.read(|c| {
        let record = tenders::get(c, a.tender_id)?;
        let plan = store::plans::get(c, &record.plan_id)?;
        let model = a
            .model_offer
            .map(|id| offers::document(c, id))
            .transpose()?;
        Ok((plan, record.tender, model))
    })?;
    let pack = ops_workshop::make_pack(plan, tender, Some(&a.title), &a.instructions, model)?;
    let name = ops_workshop::pack_file_name(&pack);
    let Some(path) = s.dialogs().save("Save the workshop pack", &name, PACK_FILE) else {
        return Ok(None);
    };
    files::save_workshop(&path, &pack)?;
    let mut ws = s.workshop();
    ws.pack = Some(pack);
    ws.collected = None;
    Ok(Some(path_text(&path)))
}

pub(super) fn collect_workshop_folder(s: &Session, a: Anonymise) -> R<Option<Comparison>> {
    let pack = s.workshop().pack.clone().ok_or_else(no_pack)?;
    let Some(folder) = s
        .dialogs()
        .folder("Choose the folder of the participants' offer files")
    else {
        return Ok(None);
    };
    let collected = ops_workshop::collect(&folder, &pack)?;
    let comparison = workshop::compare(&pack, &collected, a.anonymise);
    s.workshop().collected = Some(collected);
    Ok(Some(comparison))
}

pub(super) fn compare_workshop(s: &Session, a: Anonymise) -> R<Option<Comparison>> {
    let ws = s.workshop();
    let (Some(pack), Some(collected)) = (&ws.pack, &ws.collected) else {
        return Ok(None);
    };
    Ok(Some(workshop::compare(pack, collected, a.anonymise)))
}

pub(super) fn export_workshop(s: &Session, a: ExportWorkshop) -> R<Option<String>> {
    let (pack, comparison) = {
        let ws = s.workshop();
        let (Some(pack), Some(collected)) = (&ws.pack, &ws.collected) else {
            return Err(UserError::new(
                ErrorCode::Invalid,
                "no offers are collected yet: collect a folder of offer files first",
            ));
        };
        (
            pack.clone(),
            workshop::compare(pack, collected, a.anonymise),
        )
    };
    let output = match a.output {
        WorkshopOutput::Handout => Output::Handout,
        WorkshopOutput::Scores => Output::Scores,
    };
    let name = output.file_name(&pack);
    let Some(path) = s.dialogs().save(output.title(), &name, output.filter()) else {
        return Ok(None);
    };
    output.write(&comparison, &pack, s.today(), &path)?;
    Ok(Some(path_text(&path)))
}

pub(super) fn start_workshop_offer(s: &Session, a: StartOffer) -> R<ImportedOffer> {
    let pack = s.workshop().pack.clone().ok_or_else(no_pack)?;
    let made = s.with_store(|store| store::start_workshop_offer(store, &pack, &a.participant))?;
    s.workshop().started.insert(made.offer_id, pack);
    Ok(made)
}

pub(super) fn workshop_for_offer(s: &Session, a: Id) -> R<Option<Workshop>> {
    Ok(s.workshop().started.get(&a.id).cloned())
}

pub(super) fn export_workshop_offer(s: &Session, a: Id) -> R<Option<String>> {
    let pack = {
        let ws = s.workshop();
        ws.started
            .get(&a.id)
            .or(ws.pack.as_ref())
            .cloned()
            .ok_or_else(no_pack)?
    };
    let doc = s.read(|c| offers::document(c, a.id))?;
    let name = ops_workshop::participant_file_name(&doc, &pack);
    let Some(path) = s
        .dialogs()
        .save("Save your offer file for the trainer", &name, OFFER_FILE)
    else {
        return Ok(None);
    };
    files::save_offer(&path, &doc)?;
    Ok(Some(path_text(&path)))
}
