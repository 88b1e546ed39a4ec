import { flushSync } from "svelte";
import { waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";

import { installServer } from "../test/helpers";
import { ago, dateTime, figure, fileSize, gbp, longDate, number, quantity, shortDate } from "./format";

describe("texts on the screen", () => {
  it("are the core's, asked for in one batch and kept", async () => {
    const backend = await installServer({ now: "2026-11-21T22:00:00+00:00" });
    const shown = () => [
      gbp("480000"),
      gbp("0.005"),
      quantity("60000.00", "GBP"),
      quantity("3", "people"),
      quantity("2.50", null),
      figure("1.49315068493150684931506849", "people"),
      figure("29835.6164", "GBP"),
      number("60000"),
      longDate("2026-11-21"),
      shortDate("2027-09-30"),
      dateTime("2026-06-01T07:05:00Z"),
      ago("2026-11-21T20:00:00Z"),
      fileSize(98_304),
      longDate("soon"),
      gbp(""),
      quantity(null, "people"),
    ];
    // Nothing is written in TypeScript: until the core answers, a figure is blank.
    expect(
      shown()
        .slice(0, 14)
        .every((t) => t === ""),
    ).toBe(true);
    await waitFor(() =>
      expect(shown()).toEqual([
        "£480,000.00",
        "£0.01",
        "£60,000.00",
        "3 people",
        "2.5",
        "1.49 people",
        "£29,835.62",
        "60,000",
        "21 November 2026",
        "30 Sep 2027",
        "1 Jun 2026, 07:05",
        "2 hours ago",
        "96 KB",
        "soon",
        "",
        "",
      ]),
    );
    flushSync();
    // All fourteen in one call, and none asked again.
    expect(backend.callsOf("texts")).toHaveLength(1);
    shown();
    await new Promise((r) => setTimeout(r, 10));
    expect(backend.callsOf("texts")).toHaveLength(1);
  });

  it("write moments in the user's own offset", async () => {
    await installServer({ now: "2026-06-01T12:00:00+01:00" });
    await waitFor(() => expect(dateTime("2026-06-01T07:05:00Z")).toBe("1 Jun 2026, 08:05"));
  });
});
