import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import { router } from "../lib/router.svelte";
import { goTo, installFake } from "./helpers";

describe("Home", () => {
  beforeEach(() => goTo("#/"));

  it("lists the offers with tender, buyer, bidder and when they were edited", async () => {
    installFake();
    render(App);
    const offers = await screen.findByTestId("home-offers");
    const row = await within(offers).findByTestId("offer-row-2");
    expect(row.textContent).toContain("School meals, primary schools");
    expect(row.textContent).toContain("Durham County Council (sample)");
    expect(row.textContent).toContain("Wear Valley Kitchens CIC");
    expect(row.textContent).toContain("Edited 2 hours ago");
    expect(row.getAttribute("href")).toBe("#/offer/2");
  });

  it("lists the plans with title and issuer", async () => {
    installFake();
    render(App);
    const plans = await screen.findByTestId("home-plans");
    const durham = await within(plans).findByTestId("plan-row-durham-sample");
    expect(durham.textContent).toContain("Social value: plan on a page (sample)");
    expect(durham.textContent).toContain("Durham County Council (sample)");
    expect(within(plans).getByTestId("plan-row-uk-social-value-model")).toBeTruthy();
  });

  it("offers the demo on an empty store and opens it", async () => {
    const fake = installFake({ empty: true });
    render(App);
    expect(await screen.findByText(/No offers yet/)).toBeTruthy();
    await fireEvent.click(screen.getByTestId("try-demo"));
    await waitFor(() => expect(router.route.name).toBe("offer"));
    expect(fake.callsOf("create_demo")).toHaveLength(1);
    expect(await screen.findByTestId("tab-answers")).toBeTruthy();
  });

  it("starts a new offer for a tender", async () => {
    const fake = installFake();
    render(App);
    await screen.findByTestId("home-offers");
    await fireEvent.click(screen.getByRole("button", { name: "+ New offer" }));
    await fireEvent.input(screen.getByLabelText("Your organisation’s name"), {
      target: { value: "Teesdale Trust" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Start the offer" }));
    await waitFor(() => expect(router.route.name).toBe("offer"));
    const [call] = fake.callsOf("create_offer");
    expect(call.args).toMatchObject({ tenderId: 1, bidder: { name: "Teesdale Trust" } });
  });

  it("shows a plain message when an import is cancelled and the backend's message when it fails", async () => {
    const fake = installFake();
    render(App);
    await screen.findByTestId("home-offers");
    await fireEvent.click(screen.getByRole("button", { name: "Import file..." }));
    await fireEvent.click(screen.getByRole("button", { name: /A plan file/ }));
    expect(await screen.findByText(/Nothing imported/)).toBeTruthy();

    fake.failNext("import_plan_file", {
      code: "wrong_kind",
      message: "This file is an offer, not a plan: import it as an offer instead.",
    });
    await fireEvent.click(screen.getByRole("button", { name: "Import file..." }));
    await fireEvent.click(screen.getByRole("button", { name: /A plan file/ }));
    expect((await screen.findByRole("alert")).textContent).toContain("This file is an offer, not a plan");
  });

  it("shows where the data lives in Settings", async () => {
    installFake();
    await goTo("#/settings");
    render(App);
    expect((await screen.findByTestId("data-dir")).textContent).toBe("/home/you/.local/share/Offerwright");
  });
});
