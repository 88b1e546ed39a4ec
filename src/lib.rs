//! Offerwright's core: everything the desktop app and the command line do,
//! with no knowledge of windows, Tauri or IPC.
//!
//! - [`api`]: the commands the app's UI calls, declared once: names,
//!   arguments, results (the TypeScript contract is generated from it);
//! - [`delivery`]: after award, where each commitment stands against its
//!   promise and its pro-rata target;
//! - [`discovery`]: guided discovery: an interview per offer from the
//!   question bank, and draft commitments sized by the self-score;
//! - [`domain`]: plain types for plans, tenders, offers and evidence;
//! - [`files`]: the interchange files (plan and offer files, workshop packs): strict import,
//!   export, JSON Schemas;
//! - [`store`]: the local SQLite store: open, migrate, read and write;
//! - [`error`]: errors as the user sees them (`{ code, message }`);
//! - [`export`]: what leaves the app for people: the tender-ready PDF, the
//!   review PDF with the self-score, the plan on a page, the submission as a
//!   Word file, the commitments as a spreadsheet or CSV, and each answer as
//!   plain text for a portal;
//! - [`money`]: exact GBP, rounding for display, UK formats;
//! - [`ops`]: the operations a user asks for, one function each, called by
//!   both faces (the command line and, through [`api`], the app), with the
//!   day passed in;
//! - [`samples`]: the sample plans shipped in `assets/plans/`, and the demo;
//! - [`score`]: the self-score: checks, bands, marks, fixes and the social
//!   value in GBP, as a report and as text;
//! - [`text`]: text from strangers shown safely: invisible characters in
//!   names, CSV cells a spreadsheet would run;
//! - [`workshop`]: workshop mode: a folder of participants' offers collected
//!   against a workshop pack, compared, anonymised, and written as CSV.
//!
//! To make a change, start from the domain type, then follow it to the file
//! format, the store and the command line (the `offerwright-cli` package, `cli/`).
//! ARCHITECTURE.md has the map and the invariants.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
pub mod delivery;
pub mod discovery;
pub mod domain;
pub mod error;
pub mod export;
pub mod files;
pub mod money;
pub mod ops;
pub mod samples;
pub mod score;
pub mod store;
pub mod text;
pub mod workshop;
