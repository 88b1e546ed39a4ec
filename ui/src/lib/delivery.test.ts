import { describe, expect, it } from "vitest";

import type { DeliveryRecord } from "./bindings/DeliveryRecord";
import { defaultPeriod, draftOf, figure, recordsToSend, rowChange } from "./delivery";
import { demoOffer, demoTender } from "./fake/demo";
import { contractStatus, periodsOf } from "./fake/delivery";
import { durhamSample } from "./fake/plans";

const record = (achieved: string, extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  commitment: "c1",
  period: 1,
  achieved,
  recorded_by: "Jo",
  recorded_at: "2027-07-02T09:00:00Z",
  ...extra,
});

describe("delivery helpers", () => {
  it("shows figures to two places at most, with the unit", () => {
    expect(figure("1.49315068493150684931506849", "people")).toBe("1.49 people");
    expect(figure("3", "people")).toBe("3 people");
    expect(figure("2.50", "weeks")).toBe("2.5 weeks");
    expect(figure("29835.6164", "GBP")).toBe("£29,835.62");
    expect(figure(null, "people")).toBe("");
  });

  it("opens the form on the last period that has ended", () => {
    const periods = periodsOf({ start: "2027-04-01", reporting: "quarterly" }, 36);
    expect(defaultPeriod(periods, "2027-02-01")).toBe(1);
    expect(defaultPeriod(periods, "2027-05-15")).toBe(1);
    expect(defaultPeriod(periods, "2027-07-01")).toBe(1);
    expect(defaultPeriod(periods, "2027-10-03")).toBe(2);
    expect(defaultPeriod(periods, "2031-01-01")).toBe(12);
  });

  it("tells a new figure, a correction, an unchanged row and a row that cannot be sent apart", () => {
    expect(rowChange(draftOf(null), null)).toEqual({ kind: "same" });
    expect(rowChange({ achieved: "2", note: " Two hired ", evidence: [] }, null)).toEqual({
      kind: "new",
      achieved: "2",
      note: "Two hired",
      evidence: [],
    });
    const r = record("2", { note: "Two hired", evidence: [{ kind: "file", text: "payroll.pdf" }] });
    expect(rowChange(draftOf(r), r)).toEqual({ kind: "same" });
    // "2.0" is the same figure as "2".
    expect(rowChange({ ...draftOf(r), achieved: "2.0" }, r)).toEqual({ kind: "same" });
    expect(rowChange({ ...draftOf(r), achieved: "1" }, r).kind).toBe("correction");
    expect(rowChange({ ...draftOf(r), note: "Two hired in May" }, r).kind).toBe("correction");
    expect(rowChange({ ...draftOf(r), evidence: [] }, r).kind).toBe("correction");
    // A blank evidence line is not evidence.
    expect(rowChange({ ...draftOf(r), evidence: [...draftOf(r).evidence, { kind: "link", text: " " }] }, r)).toEqual({
      kind: "same",
    });
    expect(rowChange({ ...draftOf(r), achieved: "" }, r)).toMatchObject({ kind: "error", message: /write 0/ });
    expect(rowChange({ achieved: "", note: "Nothing yet", evidence: [] }, null)).toMatchObject({ kind: "error" });
    expect(rowChange({ achieved: "two", note: "", evidence: [] }, null)).toMatchObject({
      kind: "error",
      message: "Write a number, such as 3, 2.5 or 60000.",
    });
  });

  it("sends only the changed rows, with the name trimmed", () => {
    const r = record("2");
    const sent = recordsToSend(
      1,
      [
        { commitment: "c1", draft: { ...draftOf(r), achieved: "3" }, record: r },
        { commitment: "c2", draft: draftOf(null), record: null },
        { commitment: "c3", draft: { achieved: "£1,250.50", note: "", evidence: [] }, record: null },
      ],
      "  Sam Lee ",
    );
    expect(sent.problems).toEqual({});
    expect(sent.corrections).toBe(1);
    expect(sent.records).toEqual([
      { commitment: "c1", period: 1, achieved: "3", note: null, evidence: [], recorded_by: "Sam Lee" },
      { commitment: "c3", period: 1, achieved: "1250.50", note: null, evidence: [], recorded_by: "Sam Lee" },
    ]);
  });
});

describe("the fake backend's contract status", () => {
  const doc = { plan: durhamSample, tender: demoTender(), offer: demoOffer() };
  const delivery = (records: DeliveryRecord[] = []) => ({
    awarded_on: "2026-11-22",
    start: "2027-04-01",
    reporting: "quarterly" as const,
    records,
  });

  it("has the quarters of a three-year contract", () => {
    const s = contractStatus(doc, delivery(), 1, "2026-11-22");
    expect(s.periods).toHaveLength(12);
    expect(s.periods[0]).toEqual({ number: 1, first: "2027-04-01", last: "2027-06-30" });
    expect(s.periods[11]).toEqual({ number: 12, first: "2030-01-01", last: "2030-03-31" });
    expect(s.last_day).toBe("2030-03-31");
    expect(s.as_of).toBe("2027-06-30");
    expect(s.period_word).toBe("Quarter");
  });

  it("follows the core's rules: behind, on track, corrected, at risk, delivered", () => {
    const c1 = (s: ReturnType<typeof contractStatus>) => s.commitments.find((c) => c.commitment === "c1")!;
    expect(c1(contractStatus(doc, delivery(), 1, "2026-11-22")).status).toBe("behind");
    const two = record("2");
    expect(c1(contractStatus(doc, delivery([two]), 1, "2026-11-22")).status).toBe("on_track");
    const corrected = contractStatus(doc, delivery([two, record("1", { recorded_at: "2027-07-09T10:00:00Z" })]), 1, "x");
    expect(c1(corrected).status).toBe("behind");
    expect(c1(corrected).achieved_to_date).toBe("1");
    expect(c1(corrected).periods[0].versions).toBe(2);
    // Past its date (30 September 2027) and short.
    expect(c1(contractStatus(doc, delivery([two]), 3, "x")).status).toBe("at_risk");
    expect(c1(contractStatus(doc, delivery([record("3")]), 1, "x")).status).toBe("delivered");
    const c4 = contractStatus(doc, delivery(), 1, "x").commitments.find((c) => c.commitment === "c4")!;
    expect(c4.status).toBe("no_target");
  });
});
