//! The TypeScript types the UI uses are generated from the Rust types and
//! committed in `ui/src/lib/bindings/`; this test fails when they are stale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use offerwright::delivery::ContractStatus;
use offerwright::domain::{OfferDocument, Workshop};
use offerwright::error::{StoreStatus, UserError};
use offerwright::export::text::PortalAnswer;
use offerwright::samples::Demo;
use offerwright::score::Report;
use offerwright::store::backup::{BackupRecord, Restored, SetAside};
use offerwright::store::contracts::{Award, Contract, NewRecord};
use offerwright::store::evidence::EvidenceRecord;
use offerwright::store::offers::{OfferSummary, OfferView};
use offerwright::store::plans::PlanSummary;
use offerwright::store::tenders::{TenderRecord, TenderSummary};
use offerwright::store::{ImportedOffer, StoreInfo};
use offerwright::workshop::Comparison;
use ts_rs::{Config, TS};

fn read_dir(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ts") {
            let name = PathBuf::from(path.file_name().unwrap());
            out.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

#[test]
fn ui_bindings_are_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = Config::new()
        .with_out_dir(tmp.path())
        .with_large_int("number");
    OfferDocument::export_all(&cfg).unwrap();
    OfferView::export_all(&cfg).unwrap();
    OfferSummary::export_all(&cfg).unwrap();
    PlanSummary::export_all(&cfg).unwrap();
    TenderSummary::export_all(&cfg).unwrap();
    TenderRecord::export_all(&cfg).unwrap();
    EvidenceRecord::export_all(&cfg).unwrap();
    Demo::export_all(&cfg).unwrap();
    ImportedOffer::export_all(&cfg).unwrap();
    UserError::export_all(&cfg).unwrap();
    StoreStatus::export_all(&cfg).unwrap();
    StoreInfo::export_all(&cfg).unwrap();
    BackupRecord::export_all(&cfg).unwrap();
    Restored::export_all(&cfg).unwrap();
    SetAside::export_all(&cfg).unwrap();
    Report::export_all(&cfg).unwrap();
    PortalAnswer::export_all(&cfg).unwrap();
    Workshop::export_all(&cfg).unwrap();
    Comparison::export_all(&cfg).unwrap();
    Contract::export_all(&cfg).unwrap();
    ContractStatus::export_all(&cfg).unwrap();
    Award::export_all(&cfg).unwrap();
    NewRecord::export_all(&cfg).unwrap();
    let generated = read_dir(tmp.path());

    let committed_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    if std::env::var_os("OFFERWRIGHT_BLESS").is_some() {
        std::fs::create_dir_all(&committed_dir).unwrap();
        for old in read_dir(&committed_dir).keys() {
            std::fs::remove_file(committed_dir.join(old)).unwrap();
        }
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_dir(&committed_dir);
    assert!(
        committed == generated,
        "ui/src/lib/bindings is stale: the Rust types changed. Run `OFFERWRIGHT_BLESS=1 cargo test --test it bindings` and commit the result."
    );
}
