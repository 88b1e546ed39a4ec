//! The social value in GBP at the buyer's proxy values (docs/scoring.md,
//! section 6): per commitment, per theme and overall, with the ratio to the
//! contract value. Exact decimals; rounding is for display only.

use rust_decimal::Decimal;

use super::checks::unit;
use super::report::{CommitmentValue, SocialValue, ThemeValue};
use super::{Model, one_place};

/// The name of the line for commitments with no hot topic.
pub const INNOVATION_LINE: &str = "Innovation (no hot topic)";

fn add_source(sources: &mut Vec<String>, source: &str) {
    if !sources.iter().any(|s| s == source) {
        sources.push(source.to_owned());
    }
}

/// The offer's social value in GBP.
pub(crate) fn social_value(model: &Model) -> SocialValue {
    let doc = model.ctx.doc;
    let plan = &doc.plan;
    let mut commitments = Vec::new();
    for (i, c) in doc.offer.commitments.iter().enumerate() {
        let (Some(measure), Some(Some(value)), Some(q)) =
            (model.measures[i], model.values[i], c.quantity)
        else {
            continue;
        };
        let Some(proxy) = measure.proxy_value else {
            continue;
        };
        let theme = model.evals[i]
            .topic
            .map(|t| plan.hot_topics[t].theme.clone());
        commitments.push(CommitmentValue {
            commitment: c.id.clone(),
            measure: measure.id.clone(),
            measure_name: measure.name.clone(),
            quantity: q,
            unit: unit(c, Some(measure)).unwrap_or_default().to_owned(),
            proxy_value: proxy,
            proxy_source: measure
                .proxy_source
                .clone()
                .unwrap_or_else(|| "the plan gives no source".to_owned()),
            value,
            credible: model.evals[i].credible,
            theme,
        });
    }

    // Themes in the plan's order, then any the plan does not list, then the
    // innovation line.
    let mut order: Vec<Option<String>> = plan.themes.iter().map(|t| Some(t.id.clone())).collect();
    for v in &commitments {
        if !order.contains(&v.theme) {
            order.push(v.theme.clone());
        }
    }
    if let Some(pos) = order.iter().position(Option::is_none) {
        let none = order.remove(pos);
        order.push(none);
    }
    let mut themes = Vec::new();
    let mut sources = Vec::new();
    let mut total = Decimal::ZERO;
    let mut not_credible = Decimal::ZERO;
    for theme in order {
        let lines: Vec<&CommitmentValue> =
            commitments.iter().filter(|v| v.theme == theme).collect();
        if lines.is_empty() {
            continue;
        }
        let mut value = Decimal::ZERO;
        let mut theme_sources = Vec::new();
        for v in lines {
            value = value.saturating_add(v.value);
            if !v.credible {
                not_credible = not_credible.saturating_add(v.value);
            }
            add_source(&mut theme_sources, &v.proxy_source);
            add_source(&mut sources, &v.proxy_source);
        }
        total = total.saturating_add(value);
        let name = match &theme {
            Some(id) => plan.theme(id).map_or(id.clone(), |t| t.name.clone()),
            None => INNOVATION_LINE.to_owned(),
        };
        themes.push(ThemeValue {
            theme,
            name,
            value,
            sources: theme_sources,
        });
    }

    let has_value = !commitments.is_empty();
    let ratio = has_value
        .then(|| {
            total
                .saturating_mul(Decimal::ONE_HUNDRED)
                .checked_div(doc.tender.contract_value)
        })
        .flatten();
    SocialValue {
        commitments,
        themes,
        total: has_value.then_some(total),
        not_credible,
        ratio_percent: ratio,
        ratio_text: ratio.map(|r| format!("{}%", one_place(r))),
        total_text: has_value.then(|| crate::money::gbp(total)),
        sources,
    }
}
