import "@testing-library/svelte/vitest";

import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";

import { toScoreView } from "../lib/score-view";
import ScorePanel from "../offer/ScorePanel.svelte";
import { demoFromCore } from "./helpers";

async function demoView() {
  return toScoreView((await demoFromCore()).report, { sv1: 1, sv2: 2 });
}

describe("ScorePanel", () => {
  it("shows projected marks, a band with number and word per hot topic, and the disclaimer", async () => {
    const view = await demoView();
    render(ScorePanel, { score: view, onfix: () => {} });
    expect(screen.getByTestId("score-marks").textContent).toBe(view.marksText);
    expect(screen.getByTestId("band-local-jobs").textContent).toBe("5 Excellent");
    expect(screen.getByTestId("band-local-supply-chain").textContent).toBe("0 No response");
    expect(screen.getByTestId("score-disclaimer").textContent).toContain("not a promise of marks");
  });

  it("lists the top fixes as links to the field that fixes them", async () => {
    const view = await demoView();
    const onfix = vi.fn();
    render(ScorePanel, { score: view, onfix });
    await fireEvent.click(screen.getByTestId("fix-1"));
    expect(onfix).toHaveBeenCalledWith(view.fixes[0].target);
    expect(screen.queryByTestId("fix-5")).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: /Show all \d+ fixes/ }));
    expect(screen.getByTestId("fix-5")).toBeTruthy();
  });

  it("says so when the score cannot be worked out", () => {
    render(ScorePanel, { score: null, error: "the plan has changed", onfix: () => {} });
    expect(screen.getByRole("alert").textContent).toContain("the plan has changed");
  });
});
