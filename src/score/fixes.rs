//! The checks on the written answers (docs/scoring.md, section 4) and the ranked
//! fixes (section 5).

use rust_decimal::Decimal;

use super::checks::{Eval, amount, business_as_usual, unit};
use super::display::{Day, Gain, Qty};
use super::report::{AnswerCheck, Band, Check, Field, Fix, FixKind, FixTarget, Place};
use super::text::{Found, given, is_given, short, word_count};
use super::{Model, hedge};
use crate::domain::OfferDocument;
use crate::money::gbp;

/// A count for people: "812", "1,250".
fn count(n: u32) -> Qty {
    Qty(Decimal::from(n))
}

/// The checks on the answer to each question of the tender.
/// `answer_hedges` are the hedging phrases of each answer of the offer, in
/// the offer's order.
pub(crate) fn answer_checks(
    doc: &OfferDocument,
    answer_hedges: Vec<Vec<Found>>,
) -> Vec<AnswerCheck> {
    let mut answer_hedges: Vec<Option<Vec<Found>>> = answer_hedges.into_iter().map(Some).collect();
    doc.tender
        .questions
        .iter()
        .map(|q| {
            let found = doc
                .offer
                .answers
                .iter()
                .position(|a| a.question == q.id);
            let text = found.map_or("", |i| doc.offer.answers[i].text.as_str());
            let hedges = found
                .and_then(|i| answer_hedges.get_mut(i).and_then(Option::take))
                .unwrap_or_default();
            let answered = is_given(text);
            let words = word_count(text);
            let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
            let words_over = q.word_limit.map_or(0, |l| words.saturating_sub(l));
            let chars_over = q.char_limit.map_or(0, |l| chars.saturating_sub(l));
            let mut errors = Vec::new();
            if !answered {
                errors.push(
                    "Not answered yet: a question left unanswered usually scores 0".to_owned(),
                );
            }
            if let (Some(limit), true) = (q.word_limit, words_over > 0) {
                errors.push(format!(
                    "{} words, {} over the {} limit: evaluators may stop reading at the limit",
                    count(words),
                    count(words_over),
                    count(limit)
                ));
            }
            if let (Some(limit), true) = (q.char_limit, chars_over > 0) {
                errors.push(format!(
                    "{} characters, {} over the {}-character limit: the portal may cut your answer off",
                    count(chars),
                    count(chars_over),
                    count(limit)
                ));
            }
            let place = || Place::Answer {
                question: q.id.clone(),
            };
            AnswerCheck {
                question: q.id.clone(),
                answered,
                words,
                word_limit: q.word_limit,
                words_over,
                chars,
                char_limit: q.char_limit,
                chars_over,
                errors,
                hedges: hedges
                    .into_iter()
                    .map(|f| hedge(f, place()))
                    .collect(),
            }
        })
        .collect()
}

/// A fix whose gain is shown after its action.
fn scored(
    kind: FixKind,
    check: Option<Check>,
    action: String,
    gain: Decimal,
    target: FixTarget,
    hint: &str,
) -> Fix {
    let text = if gain.is_zero() {
        format!("{action} (no marks on its own: {hint})")
    } else {
        format!("{action}: {}", Gain(gain))
    };
    Fix {
        kind,
        check,
        action,
        text,
        gain: gain.normalize(),
        target,
    }
}

fn at(id: &str, field: Field) -> FixTarget {
    FixTarget::Commitment {
        id: id.to_owned(),
        field,
    }
}

/// What to do to pass a failing check, in plain words.
fn check_action(model: &Model, i: usize, check: Check, field: Field) -> String {
    let doc = model.ctx.doc;
    let c = &doc.offer.commitments[i];
    let id = &c.id;
    match check {
        Check::Measurable if field == Field::Unit => format!(
            "Say what {id} counts: add a unit (people, weeks, GBP...) or one of the plan's measures"
        ),
        Check::Measurable => {
            format!("Say how many for {id}: a number greater than 0 (people, weeks, pounds...)")
        }
        Check::TimeBound => match c.by {
            Some(d) if d < model.ctx.start => format!(
                "Move {id}'s date ({}) into the contract, which starts on {}",
                Day(d),
                model.ctx.start_text
            ),
            Some(d) => format!(
                "Move {id}'s date ({}) into the contract, which ends on {}",
                Day(d),
                model.ctx.end_text
            ),
            None => format!(
                "Say by when {id} will be done: a date from {}",
                model.ctx.window_text
            ),
        },
        Check::Local if model.ctx.local.is_empty() => {
            format!("Say where {id} will happen")
        }
        Check::Local => format!(
            "Say where {id} will happen, naming {}",
            model.ctx.local_text
        ),
        Check::Owned => match c.owner.as_deref().filter(|o| !o.trim().is_empty()) {
            Some(o) => format!("Add who is responsible for {id} (now \"{}\")", o.trim()),
            None => format!("Add who is responsible for {id}"),
        },
        Check::Monitored if field == Field::Reporting => {
            format!("Say how often you will report {id} (monthly, quarterly...)")
        }
        Check::Monitored if given(c.reporting.as_deref()).is_some() => {
            format!("Add the KPI for {id}: the figure you will measure and report")
        }
        Check::Monitored => format!("Add a KPI for {id} and how often you will report it"),
        Check::Evidenced => format!(
            "Add evidence for {id} that you can deliver it: a past figure, a case study or a reference"
        ),
        Check::Additional if field == Field::Additional => format!(
            "Make {id} additional: if it goes beyond what the contract already requires, say so and mark it additional"
        ),
        Check::Additional => {
            let measure = model.measures[i];
            let unit = unit(c, measure)
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let usual = c
                .baseline
                .map(|b| business_as_usual(b, doc.tender.duration_months))
                .unwrap_or_default();
            format!(
                "Promise more for {id} than the {}{unit} you would deliver anyway over the contract",
                amount(usual)
            )
        }
    }
}

