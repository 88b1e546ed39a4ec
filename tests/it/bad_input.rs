//! Bad input to the importers: each refused with its exact message, and the
//! store left exactly as it was.

use offerwright::store::{import_offer, import_plan};
use serde_json::{Value, json};

use crate::support::{dump, fixture, fresh_store};

fn plan_json() -> Value {
    serde_json::from_slice(&std::fs::read(fixture("hand-written.svplan.json")).unwrap()).unwrap()
}

fn offer_json() -> Value {
    serde_json::from_slice(&std::fs::read(fixture("hand-written.svoffer.json")).unwrap()).unwrap()
}

fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).unwrap()
}

/// Imports `file` as a plan into a store and checks the refusal and that the
/// store did not change.
fn plan_refused(file: &[u8], expected: &str) {
    let (_dir, mut store) = fresh_store();
    let before = dump(&store);
    let err = import_plan(&mut store, file, false).expect_err("the file should be refused");
    assert_eq!(err.to_string(), expected);
    assert_eq!(dump(&store), before, "the store changed");
}

fn offer_refused(file: &[u8], expected: &str) {
    let (_dir, mut store) = fresh_store();
    let before = dump(&store);
    let err = import_offer(&mut store, file).expect_err("the file should be refused");
    assert_eq!(err.to_string(), expected);
    assert_eq!(dump(&store), before, "the store changed");
}

fn plan_with(change: impl FnOnce(&mut Value), expected: &str) {
    let mut v = plan_json();
    change(&mut v);
    plan_refused(&bytes(&v), expected);
}

fn offer_with(change: impl FnOnce(&mut Value), expected: &str) {
    let mut v = offer_json();
    change(&mut v);
    offer_refused(&bytes(&v), expected);
}

#[test]
fn the_fixtures_themselves_import() {
    let (_dir, mut store) = fresh_store();
    import_plan(&mut store, &bytes(&plan_json()), false).unwrap();
    import_offer(&mut store, &bytes(&offer_json())).unwrap();
}

#[test]
fn not_json() {
    plan_refused(
        b"id: durham\nthemes: []\n",
        "not valid JSON at line 1, column 1: expected value",
    );
}

#[test]
fn empty_file() {
    plan_refused(b"", "the file is empty: expected a JSON object");
    plan_refused(b"  \n", "the file is empty: expected a JSON object");
}

#[test]
fn not_an_object() {
    plan_refused(
        b"[1, 2]",
        "expected a JSON object ({ ... }) at the top of the file",
    );
}

#[test]
fn cut_short() {
    let text = bytes(&plan_json());
    let cut = &text[..text.len() / 2];
    let lines: Vec<&str> = std::str::from_utf8(cut).unwrap().split('\n').collect();
    plan_refused(
        cut,
        &format!(
            "not valid JSON at line {}, column {}: the file ends in the middle of the JSON (is it cut short?)",
            lines.len(),
            lines.last().unwrap().chars().count()
        ),
    );
}

#[test]
fn an_offer_offered_as_a_plan() {
    plan_refused(
        &bytes(&offer_json()),
        "this file is an offer, not a plan: import it as an offer instead",
    );
    offer_refused(
        &bytes(&plan_json()),
        "this file is a plan, not an offer: import it as a plan instead",
    );
}

#[test]
fn wrong_format() {
    plan_with(
        |v| v["format"] = json!("acme/plan"),
        r#"format: expected "offerwright/plan", found "acme/plan""#,
    );
    plan_with(
        |v| {
            v.as_object_mut().unwrap().remove("format");
        },
        r#"format: missing: expected "offerwright/plan" (is this an Offerwright file?)"#,
    );
}

#[test]
fn wrong_version() {
    plan_with(
        |v| v["version"] = json!(2),
        "version: this file is version 2, and this Offerwright reads version 1: open it with a newer Offerwright",
    );
    plan_with(
        |v| v["version"] = json!("1"),
        r#"version: expected the whole number 1 (no quotes, no decimal point), found "1""#,
    );
    plan_refused(
        br#"{"format": "offerwright/plan", "version": 1.0}"#,
        "version: expected the whole number 1 (no quotes, no decimal point), found 1.0",
    );
}

#[test]
fn missing_required_field() {
    plan_with(
        |v| {
            v.as_object_mut().unwrap().remove("issuer");
        },
        "issuer: missing: this field is required",
    );
    plan_with(
        |v| {
            v["hot_topics"][0].as_object_mut().unwrap().remove("weight");
        },
        "hot_topics[0].weight: missing: this field is required",
    );
}

#[test]
fn unknown_field() {
    plan_with(
        |v| v["hot_topics"][0]["colour"] = json!("red"),
        "hot_topics[0].colour: unknown field: version 1 of the format has no such field (check its spelling); the fields here are id, theme, title, description, weight, place_based, measures, examples",
    );
    offer_with(
        |v| v["commitments"][0]["deadline"] = json!("2027-01-01"),
        "commitments[0].deadline: unknown field: version 1 of the format has no such field (check its spelling); the fields here are id, hot_topic, measure, what, quantity, unit, by, where, beneficiaries, how, owner, kpi, reporting, evidence, baseline, additional",
    );
}

