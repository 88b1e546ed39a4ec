import { beforeAll, describe, expect, it } from "vitest";

import { demoFromCore } from "../test/helpers";
import { onePlace, toScoreView, type ScoreView } from "./score-view";

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

  it("rounds half away from zero", () => {
    expect(onePlace("1.25")).toBe("1.3");
    expect(onePlace("0.04")).toBe("0.0");
    expect(onePlace("7.449")).toBe("7.4");
  });
});
