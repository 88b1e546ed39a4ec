import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { autosave, NotSaved } from "./autosave.svelte";

describe("autosave", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    autosave.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits for a pause, then sends one save with the latest value", async () => {
    const sent: string[] = [];
    let value = "";
    for (const v of ["W", "We", "We w", "We will"]) {
      value = v;
      autosave.schedule("a", async () => sent.push(value));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(autosave.state).toBe("saving");
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual(["We will"]);
    expect(autosave.state).toBe("saved");
  });

  it("flushes every pending save at once, in order", async () => {
    const sent: string[] = [];
    autosave.schedule("a", async () => sent.push("a"));
    autosave.schedule("b", async () => sent.push("b"));
    await autosave.flush();
    expect(sent).toEqual(["a", "b"]);
    expect(autosave.state).toBe("saved");
  });

  it("never lets an older save land after a newer one", async () => {
    const landed: string[] = [];
    let release: () => void = () => {};
    autosave.now(
      "x",
      () =>
        new Promise<void>(
          (r) =>
            (release = () => {
              landed.push("old");
              r();
            }),
        ),
    );
    const newer = autosave.now("x", async () => landed.push("new"));
    await vi.advanceTimersByTimeAsync(0);
    expect(landed).toEqual([]);
    release();
    await newer;
    expect(landed).toEqual(["old", "new"]);
  });

  it("shows the reason of a failure until a retry succeeds", async () => {
    let fail = true;
    autosave.schedule("c", async () => {
      if (fail) throw new NotSaved("the store is busy");
    });
    await vi.advanceTimersByTimeAsync(400);
    expect(autosave.state).toBe("error");
    expect(autosave.error).toBe("the store is busy");
    expect(autosave.dirty).toBe(true);
    fail = false;
    await autosave.retry();
    expect(autosave.state).toBe("saved");
    expect(autosave.error).toBeNull();
  });

  it("clears a failure when a later save of the same field succeeds", async () => {
    let fail = true;
    const task = async () => {
      if (fail) throw new NotSaved("not yet");
    };
    autosave.schedule("d", task);
    await vi.advanceTimersByTimeAsync(400);
    expect(autosave.state).toBe("error");
    fail = false;
    autosave.schedule("d", task);
    await vi.advanceTimersByTimeAsync(400);
    expect(autosave.state).toBe("saved");
  });

  it("flushes when the window is hidden", async () => {
    const { installUnloadFlush } = await import("./autosave.svelte");
    installUnloadFlush();
    const sent: string[] = [];
    autosave.schedule("e", async () => sent.push("e"));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(["e"]);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  });
});
