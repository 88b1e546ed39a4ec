import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import App from "../App.svelte";
import { SAVE_DELAY_MS } from "../lib/autosave.svelte";
import type { Contract } from "../lib/bindings/Contract";
import type { NewRecord } from "../lib/bindings/NewRecord";
import type { ServerBackend } from "../lib/http-backend";
import { DEMO_OFFER, goTo, installServer } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Mid-August 2027: the demo contract's first quarter (April to June) has ended.
const TODAY = "2027-08-15";

/** A new store whose today is `TODAY`. */
function storeOnToday(): Promise<ServerBackend> {
  return installServer({ today: TODAY });
}

/** The demo offer won on 3 March 2027, reported quarterly from 1 April. */
async function won(backend: ServerBackend): Promise<void> {
  await backend.setToday("2027-03-03");
  await backend.direct("award_offer", { id: DEMO_OFFER, award: { start: "2027-04-01", reporting: "quarterly" } });
  await backend.setToday(TODAY);
}

/** Records figures for Quarter 1, as the Delivery tab would. */
async function recorded(backend: ServerBackend, records: NewRecord[]): Promise<void> {
  await backend.direct("record_delivery", { id: DEMO_OFFER, period: 1, records });
}

/** The won offer's contract as the store holds it. */
function contract(backend: ServerBackend): Promise<Contract> {
  return backend.direct<Contract>("get_contract", { id: DEMO_OFFER });
}

async function openDemo(): Promise<void> {
  await goTo(`#/offer/${DEMO_OFFER}`);
  render(App);
  await screen.findByTestId("tab-answers");
}

async function openDelivery(): Promise<void> {
  await openDemo();
  await screen.findByTestId("record-form");
}

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

