//! Words as the model reads them (docs/scoring.md, sections 0 and 7): runs
//! of letters, normalised, their keys, the generic words, the unit lists and
//! each hot topic's vocabulary.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::domain::{HotTopic, Measure, Plan};

/// List G: words too common to show what a commitment or a mention is about.
pub const GENERIC: [&str; 115] = [
    // Places and scale.
    "local",
    "community",
    "communities",
    "people",
    "council",
    "social",
    "value",
    "support",
    "wales",
    "welsh",
    "scotland",
    "scottish",
    "england",
    "english",
    "britain",
    "british",
    "ireland",
    "county",
    "city",
    "borough",
    "area",
    "areas",
    "residents",
    "national",
    "region",
    "regional",
    "district",
    // Praise.
    "better",
    "more",
    "good",
    "great",
    "greater",
    // Contract and calendar.
    "contract",
    "contracts",
    "year",
    "years",
    "annual",
    "month",
    "months",
    // Numbers.
    "first",
    "second",
    "third",
    "three",
    "four",
    "five",
    "seven",
    "eight",
    "nine",
    "twelve",
    "twenty",
    "hundred",
    // Function words.
    "about",
    "above",
    "across",
    "after",
    "again",
    "also",
    "among",
    "around",
    "been",
    "before",
    "both",
    "each",
    "even",
    "every",
    "from",
    "have",
    "here",
    "including",
    "into",
    "just",
    "many",
    "most",
    "much",
    "must",
    "only",
    "onto",
    "other",
    "ours",
    "over",
    "same",
    "should",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "throughout",
    "towards",
    "under",
    "until",
    "upon",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "without",
    "would",
    "could",
    "shall",
    "your",
];

/// Units that are money.
pub const MONEY: [&str; 3] = crate::money::MONEY_UNITS;
/// Units that count people.
pub const PEOPLE: [&str; 10] = [
    "people",
    "person",
    "fte",
    "jobs",
    "hires",
    "apprentices",
    "apprenticeships",
    "staff",
    "employees",
    "placements",
];
/// Units that are time.
pub const TIME: [&str; 5] = ["hours", "hrs", "days", "weeks", "sessions"];
/// Words that count jobs or placements.
pub const JOBS: [&str; 23] = [
    "job",
    "jobs",
    "fte",
    "hire",
    "hires",
    "hired",
    "recruit",
    "recruits",
    "recruited",
    "apprentice",
    "apprentices",
    "apprenticeship",
    "apprenticeships",
    "placement",
    "placements",
    "intern",
    "interns",
    "internship",
    "internships",
    "start",
    "starts",
    "starter",
    "starters",
];
/// Units that are hours.
pub const HOURS: [&str; 4] = ["hour", "hours", "hr", "hrs"];
/// Units that count the people taking part, not the bidder's staff.
pub const PER_HEAD: [&str; 6] = [
    "attendee",
    "attendees",
    "participant",
    "participants",
    "learner",
    "learners",
];

/// The words of a text: its maximal runs of letters ("work-placements" is
/// two words; "people's" gives "people" and "s"; "CO2e" gives "CO" and "e").
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// A word normalised: lower-cased, one trailing "s" dropped.
pub fn normalise(word: &str) -> String {
    let mut out: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.chars().flat_map(char::to_lowercase).collect()
    };
    if out.ends_with('s') {
        out.pop();
    }
    out
}

/// Whether a word is a content word: four letters or more as written.
pub fn is_content(word: &str) -> bool {
    word.chars().nth(3).is_some()
}

/// The key of a normalised word: its first five letters (all of it when
/// shorter).
pub fn key(normalised: &str) -> String {
    normalised.chars().take(5).collect()
}

/// A set of normalised words.
fn normalised_set<'a>(list: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    list.into_iter().map(normalise).collect()
}

/// Which lists of section 7 a commitment's units (or a measure's name) name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Names {
    pub money: bool,
    pub people: bool,
    pub time: bool,
    pub jobs: bool,
    pub hours: bool,
    pub per_head: bool,
}

/// The lists of section 7, normalised, built once.
struct Lists {
    generic: HashSet<String>,
    money: HashSet<String>,
    people: HashSet<String>,
    time: HashSet<String>,
    jobs: HashSet<String>,
    hours: HashSet<String>,
    per_head: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        generic: normalised_set(GENERIC),
        money: normalised_set(MONEY),
        people: normalised_set(PEOPLE),
        time: normalised_set(TIME),
        jobs: normalised_set(JOBS),
        hours: normalised_set(HOURS),
        per_head: normalised_set(PER_HEAD),
    })
}

