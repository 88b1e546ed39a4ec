//! The worked examples of the self-score (tests/fixtures/scoring/, one
//! group of rules each): every figure the example gives, compared with the
//! report of `score`.

use std::path::Path;

use offerwright::files::read_offer;
use offerwright::score::{Report, score};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

/// The report in the examples' shape.
fn shape(report: &Report) -> Value {
    let mut bands = Map::new();
    let mut held = Map::new();
    for t in &report.hot_topics {
        bands.insert(t.id.clone(), json!(t.band.number()));
        if !t.held_by.is_empty() {
            let rules: Vec<&str> = t.held_by.iter().map(|h| h.rule.id()).collect();
            held.insert(t.id.clone(), json!(rules));
        }
    }
    let mut commitments = Map::new();
    for c in &report.commitments {
        let checks: String = c
            .checks
            .iter()
            .filter(|r| r.passed)
            .map(|r| r.check.letter())
            .collect();
        commitments.insert(
            c.id.clone(),
            json!({
                "counts_for": c.hot_topic,
                "credible": c.credible,
                "band": c.band.map(|b| b.number()),
                "capped_by": c.credible.then(|| c.caps.iter().map(|k| k.rule.id()).collect::<Vec<_>>()),
                "not_credible_by": c.not_credible.iter().map(|r| r.rule.id()).collect::<Vec<_>>(),
                "checks": checks,
            }),
        );
    }
    let places = |d: Decimal, dp: u32| {
        format!(
            "{:.*}",
            dp as usize,
            d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        )
    };
    json!({
        "model_version": report.model_version,
        "bands": bands,
        "held_by": held,
        "S": places(report.score, 4),
        "projected_marks": places(report.projected_marks, 1),
        "innovation": places(report.innovation.credit, 2),
        "commitments": commitments,
    })
}

#[test]
fn every_worked_example_scores_as_it_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scoring");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the examples")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".svoffer.json").map(str::to_owned))
        .collect();
    names.sort();
    assert_eq!(names.len(), 7, "{names:?}");
    let mut wrong = Vec::new();
    for name in &names {
        let bytes = std::fs::read(dir.join(format!("{name}.svoffer.json"))).unwrap();
        let doc = read_offer(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected: Value = serde_json::from_slice(
            &std::fs::read(dir.join(format!("{name}.expected.json"))).unwrap(),
        )
        .unwrap();
        let got = shape(&score(&doc));
        if got != expected {
            wrong.push(format!(
                "{name}\n  expected {}\n  got      {}",
                serde_json::to_string(&expected).unwrap(),
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
