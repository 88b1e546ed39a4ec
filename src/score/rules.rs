//! The numbered rules of model 2 that judge a commitment beyond its seven
//! checks (docs/scoring.md, sections 1 and 2): where it counts (R1), business
//! as usual (R2), the not-credible tests (P, R12, R3, R9, R11), proof (R7),
//! the area (R8), placeholders (R10), filed elsewhere (R14) and hedging
//! (R15). Each is a small function the pipeline in `mod.rs` calls in the
//! spec's order; the reasons, with their figures, live next to their rule.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::checks::{Context, amount};
use super::display::Qty;
use super::report::{Field, NotCredible, Rule};
use super::text::{given, placeholders};
use super::words::Names;
use crate::domain::Commitment;
use crate::money::gbp;

/// The caps of section 2, in the spec's table order.
pub(crate) const CAP_RULES: [Rule; 7] = [
    Rule::R15,
    Rule::R7,
    Rule::R8,
    Rule::R2,
    Rule::R1,
    Rule::R10,
    Rule::R14,
];

/// The position of a cap in [`CAP_RULES`].
pub(crate) fn cap_index(rule: Rule) -> Option<usize> {
    CAP_RULES.iter().position(|r| *r == rule)
}

/// R1, where a commitment counts: filed under hot topic `filed`, a
/// commitment whose measure is listed under other hot topics but not under
/// `filed` counts for the first of them in plan order.
pub(crate) fn counts_for(ctx: &Context, filed: Option<usize>, c: &Commitment) -> Option<usize> {
    let filed = filed?;
    let listed = c
        .measure
        .as_deref()
        .map_or(&[][..], |m| ctx.listed_under(m));
    if listed.is_empty() || listed.contains(&filed) {
        Some(filed)
    } else {
        listed.first().copied()
    }
}

/// R1, unclear fit: filed under and counting for `t`, with no measure or
/// one no hot topic lists, and no word of its `what` and own `unit` (not
/// generic) in the hot topic's vocabulary.
pub(crate) fn unclear_fit(ctx: &Context, t: usize, c: &Commitment) -> bool {
    let listed = c
        .measure
        .as_deref()
        .is_some_and(|m| !ctx.listed_under(m).is_empty());
    if listed {
        return false;
    }
    let texts = std::iter::once(c.what.as_str()).chain(given(c.unit.as_deref()));
    !ctx.lexicon.fits(t, texts)
}

/// R7, linked: its measure is one of hot topic `t`'s; for a hot topic with
/// no measures, a word of its own unit (not generic) is in its vocabulary.
pub(crate) fn linked(ctx: &Context, t: usize, c: &Commitment) -> bool {
    let topic = &ctx.doc.plan.hot_topics[t];
    if topic.measures.is_empty() {
        ctx.lexicon.fits(t, given(c.unit.as_deref()))
    } else {
        c.measure
            .as_deref()
            .is_some_and(|m| topic.measures.iter().any(|x| x == m))
    }
}

/// `start + months` calendar months, the month's last day where the day
/// does not exist.
fn add_months(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// R2's m: when T passes, the fewest whole months from the contract start
/// that reach `by`; otherwise the contract's duration.
pub(crate) fn months_to(ctx: &Context, by: Option<NaiveDate>, t_passes: bool) -> u32 {
    let duration = ctx.doc.tender.duration_months;
    let Some(by) = by.filter(|_| t_passes) else {
        return duration;
    };
    let start = ctx.start;
    let guess = (by.year() - start.year()) * 12 + by.month() as i32 - start.month() as i32;
    let mut m = u32::try_from(guess.max(0)).unwrap_or(0).min(duration);
    while m > 0 && add_months(start, m - 1) >= by {
        m -= 1;
    }
    while m < duration && add_months(start, m) < by {
        m += 1;
    }
    m
}

/// R2, business as usual: with a baseline and a quantity, the quantity is
/// no more than `baseline x m / 12`. Returns that figure when it is.
pub(crate) fn business_as_usual(c: &Commitment, m: u32) -> Option<Decimal> {
    let (b, q) = (c.baseline?, c.quantity?);
    let months = Decimal::from(m);
    // quantity x 12 <= baseline x m, exactly, without dividing.
    (q.saturating_mul(Decimal::from(12)) <= b.saturating_mul(months))
        .then(|| b.saturating_mul(months) / Decimal::from(12))
}

/// The reason a commitment is business as usual, with its figures.
pub(crate) fn business_as_usual_reason(c: &Commitment, usual: Decimal, m: u32) -> String {
    let q = c.quantity.unwrap_or_default();
    let b = c.baseline.unwrap_or_default();
    format!(
        "{} is no more than today's rate would deliver by then ({} in {m} months, at {} a year): business as usual",
        Qty(q),
        amount(usual),
        amount(b)
    )
}

/// What the not-credible tests need of one commitment.
pub(crate) struct Sizing<'a> {
    pub commitment: &'a Commitment,
    /// What its units name.
    pub units: Names,
    /// What its measure's name names.
    pub measure_name: Names,
    /// Its value at the measure's proxy value: `Some(None)` when too large
    /// to compute.
    pub value: Option<Option<Decimal>>,
}

