//! The seven checks on a commitment (M T L O K E A) and the band it sets
//! from them and its caps (docs/scoring.md, sections 1 and 2).

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::display::{Day, Qty};
use super::report::{Band, Check, CheckResult, Field};
use super::text::{given, is_placeholder, short};
use super::words::Lexicon;
use crate::domain::{Commitment, HotTopic, Measure, OfferDocument};
use crate::money::round;
use crate::text::sentence;

/// What every commitment is checked against, worked out once per score.
pub(crate) struct Context<'a> {
    /// The document scored.
    pub doc: &'a OfferDocument,
    /// The first and last days of the contract window.
    pub start: NaiveDate,
    /// See `start`.
    pub end: NaiveDate,
    /// The plan's local area and places, lower-cased, with their names.
    pub local: Vec<(String, &'a str)>,
    /// The plan's words: generic, local, the unit lists, vocabularies.
    pub lexicon: Lexicon,
    /// For each measure id, the hot topics that list it, in plan order.
    listed: HashMap<&'a str, Vec<usize>>,
    /// The sum of the hot topics' weights.
    pub total_weight: Decimal,
    /// The first and last days of the window, and the window, in words.
    pub start_text: String,
    /// See `start_text`.
    pub end_text: String,
    /// "1 April 2027 to 1 April 2030".
    pub window_text: String,
    /// "County Durham or a place in it such as Barnard Castle or Bishop Auckland".
    pub local_text: String,
    /// Every name that counts as local: "County Durham, Barnard Castle,
    /// Bishop Auckland ... or Stanley" (the first twelve, then how many more).
    pub places_text: String,
}

/// A date as UK readers expect it: "1 April 2027".
pub(crate) fn date_text(date: NaiveDate) -> String {
    Day(date).to_string()
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a OfferDocument) -> Self {
        let plan = &doc.plan;
        let local = plan
            .local_area
            .iter()
            .chain(plan.local_places.iter())
            .filter(|p| !p.trim().is_empty())
            .map(|p| (p.trim().to_lowercase(), p.trim()))
            .collect();
        let start = doc.tender.window_start();
        let end = doc.tender.window_end();
        let (start_text, end_text) = (date_text(start), date_text(end));
        let mut listed: HashMap<&str, Vec<usize>> = HashMap::new();
        for (t, topic) in plan.hot_topics.iter().enumerate() {
            for m in &topic.measures {
                let topics = listed.entry(m.as_str()).or_default();
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
        }
        let mut ctx = Context {
            doc,
            start,
            end,
            window_text: format!("{start_text} to {end_text}"),
            start_text,
            end_text,
            local_text: String::new(),
            places_text: String::new(),
            local,
            lexicon: Lexicon::new(plan),
            listed,
            total_weight: plan
                .hot_topics
                .iter()
                .fold(Decimal::ZERO, |sum, t| sum.saturating_add(t.weight)),
        };
        ctx.local_text = ctx.local_phrase();
        ctx.places_text = ctx.every_place();
        ctx
    }

    /// The hot topics that list measure `id`, in plan order.
    pub fn listed_under(&self, id: &str) -> &[usize] {
        self.listed.get(id).map_or(&[], Vec::as_slice)
    }

    /// Every name that counts as local, quoted: the first twelve, then how
    /// many more.
    fn every_place(&self) -> String {
        const SHOWN: usize = 12;
        let names: Vec<String> = self
            .local
            .iter()
            .take(SHOWN)
            .map(|(_, n)| format!("\"{n}\""))
            .collect();
        let more = self.local.len().saturating_sub(SHOWN);
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] if more == 0 => format!("{} or {last}", init.join(", ")),
            all => format!("{} or {more} more", all.join(", ")),
        }
    }

    /// "County Durham or a place in it such as Barnard Castle or Bishop Auckland".
    fn local_phrase(&self) -> String {
        let plan = &self.doc.plan;
        let places: Vec<&str> = plan
            .local_places
            .iter()
            .take(2)
            .map(String::as_str)
            .collect();
        match (&plan.local_area, places.as_slice()) {
            (Some(area), []) => area.clone(),
            (Some(area), some) => {
                format!("{area} or a place in it such as {}", some.join(" or "))
            }
            (None, some) => {
                let all: Vec<&str> = plan.local_places.iter().map(String::as_str).collect();
                if all.len() > 3 {
                    format!(
                        "one of the plan's local places, such as {}",
                        some.join(" or ")
                    )
                } else {
                    format!("one of {}", all.join(", "))
                }
            }
        }
    }
}

