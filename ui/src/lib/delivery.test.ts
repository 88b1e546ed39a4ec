import { describe, expect, it } from "vitest";

import type { DeliveryRecord } from "./bindings/DeliveryRecord";
import { draftOf, recordsToSend, rowChange } from "./delivery";

const record = (achieved: string, extra: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  commitment: "c1",
  period: 1,
  achieved,
  recorded_by: "Jo",
  recorded_at: "2027-07-02T09:00:00Z",
  ...extra,
});

describe("delivery helpers", () => {
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
