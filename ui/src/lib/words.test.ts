import { describe, expect, it } from "vitest";

import { charStatus, countChars, countWords, wordStatus } from "./words";

describe("countWords (docs/scoring.md section 4)", () => {
  it("counts runs of non-space characters", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n\t ")).toBe(0);
    expect(countWords("We will hire three people.")).toBe(5);
    expect(countWords("one\ttwo\nthree  four")).toBe(4);
  });

  it("only counts runs holding a letter or a digit", () => {
    expect(countWords("Jobs - for local people")).toBe(4);
    expect(countWords("A & B — C")).toBe(3);
    expect(countWords("£480,000 over 36 months")).toBe(4);
    expect(countWords("... !!! ?")).toBe(0);
    expect(countWords("café naïve Ünïcödé")).toBe(3);
    expect(countWords("work-placements people's")).toBe(2);
  });

  it("drops list markers at the start of a line, after indentation", () => {
    expect(countWords("- fill three posts\n* take two apprentices\n+ buy local")).toBe(8);
    expect(countWords("1. first point\n2) second point\n10. tenth")).toBe(5);
    expect(countWords("  - indented item\n\t3. tabbed item")).toBe(4);
  });

  it("keeps markers that are not followed by a space or tab, or not at a line start", () => {
    expect(countWords("1.5 million meals")).toBe(3);
    expect(countWords("-5 degrees")).toBe(2);
    expect(countWords("step 1. then 2) done")).toBe(5);
    expect(countWords("1.\n2.")).toBe(2);
  });

  it("counts the demo answer's bullet list as the core does", () => {
    const text = "Over the contract we will:\n\n- fill **three posts**;\n- take on two apprentices.";
    expect(countWords(text)).toBe(12);
  });

  it("treats non-breaking and ideographic spaces as spaces", () => {
    expect(countWords("a\u00a0b\u3000c")).toBe(3);
  });
});

describe("countChars", () => {
  it("counts Unicode scalar values", () => {
    expect(countChars("abc")).toBe(3);
    expect(countChars("£5")).toBe(2);
    expect(countChars("😀")).toBe(1);
  });
});

describe("wordStatus", () => {
  it("shows the count against the limit", () => {
    expect(wordStatus(612, 750)).toEqual({ label: "612 / 750 words", over: false, warning: null });
    expect(wordStatus(750, 750).over).toBe(false);
  });

  it("warns in words past the limit", () => {
    const s = wordStatus(812, 750);
    expect(s.over).toBe(true);
    expect(s.label).toBe("812 / 750 words");
    expect(s.warning).toContain("62 over the 750-word limit");
  });

  it("groups thousands and handles no limit", () => {
    expect(wordStatus(1234, 1000).label).toBe("1,234 / 1,000 words");
    expect(wordStatus(1, null).label).toBe("1 word");
  });

  it("does the same for characters", () => {
    expect(charStatus(2100, 2000).warning).toContain("100 characters over the 2,000 limit");
    expect(charStatus(10, undefined).label).toBe("10 characters");
  });
});
