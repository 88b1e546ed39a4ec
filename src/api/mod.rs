//! The commands the app's UI calls, declared once: their names, their
//! arguments and their results, and what each does (through [`crate::ops`]
//! and the store). The desktop shell routes every IPC call here
//! ([`call`]); the UI's component tests call the same table through a
//! small test server (`testkit`), so they run against the real core; the
//! TypeScript contract of the UI (`ui/src/lib/bindings/commands.ts`) is
//! generated from this table ([`typescript`]), and a test fails when it is
//! stale.
//!
//! A command gets a [`Session`]: the store (or why it could not be opened),
//! the workshop of this session, the dialogs that ask the user where (the
//! shell's native ones, or preset answers in tests), and the clock.
//!
//! To add a command: its arguments struct in [`args`], its handler in
//! [`handlers`], one line in the table below; then regenerate the bindings
//! (`OFFERWRIGHT_BLESS=1 cargo test --test it bindings`) and add the call to
//! `ui/src/lib/ipc.ts`.

pub mod args;
pub mod choices;
mod handlers;
mod session;

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use ts_rs::TS;

pub use session::{Dialogs, Preset, Session};

use crate::error::{ErrorCode, UserError};

/// Runs a command's handler on its arguments.
fn run<A, R>(
    session: &Session,
    command: &str,
    args: Value,
    handler: fn(&Session, A) -> Result<R, UserError>,
) -> Result<Value, UserError>
where
    A: DeserializeOwned,
    R: Serialize,
{
    // A command without arguments may be called with none at all.
    let args = if args.is_null() {
        Value::Object(serde_json::Map::new())
    } else {
        args
    };
    let args: A = serde_json::from_value(args).map_err(|e| {
        UserError::new(
            ErrorCode::Internal,
            format!("the app called {command} with arguments it does not take: {e}"),
        )
    })?;
    let result = handler(session, args)?;
    serde_json::to_value(result).map_err(|e| {
        UserError::new(
            ErrorCode::Internal,
            format!("{command} made a result that cannot be sent: {e}"),
        )
    })
}

/// A type written on one line, without its doc comments.
fn one_line(ts: &str) -> String {
    let mut out = String::new();
    let mut rest = ts;
    while let Some(start) = rest.find("/**") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `word` stands on its own in `text` (not inside a longer name).
fn names(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let apart = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        apart(before) && apart(after)
    })
}

/// A command's entry in the TypeScript contract, and the types it imports.
fn entry<A: TS + 'static, R: TS + 'static>(
    cfg: &ts_rs::Config,
    name: &str,
    doc: &str,
    imports: &mut BTreeMap<String, String>,
) -> String {
    /// Collects the named types `T` is made of, through generic wrappers
    /// (`Vec`, `Option`) that have no file of their own.
    struct Visit<'a> {
        cfg: &'a ts_rs::Config,
        imports: &'a mut BTreeMap<String, String>,
    }
    impl ts_rs::TypeVisitor for Visit<'_> {
        fn visit<D: TS + 'static + ?Sized>(&mut self) {
            match ts_rs::Dependency::from_ty::<D>(self.cfg) {
                Some(d) => {
                    self.imports
                        .insert(d.ts_name, d.output_path.display().to_string());
                }
                None => {
                    D::visit_dependencies(self);
                    D::visit_generics(self);
                }
            }
        }
    }
    // An arguments struct is written inline: what it names is imported.
    A::visit_dependencies(&mut Visit { cfg, imports });
    <R as ts_rs::TS>::visit_dependencies(&mut Visit { cfg, imports });
    <R as ts_rs::TS>::visit_generics(&mut Visit { cfg, imports });
    if let Some(d) = ts_rs::Dependency::from_ty::<R>(cfg) {
        imports.insert(d.ts_name, d.output_path.display().to_string());
    }
    let args = one_line(&A::inline(cfg));
    let args = if args == "Record<symbol, never>" || args == "{  }" || args.is_empty() {
        "Record<string, never>".to_owned()
    } else {
        args
    };
    format!(
        "  /** {doc} */\n  {name}: {{ args: {args}; result: {} }};\n",
        R::name(cfg)
    )
}

/// Exports the TypeScript bindings of the types `T` uses (and of `T`
/// itself, unless `inline`: an arguments struct is written into the
/// contract).
fn export<T: TS + 'static + ?Sized>(
    cfg: &ts_rs::Config,
    inline: bool,
) -> Result<(), ts_rs::ExportError> {
    struct Visit<'a> {
        cfg: &'a ts_rs::Config,
        error: Option<ts_rs::ExportError>,
    }
    impl ts_rs::TypeVisitor for Visit<'_> {
        fn visit<D: TS + 'static + ?Sized>(&mut self) {
            if self.error.is_some() {
                return;
            }
            if D::output_path().is_some() {
                self.error = D::export_all(self.cfg).err();
            } else {
                D::visit_dependencies(self);
                D::visit_generics(self);
            }
        }
    }
    if !inline && T::output_path().is_some() {
        return T::export_all(cfg);
    }
    let mut visit = Visit { cfg, error: None };
    T::visit_dependencies(&mut visit);
    T::visit_generics(&mut visit);
    visit.error.map_or(Ok(()), Err)
}