/// A few words naming a check's fix, for a list: "name an owner".
fn check_short(check: Check, field: Field) -> &'static str {
    match check {
        Check::Measurable if field == Field::Unit => "add a unit",
        Check::Measurable => "add a quantity",
        Check::TimeBound => "give a date in the contract",
        Check::Local => "name the local place",
        Check::Owned => "name an owner",
        Check::Monitored if field == Field::Reporting => "say how often you report",
        Check::Monitored => "add a KPI and reporting",
        Check::Evidenced => "add evidence",
        Check::Additional if field == Field::Additional => "mark it additional",
        Check::Additional => "promise more than your baseline",
    }
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Why a fix gains no marks on its own.
fn zero_hint(model: &Model, i: usize, together: Decimal) -> String {
    let eval = &model.evals[i];
    let id = &model.ctx.doc.offer.commitments[i].id;
    match eval.topic {
        _ if !eval.credible => {
            "it sets no band until its figure is in proportion to the contract".to_owned()
        }
        Some(t) => {
            let outcome = model.outcomes[t];
            match outcome.setter {
                Some(s) if s != i && outcome.band == Band::Excellent => format!(
                    "{} already sets this hot topic at band 5, but evaluators read every commitment",
                    model.ctx.doc.offer.commitments[s].id
                ),
                _ if !together.is_zero() => format!("see \"Complete {id}\""),
                _ => "evaluators still look for it".to_owned(),
            }
        }
        None if eval.innovates() => {
            format!("{id} already earns its innovation credit, but evaluators still look for it")
        }
        None if Model::credit(model.innovating) >= super::innovation_cap() => {
            "the innovation credit is already at its cap, but evaluators still look for it"
                .to_owned()
        }
        None if !together.is_zero() => format!("see \"Complete {id}\""),
        None => "innovation credit needs only M, T, O and K, but evaluators still look for it"
            .to_owned(),
    }
}

/// Every fix, text errors first, then by gain, largest first (ties in the
/// order: commitments, hot topics, answers' wording).
pub(crate) fn fixes(model: &Model, answers: &[AnswerCheck]) -> Vec<Fix> {
    let doc = model.ctx.doc;
    let mut errors = Vec::new();
    let mut rest = Vec::with_capacity(8 * doc.offer.commitments.len() + doc.plan.hot_topics.len());

    for a in answers {
        let question = doc.tender.question(&a.question);
        let target = || FixTarget::Answer {
            question: a.question.clone(),
            offset: None,
        };
        if !a.answered {
            let text = question.map_or(String::new(), |q| format!(" (\"{}\")", short(&q.text, 80)));
            let action = format!("Answer {}{text}", a.question);
            errors.push(Fix {
                kind: FixKind::Unanswered,
                check: None,
                text: format!("{action}: a question left unanswered usually scores 0"),
                action,
                gain: Decimal::ZERO,
                target: target(),
            });
        }
        if let (Some(limit), true) = (a.word_limit, a.words_over > 0) {
            let action = format!("Cut {} to {} words", a.question, count(limit));
            errors.push(Fix {
                kind: FixKind::OverWordLimit,
                check: None,
                text: format!(
                    "{action}: {} words, {} over the {} limit: evaluators may stop reading at the limit",
                    count(a.words),
                    count(a.words_over),
                    count(limit)
                ),
                action,
                gain: Decimal::ZERO,
                target: target(),
            });
        }
        if let (Some(limit), true) = (a.char_limit, a.chars_over > 0) {
            let action = format!("Cut {} to {} characters", a.question, count(limit));
            errors.push(Fix {
                kind: FixKind::OverCharLimit,
                check: None,
                text: format!(
                    "{action}: it has {}, and the portal may cut it off",
                    count(a.chars)
                ),
                action,
                gain: Decimal::ZERO,
                target: target(),
            });
        }
    }

    for (i, c) in doc.offer.commitments.iter().enumerate() {
        commitment_fixes(model, i, &c.id, &mut rest);
    }

    for (t, topic) in doc.plan.hot_topics.iter().enumerate() {
        if !model.members[t].is_empty() {
            continue;
        }
        let now = model.outcomes[t].band;
        let gain = model.topic_marks(t, 3 - i64::from(now.number()));
        let mentioned = if now == Band::Poor {
            " (your answers mention it, but no commitment backs it)"
        } else {
            ""
        };
        let action = format!("Add a commitment for \"{}\"{mentioned}", topic.title);
        rest.push(Fix {
            kind: FixKind::MissingHotTopic,
            check: None,
            text: format!("{action}: up to {} at band 3", Gain(gain)),
            action,
            gain: gain.normalize(),
            target: FixTarget::HotTopic {
                id: topic.id.clone(),
            },
        });
    }

    for a in answers {
        for h in &a.hedges {
            let action = format!(
                "Replace \"{}\" in {} with a firm promise",
                h.written.split_whitespace().collect::<Vec<_>>().join(" "),
                a.question
            );
            rest.push(Fix {
                kind: FixKind::HedgedAnswer,
                check: None,
                text: format!("{action}: \"{}\"", h.excerpt),
                action,
                gain: Decimal::ZERO,
                target: FixTarget::Answer {
                    question: a.question.clone(),
                    offset: Some(h.offset),
                },
            });
        }
    }

    // A stable sort of the positions (cheaper than moving the fixes about).
    let mut order: Vec<usize> = (0..rest.len()).collect();
    order.sort_by(|&a, &b| rest[b].gain.cmp(&rest[a].gain));
    let mut slots: Vec<Option<Fix>> = rest.into_iter().map(Some).collect();
    errors.reserve(slots.len());
    errors.extend(order.into_iter().filter_map(|i| slots[i].take()));
    errors
}