/// A commitment as the band rules see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Eval {
    /// The index of the hot topic it counts for (R1), when it has one.
    pub topic: Option<usize>,
    /// Whether it passes each check, in the order M T L O K E A.
    pub passes: [bool; 7],
    /// Whether a phrase of list H is in its what or how.
    pub hedged: bool,
    /// Whether it passes every not-credible test.
    pub credible: bool,
    /// The band each cap of [`CAP_RULES`] stops it at, where one applies.
    pub caps: [Option<Band>; 7],
}

impl Eval {
    /// How many checks it passes.
    pub fn passed(&self) -> u8 {
        self.passes.iter().map(|p| u8::from(*p)).sum()
    }

    /// The band its checks alone give it (docs/scoring.md, section 2).
    pub fn raw_band(&self) -> Band {
        let n = self.passed();
        let [m, t, ..] = self.passes;
        if n == 7 && !self.hedged {
            Band::Excellent
        } else if n >= 6 && m && t && !self.hedged {
            Band::Good
        } else if m && t && n >= 4 {
            Band::Satisfactory
        } else if m || t {
            Band::Weak
        } else {
            Band::Poor
        }
    }

    /// The band it sets: its raw band, stopped at the lowest of its caps.
    pub fn band(&self) -> Band {
        self.caps
            .iter()
            .flatten()
            .fold(self.raw_band(), |band, cap| band.min(*cap))
    }

    /// The caps below its raw band, lowest first (then in the spec's order).
    pub fn named_caps(&self) -> Vec<(usize, Band)> {
        let raw = self.raw_band();
        let mut caps: Vec<(usize, Band)> = self
            .caps
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.filter(|b| *b < raw).map(|b| (i, b)))
            .collect();
        caps.sort_by_key(|(i, b)| (*b, *i));
        caps
    }

    /// Whether it earns innovation credit (given that it has no hot topic).
    pub fn innovates(&self) -> bool {
        let [m, t, _, o, k, ..] = self.passes;
        self.credible && m && t && o && k
    }
}

/// The unit a commitment is counted in: its own, or its measure's.
pub(crate) fn unit<'c>(c: &'c Commitment, measure: Option<&'c Measure>) -> Option<&'c str> {
    given(c.unit.as_deref()).or_else(|| measure.and_then(|m| given(Some(m.unit.as_str()))))
}

/// The texts of a commitment's units: its own `unit` when given, and its
/// measure's `unit`.
pub(crate) fn unit_texts<'c>(c: &'c Commitment, measure: Option<&'c Measure>) -> Vec<&'c str> {
    given(c.unit.as_deref())
        .into_iter()
        .chain(measure.map(|m| m.unit.as_str()))
        .collect()
}

