//! What leaves the app for people to read.
//!
//! - [`pdf`]: the tender-ready submission PDF, the internal review PDF with
//!   the self-score, and a plan on a page as one A4 sheet.
//! - `content.rs`: what the submission says, whatever the format.
//!
//! Every export is built in memory first and written with
//! [`crate::files::write_atomically`], so a file appears whole or not at all.

pub(crate) mod content;
pub mod pdf;
