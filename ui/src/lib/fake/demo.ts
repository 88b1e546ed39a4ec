// The demo tender and offer, as the core's `samples::create_demo` makes
// them, for the fake backend (component tests and `?fake=1` previews).

import type { EvidenceRecord } from "../bindings/EvidenceRecord";
import type { Offer } from "../bindings/Offer";
import type { Tender } from "../bindings/Tender";

export function demoTender(): Tender {
  return {
    title: "School meals, primary schools",
    buyer: "Durham County Council (sample)",
    reference: "DCC-2026-0142",
    deadline: "2026-12-15",
    contract_value: "480000.00",
    contract_start: "2027-04-01",
    duration_months: 36,
    social_value_weighting: "10",
    questions: [
      {
        id: "sv1",
        text: "Describe the social value you will deliver through this contract for the people and places of County Durham, with measurable commitments.",
        word_limit: 750,
        char_limit: null,
        marks: "6",
      },
      {
        id: "sv2",
        text: "How will you monitor, evidence and report the social value you deliver?",
        word_limit: 300,
        char_limit: 2000,
        marks: "4",
      },
    ],
  };
}

export function demoOffer(): Offer {
  return {
    bidder: {
      name: "Wear Valley Kitchens CIC",
      kind: "social_enterprise",
      employees: 14,
      location: "Bishop Auckland, County Durham",
    },
    answers: [
      {
        question: "sv1",
        text: "Wear Valley Kitchens is a community interest company that has cooked fresh school meals in south Durham since 2016. Every pound of profit goes back into training and jobs for local people.\n\nOver the three years of this contract we will:\n\n- fill **three kitchen assistant posts** with long-term unemployed residents referred by the council's employability team;\n- take on two apprentice cooks from local schools and colleges;\n- buy fruit, vegetables and dairy from County Durham growers where possible.\n\nWe will also run cookery sessions for parents at the schools we serve.",
      },
    ],
    commitments: [
      {
        id: "c1",
        hot_topic: "local-jobs",
        measure: "local-hires",
        what: "Fill kitchen assistant vacancies with long-term unemployed residents",
        quantity: "3",
        unit: "people",
        by: "2027-09-30",
        where: "Bishop Auckland, County Durham",
        beneficiaries: "long-term unemployed residents",
        how: "Every vacancy notified to the council's employability team a week before it is advertised.",
        owner: "Operations Manager",
        kpi: "Hires from referred candidates, reported with anonymised start dates",
        reporting: "quarterly",
        evidence: "Hired 2 referred candidates in 2025 (see our 2025 impact report).",
        baseline: "0.5",
        additional: true,
      },
      {
        id: "c2",
        hot_topic: "apprenticeships",
        measure: "apprenticeship-weeks",
        what: "Two apprentice cooks from local schools and colleges",
        quantity: "104",
        unit: "weeks",
        by: "2029-03-31",
        where: "Durham and Bishop Auckland",
        beneficiaries: "young people aged 16 to 24",
        how: "We aim to recruit through the council's apprenticeship hub.",
        owner: "TBC",
        kpi: "Apprentice weeks completed",
        reporting: "quarterly",
        evidence: null,
        baseline: null,
        additional: true,
      },
      {
        id: "c3",
        hot_topic: "local-produce",
        measure: "local-food-spend",
        what: "Buy fruit, vegetables and dairy from County Durham growers",
        quantity: "60000.00",
        unit: "GBP",
        by: "2030-03-31",
        where: null,
        beneficiaries: "local growers and producers",
        how: "Seasonal menus planned with three local suppliers.",
        owner: "Head Chef",
        kpi: null,
        reporting: null,
        evidence: "Local produce was 18% of our food spend in 2025.",
        baseline: "15000",
        additional: true,
      },
      {
        id: "c4",
        hot_topic: "carbon",
        measure: null,
        what: "Cut delivery emissions where possible",
        additional: false,
      },
      {
        id: "c5",
        hot_topic: null,
        measure: null,
        what: "Cookery sessions for parents at the schools we serve",
        quantity: "12",
        unit: "sessions",
        by: "2028-07-31",
        where: "Primary schools in the contract",
        beneficiaries: "parents and carers",
        how: "After-school sessions led by our cooks, free to families.",
        owner: "Community Manager",
        kpi: "Sessions held and parents attending",
        reporting: "termly",
        evidence: null,
        baseline: null,
        additional: true,
      },
    ],
  };
}

export function demoEvidence(now: string): EvidenceRecord[] {
  return [
    {
      id: 1,
      evidence: {
        kind: "past_delivery",
        title: "Referred candidates hired in 2025",
        body: "We hired 2 candidates referred by the council's employability team in 2025; both are still with us.",
        quantity: "2",
        unit: "people",
        delivered_on: "2025-12-31",
        source: "Wear Valley Kitchens impact report 2025",
      },
      updated_at: now,
    },
    {
      id: 2,
      evidence: {
        kind: "case_study",
        title: "From volunteer to head cook",
        body: "Sam joined us as a kitchen volunteer after two years out of work, completed a Level 2 apprenticeship with us, and now runs the kitchen at St Anne's Primary.",
        quantity: null,
        unit: null,
        delivered_on: "2024-07-31",
        source: null,
      },
      updated_at: now,
    },
  ];
}