macro_rules! commands {
    ($( $(#[doc = $doc:literal])+ $name:ident($args:ty) -> $ret:ty; )*) => {
        /// Every command's name, in the table's order.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Runs the command `command` of the UI with its arguments (an
        /// object, keys in camelCase as the UI sends them) and returns its
        /// result as JSON.
        pub fn call(session: &Session, command: &str, args: Value) -> Result<Value, UserError> {
            match command {
                $(stringify!($name) => run::<$args, $ret>(session, command, args, handlers::$name),)*
                other => Err(UserError::new(
                    ErrorCode::Internal,
                    format!("the app called a command Offerwright does not have: {other:?}"),
                )),
            }
        }

        /// Writes the UI's bindings into `cfg`'s folder: every type the
        /// commands take or give, and the contract itself (`commands.ts`).
        pub fn export_bindings(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
            $(
                export::<$args>(cfg, true)?;
                export::<$ret>(cfg, false)?;
            )*
            std::fs::write(cfg.out_dir().join("commands.ts"), typescript(cfg))?;
            Ok(())
        }

        /// The UI's TypeScript contract: each command with the type of its
        /// arguments and of its result, importing the generated bindings.
        pub fn typescript(cfg: &ts_rs::Config) -> String {
            let mut imports = BTreeMap::new();
            let mut body = String::new();
            $(
                let doc = [$($doc.trim()),+].join(" ");
                body.push_str(&entry::<$args, $ret>(cfg, stringify!($name), &doc, &mut imports));
            )*
            let mut out = String::from(
                "// Generated from the command table in src/api/mod.rs: do not edit.\n// Regenerate with OFFERWRIGHT_BLESS=1 cargo test --test it bindings.\n\n",
            );
            for (name, path) in imports.iter().filter(|(name, _)| names(&body, name)) {
                let module = path.trim_end_matches(".ts");
                out.push_str(&format!("import type {{ {name} }} from \"./{module}\";\n"));
            }
            out.push_str("\n/** Every command of the backend: its arguments and its result. */\nexport type Commands = {\n");
            out.push_str(&body);
            out.push_str("};\n");
            out
        }
    };
}

use crate::delivery::ContractStatus;
use crate::discovery::{Drafts, Question};
use crate::domain::{JoinedPlace, Plan, Workshop};
use crate::error::StoreStatus;
use crate::export::pdf::Unprintable;
use crate::export::text::PortalAnswer;
use crate::samples::Demo;
use crate::score::Report;
use crate::store::backup::{BackupRecord, Restored, SetAside};
use crate::store::contracts::Contract;
use crate::store::evidence::EvidenceRecord;
use crate::store::offers::{OfferSummary, OfferView};
use crate::store::plans::PlanSummary;
use crate::store::tenders::{TenderRecord, TenderSummary};
use crate::store::{ImportedOffer, StoreInfo};
use crate::workshop::Comparison;
use args::*;
use choices::Choices;

commands! {
    /// Offerwright's version and where the store lives.
    app_info(NoArgs) -> StoreInfo;
    /// Whether the store is open, and if not, why: the recovery screen shows then.
    store_status(NoArgs) -> StoreStatus;
    /// Tries again to open a store that could not be opened.
    reopen_store(NoArgs) -> StoreStatus;
    /// Moves a store that cannot be opened aside, untouched, and starts an empty one; where it went.
    start_afresh(NoArgs) -> String;
    /// Creates the demo tender and offer (again).
    create_demo(NoArgs) -> Demo;
    /// The backups in the backups folder beside the store, newest first (the store need not be open).
    list_backups(NoArgs) -> Vec<BackupRecord>;
    /// Stores that could not be opened and were moved aside, newest first.
    list_set_aside(NoArgs) -> Vec<SetAside>;
    /// Backs the store up into the backups folder now.
    back_up_now(NoArgs) -> BackupRecord;
    /// Restores a listed backup, by its file name, after backing up the store as it is.
    restore_backup(FileName) -> Restored;
    /// Asks for a backup kept elsewhere and restores it; null when cancelled.
    restore_backup_file(NoArgs) -> Option<Restored>;

    /// Every plan.
    list_plans(NoArgs) -> Vec<PlanSummary>;
    /// One whole plan.
    get_plan(PlanId) -> Plan;
    /// Adds a plan, or replaces the stored plan with the same id.
    save_plan(SavePlan) -> ();
    /// Deletes a plan no tender uses.
    delete_plan(PlanId) -> ();
    /// Asks for a plan file and imports it; null when cancelled.
    import_plan_file(NoArgs) -> Option<Plan>;
    /// Asks where to save the plan file and writes it; the path, or null.
    export_plan_file(PlanId) -> Option<String>;
    /// Asks where to save the plan on a page as a one-page PDF and writes it; the path, or null.
    export_plan_pdf(PlanId) -> Option<String>;
    /// Each weight's share of 100 points ("20", "12.5"), as the plan on a page shows it.
    weight_shares(Weights) -> Vec<String>;
    /// Figures, dates and moments as the core writes them for people, in order.
    texts(Texts) -> Vec<String>;
    /// The words of the product's fixed lists: bidder kinds, statuses, frequencies.
    choices(NoArgs) -> Choices;
    /// The plan's place entries that join two names ("Caerfyrddin / Carmarthen").
    joined_places(PlanId) -> Vec<JoinedPlace>;
    /// Splits each joined place entry of a stored plan into one entry per name; the plan.
    split_places(PlanId) -> Plan;

    /// Every tender.
    list_tenders(NoArgs) -> Vec<TenderSummary>;
    /// One tender with its questions.
    get_tender(Id) -> TenderRecord;
    /// Records a new tender against a plan; its id.
    create_tender(CreateTender) -> i64;
    /// Changes a tender's details and questions.
    update_tender(UpdateTender) -> ();
    /// Deletes a tender no offer answers.
    delete_tender(Id) -> ();

    /// Every offer, most recently changed first.
    list_offers(NoArgs) -> Vec<OfferSummary>;
    /// An offer with its plan and tender, for the editor.
    get_offer(Id) -> OfferView;
    /// Starts a new offer for a tender; its id.
    create_offer(CreateOffer) -> i64;
    /// Changes the bidder.
    set_bidder(SetBidder) -> ();
    /// Saves the answer to one question.
    set_answer(SetAnswer) -> ();
    /// Adds or replaces a commitment.
    put_commitment(PutCommitment) -> ();
    /// Removes a commitment.
    remove_commitment(RemoveCommitment) -> ();
    /// Deletes an offer (a won offer is refused).
    delete_offer(Id) -> ();
    /// Asks for an offer file and imports it; null when cancelled.
    import_offer_file(NoArgs) -> Option<ImportedOffer>;
    /// Asks where to save the offer file (a won offer's as submitted) and writes it; the path, or null.
    export_offer_file(Id) -> Option<String>;
    /// Asks where to save an export of the offer (PDF, Word, spreadsheet, CSV) and writes it; the path, or null.
    export_offer(ExportOffer) -> Option<String>;
    /// Scores the offer the editor holds in memory, so the score follows every keystroke.
    score_document(DocumentArgs) -> Report;
    /// Each answer of the offer in memory as plain text for a portal, with its counts.
    portal_answers(DocumentArgs) -> Vec<PortalAnswer>;
    /// The characters of the offer in memory that its PDFs cannot print, place by place.
    unprintable(DocumentArgs) -> Vec<Unprintable>;
    /// The interview "Find your social value" asks for the offer in memory.
    discovery_questions(DocumentArgs) -> Vec<Question>;
    /// The draft commitments the answers make, each sized and with its band; nothing is saved.
    discovery_drafts(DiscoveryArgs) -> Drafts;

    /// A won offer's contract with every record; null when it was not won.
    get_contract(Id) -> Option<Contract>;
    /// Where a won offer stands: today, or at the end of a period; null when it was not won.
    contract_status(StatusArgs) -> Option<ContractStatus>;
    /// The periods a won offer's screen opens on: the one to report on, and the one holding today.
    contract_calendar(Id) -> Option<ContractCalendar>;
    /// Marks an offer as won, today.
    award_offer(AwardOffer) -> ContractStatus;
    /// Withdraws a mistaken award (only while nothing is recorded).
    withdraw_award(Id) -> ();
    /// Records the figures of one period's form, all or none; where the contract stands at that period's end.
    record_delivery(RecordDelivery) -> ContractStatus;
    /// Asks where to save a progress report (or, with no period, the end-of-contract summary) and writes it; the path, or null.
    export_progress_report(ExportReport) -> Option<String>;

    /// The whole evidence library.
    list_evidence(NoArgs) -> Vec<EvidenceRecord>;
    /// Adds an item (no id) or changes one; its id.
    save_evidence(SaveEvidence) -> i64;
    /// Deletes an item.
    delete_evidence(Id) -> ();

    /// Asks for a workshop pack and opens it; null when cancelled.
    open_workshop_pack(NoArgs) -> Option<Workshop>;
    /// The pack open in this session, if any.
    current_workshop_pack(NoArgs) -> Option<Workshop>;
    /// Makes a pack from a stored tender, instructions and a model offer, asks where to save it; the path, or null.
    create_workshop_pack(CreatePack) -> Option<String>;
    /// Asks for the folder of offer files, collects it against the open pack and compares; null when cancelled.
    collect_workshop_folder(Anonymise) -> Option<Comparison>;
    /// The comparison of the offers last collected, anonymised or not.
    compare_workshop(Anonymise) -> Option<Comparison>;
    /// Asks where to save the debrief handout or the scores and writes it; the path, or null.
    export_workshop(ExportWorkshop) -> Option<String>;
    /// Starts a participant's offer against the open pack.
    start_workshop_offer(StartOffer) -> ImportedOffer;
    /// The pack an offer was started from in this session, if any.
    workshop_for_offer(Id) -> Option<Workshop>;
    /// Asks where to save a participant's offer file, named after them and the pack; the path, or null.
    export_workshop_offer(Id) -> Option<String>;
}
