import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import type { Plan } from "../lib/bindings/Plan";
import { router } from "../lib/router.svelte";
import { goTo, installServer } from "./helpers";

const small: Plan = {
  id: "small-plan",
  issuer: "Teesdale Council",
  title: "Teesdale plan on a page",
  published: "2026-11-21",
  local_area: "Teesdale",
  local_places: ["Barnard Castle"],
  summary: "A small plan.",
  source: { name: "Teesdale social value policy", licence: "Open Government Licence v3.0" },
  themes: [{ id: "people", name: "People", description: null, outcomes: ["More local jobs"] }],
  hot_topics: [
    { id: "jobs", theme: "people", title: "Local jobs", weight: "1", place_based: true, measures: ["hires"] },
    { id: "skills", theme: "people", title: "Skills", weight: "1", place_based: false, measures: [] },
    { id: "green", theme: "people", title: "Greener travel", weight: "2", place_based: false, measures: [] },
  ],
  measures: [
    { id: "hires", name: "Local people hired", unit: "people", proxy_value: "12000.00", proxy_source: "the council" },
  ],
};

describe("Plan page", () => {
  beforeEach(() => goTo("#/"));

  it("shows hot topic weights as shares of 100", async () => {
    const backend = await installServer();
    await backend.direct("save_plan", { plan: small });
    await goTo("#/plan/small-plan");
    render(App);
    const jobs = await screen.findByTestId("plan-weight-jobs");
    // The shares are the core's (money::shares_of_100), asked for once the plan shows.
    await waitFor(() => expect(jobs.textContent).toContain("25 of 100"));
    expect(screen.getByTestId("plan-weight-skills").textContent).toContain("25 of 100");
    expect(screen.getByTestId("plan-weight-green").textContent).toContain("50 of 100");
    expect(screen.getByTestId("plan-hot-topic-jobs").textContent).toContain("Place-based");
    // Proxy values with their source, and the plan's own source and licence.
    expect(await screen.findByText("£12,000.00")).toBeTruthy();
    expect(screen.getByText(/Open Government Licence v3.0/)).toBeTruthy();
  });

  it("warns of a place entry that joins two names, and splits it in one click", async () => {
    const backend = await installServer();
    await backend.direct("save_plan", {
      plan: { ...small, id: "welsh-plan", local_area: "Hywel Dda", local_places: ["Aberteifi / Cardigan", "Tenby"] },
    });
    await goTo("#/plan/welsh-plan");
    render(App);
    const warning = await screen.findByTestId("plan-joined-places");
    expect(warning.textContent).toContain(
      'The place "Aberteifi / Cardigan" joins 2 names, and places are matched as written, so a commitment that says "Cardigan" does not name it: make each name its own entry.',
    );
    await fireEvent.click(screen.getByTestId("plan-split-places"));
    await waitFor(() => expect(screen.queryByTestId("plan-joined-places")).toBeNull());
    expect(screen.getByText(/Aberteifi, Cardigan, Tenby/)).toBeTruthy();
    const stored = await backend.direct<Plan>("get_plan", { id: "welsh-plan" });
    expect(stored.local_places).toEqual(["Aberteifi", "Cardigan", "Tenby"]);
  });

  it("shows the Durham sample's weights, which already add up to 100", async () => {
    await installServer();
    await goTo("#/plan/durham-sample");
    render(App);
    const jobs = await screen.findByTestId("plan-weight-local-jobs");
    await waitFor(() => expect(jobs.textContent).toContain("20 of 100"));
    expect(screen.getByTestId("plan-weight-community-recycling").textContent).toContain("5 of 100");
  });

  it("keeps text from files inert: a <script> in a title is shown as text", async () => {
    const backend = await installServer();
    await backend.direct("save_plan", {
      plan: { ...small, title: "<script>window.hacked = true</script><b>Bold</b>" },
    });
    await goTo("#/plan/small-plan");
    render(App);
    const title = await screen.findByRole("heading", { level: 1 });
    expect(title.textContent).toBe("<script>window.hacked = true</script><b>Bold</b>");
    expect(title.querySelector("script, b")).toBeNull();
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it("shows the backend's error, naming the field, when a plan cannot be saved", async () => {
    const backend = await installServer();
    await backend.direct("save_plan", { plan: small });
    await goTo("#/plan/small-plan/edit");
    render(App);
    const weight = (await screen.findByTestId("plan-weight-input-2")) as HTMLInputElement;
    expect(weight.value).toBe("2");
    await fireEvent.input(weight, { target: { value: "0" } });
    await fireEvent.click(screen.getByTestId("plan-save"));
    const error = await screen.findByTestId("plan-error");
    expect(error.textContent).toContain("hot_topics[2].weight: expected a decimal greater than 0");
    expect((await backend.direct<Plan>("get_plan", { id: "small-plan" })).hot_topics[2].weight).toBe("2");

    await fireEvent.input(weight, { target: { value: "6" } });
    await fireEvent.click(screen.getByTestId("plan-save"));
    await waitFor(() => expect(router.route).toEqual({ name: "plan", id: "small-plan", edit: false }));
    expect((await backend.direct<Plan>("get_plan", { id: "small-plan" })).hot_topics[2].weight).toBe("6");
  });

  it("exports the plan file and names the file written", async () => {
    await installServer();
    await goTo("#/plan/durham-sample");
    render(App);
    await fireEvent.click(await screen.findByTestId("plan-export-file"));
    expect((await screen.findByTestId("plan-export-result")).textContent).toMatch(
      /Saved to \/.*\/saved\/durham-sample\.svplan\.json/,
    );
  });
});

describe("Tender page", () => {
  beforeEach(() => goTo("#/"));

  it("creates a tender with its questions", async () => {
    const backend = await installServer();
    await goTo("#/tender/new?plan=durham-sample");
    render(App);
    const set = async (testid: string, value: string) =>
      fireEvent.input(await screen.findByTestId(testid), { target: { value } });
    await set("tender-field-title", "Grounds maintenance");
    await set("tender-field-buyer", "Durham County Council");
    await set("tender-field-reference", "DCC-2027-0007");
    await set("tender-field-deadline", "2027-01-31");
    await set("tender-field-contract_value", "£250,000");
    await set("tender-field-contract_start", "2027-04-01");
    await set("tender-field-duration_months", "24");
    await set("tender-field-social_value_weighting", "15%");
    await set("tender-question-1-text", "What social value will you deliver?");
    await set("tender-question-1-word_limit", "500");
    await set("tender-question-1-marks", "15");
    await fireEvent.click(screen.getByTestId("tender-save"));

    await waitFor(() => expect(router.route.name).toBe("tender"));
    const [call] = backend.callsOf("create_tender");
    expect(call.args).toEqual({
      planId: "durham-sample",
      tender: {
        title: "Grounds maintenance",
        buyer: "Durham County Council",
        reference: "DCC-2027-0007",
        deadline: "2027-01-31",
        contract_value: "250000",
        contract_start: "2027-04-01",
        duration_months: 24,
        social_value_weighting: "15",
        questions: [
          { id: "sv1", text: "What social value will you deliver?", word_limit: 500, char_limit: null, marks: "15" },
        ],
      },
    });
    expect(await screen.findByText(/Tender saved/)).toBeTruthy();
  });

  it("shows the core's refusal, naming the field", async () => {
    await installServer();
    await goTo("#/tender/1");
    render(App);
    // The contract cannot start before the tender's deadline (15 December 2026).
    await fireEvent.input(await screen.findByTestId("tender-field-contract_start"), {
      target: { value: "2026-01-01" },
    });
    await fireEvent.click(await screen.findByTestId("tender-save"));
    expect((await screen.findByTestId("tender-error")).textContent).toContain(
      "contract_start: the contract starts (2026-01-01) before the tender's deadline (2026-12-15)",
    );
  });
});
