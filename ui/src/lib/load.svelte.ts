// What a screen loads and what it does, with the one way of showing either
// failing: a Loader holds data asked for from the core (and why it could not
// be had); a Task runs an action with a busy flag, so a button cannot be
// pressed twice, and keeps the core's message when the action is refused.

/** A failure in words for the screen: the core's message, or what went wrong. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Data asked for from the core: `value` once it came, `error` if it could not. */
export class Loader<T> {
  value = $state<T | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  readonly #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch;
  }

  /** Asks again; the value is kept until the new one comes, and a failure keeps it too. */
  async load(): Promise<T | null> {
    this.loading = true;
    try {
      const value = await this.#fetch();
      this.value = value;
      this.error = null;
      return value;
    } catch (e) {
      this.error = messageOf(e);
      return null;
    } finally {
      this.loading = false;
    }
  }
}

/** An action of the user's: one at a time, with the core's message when it is refused. */
export class Task {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Runs `action` unless one is running; its result, or undefined when it failed or did not run. */
  async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = null;
    try {
      return await action();
    } catch (e) {
      this.error = messageOf(e);
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
