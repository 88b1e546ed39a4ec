// End to end on the real app: the built binary under Xvfb, driven through
// tauri-driver and WebKitWebDriver. Run by scripts/test.sh:
//   OFFERWRIGHT_APP=<binary> TAURI_DRIVER=<tauri-driver> dbus-run-session -- xvfb-run -a node --test ui/e2e/
// Screenshots of every screen go to target/artefacts/e2e/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { audit as auditWith, reveal, screenshot as saveScreenshot, startApp } from "./session.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const app = process.env.OFFERWRIGHT_APP ?? path.join(root, "target/debug/offerwright-app");
const driver = process.env.TAURI_DRIVER ?? "tauri-driver";
const artefacts = path.join(root, "target/artefacts/e2e");

const work = mkdtempSync(path.join(tmpdir(), "offerwright-e2e-"));
const dataDir = path.join(work, "data");
const dialogDir = path.join(work, "saved");
mkdirSync(dialogDir, { recursive: true });
mkdirSync(artefacts, { recursive: true });

// An offer file whose texts try to run script: it must be shown as text.
const hostileFile = path.join(work, "hostile.svoffer.json");
{
  const offer = JSON.parse(readFileSync(path.join(root, "tests/fixtures/hand-written.svoffer.json"), "utf8"));
  offer.plan.id = "hostile-plan";
  offer.plan.title = "<script>window.__pwned = 1</script>Hostile plan";
  offer.bidder.name = '<img src="x" onerror="window.__pwned = 2">Hostile bidder';
  offer.answers[0].text =
    '<img src="x" onerror="window.__pwned = 3"> We will **deliver**. [Read more](javascript:window.__pwned=4)' +
    " With a smile \u{1F600} for \u{4E2D}\u{6587} readers.";
  offer.commitments[0].what = "<script>window.__pwned = 5</script>Hire local people";
  writeFileSync(hostileFile, JSON.stringify(offer, null, 2));
}

let session;
let browser;

async function open() {
  session = await startApp({ app, driver, dataDir, dialogDir, openFile: hostileFile });
  browser = session.browser;
  await browser.setWindowSize(1280, 800).catch(() => {});
}

async function close() {
  if (session) await session.stop();
  session = undefined;
  browser = undefined;
}

const byId = (id) => browser.$(`[data-testid="${id}"]`);

async function shown(id, timeout = 15000) {
  return reveal(browser, await byId(id), timeout);
}

/**
 * Sets a date input. WebKit's date inputs take keystrokes in the system
 * locale's order, so tests set the ISO value and fire the events a user's
 * pick would.
 */
async function setDate(id, iso) {
  const el = await shown(id);
  await browser.execute(
    (input, value) => {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    },
    el,
    iso,
  );
}

/** Runs axe-core on the screen; fails on any serious or critical violation. */
function audit(screen) {
  return auditWith(browser, screen);
}

async function screenshot(name) {
  await saveScreenshot(browser, path.join(artefacts, `${name}.png`));
}

const typedAnswer =
  "Our kitchens will employ local people and train apprentices across County Durham every year of the contract. ";

before(async () => {
  assert.ok(existsSync(app), `the app is not built: ${app}`);
  await open();
});

after(async () => {
  await close();
});

test("first start shows the demo offer on the home screen", async () => {
  const offers = await shown("home-offers");
  await browser.waitUntil(async () => (await offers.getText()).includes("Wear Valley Kitchens CIC"), {
    timeout: 10000,
    timeoutMsg: "the demo offer is not listed",
  });
  await screenshot("01-home");
  await audit("home");
});

test("the Durham sample plan opens as a plan on a page", async () => {
  await (await shown("plan-row-durham-sample")).click();
  const body = await browser.$("main");
  await browser.waitUntil(async () => (await body.getText()).includes("Altogether greener"), {
    timeout: 10000,
    timeoutMsg: "the plan's themes are not shown",
  });
  await screenshot("02-plan");
  await audit("plan");
  await (await shown("nav-home")).click();
});

