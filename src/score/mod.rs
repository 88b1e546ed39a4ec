//! The self-score: what an evaluator following the buyer's plan would
//! likely give each hot topic, why, and what to fix first.
//!
//! [`score`] implements model version 2 of the scoring contract
//! (`docs/scoring.md` explains it to bid writers), in the spec's order:
//! for each commitment, where it counts (R1), the seven checks (M T L O K E
//! A), the not-credible tests (P, R12, R3, R9, R11), its raw band and its
//! caps (R15, R7, R8, R2, R1, R10, R14); for each hot topic, its band, the
//! mention (R5, on the answers as read, R6) and the holds (R10, R13); then
//! the marks, the innovation credit, the checks on the answers, the ranked
//! fixes and the social value in GBP. It is deterministic, needs no store,
//! uses exact decimals throughout, and is fast enough to run on every
//! keystroke (see `benches/score.rs`). [`render_text`] writes the report as
//! plain text for people (the terminal); the app and the review PDF lay out
//! the [`Report`] themselves.
//!
//! Where things are: `words.rs` (words, keys, the generic and unit lists,
//! vocabularies), `text.rs` (given, placeholders, word counts, the answers
//! as read, hedging phrases), `checks.rs` (the seven checks, raw band and
//! caps), `rules.rs` (R1, R2, the not-credible tests, R7, R10), here (the
//! pipeline, bands of hot topics, holds, marks, innovation), `fixes.rs`
//! (the answers' checks and the ranked fixes), `value.rs` (GBP),
//! `report.rs` (the types), `render.rs` (the text).
//!
//! How to change it:
//! - a rule: change it where it lives, then the cases in
//!   `tests/it/score.rs`, the worked examples in `tests/fixtures/scoring/`,
//!   `docs/scoring.md` (its worked example is checked by a test), and the
//!   snapshot of the demo report (`cargo insta review`, or
//!   `INSTA_UPDATE=always cargo test --test it score`); a change to the
//!   model itself also bumps [`MODEL_VERSION`];
//! - a wording: the reasons live next to their rule; the snapshot shows
//!   every one of them in context.

mod checks;
mod display;
mod fixes;
mod render;
mod report;
mod rules;
mod text;
mod value;
mod words;

use std::collections::HashMap;

use rust_decimal::Decimal;

pub use render::render_text;
pub use report::{
    AnswerCheck, Band, BandSource, Cap, Check, CheckResult, CommitmentScore, CommitmentValue,
    Counted, Field, Fix, FixKind, FixTarget, Flag, FlagKind, Hedge, Hold, HotTopicScore,
    Innovation, Mention, NotCredible, Place, Report, Rule, SocialValue, ThemeValue,
};
pub use text::{
    EXTRA_HEDGING_PHRASES, HEDGING_PHRASES, NOTE_WORDS, PLACEHOLDERS, chars_counted, is_given,
    placeholders, word_count, words_counted,
};
pub use words::GENERIC;

use checks::{Context, Eval};
use rules::{CAP_RULES, Sizing, cap_index};
use text::Found;

use crate::domain::{Measure, OfferDocument};
use crate::text::sentence;

/// The version of the scoring model that [`score`] implements.
pub const MODEL_VERSION: u32 = 2;

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
    /// The band after the holds.
    band: Band,
    /// The band its commitments (or a mention) give it, before the holds.
    before_holds: Band,
    setter: Option<usize>,
    source: BandSource,
}

/// What the rules found about one commitment, for its reasons and fixes.
pub(crate) struct Findings {
    /// The hot topic it is filed under, when the plan has it.
    filed: Option<usize>,
    /// The reason of each cap of [`CAP_RULES`] that applies.
    cap_reasons: [Option<String>; 7],
    /// Why it is not credible.
    not_credible: Vec<NotCredible>,
    /// The tests that could not run for want of the number of employees.
    untested: Vec<Rule>,
    /// Its placeholders (R10).
    placeholders: rules::Unfinished,
    /// Whether its measure links it to the hot topic it counts for (R7).
    linked: bool,
    /// R2: today's rate to its date, and m, when it is business as usual.
    usual: Option<(Decimal, u32)>,
}

