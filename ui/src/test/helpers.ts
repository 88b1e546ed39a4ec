// Shared set-up for component tests: a session of the real core (through
// the test server) behind ipc.ts, and nothing left over from the previous
// test.

import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import { expect, inject, onTestFinished } from "vitest";

import { autosave } from "../lib/autosave.svelte";
import { forgetChoices } from "../lib/choices.svelte";
import { evidenceLibrary } from "../lib/evidence.svelte";
import { forgetTexts } from "../lib/format";
import type { OfferDocument } from "../lib/bindings/OfferDocument";
import type { OfferView } from "../lib/bindings/OfferView";
import type { Report } from "../lib/bindings/Report";
import { ServerBackend, type SessionOptions } from "../lib/http-backend";
import { useBackend } from "../lib/ipc";
import { notices } from "../lib/notices.svelte";
import { router, setCrumbs, parseRoute } from "../lib/router.svelte";

/**
 * A new store behind the UI: on its first run (the demo offer and the
 * sample plans), or as `options` say. Closed when the test ends.
 */
export async function installServer(options: SessionOptions = {}): Promise<ServerBackend> {
  const backend = await ServerBackend.open(inject("uiServer"), options);
  onTestFinished(() => backend.close());
  useBackend(backend);
  autosave.reset();
  evidenceLibrary.reset();
  forgetTexts();
  forgetChoices();
  setCrumbs({});
  notices.backupWarning = null;
  notices.secondStart = false;
  return backend;
}

/** Puts the router on a route, as if the user had followed a link. */
export async function goTo(hash: string): Promise<void> {
  location.hash = hash;
  router.route = parseRoute(hash);
  // Let jsdom deliver its hashchange event now, not in the middle of a test.
  await new Promise((r) => setTimeout(r, 5));
}

/** The id of the demo offer in a new store (its tender is 1 too). */
export const DEMO_OFFER = 1;

/** `n` words of filler text. */
export function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i + 1}`).join(" ");
}

/**
 * Clicks the button `testid` once it can be clicked, as a user does who
 * waits for a screen to finish loading.
 */
export async function clickWhenReady(testid: string): Promise<void> {
  const button = (await screen.findByTestId(testid)) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  await fireEvent.click(button);
}

/**
 * The demo offer of a new store and the core's self-score of it, for tests
 * of what the UI makes of a document and a report.
 */
export async function demoFromCore(): Promise<{ doc: OfferDocument; report: Report }> {
  const backend = await ServerBackend.open(inject("uiServer"));
  try {
    const doc = (await backend.direct<OfferView>("get_offer", { id: DEMO_OFFER })).document;
    const report = await backend.direct<Report>("score_document", { doc });
    return { doc, report };
  } finally {
    await backend.close();
  }
}
