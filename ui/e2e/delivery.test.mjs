// End to end on the real app: the demo offer is won, a quarter's figures
// are recorded, one is corrected, and the progress report for the buyer is
// saved as a PDF and read back. Screenshots go to target/artefacts/e2e/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { audit as auditWith, reveal, screenshot as saveScreenshot, startApp } from "./session.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const app = process.env.OFFERWRIGHT_APP ?? path.join(root, "target/debug/offerwright-app");
const driver = process.env.TAURI_DRIVER ?? "tauri-driver";
const artefacts = path.join(root, "target/artefacts/e2e");

const work = mkdtempSync(path.join(tmpdir(), "offerwright-e2e-delivery-"));
const dataDir = path.join(work, "data");
const dialogDir = path.join(work, "saved");
mkdirSync(dialogDir, { recursive: true });
mkdirSync(artefacts, { recursive: true });

let session;
let browser;

const byId = (id) => browser.$(`[data-testid="${id}"]`);

async function shown(id, timeout = 15000) {
  return reveal(browser, await byId(id), timeout);
}

async function click(id) {
  await (await shown(id)).click();
}

async function textOf(id) {
  return (await (await byId(id)).getText()).replace(/\s+/g, " ");
}

async function waitForText(id, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await textOf(id)), { timeout: 10000, timeoutMsg: what });
}

/** Runs axe-core on the screen; fails on any serious or critical violation. */
function audit(screen) {
  return auditWith(browser, screen);
}

async function screenshot(name) {
  await saveScreenshot(browser, path.join(artefacts, `${name}.png`));
}

/** Scrolls the element to the top of the window, for a screenshot of what follows it. */
async function scrollTo(id) {
  await browser.execute((el) => el.scrollIntoView({ block: "start" }), await byId(id));
}

before(async () => {
  assert.ok(existsSync(app), `the app is not built: ${app}`);
  session = await startApp({ app, driver, dataDir, dialogDir });
  browser = session.browser;
  await browser.setWindowSize(1280, 800).catch(() => {});
});

after(async () => {
  if (session) await session.stop();
});

test("the demo offer is marked as won and opens on its Delivery tab", async () => {
  const offers = await shown("home-offers");
  await browser.waitUntil(async () => (await offers.getText()).includes("Wear Valley Kitchens CIC"), {
    timeout: 10000,
    timeoutMsg: "the demo offer is not listed",
  });
  await (await offers.$('[data-testid^="offer-row-"]')).click();
  await click("award-open");
  // The tender's contract start is offered, and quarterly reports.
  assert.equal(await (await shown("award-start")).getValue(), "2027-04-01");
  assert.equal(await (await byId("award-reporting-quarterly")).isSelected(), true);
  assert.match(await textOf("award-form"), /kept exactly as submitted/);
  await screenshot("20-delivery-award");
  await audit("marking an offer as won");
  await click("award-confirm");

  await waitForText("won-banner", /Won on \d+ \w+ \d{4}: kept as submitted/, "no banner says the offer is won");
  assert.equal(await (await shown("tab-delivery")).getAttribute("aria-selected"), "true");
  await shown("record-form");
  assert.match(await textOf("contract-facts"), /Contract from 1 April 2027 to 31 March 2030, reported quarterly/);
});

test("a quarter's figures are recorded and a status changes", async () => {
  await (await shown("delivery-period")).selectByAttribute("value", "1");
  await waitForText("delivery-glance", /At the end of Quarter 1 \(30 June 2027\)/, "Quarter 1 is not shown");
  assert.match(await textOf("status-c1"), /Behind/);

  await (await shown("record-achieved-c1")).setValue("2");
  await (await shown("record-note-c1")).setValue("Two referred candidates started in May");
  await click("record-ev-add-c1");
  await (await shown("record-ev-text-c1-0")).setValue("starters-2027-q1.pdf");
  await (await shown("record-achieved-c2")).setValue("13");
  await (await shown("record-achieved-c3")).setValue("4250");
  await (await shown("record-note-c3")).setValue("Three local growers");
  await (await shown("record-name")).setValue("Jo Bloggs");
  await click("record-save");

  await waitForText("record-result", /Saved 3 figures for Quarter 1\./, "the quarter was not saved");
  await waitForText("status-c1", /On track/, "c1 did not move to On track");
  assert.match(await textOf("record-current-c1"), /Recorded: 2 people by Jo Bloggs/);
  assert.match(await textOf("timeline-c1-1"), /2/);
  await browser.execute(() => window.scrollTo(0, 0));
  await screenshot("21-delivery-glance");
});

test("a figure is corrected and its history shows both", async () => {
  await (await shown("record-achieved-c1")).setValue("1");
  await (await shown("record-name")).setValue("Sam Lee");
  await click("record-save");
  await waitForText("record-result", /Saved 1 figure for Quarter 1, a correction\./, "the correction was not saved");
  await waitForText("status-c1", /Behind/, "c1 did not go back to Behind");

  await click("record-history-toggle-c1");
  const history = await shown("record-history-c1");
  const rows = await history.$$("tbody tr");
  assert.equal(rows.length, 2);
  assert.match(await rows[0].getText(), /2 people[\s\S]*Jo Bloggs[\s\S]*Replaced/);
  assert.match(await rows[1].getText(), /1 people[\s\S]*Sam Lee[\s\S]*Counts/);
  await scrollTo("record-form");
  await screenshot("22-delivery-form-history");
  await audit("the Delivery tab, with a figure's history open");
  await scrollTo("delivery-timeline");
  await screenshot("23-delivery-timeline");
});

test("the progress report PDF holds the quarter's figures", async () => {
  await click("report-period-pdf");
  const result = await shown("report-result");
  await browser.waitUntil(async () => (await result.getText()).includes(".pdf"), {
    timeout: 15000,
    timeoutMsg: "no file named after the export",
  });
  const file = (await result.getText()).match(/(\/.+\.pdf)/)[1];
  assert.ok(file.startsWith(dialogDir), `the report was not saved where the dialog said: ${file}`);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.match(text, /Social value progress report/);
  assert.match(text, /Wear Valley Kitchens CIC/);
  assert.match(text, /Quarter 1/);
  assert.match(text, /Fill kitchen assistant vacancies/);
  assert.match(text, /Two referred candidates started in May/);
  assert.match(text, /starters-2027-q1\.pdf/);
  assert.match(text, /Three local growers/);
  assert.match(text, /Sam Lee/);
  assert.match(text, /4,250/);
  await scrollTo("report-result");
  await screenshot("24-delivery-reports");
});

test("the won offer is kept as submitted: the editing tabs are read-only and Home marks it", async () => {
  await click("tab-answers");
  assert.match(await textOf("locked-note"), /Kept as submitted on/);
  assert.equal(await (await shown("answer-sv1")).getAttribute("readonly"), "true");
  await browser.execute(() => window.scrollTo(0, 0));
  await screenshot("25-delivery-answers-locked");
  await audit("a won offer's answers");
  await click("nav-home");
  const offers = await shown("home-offers");
  const won = await offers.$('[data-testid^="offer-won-"]');
  await won.waitForDisplayed({ timeout: 10000 });
  assert.match(await won.getText(), /Won \d+ \w{3} \d{4}/);
  await screenshot("26-delivery-home");
});