/// What the model needs of a plan's words, worked out once per score.
pub struct Lexicon {
    lists: &'static Lists,
    /// The normalised words of the plan's local area and places.
    local: HashSet<String>,
    /// Each hot topic's vocabulary: the keys of its content words.
    vocabulary: Vec<HashSet<String>>,
}

impl Lexicon {
    /// The lexicon of a plan: its local words join the generic ones.
    pub fn new(plan: &Plan) -> Self {
        let local = plan
            .local_area
            .iter()
            .chain(&plan.local_places)
            .flat_map(|place| words(place).map(normalise))
            .collect();
        let vocabulary = plan
            .hot_topics
            .iter()
            .map(|t| vocabulary(plan, t))
            .collect();
        Lexicon {
            lists: lists(),
            local,
            vocabulary,
        }
    }

    /// Whether a normalised word is generic: in list G, or a local word.
    pub fn is_generic(&self, normalised: &str) -> bool {
        self.lists.generic.contains(normalised) || self.local.contains(normalised)
    }

    /// Which lists the words of these texts name ("£" names MONEY).
    pub fn names<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Names {
        let mut names = Names::default();
        for text in texts {
            if text.contains('£') {
                names.money = true;
            }
            let lists = self.lists;
            for word in words(text) {
                let w = normalise(word);
                names.money |= lists.money.contains(&w);
                names.people |= lists.people.contains(&w);
                names.time |= lists.time.contains(&w);
                names.jobs |= lists.jobs.contains(&w);
                names.hours |= lists.hours.contains(&w);
                names.per_head |= lists.per_head.contains(&w);
            }
        }
        names
    }

    /// Whether a content word of these texts that is not generic has a key
    /// in hot topic `t`'s vocabulary.
    pub fn fits<'a>(&self, t: usize, texts: impl IntoIterator<Item = &'a str>) -> bool {
        let Some(vocabulary) = self.vocabulary.get(t) else {
            return false;
        };
        texts.into_iter().any(|text| {
            words(text).filter(|w| is_content(w)).any(|w| {
                let n = normalise(w);
                !self.is_generic(&n) && vocabulary.contains(&key(&n))
            })
        })
    }

    /// The distinct normalised content words of a title that are not
    /// generic, each with the word as first written.
    pub fn title_words(&self, title: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for w in words(title).filter(|w| is_content(w)) {
            let n = normalise(w);
            if !self.is_generic(&n) && !out.iter().any(|(_, m)| *m == n) {
                out.push((w.to_owned(), n));
            }
        }
        out
    }
}

/// A hot topic's vocabulary: the keys of the content words of its title,
/// description and examples, of its measures' names and units, and of its
/// theme's name and outcomes (generic words included).
fn vocabulary(plan: &Plan, topic: &HotTopic) -> HashSet<String> {
    let measures: Vec<&Measure> = topic
        .measures
        .iter()
        .filter_map(|id| plan.measure(id))
        .collect();
    let theme = plan.theme(&topic.theme);
    let texts = std::iter::once(topic.title.as_str())
        .chain(topic.description.as_deref())
        .chain(topic.examples.iter().map(String::as_str))
        .chain(
            measures
                .iter()
                .flat_map(|m| [m.name.as_str(), m.unit.as_str()]),
        )
        .chain(theme.map(|t| t.name.as_str()))
        .chain(
            theme
                .into_iter()
                .flat_map(|t| t.outcomes.iter().map(String::as_str)),
        );
    texts
        .flat_map(words)
        .filter(|w| is_content(w))
        .map(|w| key(&normalise(w)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters() {
        let found: Vec<&str> = words("work-placements, people's CO2e £5k Sir Gâr").collect();
        assert_eq!(
            found,
            [
                "work",
                "placements",
                "people",
                "s",
                "CO",
                "e",
                "k",
                "Sir",
                "Gâr"
            ]
        );
    }

    #[test]
    fn normalising_lowers_and_drops_one_s() {
        assert_eq!(normalise("Jobs"), "job");
        assert_eq!(normalise("CLASSES"), "classe");
        assert_eq!(normalise("Gâr"), "gâr");
        assert_eq!(normalise("s"), "");
        assert_eq!(key("apprenticeship"), "appre");
        assert_eq!(key("job"), "job");
        assert!(is_content("kits") && !is_content("job") && is_content("Gâré"));
    }

    #[test]
    fn the_lists_have_the_models_lengths() {
        assert_eq!(GENERIC.iter().collect::<HashSet<_>>().len(), 115);
        assert_eq!(JOBS.iter().collect::<HashSet<_>>().len(), 23);
    }
}
