//! The checks on the written answers (docs/scoring.md, section 4) and the ranked
//! fixes (section 5).

use rust_decimal::Decimal;

use super::checks::{Eval, amount, over_the_contract, unit};
use super::display::{Day, Gain, Qty};
use super::report::{AnswerCheck, Band, Check, Field, Fix, FixKind, FixTarget, Place, Rule};
use super::rules::{cap_index, first_and_more};
use super::text::{Found, given, is_given, short, word_count};
use super::{Model, hedge};
use crate::domain::OfferDocument;

/// A count for people: "812", "1,250".
fn count(n: u32) -> Qty {
    Qty(Decimal::from(n))
}

/// The checks on the answer to each question of the tender.
/// `answer_hedges` are the hedging phrases of each answer of the offer,
/// its placeholders, and `read` each answer as read (R6), in the offer's
/// order.
pub(crate) fn answer_checks(
    doc: &OfferDocument,
    answer_hedges: Vec<Vec<Found>>,
    answer_placeholders: Vec<Vec<String>>,
    read: &[&str],
) -> Vec<AnswerCheck> {
    let mut answer_hedges: Vec<Option<Vec<Found>>> = answer_hedges.into_iter().map(Some).collect();
    let mut answer_placeholders: Vec<Option<Vec<String>>> =
        answer_placeholders.into_iter().map(Some).collect();
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
                    "{} words, {} over the {} limit: evaluators may stop reading at the limit, and the self-score reads no further",
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
            let read_to = found
                .and_then(|i| read.get(i))
                .filter(|r| r.len() < text.len())
                .map(|r| r.chars().count());
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
                words_count: super::text::words_counted(words, q.word_limit),
                chars_count: super::text::chars_counted(chars, q.char_limit),
                errors,
                hedges: hedges
                    .into_iter()
                    .map(|f| hedge(f, place()))
                    .collect(),
                placeholders: found
                    .and_then(|i| answer_placeholders.get_mut(i).and_then(Option::take))
                    .unwrap_or_default(),
                read_to,
            }
        })
        .collect()
}

fn at(id: &str, field: Field) -> FixTarget {
    FixTarget::Commitment {
        id: id.to_owned(),
        field,
    }
}

/// A fix, its text saying what it gains.
fn fix(
    kind: FixKind,
    rule: Option<Rule>,
    check: Option<Check>,
    action: String,
    gain: Decimal,
    target: FixTarget,
) -> Fix {
    let text = if gain.is_zero() {
        action.clone()
    } else {
        format!("{action}: {}", Gain(gain))
    };
    Fix {
        kind,
        check,
        rule,
        action,
        text,
        gain_text: (!gain.is_zero()).then(|| Gain(gain).to_string()),
        error: false,
        gain: gain.normalize(),
        target,
    }
}

/// A text error: no gain, listed first.
fn text_error(
    kind: FixKind,
    rule: Option<Rule>,
    action: String,
    text: String,
    question: &str,
) -> Fix {
    Fix {
        kind,
        check: None,
        rule,
        action,
        text,
        gain: Decimal::ZERO,
        gain_text: None,
        error: true,
        target: FixTarget::Answer {
            question: question.to_owned(),
            offset: None,
        },
    }
}

