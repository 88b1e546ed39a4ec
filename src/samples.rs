//! The sample plans shipped in `assets/plans/`, and the demo offer: data
//! only (the store adds the plans to every new store,
//! `store::plans::add_samples`; `ops::demo` adds the demo).
//!
//! The sample plans are compiled in, so that a newcomer has a plan to write
//! against at once; the demo is a sample tender and a half-finished offer
//! against the County Durham sample: something to open, score and export.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::{Answer, Bidder, BidderKind, Commitment, Offer, Plan, Question, Tender};
use crate::files::read_plan;

/// The sample plan files: their file names and contents.
pub const SAMPLE_PLANS: &[(&str, &str)] = &[
    (
        "durham-sample.svplan.json",
        include_str!("../assets/plans/durham-sample.svplan.json"),
    ),
    (
        "uk-social-value-model.svplan.json",
        include_str!("../assets/plans/uk-social-value-model.svplan.json"),
    ),
];

/// The id of the County Durham sample plan, which the demo answers.
pub const DURHAM_SAMPLE: &str = "durham-sample";

/// The sample plans, read; a sample that does not read is named with why
/// (a test keeps them readable).
pub fn sample_plans() -> Result<Vec<Plan>, String> {
    SAMPLE_PLANS
        .iter()
        .map(|(name, text)| {
            read_plan(text.as_bytes())
                .map_err(|e| format!("the sample plan {name} is invalid: {e}"))
        })
        .collect()
}

/// What the demo created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Demo {
    /// The sample tender.
    pub tender_id: i64,
    /// The half-finished offer.
    pub offer_id: i64,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The demo's tender: school meals, GBP 480,000 over 36 months, 10% social value.
pub fn demo_tender() -> Tender {
    Tender {
        title: "School meals, primary schools".to_owned(),
        buyer: "Durham County Council (sample)".to_owned(),
        reference: "DCC-2026-0142".to_owned(),
        deadline: date(2026, 12, 15),
        contract_value: Decimal::new(48_000_000, 2),
        contract_start: Some(date(2027, 4, 1)),
        duration_months: 36,
        social_value_weighting: Decimal::from(10),
        questions: vec![
            Question {
                id: "sv1".to_owned(),
                text: "Describe the social value you will deliver through this contract for the people and places of County Durham, with measurable commitments.".to_owned(),
                word_limit: Some(750),
                char_limit: None,
                marks: Decimal::from(6),
            },
            Question {
                id: "sv2".to_owned(),
                text: "How will you monitor, evidence and report the social value you deliver?".to_owned(),
                word_limit: Some(300),
                char_limit: Some(2000),
                marks: Decimal::from(4),
            },
        ],
    }
}

/// The demo's offer: well begun, not finished, with things left to fix.
pub fn demo_offer() -> Offer {
    let text = |s: &str| Some(s.to_owned());
    Offer {
        bidder: Bidder {
            name: "Wear Valley Kitchens CIC".to_owned(),
            kind: Some(BidderKind::SocialEnterprise),
            employees: Some(14),
            location: text("Bishop Auckland, County Durham"),
        },
        answers: vec![Answer {
            question: "sv1".to_owned(),
            text: "Wear Valley Kitchens is a community interest company that has cooked fresh school meals in south Durham since 2016. Every pound of profit goes back into training and jobs for local people.\n\nOver the three years of this contract we will:\n\n- fill **three kitchen assistant posts** with long-term unemployed residents referred by the council's employability team;\n- take on two apprentice cooks from local schools and colleges;\n- buy fruit, vegetables and dairy from County Durham growers where possible.\n\nWe will also run cookery sessions for parents at the schools we serve.".to_owned(),
        }],
        commitments: vec![
            Commitment {
                id: "c1".to_owned(),
                hot_topic: text("local-jobs"),
                measure: text("local-hires"),
                what: "Fill kitchen assistant vacancies with long-term unemployed residents".to_owned(),
                quantity: Some(Decimal::from(3)),
                unit: text("people"),
                by: Some(date(2027, 9, 30)),
                r#where: text("Bishop Auckland, County Durham"),
                beneficiaries: text("long-term unemployed residents"),
                how: text("Every vacancy notified to the council's employability team a week before it is advertised."),
                owner: text("Operations Manager"),
                kpi: text("Hires from referred candidates, reported with anonymised start dates"),
                reporting: text("quarterly"),
                evidence: text("Hired 2 referred candidates in 2025 (see our 2025 impact report)."),
                baseline: Some(Decimal::new(5, 1)),
                additional: true,
            },
            Commitment {
                id: "c2".to_owned(),
                hot_topic: text("apprenticeships"),
                measure: text("apprenticeship-weeks"),
                what: "Two apprentice cooks from local schools and colleges".to_owned(),
                quantity: Some(Decimal::from(104)),
                unit: text("weeks"),
                by: Some(date(2029, 3, 31)),
                r#where: text("Durham and Bishop Auckland"),
                beneficiaries: text("young people aged 16 to 24"),
                how: text("We aim to recruit through the council's apprenticeship hub."),
                owner: text("TBC"),
                kpi: text("Apprentice weeks completed"),
                reporting: text("quarterly"),
                evidence: None,
                baseline: None,
                additional: true,
            },
            Commitment {
                id: "c3".to_owned(),
                hot_topic: text("local-produce"),
                measure: text("local-food-spend"),
                what: "Buy fruit, vegetables and dairy from County Durham growers".to_owned(),
                quantity: Some(Decimal::new(6_000_000, 2)),
                unit: text("GBP"),
                by: Some(date(2030, 3, 31)),
                r#where: None,
                beneficiaries: text("local growers and producers"),
                how: text("Seasonal menus planned with three local suppliers."),
                owner: text("Head Chef"),
                kpi: None,
                reporting: None,
                evidence: text("Local produce was 18% of our food spend in 2025."),
                baseline: Some(Decimal::from(15_000)),
                additional: true,
            },
            Commitment {
                id: "c4".to_owned(),
                hot_topic: text("carbon"),
                measure: None,
                what: "Cut delivery emissions where possible".to_owned(),
                ..Commitment::default()
            },
            Commitment {
                id: "c5".to_owned(),
                hot_topic: None,
                measure: None,
                what: "Cookery sessions for parents at the schools we serve".to_owned(),
                quantity: Some(Decimal::from(12)),
                unit: text("sessions"),
                by: Some(date(2028, 7, 31)),
                r#where: text("Primary schools in the contract"),
                beneficiaries: text("parents and carers"),
                how: text("After-school sessions led by our cooks, free to families."),
                owner: text("Community Manager"),
                kpi: text("Sessions held and parents attending"),
                reporting: text("termly"),
                evidence: None,
                baseline: None,
                additional: true,
            },
        ],
    }
}

