//! Helpers shared by the integration tests: those of every test of the
//! workspace (`offerwright_testkit`).

pub use offerwright_testkit::*;
