// Closing the window never loses an edit: when the user closes it, every
// pending save is sent; the window closes once all of them have succeeded.
// A save that fails, or that waits on a busy store, keeps the window open
// with what is happening and a "Close anyway" choice (CloseGuard.svelte).

import { autosave } from "./autosave.svelte";
import { closeWindow } from "./ipc";

/** How long a close waits on a slow save before it says so. */
export const SLOW_CLOSE_MS = 1_000;

export const closing = $state<{
  /** "idle"; "saving" while the last saves run; "failed" when one did not save. */
  phase: "idle" | "saving" | "failed";
  /** Whether saving has taken longer than {@link SLOW_CLOSE_MS}. */
  slow: boolean;
}>({ phase: "idle", slow: false });

let attempt = 0;

/** Saves everything pending, then closes the window, or says why it cannot. */
export async function closeRequested(close: () => Promise<void> = closeWindow): Promise<void> {
  const mine = ++attempt;
  closing.phase = "saving";
  closing.slow = false;
  const timer = setTimeout(() => {
    if (attempt === mine && closing.phase === "saving") closing.slow = true;
  }, SLOW_CLOSE_MS);
  try {
    await autosave.flush();
    if (autosave.error !== null) await autosave.retry();
  } finally {
    clearTimeout(timer);
  }
  if (attempt !== mine) return;
  if (autosave.dirty || autosave.error !== null) {
    closing.phase = "failed";
    return;
  }
  closing.phase = "idle";
  await close();
}

/** Closes without the edits that could not be saved: the user chose to. */
export async function closeAnyway(close: () => Promise<void> = closeWindow): Promise<void> {
  attempt++;
  closing.phase = "idle";
  await close();
}

/** Keeps the window open and goes back to work. */
export function stayOpen(): void {
  attempt++;
  closing.phase = "idle";
  closing.slow = false;
}
