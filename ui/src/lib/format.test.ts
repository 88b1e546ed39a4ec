import { describe, expect, it } from "vitest";

import { ago, gbp, longDate, number, quantity, readDecimal, shortDate, sum } from "./format";

describe("gbp", () => {
  it("writes pounds with grouped thousands and pennies", () => {
    expect(gbp("480000.00")).toBe("£480,000.00");
    expect(gbp("480000")).toBe("£480,000.00");
    expect(gbp("0.2")).toBe("£0.20");
    expect(gbp("1234567.891")).toBe("£1,234,567.89");
    expect(gbp("999")).toBe("£999.00");
  });

  it("rounds half away from zero, exactly", () => {
    expect(gbp("0.005")).toBe("£0.01");
    expect(gbp("2.675")).toBe("£2.68");
    expect(gbp("-2.675")).toBe("-£2.68");
    expect(gbp("99999999999999999999.995")).toBe("£100,000,000,000,000,000,000.00");
  });

  it("leaves what it cannot read alone", () => {
    expect(gbp("")).toBe("");
    expect(gbp(null)).toBe("");
    expect(gbp("lots")).toBe("lots");
  });
});

describe("numbers and quantities", () => {
  it("groups thousands and keeps the written scale", () => {
    expect(number("60000")).toBe("60,000");
    expect(number("2.50")).toBe("2.50");
  });

  it("shows money units in pounds", () => {
    expect(quantity("60000.00", "GBP")).toBe("£60,000.00");
    expect(quantity("3", "people")).toBe("3 people");
    expect(quantity("104", null)).toBe("104");
    expect(quantity(null, "people")).toBe("");
  });
});

describe("dates", () => {
  it("writes UK long dates", () => {
    expect(longDate("2026-11-21")).toBe("21 November 2026");
    expect(longDate("2027-04-01")).toBe("1 April 2027");
    expect(shortDate("2027-09-30")).toBe("30 Sep 2027");
    expect(longDate("")).toBe("");
    expect(longDate("soon")).toBe("soon");
  });

  it("says how long ago", () => {
    const now = Date.parse("2026-11-21T22:00:00Z");
    expect(ago("2026-11-21T21:59:30Z", now)).toBe("just now");
    expect(ago("2026-11-21T21:59:00Z", now)).toBe("1 minute ago");
    expect(ago("2026-11-21T21:15:00Z", now)).toBe("45 minutes ago");
    expect(ago("2026-11-21T20:00:00Z", now)).toBe("2 hours ago");
    expect(ago("2026-11-20T20:00:00Z", now)).toBe("yesterday");
    expect(ago("2026-11-17T20:00:00Z", now)).toBe("4 days ago");
    expect(ago("2026-10-01T12:00:00Z", now)).toBe("on 1 October 2026");
    expect(ago("not a time", now)).toBe("not a time");
  });
});

describe("sum", () => {
  it("adds decimals exactly", () => {
    expect(sum(["0.1", "0.2"])).toBe("0.3");
    expect(sum(["20", "12.5", "bad"])).toBe("32.5");
  });
});

describe("readDecimal", () => {
  it("reads what people type for amounts", () => {
    expect(readDecimal("£60,000")).toEqual({ value: "60000", error: null });
    expect(readDecimal(" 2.5 ")).toEqual({ value: "2.5", error: null });
    expect(readDecimal("")).toEqual({ value: null, error: null });
    expect(readDecimal("3.").error).toContain("Write a number");
    expect(readDecimal("-1").error).toContain("not negative");
  });
});
