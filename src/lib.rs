//! Offerwright's core: everything the desktop app and the command line do,
//! with no knowledge of windows, Tauri or IPC.
//!
//! - [`domain`]: plain types for plans, tenders, offers and evidence;
//! - [`files`]: the interchange files (plan and offer files): strict import,
//!   export, JSON Schemas;
//! - [`store`]: the local SQLite store: open, migrate, read and write;
//! - [`money`]: exact GBP, rounding for display, UK formats;
//! - [`samples`]: the sample plans shipped in `assets/plans/`, and the demo.
//!
//! To make a change, start from the domain type, then follow it to the file
//! format, the store and the command line (`src/bin/offerwright.rs`).
//! ARCHITECTURE.md has the map and the invariants.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod domain;
pub mod files;
pub mod money;
pub mod samples;
pub mod store;
