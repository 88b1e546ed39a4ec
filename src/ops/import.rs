//! Importing a file into the store, the way both faces do it: read it
//! (regular file, within the size limit), import it in one transaction, and
//! name the file in any refusal.

use std::path::Path;

use crate::domain::Plan;
use crate::error::UserError;
use crate::files;
use crate::store::{self, ImportedOffer, Store};

/// An error about the file `path`: its message starts with the file.
pub fn in_file(path: &Path, e: impl Into<UserError>) -> UserError {
    let e = e.into();
    UserError::new(
        e.code,
        format!(
            "{}: {}",
            crate::text::escape(&path.display().to_string()),
            e.message
        ),
    )
}

/// Imports the plan file at `path`; with `replace`, a different stored plan
/// with the same id is replaced (without, it is refused).
pub fn plan_file(store: &mut Store, path: &Path, replace: bool) -> Result<Plan, UserError> {
    let bytes = files::read_bytes(path)?;
    store::import_plan(store, &bytes, replace).map_err(|e| in_file(path, e))
}

/// Imports the offer file at `path` (a won offer's with its contract and
/// records).
pub fn offer_file(store: &mut Store, path: &Path) -> Result<ImportedOffer, UserError> {
    let bytes = files::read_bytes(path)?;
    store::import_offer(store, &bytes).map_err(|e| in_file(path, e))
}
