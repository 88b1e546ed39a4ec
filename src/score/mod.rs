//! The self-score: what an evaluator following the buyer's plan would
//! likely give each hot topic, why, and what to fix first.
//!
//! [`score`] implements model version 1 of the scoring contract
//! (`docs/scoring.md` explains it to bid writers): the seven checks on each
//! commitment (M T L O K E A) and its proportion (P), a 0-5 band for each hot
//! topic, innovation credit, the projected marks, the checks on the written
//! answers, the ranked fixes and the social value in GBP. It is
//! deterministic, needs no store, uses exact decimals throughout, and is fast
//! enough to run on every keystroke (see `benches/score.rs`).
//! [`render_text`] writes the report as plain text for people (the
//! terminal); the app and the review PDF lay out the [`Report`] themselves.
//!
//! Where things are: `checks.rs` (the seven checks and P, the band of a
//! commitment), `text.rs` (placeholders, word counts, hedging phrases, the
//! *mentioned* rule), here (bands of hot topics, marks, innovation),
//! `fixes.rs` (the answers' checks and the ranked fixes), `value.rs` (GBP),
//! `report.rs` (the types), `render.rs` (the text).
//!
//! How to change it:
//! - a rule: change it where it lives, then the cases in
//!   `tests/it/score.rs`, `docs/scoring.md` (its worked example is checked
//!   by a test), and the snapshot of the demo report (`cargo insta review`,
//!   or `INSTA_UPDATE=always cargo test --test it score`); a change to the
//!   model itself also bumps [`MODEL_VERSION`];
//! - a wording: the reasons live next to their rule; the snapshot shows
//!   every one of them in context.

mod checks;
mod display;
mod fixes;
mod render;
mod report;
mod text;
mod value;

use rust_decimal::Decimal;

pub use render::render_text;
pub use report::{
    AnswerCheck, Band, BandSource, Check, CheckResult, CommitmentScore, CommitmentValue, Field,
    Fix, FixKind, FixTarget, Flag, FlagKind, Hedge, HotTopicScore, Innovation, Mention, Place,
    Report, SocialValue, ThemeValue,
};
pub use text::{EXTRA_HEDGING_PHRASES, HEDGING_PHRASES, PLACEHOLDERS, is_given, word_count};

use checks::{Context, Eval};
use text::{Found, Mentions};

use crate::domain::{Measure, OfferDocument};

/// The version of the scoring model that [`score`] implements.
pub const MODEL_VERSION: u32 = 1;

/// What the self-score is and is not, in plain words: shown with every score.
pub const DISCLAIMER: &str = "A self-assessment aid, not a promise of marks. It reads your offer the way an evaluator following the buyer's plan on a page is likely to, using the rules in \"How scoring works\". Real evaluators use their own judgement and the buyer's own scoring guidance, so your marks may differ.";

/// The innovation credit of one commitment with no hot topic: 0.02.
pub fn innovation_each() -> Decimal {
    Decimal::new(2, 2)
}

/// The most innovation credit an offer earns: 0.10.
pub fn innovation_cap() -> Decimal {
    Decimal::new(10, 2)
}

/// How one hot topic's band was decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outcome {
    band: Band,
    setter: Option<usize>,
    source: BandSource,
}

/// Everything worked out about an offer, from which the report and its
/// fixes are written.
pub(crate) struct Model<'a> {
    ctx: Context<'a>,
    /// One per commitment, in the offer's order.
    evals: Vec<Eval>,
    /// The commitments' hedging phrases.
    hedges: Vec<Vec<Hedge>>,
    /// For each commitment, the field that decides each check.
    fields: Vec<[Field; 7]>,
    /// Each commitment's measure, when the plan has it.
    measures: Vec<Option<&'a Measure>>,
    /// The commitments' values: `Some(None)` when too large to compute.
    values: Vec<Option<Option<Decimal>>>,
    /// For each hot topic, the indices of its commitments.
    members: Vec<Vec<usize>>,
    /// For each hot topic, whether the answers mention it.
    mentioned: Vec<bool>,
    /// For each hot topic, its band.
    outcomes: Vec<Outcome>,
    /// How many commitments earn innovation credit.
    innovating: usize,
}

