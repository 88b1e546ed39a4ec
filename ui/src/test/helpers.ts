// Shared set-up for component tests: a fresh fake backend behind ipc.ts,
// and nothing left over from the previous test.

import { autosave } from "../lib/autosave.svelte";
import { evidenceLibrary } from "../lib/evidence.svelte";
import { createFakeBackend, type FakeBackend } from "../lib/fake-backend";
import { useBackend } from "../lib/ipc";
import { notices } from "../lib/notices.svelte";
import { router, setCrumbs, parseRoute } from "../lib/router.svelte";

export function installFake(options: { empty?: boolean } = {}): FakeBackend {
  const fake = createFakeBackend(options);
  useBackend(fake);
  autosave.reset();
  evidenceLibrary.reset();
  setCrumbs({});
  notices.backupWarning = null;
  notices.secondStart = false;
  return fake;
}

/** Puts the router on a route, as if the user had followed a link. */
export async function goTo(hash: string): Promise<void> {
  location.hash = hash;
  router.route = parseRoute(hash);
  // Let jsdom deliver its hashchange event now, not in the middle of a test.
  await new Promise((r) => setTimeout(r, 5));
}

/** The id of the demo offer in a fresh fake (the tender is 1, the offer 2). */
export const DEMO_OFFER = 2;

/** `n` words of filler text. */
export function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i + 1}`).join(" ");
}
