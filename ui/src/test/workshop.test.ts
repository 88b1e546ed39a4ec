import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import { router } from "../lib/router.svelte";
import { goTo, installFake } from "./helpers";

describe("Workshop", () => {
  beforeEach(() => goTo("#/workshop"));

  it("is one click from every screen", async () => {
    await goTo("#/");
    installFake();
    render(App);
    const link = await screen.findByTestId("nav-workshop");
    expect(link.getAttribute("href")).toBe("#/workshop");
  });

  it("makes a pack from a tender, with a model offer", async () => {
    const fake = installFake();
    render(App);
    await fireEvent.click(await screen.findByTestId("make-pack"));
    const form = await screen.findByTestId("make-pack-form");
    await waitFor(() => expect(within(form).getByTestId("pack-tender").textContent).toContain("School meals"));
    await fireEvent.input(within(form).getByTestId("pack-title-input"), { target: { value: "March workshop" } });
    const model = within(form).getByTestId("pack-model") as HTMLSelectElement;
    await waitFor(() => expect(model.options.length).toBe(2));
    model.selectedIndex = 1;
    await fireEvent.change(model);
    await fireEvent.click(within(form).getByTestId("save-pack"));
    expect((await screen.findByTestId("workshop-message")).textContent).toContain("March workshop.svworkshop.json");
    const [call] = fake.callsOf("create_workshop_pack");
    expect(call.args).toMatchObject({ tenderId: 1, title: "March workshop", modelOffer: 2 });
    expect((await screen.findByTestId("pack-open")).textContent).toContain("March workshop");
  });

  it("opens a pack and starts a participant's offer with the instructions beside it", async () => {
    const fake = installFake();
    render(App);
    await fireEvent.click(await screen.findByTestId("open-pack"));
    expect((await screen.findByTestId("pack-open")).textContent).toContain("Bid writing for social value");
    await fireEvent.input(screen.getByTestId("participant-name"), { target: { value: "Tyne Kitchens Ltd" } });
    await fireEvent.click(screen.getByTestId("start-offer"));
    await waitFor(() => expect(router.route.name).toBe("offer"));
    expect(fake.callsOf("start_workshop_offer")[0].args).toEqual({ participant: "Tyne Kitchens Ltd" });
    const note = await screen.findByTestId("workshop-instructions");
    expect(note.textContent).toContain("Write the social value offer for this tender in 45 minutes.");
    await fireEvent.click(within(note).getByTestId("hand-in"));
    expect((await screen.findByTestId("hand-in-message")).textContent).toContain(
      "Tyne Kitchens Ltd - Bid writing for social value.svoffer.json",
    );
  });

  it("collects a folder, shows bands with their words, and anonymises everywhere", async () => {
    const fake = installFake();
    render(App);
    await fireEvent.click(await screen.findByTestId("open-pack"));
    await fireEvent.click(await screen.findByTestId("collect"));
    const table = await screen.findByTestId("comparison");
    expect(within(table).getByTestId("row-Tyne Kitchens Ltd").textContent).toContain("4 Good");
    expect(table.querySelector(".band.band-4")).toBeTruthy();
    expect(screen.getByTestId("row-model").textContent).toContain("Model offer: Wear Valley Kitchens CIC");
    expect(screen.getByTestId("weaknesses").textContent).toContain("3 of 3 offers have a commitment with no named owner");
    expect(screen.getByTestId("left-out").textContent).toContain("broken.svoffer.json");

    await fireEvent.click(screen.getByTestId("anonymise"));
    await waitFor(() => expect(screen.getByTestId("comparison").textContent).toContain("A"));
    await waitFor(() => expect(document.body.textContent).not.toContain("Tyne Kitchens"));
    expect(document.body.textContent).not.toContain("Wear Valley Kitchens CIC");
    expect(fake.callsOf("compare_workshop").at(-1)?.args).toEqual({ anonymise: true });

    await fireEvent.click(screen.getByTestId("export-handout"));
    expect((await screen.findByTestId("workshop-message")).textContent).toContain("handout.pdf");
    expect(fake.callsOf("export_workshop_handout")[0].args).toEqual({ anonymise: true });
    await fireEvent.click(screen.getByTestId("export-csv"));
    await waitFor(() => expect(screen.getByTestId("workshop-message").textContent).toContain("scores.csv"));
    expect(fake.callsOf("export_workshop_csv")[0].args).toEqual({ anonymise: true });
  });

  it("says so when no folder is chosen or no pack is open", async () => {
    const fake = installFake();
    fake.cancelFolder = true;
    render(App);
    await fireEvent.click(await screen.findByTestId("open-pack"));
    await fireEvent.click(await screen.findByTestId("collect"));
    expect((await screen.findByTestId("workshop-message")).textContent).toBe("No folder was chosen.");
    fake.nextPack = null;
    await fireEvent.click(screen.getByTestId("open-pack"));
    await waitFor(() => expect(screen.getByTestId("workshop-message").textContent).toBe("No pack was opened."));
  });
});
