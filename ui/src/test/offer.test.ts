import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { existsSync, readFileSync } from "node:fs";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import App from "../App.svelte";
import { SAVE_DELAY_MS } from "../lib/autosave.svelte";
import type { Commitment } from "../lib/bindings/Commitment";
import type { OfferView } from "../lib/bindings/OfferView";
import type { TenderRecord } from "../lib/bindings/TenderRecord";
import type { ServerBackend } from "../lib/http-backend";
import { DEMO_OFFER, goTo, installServer, words } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo offer as the store holds it now. */
async function stored(backend: ServerBackend): Promise<OfferView> {
  return backend.direct<OfferView>("get_offer", { id: DEMO_OFFER });
}

/** Where the test server's save dialog puts a file the core names `name`. */
async function savedPath(backend: ServerBackend, name: string): Promise<string> {
  const view = await stored(backend);
  const bidder = view.document.offer.bidder.name;
  const reference = view.document.tender.reference;
  return `${backend.savedDir}/${bidder} - ${reference}.${name}`;
}

async function openDemo() {
  await goTo(`#/offer/${DEMO_OFFER}`);
  render(App);
  await screen.findByTestId("tab-answers");
}

describe("Offer editor: answers", () => {
  beforeEach(() => goTo("#/"));

  it("shows each question with its marks and a word count against its limit", async () => {
    await installServer();
    await openDemo();
    expect(screen.getByText(/Describe the social value you will deliver/)).toBeTruthy();
    expect(await screen.findByText("6 marks")).toBeTruthy();
    // The demo's answer to sv1, counted by the core as docs/scoring.md section 4 says.
    await waitFor(() => expect(screen.getByTestId("wordcount-sv1").textContent?.trim()).toBe("90 / 750 words"));
    expect(screen.getByTestId("wordcount-sv2").textContent?.trim()).toBe("0 / 300 words");
  });

  it("updates the word count as the user types and warns in words past the limit", async () => {
    await installServer();
    await openDemo();
    const box = screen.getByTestId("answer-sv2") as HTMLTextAreaElement;

    await fireEvent.input(box, { target: { value: "- We will report quarterly.\n1. To the council" } });
    await waitFor(() => expect(screen.getByTestId("wordcount-sv2").textContent?.trim()).toBe("7 / 300 words"));
    expect(screen.queryByTestId("overlimit-sv2")).toBeNull();

    await fireEvent.input(box, { target: { value: words(312) } });
    await waitFor(() => expect(screen.getByTestId("wordcount-sv2").textContent).toContain("312 / 300 words"));
    const warning = screen.getByTestId("overlimit-sv2");
    expect(warning.textContent).toContain("Over the word limit");
    expect(warning.textContent).toContain("12 over the 300-word limit");
    expect(warning.textContent).toContain("the self-score reads no further");
    expect(box.getAttribute("aria-invalid")).toBe("true");
  });

  it("saves an answer after the pause, with the last keystrokes", async () => {
    const backend = await installServer();
    await openDemo();
    const box = screen.getByTestId("answer-sv2");
    await fireEvent.input(box, { target: { value: "We will" } });
    await fireEvent.input(box, { target: { value: "We will report" } });
    expect(screen.getByTestId("saved-state").textContent).toContain("Saving...");
    expect(backend.callsOf("set_answer")).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId("saved-state").textContent).toContain("Saved"));
    const calls = backend.callsOf("set_answer");
    expect(calls).toHaveLength(1);
    expect(calls[0].args).toEqual({ id: DEMO_OFFER, question: "sv2", text: "We will report" });
  });

  it("saves at once when the field loses focus", async () => {
    const backend = await installServer();
    await openDemo();
    const box = screen.getByTestId("answer-sv2");
    box.focus();
    await fireEvent.input(box, { target: { value: "Quarterly reports" } });
    await fireEvent.blur(box);
    await sleep(0);
    expect(backend.callsOf("set_answer")).toHaveLength(1);
  });

  it("never rewrites the field the user is typing in (native undo keeps working)", async () => {
    await installServer();
    await openDemo();
    const box = screen.getByTestId("answer-sv2") as HTMLTextAreaElement;
    box.focus();
    box.value = "Typed by the user";
    await fireEvent.input(box);
    await sleep(SAVE_DELAY_MS + 50);
    expect(document.activeElement).toBe(box);
    expect(box.value).toBe("Typed by the user");
  });
});

