//! What the submission says, whatever the format: the sections in order,
//! the cover's facts, the facts under each question, the commitments table
//! and the social value summary. The PDF and the Word file both draw from
//! here, so that they say the same things in the same order.
//!
//! Every function takes `clean`, which makes a text safe for the format (the
//! PDF replaces characters its font lacks; Word needs nothing).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::{Commitment, OfferDocument, Question};
use crate::money::{figure, gbp, quantity, round, uk_date};
use crate::score::{self, Report};

/// What an empty cell shows.
pub(crate) const NONE: &str = "\u{2013}";

/// The section titles of the submission, in order: one per question, then
/// the commitments and the social value summary (and, in the review copy,
/// the self-score).
pub(crate) fn section_titles(doc: &OfferDocument, review: bool) -> Vec<String> {
    let n = doc.tender.questions.len();
    let mut titles: Vec<String> = (1..=n).map(|i| format!("{i}. Question {i}")).collect();
    titles.push(format!("{}. Commitments", n + 1));
    titles.push(format!("{}. Social value summary", n + 2));
    if review {
        titles.push(format!("{}. Self-score report", n + 3));
    }
    titles
}

/// The line under the cover's title.
pub(crate) fn cover_subtitle(doc: &OfferDocument, clean: &dyn Fn(&str) -> String) -> String {
    format!(
        "A response to {} from {}",
        clean(&doc.tender.buyer),
        clean(&doc.offer.bidder.name)
    )
}

/// The cover's key facts, label and value.
pub(crate) fn cover_facts(
    doc: &OfferDocument,
    today: NaiveDate,
    clean: &dyn Fn(&str) -> String,
) -> Vec<(&'static str, String)> {
    let tender = &doc.tender;
    let bidder = &doc.offer.bidder;
    let mut organisation = Vec::new();
    if let Some(kind) = bidder.kind {
        let label = kind.label();
        let mut first = label.chars();
        organisation.push(
            first
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + first.as_str())
                .unwrap_or_default(),
        );
    }
    if let Some(n) = bidder.employees {
        organisation.push(format!(
            "{n} {}",
            if n == 1 { "employee" } else { "employees" }
        ));
    }
    if let Some(loc) = &bidder.location {
        organisation.push(format!("based in {}", clean(loc)));
    }
    let mut facts: Vec<(&str, String)> = vec![
        ("Tender", clean(&tender.title)),
        ("Reference", clean(&tender.reference)),
        ("Buyer", clean(&tender.buyer)),
        ("Bidder", clean(&bidder.name)),
    ];
    if !organisation.is_empty() {
        facts.push(("Organisation", organisation.join(", ")));
    }
    facts.push(("Contract value", gbp(tender.contract_value)));
    facts.push((
        "Contract period",
        format!(
            "{} months, {} to {}",
            tender.duration_months,
            uk_date(tender.window_start()),
            uk_date(tender.last_day())
        ),
    ));
    facts.push(("Submission deadline", uk_date(tender.deadline)));
    facts.push(("Date of this offer", uk_date(today)));
    facts
}

/// The facts under a question: its reference, marks, limits and the
/// answer's length.
pub(crate) fn question_facts(
    doc: &OfferDocument,
    q: &Question,
    clean: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let mut facts = vec![
        format!("Question reference {}", clean(&q.id)),
        format!(
            "{} {}",
            quantity(q.marks),
            if q.marks == Decimal::ONE {
                "mark"
            } else {
                "marks"
            }
        ),
    ];
    if let Some(limit) = q.word_limit {
        facts.push(format!("word limit {limit}"));
    }
    if let Some(limit) = q.char_limit {
        facts.push(format!("character limit {limit}"));
    }
    if let Some(a) = given_answer(doc, q) {
        let words = score::word_count(&a.text);
        facts.push(format!(
            "this answer {words} {}",
            if words == 1 { "word" } else { "words" }
        ));
    }
    facts
}

/// The answer to a question, if one has been written.
pub(crate) fn given_answer<'a>(
    doc: &'a OfferDocument,
    q: &Question,
) -> Option<&'a crate::domain::Answer> {
    doc.offer.answer(&q.id).filter(|a| score::is_given(&a.text))
}

/// What a question without an answer shows.
pub(crate) const NO_ANSWER: &str = "No answer has been written.";

/// What the commitments section shows when there are none.
pub(crate) const NO_COMMITMENTS: &str = "No commitments have been made.";

/// The sentence above the commitments table.
pub(crate) fn commitments_intro(count: usize) -> String {
    format!(
        "The {} we commit to deliver through this contract, each with its quantity, date, place, \
         owner and how it will be monitored and reported.",
        if count == 1 {
            "one commitment".to_owned()
        } else {
            format!("{count} commitments")
        }
    )
}

/// The commitments table's columns; their widths come from their content.
pub(crate) const COMMITMENT_COLUMNS: [&str; 7] = [
    "No.",
    "Commitment",
    "Quantity",
    "By",
    "Where and for whom",
    "Owner",
    "KPI and reporting",
];

/// One row of the commitments table; an absent value shows as [`NONE`].
pub(crate) struct CommitmentRow {
    pub number: String,
    pub what: String,
    /// "Hot topic: ..." or "Beyond the hot topics", shown in italics under `what`.
    pub topic: Option<String>,
    pub quantity: String,
    pub by: String,
    pub place: String,
    pub owner: String,
    pub kpi: String,
}