/// The not-credible tests, in the spec's order (P, R12, R3, R9, R11), each
/// failing one with its figures; and the tests that could not run for want
/// of the bidder's number of employees.
pub(crate) fn not_credible(ctx: &Context, s: &Sizing) -> (Vec<NotCredible>, Vec<Rule>) {
    let mut out = Vec::new();
    let mut untested = Vec::new();
    let tender = &ctx.doc.tender;
    let contract = tender.contract_value;
    let Some(q) = s.commitment.quantity else {
        return (out, untested);
    };
    let two = Decimal::TWO;
    // P: its value more than half the contract value.
    match s.value {
        Some(Some(v)) if v.saturating_mul(two) > contract => out.push(NotCredible {
            rule: Rule::P,
            reason: format!(
                "its value, {}, is more than half the contract value, {}",
                gbp(v),
                gbp(contract)
            ),
        }),
        Some(None) => out.push(NotCredible {
            rule: Rule::P,
            reason: format!(
                "its value is too large to compute, far more than half the contract value, {}",
                gbp(contract)
            ),
        }),
        _ => {}
    }
    let units = s.units;
    // R12: money more than half the contract value.
    if units.money && q.saturating_mul(two) > contract {
        out.push(NotCredible {
            rule: Rule::R12,
            reason: format!(
                "{} is more than half the contract value, {}",
                gbp(q),
                gbp(contract)
            ),
        });
    }
    let employees = ctx.doc.offer.bidder.employees;
    let team = Decimal::from(employees.unwrap_or(0).max(1));
    // R3: more people than ten times the team.
    if units.people && !units.time && !units.money {
        match employees {
            None => untested.push(Rule::R3),
            Some(e) if q > Decimal::TEN.saturating_mul(team) => out.push(NotCredible {
                rule: Rule::R3,
                reason: format!(
                    "{} people is more than 10 times the bidder's {} employees",
                    Qty(q),
                    e
                ),
            }),
            Some(_) => {}
        }
    }
    // R9: more jobs than one for every GBP 25,000 of the contract.
    let jobs = units.jobs || s.measure_name.jobs;
    let time = units.time || s.measure_name.time;
    if jobs && !time && !units.money {
        let funded = (contract / Decimal::from(25_000)).max(Decimal::ONE);
        if q > funded {
            out.push(NotCredible {
                rule: Rule::R9,
                reason: format!(
                    "{} jobs or placements is more than the contract could fund, one for every {} of its value ({})",
                    Qty(q),
                    gbp(Decimal::from(25_000)),
                    amount(funded)
                ),
            });
        }
    }
    // R11: more than 37.5 hours a year of each employee's time.
    if units.hours && !units.per_head {
        match employees {
            None => untested.push(Rule::R11),
            Some(e) => {
                let months = Decimal::from(tender.duration_months);
                let week = Decimal::new(375, 1);
                // q > 37.5 x team x months / 12, compared without dividing.
                if q.saturating_mul(Decimal::from(12))
                    > week.saturating_mul(team).saturating_mul(months)
                {
                    let most = week.saturating_mul(team).saturating_mul(months) / Decimal::from(12);
                    out.push(NotCredible {
                        rule: Rule::R11,
                        reason: format!(
                            "{} hours is more than 37.5 hours a year for each of the bidder's {} employees ({})",
                            Qty(q),
                            e,
                            amount(most)
                        ),
                    });
                }
            }
        }
    }
    (out, untested)
}

/// R10: the placeholders of a commitment, and where the first is.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Unfinished {
    /// Those in its `what` (it stops at band 1).
    pub in_what: Vec<String>,
    /// Those in its other given fields (it stops at band 2).
    pub others: Vec<String>,
    /// The field of the first one, for its fix.
    pub field: Option<Field>,
}

/// R10: the placeholders in a commitment's `what` and in its given `how`,
/// `where`, `beneficiaries`, `owner`, `kpi`, `reporting`, `evidence` and
/// `unit`.
pub(crate) fn unfinished(c: &Commitment) -> Unfinished {
    let in_what = placeholders(&c.what);
    let mut field = (!in_what.is_empty()).then_some(Field::What);
    let mut others = Vec::new();
    for (text, f) in [
        (c.how.as_deref(), Field::How),
        (c.r#where.as_deref(), Field::Where),
        (c.beneficiaries.as_deref(), Field::Beneficiaries),
        (c.owner.as_deref(), Field::Owner),
        (c.kpi.as_deref(), Field::Kpi),
        (c.reporting.as_deref(), Field::Reporting),
        (c.evidence.as_deref(), Field::Evidence),
        (c.unit.as_deref(), Field::Unit),
    ] {
        let found = given(text).map(placeholders).unwrap_or_default();
        if !found.is_empty() {
            field.get_or_insert(f);
            others.extend(found);
        }
    }
    Unfinished {
        in_what,
        others,
        field,
    }
}

/// "\"[X]\"" or "\"[X]\" and 2 more".
pub(crate) fn first_and_more(found: &[String]) -> String {
    match found {
        [] => String::new(),
        [one] => format!("\"{one}\""),
        [first, rest @ ..] => format!("\"{first}\" and {} more", rest.len()),
    }
}

/// Commitment ids for a sentence: all of them up to ten, then "and 5 more".
pub(crate) fn id_list(ids: &[&str]) -> String {
    const SHOWN: usize = 10;
    if ids.len() <= SHOWN {
        ids.join(", ")
    } else {
        format!("{} and {} more", ids[..SHOWN].join(", "), ids.len() - SHOWN)
    }
}