/// What to do to pass a failing check, in plain words.
fn check_action(model: &Model, i: usize, check: Check, field: Field) -> String {
    let doc = model.ctx.doc;
    let c = &doc.offer.commitments[i];
    let id = &c.id;
    match check {
        Check::Measurable if field == Field::Unit => format!(
            "Say what {id} counts: give a quantity above zero and a unit (people, weeks, GBP...) or one of the plan's measures"
        ),
        Check::Measurable => {
            format!("Give {id} a quantity above zero and a unit (people, weeks, pounds...)")
        }
        Check::TimeBound => match c.by {
            Some(d) if d < model.ctx.start => format!(
                "Give {id} a date inside the contract: {} is before it starts on {}",
                Day(d),
                model.ctx.start_text
            ),
            Some(d) => format!(
                "Give {id} a date inside the contract: {} is after it ends on {}",
                Day(d),
                model.ctx.end_text
            ),
            None => format!(
                "Give {id} a date inside the contract, from {}",
                model.ctx.window_text
            ),
        },
        Check::Local if model.ctx.local.is_empty() => {
            format!("Say where {id} is delivered")
        }
        Check::Local => format!(
            "Say where {id} is delivered, naming {}",
            model.ctx.local_text
        ),
        Check::Owned => match c.owner.as_deref().filter(|o| !o.trim().is_empty()) {
            Some(o) => format!("Name who is responsible for {id} (now \"{}\")", o.trim()),
            None => format!("Name who is responsible for {id}"),
        },
        Check::Monitored if field == Field::Reporting => {
            format!("Say how often you will report {id} (monthly, quarterly...)")
        }
        Check::Monitored if given(c.reporting.as_deref()).is_some() => {
            format!("Give {id} a KPI: the figure you will measure and report")
        }
        Check::Monitored => format!("Give {id} a KPI and how often it is reported"),
        Check::Evidenced => format!("Give evidence for {id}: a past result, a record or a letter"),
        Check::Additional if field == Field::Additional => {
            format!("Mark {id} additional, and promise more than you deliver today")
        }
        Check::Additional => {
            let measure = model.measures[i];
            let unit = unit(c, measure)
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let usual = c
                .baseline
                .map(|b| over_the_contract(b, doc.tender.duration_months))
                .unwrap_or_default();
            format!(
                "Promise more for {id} than you deliver today: more than the {}{unit} your baseline gives over the contract",
                amount(usual)
            )
        }
    }
}

/// Every fix (docs/scoring.md, section 5): text errors first, in question
/// order; then by gain, largest first, equal gains in this order: the
/// out-of-proportion fix, each commitment in offer order, missing hot
/// topics in plan order.
pub(crate) fn fixes(model: &Model, answers: &[AnswerCheck]) -> Vec<Fix> {
    let doc = model.ctx.doc;
    let mut errors = Vec::new();
    let mut rest = Vec::with_capacity(8 * doc.offer.commitments.len() + doc.plan.hot_topics.len());

    for a in answers {
        let question = doc.tender.question(&a.question);
        if !a.answered {
            let text = question.map_or(String::new(), |q| format!(" (\"{}\")", short(&q.text, 80)));
            let action = format!("Answer {}{text}", a.question);
            errors.push(text_error(
                FixKind::Unanswered,
                None,
                action.clone(),
                format!("{action}: a question left unanswered usually scores 0"),
                &a.question,
            ));
        }
        if let (Some(limit), true) = (a.word_limit, a.words_over > 0) {
            let action = format!("Cut {} to {} words", a.question, count(limit));
            errors.push(text_error(
                FixKind::OverWordLimit,
                Some(Rule::R6),
                action.clone(),
                format!(
                    "{action}: {} words, {} over the {} limit: evaluators may stop reading at the limit, and the self-score reads no further",
                    count(a.words),
                    count(a.words_over),
                    count(limit)
                ),
                &a.question,
            ));
        }
        if let (Some(limit), true) = (a.char_limit, a.chars_over > 0) {
            let action = format!("Cut {} to {} characters", a.question, count(limit));
            errors.push(text_error(
                FixKind::OverCharLimit,
                None,
                action.clone(),
                format!(
                    "{action}: it has {}, and the portal may cut it off",
                    count(a.chars)
                ),
                &a.question,
            ));
        }
        if !a.placeholders.is_empty() {
            let action = format!(
                "Question {} is an unfinished draft: complete or remove {}",
                a.question,
                first_and_more(&a.placeholders)
            );
            errors.push(text_error(
                FixKind::DraftAnswer,
                Some(Rule::R10),
                action.clone(),
                format!("{action}; until then the hot topics it mentions stop at band 2"),
                &a.question,
            ));
        }
    }

    // R13, lifted for every hot topic.
    if model.not_credible.len() >= 2 {
        let ids: Vec<&str> = model
            .not_credible
            .iter()
            .map(|&i| doc.offer.commitments[i].id.as_str())
            .collect();
        let first = model.not_credible[0];
        rest.push(fix(
            FixKind::OutOfProportion,
            Some(Rule::R13),
            None,
            format!(
                "{} commitments ({}) are out of proportion to the contract or your team, so every hot topic stops at band 2: size them to what you can deliver",
                ids.len(),
                super::rules::id_list(&ids)
            ),
            model.gain_without_r13(),
            at(&doc.offer.commitments[first].id, Field::Quantity),
        ));
    }

    for i in 0..doc.offer.commitments.len() {
        commitment_fixes(model, i, &mut rest);
    }

    for (t, topic) in doc.plan.hot_topics.iter().enumerate() {
        if !model.members[t].is_empty() {
            continue;
        }
        let now = model.outcomes[t].band;
        let then = Band::Satisfactory.min(model.hold(t, false));
        let gain = model
            .topic_marks(t, i64::from(then.number()) - i64::from(now.number()))
            .max(Decimal::ZERO);
        rest.push(fix(
            FixKind::MissingHotTopic,
            None,
            None,
            format!(
                "Nothing commits to \"{}\": add a measurable, dated commitment",
                topic.title
            ),
            gain,
            FixTarget::HotTopic {
                id: topic.id.clone(),
            },
        ));
    }

    // A stable sort of the positions (cheaper than moving the fixes about).
    let mut order: Vec<usize> = (0..rest.len()).collect();
    order.sort_by(|&a, &b| rest[b].gain.cmp(&rest[a].gain));
    let mut slots: Vec<Option<Fix>> = rest.into_iter().map(Some).collect();
    errors.reserve(slots.len());
    errors.extend(order.into_iter().filter_map(|i| slots[i].take()));
    errors
}