/// The unit of a commitment: its own, or its measure's.
pub(crate) fn unit(doc: &OfferDocument, c: &Commitment) -> Option<String> {
    c.unit.clone().or_else(|| {
        c.measure
            .as_deref()
            .and_then(|m| doc.plan.measure(m))
            .map(|m| m.unit.clone())
    })
}

/// The commitments table's rows.
pub(crate) fn commitment_rows(
    doc: &OfferDocument,
    clean: &dyn Fn(&str) -> String,
) -> Vec<CommitmentRow> {
    let or_none = |v: Option<String>| v.unwrap_or_else(|| NONE.to_owned());
    doc.offer
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let title = c
                .hot_topic
                .as_deref()
                .and_then(|t| doc.plan.hot_topic(t))
                .map(|t| clean(&t.title));
            let topic = match title {
                Some(t) => Some(format!("Hot topic: {t}")),
                None if c.hot_topic.is_none() => Some("Beyond the hot topics".to_owned()),
                None => None,
            };
            let qty = c
                .quantity
                .map(|q| figure(q, unit(doc, c).map(|u| clean(&u)).as_deref()));
            let place = [c.r#where.as_deref(), c.beneficiaries.as_deref()]
                .into_iter()
                .flatten()
                .map(clean)
                .collect::<Vec<_>>();
            let place = (!place.is_empty()).then(|| place.join("; for "));
            let kpi = match (&c.kpi, &c.reporting) {
                (Some(k), Some(r)) => {
                    Some(format!("{}. Reported {}.", trim_stop(&clean(k)), clean(r)))
                }
                (Some(k), None) => Some(clean(k)),
                (None, Some(r)) => Some(format!("Reported {}.", clean(r))),
                (None, None) => None,
            };
            CommitmentRow {
                number: format!("{}", i + 1),
                what: clean(&c.what),
                topic,
                quantity: or_none(qty),
                by: or_none(c.by.map(uk_date)),
                place: or_none(place),
                owner: or_none(c.owner.as_deref().map(clean)),
                kpi: or_none(kpi),
            }
        })
        .collect()
}

fn trim_stop(s: &str) -> &str {
    s.trim_end().trim_end_matches('.')
}

/// What the social value summary says when no commitment has a proxy value.
pub(crate) const NO_SOCIAL_VALUE: &str = "None of these commitments is counted in a measure for \
     which the buyer gives a proxy value, so no social value total in GBP is given.";

/// The social value summary's opening sentence in three parts (the middle
/// one, the total, in bold), or `None` when there is no total.
pub(crate) fn social_value_intro(doc: &OfferDocument, report: &Report) -> Option<[String; 3]> {
    let total = report.social_value.total?;
    Some([
        "At the buyer's own proxy values, the commitments above are worth ".to_owned(),
        gbp(total),
        format!(
            " in social value: {} of the contract value of {}. Each figure is the quantity \
             promised multiplied by the buyer's proxy value for its measure; the source of every \
             proxy value is shown beside it.",
            social_value_ratio(report),
            gbp(doc.tender.contract_value)
        ),
    ])
}

/// The social value as a share of the contract value, as text.
pub(crate) fn social_value_ratio(report: &Report) -> String {
    report
        .social_value
        .ratio_text
        .clone()
        .unwrap_or_else(|| format!("{}%", round(Decimal::ZERO, 1)))
}

/// The "By theme" table's columns (name, right-aligned).
pub(crate) const THEME_COLUMNS: [(&str, bool); 3] =
    [("Theme", false), ("Value", true), ("Proxy source", false)];

/// The "By theme" table's rows; the last one, the total, is shown in bold.
pub(crate) fn theme_rows(report: &Report, clean: &dyn Fn(&str) -> String) -> Vec<[String; 3]> {
    let sv = &report.social_value;
    let mut rows: Vec<[String; 3]> = sv
        .themes
        .iter()
        .map(|t| [clean(&t.name), gbp(t.value), clean(&t.sources.join("; "))])
        .collect();
    if let Some(total) = sv.total {
        rows.push([
            "Total".to_owned(),
            gbp(total),
            format!("{} of the contract value", social_value_ratio(report)),
        ]);
    }
    rows
}

/// The "By commitment" table's columns (name, right-aligned).
pub(crate) const VALUE_COLUMNS: [(&str, bool); 6] = [
    ("No.", false),
    ("Measure", false),
    ("Quantity", true),
    ("Proxy value", true),
    ("Value", true),
    ("Proxy source", false),
];

/// The "By commitment" table's rows.
pub(crate) fn value_rows(
    doc: &OfferDocument,
    report: &Report,
    clean: &dyn Fn(&str) -> String,
) -> Vec<[String; 6]> {
    report
        .social_value
        .commitments
        .iter()
        .map(|v| {
            let number = doc
                .offer
                .commitments
                .iter()
                .position(|c| c.id == v.commitment)
                .map_or_else(|| clean(&v.commitment), |i| (i + 1).to_string());
            let qty = figure(v.quantity, Some(&clean(&v.unit)));
            [
                number,
                clean(&v.measure_name),
                qty,
                gbp(v.proxy_value),
                gbp(v.value),
                clean(&v.proxy_source),
            ]
        })
        .collect()
}
