import { describe, expect, it } from "vitest";

import { compare, parseDec, readDecimal } from "./decimal";

describe("readDecimal", () => {
  it("reads what people type for amounts", () => {
    expect(readDecimal("£60,000")).toEqual({ value: "60000", error: null });
    expect(readDecimal(" 2.5 ")).toEqual({ value: "2.5", error: null });
    expect(readDecimal("")).toEqual({ value: null, error: null });
    expect(readDecimal("3.").error).toContain("Write a number");
    expect(readDecimal("-1").error).toContain("not negative");
  });

  it("compares exactly, whatever the scale", () => {
    const d = (s: string) => parseDec(s)!;
    expect(compare(d("2.0"), d("2"))).toBe(0);
    expect(compare(d("0.1"), d("0.10000000000000000001"))).toBe(-1);
    expect(compare(d("99999999999999999999.995"), d("99999999999999999999.99"))).toBe(1);
    expect(parseDec("1e3")).toBeNull();
  });
});
