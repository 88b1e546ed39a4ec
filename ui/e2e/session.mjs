// Starts the real app under tauri-driver (which drives WebKitWebDriver) and
// opens a WebDriver session on it. The caller runs this under Xvfb.

import assert from "node:assert/strict";
import { execFileSync, execSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import net from "node:net";
import { remote } from "webdriverio";

const PORT = 4444;
// The port of WebKitWebDriver, which tauri-driver starts and forwards to.
const NATIVE_PORT = 4445;

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(check, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The app's processes still running: [pid, name] of each. */
export function appProcesses() {
  // Process names are cut to 15 characters by the kernel.
  // WebKitWebDriver too: a new session cannot start while the last one's
  // driver still holds its port.
  const names = new Set(["offerwright-app", "WebKitWebProces", "WebKitNetworkPr", "WebKitWebDriver"]);
  return execSync("ps -eo pid=,comm=", { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/, 2))
    .filter(([, name]) => names.has(name));
}

/** WebKit's helper processes outlive the driver for a few seconds. */
async function webkitGone() {
  await waitFor(() => appProcesses().length === 0, "the app and WebKit processes to exit", 15000).catch((e) => {
    throw new Error(`${e.message}; still running: ${JSON.stringify(appProcesses())}`);
  });
}

/**
 * Starts the app on the data directory `dataDir`, with save dialogs answered
 * in `dialogDir`, open dialogs with `openFile` and folder dialogs with
 * `openFolder`. Returns { browser, stop }.
 */
export async function startApp({ app, driver, dataDir, dialogDir, openFile, openFolder }) {
  for (const port of [PORT, NATIVE_PORT]) {
    if (await portOpen(port)) throw new Error(`port ${port} is already in use`);
  }
  const env = {
    ...process.env,
    OFFERWRIGHT_DATA_DIR: dataDir,
    OFFERWRIGHT_DIALOG_DIR: dialogDir,
    ...(openFile ? { OFFERWRIGHT_DIALOG_OPEN: openFile } : {}),
    ...(openFolder ? { OFFERWRIGHT_DIALOG_FOLDER: openFolder } : {}),
  };
  const child = spawn(driver, ["--port", String(PORT), "--native-port", String(NATIVE_PORT)], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  let browser;
  async function stop() {
    try {
      await browser?.deleteSession();
    } catch {
      // The session may already be gone with the app.
    }
    child.kill("SIGTERM");
    await waitFor(async () => !(await portOpen(PORT)), "tauri-driver to stop", 10000);
    await webkitGone();
  }
  try {
    // tauri-driver listens at once, but forwards the new session to
    // WebKitWebDriver, which it starts without waiting for it to listen:
    // on a busy machine the session was refused ("Connection refused").
    await waitFor(() => portOpen(PORT), "tauri-driver to listen");
    await waitFor(() => portOpen(NATIVE_PORT), "WebKitWebDriver to listen");
    browser = await remote({
      hostname: "127.0.0.1",
      port: PORT,
      logLevel: "error",
      connectionRetryCount: 0,
      capabilities: { "tauri:options": { application: app } },
    });
  } catch (e) {
    // Stop the drivers, or they keep the test process (and port) alive.
    await stop().catch(() => {});
    throw e;
  }
  return { browser, stop };
}

/**
 * Saves a PNG of the X display, the app as a person sees it, once the page
 * has drawn its next frame. It is read from the X server (ImageMagick's
 * `import`), not taken with WebDriver's screenshot command: that one has
 * the web process paint a snapshot of the page again, and it hung at times
 * (120 s timeouts) when the app drew without GPU compositing.
 */
export async function screenshot(browser, file) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  execFileSync("import", ["-window", "root", file], { stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * Waits until the element is displayed, then scrolls it to the middle of the
 * window, as a person brings into view what they are about to use.
 * WebKitWebDriver scrolls a target that is out of view only until its edge
 * shows: one above the view then sits under the app's sticky top bar, and
 * the click lands on the bar ("element click intercepted"). WebdriverIO's
 * fallback scrolls with a wheel action, which WebKit may apply only after
 * the click has been tried again.
 */
export async function reveal(browser, el, timeout = 15000) {
  await el.waitForDisplayed({ timeout });
  await browser.execute((node) => node.scrollIntoView({ block: "center", inline: "nearest" }), el);
  return el;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the screen; fails on any serious or critical violation. */
export async function audit(browser, screen) {
  await browser.execute(axeSource);
  const result = await browser.executeAsync((done) => {
    // eslint-disable-next-line no-undef
    axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) =>
        done(
          JSON.stringify(
            r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
            })),
          ),
        ),
      )
      .catch((e) => done(JSON.stringify([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }])));
  });
  const violations = JSON.parse(result).filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(violations, [], `accessibility violations on ${screen}`);
}
