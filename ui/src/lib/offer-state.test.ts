import { describe, expect, it } from "vitest";

import { demoFromCore } from "../test/helpers";
import { cleanCommitment, cleanText, isDate, nextCommitmentId, scorable } from "./offer-state.svelte";
import { parseRoute } from "./router.svelte";

describe("commitment ids", () => {
  it("takes the next free id", () => {
    expect(nextCommitmentId([])).toBe("c1");
    expect(nextCommitmentId(["c1", "c2", "c3"])).toBe("c4");
    expect(nextCommitmentId(["c1", "c3"])).toBe("c2");
    expect(nextCommitmentId(["jobs", "c1"])).toBe("c2");
  });
});

describe("what is sent", () => {
  it("leaves blank optional texts out", () => {
    const c = cleanCommitment({
      id: "c9",
      what: "Mentoring",
      owner: "  ",
      kpi: "",
      where: "Consett",
      additional: true,
    });
    expect(c.owner).toBeNull();
    expect(c.kpi).toBeNull();
    expect(c.where).toBe("Consett");
    expect(c.additional).toBe(true);
    expect(c.hot_topic).toBeNull();
  });

  it("scores only what the backend can read", async () => {
    const { doc: demo } = await demoFromCore();
    const offer = demo.offer;
    offer.commitments.push({ id: "c6", what: "  " });
    offer.bidder.name = "";
    const doc = scorable({ ...demo, offer });
    expect(doc.offer.commitments.map((c) => c.id)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(doc.offer.bidder.name).toBe("Unnamed bidder");
  });
});

describe("routes", () => {
  it("reads the address", () => {
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/")).toEqual({ name: "home" });
    expect(parseRoute("#/offer/12")).toEqual({ name: "offer", id: 12 });
    expect(parseRoute("#/plan/durham-sample")).toEqual({ name: "plan", id: "durham-sample", edit: false });
    expect(parseRoute("#/plan/durham-sample/edit")).toEqual({ name: "plan", id: "durham-sample", edit: true });
    expect(parseRoute("#/plan/new")).toEqual({ name: "plan-new" });
    expect(parseRoute("#/tender/new?plan=x")).toEqual({ name: "tender-new", plan: "x" });
    expect(parseRoute("#/tender/3")).toEqual({ name: "tender", id: 3 });
    expect(parseRoute("#/settings/scoring")).toEqual({ name: "settings", section: "scoring" });
    expect(parseRoute("#/offer/abc").name).toBe("not-found");
  });
});

describe("text the backend accepts", () => {
  it("turns pasted page breaks into new lines and drops invisible control characters", () => {
    expect(cleanText("one\u000btwo\u000cthree")).toBe("one\ntwo\nthree");
    expect(cleanText("a\u0000b\u0007c\u009fd")).toBe("abcd");
    expect(cleanText("tab\tand\r\nnew line")).toBe("tab\tand\r\nnew line");
  });

  it("knows a real date", () => {
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2027-02-29")).toBe(false);
    expect(isDate("2027-13-01")).toBe(false);
    expect(isDate("30/09/2027")).toBe(false);
  });
});