impl Model<'_> {
    /// The band of hot topic `t`, with commitment `swap.0` evaluated as
    /// `swap.1` (to see what a fix would do).
    fn outcome(&self, t: usize, swap: Option<(usize, &Eval)>) -> Outcome {
        let mut best: Option<(Band, u8, usize)> = None;
        for &i in &self.members[t] {
            let eval = match swap {
                Some((j, e)) if j == i => e,
                _ => &self.evals[i],
            };
            if !eval.credible {
                continue;
            }
            let (band, passed) = (eval.band(), eval.passed());
            let better = match best {
                None => true,
                Some((b, p, _)) => band > b || (band == b && passed > p),
            };
            if better {
                best = Some((band, passed, i));
            }
        }
        match best {
            Some((band, _, i)) => Outcome {
                band,
                setter: Some(i),
                source: BandSource::Commitment,
            },
            None if self.mentioned[t] => Outcome {
                band: Band::Poor,
                setter: None,
                source: BandSource::Mentioned,
            },
            None if !self.members[t].is_empty() => Outcome {
                band: Band::Poor,
                setter: None,
                source: BandSource::OnlyNotCredible,
            },
            None => Outcome {
                band: Band::NoResponse,
                setter: None,
                source: BandSource::Nothing,
            },
        }
    }

    /// `weight x bands x weighting / (5 x total weight)`: the marks of
    /// `bands` bands of hot topic `t`, with a single division.
    fn topic_marks(&self, t: usize, bands: i64) -> Decimal {
        let weight = self.ctx.doc.plan.hot_topics[t].weight;
        weight
            .saturating_mul(Decimal::from(bands))
            .saturating_mul(self.ctx.doc.tender.social_value_weighting)
            .checked_div(self.ctx.total_weight.saturating_mul(Decimal::from(5)))
            .unwrap_or(Decimal::ZERO)
    }

    /// The innovation credit of `count` commitments, capped.
    fn credit(count: usize) -> Decimal {
        let count = Decimal::from(u32::try_from(count).unwrap_or(u32::MAX));
        innovation_each()
            .saturating_mul(count)
            .min(innovation_cap())
    }

    /// The marks gained if commitment `i` were evaluated as `eval`
    /// (never negative).
    fn gain_if(&self, i: usize, eval: &Eval) -> Decimal {
        let gain = match self.evals[i].topic {
            Some(t) => {
                let now = self.outcomes[t].band;
                let then = self.outcome(t, Some((i, eval))).band;
                self.topic_marks(t, i64::from(then.number()) - i64::from(now.number()))
            }
            None => {
                let was = usize::from(self.evals[i].innovates());
                let will = usize::from(eval.innovates());
                let count = self.innovating - was + will;
                (Self::credit(count) - Self::credit(self.innovating))
                    .saturating_mul(self.ctx.doc.tender.social_value_weighting)
            }
        };
        gain.max(Decimal::ZERO)
    }
}

