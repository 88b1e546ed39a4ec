// Autosave: every edit is stored as it is made.
//
// Each field schedules a save under its own key (e.g. "answer:12:sv1");
// a new edit to the same key restarts its ~400 ms timer, so a burst of
// typing becomes one save. Saves run one after another, in order, so an
// older save never lands after a newer one. A save reads the in-memory
// document when it runs, not when it was scheduled: the last keystrokes
// are always the ones written. `flush()` sends every pending save at once:
// on blur, on navigation, and when the window is closed or hidden.

import { BackendError } from "./ipc";

export const SAVE_DELAY_MS = 400;

/** A save: reads the latest state and sends it. */
export type SaveTask = () => Promise<unknown>;

/** Raised by a task that cannot be sent yet; its message is the reason shown. */
export class NotSaved extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotSaved";
  }
}

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  task: SaveTask;
}

class Autosave {
  #pending = new Map<string, Pending>();
  #failed = new Map<string, { task: SaveTask; message: string }>();
  #queue: Promise<void> = Promise.resolve();

  /** Saves waiting for their timer. */
  waiting = $state(0);
  /** Saves sent and not yet answered. */
  running = $state(0);
  /** Why the last failed save failed, while any save has failed. */
  error = $state<string | null>(null);
  /** When everything was last written. */
  savedAt = $state<Date | null>(null);

  /** "saving", "saved" or "error": what the top bar shows. */
  get state(): "saving" | "saved" | "error" {
    if (this.error !== null) return "error";
    if (this.waiting > 0 || this.running > 0) return "saving";
    return "saved";
  }

  /** Whether there is anything not yet written. */
  get dirty(): boolean {
    return this.#pending.size > 0 || this.running > 0 || this.#failed.size > 0;
  }

  /** Schedules `task` under `key`, replacing any save waiting under it. */
  schedule(key: string, task: SaveTask, delay: number = SAVE_DELAY_MS): void {
    const old = this.#pending.get(key);
    if (old) clearTimeout(old.timer);
    const timer = setTimeout(() => {
      this.#pending.delete(key);
      this.#sync();
      void this.#run(key, task);
    }, delay);
    this.#pending.set(key, { timer, task });
    this.#sync();
  }

  /** Sends the save waiting under `key` now, if there is one. */
  flushKey(key: string): Promise<void> {
    const p = this.#pending.get(key);
    if (!p) return this.#queue;
    clearTimeout(p.timer);
    this.#pending.delete(key);
    this.#sync();
    return this.#run(key, p.task);
  }

  /** Runs a save now (after those already sent), e.g. a deletion. */
  now(key: string, task: SaveTask): Promise<void> {
    const p = this.#pending.get(key);
    if (p) {
      clearTimeout(p.timer);
      this.#pending.delete(key);
      this.#sync();
    }
    return this.#run(key, task);
  }

  /** Drops the save waiting under `key` and forgets its failure (e.g. a commitment removed before it was saved). */
  cancel(key: string): void {
    const p = this.#pending.get(key);
    if (p) clearTimeout(p.timer);
    this.#pending.delete(key);
    if (this.#failed.delete(key)) this.#refreshError();
    this.#sync();
  }

  /** Sends every waiting save at once and resolves when all are answered. */
  flush(): Promise<void> {
    for (const [key, p] of [...this.#pending]) {
      clearTimeout(p.timer);
      this.#pending.delete(key);
      void this.#run(key, p.task);
    }
    this.#sync();
    return this.#queue;
  }

  /** Sends again every save that failed. */
  retry(): Promise<void> {
    const failed = [...this.#failed];
    this.#failed.clear();
    this.error = null;
    for (const [key, f] of failed) void this.#run(key, f.task);
    return this.#queue;
  }

  /** Forgets everything (tests). */
  reset(): void {
    for (const p of this.#pending.values()) clearTimeout(p.timer);
    this.#pending.clear();
    this.#failed.clear();
    this.#queue = Promise.resolve();
    this.waiting = 0;
    this.running = 0;
    this.error = null;
    this.savedAt = null;
  }

  /** Shows the reason of the latest failure still standing, or none. */
  #refreshError(): void {
    const left = [...this.#failed.values()];
    this.error = left.length > 0 ? left[left.length - 1].message : null;
  }

  #sync(): void {
    this.waiting = this.#pending.size;
  }

  #run(key: string, task: SaveTask): Promise<void> {
    this.running += 1;
    const next = this.#queue.then(async () => {
      try {
        await task();
        if (this.#failed.delete(key)) this.#refreshError();
        this.savedAt = new Date();
      } catch (e) {
        const message = e instanceof BackendError || e instanceof NotSaved ? e.message : String(e);
        this.#failed.set(key, { task, message });
        this.error = message;
      } finally {
        this.running -= 1;
      }
    });
    this.#queue = next;
    return next;
  }
}

/** The app's one autosave. */
export const autosave = new Autosave();

let installed = false;

/** Flushes pending saves when the window is closed, reloaded or hidden. */
export function installUnloadFlush(): void {
  if (installed || typeof window === "undefined") return;
  installed = true;
  window.addEventListener("beforeunload", (event) => {
    const dirty = autosave.dirty;
    void autosave.flush();
    if (dirty && autosave.state === "error") {
      // A save failed: ask before closing, so the user can retry.
      event.preventDefault();
    }
  });
  window.addEventListener("pagehide", () => void autosave.flush());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void autosave.flush();
  });
}