#[test]
fn bad_slug() {
    plan_with(
        |v| v["themes"][0]["id"] = json!("Altogether Wealthier"),
        r#"themes[0].id: expected an id made of lower-case letters, digits and hyphens, such as "local-jobs", found "Altogether Wealthier""#,
    );
}

#[test]
fn duplicate_id() {
    plan_with(
        |v| {
            let theme = v["themes"][0].clone();
            v["themes"].as_array_mut().unwrap().push(theme);
        },
        r#"themes[1].id: "wealthier" is used twice (also at themes[0]): each id must be unique in its list"#,
    );
}

#[test]
fn dangling_theme_reference() {
    plan_with(
        |v| v["hot_topics"][0]["theme"] = json!("greener"),
        r#"hot_topics[0].theme: no theme has the id "greener": the known ones are wealthier"#,
    );
}

#[test]
fn dangling_measure_reference() {
    plan_with(
        |v| v["hot_topics"][0]["measures"] = json!(["local-hires", "apprentices"]),
        r#"hot_topics[0].measures[1]: no measure has the id "apprentices": the known ones are local-hires"#,
    );
}

#[test]
fn negative_zero_and_non_decimal_weights() {
    plan_with(
        |v| v["hot_topics"][0]["weight"] = json!("-5"),
        r#"hot_topics[0].weight: expected a decimal of 0 or more, found "-5""#,
    );
    plan_with(
        |v| v["hot_topics"][0]["weight"] = json!("0"),
        r#"hot_topics[0].weight: expected a decimal greater than 0, found "0""#,
    );
    plan_with(
        |v| v["hot_topics"][0]["weight"] = json!("twenty"),
        r#"hot_topics[0].weight: expected a decimal written with digits and an optional decimal point, such as "20" or "14000.00" (no currency sign, comma, space or exponent), found "twenty""#,
    );
}

#[test]
fn proxy_value_without_source() {
    plan_with(
        |v| {
            v["measures"][0]
                .as_object_mut()
                .unwrap()
                .remove("proxy_source");
        },
        "measures[0].proxy_source: missing: a proxy value (14000.00 GBP per people) must say where it comes from",
    );
}

#[test]
fn money_as_a_json_number() {
    plan_with(
        |v| v["measures"][0]["proxy_value"] = json!(14000),
        r#"measures[0].proxy_value: expected a decimal written as a string, such as "20"; found the JSON number 14000: write decimals as strings, "14000", so that no digit is lost"#,
    );
    offer_with(
        |v| v["tender"]["contract_value"] = json!(480000.5),
        r#"tender.contract_value: expected a decimal written as a string, such as "20"; found the JSON number 480000.5: write decimals as strings, "480000.5", so that no digit is lost"#,
    );
}

#[test]
fn money_with_currency_sign_or_exponent() {
    offer_with(
        |v| v["tender"]["contract_value"] = json!("£480,000"),
        r#"tender.contract_value: expected a decimal written with digits and an optional decimal point, such as "20" or "14000.00" (no currency sign, comma, space or exponent), found "£480,000""#,
    );
    offer_with(
        |v| v["commitments"][0]["quantity"] = json!("1e3"),
        r#"commitments[0].quantity: expected a decimal written with digits and an optional decimal point, such as "20" or "14000.00" (no currency sign, comma, space or exponent), found "1e3""#,
    );
}

#[test]
fn bad_date() {
    plan_with(
        |v| v["published"] = json!("2014-02-30"),
        r#"published: expected a real calendar date written YYYY-MM-DD, such as "2027-06-30", found "2014-02-30""#,
    );
    offer_with(
        |v| v["commitments"][0]["by"] = json!("30/09/2027"),
        r#"commitments[0].by: expected a real calendar date written YYYY-MM-DD, such as "2027-06-30", found "30/09/2027""#,
    );
}

#[test]
fn huge_file() {
    let mut text = bytes(&plan_json());
    let pad = 16 * 1024 * 1024 + 1 - text.len();
    text.extend(std::iter::repeat_n(b' ', pad));
    plan_refused(
        &text,
        "the file is 16777217 bytes; the most Offerwright reads is 16777216 bytes (16 MiB)",
    );
}

#[test]
fn deeply_nested_json() {
    let deep = format!(
        r#"{{"format": "offerwright/plan", "version": 1, "summary": {}{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    plan_refused(
        deep.as_bytes(),
        // The top-level object is level 1, the list in "summary" level 2:
        // the 33rd level is reached after 31 more lists.
        &format!(
            "summary{}: nested more than 32 levels deep; no Offerwright file needs that many",
            "[0]".repeat(31)
        ),
    );
}

#[test]
fn not_utf8() {
    let mut text = bytes(&plan_json());
    let at = text.windows(5).position(|w| w == b"Durha").unwrap();
    text[at] = 0xC4; // "Ä" in Latin-1, not valid UTF-8 here
    plan_refused(
        &text,
        &format!(
            "the file is not UTF-8 text (byte {} is not valid UTF-8): save it as UTF-8 and try again",
            at + 1
        ),
    );
}