/// `eval` with cap `rule` lifted.
fn lifted(eval: &Eval, rule: Rule) -> Eval {
    let mut then = eval.clone();
    if let Some(k) = cap_index(rule) {
        then.caps[k] = None;
    }
    then
}

/// The fixes of one commitment that counts for a hot topic, in this order:
/// not credible, filed elsewhere, unclear fit, business as usual, needs
/// proof, outside the area, unfinished, hedged, then each failing check
/// that gains marks.
fn commitment_fixes(model: &Model, i: usize, out: &mut Vec<Fix>) {
    let eval = &model.evals[i];
    let Some(t) = eval.topic else {
        return;
    };
    let doc = model.ctx.doc;
    let c = &doc.offer.commitments[i];
    let id = c.id.as_str();
    let found = &model.found[i];
    let topic = &doc.plan.hot_topics[t];

    if !eval.credible {
        let mut then = eval.clone();
        then.credible = true;
        let reasons: Vec<&str> = found
            .not_credible
            .iter()
            .map(|r| r.reason.as_str())
            .collect();
        out.push(fix(
            FixKind::NotCredible,
            found.not_credible.first().map(|r| r.rule),
            None,
            format!(
                "{id} is not credible: {}. Size it to the contract and to your team",
                reasons.join("; ")
            ),
            model.gain_if(i, &then),
            at(id, Field::Quantity),
        ));
        return;
    }

    // Every cap that applies has its fix, even one its raw band does not
    // reach yet: it is the next thing in the way.
    let applies = |rule: Rule| cap_index(rule).and_then(|k| eval.caps[k]);
    let mut push = |kind, rule: Rule, then: Eval, action: String, target: FixTarget| {
        if applies(rule).is_some() {
            let gain = model.gain_if(i, &then);
            out.push(fix(kind, Some(rule), None, action, gain, target));
        }
    };

    if let Some(f) = found.filed {
        push(
            FixKind::FiledElsewhere,
            Rule::R14,
            lifted(eval, Rule::R14),
            format!(
                "Filed under \"{}\", {id} counts for \"{}\" (its measure is listed there), where it stops at band 3: move it",
                doc.plan.hot_topics[f].title, topic.title
            ),
            FixTarget::MoveCommitment {
                id: id.to_owned(),
                hot_topic: topic.id.clone(),
            },
        );
    }
    push(
        FixKind::UnclearFit,
        Rule::R1,
        lifted(eval, Rule::R1),
        format!(
            "Say how {id} serves \"{}\", or link it to one of its measures",
            topic.title
        ),
        at(id, Field::Measure),
    );
    if let Some((usual, m)) = found.usual {
        let mut then = lifted(eval, Rule::R2);
        if c.additional {
            then.passes[6] = true;
        }
        push(
            FixKind::BusinessAsUsual,
            Rule::R2,
            then,
            format!(
                "{id}: {} is no more than today's rate would deliver by then ({} in {m} months): promise more than business as usual",
                Qty(c.quantity.unwrap_or_default()),
                amount(usual)
            ),
            at(id, Field::Quantity),
        );
    }
    let (proof, target) = match applies(Rule::R7) {
        Some(Band::Good) => (
            format!(
                "{id} stops at band 4 until it can be checked: give a baseline: how much of this you deliver in a year today (0 if it is entirely new)"
            ),
            Field::Baseline,
        ),
        _ if !found.linked => (
            format!(
                "{id} stops at band 3 until it can be checked: link it to one of the measures of this hot topic"
            ),
            Field::Measure,
        ),
        _ => (
            format!(
                "{id} stops at band 3 until it can be checked: say where, naming {}",
                model.ctx.local_text
            ),
            Field::Where,
        ),
    };
    push(
        FixKind::NeedsProof,
        Rule::R7,
        lifted(eval, Rule::R7),
        proof,
        at(id, target),
    );
    let mut then = lifted(eval, Rule::R8);
    then.passes[2] = true;
    let where_now = if given(c.r#where.as_deref()).is_some() {
        "is not delivered in the buyer's area"
    } else {
        "does not say where it is delivered"
    };
    push(
        FixKind::OutsideArea,
        Rule::R8,
        then,
        format!(
            "{id} {where_now}, so it stops at band 2: deliver it in the buyer's area and say where, naming {}",
            model.ctx.local_text
        ),
        at(id, Field::Where),
    );
    let unfinished = &found.placeholders;
    let (stop, list) = if unfinished.in_what.is_empty() {
        (2, &unfinished.others)
    } else {
        (1, &unfinished.in_what)
    };
    let field = unfinished.field.unwrap_or(Field::What);
    push(
        FixKind::Unfinished,
        Rule::R10,
        lifted(eval, Rule::R10),
        format!(
            "{id} is unfinished ({}): complete it; until then it stops at band {stop}",
            first_and_more(list)
        ),
        at(id, field),
    );
    if eval.hedged {
        let mut then = lifted(eval, Rule::R15);
        then.hedged = false;
        let first = model.hedges[i].iter().find(|h| h.counts_for_band);
        let (phrase, field) = match first {
            Some(h) => (
                h.phrase.as_str(),
                match &h.place {
                    Place::Commitment { field, .. } => *field,
                    Place::Answer { .. } => Field::What,
                },
            ),
            None => ("", Field::What),
        };
        push(
            FixKind::HedgedCommitment,
            Rule::R15,
            then,
            format!(
                "{id} says \"{phrase}\": a promise made that way stops at band 2. Make it firm"
            ),
            at(id, field),
        );
    }

    for ((check, passed), field) in Check::ALL.iter().zip(&eval.passes).zip(&model.fields[i]) {
        if *passed {
            continue;
        }
        let mut then = eval.clone();
        then.passes[check.index()] = true;
        let gain = model.gain_if(i, &then);
        if !gain.is_zero() {
            out.push(fix(
                FixKind::FailingCheck,
                None,
                Some(*check),
                check_action(model, i, *check, *field),
                gain,
                at(id, *field),
            ));
        }
    }
}