describe("Offer editor: commitments", () => {
  beforeEach(() => goTo("#/"));

  it("shows the table like the PDF: what, how many, by when, where, owner, KPI", async () => {
    await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    const row = screen.getByTestId("commitment-row-c1");
    expect(row.textContent).toContain("Fill kitchen assistant vacancies");
    await waitFor(() => expect(row.textContent).toContain("3 people"));
    expect(row.textContent).toContain("30 Sep 2027");
    expect(row.textContent).toContain("Bishop Auckland, County Durham");
    expect(row.textContent).toContain("Operations Manager");
    expect(screen.getByTestId("commitment-row-c3").textContent).toContain("£60,000.00");
    // "TBC" is not an owner.
    expect(screen.getByTestId("commitment-row-c2").textContent).toContain("not given");
  });

  it("saves a commitment edit after the debounce and shows Saved", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("commitment-toggle-c2"));
    const owner = screen.getByTestId("commitment-field-c2-owner") as HTMLInputElement;
    expect(owner.value).toBe("TBC");

    await fireEvent.input(owner, { target: { value: "Head Chef" } });
    expect(screen.getByTestId("saved-state").textContent).toContain("Saving...");
    await sleep(SAVE_DELAY_MS / 2);
    expect(backend.callsOf("put_commitment")).toHaveLength(0);

    await waitFor(() => expect(backend.callsOf("put_commitment")).toHaveLength(1));
    const sent = backend.callsOf("put_commitment")[0].args as { id: number; commitment: Commitment };
    expect(sent.id).toBe(DEMO_OFFER);
    expect(sent.commitment).toMatchObject({
      id: "c2",
      owner: "Head Chef",
      quantity: "104",
      hot_topic: "apprenticeships",
    });
    await waitFor(() => expect(screen.getByTestId("saved-state").textContent).toContain("Saved"));
    expect((await stored(backend)).document.offer.commitments[1].owner).toBe("Head Chef");
  });

  it("shows the backend's error message and saves again on Retry", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("commitment-toggle-c1"));
    backend.failNext("put_commitment", {
      code: "busy",
      message: "the store is busy with another program: try again in a moment",
    });
    await fireEvent.input(screen.getByTestId("commitment-field-c1-kpi"), { target: { value: "Hires a quarter" } });

    const state = screen.getByTestId("saved-state");
    await waitFor(() => expect(state.textContent).toContain("Not saved: the store is busy with another program"));
    await fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(state.textContent).toContain("Saved"));
    expect((await stored(backend)).document.offer.commitments[0].kpi).toBe("Hires a quarter");
  });

  it("does not send a quantity it cannot read, and says why", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("commitment-toggle-c1"));
    const qty = screen.getByTestId("commitment-field-c1-quantity");
    await fireEvent.input(qty, { target: { value: "three" } });
    await waitFor(() => expect(screen.getByTestId("saved-state").textContent).toContain("Not saved: How many of c1"));
    expect(backend.callsOf("put_commitment")).toHaveLength(0);
    await fireEvent.input(qty, { target: { value: "£4" } });
    await waitFor(() => expect(screen.getByTestId("saved-state").textContent).toContain("Saved"));
    expect((backend.callsOf("put_commitment")[0].args as { commitment: Commitment }).commitment.quantity).toBe("4");
  });

  it("adds a commitment with the next free id (Alt+N too), saved once it says what it is", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("add-commitment"));
    const what = await screen.findByTestId("commitment-field-c6-what");
    await waitFor(() => expect(document.activeElement).toBe(what));
    expect(screen.getByTestId("commitment-row-c6")).toBeTruthy();

    await fireEvent.change(screen.getByTestId("commitment-field-c6-hot_topic"), { target: { value: "volunteering" } });
    await waitFor(() =>
      expect(screen.getByTestId("saved-state").textContent).toContain("Not saved: commitment c6 needs"),
    );
    await fireEvent.input(what, { target: { value: "Staff volunteering days with Durham food banks" } });
    await waitFor(() => expect(screen.getByTestId("saved-state").textContent).toContain("Saved"));
    const sent = backend.callsOf("put_commitment").at(-1)?.args as { commitment: Commitment };
    expect(sent.commitment).toMatchObject({
      id: "c6",
      hot_topic: "volunteering",
      what: "Staff volunteering days with Durham food banks",
    });

    await fireEvent.keyDown(window, { key: "n", code: "KeyN", altKey: true });
    expect(await screen.findByTestId("commitment-row-c7")).toBeTruthy();
  });

  it("cites an item of the evidence library into the evidence field", async () => {
    const backend = await installServer();
    await backend.direct("save_evidence", {
      id: null,
      item: {
        kind: "case_study",
        title: "From volunteer to head cook",
        body: "Sam joined us as a kitchen volunteer after two years out of work, and now runs a school kitchen.",
        quantity: null,
        unit: null,
        delivered_on: "2024-07-31",
        source: null,
      },
    });
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("commitment-toggle-c2"));
    await fireEvent.click(screen.getByTestId("cite-from-library-c2"));
    const picker = await screen.findByRole("group", { name: "Evidence library" });
    await fireEvent.click(await within(picker).findByText("From volunteer to head cook"));
    const evidence = screen.getByTestId("commitment-field-c2-evidence") as HTMLTextAreaElement;
    expect(evidence.value).toContain("Sam joined us as a kitchen volunteer");
    await waitFor(() =>
      expect(
        (backend.callsOf("put_commitment").at(-1)?.args as { commitment: Commitment }).commitment.evidence,
      ).toContain("From volunteer to head cook: Sam joined us"),
    );
  });

  it("removes a commitment after confirmation", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("commitment-toggle-c4"));
    await fireEvent.click(screen.getByTestId("commitment-remove-c4"));
    await fireEvent.click(screen.getByTestId("commitment-remove-confirm-c4"));
    await waitFor(() => expect(backend.callsOf("remove_commitment")).toHaveLength(1));
    expect(screen.queryByTestId("commitment-row-c4")).toBeNull();
  });
});

