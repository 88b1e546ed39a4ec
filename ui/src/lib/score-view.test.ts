import { beforeAll, describe, expect, it } from "vitest";

import { demoFromCore } from "../test/helpers";
import { toScoreView, type ScoreView } from "./score-view";

describe("the score as the editor shows it", () => {
  let view: ScoreView;
  beforeAll(async () => {
    view = toScoreView((await demoFromCore()).report, { sv1: 1, sv2: 2 });
  });

  it("gives every hot topic its band number and word", () => {
    const jobs = view.hotTopics.find((h) => h.id === "local-jobs");
    expect(jobs).toMatchObject({ band: 5, word: "Excellent" });
    const supply = view.hotTopics.find((h) => h.id === "local-supply-chain");
    expect(supply).toMatchObject({ band: 0, word: "No response" });
  });

  it("shows projected marks and puts text errors first", () => {
    expect(view.marksText).toMatch(/^\d+\.\d of 10$/);
    expect(view.fixes[0]).toMatchObject({ error: true, target: { to: "answer", question: "sv2" } });
    expect(view.blockers[0]).toContain("Question 2: Not answered yet");
  });

  it("labels each check of a commitment", () => {
    const c2 = view.commitments.c2;
    expect(c2.checks.map((k) => k.letter).join("")).toBe("MTLOKEA");
    expect(c2.checks.find((k) => k.letter === "O")?.passed).toBe(false);
  });

  it("shows each cap with its rule and the band it stops at", () => {
    const c2 = view.commitments.c2;
    expect(c2.band).toMatchObject({ number: 2, word: "Weak" });
    expect(c2.caps).toEqual([
      { rule: "R15", band: 2, reason: '"aim to" makes it a hedged promise, which stops at band 2' },
    ]);
    expect(view.commitments.c1.caps).toEqual([]);
  });

  it("takes the marks and gains as the core writes them", () => {
    const jobs = view.hotTopics.find((h) => h.id === "local-jobs");
    expect(jobs?.marks).toBe("2.0 of 2.0");
    expect(view.fixes.find((f) => f.gain !== null)?.gain).toBe("+0.9 marks");
    expect(view.socialValue).toBe("£68,800.00, 14.3% of the contract value");
  });
});
