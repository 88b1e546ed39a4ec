//! Workshop mode as both faces offer it: make a pack, read one, collect a
//! folder of offers and compare them, and the file names of the pack, the
//! handout, the scores and a participant's offer.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::{OfferDocument, Plan, Tender, Workshop};
use crate::error::{ErrorCode, UserError};
use crate::export::pdf;
use crate::files;
use crate::ops::exports::{CSV, Filter, PDF};
use crate::workshop::{self, Collected, Comparison};

/// Workshop packs, for a dialog.
pub const PACK_FILE: Filter = Filter {
    name: "Offerwright workshop pack",
    extensions: &["json"],
};

/// A pack's title when the trainer gives none: "Workshop: School meals".
pub fn default_title(tender: &Tender) -> String {
    format!("Workshop: {}", tender.title)
}

/// Makes a pack from a plan, a tender, the trainer's instructions (a
/// leading byte order mark, as a text file may carry, is dropped) and a
/// model offer, which must answer the same plan and tender. A blank title
/// is the default one. Checked as a pack file is.
pub fn make_pack(
    plan: Plan,
    tender: Tender,
    title: Option<&str>,
    instructions: &str,
    model: Option<OfferDocument>,
) -> Result<Workshop, UserError> {
    let title = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_owned(),
        None => default_title(&tender),
    };
    let mut pack = Workshop {
        title,
        instructions: instructions.trim_start_matches('\u{feff}').to_owned(),
        plan,
        tender,
        model_offer: None,
    };
    if let Some(doc) = model {
        if !pack.answered_by(&doc) {
            return Err(UserError::new(
                ErrorCode::Invalid,
                "the model offer answers another plan or tender than the pack's: choose an offer written for this tender",
            ));
        }
        pack.model_offer = Some(doc.offer);
    }
    files::validate_workshop(&pack)?;
    Ok(pack)
}

/// Reads the pack file at `path`, naming the file in a refusal.
pub fn read_pack(path: &Path) -> Result<Workshop, UserError> {
    let bytes = files::read_bytes(path)?;
    files::read_workshop(&bytes).map_err(|e| super::import::in_file(path, e))
}

/// The pack's file name: "Workshop: School meals.svworkshop.json".
pub fn pack_file_name(pack: &Workshop) -> String {
    files::workshop_file_name(pack)
}

/// Collects the offer files of `folder` against `pack` and compares them.
pub fn collect(folder: &Path, pack: &Workshop) -> Result<Collected, UserError> {
    Ok(workshop::collect(folder, pack)?)
}

/// The debrief outputs of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The handout PDF.
    Handout,
    /// Every score as CSV.
    Scores,
}

impl Output {
    /// Its file name: "Workshop: School meals - handout.pdf".
    pub fn file_name(self, pack: &Workshop) -> String {
        match self {
            Output::Handout => files::workshop_output_file_name(pack, "handout", "pdf"),
            Output::Scores => files::workshop_output_file_name(pack, "scores", "csv"),
        }
    }

    /// The title of the dialog that asks where to save it.
    pub fn title(self) -> &'static str {
        match self {
            Output::Handout => "Save the handout",
            Output::Scores => "Save the scores",
        }
    }

    /// The kind of file it is.
    pub fn filter(self) -> Filter {
        match self {
            Output::Handout => PDF,
            Output::Scores => CSV,
        }
    }

    /// Writes it to `path`.
    pub fn write(
        self,
        comparison: &Comparison,
        pack: &Workshop,
        today: NaiveDate,
        path: &Path,
    ) -> Result<(), UserError> {
        match self {
            Output::Handout => pdf::write_workshop_handout(comparison, pack, today, path)?,
            Output::Scores => workshop::write_csv(comparison, path)?,
        }
        Ok(())
    }
}

/// A participant's offer file name: "Wear Valley Kitchens CIC - Workshop: School meals.svoffer.json".
pub fn participant_file_name(doc: &OfferDocument, pack: &Workshop) -> String {
    files::workshop_offer_file_name(doc, &pack.title)
}
