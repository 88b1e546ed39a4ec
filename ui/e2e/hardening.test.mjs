// End to end: what a close, a busy store and a damaged store do to a person
// at the keyboard. Run by scripts/test.sh with the other end-to-end tests.
//   - closing the window while another program holds the store's write lock
//     keeps the window open, says so, and saves the typed text once the
//     lock is released;
//   - a store that cannot be opened opens a recovery screen, where a
//     backup brings the work back.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

import { appProcesses, reveal, screenshot as saveScreenshot, startApp } from "./session.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const app = process.env.OFFERWRIGHT_APP ?? path.join(root, "target/debug/offerwright-app");
const driver = process.env.TAURI_DRIVER ?? "tauri-driver";
const cli = process.env.OFFERWRIGHT_CLI ?? path.join(path.dirname(app), "offerwright");
const artefacts = path.join(root, "target/artefacts/e2e");
mkdirSync(artefacts, { recursive: true });

let session;
async function stopSession() {
  if (session) await session.stop();
  session = undefined;
}
after(stopSession);

const byId = (browser, id) => browser.$(`[data-testid="${id}"]`);
const shown = async (browser, id, timeout = 15000) => reveal(browser, await byId(browser, id), timeout);

test("closing while another program holds the store keeps the window open until the typing is saved", async (t) => {
  t.after(stopSession);
  const work = mkdtempSync(path.join(tmpdir(), "offerwright-close-"));
  const dataDir = path.join(work, "data");
  const dialogDir = path.join(work, "saved");
  mkdirSync(dialogDir, { recursive: true });
  session = await startApp({ app, driver, dataDir, dialogDir });
  const { browser } = session;
  await browser.setWindowSize(1280, 800).catch(() => {});
  const offers = await shown(browser, "home-offers");
  await (await offers.$('[data-testid^="offer-row-"]')).click();
  await (await shown(browser, "tab-answers")).click();
  const answer = await shown(browser, "answer-sv1");
  await browser.waitUntil(async () => (await byId(browser, "saved-state")).getText().then((t) => t.includes("Saved")), {
    timeout: 10000,
  });

  // Another program takes the store's write lock for 25 s: longer than two
  // of the app's 10 s waits for it.
  const store = path.join(dataDir, "offerwright.sqlite3");
  const holder = spawn("python3", [path.join(here, "hold-store.py"), store, "25"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => holder.once("exit", resolve));
  t.after(() => holder.kill("SIGKILL"));
  await new Promise((resolve, reject) => {
    holder.stdout.once("data", resolve);
    holder.once("exit", (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
  const typed = " Typed while the store was busy.";
  await answer.click();
  await browser.keys(["End"]);
  await answer.addValue(typed);

  // The user closes the window, as the window manager's close button does.
  execFileSync("python3", [path.join(here, "close-window.py"), "Offerwright"]);
  const guard = await shown(browser, "close-guard", 8000);
  assert.match(await guard.getText(), /Saving your last changes/);
  await saveScreenshot(browser, path.join(artefacts, "30-close-while-busy.png"));
  // Past the time a UI has to answer a close: the window is still open.
  await sleep(6000);
  assert.ok(
    appProcesses().some(([, name]) => name === "offerwright-app"),
    "the window stayed open",
  );
  // Both waits for the lock fail: the window says the edit is not saved.
  await browser.waitUntil(async () => /Your last changes are not saved/.test(await guard.getText()), {
    timeout: 30000,
    timeoutMsg: "the failed save is not shown",
  });
  assert.match(await (await byId(browser, "close-guard-text")).getText(), /the store is busy/i);
  await saveScreenshot(browser, path.join(artefacts, "31-close-not-saved.png"));
  assert.ok(await (await byId(browser, "close-anyway")).isDisplayed());

  // Once the other program is done, "Try again and close" saves and closes.
  holder.kill("SIGTERM");
  await exited;
  await (await shown(browser, "close-retry")).click();
  const end = Date.now() + 20000;
  while (Date.now() < end && appProcesses().some(([, name]) => name === "offerwright-app")) await sleep(200);
  assert.ok(!appProcesses().some(([, name]) => name === "offerwright-app"), "the app closed once it had saved");
  await session.stop();
  session = undefined;

  const shownOffer = JSON.parse(
    execFileSync(cli, ["--data-dir", dataDir, "offer", "show", "1", "--json"], { encoding: "utf8" }),
  );
  const sv1 = shownOffer.answers.find((a) => a.question === "sv1");
  assert.ok(sv1.text.includes(typed.trim()), `the typed text is stored: ${sv1.text}`);
});

test("a store that cannot be opened shows a recovery screen, and a backup brings the work back", async (t) => {
  t.after(stopSession);
  const work = mkdtempSync(path.join(tmpdir(), "offerwright-recovery-"));
  const dataDir = path.join(work, "data");
  const dialogDir = path.join(work, "saved");
  mkdirSync(dialogDir, { recursive: true });
  execFileSync(cli, ["--data-dir", dataDir, "demo"]);
  execFileSync(cli, ["--data-dir", dataDir, "backup"]);
  // The store is then damaged (a disk fault, a bad copy).
  writeFileSync(path.join(dataDir, "offerwright.sqlite3"), Buffer.alloc(8192, 0x5a));
  session = await startApp({ app, driver, dataDir, dialogDir });
  const { browser } = session;
  await browser.setWindowSize(1280, 800).catch(() => {});
  const problem = await shown(browser, "recovery-problem");
  assert.match(await problem.getText(), /is not an Offerwright store/);
  await saveScreenshot(browser, path.join(artefacts, "32-recovery.png"));
  const list = await shown(browser, "recovery-backups");
  await (await list.$("button*=Restore")).click();
  await (await shown(browser, "recovery-confirm")).click();
  const told = await shown(browser, "recovered");
  assert.match(await told.getText(), /Restored the backup of .*moved, untouched, to .*damaged-/);
  const offers = await shown(browser, "home-offers");
  await browser.waitUntil(async () => (await offers.getText()).includes("Wear Valley Kitchens CIC"), {
    timeout: 10000,
    timeoutMsg: "the restored offer is not listed",
  });
  await saveScreenshot(browser, path.join(artefacts, "33-recovered.png"));
  await session.stop();
  session = undefined;
  const aside = readdirSync(path.join(dataDir, "backups")).filter((n) => n.startsWith("damaged-"));
  assert.equal(aside.length, 1, "the damaged store is kept");
  assert.ok(existsSync(path.join(dataDir, "backups", aside[0])));
});
