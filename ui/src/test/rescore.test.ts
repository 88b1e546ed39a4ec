import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import type { OfferDocument } from "../lib/bindings/OfferDocument";
import { RESCORE_DELAY_MS } from "../lib/rescore.svelte";
import { DEMO_OFFER, goTo, installServer } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openDemo() {
  await goTo(`#/offer/${DEMO_OFFER}`);
  render(App);
  await screen.findByTestId("tab-answers");
}

describe("Live self-score", () => {
  beforeEach(() => goTo("#/"));

  it("shows projected marks, a band per hot topic and the disclaimer", async () => {
    await installServer();
    await openDemo();
    const panel = await screen.findByTestId("score-panel");
    await waitFor(() => expect(screen.getByTestId("score-marks").textContent).toMatch(/^\d+\.\d of 10$/));
    expect(screen.getByTestId("band-local-jobs").textContent).toBe("5 Excellent");
    expect(screen.getByTestId("band-local-supply-chain").textContent).toBe("0 No response");
    expect(panel.textContent).toContain("not a promise of marks");
  });

  it("rescores from the document in memory, off the keystroke path", async () => {
    const backend = await installServer();
    await openDemo();
    await waitFor(() => expect(backend.callsOf("score_document")).toHaveLength(1));
    const box = screen.getByTestId("answer-sv2");
    for (const text of ["We", "We will", "We will report"]) {
      await fireEvent.input(box, { target: { value: text } });
    }
    // Typing did not wait for a score: none was asked for yet.
    expect(backend.callsOf("score_document")).toHaveLength(1);
    await sleep(RESCORE_DELAY_MS + 100);
    const calls = backend.callsOf("score_document");
    expect(calls).toHaveLength(2);
    const doc = calls[1].args?.doc as OfferDocument;
    expect(doc.offer.answers.find((a) => a.question === "sv2")?.text).toBe("We will report");
    // Scored before it was saved: the save still waits for its own pause.
    expect(backend.callsOf("set_answer")).toHaveLength(0);
  });

  it("raises a hot topic's band when a commitment is added for it", async () => {
    await installServer();
    await openDemo();
    await waitFor(() => expect(screen.getByTestId("band-local-supply-chain").textContent).toBe("0 No response"));
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("add-commitment"));
    await fireEvent.change(screen.getByTestId("commitment-field-c6-hot_topic"), {
      target: { value: "local-supply-chain" },
    });
    await fireEvent.input(screen.getByTestId("commitment-field-c6-what"), {
      target: { value: "Buy bread and meat from County Durham bakers and butchers" },
    });
    await fireEvent.input(screen.getByTestId("commitment-field-c6-quantity"), { target: { value: "40000" } });
    await fireEvent.input(screen.getByTestId("commitment-field-c6-by"), { target: { value: "2028-03-31" } });
    await waitFor(() => expect(screen.getByTestId("band-local-supply-chain").textContent).toBe("2 Weak"));
    await fireEvent.input(screen.getByTestId("commitment-field-c6-where"), { target: { value: "County Durham" } });
    await fireEvent.input(screen.getByTestId("commitment-field-c6-owner"), { target: { value: "Head Chef" } });
    await waitFor(() => expect(screen.getByTestId("band-local-supply-chain").textContent).toBe("3 Satisfactory"));
    expect(screen.getByTestId("commitment-band-c6").textContent).toBe("3 Satisfactory");
  });

  it("takes the user to the field a fix is about", async () => {
    await installServer();
    await openDemo();
    await screen.findByTestId("fix-1");
    // Text errors come first: question 2 is not answered.
    expect(screen.getByTestId("fix-1").textContent).toContain("sv2");
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("fix-1"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("answer-sv2")));
    expect(screen.getByTestId("tab-answers").getAttribute("aria-selected")).toBe("true");

    // A fix on a commitment opens its row and focuses the field.
    await fireEvent.click(screen.getByRole("button", { name: /Show all \d+ fixes/ }));
    const where = screen
      .getAllByRole("button")
      .find((b) => b.textContent?.includes("c3 does not say where it is delivered"));
    expect(where).toBeTruthy();
    await fireEvent.click(where!);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("commitment-field-c3-where")));
    expect(screen.getByTestId("commitment-toggle-c3").getAttribute("aria-expanded")).toBe("true");
  });

  it("moves a commitment filed under the wrong hot topic in one click", async () => {
    await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("commitment-toggle-c1"));
    // c1's measure (residents hired) is listed under "Jobs for local people facing disadvantage".
    const select = (await screen.findByTestId("commitment-field-c1-hot_topic")) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: "volunteering" } });
    const move = await waitFor(() => {
      const b = screen.getAllByRole("button").find((x) => x.textContent?.includes("c1 counts for"));
      expect(b).toBeTruthy();
      return b!;
    });
    expect(move.textContent).toContain("move it");
    expect(screen.getByTestId("commitment-caps-c1").textContent).toContain("R14");
    await fireEvent.click(move);
    await waitFor(() => expect(select.value).toBe("local-jobs"));
    await waitFor(() => expect(screen.queryByTestId("commitment-caps-c1")).toBeNull());
  });

  it("shows the backend's message when the score cannot be worked out", async () => {
    const backend = await installServer();
    backend.failNext("score_document", {
      code: "invalid",
      message: "document.tender.questions[0].marks: expected a decimal",
    });
    await openDemo();
    expect((await screen.findByText(/could not be worked out/)).textContent).toContain(
      "document.tender.questions[0].marks: expected a decimal",
    );
  });
});