const record = (achieved: string, extra: Partial<NewRecord> = {}): NewRecord => ({
  commitment: "c1",
  period: 1,
  achieved,
  note: null,
  evidence: [],
  recorded_by: "Jo Bloggs",
  ...extra,
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${TODAY}T10:00:00`));
  localStorage.clear();
  await goTo("#/");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Marking an offer as won", () => {
  it("starts from the tender's start date and quarterly reports, and says the offer is then kept as submitted", async () => {
    const backend = await storeOnToday();
    await openDemo();
    await fireEvent.click(screen.getByTestId("award-open"));
    const form = screen.getByTestId("award-form");
    await waitFor(() => expect(input("award-reporting-quarterly").checked).toBe(true));
    const formText = form.textContent?.replace(/\s+/g, " ");
    expect(input("award-start").value).toBe("2027-04-01");
    expect(formText).toContain("The offer is then kept exactly as submitted");
    expect(formText).toContain("can no longer be edited");

    await fireEvent.click(screen.getByTestId("award-reporting-six_monthly"));
    await fireEvent.click(screen.getByTestId("award-confirm"));
    await screen.findByTestId("won-banner");
    expect(backend.callsOf("award_offer")[0].args).toEqual({
      id: DEMO_OFFER,
      award: { start: "2027-04-01", reporting: "six_monthly" },
    });
    await waitFor(() =>
      expect(screen.getByTestId("won-banner").textContent).toContain("Won on 15 August 2027: kept as submitted."),
    );
    const tab = screen.getByTestId("tab-delivery");
    expect(tab.getAttribute("aria-selected")).toBe("true");
    await screen.findByTestId("record-form");
    await waitFor(() =>
      expect(screen.getByTestId("delivery-period").textContent).toContain(
        "Half-year 1, 1 April 2027 to 30 September 2027",
      ),
    );
  });

  it("refuses a start date that is not a whole date, without asking the backend", async () => {
    const backend = await storeOnToday();
    await openDemo();
    await fireEvent.click(screen.getByTestId("award-open"));
    await fireEvent.input(input("award-start"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("award-confirm"));
    expect(screen.getByTestId("award-error").textContent).toContain("Give the contract’s start date");
    expect(backend.callsOf("award_offer")).toHaveLength(0);
  });

  it("makes the editing tabs read-only, and sends no edit", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDemo();
    await waitFor(() =>
      expect(screen.getByTestId("won-banner").textContent).toContain("Won on 3 March 2027: kept as submitted."),
    );
    await fireEvent.click(screen.getByTestId("tab-answers"));
    await waitFor(() =>
      expect(screen.getAllByTestId("locked-note")[0].textContent).toContain("Kept as submitted on 3 March 2027"),
    );
    const answer = screen.getByTestId("answer-sv2") as HTMLTextAreaElement;
    expect(answer.readOnly).toBe(true);
    await fireEvent.input(answer, { target: { value: "Changed after the award" } });
    await sleep(SAVE_DELAY_MS + 50);
    expect(backend.callsOf("set_answer")).toHaveLength(0);
    expect(screen.getByTestId("saved-state").textContent).not.toContain("Not saved");

    await fireEvent.click(screen.getByTestId("tab-commitments"));
    expect(screen.queryByTestId("add-commitment")).toBeNull();
    await fireEvent.click(screen.getByTestId("commitment-toggle-c1"));
    expect(screen.getByTestId("commitment-field-c1-owner").matches(":disabled")).toBe(true);
    expect(screen.queryByTestId("commitment-remove-c1")).toBeNull();
    expect(screen.queryByTestId("bidder-toggle")).toBeNull();
    expect(screen.queryByTestId("award-open")).toBeNull();
  });

  it("withdraws the award while nothing is recorded, and the offer can be edited again", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDelivery();
    await fireEvent.click(screen.getByTestId("withdraw-award"));
    await fireEvent.click(screen.getByTestId("withdraw-confirm"));
    await waitFor(() => expect(screen.queryByTestId("tab-delivery")).toBeNull());
    expect(backend.callsOf("withdraw_award")).toHaveLength(1);
    expect(await backend.direct("get_contract", { id: DEMO_OFFER })).toBeNull();
    expect(screen.getByTestId("tab-answers").getAttribute("aria-selected")).toBe("true");
    expect((screen.getByTestId("answer-sv2") as HTMLTextAreaElement).readOnly).toBe(false);
    expect(screen.getByTestId("award-open")).toBeTruthy();
  });

  it("offers no withdrawal once a figure is recorded", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await recorded(backend, [record("1")]);
    await openDelivery();
    expect(screen.getByTestId("won-banner")).toBeTruthy();
    expect(screen.queryByTestId("withdraw-award")).toBeNull();
  });

  it("marks won offers in Home's list", async () => {
    const backend = await storeOnToday();
    await won(backend);
    render(App);
    const row = await screen.findByTestId(`offer-row-${DEMO_OFFER}`);
    await waitFor(() =>
      expect(within(row).getByTestId(`offer-won-${DEMO_OFFER}`).textContent).toContain("Won 3 Mar 2027"),
    );
  });
});

describe("The Delivery tab", () => {
  it("opens on the last quarter that has ended, with the status at a glance", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await recorded(backend, [
      record("2", { note: "Two referred candidates started in May" }),
      record("20", { commitment: "c2" }),
      record("3", { commitment: "c5" }),
    ]);
    await openDelivery();
    expect(input("delivery-period").value).toBe("1");
    const glance = screen.getByTestId("delivery-glance");
    await waitFor(() => expect(glance.textContent).toContain("At the end of Quarter 1 (30 June 2027)"));
    // Words and numbers, not colour alone.
    expect(screen.getByTestId("count-on_track").textContent?.replace(/\s+/g, " ").trim()).toBe("● 3 On track");
    expect(screen.getByTestId("count-behind").textContent).toContain("1 Behind");
    expect(screen.getByTestId("count-no_target").textContent).toContain("1 No target");
    const c1 = screen.getByTestId("delivery-row-c1");
    expect(c1.textContent).toContain("3 people");
    expect(c1.textContent).toContain("by 30 Sep 2027");
    expect(c1.textContent).toContain("1.49 people");
    expect(c1.textContent).toContain("2 people");
    expect(screen.getByTestId("status-c1").textContent).toContain("On track");
    expect(screen.getByTestId("status-c3").textContent).toContain("Behind");
    expect(screen.getByTestId("delivery-value").textContent).toMatch(
      /£[\d,.]+ of social value delivered to date, of £[\d,.]+ promised/,
    );
    // The timeline: Quarter 1's figures, later quarters not looked at yet.
    expect(screen.getByTestId("timeline-c1-1").textContent).toContain("2");
    expect(screen.getByTestId("timeline-c1-1").textContent).toContain("On track");
    expect(screen.getByTestId("timeline-c1-2").textContent).toContain("not looked at yet");
  });

  it("records a quarter: only the changed rows are sent, in one call, and the status follows", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDelivery();
    expect(screen.getByTestId("status-c1").textContent).toContain("Behind");
    await fireEvent.input(input("record-achieved-c1"), { target: { value: "2" } });
    await fireEvent.input(input("record-note-c1"), { target: { value: "Two referred candidates started" } });
    await fireEvent.click(screen.getByTestId("record-ev-add-c1"));
    await fireEvent.change(screen.getByTestId("record-ev-kind-c1-0"), { target: { value: "link" } });
    await fireEvent.input(input("record-ev-text-c1-0"), { target: { value: "https://example.org/starters" } });
    await fireEvent.input(input("record-achieved-c3"), { target: { value: "£4,250.50" } });
    expect(screen.getByTestId("record-pending-c1").textContent).toContain("New figure, not saved yet");
    expect(screen.getByTestId("record-changed").textContent).toContain("2 rows changed");

    await fireEvent.input(input("record-name"), { target: { value: "Jo Bloggs" } });
    await fireEvent.click(screen.getByTestId("record-save"));
    await waitFor(() =>
      expect(screen.getByTestId("record-result").textContent).toContain("Saved 2 figures for Quarter 1."),
    );
    const calls = backend.callsOf("record_delivery");
    expect(calls).toHaveLength(1);
    expect(calls[0].args).toEqual({
      id: DEMO_OFFER,
      period: 1,
      records: [
        record("2", {
          note: "Two referred candidates started",
          evidence: [{ kind: "link", text: "https://example.org/starters" }],
        }),
        record("4250.50", { commitment: "c3" }),
      ],
    });
    expect(screen.getByTestId("status-c1").textContent).toContain("On track");
    await waitFor(() =>
      expect(screen.getByTestId("record-current-c1").textContent).toContain("Recorded: 2 people by Jo Bloggs"),
    );
    expect(localStorage.getItem("offerwright.recordedBy")).toBe("Jo Bloggs");
    expect(screen.getByTestId("record-changed").textContent).toContain("No changes yet");
  });

  it("saves a changed figure as a correction and shows its history: who, what, when", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await recorded(backend, [record("2", { note: "Two started" })]);
    localStorage.setItem("offerwright.recordedBy", "Sam Lee");
    await openDelivery();
    expect(input("record-name").value).toBe("Sam Lee");
    expect(input("record-achieved-c1").value).toBe("2");
    expect(input("record-note-c1").value).toBe("Two started");

    await fireEvent.input(input("record-achieved-c1"), { target: { value: "1" } });
    expect(screen.getByTestId("record-pending-c1").textContent).toContain("Correction");
    await fireEvent.click(screen.getByTestId("record-save"));
    await waitFor(() =>
      expect(screen.getByTestId("record-result").textContent).toContain("Saved 1 figure for Quarter 1, a correction."),
    );
    expect((backend.callsOf("record_delivery")[0].args as { records: NewRecord[] }).records).toEqual([
      record("1", { note: "Two started", recorded_by: "Sam Lee" }),
    ]);
    expect(screen.getByTestId("status-c1").textContent).toContain("Behind");

    await fireEvent.click(screen.getByTestId("record-history-toggle-c1"));
    const rows = within(screen.getByTestId("record-history-c1")).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("2 people");
    expect(rows[0].textContent).toContain("Jo Bloggs");
    const [first, second] = (await contract(backend)).delivery.records;
    // When each was recorded, as the core writes a moment ("4 Dec 2026, 09:30").
    const when = await backend.direct<string[]>("texts", {
      figures: [first, second].map((r) => ({ kind: "time", value: r.recorded_at })),
    });
    expect(when[0]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    expect(rows[0].textContent).toContain(when[0]);
    expect(rows[1].textContent).toContain(when[1]);
    expect(rows[0].textContent).toContain("Replaced");
    expect(rows[1].textContent).toContain("1 people");
    expect(rows[1].textContent).toContain("Sam Lee");
    expect(rows[1].textContent).toContain("Counts");
    expect(screen.getByTestId("timeline-c1-1").textContent).toContain("corrected");
  });

  it("says what to put right before anything is sent", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDelivery();
    await fireEvent.click(screen.getByTestId("record-save"));
    expect(screen.getByTestId("record-result").textContent).toContain("Nothing to save");

    await fireEvent.input(input("record-note-c2"), { target: { value: "Recruiting" } });
    await fireEvent.click(screen.getByTestId("record-save"));
    expect(screen.getByTestId("record-problem-c2").textContent).toContain("Write what was achieved (0 if nothing yet)");
    expect(input("record-achieved-c2").getAttribute("aria-invalid")).toBe("true");

    await fireEvent.input(input("record-achieved-c2"), { target: { value: "0" } });
    await fireEvent.click(screen.getByTestId("record-save"));
    expect(screen.getByText(/Say who records these figures/)).toBeTruthy();
    expect(backend.callsOf("record_delivery")).toHaveLength(0);
  });

  it("keeps what was typed in a quarter while another is looked at", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDelivery();
    await fireEvent.input(input("record-achieved-c1"), { target: { value: "2" } });
    // Quarter 1 ended on 30 June; on 15 August, Quarter 2 has not (the core's count of ended periods).
    expect(screen.getByTestId("delivery-glance").textContent).not.toContain("has not ended yet");
    await fireEvent.change(screen.getByTestId("delivery-period"), { target: { value: "2" } });
    await waitFor(() => expect(screen.getByTestId("delivery-glance").textContent).toContain("At the end of Quarter 2"));
    expect(screen.getByTestId("delivery-glance").textContent).toContain("This quarter has not ended yet");
    expect(input("record-achieved-c1").value).toBe("");
    expect(backend.callsOf("contract_status").at(-1)?.args).toEqual({ id: DEMO_OFFER, period: 2 });
    await fireEvent.click(screen.getByTestId("timeline-period-1"));
    await waitFor(() => expect(screen.getByTestId("delivery-glance").textContent).toContain("At the end of Quarter 1"));
    expect(input("record-achieved-c1").value).toBe("2");
  });

  it("exports the progress report of the quarter looked at, and the summary, naming the file", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDelivery();
    await fireEvent.click(screen.getByTestId("report-period-pdf"));
    await waitFor(() =>
      expect(screen.getByTestId("report-result").textContent).toContain(`Saved to ${backend.savedDir}/`),
    );
    expect(screen.getByTestId("report-result").textContent).toContain("progress report quarter 1.pdf");
    expect(backend.callsOf("export_progress_report")[0].args).toEqual({ id: DEMO_OFFER, period: 1, format: "pdf" });

    await fireEvent.click(screen.getByTestId("report-summary-xlsx"));
    await waitFor(() =>
      expect(screen.getByTestId("report-result").textContent).toContain("end of contract summary.xlsx"),
    );
    expect(backend.callsOf("export_progress_report")[1].args).toEqual({ id: DEMO_OFFER, period: null, format: "xlsx" });

    // Unsaved figures would be missing from the report: it says so instead.
    await fireEvent.input(input("record-achieved-c1"), { target: { value: "2" } });
    await fireEvent.click(screen.getByTestId("report-period-xlsx"));
    expect(screen.getByTestId("report-result").textContent).toContain(
      "Not exported: Quarter 1 has changes not saved yet",
    );
    expect(backend.callsOf("export_progress_report")).toHaveLength(2);
  });

  it("shows the backend's refusal and keeps what was typed", async () => {
    const backend = await storeOnToday();
    await won(backend);
    await openDelivery();
    backend.failNext("record_delivery", {
      code: "busy",
      message: "the store is busy with another program: try again in a moment",
    });
    await fireEvent.input(input("record-achieved-c1"), { target: { value: "2" } });
    await fireEvent.input(input("record-name"), { target: { value: "Jo Bloggs" } });
    await fireEvent.click(screen.getByTestId("record-save"));
    await waitFor(() =>
      expect(screen.getByTestId("record-result").textContent).toContain("Not saved: the store is busy"),
    );
    expect(input("record-achieved-c1").value).toBe("2");
    expect((await contract(backend)).delivery.records).toHaveLength(0);
  });
});
