// Measures typing in the real app under Xvfb, screen by screen: for each
// key typed into a field, the time from the key's event in the page to the
// end of the next frame (a requestAnimationFrame callback, then a task
// after it: the frame that shows the letter has been painted). Keys are
// typed one at a time at about a fast typist's pace (every 120 ms), so the
// autosave and the rescore (after a 150 ms pause) run as they do for a
// person. WebKitGTK draws in software here (no GPU compositing), as on
// most laptops the app is measured for.
//
// Usage (from the repository root, after a build with the `e2e-dialogs`
// feature, as the end-to-end tests use):
//   OFFERWRIGHT_APP=target/debug/offerwright-app TAURI_DRIVER=~/.cargo/bin/tauri-driver \
//     dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node ui/e2e/typing.mjs
// Prints one line per screen: median, 95th percentile and worst, in ms.
// The commitment form is measured twice in the same run: as built (its
// fields in flex rows), and with its fields laid out as a CSS grid of three
// columns, as they were before (the anchor the flex rows are compared with).

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { startApp } from "./session.mjs";

const app = process.env.OFFERWRIGHT_APP ?? "target/debug/offerwright-app";
const driver = process.env.TAURI_DRIVER ?? "tauri-driver";
const KEYS = Number(process.env.OFFERWRIGHT_TYPING_KEYS ?? 60);
const PACE_MS = 120;
const TEXT = "We will hire local people from Bishop Auckland each year ";

const dataDir = mkdtempSync(path.join(tmpdir(), "offerwright-typing-"));
const { browser, stop } = await startApp({ app: path.resolve(app), driver, dataDir, dialogDir: dataDir });

async function shown(selector, timeout = 15000) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout });
  return el;
}

const byTestId = (id) => shown(`[data-testid="${id}"]`);

/** Clicks as a user does, once whatever floats over the button (a toast) lets it be reached. */
async function press(id) {
  const el = await byTestId(id);
  await el.scrollIntoView({ block: "center" });
  await el.click();
}

async function go(hash) {
  await browser.execute((h) => {
    location.hash = h;
  }, hash);
  await sleep(500);
}

/** Types KEYS keys into `field`, one at a time, and gives each key's time to the next painted frame. */
async function typeInto(field) {
  await field.click();
  await browser.execute(() => {
    window.__typing = [];
    if (window.__typingHeard) return;
    window.__typingHeard = true;
    document.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => window.__typing.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
  });
  for (let i = 0; i < KEYS; i++) {
    await browser.keys(TEXT[i % TEXT.length]);
    await sleep(PACE_MS);
  }
  await sleep(500);
  return browser.execute(() => window.__typing);
}

/** Lays the form's fields out as the three-column grid they had before, or takes that away. */
async function grid(on) {
  await browser.execute((on) => {
    document.getElementById("typing-grid")?.remove();
    if (!on) return;
    const style = document.createElement("style");
    style.id = "typing-grid";
    style.textContent =
      ".fields{display:grid!important;grid-template-columns:repeat(3,minmax(0,1fr));column-gap:1.1rem}" +
      ".fields>.field.span-2{grid-column:span 2}.fields>.field.span-3{grid-column:1/-1}";
    document.head.append(style);
  }, on);
  await sleep(300);
}

function summary(name, times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const over = sorted.filter((t) => t > 16).length;
  console.log(
    `${name.padEnd(34)} keys ${String(sorted.length).padStart(3)}  median ${at(0.5).toFixed(1).padStart(5)} ms` +
      `  p95 ${at(0.95).toFixed(1).padStart(5)} ms  worst ${sorted[sorted.length - 1].toFixed(1).padStart(5)} ms` +
      `  over 16 ms: ${over}`,
  );
}

const screens = [
  {
    name: "offer: an answer",
    open: async () => {
      await go("#/offer/1");
      await (await byTestId("tab-answers")).click();
      return byTestId("answer-sv1");
    },
  },
  {
    name: "offer: a commitment's form",
    open: async () => {
      await go("#/offer/1");
      await (await byTestId("tab-commitments")).click();
      await (await byTestId("commitment-toggle-c1")).click();
      return byTestId("commitment-field-c1-how");
    },
  },
  {
    name: "offer: a commitment's form (grid)",
    grid: true,
    open: async () => byTestId("commitment-field-c1-how"),
  },
  {
    name: "offer: the evidence form",
    open: async () => {
      await go("#/offer/1");
      await press("tab-evidence");
      await press("evidence-add");
      return byTestId("evidence-field-body");
    },
  },
  {
    name: "tender: its title",
    open: async () => {
      await go("#/tender/1");
      return byTestId("tender-field-title");
    },
  },
  {
    name: "plan editor: its title",
    open: async () => {
      await go("#/");
      await (await shown('[data-testid^="plan-row-"]')).click();
      await (await byTestId("plan-edit")).click();
      return shown("#plan-title");
    },
  },
];

try {
  await shown('[data-testid^="offer-row-"]', 30000);
  for (const screen of screens) {
    const field = await screen.open();
    if (screen.grid) await grid(true);
    summary(screen.name, await typeInto(field));
    if (screen.grid) await grid(false);
  }
} finally {
  await stop();
}
