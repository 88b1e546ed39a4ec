//! Guided discovery on a stored offer: its interview, and the drafts its
//! answers make, added to the offer.

use std::path::Path;

use crate::discovery::{self, Drafts, Question};
use crate::domain::OfferDocument;
use crate::error::UserError;
use crate::files;
use crate::store::{self, Store, offers};

/// The interview for an offer's plan.
pub fn questions(doc: &OfferDocument) -> Result<Vec<Question>, UserError> {
    Ok(discovery::interview(doc)?)
}

/// Reads an answers file for the stored offer `id`, makes the drafts, and
/// adds them to the offer in one transaction (a won offer refuses them);
/// gives what was added and what could not be drafted.
pub fn add_drafts(store: &mut Store, id: i64, answers: &Path) -> Result<Drafts, UserError> {
    let doc = offers::document(store.conn(), id)?;
    let bytes = files::read_bytes(answers)?;
    let answers = discovery::read_answers(&doc, &bytes).map_err(|e| match e {
        discovery::DiscoveryError::Answers(f) => UserError::from(files::FileError::Invalid {
            at: answers.display().to_string(),
            message: f.to_string(),
        }),
        other => UserError::from(other),
    })?;
    let drafts = discovery::drafts(&doc, &answers)?;
    store.write(|tx| -> store::Result<()> {
        for d in &drafts.drafts {
            offers::put_commitment(tx, id, &d.commitment)?;
        }
        Ok(())
    })?;
    Ok(drafts)
}
