// End to end on the real app, a workshop: the trainer packs, a participant
// opens the pack on another laptop (another data folder) and hands back an
// offer file, and the trainer collects it with two broken files and sees
// the comparison, then anonymises it.
// Run by scripts/test.sh with the other end-to-end tests.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { reveal, screenshot, startApp } from "./session.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const app = process.env.OFFERWRIGHT_APP ?? path.join(root, "target/debug/offerwright-app");
const driver = process.env.TAURI_DRIVER ?? "tauri-driver";
const artefacts = path.join(root, "target/artefacts/e2e");

const work = mkdtempSync(path.join(tmpdir(), "offerwright-e2e-workshop-"));
const trainerData = path.join(work, "trainer");
const participantData = path.join(work, "participant");
const packs = path.join(work, "packs");
const room = path.join(work, "room");
for (const dir of [packs, room, artefacts]) mkdirSync(dir, { recursive: true });

let session;
let browser;

async function open(options) {
  session = await startApp({ app, driver, ...options });
  browser = session.browser;
  await browser.setWindowSize(1280, 800).catch(() => {});
}

async function close() {
  if (session) await session.stop();
  session = undefined;
  browser = undefined;
}

after(close);

async function shown(id, timeout = 15000) {
  return reveal(browser, await browser.$(`[data-testid="${id}"]`), timeout);
}

async function bodyText() {
  return browser.execute(() => document.body.innerText);
}

test("a trainer packs, a participant hands back an offer, the trainer compares", async () => {
  assert.ok(existsSync(app), `the app is not built: ${app}`);

  // The trainer makes a pack from the demo tender, with the demo offer as the model.
  await open({ dataDir: trainerData, dialogDir: packs });
  await (await shown("nav-workshop")).click();
  await (await shown("make-pack")).click();
  await (await shown("pack-title-input")).setValue("E2E workshop");
  const model = await shown("pack-model");
  await browser.waitUntil(async () => (await model.$$("option")).length === 2, { timeout: 10000 });
  await model.selectByIndex(1);
  await (await shown("save-pack")).click();
  const pack = path.join(packs, "E2E workshop.svworkshop.json");
  await browser.waitUntil(() => existsSync(pack), { timeout: 10000, timeoutMsg: "no pack written" });
  assert.equal(JSON.parse(readFileSync(pack, "utf8")).format, "offerwright/workshop");
  await screenshot(browser, path.join(artefacts, "20-workshop-pack.png"));
  await close();

  // A participant opens it on another laptop, starts an offer and hands it back.
  await open({ dataDir: participantData, dialogDir: room, openFile: pack });
  await (await shown("nav-workshop")).click();
  await (await shown("open-pack")).click();
  await browser.waitUntil(async () => (await (await shown("pack-open")).getText()).includes("E2E workshop"));
  await (await shown("participant-name")).setValue("Tyne Kitchens Ltd");
  await (await shown("start-offer")).click();
  const note = await shown("workshop-instructions");
  assert.match(await note.getText(), /Write the social value offer for this tender/);
  await (await shown("tab-commitments")).click();
  await screenshot(browser, path.join(artefacts, "21-workshop-participant.png"));
  await (await shown("hand-in")).click();
  const handed = path.join(room, "Tyne Kitchens Ltd - E2E workshop.svoffer.json");
  await browser.waitUntil(() => existsSync(handed), { timeout: 10000, timeoutMsg: "no offer file handed in" });
  await close();

  // Two broken files beside it.
  writeFileSync(path.join(room, "broken.svoffer.json"), '{ "format": ');
  writeFileSync(
    path.join(room, "a plan.svoffer.json"),
    readFileSync(path.join(root, "assets/plans/durham-sample.svplan.json")),
  );
  assert.equal(readdirSync(room).length, 3);

  // The trainer collects the folder.
  await open({ dataDir: trainerData, dialogDir: packs, openFile: pack, openFolder: room });
  await (await shown("nav-workshop")).click();
  await (await shown("open-pack")).click();
  await (await shown("collect")).click();
  const table = await shown("comparison");
  assert.match(await table.getText(), /Tyne Kitchens Ltd/);
  assert.match(await table.getText(), /Model offer: Wear Valley Kitchens CIC/);
  const leftOut = await (await shown("left-out")).getText();
  assert.match(leftOut, /broken\.svoffer\.json/);
  assert.match(leftOut, /a plan\.svoffer\.json: .*this file is a plan, not an offer/);
  await browser.execute((el) => el.scrollIntoView({ block: "start" }), table);
  await screenshot(browser, path.join(artefacts, "22-workshop-comparison.png"));

  const anonymise = await shown("anonymise");
  await browser.execute((el) => el.scrollIntoView({ block: "center" }), anonymise);
  await anonymise.click();
  await browser.waitUntil(async () => !(await bodyText()).includes("Tyne Kitchens"), {
    timeout: 10000,
    timeoutMsg: "a participant's name is still on screen",
  });
  assert.ok(!(await bodyText()).includes("Wear Valley Kitchens CIC"));
  await screenshot(browser, path.join(artefacts, "23-workshop-anonymised.png"));
  await close();
});
