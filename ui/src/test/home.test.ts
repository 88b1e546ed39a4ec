import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import { router } from "../lib/router.svelte";
import { DEMO_OFFER, goTo, installServer } from "./helpers";

describe("Home", () => {
  beforeEach(() => goTo("#/"));

  it("lists the offers with tender, buyer, bidder and when they were edited", async () => {
    await installServer();
    render(App);
    const offers = await screen.findByTestId("home-offers");
    const row = await within(offers).findByTestId(`offer-row-${DEMO_OFFER}`);
    expect(row.textContent).toContain("School meals, primary schools");
    expect(row.textContent).toContain("Durham County Council (sample)");
    expect(row.textContent).toContain("Wear Valley Kitchens CIC");
    await waitFor(() => expect(row.textContent).toContain("Edited just now"));
    expect(row.getAttribute("href")).toBe(`#/offer/${DEMO_OFFER}`);
  });

  it("lists the plans with title and issuer", async () => {
    await installServer();
    render(App);
    const plans = await screen.findByTestId("home-plans");
    const durham = await within(plans).findByTestId("plan-row-durham-sample");
    expect(durham.textContent).toContain("Social value: plan on a page (sample)");
    expect(durham.textContent).toContain("Durham County Council (sample)");
    expect(within(plans).getByTestId("plan-row-uk-social-value-model")).toBeTruthy();
  });

  it("offers the demo on an emptied store and opens it", async () => {
    const backend = await installServer({ empty: true });
    render(App);
    expect(await screen.findByText(/No offers yet/)).toBeTruthy();
    await fireEvent.click(screen.getByTestId("try-demo"));
    await waitFor(() => expect(router.route.name).toBe("offer"));
    expect(backend.callsOf("create_demo")).toHaveLength(1);
    expect(await screen.findByTestId("tab-answers")).toBeTruthy();
  });

  it("starts a new offer for a tender", async () => {
    const backend = await installServer();
    render(App);
    await screen.findByTestId("home-offers");
    await fireEvent.click(screen.getByRole("button", { name: "+ New offer" }));
    await fireEvent.input(screen.getByLabelText("Your organisation’s name"), {
      target: { value: "Teesdale Trust" },
    });
    const start = screen.getByRole("button", { name: "Start the offer" }) as HTMLButtonElement;
    await waitFor(() => expect(start.disabled).toBe(false));
    await fireEvent.click(start);
    await waitFor(() => expect(router.route.name).toBe("offer"));
    const [call] = backend.callsOf("create_offer");
    expect(call.args).toMatchObject({ tenderId: 1, bidder: { name: "Teesdale Trust" } });
  });

  it("shows a plain message when an import is cancelled and the core's message when it fails", async () => {
    const backend = await installServer();
    render(App);
    await screen.findByTestId("home-offers");
    await fireEvent.click(screen.getByRole("button", { name: "Import file..." }));
    await fireEvent.click(screen.getByRole("button", { name: /A plan file/ }));
    expect(await screen.findByText(/Nothing imported/)).toBeTruthy();

    // An offer file offered as a plan.
    const offer = await backend.direct<string>("export_offer_file", { id: DEMO_OFFER });
    await backend.answerDialogs({ openFile: offer });
    await fireEvent.click(screen.getByRole("button", { name: "Import file..." }));
    await fireEvent.click(screen.getByRole("button", { name: /A plan file/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("this file is an offer, not a plan");
  });

  it("shows where the data lives in Settings", async () => {
    const backend = await installServer();
    await goTo("#/settings");
    render(App);
    expect((await screen.findByTestId("data-dir")).textContent).toBe(backend.dataDir);
  });
});