/// Whether a commitment says where it is delivered.
pub(crate) fn place_given(c: &Commitment) -> bool {
    given(c.r#where.as_deref()).is_some()
}

/// Says what is wrong with an optional text that is not given.
fn missing(value: Option<&str>, name: &str) -> String {
    match value {
        Some(v) if !v.trim().is_empty() && is_placeholder(v) => {
            format!("the {name} is \"{}\", a placeholder", v.trim())
        }
        _ => format!("no {name} yet"),
    }
}

/// A decimal for people: at most two decimal places, thousands grouped.
pub(crate) fn amount(value: Decimal) -> Qty {
    Qty(round(value, 2))
}

/// The seven checks on one commitment.
pub(crate) fn check(
    ctx: &Context,
    c: &Commitment,
    topic: Option<&HotTopic>,
    measure: Option<&Measure>,
) -> Vec<CheckResult> {
    vec![
        measurable(c, measure),
        time_bound(ctx, c),
        local(ctx, c, topic),
        owned(c),
        monitored(c),
        evidenced(c),
        additional(ctx, c, measure),
    ]
}

fn result(check: Check, passed: bool, field: Field, reason: String) -> CheckResult {
    CheckResult {
        check,
        passed,
        reason,
        field,
    }
}

fn measurable(c: &Commitment, measure: Option<&Measure>) -> CheckResult {
    let unit = unit(c, measure);
    let (passed, field, reason) = match (c.quantity, unit) {
        (None, _) => (
            false,
            Field::Quantity,
            "No quantity yet: say how many (people, weeks, pounds...) you promise, so an evaluator can count it".to_owned(),
        ),
        (Some(q), _) if q <= Decimal::ZERO => (
            false,
            Field::Quantity,
            "The quantity is 0: promise a number greater than nothing".to_owned(),
        ),
        (Some(q), None) => (
            false,
            Field::Unit,
            format!(
                "{} of what? Add a unit (such as people, weeks or GBP) or pick one of the plan's measures",
                Qty(q)
            ),
        ),
        (Some(q), Some(u)) => (
            true,
            Field::Quantity,
            format!("{} {u}: a number an evaluator can count", Qty(q)),
        ),
    };
    result(Check::Measurable, passed, field, reason)
}

fn time_bound(ctx: &Context, c: &Commitment) -> CheckResult {
    let (passed, reason) = match c.by {
        None => (
            false,
            format!(
                "No date yet: say by when it will be done (the contract runs from {})",
                ctx.window_text
            ),
        ),
        Some(d) if d < ctx.start => (
            false,
            format!(
                "{} is before the contract starts on {}: choose a date from {}",
                Day(d),
                ctx.start_text,
                ctx.window_text
            ),
        ),
        Some(d) if d > ctx.end => (
            false,
            format!(
                "{} is after the contract ends on {}: evaluators count only what is delivered during the contract",
                Day(d),
                ctx.end_text
            ),
        ),
        Some(d) => (
            true,
            format!("By {}, within the contract ({})", Day(d), ctx.window_text),
        ),
    };
    result(Check::TimeBound, passed, Field::By, reason)
}

fn local(ctx: &Context, c: &Commitment, topic: Option<&HotTopic>) -> CheckResult {
    let place = given(c.r#where.as_deref());
    let (passed, reason) = match topic {
        None => (true, "No hot topic, so no place is needed".to_owned()),
        Some(t) if !t.place_based => (true, format!("\"{}\" does not ask for a place", t.title)),
        Some(_) if ctx.local.is_empty() => match place {
            Some(p) => (
                true,
                format!("In {p} (the plan names no local area, so saying where is enough)"),
            ),
            None => (
                false,
                format!(
                    "{}: say where it will happen",
                    sentence(&missing(c.r#where.as_deref(), "place"))
                ),
            ),
        },
        Some(_) => match place {
            Some(p) => {
                let lower = p.to_lowercase();
                match ctx.local.iter().find(|(l, _)| lower.contains(l.as_str())) {
                    Some((_, name)) => (true, format!("In {p}: names {name}")),
                    None => (
                        false,
                        format!(
                            "\"{p}\" does not name a place of the plan: this hot topic counts only in {} (places are matched as written)",
                            ctx.places_text
                        ),
                    ),
                }
            }
            None => (
                false,
                format!(
                    "{}: this hot topic counts only in {}",
                    sentence(&missing(c.r#where.as_deref(), "place")),
                    ctx.local_text
                ),
            ),
        },
    };
    result(Check::Local, passed, Field::Where, reason)
}

fn owned(c: &Commitment) -> CheckResult {
    let (passed, reason) = match given(c.owner.as_deref()) {
        Some(o) => (true, format!("Owner: {}", short(o, 60))),
        None => (
            false,
            format!(
                "{}: name the person or role who answers for it, such as \"Operations Manager\"",
                sentence(&missing(c.owner.as_deref(), "owner"))
            ),
        ),
    };
    result(Check::Owned, passed, Field::Owner, reason)
}

fn monitored(c: &Commitment) -> CheckResult {
    let kpi = given(c.kpi.as_deref());
    let reporting = given(c.reporting.as_deref());
    let (passed, field, reason) = match (kpi, reporting) {
        (Some(_), Some(r)) => (
            true,
            Field::Kpi,
            format!("A KPI, reported {}", short(r, 40)),
        ),
        (None, None) => (
            false,
            Field::Kpi,
            format!(
                "{} and {}: say what figure you will measure and how often you will report it",
                sentence(&missing(c.kpi.as_deref(), "KPI")),
                missing(c.reporting.as_deref(), "reporting frequency")
            ),
        ),
        (None, Some(r)) => (
            false,
            Field::Kpi,
            format!(
                "{}: say what figure you will measure and report {}",
                sentence(&missing(c.kpi.as_deref(), "KPI")),
                short(r, 40)
            ),
        ),
        (Some(_), None) => (
            false,
            Field::Reporting,
            format!(
                "A KPI, but {}: say how often you will report it (monthly, quarterly...)",
                missing(c.reporting.as_deref(), "reporting frequency")
            ),
        ),
    };
    result(Check::Monitored, passed, field, reason)
}

fn evidenced(c: &Commitment) -> CheckResult {
    let (passed, reason) = match given(c.evidence.as_deref()) {
        Some(_) => (
            true,
            "Evidence given: it shows you can deliver this".to_owned(),
        ),
        None => (
            false,
            format!(
                "{}: add a past figure, a case study or a reference that shows you can deliver it",
                sentence(&missing(c.evidence.as_deref(), "evidence"))
            ),
        ),
    };
    result(Check::Evidenced, passed, Field::Evidence, reason)
}

/// What the bidder would deliver anyway over the contract at today's rate.
pub(crate) fn over_the_contract(baseline: Decimal, months: u32) -> Decimal {
    baseline
        .saturating_mul(Decimal::from(months))
        .checked_div(Decimal::from(12))
        .unwrap_or(Decimal::MAX)
}

fn additional(ctx: &Context, c: &Commitment, measure: Option<&Measure>) -> CheckResult {
    let months = ctx.doc.tender.duration_months;
    let unit = unit(c, measure)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let (passed, field, reason) = if !c.additional {
        (
            false,
            Field::Additional,
            "Not marked as additional: if it goes beyond what the contract already requires, say so and mark it additional".to_owned(),
        )
    } else if let Some(b) = c.baseline {
        let usual = over_the_contract(b, months);
        let per_year = format!("{}{unit} a year over {months} months", amount(b));
        match c.quantity {
            // quantity > baseline x months / 12, compared without dividing
            Some(q)
                if q.saturating_mul(Decimal::from(12))
                    > b.saturating_mul(Decimal::from(months)) =>
            {
                (
                    true,
                    Field::Additional,
                    format!(
                        "Beyond the contract, and more than the {}{unit} you would deliver anyway ({per_year})",
                        amount(usual)
                    ),
                )
            }
            Some(q) => (
                false,
                Field::Quantity,
                format!(
                    "{}{unit} is not more than the {}{unit} you would deliver anyway at today's rate ({per_year}): evaluators see business as usual",
                    Qty(q),
                    amount(usual)
                ),
            ),
            None => (
                false,
                Field::Quantity,
                format!(
                    "No quantity to compare with your baseline: promise more than the {}{unit} you would deliver anyway ({per_year})",
                    amount(usual)
                ),
            ),
        }
    } else {
        (
            true,
            Field::Additional,
            "Beyond what the contract requires".to_owned(),
        )
    };
    result(Check::Additional, passed, field, reason)
}

/// A commitment's value at its measure's proxy value, if it has one:
/// `Some(None)` when the product is too large to compute.
pub(crate) fn value(c: &Commitment, measure: Option<&Measure>) -> Option<Option<Decimal>> {
    let proxy = measure?.proxy_value?;
    let q = c.quantity?;
    Some(q.checked_mul(proxy))
}

/// Why a commitment's checks give it its raw band, in plain words.
pub(crate) fn band_reason(eval: &Eval, hedges: &[&str]) -> String {
    let band = eval.raw_band();
    let n = eval.passed();
    let [m, t, ..] = eval.passes;
    let hedge = hedges
        .first()
        .map(|h| format!("\"{h}\""))
        .unwrap_or_default();
    match band {
        Band::Excellent => "Passes all seven checks and is a firm promise: band 5 Excellent".to_owned(),
        Band::Good => {
            "Passes six checks, M and T among them, and is a firm promise: band 4 Good".to_owned()
        }
        Band::Satisfactory if eval.hedged && n >= 6 => format!(
            "Passes {n} checks, but {hedge} makes it a hedged promise, so its checks give band 3 Satisfactory"
        ),
        Band::Satisfactory => format!(
            "Passes M and T and {n} checks in all: band 3 Satisfactory (band 4 needs six)"
        ),
        Band::Weak if m && t => format!(
            "Passes M and T but only {n} checks in all (band 3 needs four): band 2 Weak"
        ),
        Band::Weak if m => "Passes M but not T: measurable but not time-bound, band 2 Weak (band 3 needs a date in the contract)".to_owned(),
        Band::Weak => "Passes T but not M: time-bound but not measurable, band 2 Weak (band 3 needs a quantity in a unit)".to_owned(),
        _ => "Passes neither M nor T, so it is an intention, not yet a commitment: band 1 Poor".to_owned(),
    }
}