test("a tender can be created", async () => {
  await (await shown("new-tender")).click();
  const fill = async (name, value) => {
    const el = await shown(`tender-field-${name}`);
    await el.setValue(value);
  };
  await fill("title", "Grounds maintenance, parks");
  await fill("buyer", "Durham County Council (sample)");
  await fill("reference", "DCC-2027-0007");
  await (await shown("tender-field-plan")).selectByAttribute("value", "durham-sample");
  await setDate("tender-field-deadline", "2027-02-26");
  await fill("contract_value", "120000");
  await fill("duration_months", "24");
  await fill("social_value_weighting", "15");
  await (await shown("tender-question-1-text")).setValue("What social value will you deliver?");
  await (await shown("tender-question-1-word_limit")).setValue("500");
  await (await shown("tender-question-1-marks")).setValue("15");
  await screenshot("03-tender");
  await audit("tender");
  await (await shown("tender-save")).click();
  const saved = await browser
    .waitUntil(async () => (await browser.$("main").getText()).includes("Tender saved"), { timeout: 10000 })
    .catch(() => false);
  if (!saved) {
    await screenshot("03-tender-not-saved");
    const error = await byId("tender-error");
    assert.fail(
      `the new tender is not shown after saving: ${(await error.isExisting()) ? await error.getText() : "no error shown"}`,
    );
  }
  await (await shown("nav-home")).click();
  const home = await shown("home-offers");
  assert.ok(home);
});

test("an answer past its word limit shows the warning", async () => {
  const offers = await shown("home-offers");
  const row = await offers.$('[data-testid^="offer-row-"]');
  await row.click();
  await (await shown("tab-answers")).click();
  // The demo offer as a user first meets it, scored (the README's picture).
  await browser.waitUntil(async () => /of 10$/.test(await (await byId("score-marks")).getText()), { timeout: 10000 });
  await screenshot("04a-offer-demo");
  const answer = await shown("answer-sv2");
  // The demo's second question has a 300-word limit.
  await answer.setValue(typedAnswer.repeat(18).trim());
  const warning = await shown("overlimit-sv2", 5000);
  assert.match(await warning.getText(), /Over the word limit/);
  assert.match(await (await byId("wordcount-sv2")).getText(), /306/);
  await screenshot("04-offer-answers");
  await audit("offer answers");
});

test("a new commitment raises the band of its hot topic", async () => {
  const band = await shown("band-landfill-waste");
  const before = Number((await band.getText()).match(/\d/)[0]);
  await (await shown("tab-commitments")).click();
  // Each commitment says what stops it lower, with the rule's number.
  const caps = await shown("commitment-caps-c2");
  assert.match(await caps.getText(), /R15 "aim to" makes it a hedged promise, which stops at band 2/);
  await screenshot("05a-offer-commitments-caps");
  await (await shown("add-commitment")).click();
  const rows = await browser.$$('[data-testid^="commitment-row-"]');
  const id = (await rows[rows.length - 1].getAttribute("data-testid")).replace("commitment-row-", "");
  const set = async (field, value) => {
    const el = await shown(`commitment-field-${id}-${field}`);
    if ((await el.getTagName()) === "select") await el.selectByAttribute("value", value);
    else await el.setValue(value);
  };
  await set("what", "Divert kitchen waste from landfill to anaerobic digestion");
  await set("hot_topic", "landfill-waste");
  await set("measure", "landfill-diverted");
  await set("quantity", "30");
  await setDate(`commitment-field-${id}-by`, "2029-12-31");
  await set("owner", "Operations Manager");
  await set("kpi", "Tonnes collected, from the waste contractor's notes");
  await set("reporting", "quarterly");
  await set("evidence", "Diverted 8 tonnes in 2025 (waste transfer notes).");
  const additional = await shown(`commitment-field-${id}-additional`);
  if (!(await additional.isSelected())) await additional.click();
  await browser.waitUntil(
    async () => Number((await (await byId("band-landfill-waste")).getText()).match(/\d/)[0]) > before,
    { timeout: 5000, timeoutMsg: "the band did not rise" },
  );
  await screenshot("05-offer-commitments");
  await audit("offer commitments");
  await browser.waitUntil(async () => /saved/i.test(await (await byId("saved-state")).getText()), {
    timeout: 5000,
    timeoutMsg: "the edits were not saved",
  });
});

