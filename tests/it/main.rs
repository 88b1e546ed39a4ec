//! Integration tests of the core: each test on a store in its own temporary
//! directory, files read and written for real.

mod bad_input;
mod cli;
mod roundtrip;
mod schema;
mod store;
mod support;