/// Everything worked out about an offer, from which the report and its
/// fixes are written.
pub(crate) struct Model<'a> {
    ctx: Context<'a>,
    /// One per commitment, in the offer's order.
    evals: Vec<Eval>,
    /// What the rules found, one per commitment.
    found: Vec<Findings>,
    /// The commitments' hedging phrases.
    hedges: Vec<Vec<Hedge>>,
    /// For each commitment, the field that decides each check.
    fields: Vec<[Field; 7]>,
    /// Each commitment's measure, when the plan has it.
    measures: Vec<Option<&'a Measure>>,
    /// The commitments' values: `Some(None)` when too large to compute.
    values: Vec<Option<Option<Decimal>>>,
    /// For each hot topic, the commitments that count for it.
    members: Vec<Vec<usize>>,
    /// For each hot topic, whether the answers as read mention it.
    mentioned: Vec<bool>,
    /// For each hot topic, the holds on it: R10 (with the questions of the
    /// draft answers that mention it) and R13.
    holds: Vec<Vec<(Rule, String)>>,
    /// For each hot topic, its band.
    outcomes: Vec<Outcome>,
    /// How many commitments earn innovation credit.
    innovating: usize,
    /// The commitments that are not credible, in the offer's order.
    not_credible: Vec<usize>,
    /// For each hot topic, its best credible commitment's band and index,
    /// and the best band among the others: what a fix to one commitment
    /// would leave, found in constant time.
    tops: Vec<Tops>,
}

/// A hot topic's best credible commitment (its band and index), and the
/// best band among its other credible ones.
type Tops = (Option<(Band, usize)>, Option<Band>);

impl Model<'_> {
    /// The band of hot topic `t`, with commitment `swap.0` evaluated as
    /// `swap.1` (to see what a fix would do), and R13 lifted when asked.
    fn outcome(&self, t: usize, swap: Option<(usize, &Eval)>, lift_r13: bool) -> Outcome {
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
        let (before_holds, setter, source) = match best {
            Some((band, _, i)) => (band, Some(i), BandSource::Commitment),
            None if self.mentioned[t] => (Band::Poor, None, BandSource::Mentioned),
            None if !self.members[t].is_empty() => (Band::Poor, None, BandSource::OnlyNotCredible),
            None => (Band::NoResponse, None, BandSource::Nothing),
        };
        Outcome {
            band: before_holds.min(self.hold(t, lift_r13)),
            before_holds,
            setter,
            source,
        }
    }

    /// The band the holds on hot topic `t` stop it at (band 5 when none).
    fn hold(&self, t: usize, lift_r13: bool) -> Band {
        let held = self.holds[t]
            .iter()
            .any(|(rule, _)| !(lift_r13 && *rule == Rule::R13));
        if held { Band::Weak } else { Band::Excellent }
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

    /// For each hot topic, the band and index of its best credible
    /// commitment, and the best band among its other credible ones.
    fn tops(&self) -> Vec<Tops> {
        self.members
            .iter()
            .enumerate()
            .map(|(t, members)| {
                let best = self
                    .outcome(t, None, false)
                    .setter
                    .map(|i| (self.evals[i].band(), i));
                let second = members
                    .iter()
                    .filter(|&&i| Some(i) != best.map(|(_, b)| b) && self.evals[i].credible)
                    .map(|&i| self.evals[i].band())
                    .max();
                (best, second)
            })
            .collect()
    }

    /// The band of hot topic `t` with commitment `i` evaluated as `eval`,
    /// the holds still applying: in constant time, from [`Model::tops`].
    fn band_if(&self, t: usize, i: usize, eval: &Eval) -> Band {
        let (best, second) = self.tops[t];
        let others = match best {
            Some((_, b)) if b == i => second,
            Some((band, _)) => Some(band),
            None => None,
        };
        let mine = eval.credible.then(|| eval.band());
        let before_holds = match others.max(mine) {
            Some(band) => band,
            // Commitment i counts for t, so t has a commitment.
            None => Band::Poor,
        };
        before_holds.min(self.hold(t, false))
    }

    /// The marks gained if commitment `i` were evaluated as `eval`, the
    /// holds still applying (never negative).
    fn gain_if(&self, i: usize, eval: &Eval) -> Decimal {
        let Some(t) = self.evals[i].topic else {
            return Decimal::ZERO;
        };
        let now = self.outcomes[t].band;
        let then = self.band_if(t, i, eval);
        // The constant-time answer is the full one (checked in test builds).
        debug_assert_eq!(then, self.outcome(t, Some((i, eval)), false).band);
        self.topic_marks(t, i64::from(then.number()) - i64::from(now.number()))
            .max(Decimal::ZERO)
    }

    /// The marks gained if R13 were lifted, over every hot topic.
    fn gain_without_r13(&self) -> Decimal {
        (0..self.outcomes.len())
            .map(|t| {
                let then = self.outcome(t, None, true).band;
                let now = self.outcomes[t].band;
                self.topic_marks(t, i64::from(then.number()) - i64::from(now.number()))
            })
            .fold(Decimal::ZERO, Decimal::saturating_add)
            .max(Decimal::ZERO)
    }
}