test("find your social value asks one plain question at a time and drafts with their bands", async () => {
  await (await shown("tab-commitments")).click();
  await (await shown("find-social-value")).click();
  const question = await shown("discovery-question");
  assert.match(await question.getText(), /Could this contract do something for "Jobs for local people/);
  await screenshot("05c-find-social-value");
  await audit("find your social value");
  await (await shown("discovery-yes")).click();
  const box = await shown("discovery-input");
  await box.setValue("1");
  await browser.keys("Enter");
  await browser.waitUntil(async () => /how many more/i.test(await (await byId("discovery-question")).getText()), {
    timeout: 5000,
    timeoutMsg: "Enter did not go on to the next question",
  });
  await (await shown("discovery-close")).click();
  assert.equal(await (await byId("discovery")).isExisting(), false);
});

test("the submission PDF is exported and holds the answer", async () => {
  await (await shown("tab-export")).click();
  await screenshot("06-offer-export");
  await audit("offer export");
  await (await shown("export-submission")).click();
  const result = await shown("export-result");
  await browser.waitUntil(async () => (await result.getText()).includes(".pdf"), {
    timeout: 15000,
    timeoutMsg: "no file named after the export",
  });
  const file = (await result.getText()).match(/(\/.+\.pdf)/)[1];
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  assert.match(text.replace(/\s+/g, " "), /Our kitchens will employ local people/);
  assert.match(text, /Wear Valley Kitchens CIC/);
});

test("the Word file is exported, opens in LibreOffice and holds the answer", async () => {
  await (await shown("tab-export")).click();
  await (await shown("export-docx")).click();
  const result = await shown("export-result");
  await browser.waitUntil(async () => (await result.getText()).includes(".docx"), {
    timeout: 15000,
    timeoutMsg: "no Word file named after the export",
  });
  const file = (await result.getText()).match(/(\/.+\.docx)/)[1];
  const out = mkdtempSync(path.join(tmpdir(), "offerwright-e2e-docx-"));
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, file],
    { encoding: "utf8", env: { ...process.env, HOME: out } },
  );
  const pdf = path.join(out, path.basename(file).replace(/\.docx$/, ".pdf"));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  assert.match(text.replace(/\s+/g, " "), /Our kitchens will employ local people/);
  assert.match(text, /Wear Valley Kitchens CIC/);

  // The portal text of the answer typed above (1,961 characters), ready to
  // copy, counted against the question's 2,000-character limit.
  const portal = await byId("portal-text-sv2");
  await portal.scrollIntoView();
  await portal.waitForDisplayed({ timeout: 15000 });
  assert.match(await portal.getValue(), /Our kitchens will employ local people/);
  assert.match(await (await byId("portal-counts-sv2")).getText(), /1,961 \/ 2,000 characters/);
  await (await byId("portal-copy-sv2")).scrollIntoView();
  await (await shown("portal-copy-sv2")).click();
  const copied = await shown("portal-copied-sv2");
  await browser.waitUntil(async () => /Copied|Ctrl\+C/.test(await copied.getText()), {
    timeout: 5000,
    timeoutMsg: "the Copy button said nothing",
  });
  console.log(`portal copy: ${await copied.getText()}`);
  await screenshot("06b-offer-export-portal");
});

