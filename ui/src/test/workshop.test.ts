import "@testing-library/svelte/vitest";

import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { readFileSync } from "node:fs";

import { beforeEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import type { OfferDocument } from "../lib/bindings/OfferDocument";
import type { OfferView } from "../lib/bindings/OfferView";
import type { Report } from "../lib/bindings/Report";
import type { ServerBackend } from "../lib/http-backend";
import { router } from "../lib/router.svelte";
import { DEMO_OFFER, clickWhenReady, goTo, installServer } from "./helpers";

const INSTRUCTIONS = "Write the social value offer for this tender in 45 minutes.";

/** A pack made from the demo tender, with the demo offer as its model; its path. */
async function makePack(backend: ServerBackend): Promise<string> {
  const path = await backend.direct<string>("create_workshop_pack", {
    tenderId: 1,
    title: "Bid writing for social value",
    instructions: INSTRUCTIONS,
    modelOffer: DEMO_OFFER,
  });
  await backend.answerDialogs({ openFile: path });
  return path;
}

/**
 * A participant's offer file: the demo offer as the core exports it, with
 * the participant's name as the bidder.
 */
async function offerFile(backend: ServerBackend, bidder: string): Promise<string> {
  await backend.answerDialogs({ saveDir: backend.savedDir });
  const path = await backend.direct<string>("export_offer_file", { id: DEMO_OFFER });
  const file = JSON.parse(readFileSync(path, "utf8")) as { bidder: { name: string } };
  file.bidder.name = bidder;
  return JSON.stringify(file);
}

/** A room's folder: two participants' offers and a broken file; the folder. */
async function room(backend: ServerBackend): Promise<{ doc: OfferDocument; folder: string }> {
  const doc = (await backend.direct<OfferView>("get_offer", { id: DEMO_OFFER })).document;
  const first = await backend.writeFile("room/tyne.svoffer.json", await offerFile(backend, "Tyne Kitchens Ltd"));
  await backend.writeFile("room/wear.svoffer.json", await offerFile(backend, "Weardale Meals"));
  await backend.writeFile("room/broken.svoffer.json", "{ this is not JSON");
  const folder = first.slice(0, first.lastIndexOf("/"));
  await backend.answerDialogs({ openFolder: folder });
  return { doc, folder };
}

describe("Workshop", () => {
  beforeEach(() => goTo("#/workshop"));

  it("is one click from every screen", async () => {
    await goTo("#/");
    await installServer();
    render(App);
    const link = await screen.findByTestId("nav-workshop");
    expect(link.getAttribute("href")).toBe("#/workshop");
  });

  it("makes a pack from a tender, with a model offer", async () => {
    const backend = await installServer();
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
    const [call] = backend.callsOf("create_workshop_pack");
    expect(call.args).toMatchObject({ tenderId: 1, title: "March workshop", modelOffer: DEMO_OFFER });
    expect((await screen.findByTestId("pack-open")).textContent).toContain("March workshop");
  });

  it("opens a pack and starts a participant's offer with the instructions beside it", async () => {
    const backend = await installServer();
    await makePack(backend);
    render(App);
    await fireEvent.click(await screen.findByTestId("open-pack"));
    expect((await screen.findByTestId("pack-open")).textContent).toContain("Bid writing for social value");
    await fireEvent.input(screen.getByTestId("participant-name"), { target: { value: "Tyne Kitchens Ltd" } });
    await clickWhenReady("start-offer");
    await waitFor(() => expect(router.route.name).toBe("offer"));
    expect(backend.callsOf("start_workshop_offer")[0].args).toEqual({ participant: "Tyne Kitchens Ltd" });
    const note = await screen.findByTestId("workshop-instructions");
    expect(note.textContent).toContain(INSTRUCTIONS);
    await fireEvent.click(within(note).getByTestId("hand-in"));
    expect((await screen.findByTestId("hand-in-message")).textContent).toContain(
      "Tyne Kitchens Ltd - Bid writing for social value.svoffer.json",
    );
  });

  it("collects a folder, shows bands with their words, and anonymises everywhere", async () => {
    const backend = await installServer();
    await makePack(backend);
    const { doc } = await room(backend);
    const report = await backend.direct<Report>("score_document", { doc });
    const first = report.hot_topics[0];
    render(App);
    await fireEvent.click(await screen.findByTestId("open-pack"));
    await clickWhenReady("collect");
    const table = await screen.findByTestId("comparison");
    const row = await within(table).findByTestId("row-Tyne Kitchens Ltd");
    // The band's word is the core's, as in the self-score's report.
    await waitFor(() => expect(row.textContent).toContain(`${first.band} ${first.band_word}`));
    expect(table.querySelector(`.band.band-${first.band}`)).toBeTruthy();
    expect(screen.getByTestId("row-model").textContent).toContain("Model offer: Wear Valley Kitchens CIC");
    expect(screen.getByTestId("weaknesses").textContent).toContain("2 of 2 offers");
    expect(screen.getByTestId("left-out").textContent).toContain("broken.svoffer.json");

    await fireEvent.click(screen.getByTestId("anonymise"));
    await waitFor(() => expect(document.body.textContent).not.toContain("Tyne Kitchens"));
    expect(document.body.textContent).not.toContain("Weardale Meals");
    expect(document.body.textContent).not.toContain("Wear Valley Kitchens CIC");
    expect(backend.callsOf("compare_workshop").at(-1)?.args).toEqual({ anonymise: true });

    await fireEvent.click(screen.getByTestId("export-handout"));
    expect((await screen.findByTestId("workshop-message")).textContent).toContain("handout.pdf");
    expect(backend.callsOf("export_workshop")[0].args).toEqual({ output: "handout", anonymise: true });
    await fireEvent.click(screen.getByTestId("export-csv"));
    await waitFor(() => expect(screen.getByTestId("workshop-message").textContent).toContain("scores.csv"));
    expect(backend.callsOf("export_workshop")[1].args).toEqual({ output: "scores", anonymise: true });
  });

  it("says so when no folder is chosen or no pack is open", async () => {
    const backend = await installServer();
    await makePack(backend);
    await backend.answerDialogs({ saveDir: null, openFolder: null });
    render(App);
    await fireEvent.click(await screen.findByTestId("open-pack"));
    await clickWhenReady("collect");
    expect((await screen.findByTestId("workshop-message")).textContent).toBe("No folder was chosen.");
    await backend.answerDialogs({ openFile: null });
    await fireEvent.click(screen.getByTestId("open-pack"));
    await waitFor(() => expect(screen.getByTestId("workshop-message").textContent).toBe("No pack was opened."));
  });
});
