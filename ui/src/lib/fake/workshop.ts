// A sample workshop for the fake backend: the demo's plan and tender as a
// pack, and a room of three offers compared (names or letters).

import type { Comparison } from "../bindings/Comparison";
import type { Workshop } from "../bindings/Workshop";
import { demoOffer, demoTender } from "./demo";
import { durhamSample } from "./plans";

export function demoWorkshop(): Workshop {
  return {
    title: "Bid writing for social value",
    instructions: "Write the social value offer for this tender in 45 minutes.\n\n1. Read the plan on a page.",
    plan: durhamSample,
    tender: demoTender(),
    model_offer: demoOffer(),
  };
}

const PARTICIPANTS = ["Tyne Kitchens Ltd", "Tees Catering CIC", "Eden Foods Ltd"];

export function demoComparison(pack: Workshop, anonymise: boolean): Comparison {
  const topics = pack.plan.hot_topics;
  const name = (i: number) => (anonymise ? String.fromCharCode(65 + i) : PARTICIPANTS[i]);
  const marks = ["6.0", "4.2", "0.0"];
  const rows = PARTICIPANTS.map((_, i) => ({
    rank: i + 1,
    tied: false,
    participant: name(i),
    file: anonymise ? null : `${PARTICIPANTS[i]} - ${pack.title}.svoffer.json`,
    bands: topics.map((_, t) => Math.max(0, 4 - i - (t % 3))),
    topic_marks: topics.map(() => "0"),
    innovation_marks: "0",
    projected_marks: marks[i],
    projected_marks_text: `${marks[i]} of 10`,
    commitments: 3 - i,
    social_value: null,
    weaknesses: ["check:owned"],
  }));
  return {
    title: pack.title,
    tender_title: pack.tender.title,
    buyer: pack.tender.buyer,
    reference: pack.tender.reference,
    weighting: pack.tender.social_value_weighting,
    anonymised: anonymise,
    hot_topics: topics.map((t) => ({ id: t.id, title: t.title, share_text: "10%" })),
    rows,
    weaknesses: [
      {
        key: "check:owned",
        count: 3,
        of: 3,
        headline: "3 of 3 offers have a commitment with no named owner",
        fix: "Name who is accountable for each commitment: a role, not \"TBC\".",
        example: "Fill kitchen assistant vacancies: owned by the Operations Manager",
      },
    ],
    exemplar: pack.model_offer
      ? {
          bidder: anonymise ? "Model offer" : pack.model_offer.bidder.name,
          bands: topics.map(() => 5),
          reasons: topics.map(() => "Everything an evaluator looks for."),
          projected_marks: "9.0",
          projected_marks_text: "9.0 of 10",
          fixes: [],
          social_value_text: null,
        }
      : null,
    files: [
      ...PARTICIPANTS.map((p, i) => ({
        file: anonymise ? `${name(i)} - ${pack.title}.svoffer.json` : `${p} - ${pack.title}.svoffer.json`,
        status: { status: "ok" as const, participant: name(i) },
        description: `compared: the offer from ${name(i)}`,
      })),
      {
        file: "broken.svoffer.json",
        status: { status: "bad" as const, message: "the file ends in the middle of a value" },
        description: "not an offer file Offerwright can read: the file ends in the middle of a value",
      },
    ],
    disclaimer: "Projected marks are a self-assessment aid, not the marks any evaluator will give.",
  };
}
