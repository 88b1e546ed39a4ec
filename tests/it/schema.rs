//! The committed JSON Schemas match the Rust types.

use std::path::Path;

use offerwright::discovery::bank_schema;
use offerwright::files::schema::{offer_schema, plan_schema, workshop_schema};

fn check(file: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(file);
    if std::env::var_os("OFFERWRIGHT_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/{file} is stale: the file types changed. Run `OFFERWRIGHT_BLESS=1 cargo test --test it schema` and commit the result."
    );
}

#[test]
fn plan_schema_is_up_to_date() {
    check("plan.schema.json", &plan_schema());
}

#[test]
fn offer_schema_is_up_to_date() {
    check("offer.schema.json", &offer_schema());
}

#[test]
fn discovery_bank_schema_is_up_to_date() {
    check("discovery.schema.json", &bank_schema());
}

#[test]
fn workshop_schema_is_up_to_date() {
    check("workshop.schema.json", &workshop_schema());
}

#[test]
fn schemas_refuse_unknown_fields_and_pin_the_header() {
    let plan: serde_json::Value = serde_json::from_str(&plan_schema()).unwrap();
    assert_eq!(plan["properties"]["format"]["const"], "offerwright/plan");
    assert_eq!(plan["properties"]["version"]["const"], 1);
    assert_eq!(plan["additionalProperties"], false);
    assert_eq!(plan["$defs"]["HotTopic"]["additionalProperties"], false);
    let offer: serde_json::Value = serde_json::from_str(&offer_schema()).unwrap();
    assert_eq!(offer["properties"]["format"]["const"], "offerwright/offer");
    assert_eq!(offer["additionalProperties"], false);
    let pack: serde_json::Value = serde_json::from_str(&workshop_schema()).unwrap();
    assert_eq!(
        pack["properties"]["format"]["const"],
        "offerwright/workshop"
    );
    assert_eq!(pack["properties"]["version"]["const"], 1);
    assert_eq!(pack["additionalProperties"], false);
    assert_eq!(
        pack["required"],
        serde_json::json!([
            "format",
            "version",
            "title",
            "instructions",
            "plan",
            "tender"
        ])
    );
}