/// Scores an offer against the plan and tender it answers.
///
/// Deterministic and self-contained: the same document always gives the
/// same report, and nothing is read from the store or the disk.
pub fn score(doc: &OfferDocument) -> Report {
    let plan = &doc.plan;
    let tender = &doc.tender;
    let offer = &doc.offer;
    let ctx = Context::new(doc);
    let weighting = tender.social_value_weighting;
    let mut flags = Vec::new();

    // Section 1: the checks on each commitment.
    let n = offer.commitments.len();
    let mut evals = Vec::with_capacity(n);
    let mut hedges = Vec::with_capacity(n);
    let mut fields = Vec::with_capacity(n);
    let mut measures = Vec::with_capacity(n);
    let mut values = Vec::with_capacity(n);
    let mut check_results = Vec::with_capacity(n);
    let mut members = vec![Vec::new(); plan.hot_topics.len()];
    for (i, c) in offer.commitments.iter().enumerate() {
        let topic = c
            .hot_topic
            .as_deref()
            .and_then(|id| plan.hot_topics.iter().position(|t| t.id == id));
        if let (Some(id), None) = (&c.hot_topic, topic) {
            flags.push(Flag {
                kind: FlagKind::UnknownHotTopic,
                commitment: Some(c.id.clone()),
                figure: None,
                message: format!(
                    "{} names the hot topic \"{id}\", which the plan does not have: it counts as an innovation until you choose one of the plan's hot topics",
                    c.id
                ),
            });
        }
        let measure = c.measure.as_deref().and_then(|id| plan.measure(id));
        if let (Some(id), None) = (&c.measure, measure) {
            flags.push(Flag {
                kind: FlagKind::UnknownMeasure,
                commitment: Some(c.id.clone()),
                figure: None,
                message: format!(
                    "{} is counted in the measure \"{id}\", which the plan does not have: choose one of the plan's measures so it can be valued",
                    c.id
                ),
            });
        }
        let results = checks::check(&ctx, c, topic.map(|t| &plan.hot_topics[t]), measure);
        let mut passes = [false; 7];
        let mut decided_by = [Field::What; 7];
        for ((p, f), r) in passes.iter_mut().zip(decided_by.iter_mut()).zip(&results) {
            *p = r.passed;
            *f = r.field;
        }
        let found = commitment_hedges(&c.id, &c.what, c.how.as_deref());
        let value = checks::value(c, measure);
        let credible = match value {
            Some(Some(v)) => v <= ctx.half_contract,
            Some(None) => false,
            None => true,
        };
        if !credible {
            flags.push(Flag {
                kind: FlagKind::NotCredible,
                commitment: Some(c.id.clone()),
                figure: value.flatten(),
                message: checks::not_credible_message(&ctx, &c.id, value.flatten(), measure),
            });
        }
        if let Some(t) = topic {
            members[t].push(i);
        }
        evals.push(Eval {
            topic,
            passes,
            hedged: found.iter().any(|h| h.counts_for_band),
            credible,
        });
        hedges.push(found);
        fields.push(decided_by);
        measures.push(measure);
        values.push(value);
        check_results.push(results);
    }

    // Section 2: a band for each hot topic.
    // Each answer is read once, for the mentions and its hedging phrases.
    let mut words = Mentions::new(plan.hot_topics.iter().map(|t| t.title.as_str()));
    let answer_hedges: Vec<Vec<Found>> = offer
        .answers
        .iter()
        .map(|a| text::scan_answer(&a.text, &mut words))
        .collect();
    let mentions: Vec<_> = (0..plan.hot_topics.len())
        .map(|t| words.mention(t))
        .collect();
    let mut model = Model {
        ctx,
        evals,
        hedges,
        fields,
        measures,
        values,
        members,
        mentioned: mentions.iter().map(|m| m.mentioned()).collect(),
        outcomes: Vec::new(),
        innovating: 0,
    };
    model.outcomes = (0..plan.hot_topics.len())
        .map(|t| model.outcome(t, None))
        .collect();
    model.innovating = model
        .evals
        .iter()
        .filter(|e| e.topic.is_none() && e.innovates())
        .count();

    // Section 3: marks.
    let total_weight = model.ctx.total_weight;
    let mut weighted_bands = Decimal::ZERO;
    let mut hot_topics = Vec::with_capacity(plan.hot_topics.len());
    for (t, topic) in plan.hot_topics.iter().enumerate() {
        let outcome = model.outcomes[t];
        let band = outcome.band;
        weighted_bands = weighted_bands
            .saturating_add(topic.weight.saturating_mul(Decimal::from(band.number())));
        let mention = &mentions[t];
        hot_topics.push(HotTopicScore {
            id: topic.id.clone(),
            title: topic.title.clone(),
            theme: topic.theme.clone(),
            weight: topic.weight,
            share: topic
                .weight
                .checked_div(total_weight)
                .unwrap_or(Decimal::ZERO)
                .normalize(),
            band,
            band_word: band.word().to_owned(),
            source: outcome.source,
            set_by: outcome.setter.map(|i| offer.commitments[i].id.clone()),
            reason: topic_reason(&model, t, mention),
            mentioned: model.mentioned[t],
            mention: Mention {
                words: mention.words.clone(),
                found: mention.found.clone(),
                needed: mention.needed(),
            },
            commitments: model.members[t]
                .iter()
                .map(|&i| offer.commitments[i].id.clone())
                .collect(),
            marks: model.topic_marks(t, i64::from(band.number())).normalize(),
            max_marks: model.topic_marks(t, 5).normalize(),
        });
    }
    let hot_topic_score = weighted_bands
        .checked_div(total_weight.saturating_mul(Decimal::from(5)))
        .unwrap_or(Decimal::ZERO)
        .normalize();
    let credit = Model::credit(model.innovating);
    let uncapped = hot_topic_score.saturating_add(credit);
    let capped = uncapped > Decimal::ONE;
    let s = uncapped.min(Decimal::ONE).normalize();
    let projected_marks = s.saturating_mul(weighting).normalize();
    if capped {
        flags.push(Flag {
            kind: FlagKind::ScoreCapped,
            commitment: None,
            figure: None,
            message: "Your score reaches the most there is (S = 1): more commitments cannot raise the projected marks, so spend your words on making these ones clear".to_owned(),
        });
    }

    let innovation = Innovation {
        commitments: model
            .evals
            .iter()
            .zip(&offer.commitments)
            .filter(|(e, _)| e.topic.is_none() && e.innovates())
            .map(|(_, c)| c.id.clone())
            .collect(),
        each: innovation_each(),
        cap: innovation_cap(),
        credit: credit.normalize(),
        marks: credit.saturating_mul(weighting).normalize(),
    };

    let answers = fixes::answer_checks(doc, answer_hedges);
    let fixes = fixes::fixes(&model, &answers);
    let social_value = value::social_value(&model);

    // Last, so that the hedges move into the report instead of being copied.
    let hedges = std::mem::take(&mut model.hedges);
    let commitments = offer
        .commitments
        .iter()
        .enumerate()
        .zip(check_results)
        .zip(hedges)
        .map(|(((i, c), checks), hedges)| {
            let eval = &model.evals[i];
            let band = (eval.topic.is_some() && eval.credible).then(|| eval.band());
            let core: Vec<&str> = hedges
                .iter()
                .filter(|h| h.counts_for_band)
                .map(|h| h.phrase.as_str())
                .collect();
            let innovation = eval.topic.is_none() && eval.innovates();
            let band_reason = commitment_reason(eval, &core, innovation);
            CommitmentScore {
                id: c.id.clone(),
                hot_topic: eval.topic.map(|t| plan.hot_topics[t].id.clone()),
                checks,
                passed: eval.passed(),
                hedges,
                hedged: eval.hedged,
                value: model.values[i].flatten(),
                credible: eval.credible,
                band,
                band_reason,
                innovation,
            }
        })
        .collect();

    Report {
        model_version: MODEL_VERSION,
        weighting,
        hot_topic_score,
        innovation,
        score: s,
        capped,
        projected_marks,
        projected_marks_text: format!(
            "{} of {}",
            display::Tenths(projected_marks),
            display::Qty(weighting)
        ),
        hot_topics,
        commitments,
        answers,
        flags,
        fixes,
        social_value,
        disclaimer: DISCLAIMER.to_owned(),
    }
}