describe("Offer editor: export", () => {
  beforeEach(() => goTo("#/"));

  it("exports the three outputs and names the file written", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.keyDown(window, { key: "e", ctrlKey: true });
    const submission = screen.getByTestId("export-submission");
    await waitFor(() => expect(document.activeElement).toBe(submission));

    await fireEvent.click(submission);
    const pdf = await savedPath(backend, "submission.pdf");
    expect((await screen.findByTestId("export-result")).textContent).toContain(`Saved to ${pdf}`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    await fireEvent.click(screen.getByTestId("export-review"));
    await waitFor(() => expect(screen.getByTestId("export-result").textContent).toContain("review copy.pdf"));
    expect(backend.callsOf("export_offer").map((c) => c.args)).toEqual([
      { id: DEMO_OFFER, export: "submission" },
      { id: DEMO_OFFER, export: "review" },
    ]);

    backend.failNext("export_offer_file", { code: "io", message: "the folder is read-only: choose another" });
    await fireEvent.click(screen.getByTestId("export-offer-file"));
    await waitFor(() =>
      expect(screen.getByTestId("export-result").textContent).toContain("Could not export: the folder is read-only"),
    );
  });

  it("flushes pending edits before exporting", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.input(screen.getByTestId("answer-sv2"), { target: { value: "Monitored monthly" } });
    await fireEvent.click(screen.getByTestId("tab-export"));
    await fireEvent.click(screen.getByTestId("export-submission"));
    await screen.findByTestId("export-result");
    const order = backend.calls.map((c) => c.command).filter((c) => c === "set_answer" || c === "export_offer");
    expect(order).toEqual(["set_answer", "export_offer"]);
  });
});

