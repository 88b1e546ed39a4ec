//! Integration tests of the core: each test on a store in its own temporary
//! directory, files read and written for real.

mod api;
mod backup;
mod bad_input;
mod bindings;
mod busy;
mod cli;
mod delivery;
mod discovery;
mod examples;
mod fuzz;
mod hostile;
mod large;
mod office;
mod pdf;
mod roundtrip;
mod rules;
mod schema;
mod score;
mod store;
mod support;
mod tidy;
mod upgrade;
mod workshop;