/// The fixes of one commitment: each failing check, its hedging, its
/// proportion, and all of them together when that gains more.
fn commitment_fixes(model: &Model, i: usize, id: &str, out: &mut Vec<Fix>) {
    let eval = &model.evals[i];
    let hedges = &model.hedges[i];
    let failing: Vec<(Check, Field)> = Check::ALL
        .iter()
        .zip(&eval.passes)
        .zip(&model.fields[i])
        .filter(|((_, passed), _)| !**passed)
        .map(|((check, _), field)| (*check, *field))
        .collect();

    let all = Eval {
        topic: eval.topic,
        passes: [true; 7],
        hedged: false,
        credible: true,
    };
    let together = model.gain_if(i, &all);
    let mut fixes = Vec::new();
    let mut best = Decimal::ZERO;
    let mut items: Vec<String> = Vec::new();

    for &(check, field) in &failing {
        let mut then = eval.clone();
        then.passes[check.index()] = true;
        let gain = model.gain_if(i, &then);
        best = best.max(gain);
        items.push(check_short(check, field).to_owned());
        fixes.push((
            FixKind::FailingCheck,
            Some(check),
            check_action(model, i, check, field),
            gain,
            at(id, field),
        ));
    }

    if let Some(first) = hedges.first() {
        let mut then = eval.clone();
        then.hedged = false;
        let gain = model.gain_if(i, &then);
        best = best.max(gain);
        let phrases: Vec<String> = hedges.iter().map(|h| h.phrase.clone()).collect();
        let field = match &first.place {
            Place::Commitment { field, .. } => *field,
            Place::Answer { .. } => Field::What,
        };
        if eval.hedged {
            let core: Vec<String> = hedges
                .iter()
                .filter(|h| h.counts_for_band)
                .map(|h| h.phrase.clone())
                .collect();
            items.push(format!("remove {}", super::quoted_list(&core)));
        }
        fixes.push((
            FixKind::HedgedCommitment,
            None,
            format!(
                "Make {id} a firm promise: replace {} with what you will do",
                super::quoted_list(&phrases)
            ),
            gain,
            at(id, field),
        ));
    }

    if !eval.credible {
        let mut then = eval.clone();
        then.credible = true;
        let gain = model.gain_if(i, &then);
        best = best.max(gain);
        items.push("bring its figure into proportion".to_owned());
        let figure = model.values[i]
            .flatten()
            .map_or("its value".to_owned(), gbp);
        fixes.push((
            FixKind::NotCredible,
            None,
            format!(
                "Check {id}'s quantity: at {figure} it is worth more than half the contract value ({}), so evaluators will doubt it",
                gbp(model.ctx.half_contract)
            ),
            gain,
            at(id, Field::Quantity),
        ));
    }

    for (kind, check, action, gain, target) in fixes {
        let hint = if !gain.is_zero() {
            String::new()
        } else if kind == FixKind::HedgedCommitment && !eval.hedged {
            "these words do not change the band, but evaluators mark vague promises down".to_owned()
        } else {
            zero_hint(model, i, together)
        };
        out.push(scored(kind, check, action, gain, target, &hint));
    }

    if items.len() >= 2 && together > best {
        let field = failing.first().map_or(Field::What, |(_, f)| *f);
        let what = match eval.topic {
            Some(t) => format!(
                "\"{}\" rises to band 5",
                model.ctx.doc.plan.hot_topics[t].title
            ),
            None => "it earns innovation credit".to_owned(),
        };
        let action = format!("Complete {id}: {}", and_list(&items));
        out.push(Fix {
            kind: FixKind::CompleteCommitment,
            check: None,
            text: format!("{action}. Then {what}: {}", Gain(together)),
            action,
            gain: together.normalize(),
            target: at(id, field),
        });
    }
}