/// The demo offer finished: every commitment complete and firm, every
/// question answered. The sample workshop's model offer.
pub fn model_offer() -> Offer {
    let text = |s: &str| Some(s.to_owned());
    let mut offer = demo_offer();
    offer.bidder.name = "Model Kitchens CIC".to_owned();
    for answer in &mut offer.answers {
        answer.text = answer.text.replace(" where possible", "");
        answer.text = answer
            .text
            .replace("Wear Valley Kitchens", "Model Kitchens");
    }
    offer.answers.push(Answer {
        question: "sv2".to_owned(),
        text: "Each commitment has a named owner and a KPI. We report every quarter to the council's contract manager, with anonymised hiring records, apprentice timesheets and supplier invoices as evidence.".to_owned(),
    });
    let c = &mut offer.commitments;
    c[1].how =
        text("Every apprentice place advertised through the council's apprenticeship hub first.");
    c[1].owner = text("Head Chef");
    c[1].evidence = text("Trained 3 apprentices to Level 2 since 2021; all completed.");
    c[1].baseline = Some(Decimal::ZERO);
    c[2].r#where = text("County Durham");
    c[2].kpi = text("Spend with County Durham growers, from invoices");
    c[2].reporting = text("quarterly");
    c[3] = Commitment {
        id: "c4".to_owned(),
        hot_topic: text("carbon"),
        measure: text("co2e-reduced"),
        what: "Switch our two delivery vans to electric".to_owned(),
        quantity: Some(Decimal::from(6)),
        unit: text("tonnes CO2e"),
        by: Some(date(2028, 3, 31)),
        r#where: text("County Durham"),
        beneficiaries: text("residents along our delivery routes"),
        how: text("Two electric vans leased from April 2027, charged at our kitchen."),
        owner: text("Operations Manager"),
        kpi: text("Van mileage and tonnes CO2e avoided, from the lease's telematics"),
        reporting: text("quarterly"),
        evidence: text("Our 2025 carbon footprint: 9 tonnes CO2e from deliveries."),
        baseline: Some(Decimal::ZERO),
        additional: true,
    };
    c[4].evidence = text("Ran 4 pilot sessions in 2025 with 38 parents attending.");
    c.push(Commitment {
        id: "c6".to_owned(),
        hot_topic: text("local-supply-chain"),
        measure: text("local-sme-spend"),
        what: "Buy cleaning, packaging and repairs from County Durham small firms".to_owned(),
        quantity: Some(Decimal::new(3_000_000, 2)),
        unit: text("GBP"),
        by: Some(date(2030, 3, 31)),
        r#where: text("County Durham"),
        beneficiaries: text("local small firms and social enterprises"),
        how: text(
            "Quotes sought from at least two County Durham SMEs for every purchase over £500.",
        ),
        owner: text("Finance Manager"),
        kpi: text("Spend with County Durham SMEs, from the purchase ledger"),
        reporting: text("quarterly"),
        evidence: text("£8,000 spent with local SMEs in 2025."),
        baseline: Some(Decimal::from(8_000)),
        additional: true,
    });
    c.push(Commitment {
        id: "c7".to_owned(),
        hot_topic: text("landfill-waste"),
        measure: text("landfill-diverted"),
        what: "Send food waste to anaerobic digestion instead of landfill".to_owned(),
        quantity: Some(Decimal::from(12)),
        unit: text("tonnes"),
        by: Some(date(2028, 3, 31)),
        r#where: text("County Durham"),
        how: text("Separate food waste bins in every school kitchen, collected weekly by a County Durham contractor."),
        owner: text("Head Chef"),
        kpi: text("Tonnes of food waste diverted, from collection notes"),
        reporting: text("quarterly"),
        evidence: text("Diverted 3 tonnes in our 2025 pilot at two schools."),
        baseline: Some(Decimal::from(3)),
        additional: true,
        ..Commitment::default()
    });
    c.push(Commitment {
        id: "c8".to_owned(),
        hot_topic: text("community-recycling"),
        measure: text("items-donated"),
        what: "Give surplus kitchen equipment to community groups".to_owned(),
        quantity: Some(Decimal::from(40)),
        unit: text("items"),
        by: Some(date(2029, 3, 31)),
        r#where: text("Bishop Auckland"),
        how: text("Replaced equipment offered first to community groups through the council's reuse scheme."),
        owner: text("Operations Manager"),
        kpi: text("Items donated, with the groups named"),
        reporting: text("every six months"),
        evidence: text("Donated 9 items to two community cafés in 2025."),
        baseline: Some(Decimal::from(9)),
        additional: true,
        ..Commitment::default()
    });
    offer
}

