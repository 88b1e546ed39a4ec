//! JSON Schemas of the interchange files, generated from the Rust types.
//!
//! The committed copies live in `docs/` (`plan.schema.json`,
//! `offer.schema.json`, `workshop.schema.json`); a test fails when they differ from what the types
//! generate, and `OFFERWRIGHT_BLESS=1 cargo test` rewrites them.
//! A schema describes shapes; the importer checks more (references between
//! lists, unique ids, limits), as `docs/formats.md` says.

use schemars::generate::SchemaSettings;

use super::{OfferFile, PlanFile, WorkshopFile};

/// The JSON Schema (draft 2020-12) of `T`, pretty-printed.
pub(crate) fn generate<T: schemars::JsonSchema>() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of a plan file.
pub fn plan_schema() -> String {
    generate::<PlanFile<'static>>()
}

/// The JSON Schema of an offer file.
pub fn offer_schema() -> String {
    generate::<OfferFile<'static>>()
}

/// The JSON Schema of a workshop pack.
pub fn workshop_schema() -> String {
    generate::<WorkshopFile<'static>>()
}