describe("Offer editor: find your social value", () => {
  beforeEach(() => goTo("#/"));

  it("asks one question at a time, drafts a commitment sized by the core, and adds it", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-commitments"));
    await fireEvent.click(screen.getByTestId("find-social-value"));
    const question = async () => (await screen.findByTestId("discovery-question")).textContent ?? "";
    expect(await question()).toContain("Jobs for local people facing disadvantage");
    // Keyboard first: Yes has the focus, then each answer box.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("discovery-yes")));
    await fireEvent.click(screen.getByTestId("discovery-yes"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("discovery-input")));
    const type = async (value: string) => {
      const box = (await screen.findByTestId("discovery-input")) as HTMLInputElement;
      await fireEvent.input(box, { target: { value } });
      await fireEvent.submit(box.form!);
    };
    expect(await question()).toContain("in the last 12 months");
    // Not a number: said, and asked again.
    await type("lots");
    expect(screen.getByRole("textbox", { name: /last 12 months/ }).getAttribute("aria-invalid")).toBe("true");
    await type("1");
    // Back goes to the question before, with its answer.
    await fireEvent.click(screen.getByTestId("discovery-back"));
    expect(((await screen.findByTestId("discovery-input")) as HTMLInputElement).value).toBe("1");
    await type("1");
    await type("20");
    await type("Payroll 2025");
    // The other measure of this hot topic: skipped.
    for (let i = 0; i < 3; i++) await fireEvent.click(await screen.findByTestId("discovery-skip"));
    // Every other hot topic: no, so none of its questions is asked.
    for (let i = 0; i < 7; i++) {
      const before = await question();
      expect(before).toContain("Could this contract do something for");
      await fireEvent.click(screen.getByTestId("discovery-no"));
      if (i < 6) await waitFor(() => expect(screen.getByTestId("discovery-question").textContent).not.toBe(before));
    }
    const draft = await screen.findByTestId("discovery-draft-local-hires");
    // 1 a year over 36 months and 20 more is 23, sized down by the self-score.
    expect(draft.textContent).toContain("19 people");
    expect(draft.textContent).toContain("Sized to the contract: 19 people rather than 23 people");
    expect(screen.getByTestId("discovery-band-local-hires").textContent).toMatch(/^\d /);
    await fireEvent.click(screen.getByTestId("discovery-add"));
    await screen.findByTestId("commitment-row-c6");
    await waitFor(() => expect(backend.callsOf("put_commitment")).toHaveLength(1));
    const saved = (await stored(backend)).document.offer.commitments.find((c) => c.id === "c6");
    expect(saved).toMatchObject({
      measure: "local-hires",
      quantity: "19",
      baseline: "1",
      additional: true,
      evidence: "Payroll 2025",
    });
  });
});

describe("Offer editor: what the PDF cannot print", () => {
  beforeEach(() => goTo("#/"));

  it("says, in the score panel and on the Export tab, which characters the PDF cannot print", async () => {
    await installServer();
    await openDemo();
    expect(screen.queryByTestId("score-unprintable")).toBeNull();
    await fireEvent.input(screen.getByTestId("answer-sv2"), {
      target: { value: "We report quarterly \u{1F600} to the \u{4E2D}\u{6587} team." },
    });
    const said =
      "3 characters in sv2 cannot be printed in the PDF: \u{1F600} \u{4E2D} \u{6587} " +
      "(each shows as \u{25A1} in it; the Word file keeps them)";
    await waitFor(() => expect(screen.getByTestId("score-unprintable").textContent).toContain(said));
    await fireEvent.click(screen.getByTestId("tab-export"));
    expect(screen.getByTestId("export-unprintable").textContent).toContain(said);
  });
});