/// A figure to one decimal place, half away from zero: "7.4", "5.0".
pub fn one_place(value: Decimal) -> String {
    display::Tenths(value).to_string()
}

/// The hedging phrases in a commitment's `what` and `how`.
fn commitment_hedges(id: &str, what: &str, how: Option<&str>) -> Vec<Hedge> {
    let place = |field| Place::Commitment {
        id: id.to_owned(),
        field,
    };
    let mut out: Vec<Hedge> = text::find_hedges(what)
        .into_iter()
        .map(|f| hedge(f, place(Field::What)))
        .collect();
    if let Some(how) = how {
        out.extend(
            text::find_hedges(how)
                .into_iter()
                .map(|f| hedge(f, place(Field::How))),
        );
    }
    out
}

/// A hedging phrase found, placed.
pub(crate) fn hedge(found: Found, place: Place) -> Hedge {
    Hedge {
        phrase: found.phrase.to_owned(),
        written: found.written,
        place,
        offset: found.offset,
        excerpt: found.excerpt,
        counts_for_band: found.core,
    }
}

/// Why a commitment gets its band, or its innovation credit.
fn commitment_reason(eval: &Eval, hedges: &[&str], innovation: bool) -> String {
    if !eval.credible {
        return "Out of proportion to the contract: it sets no band until its figure is checked"
            .to_owned();
    }
    if eval.topic.is_some() {
        return checks::band_reason(eval, hedges);
    }
    if innovation {
        return "No hot topic, and measurable, dated, owned and monitored: it earns innovation credit".to_owned();
    }
    let missing: Vec<&str> = [(0, "M"), (1, "T"), (3, "O"), (4, "K")]
        .iter()
        .filter(|(k, _)| !eval.passes[*k])
        .map(|(_, l)| *l)
        .collect();
    format!(
        "No hot topic: it earns innovation credit once it passes M, T, O and K (it fails {})",
        missing.join(", ")
    )
}

