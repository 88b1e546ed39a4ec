import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { autosave } from "./autosave.svelte";
import { BackendError } from "./ipc";
import { closeAnyway, closeRequested, closing, SLOW_CLOSE_MS, stayOpen } from "./closing.svelte";

describe("closing the window", () => {
  beforeEach(() => {
    autosave.reset();
    stayOpen();
  });
  afterEach(() => vi.useRealTimers());

  it("saves what is pending, then closes", async () => {
    const sent: string[] = [];
    autosave.schedule("answer", async () => sent.push("last words"));
    const close = vi.fn(async () => {});
    await closeRequested(close);
    expect(sent).toEqual(["last words"]);
    expect(close).toHaveBeenCalledTimes(1);
    expect(closing.phase).toBe("idle");
  });

  it("stays open when a save fails, and closes only when told to", async () => {
    autosave.schedule("answer", async () => {
      throw new BackendError({ code: "busy", message: "the store is busy" });
    });
    const close = vi.fn(async () => {});
    await closeRequested(close);
    expect(close).not.toHaveBeenCalled();
    expect(closing.phase).toBe("failed");
    expect(autosave.error).toBe("the store is busy");
    await closeAnyway(close);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it("closes once a failed save succeeds on trying again", async () => {
    let busy = true;
    autosave.schedule("answer", async () => {
      if (busy) throw new BackendError({ code: "busy", message: "the store is busy" });
    });
    const close = vi.fn(async () => {});
    await closeRequested(close);
    expect(closing.phase).toBe("failed");
    busy = false;
    await closeRequested(close);
    expect(close).toHaveBeenCalledTimes(1);
    expect(autosave.dirty).toBe(false);
  });

  it("says so when saving is slow, and still waits for it", async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    autosave.schedule("answer", () => new Promise<void>((r) => (release = r)));
    const close = vi.fn(async () => {});
    const done = closeRequested(close);
    await vi.advanceTimersByTimeAsync(SLOW_CLOSE_MS + 10);
    expect(closing.phase).toBe("saving");
    expect(closing.slow).toBe(true);
    expect(close).not.toHaveBeenCalled();
    release();
    await done;
    expect(close).toHaveBeenCalledTimes(1);
  });
});
