//! A buyer's plan on a page: themes, outcomes, hot topics and measures.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields;

/// A buyer's social value priorities, as they fit on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's id: a slug, unique in a store.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub id: String,
    /// Who publishes the plan, e.g. "Durham County Council".
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub issuer: String,
    /// The plan's title.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub title: String,
    /// When the issuer published it.
    #[serde(deserialize_with = "fields::date", serialize_with = "fields::ser_date")]
    #[schemars(with = "String", extend("format" = "date"))]
    #[ts(type = "string")]
    pub published: NaiveDate,
    /// The area a place-based commitment must name, e.g. "County Durham".
    #[serde(
        default,
        deserialize_with = "fields::opt_name",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 2000))]
    pub local_area: Option<String>,
    /// Towns and places inside the local area that also count as local.
    #[serde(
        default,
        deserialize_with = "fields::names",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub local_places: Vec<String>,
    /// What the buyer wants its spending to achieve, in a sentence or two.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub summary: Option<String>,
    /// Where the plan comes from and under what licence.
    #[serde(
        default,
        deserialize_with = "opt_source",
        skip_serializing_if = "Option::is_none"
    )]
    pub source: Option<Source>,
    /// The themes, in the order the buyer gives them.
    pub themes: Vec<Theme>,
    /// The hot topics: what earns points in any tender.
    pub hot_topics: Vec<HotTopic>,
    /// The measures commitments count in.
    #[serde(
        default,
        deserialize_with = "fields::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub measures: Vec<Measure>,
}

fn opt_source<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Source>, D::Error> {
    Option::<Source>::deserialize(d)
}

/// Where a plan comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document or body it comes from.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub name: String,
    /// The licence it is used under.
    #[serde(
        default,
        deserialize_with = "fields::opt_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub licence: Option<String>,
}

/// A theme of the plan, e.g. "Altogether greener".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The theme's id, unique in the plan.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub id: String,
    /// The theme's name.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub name: String,
    /// What the theme is about.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// The outcomes the buyer wants under this theme.
    #[serde(
        default,
        deserialize_with = "fields::names",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub outcomes: Vec<String>,
}

/// A hot topic: a key strategic intention whose contributions earn points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct HotTopic {
    /// The hot topic's id, unique in the plan.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub id: String,
    /// The id of the theme it belongs to.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub theme: String,
    /// Its title, in the buyer's words.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub title: String,
    /// What the buyer means by it.
    #[serde(
        default,
        deserialize_with = "fields::opt_long",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Its weight in points, greater than 0.
    #[serde(
        deserialize_with = "fields::decimal",
        serialize_with = "fields::ser_decimal"
    )]
    #[schemars(with = "String", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string")]
    pub weight: Decimal,
    /// Whether a commitment to it must say where (in the local area) to count.
    #[serde(
        default,
        deserialize_with = "fields::flag",
        skip_serializing_if = "is_false"
    )]
    pub place_based: bool,
    /// The ids of the measures that count towards it.
    #[serde(
        default,
        deserialize_with = "fields::slugs",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub measures: Vec<String>,
    /// Examples of good commitments.
    #[serde(
        default,
        deserialize_with = "fields::names",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub examples: Vec<String>,
}

/// A quantified unit of contribution, e.g. "apprenticeship weeks".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The measure's id, unique in the plan.
    #[serde(deserialize_with = "fields::slug")]
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"), length(max = 2000))]
    pub id: String,
    /// What is counted.
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub name: String,
    /// The unit it is counted in, e.g. "people", "weeks", "GBP".
    #[serde(deserialize_with = "fields::name")]
    #[schemars(length(min = 1, max = 2000))]
    pub unit: String,
    /// The buyer's value in GBP of one unit.
    #[serde(
        default,
        deserialize_with = "fields::opt_decimal",
        serialize_with = "fields::ser_opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>", regex(pattern = r"^[0-9]+(\.[0-9]+)?$"))]
    #[ts(type = "string | null")]
    pub proxy_value: Option<Decimal>,
    /// Where the proxy value comes from; required with a proxy value.
    #[serde(
        default,
        deserialize_with = "fields::opt_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub proxy_source: Option<String>,
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

/// A place entry of a plan that joins two or more names ("Caerfyrddin /
/// Carmarthen"). Places are matched literally, so a commitment that says
/// "Carmarthen" does not name it: each form should be its own entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JoinedPlace {
    /// The entry as the plan has it.
    pub entry: String,
    /// The names it joins, each to be its own entry.
    pub parts: Vec<String>,
    /// Whether it is the plan's `local_area` (else one of its `local_places`).
    pub local_area: bool,
    /// What it means, for every face to show: "The place \"Aberteifi /
    /// Cardigan\" joins 2 names...".
    pub message: String,
}

/// The names a place entry joins with "/", when it joins two or more.
fn joined(entry: &str) -> Option<Vec<String>> {
    let parts: Vec<String> = entry
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    (parts.len() >= 2).then_some(parts)
}

impl Plan {
    /// The place entries that join two or more names with "/", the local
    /// area first.
    pub fn joined_places(&self) -> Vec<JoinedPlace> {
        let area = self.local_area.iter().map(|a| (a, true));
        let places = self.local_places.iter().map(|p| (p, false));
        area.chain(places)
            .filter_map(|(entry, local_area)| {
                joined(entry).map(|parts| JoinedPlace {
                    message: format!(
                        "The place \"{entry}\" joins {} names, and places are matched as written, so a commitment that says \"{}\" does not name it: make each name its own entry",
                        parts.len(),
                        parts.last().map_or("", String::as_str)
                    ),
                    entry: entry.clone(),
                    parts,
                    local_area,
                })
            })
            .collect()
    }

    /// Splits every joined place entry into one entry per name, in place:
    /// a joined local area keeps its first name and gives the others to the
    /// local places; no name is listed twice.
    pub fn split_joined_places(&mut self) {
        fn add(name: String, places: &mut Vec<String>) {
            if !places.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
                places.push(name);
            }
        }
        let mut places: Vec<String> = Vec::new();
        if let Some(parts) = self.local_area.as_deref().and_then(joined) {
            let mut parts = parts.into_iter();
            self.local_area = parts.next();
            for p in parts {
                add(p, &mut places);
            }
        }
        for entry in std::mem::take(&mut self.local_places) {
            match joined(&entry) {
                Some(parts) => {
                    for p in parts {
                        add(p, &mut places);
                    }
                }
                None => add(entry.trim().to_owned(), &mut places),
            }
        }
        if let Some(area) = &self.local_area {
            places.retain(|p| !p.eq_ignore_ascii_case(area));
        }
        self.local_places = places;
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The hot topic with this id.
    pub fn hot_topic(&self, id: &str) -> Option<&HotTopic> {
        self.hot_topics.iter().find(|t| t.id == id)
    }

    /// The measure with this id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// The sum of the hot topics' weights (at most 10,000 weights of at
    /// most 10^12 each: it cannot overflow, and saturates if it ever did).
    pub fn total_weight(&self) -> Decimal {
        self.hot_topics
            .iter()
            .fold(Decimal::ZERO, |sum, t| sum.saturating_add(t.weight))
    }
}
