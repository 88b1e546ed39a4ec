// Figures, dates and moments on the screen, as the core writes them: GBP
// with exact pennies, a figure with its unit (in pounds where the unit is
// money), "21 November 2026", "2 hours ago", a file's size. No rule of
// writing them lives here: each text is the core's (`texts`), asked for in
// one batch per moment and kept, and the screen updates when it arrives
// (within a frame in the app); until then a figure shows as nothing.

import { SvelteMap } from "svelte/reactivity";

import type { Shown } from "./bindings/Shown";
import { api } from "./ipc";

/** The texts the core has written, by figure; reactive, so a screen that asked redraws. */
const written = new SvelteMap<string, string>();
/** Figures asked for and not yet sent. */
let asked = new Map<string, Shown>();
/** How many texts are kept before the oldest are dropped (typed values pile up). */
const KEPT = 5000;
/** A minute's tick: how long ago something was changes as time passes. */
const AGO_REFRESH_MS = 60_000;

function text(figure: Shown): string {
  const key = JSON.stringify(figure);
  const known = written.get(key);
  if (known !== undefined) return known;
  if (!asked.has(key)) {
    if (asked.size === 0) queueMicrotask(send);
    asked.set(key, figure);
    if (figure.kind === "ago") agoKeys.add(key);
  }
  return "";
}

function send(): void {
  const batch = asked;
  asked = new Map();
  if (written.size + batch.size > KEPT) written.clear();
  api
    .texts([...batch.values()])
    .then((texts) => {
      [...batch.keys()].forEach((key, i) => written.set(key, texts[i] ?? ""));
    })
    .catch(() => {
      // The core did not answer: show the values as they are rather than nothing.
      for (const [key, figure] of batch) written.set(key, "value" in figure ? figure.value : String(figure.bytes));
    });
}

/** Forgets every text (a new store or session, in tests: a new clock). */
export function forgetTexts(): void {
  written.clear();
  asked = new Map();
  agoKeys.clear();
}

/** The texts of how long ago something was: asked again each minute. */
const agoKeys = new Set<string>();

if (typeof window !== "undefined") {
  setInterval(() => {
    for (const key of agoKeys) written.delete(key);
    agoKeys.clear();
  }, AGO_REFRESH_MS);
}

const blank = (v: string | null | undefined): v is null | undefined | "" => v == null || v === "";

/** "480000.00" -> "£480,000.00". */
export function gbp(amount: string | null | undefined): string {
  return blank(amount) ? "" : text({ kind: "gbp", value: amount });
}

/** A decimal with thousands grouped: "60000" -> "60,000". */
export function number(value: string | number | null | undefined): string {
  if (value == null || value === "") return "";
  return text({ kind: "number", value: String(value) });
}

/** A figure with its unit: "3 people", "£60,000.00" where the unit is money. */
export function quantity(value: string | null | undefined, unit: string | null | undefined): string {
  return blank(value) ? "" : text({ kind: "figure", value, unit: unit ?? null, worked_out: false });
}

/** A figure worked out (a target to date), to two places at most: "1.49 people". */
export function figure(value: string | null | undefined, unit: string | null | undefined): string {
  return blank(value) ? "" : text({ kind: "figure", value, unit: unit ?? null, worked_out: true });
}

/** "2026-11-21" -> "21 November 2026". */
export function longDate(iso: string | null | undefined): string {
  return blank(iso) ? "" : text({ kind: "date", value: iso });
}

/** A short date for tables: "21 Nov 2026". */
export function shortDate(iso: string | null | undefined): string {
  return blank(iso) ? "" : text({ kind: "short_date", value: iso });
}

/** A moment in the user's time, for tables: "21 Nov 2026, 09:30". */
export function dateTime(rfc3339: string): string {
  return text({ kind: "time", value: rfc3339 });
}

/** How long ago a moment was: "just now", "5 minutes ago", "yesterday", then the date. */
export function ago(rfc3339: string): string {
  return text({ kind: "ago", value: rfc3339 });
}

/** A moment as [`dateTime`] writes it, for a message made now rather than a screen that redraws. */
export async function dateTimeNow(rfc3339: string): Promise<string> {
  const [written] = await api.texts([{ kind: "time", value: rfc3339 }]);
  return written ?? rfc3339;
}

/** A file size: "96 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  return text({ kind: "size", bytes });
}