#[test]
fn duplicate_key() {
    plan_refused(
        br#"{"format": "offerwright/plan", "version": 1, "id": "a", "id": "b"}"#,
        r#"id: the field "id" appears twice in the same object; keep one"#,
    );
}

#[test]
fn trailing_content() {
    let mut text = bytes(&plan_json());
    text.extend_from_slice(b"\n{}");
    let lines = String::from_utf8_lossy(&text).lines().count();
    plan_refused(
        &text,
        &format!(
            "not valid JSON at line {lines}, column 1: there is more after the end of the top-level object"
        ),
    );
}

#[test]
fn control_character() {
    plan_with(
        |v| v["title"] = json!("Social value\u{0}plan"),
        "title: this text contains the control character U+0000, which is not allowed in any text (only tab, line feed and carriage return are)",
    );
}

#[test]
fn lone_surrogate() {
    let text = String::from_utf8(bytes(&plan_json()))
        .unwrap()
        .replace("Social value: plan on a page", "Social \\ud83d value");
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("\\ud83d").map(|c| (i + 1, c + 7)))
        .unwrap();
    plan_refused(
        text.as_bytes(),
        &format!(
            "not valid JSON at line {line}, column {column}: an escape (\\uD8xx) does not make Unicode text (a lone surrogate)"
        ),
    );
}

#[test]
fn blank_name() {
    plan_with(
        |v| v["issuer"] = json!("   "),
        "issuer: expected a non-empty text, found only white space or nothing",
    );
}

#[test]
fn short_text_too_long() {
    plan_with(
        |v| v["title"] = json!("x".repeat(2001)),
        "title: expected at most 2000 characters, found 2001: shorten this text",
    );
}

#[test]
fn list_too_long() {
    plan_with(
        |v| v["local_places"] = json!(vec!["Durham"; 10_001]),
        "local_places: this list has more than 10000 items, the most a list may have",
    );
}

#[test]
fn wrong_type() {
    plan_with(
        |v| v["themes"] = json!({"id": "wealthier"}),
        "themes: expected a list ([ ... ]), found an object",
    );
    plan_with(
        |v| v["hot_topics"][0]["place_based"] = json!("yes"),
        r#"hot_topics[0].place_based: expected true or false, found the text "yes""#,
    );
}

#[test]
fn answer_to_an_unknown_question() {
    offer_with(
        |v| v["answers"][0]["question"] = json!("sv9"),
        r#"answers[0].question: the tender has no question with the id "sv9": the known ones are sv1"#,
    );
}

#[test]
fn two_answers_to_one_question() {
    offer_with(
        |v| {
            let a = v["answers"][0].clone();
            v["answers"].as_array_mut().unwrap().push(a);
        },
        r#"answers[1].question: question "sv1" is answered twice (also at answers[0]): keep one answer per question"#,
    );
}

#[test]
fn commitment_to_an_unknown_hot_topic() {
    offer_with(
        |v| v["commitments"][0]["hot_topic"] = json!("carbon"),
        r#"commitments[0].hot_topic: the plan has no hot topic with the id "carbon": the known ones are local-jobs (leave it out for an innovation)"#,
    );
}

#[test]
fn bad_plan_inside_an_offer_is_named_with_its_path() {
    offer_with(
        |v| v["plan"]["hot_topics"][0]["weight"] = json!(20),
        r#"plan.hot_topics[0].weight: expected a decimal written as a string, such as "20"; found the JSON number 20: write decimals as strings, "20", so that no digit is lost"#,
    );
    offer_with(
        |v| v["plan"]["version"] = json!(3),
        "plan.version: this file is version 3, and this Offerwright reads version 1: open it with a newer Offerwright",
    );
}

#[test]
fn tender_out_of_range() {
    offer_with(
        |v| v["tender"]["contract_start"] = json!("2026-12-01"),
        "tender.contract_start: the contract starts (2026-12-01) before the tender's deadline (2026-12-15): expected a date on or after the deadline",
    );
    offer_with(
        |v| v["tender"]["social_value_weighting"] = json!("150"),
        r#"tender.social_value_weighting: expected a percentage greater than 0 and at most 100, found "150""#,
    );
    offer_with(
        |v| v["tender"]["duration_months"] = json!(0),
        "tender.duration_months: expected a whole number from 1 to 4294967295, found 0",
    );
    offer_with(
        |v| v["tender"]["questions"][0]["word_limit"] = json!(750.5),
        "tender.questions[0].word_limit: expected a whole number of 1 or more written without a decimal point, found 750.5",
    );
}

#[test]
fn unknown_bidder_kind() {
    offer_with(
        |v| v["bidder"]["kind"] = json!("plc"),
        r#"bidder.kind: expected one of micro, sme, social_enterprise, charity, large; found "plc""#,
    );
}

#[test]
fn offer_without_its_plan() {
    offer_with(
        |v| {
            v.as_object_mut().unwrap().remove("plan");
        },
        "plan: missing: an offer file embeds the whole plan it answers",
    );
}
