// A backend that calls the real core through the test server (the
// `ui-server` of testkit/): the command table of src/api over HTTP on
// localhost, one session (one store in a temporary folder) per backend.
// The UI's component tests use it, and so does a preview of the screens in
// a browser (`?server=http://127.0.0.1:PORT`). Nothing here decides a rule
// of the product: it carries calls, records them for tests to look at, and
// can be told to fail one, as a broken disk or a busy store would.

import type { Backend } from "./ipc";
import type { UserError } from "./bindings/UserError";

/** A call a test can look at. */
export interface SentCall {
  command: string;
  args: Record<string, unknown>;
}

/** How a session's store starts. */
export interface SessionOptions {
  /** A store that had its first run and was emptied: no demo. */
  empty?: boolean;
  /** The day the core calls today, "2027-07-03" (at noon, UTC). */
  today?: string;
  /** The moment the core calls now, RFC 3339 (its offset is the user's). */
  now?: string;
  /** The backups folder cannot be written: the daily backup fails. */
  brokenBackups?: boolean;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body ?? null),
  });
  const value: unknown = await response.json();
  if (!response.ok) throw value;
  return value;
}

/** A session on the test server: the real core over one store of its own. */
export class ServerBackend implements Backend {
  readonly calls: SentCall[] = [];
  /** Milliseconds added to every call (to see the UI's "saving" states). */
  latencyMs = 0;
  #failures = new Map<string, UserError[]>();

  private constructor(
    readonly server: string,
    readonly id: number,
    readonly dataDir: string,
    /** Where the save dialog answers, unless a test says otherwise. */
    readonly savedDir: string,
  ) {}

  /** Opens a session on the server at `server` ("http://127.0.0.1:PORT"). */
  static async open(server: string, options: SessionOptions = {}): Promise<ServerBackend> {
    const made = (await post(`${server}/sessions`, options)) as { id: number; dataDir: string; savedDir: string };
    return new ServerBackend(server, made.id, made.dataDir, made.savedDir);
  }

  async call(command: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ command, args: JSON.parse(JSON.stringify(args ?? {})) });
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const failure = this.#failures.get(command)?.shift();
    if (failure) throw failure;
    return post(`${this.server}/sessions/${this.id}/call/${command}`, args ?? {});
  }

  /** The calls of one command, in order. */
  callsOf(command: string): SentCall[] {
    return this.calls.filter((c) => c.command === command);
  }

  /** The next call of `command` fails with `error`, without reaching the core. */
  failNext(command: string, error: UserError): void {
    const list = this.#failures.get(command) ?? [];
    list.push(error);
    this.#failures.set(command, list);
  }

  /** Calls a command directly (a test's own set-up), without recording it. */
  async direct<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    return (await post(`${this.server}/sessions/${this.id}/call/${command}`, args)) as T;
  }

  /** How the next dialogs answer: a path, or null for a cancelled dialog. */
  async answerDialogs(answers: {
    saveDir?: string | null;
    openFile?: string | null;
    openFolder?: string | null;
  }): Promise<void> {
    await post(`${this.server}/sessions/${this.id}/dialogs`, answers);
  }

  /** From now on the core's today is `day` ("2027-03-03"). */
  async setToday(day: string): Promise<void> {
    await post(`${this.server}/sessions/${this.id}/today`, { today: day });
  }

  /** Writes a file in the session's folder (for an open dialog to answer with); its path. */
  async writeFile(name: string, text: string): Promise<string> {
    const made = (await post(`${this.server}/sessions/${this.id}/files`, { name, text })) as { path: string };
    return made.path;
  }

  /** Ends the session: its store and folder are deleted. */
  async close(): Promise<void> {
    await fetch(`${this.server}/sessions/${this.id}`, { method: "DELETE" }).catch(() => {});
  }
}