describe("Offer editor: Word, spreadsheet and portal text", () => {
  beforeEach(() => goTo("#/"));
  afterEach(() => {
    Reflect.deleteProperty(navigator, "clipboard");
  });

  it("saves the Word file, the spreadsheet and the CSV beside the PDFs", async () => {
    const backend = await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-export"));
    const names = { docx: "submission.docx", xlsx: "commitments.xlsx", csv: "commitments.csv" };
    for (const [format, name] of Object.entries(names)) {
      await fireEvent.click(screen.getByTestId(`export-${format}`));
      const path = await savedPath(backend, name);
      await waitFor(() => expect(screen.getByTestId("export-result").textContent).toContain(`Saved to ${path}`));
      expect(existsSync(path)).toBe(true);
    }
    expect(backend.callsOf("export_offer").map((c) => c.args)).toEqual([
      { id: DEMO_OFFER, export: "docx" },
      { id: DEMO_OFFER, export: "xlsx" },
      { id: DEMO_OFFER, export: "csv" },
    ]);
  });

  it("shows each answer as plain text with its counts, and copies it", async () => {
    const backend = await installServer();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-export"));
    const text = (await screen.findByTestId("portal-text-sv1")) as HTMLTextAreaElement;
    expect(text.value).toContain("- fill three kitchen assistant posts with");
    expect(text.value).not.toContain("**");
    expect(screen.getByTestId("portal-counts-sv1").textContent).toContain("/ 750 words");
    expect(screen.queryByTestId("portal-warning-sv1")).toBeNull();
    // No answer yet to the second question: nothing to copy.
    expect(screen.queryByTestId("portal-copy-sv2")).toBeNull();
    expect(screen.getByTestId("portal-counts-sv2").textContent).toContain("0 / 2,000 characters");

    await fireEvent.click(screen.getByTestId("portal-copy-sv1"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(text.value));
    expect(screen.getByTestId("portal-copied-sv1").textContent).toContain("Copied");
    expect(backend.callsOf("portal_answers")).toHaveLength(1);
  });

  it("shows the answer as typed, before it is saved", async () => {
    await installServer();
    await openDemo();
    await fireEvent.input(screen.getByTestId("answer-sv2"), {
      target: { value: "We will report **every quarter**:\n\n* to the buyer\n* to parents" },
    });
    await fireEvent.click(screen.getByTestId("tab-export"));
    const text = (await screen.findByTestId("portal-text-sv2")) as HTMLTextAreaElement;
    expect(text.value).toBe("We will report every quarter:\n\n- to the buyer\n- to parents");
  });

  it("warns when an answer is past the question's character limit", async () => {
    const backend = await installServer();
    const { tender } = await backend.direct<TenderRecord>("get_tender", { id: 1 });
    tender.questions[0].char_limit = 100;
    await backend.direct("update_tender", { id: 1, tender });
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-export"));
    const warning = await screen.findByTestId("portal-warning-sv1");
    expect(warning.textContent).toMatch(/over the 100-character limit/);
    expect(screen.getByTestId("portal-counts-sv1").textContent).toContain("/ 100 characters");
  });

  it("selects the text for Ctrl+C when the clipboard cannot be written", async () => {
    await installServer();
    await openDemo();
    await fireEvent.click(screen.getByTestId("tab-export"));
    await fireEvent.click(await screen.findByTestId("portal-copy-sv1"));
    await waitFor(() => expect(screen.getByTestId("portal-copied-sv1").textContent).toContain("press Ctrl+C"));
    expect(document.activeElement).toBe(screen.getByTestId("portal-text-sv1"));
  });
});

describe("Offer editor: keyboard", () => {
  beforeEach(() => goTo("#/"));

  it("moves to the next and previous question with Alt+Down and Alt+Up", async () => {
    await installServer();
    await openDemo();
    const first = screen.getByTestId("answer-sv1");
    const second = screen.getByTestId("answer-sv2");
    first.focus();
    await fireEvent.keyDown(first, { key: "ArrowDown", altKey: true });
    expect(document.activeElement).toBe(second);
    await fireEvent.keyDown(second, { key: "ArrowUp", altKey: true });
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute("title")).toContain("Alt+Down");
  });

  it("moves between tabs with the arrow keys", async () => {
    await installServer();
    await openDemo();
    const answers = screen.getByTestId("tab-answers");
    answers.focus();
    await fireEvent.keyDown(answers, { key: "ArrowRight" });
    const commitments = screen.getByTestId("tab-commitments");
    expect(commitments.getAttribute("aria-selected")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(commitments));
    expect(screen.getByTestId("add-commitment").getAttribute("title")).toContain("Alt+N");
  });
});