/// Why a hot topic has its band.
fn topic_reason(model: &Model, t: usize, mention: &text::TitleMention) -> String {
    let offer = &model.ctx.doc.offer;
    let outcome = model.outcomes[t];
    match (outcome.source, outcome.setter) {
        (BandSource::Commitment, Some(i)) => {
            let core: Vec<&str> = model.hedges[i]
                .iter()
                .filter(|h| h.counts_for_band)
                .map(|h| h.phrase.as_str())
                .collect();
            let reason = checks::band_reason(&model.evals[i], &core);
            let reason = reason.strip_prefix("Passes").unwrap_or(&reason);
            format!("Set by {}, which passes{reason}", offer.commitments[i].id)
        }
        (BandSource::Mentioned, _) => format!(
            "No commitment yet, but your answers mention it ({} of its words {}): band 1 Poor. A commitment would score more",
            mention.found.len(),
            quoted_list(&mention.words)
        ),
        (BandSource::OnlyNotCredible, _) => "Its only commitments are out of proportion to the contract, so they set no band: band 1 Poor".to_owned(),
        _ if mention.words.is_empty() => "No commitment yet: band 0 No response".to_owned(),
        _ => format!(
            "No commitment yet, and your answers do not mention it (they use {} of its words {}, and {} are needed): band 0 No response",
            mention.found.len(),
            quoted_list(&mention.words),
            mention.needed()
        ),
    }
}

/// "\"Local\", \"jobs\" and \"people\"".
pub(crate) fn quoted_list(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn one_place_rounds_half_away_from_zero() {
        for (value, shown) in [
            ("7.45", "7.5"),
            ("7.44999", "7.4"),
            ("5.25", "5.3"),
            ("5", "5.0"),
            ("0", "0.0"),
            ("0.04", "0.0"),
            ("10", "10.0"),
            ("-0.25", "-0.3"),
            ("1234.96", "1235.0"),
            ("0.3333333333333333333333333333", "0.3"),
        ] {
            let value = Decimal::from_str(value).unwrap();
            assert_eq!(one_place(value), shown, "{value}");
        }
    }
}
