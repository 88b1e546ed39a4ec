//! Errors as a person sees them: a code a user interface may act on, and a
//! message that says what happened and what to do.
//!
//! The library's own errors ([`StoreError`], [`FileError`]) carry the
//! detail; [`UserError`] is what crosses to the app. Add a code only when the
//! UI does something different for it.

use serde::Serialize;
use ts_rs::TS;

use crate::files::FileError;
use crate::store::StoreError;

/// What kind of failure, for a UI that reacts differently to some.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The thing asked for is not in the store.
    NotFound,
    /// The change would break something else (a plan in use...).
    Conflict,
    /// A won offer is to be deleted: only when the user says so again.
    WonOffer,
    /// The data or file is not valid; the message names the place.
    Invalid,
    /// A file of another kind (a plan offered as an offer).
    WrongKind,
    /// Another Offerwright holds the store; try again.
    Busy,
    /// The store was written by a newer Offerwright.
    NewerStore,
    /// The store file is not an Offerwright store.
    NotAStore,
    /// A file or folder could not be read or written.
    Io,
    /// Anything else: a bug or a damaged store.
    Internal,
}

/// An error for the user: `{ code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UserError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// What happened, where, and what to do.
    pub message: String,
}

/// Whether the store is open, and if not, why and where it is: an app whose
/// store cannot be opened shows a recovery screen from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoreStatus {
    /// The store file.
    pub store_file: String,
    /// Why it could not be opened, if it could not.
    pub problem: Option<UserError>,
}

impl UserError {
    /// An error with this code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> UserError {
        UserError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

impl From<FileError> for UserError {
    fn from(e: FileError) -> Self {
        let code = match e {
            FileError::Read(_) => ErrorCode::Io,
            FileError::WrongKind { .. } => ErrorCode::WrongKind,
            FileError::Whole(_) | FileError::Invalid { .. } => ErrorCode::Invalid,
        };
        UserError::new(code, e.to_string())
    }
}

impl From<crate::export::pdf::PdfError> for UserError {
    fn from(e: crate::export::pdf::PdfError) -> Self {
        use crate::export::pdf::PdfError;
        let code = match e {
            PdfError::TooMuchText(_) => ErrorCode::Invalid,
            PdfError::Write { .. } => ErrorCode::Io,
            PdfError::Render(_) => ErrorCode::Internal,
        };
        UserError::new(code, e.to_string())
    }
}

impl From<crate::export::ExportError> for UserError {
    fn from(e: crate::export::ExportError) -> Self {
        use crate::export::ExportError;
        let code = match e {
            ExportError::Write { .. } => ErrorCode::Io,
            ExportError::Render { .. } => ErrorCode::Internal,
        };
        UserError::new(code, e.to_string())
    }
}

impl From<StoreError> for UserError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::Invalid(f) => return UserError::from(f.clone()),
            StoreError::Newer { .. } => ErrorCode::NewerStore,
            StoreError::NotAStore { .. } => ErrorCode::NotAStore,
            StoreError::Busy => ErrorCode::Busy,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Conflict(_) => ErrorCode::Conflict,
            StoreError::Won { .. } => ErrorCode::WonOffer,
            StoreError::Io { .. } => ErrorCode::Io,
            StoreError::Corrupt(_) | StoreError::Sqlite(_) => ErrorCode::Internal,
        };
        UserError::new(code, e.to_string())
    }
}

impl From<crate::discovery::DiscoveryError> for UserError {
    fn from(e: crate::discovery::DiscoveryError) -> Self {
        use crate::discovery::DiscoveryError;
        match e {
            DiscoveryError::Answers(f) => UserError::from(f),
            DiscoveryError::Bank(m) => UserError::new(ErrorCode::Internal, m),
        }
    }
}

impl From<crate::workshop::WorkshopError> for UserError {
    fn from(e: crate::workshop::WorkshopError) -> Self {
        UserError::new(ErrorCode::Io, e.to_string())
    }
}