/// The sample workshop pack: the County Durham sample plan, the demo's
/// tender as the mock tender, short instructions and the model offer.
pub fn demo_workshop(plan: crate::domain::Plan) -> crate::domain::Workshop {
    crate::domain::Workshop {
        title: "Bid writing for social value: school meals".to_owned(),
        instructions: "Write the social value offer for this tender in 45 minutes.\n\n1. Read the plan on a page: which hot topics are worth the most?\n2. Make at least three commitments, each with a number, a date, a place, an owner and a KPI.\n3. Answer both questions within their word limits.\n4. Export your offer and hand the file back.".to_owned(),
        plan,
        tender: demo_tender(),
        model_offer: Some(model_offer()),
    }
}

/// A participant's offer for the sample workshop, the `i`th of a room:
/// the demo offer under another bidder, changed by `i` so that a room of
/// them ranges from nothing written to nearly complete.
pub fn workshop_participant(i: usize) -> Offer {
    const PLACES: [&str; 8] = [
        "Tyne", "Tees", "Derwent", "Eden", "Swale", "Coquet", "Allen", "Skerne",
    ];
    const TRADES: [&str; 5] = ["Kitchens", "Catering", "Foods", "Meals", "Larder"];
    let text = |s: &str| Some(s.to_owned());
    let mut offer = if i % 4 == 3 {
        model_offer()
    } else {
        demo_offer()
    };
    offer.bidder.name = format!(
        "{} {} {}",
        PLACES[i % PLACES.len()],
        TRADES[(i / PLACES.len()) % TRADES.len()],
        if i.is_multiple_of(3) { "CIC" } else { "Ltd" }
    );
    for answer in &mut offer.answers {
        answer.text = answer.text.replace("Wear Valley Kitchens", "We");
        answer.text = answer.text.replace("Model Kitchens", "We");
    }
    if i.is_multiple_of(5) {
        for c in &mut offer.commitments {
            c.owner = None;
        }
    }
    if i % 3 == 1 {
        for c in &mut offer.commitments {
            c.kpi = None;
            c.reporting = None;
        }
    }
    if i % 4 == 1 && !offer.commitments.is_empty() {
        offer.commitments.remove(0);
    }
    if i % 6 == 2 {
        for c in &mut offer.commitments {
            c.evidence = None;
        }
    }
    if i % 7 == 4 {
        offer.answers.clear();
    }
    if let Some(c) = offer.commitments.first_mut() {
        c.quantity = Some(Decimal::from(1 + i % 4));
    }
    if i % 8 == 6 {
        offer.commitments.push(Commitment {
            id: "v1".to_owned(),
            hot_topic: text("volunteering"),
            measure: text("volunteering-hours"),
            what: "Staff volunteering with local food banks".to_owned(),
            quantity: Some(Decimal::from(120)),
            unit: text("hours"),
            by: Some(date(2028, 3, 31)),
            r#where: text("Bishop Auckland"),
            owner: text("Community Manager"),
            additional: true,
            ..Commitment::default()
        });
    }
    if i % 10 == 9 {
        offer.commitments.clear();
        offer.answers.clear();
    }
    offer
}
