//! What leaves the app for people to read.
//!
//! - [`pdf`]: the tender-ready submission PDF, the internal review PDF with
//!   the self-score, and a plan on a page as one A4 sheet.
//! - [`docx`]: the submission as a Word file, in real Word styles.
//! - [`sheet`]: the commitments and the self-score per hot topic as a
//!   spreadsheet (.xlsx) and the commitments as CSV.
//! - [`text`]: each answer as plain text for a portal's text box, with its
//!   word and character counts against the question's limits.
//! - `content.rs`: what the submission says, shared by the PDF and Word.
//!
//! Every export is built in memory first and written with
//! [`crate::files::write_atomically`], so a file appears whole or not at all.

pub(crate) mod content;
pub mod docx;
pub mod pdf;
pub mod sheet;
pub mod text;

use std::path::Path;

use crate::files;

/// Why a Word file, spreadsheet or text file could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file could not be made (a bug in Offerwright, not bad input).
    #[error("the {what} could not be made: {reason}")]
    Render {
        /// The kind of file.
        what: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// The file could not be written; any existing file is untouched.
    #[error("cannot write {path}: {reason}; any existing file there is unchanged")]
    Write {
        /// The file asked for.
        path: String,
        /// What went wrong, in plain words.
        reason: String,
    },
}

/// Writes `bytes` to `path`, whole or not at all.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    files::write_atomically(path, bytes).map_err(|e| ExportError::Write {
        path: path.display().to_string(),
        reason: files::io_reason(&e),
    })
}