/// The answers as read (R6), each with its question's word limit applied.
fn answers_as_read(doc: &OfferDocument) -> Vec<&str> {
    doc.offer
        .answers
        .iter()
        .map(|a| {
            let limit = doc.tender.question(&a.question).and_then(|q| q.word_limit);
            text::as_read(&a.text, limit)
        })
        .collect()
}

/// The words the mentions look for (R5): every title's distinct words
/// (normalised, not generic), each with a number, so that an answer is
/// read once for all the hot topics without keeping its words.
struct TitleWords {
    /// Each normalised word, with its number.
    index: HashMap<String, usize>,
    /// For each hot topic, the numbers of its title's words.
    titles: Vec<Vec<usize>>,
    /// The longest word looked for, in characters.
    longest: usize,
    /// For ASCII words, quick "no"s: a bit for each length in bytes (up to
    /// 63) of a word looked for, and for each first letter a-z (any other
    /// first byte sets bit 26).
    lengths: u64,
    letters: u32,
}

/// The bit of a word's first byte in [`TitleWords::letters`].
fn letter_bit(first: u8) -> u32 {
    1 << u32::from(first.to_ascii_lowercase().wrapping_sub(b'a')).min(26)
}

impl TitleWords {
    fn new(titles: &[Vec<(String, String)>]) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let titles = titles
            .iter()
            .map(|words| {
                words
                    .iter()
                    .map(|(_, n)| {
                        let next = index.len();
                        *index.entry(n.clone()).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let longest = index.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        let lengths = index
            .keys()
            .fold(0u64, |bits, k| bits | 1u64 << k.len().min(63));
        let letters = index.keys().fold(0u32, |bits, k| {
            bits | letter_bit(k.as_bytes().first().copied().unwrap_or(0))
        });
        TitleWords {
            index,
            titles,
            longest,
            lengths,
            letters,
        }
    }

    /// Which of the words looked for a text uses.
    fn scan(&self, text: &str) -> Vec<bool> {
        let mut seen = vec![false; self.index.len()];
        if self.index.is_empty() {
            return seen;
        }
        let mut buf = String::new();
        for w in words::words(text) {
            // A normalised title word has at least 3 letters, and the word
            // may have one more (its "s").
            let n = w.len();
            // Bytes are at least characters: a cheap test first.
            if n < 3 || (n > self.longest + 1 && w.chars().count() > self.longest + 1) {
                continue;
            }
            if w.is_ascii() {
                let bytes = w.as_bytes();
                let norm = match bytes.last() {
                    Some(b's' | b'S') => n - 1,
                    _ => n,
                };
                if self.lengths & (1u64 << norm.min(63)) == 0
                    || self.letters & letter_bit(bytes[0]) == 0
                {
                    continue;
                }
            }
            buf.clear();
            if w.is_ascii() {
                buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                buf.extend(w.chars().flat_map(char::to_lowercase));
            }
            if buf.ends_with('s') {
                buf.pop();
            }
            if let Some(&k) = self.index.get(buf.as_str()) {
                seen[k] = true;
            }
        }
        seen
    }

    /// Whether at least half of hot topic `t`'s title words, rounded up,
    /// are among `seen` (never, for a title left with no word).
    fn mentioned(&self, t: usize, seen: &[bool]) -> bool {
        let words = &self.titles[t];
        let found = words.iter().filter(|&&k| seen[k]).count();
        !words.is_empty() && found >= words.len().div_ceil(2)
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

    // Section 1: where each commitment counts, its checks, its credibility.
    let n = offer.commitments.len();
    let mut evals = Vec::with_capacity(n);
    let mut found = Vec::with_capacity(n);
    let mut hedges = Vec::with_capacity(n);
    let mut fields = Vec::with_capacity(n);
    let mut measures = Vec::with_capacity(n);
    let mut values = Vec::with_capacity(n);
    let mut check_results = Vec::with_capacity(n);
    let mut members = vec![Vec::new(); plan.hot_topics.len()];
    let mut not_credible = Vec::new();
    let mut untested_any = Vec::new();
    for (i, c) in offer.commitments.iter().enumerate() {
        let filed = c
            .hot_topic
            .as_deref()
            .and_then(|id| plan.hot_topics.iter().position(|t| t.id == id));
        if let (Some(id), None) = (&c.hot_topic, filed) {
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
        // R1: where it counts.
        let topic = rules::counts_for(&ctx, filed, c);
        let hot_topic = topic.map(|t| &plan.hot_topics[t]);
        let results = checks::check(&ctx, c, hot_topic, measure);
        let mut passes = [false; 7];
        let mut decided_by = [Field::What; 7];
        for ((p, f), r) in passes.iter_mut().zip(decided_by.iter_mut()).zip(&results) {
            *p = r.passed;
            *f = r.field;
        }
        let hedge_list = commitment_hedges(&c.id, &c.what, c.how.as_deref());
        let hedged = hedge_list.iter().any(|h| h.counts_for_band);

        // The not-credible tests.
        let value = checks::value(c, measure);
        let unit_texts = checks::unit_texts(c, measure);
        let sizing = Sizing {
            commitment: c,
            units: ctx.lexicon.names(unit_texts.iter().copied()),
            measure_name: ctx.lexicon.names(measure.map(|m| m.name.as_str())),
            value,
        };
        let (reasons, untested) = rules::not_credible(&ctx, &sizing);
        let credible = reasons.is_empty();
        if !credible {
            not_credible.push(i);
            flags.push(Flag {
                kind: FlagKind::NotCredible,
                commitment: Some(c.id.clone()),
                figure: value.flatten(),
                message: format!(
                    "{} is not credible: {}. Evaluators doubt a promise out of proportion to the contract or the team, so it sets no band: size it to what you can deliver",
                    c.id,
                    reasons
                        .iter()
                        .map(|r| r.reason.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            });
        }
        for rule in &untested {
            if !untested_any.contains(rule) {
                untested_any.push(*rule);
            }
        }

        // Section 2: the caps, for a commitment that counts for a hot topic.
        let placeholders = rules::unfinished(c);
        let mut caps = [None; 7];
        let mut cap_reasons: [Option<String>; 7] = Default::default();
        let mut linked = false;
        let mut usual = None;
        if let (Some(t), Some(topic)) = (topic, hot_topic) {
            let mut set = |rule: Rule, band: Band, reason: String| {
                if let Some(k) = cap_index(rule) {
                    caps[k] = Some(band);
                    cap_reasons[k] = Some(reason);
                }
            };
            let l_fails = topic.place_based && !passes[2];
            if hedged {
                let phrase = hedge_list
                    .iter()
                    .find(|h| h.counts_for_band)
                    .map_or("", |h| h.phrase.as_str());
                set(
                    Rule::R15,
                    Band::Weak,
                    format!("\"{phrase}\" makes it a hedged promise, which stops at band 2"),
                );
            }
            linked = rules::linked(&ctx, t, c);
            if !linked {
                set(
                    Rule::R7,
                    Band::Satisfactory,
                    format!(
                        "it is not linked to one of the measures of \"{}\", so an evaluator cannot check it beyond band 3",
                        topic.title
                    ),
                );
            } else if l_fails {
                set(
                    Rule::R7,
                    Band::Satisfactory,
                    "it does not name a place in the buyer's area, so an evaluator cannot check it beyond band 3".to_owned(),
                );
            } else if c.baseline.is_none() {
                set(
                    Rule::R7,
                    Band::Good,
                    "it has no baseline (how much of this you deliver in a year today), so an evaluator cannot check it beyond band 4".to_owned(),
                );
            }
            if l_fails {
                let reason = if checks::place_given(c) {
                    format!(
                        "it is not delivered in the buyer's area ({}), so it stops at band 2",
                        ctx.local_text
                    )
                } else {
                    "it does not say where it is delivered, so it stops at band 2".to_owned()
                };
                set(Rule::R8, Band::Weak, reason);
            }
            let m = rules::months_to(&ctx, c.by, passes[1]);
            if let Some(amount) = rules::business_as_usual(c, m) {
                usual = Some((amount, m));
                set(
                    Rule::R2,
                    Band::Weak,
                    rules::business_as_usual_reason(c, amount, m),
                );
            }
            if filed == Some(t) && rules::unclear_fit(&ctx, t, c) {
                set(
                    Rule::R1,
                    Band::Weak,
                    format!(
                        "it is not clear how it serves \"{}\": it has none of the hot topic's measures and none of its words",
                        topic.title
                    ),
                );
            }
            let rules::Unfinished {
                in_what, others, ..
            } = &placeholders;
            if !in_what.is_empty() {
                set(
                    Rule::R10,
                    Band::Poor,
                    format!(
                        "it is unfinished ({} in what it promises), so it stops at band 1",
                        rules::first_and_more(in_what)
                    ),
                );
            } else if !others.is_empty() {
                set(
                    Rule::R10,
                    Band::Weak,
                    format!(
                        "it is unfinished ({}), so it stops at band 2",
                        rules::first_and_more(others)
                    ),
                );
            }
            if filed.is_some_and(|f| f != t) {
                let filed_title = filed.map_or("", |f| plan.hot_topics[f].title.as_str());
                set(
                    Rule::R14,
                    Band::Satisfactory,
                    format!(
                        "filed under \"{filed_title}\", it counts for \"{}\", where its measure is listed, and stops at band 3 there",
                        topic.title
                    ),
                );
            }
            members[t].push(i);
        }
        evals.push(Eval {
            topic,
            passes,
            hedged,
            credible,
            caps,
        });
        found.push(Findings {
            filed,
            cap_reasons,
            not_credible: reasons,
            untested,
            placeholders,
            linked,
            usual,
        });
        hedges.push(hedge_list);
        fields.push(decided_by);
        measures.push(measure);
        values.push(value);
        check_results.push(results);
    }
    if !untested_any.is_empty() {
        let tests: Vec<&str> = untested_any.iter().map(|r| r.id()).collect();
        flags.push(Flag {
            kind: FlagKind::EmployeesMissing,
            commitment: None,
            figure: None,
            message: format!(
                "The bidder's number of employees is not given, so the test{} of people and staff time against your team ({}) could not run: give it in the bidder's details",
                if tests.len() == 1 { "" } else { "s" },
                tests.join(", ")
            ),
        });
    }

    // Section 2: mentions on the answers as read (R5, R6), and the holds.
    let read = answers_as_read(doc);
    let titles: Vec<Vec<(String, String)>> = plan
        .hot_topics
        .iter()
        .map(|t| ctx.lexicon.title_words(&t.title))
        .collect();
    let title_words = TitleWords::new(&titles);
    let mut all_read = vec![false; title_words.index.len()];
    let mut holds: Vec<Vec<(Rule, String)>> = vec![Vec::new(); plan.hot_topics.len()];
    let answer_placeholders: Vec<Vec<String>> = offer
        .answers
        .iter()
        .map(|a| text::placeholders(&a.text))
        .collect();
    for ((a, text), found) in offer.answers.iter().zip(&read).zip(&answer_placeholders) {
        let seen = title_words.scan(text);
        if !found.is_empty() {
            for (t, hold) in holds.iter_mut().enumerate() {
                if title_words.mentioned(t, &seen) {
                    hold.push((
                        Rule::R10,
                        format!(
                            "your answer to {} mentions it and is an unfinished draft ({}), so it stops at band 2",
                            a.question,
                            rules::first_and_more(found)
                        ),
                    ));
                }
            }
        }
        for (all, one) in all_read.iter_mut().zip(seen) {
            *all |= one;
        }
    }
    if not_credible.len() >= 2 {
        let ids: Vec<&str> = not_credible
            .iter()
            .map(|&i| offer.commitments[i].id.as_str())
            .collect();
        for h in &mut holds {
            h.push((
                Rule::R13,
                format!(
                    "{} commitments ({}) are out of proportion, so an evaluator is unlikely to trust the rest: every hot topic stops at band 2",
                    ids.len(),
                    rules::id_list(&ids)
                ),
            ));
        }
    }
    let mentioned: Vec<bool> = (0..titles.len())
        .map(|t| title_words.mentioned(t, &all_read))
        .collect();

    let answer_hedges: Vec<Vec<Found>> = offer
        .answers
        .iter()
        .map(|a| text::find_hedges(&a.text))
        .collect();
    let mut model = Model {
        ctx,
        evals,
        found,
        hedges,
        fields,
        measures,
        values,
        members,
        mentioned,
        holds,
        outcomes: Vec::new(),
        innovating: 0,
        not_credible,
        tops: Vec::new(),
    };
    model.outcomes = (0..plan.hot_topics.len())
        .map(|t| model.outcome(t, None, false))
        .collect();
    model.tops = model.tops();
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
        let title = &titles[t];
        let found_words: Vec<String> = title
            .iter()
            .filter(|(_, n)| title_words.index.get(n).is_some_and(|&k| all_read[k]))
            .map(|(w, _)| w.clone())
            .collect();
        let mention = Mention {
            words: title.iter().map(|(w, _)| w.clone()).collect(),
            found: found_words,
            needed: title.len().div_ceil(2),
        };
        let held_by = if outcome.before_holds > Band::Weak {
            model.holds[t]
                .iter()
                .map(|(rule, reason)| Hold {
                    rule: *rule,
                    stops_at: Band::Weak,
                    reason: sentence(reason),
                })
                .collect()
        } else {
            Vec::new()
        };
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
            held_by,
            band_word: band.word().to_owned(),
            source: outcome.source,
            set_by: outcome.setter.map(|i| offer.commitments[i].id.clone()),
            reason: topic_reason(&model, t, &mention),
            mentioned: model.mentioned[t],
            mention,
            commitments: model.members[t]
                .iter()
                .map(|&i| offer.commitments[i].id.clone())
                .collect(),
            marks: model.topic_marks(t, i64::from(band.number())).normalize(),
            max_marks: model.topic_marks(t, 5).normalize(),
            marks_text: format!(
                "{} of {}",
                display::Tenths(model.topic_marks(t, i64::from(band.number()))),
                display::Tenths(model.topic_marks(t, 5))
            ),
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
        marks_text: format!(
            "{} marks",
            display::Tenths(credit.saturating_mul(weighting))
        ),
    };

    let answers = fixes::answer_checks(doc, answer_hedges, answer_placeholders, &read);
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
            let found = &model.found[i];
            let named = if eval.credible {
                eval.named_caps()
            } else {
                Vec::new()
            };
            let caps: Vec<Cap> = named
                .iter()
                .map(|&(k, band)| Cap {
                    rule: CAP_RULES[k],
                    stops_at: band,
                    reason: sentence(found.cap_reasons[k].as_deref().unwrap_or_default()),
                })
                .collect();
            let core: Vec<&str> = hedges
                .iter()
                .filter(|h| h.counts_for_band)
                .map(|h| h.phrase.as_str())
                .collect();
            let innovation = eval.topic.is_none() && eval.innovates();
            let band_reason = commitment_reason(eval, found, &core, &named, innovation);
            let rules::Unfinished {
                in_what, others, ..
            } = &found.placeholders;
            CommitmentScore {
                id: c.id.clone(),
                hot_topic: eval.topic.map(|t| plan.hot_topics[t].id.clone()),
                filed_under: found.filed.map(|t| plan.hot_topics[t].id.clone()),
                checks,
                passed: eval.passed(),
                hedges,
                hedged: eval.hedged,
                placeholders: in_what.iter().chain(others).cloned().collect(),
                value: model.values[i].flatten(),
                credible: eval.credible,
                not_credible: found.not_credible.clone(),
                untested: found.untested.clone(),
                raw_band: eval.credible.then(|| eval.raw_band()),
                caps,
                band: eval.credible.then(|| eval.band()),
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
fn commitment_reason(
    eval: &Eval,
    found: &Findings,
    hedges: &[&str],
    caps: &[(usize, Band)],
    innovation: bool,
) -> String {
    if !eval.credible {
        let reasons: Vec<&str> = found
            .not_credible
            .iter()
            .map(|r| r.reason.as_str())
            .collect();
        return format!(
            "Not credible: {}. It sets no band until it is in proportion to the contract and your team",
            reasons.join("; ")
        );
    }
    if eval.topic.is_some() {
        let raw = checks::band_reason(eval, hedges);
        return match caps.first() {
            None => raw,
            Some(&(_, lowest)) => {
                let why: Vec<String> = caps
                    .iter()
                    .map(|&(k, _)| {
                        let reason = found.cap_reasons[k].as_deref().unwrap_or_default();
                        format!("{reason} ({})", CAP_RULES[k].id())
                    })
                    .collect();
                format!(
                    "{raw}; it stops at band {}: {}",
                    lowest.label(),
                    why.join("; ")
                )
            }
        };
    }
    if innovation {
        return "No hot topic, and measurable, dated, owned and monitored: it earns innovation credit".to_owned();
    }
    let missing: Vec<&str> = [(0, "M"), (1, "T"), (3, "O"), (4, "K")]
        .iter()
        .filter(|(k, _)| !eval.passes[*k])
        .map(|(_, l)| *l)
        .collect();
    if missing.is_empty() {
        return "No hot topic: it would earn innovation credit, but it is not credible".to_owned();
    }
    format!(
        "No hot topic: it earns innovation credit once it passes M, T, O and K (it fails {})",
        missing.join(", ")
    )
}

/// Why a hot topic has its band.
fn topic_reason(model: &Model, t: usize, mention: &Mention) -> String {
    let offer = &model.ctx.doc.offer;
    let outcome = model.outcomes[t];
    let reason = match (outcome.source, outcome.setter) {
        (BandSource::Commitment, Some(i)) => {
            let eval = &model.evals[i];
            let band = eval.band();
            if band == eval.raw_band() {
                let core: Vec<&str> = model.hedges[i]
                    .iter()
                    .filter(|h| h.counts_for_band)
                    .map(|h| h.phrase.as_str())
                    .collect();
                let reason = checks::band_reason(eval, &core);
                let reason = reason.strip_prefix("Passes").unwrap_or(&reason).to_owned();
                format!("Set by {}, which passes{reason}", offer.commitments[i].id)
            } else {
                format!(
                    "Set by {}, which stops at band {} (see its caps)",
                    offer.commitments[i].id,
                    band.label()
                )
            }
        }
        (BandSource::Mentioned, _) => format!(
            "No commitment yet, but your answers mention it ({} of its words {}): band 1 Poor. A commitment would score more",
            mention.found.len(),
            quoted_list(&mention.words)
        ),
        (BandSource::OnlyNotCredible, _) => {
            "Its only commitments are not credible, so they set no band: band 1 Poor".to_owned()
        }
        _ if mention.words.is_empty() => "No commitment yet: band 0 No response".to_owned(),
        _ => format!(
            "No commitment yet, and your answers do not mention it (they use {} of its words {}, and {} are needed): band 0 No response",
            mention.found.len(),
            quoted_list(&mention.words),
            mention.needed
        ),
    };
    if outcome.band < outcome.before_holds {
        let holds: Vec<String> = model.holds[t]
            .iter()
            .map(|(rule, why)| format!("{why} ({})", rule.id()))
            .collect();
        format!("{reason}. Held at band 2 Weak: {}", holds.join("; "))
    } else {
        reason
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
