//! The operations a user asks for, whichever face they use: each is one
//! function here, taking the store (or a connection), the inputs, and
//! `today` where a day matters. The command line (`cli/`) and the desktop
//! app (`api`, called by `src-tauri`) parse or deserialise their inputs,
//! call these, and print or show the result; neither repeats a rule of its
//! own. The clock is read only at the faces (`chrono::Local::now()`), so
//! every operation can be tested on a fixed day.
//!
//! - [`demo`]: the demo tender and offer, and the first run;
//! - [`exports`]: every export of an offer or a plan, with its default
//!   file name, and an offer's file to share (a won offer's as submitted);
//! - [`contracts`]: award (the start defaulting to the tender's), record a
//!   period's figures, where a contract stands, and its reports with their
//!   default period and file names;
//! - [`workshop`]: make and read a pack, collect and compare a folder, a
//!   participant's offer file;
//! - [`import`]: a plan or offer file into the store, naming the file in
//!   its refusal;
//! - [`discovery`]: an offer's interview, and adding the drafts its
//!   answers make;
//! - [`plans`]: a plan's place entries that join two names, and splitting
//!   them.

pub mod contracts;
pub mod demo;
pub mod discovery;
pub mod exports;
pub mod import;
pub mod plans;
pub mod workshop;