test("settings show where the data lives", async () => {
  await (await shown("settings")).click();
  const dir = await shown("data-dir");
  assert.match(await dir.getText(), new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await screenshot("07-settings");
  await audit("settings");
});

test("every edit is still there after closing and starting again", async () => {
  await close();
  await open();
  const offers = await shown("home-offers");
  const row = await offers.$('[data-testid^="offer-row-"]');
  await row.click();
  await (await shown("tab-answers")).click();
  const answer = await shown("answer-sv2");
  assert.match(await answer.getValue(), /^Our kitchens will employ local people/);
  await (await shown("tab-commitments")).click();
  await browser.waitUntil(
    async () => /Divert kitchen waste from landfill/.test(await browser.execute(() => document.body.innerText)),
    { timeout: 5000, timeoutMsg: "the new commitment is not there after a restart" },
  );
  await screenshot("08-after-restart");
});

test("script in an imported file stays inert text, on screen and in the PDF", async () => {
  await (await shown("nav-home")).click();
  await (await browser.$("//button[contains(., 'Import file')]")).click();
  await (await browser.$("//button[contains(., 'An offer file')]")).click();
  const answer = await shown("answer-sv1");
  assert.match(await answer.getValue(), /<img src="x" onerror=/);
  const page = await browser.execute(() => document.body.innerText);
  assert.match(page, /<img src="x" onerror="window.__pwned = 2">Hostile bidder/);
  await (await shown("tab-commitments")).click();
  await browser.waitUntil(
    async () => (await browser.execute(() => document.body.innerText)).includes("<script>window.__pwned = 5</script>"),
    { timeout: 5000, timeoutMsg: "the commitment's text is not shown as text" },
  );
  const state = await browser.execute(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent.includes("__pwned")).length,
    links: document.querySelectorAll('a[href^="javascript:"]').length,
  }));
  assert.deepEqual(state, { pwned: null, images: 0, scripts: 0, links: 0 });
  await screenshot("09-hostile-offer");

  await (await shown("tab-export")).click();
  // The emoji and the Chinese are not in the PDF's font: said before the export.
  const warning = await shown("export-unprintable");
  assert.match(
    await warning.getText(),
    /3 characters in \S+ cannot be printed in the PDF: \u{1F600} \u{4E2D} \u{6587}/u,
  );
  await screenshot("09b-unprintable-warning");
  await (await shown("export-submission")).click();
  const result = await shown("export-result");
  await browser.waitUntil(async () => (await result.getText()).includes("Hostile bidder"), {
    timeout: 15000,
    timeoutMsg: "the hostile offer's PDF was not written",
  });
  const file = (await result.getText()).match(/(\/.+\.pdf)/)[1];
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.match(text, /<img src="x" onerror="window.__pwned = 3">/);
  assert.match(text, /<script>window.__pwned = 5<\/script>Hire local people/);
  // Each shows as a white square, never as a question mark.
  assert.match(text, /With a smile \u25A1 for \u25A1\u25A1 readers/);
});

test("a backup made in Settings restores the store as it was", async () => {
  const offerRows = async () => {
    await (await shown("nav-home")).click();
    const offers = await shown("home-offers");
    return (await offers.$$('[data-testid^="offer-row-"]')).length;
  };
  const before = await offerRows();
  await (await shown("settings")).click();
  await (await shown("back-up-now")).click();
  await browser.waitUntil(async () => (await (await shown("backup-message")).getText()).includes("Backed up"), {
    timeout: 10000,
    timeoutMsg: "the backup was not made",
  });
  const list = await shown("backup-list");
  const made = await list.$(".//tr[contains(., 'Backed up by hand')]");
  assert.ok(await made.isExisting(), "the new backup is not listed");

  // An offer imported after the backup...
  await (await shown("nav-home")).click();
  await (await browser.$("//button[contains(., 'Import file')]")).click();
  await (await browser.$("//button[contains(., 'An offer file')]")).click();
  await shown("answer-sv1");
  assert.equal(await offerRows(), before + 1);

  // ...is gone once the backup is restored, and the restore says how to undo it.
  await (await shown("settings")).click();
  const row = await (await shown("backup-list")).$(".//tr[contains(., 'Backed up by hand')]");
  await (await row.$(".//button[contains(., 'Restore')]")).click();
  const confirm = await row.$('[data-testid="confirm-restore"]');
  await confirm.waitForDisplayed({ timeout: 5000 });
  await screenshot("10-settings-restore");
  await audit("settings, confirming a restore");
  await confirm.click();
  const message = await shown("backup-message");
  await browser.waitUntil(async () => (await message.getText()).includes("restore that one to undo"), {
    timeout: 15000,
    timeoutMsg: "the restore did not finish",
  });
  assert.equal(await offerRows(), before);
});

test("a second start brings the open window forward instead of opening the store again", async () => {
  assert.ok(
    process.env.DBUS_SESSION_BUS_ADDRESS,
    "a D-Bus session bus is needed to find the open app: run under dbus-run-session (scripts/test.sh does)",
  );
  await (await shown("nav-home")).click();
  const second = spawn(app, [], {
    env: { ...process.env, OFFERWRIGHT_DATA_DIR: dataDir, OFFERWRIGHT_DIALOG_DIR: dialogDir },
    stdio: "ignore",
  });
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill("SIGKILL");
      reject(new Error("the second start did not exit: it opened a second window"));
    }, 20000);
    second.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0);
  const notice = await shown("second-start");
  assert.match(await notice.getText(), /Offerwright is already open/);
  await screenshot("11-second-start");
});
