//! The checks that span fields: unique ids, references between lists, and
//! ranges that the field types alone do not carry.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::FileError;
use crate::domain::fields::quoted;
use crate::domain::{Delivery, OfferDocument, Plan, Tender};

/// Refuses the second use of an id in a list, naming both places.
fn unique<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    list: &str,
    field: &str,
) -> Result<(), FileError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.into_iter().enumerate() {
        if let Some(first) = seen.insert(id, i) {
            return Err(FileError::at(
                format!("{list}[{i}].{field}"),
                format!(
                    "{} is used twice (also at {list}[{first}]): each {field} must be unique in its list",
                    quoted(id)
                ),
            ));
        }
    }
    Ok(())
}

fn positive(value: Decimal, at: String) -> Result<(), FileError> {
    if value > Decimal::ZERO {
        Ok(())
    } else {
        Err(FileError::at(
            at,
            format!("expected a decimal greater than 0, found \"{value}\""),
        ))
    }
}

fn known(ids: impl Iterator<Item = String>) -> String {
    let all: Vec<String> = ids.collect();
    if all.is_empty() {
        "there are none".to_owned()
    } else {
        format!("the known ones are {}", all.join(", "))
    }
}

/// Checks a plan; `prefix` is prepended to every path ("plan." in an offer).
pub fn plan(plan: &Plan, prefix: &str) -> Result<(), FileError> {
    unique(
        plan.themes.iter().map(|t| t.id.as_str()),
        &format!("{prefix}themes"),
        "id",
    )?;
    unique(
        plan.hot_topics.iter().map(|t| t.id.as_str()),
        &format!("{prefix}hot_topics"),
        "id",
    )?;
    unique(
        plan.measures.iter().map(|m| m.id.as_str()),
        &format!("{prefix}measures"),
        "id",
    )?;
    for (i, topic) in plan.hot_topics.iter().enumerate() {
        let at = format!("{prefix}hot_topics[{i}]");
        if plan.theme(&topic.theme).is_none() {
            return Err(FileError::at(
                format!("{at}.theme"),
                format!(
                    "no theme has the id {}: {}",
                    quoted(&topic.theme),
                    known(plan.themes.iter().map(|t| t.id.clone()))
                ),
            ));
        }
        positive(topic.weight, format!("{at}.weight"))?;
        for (j, measure) in topic.measures.iter().enumerate() {
            if plan.measure(measure).is_none() {
                return Err(FileError::at(
                    format!("{at}.measures[{j}]"),
                    format!(
                        "no measure has the id {}: {}",
                        quoted(measure),
                        known(plan.measures.iter().map(|m| m.id.clone()))
                    ),
                ));
            }
        }
    }
    for (i, measure) in plan.measures.iter().enumerate() {
        if let (Some(value), None) = (measure.proxy_value, &measure.proxy_source) {
            return Err(FileError::at(
                format!("{prefix}measures[{i}].proxy_source"),
                format!(
                    "missing: a proxy value ({value} GBP per {}) must say where it comes from",
                    measure.unit
                ),
            ));
        }
    }
    Ok(())
}

/// Checks a tender; `prefix` is prepended to every path.
pub fn tender(tender: &Tender, prefix: &str) -> Result<(), FileError> {
    positive(tender.contract_value, format!("{prefix}contract_value"))?;
    if let Some(start) = tender.contract_start
        && start < tender.deadline
    {
        return Err(FileError::at(
            format!("{prefix}contract_start"),
            format!(
                "the contract starts ({start}) before the tender's deadline ({}): expected a date on or after the deadline",
                tender.deadline
            ),
        ));
    }
    let weighting = tender.social_value_weighting;
    if weighting <= Decimal::ZERO || weighting > Decimal::ONE_HUNDRED {
        return Err(FileError::at(
            format!("{prefix}social_value_weighting"),
            format!("expected a percentage greater than 0 and at most 100, found \"{weighting}\""),
        ));
    }
    unique(
        tender.questions.iter().map(|q| q.id.as_str()),
        &format!("{prefix}questions"),
        "id",
    )?;
    for (i, q) in tender.questions.iter().enumerate() {
        positive(q.marks, format!("{prefix}questions[{i}].marks"))?;
    }
    Ok(())
}

/// Checks an offer against the plan and tender it embeds.
pub fn offer(doc: &OfferDocument) -> Result<(), FileError> {
    let OfferDocument {
        plan,
        tender,
        offer,
    } = doc;
    let mut answered: HashMap<&str, usize> = HashMap::new();
    for (i, answer) in offer.answers.iter().enumerate() {
        if tender.question(&answer.question).is_none() {
            return Err(FileError::at(
                format!("answers[{i}].question"),
                format!(
                    "the tender has no question with the id {}: {}",
                    quoted(&answer.question),
                    known(tender.questions.iter().map(|q| q.id.clone()))
                ),
            ));
        }
        if let Some(first) = answered.insert(&answer.question, i) {
            return Err(FileError::at(
                format!("answers[{i}].question"),
                format!(
                    "question {} is answered twice (also at answers[{first}]): keep one answer per question",
                    quoted(&answer.question)
                ),
            ));
        }
    }
    unique(
        offer.commitments.iter().map(|c| c.id.as_str()),
        "commitments",
        "id",
    )?;
    for (i, c) in offer.commitments.iter().enumerate() {
        if let Some(topic) = &c.hot_topic
            && plan.hot_topic(topic).is_none()
        {
            return Err(FileError::at(
                format!("commitments[{i}].hot_topic"),
                format!(
                    "the plan has no hot topic with the id {}: {} (leave it out for an innovation)",
                    quoted(topic),
                    known(plan.hot_topics.iter().map(|t| t.id.clone()))
                ),
            ));
        }
        if let Some(measure) = &c.measure
            && plan.measure(measure).is_none()
        {
            return Err(FileError::at(
                format!("commitments[{i}].measure"),
                format!(
                    "the plan has no measure with the id {}: {}",
                    quoted(measure),
                    known(plan.measures.iter().map(|m| m.id.clone()))
                ),
            ));
        }
    }
    Ok(())
}

/// Checks a won offer's delivery records against the offer and its
/// contract: each names one of the offer's commitments and a period of the
/// contract.
pub fn delivery(doc: &OfferDocument, delivery: &Delivery) -> Result<(), FileError> {
    let periods = delivery.period_count(doc.tender.duration_months);
    for (i, r) in delivery.records.iter().enumerate() {
        if doc.offer.commitment(&r.commitment).is_none() {
            return Err(FileError::at(
                format!("delivery.records[{i}].commitment"),
                format!(
                    "the offer has no commitment with the id {}: {}",
                    quoted(&r.commitment),
                    known(doc.offer.commitments.iter().map(|c| c.id.clone()))
                ),
            ));
        }
        if r.period > periods {
            return Err(FileError::at(
                format!("delivery.records[{i}].period"),
                format!(
                    "expected a period from 1 to {periods} (a {} month contract reported {}), found {}",
                    doc.tender.duration_months,
                    delivery.reporting.label(),
                    r.period
                ),
            ));
        }
    }
    Ok(())
}
