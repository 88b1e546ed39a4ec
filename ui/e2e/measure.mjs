// Measures the app as a user meets it, under Xvfb:
// - start-up: from launching the binary to the first screen drawn (the UI
//   reports it through the `ui_ready` command), median of 5 launches after
//   a first run has created the store;
// - memory: PSS summed over the app and its WebKit processes after opening
//   the demo offer.
// Usage (from the repository root):
//   OFFERWRIGHT_APP=target/release/offerwright-app TAURI_DRIVER=~/.cargo/bin/tauri-driver \
//     xvfb-run -a -s "-screen 0 1280x800x24" node ui/e2e/measure.mjs

import { spawn, execSync } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { startApp } from "./session.mjs";

const app = process.env.OFFERWRIGHT_APP ?? "target/release/offerwright-app";
const driver = process.env.TAURI_DRIVER ?? "tauri-driver";
const dataDir = mkdtempSync(path.join(tmpdir(), "offerwright-measure-"));

function pids(pattern) {
  try {
    return execSync(`pgrep -f '${pattern}'`, { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

async function gone() {
  for (let i = 0; i < 150 && pids("[W]ebKitWebProcess|[W]ebKitNetworkProcess|[o]fferwright-app").length; i++) {
    await sleep(100);
  }
}

function launchOnce() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(path.resolve(app), [], {
      env: { ...process.env, OFFERWRIGHT_DATA_DIR: dataDir, OFFERWRIGHT_TIMING: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("no first screen within 30 s"));
    }, 30000);
    child.stderr.on("data", (chunk) => {
      if (String(chunk).includes("first screen drawn")) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill("SIGTERM");
        resolve(ms);
      }
    });
  });
}

function parentOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8")
      .replace(/^.*\) /s, "")
      .split(" ")[1];
  } catch {
    return "";
  }
}

function pssKb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const times = [];
await launchOnce(); // the first run creates the store and the demo
await gone();
for (let i = 0; i < 5; i++) {
  times.push(await launchOnce());
  await gone();
}
times.sort((a, b) => a - b);
console.log(
  `start-up to first screen: median ${times[2].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")})`,
);

const { browser, stop } = await startApp({ app: path.resolve(app), driver, dataDir, dialogDir: dataDir });
const row = await browser.$('[data-testid^="offer-row-"]');
await row.waitForDisplayed({ timeout: 15000 });
await row.click();
await (await browser.$('[data-testid="score-panel"]')).waitForDisplayed({ timeout: 15000 });
await sleep(2000);
// The app's own processes only (not a build that names it on its command
// line): the binary itself, and the WebKit processes it started.
const binary = realpathSync(path.resolve(app));
const exe = (pid) => {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return "";
  }
};
const appPids = pids("[o]fferwright-app").filter((pid) => exe(pid) === binary);
const children = appPids.flatMap((pid) => pids(".").filter((c) => parentOf(c) === pid));
const parts = {
  app: appPids,
  web: children.filter((pid) => exe(pid).endsWith("WebKitWebProcess")),
  network: children.filter((pid) => exe(pid).endsWith("WebKitNetworkProcess")),
};
const seen = new Set();
let total = 0;
const lines = [];
for (const [name, list] of Object.entries(parts)) {
  let kb = 0;
  for (const pid of list) {
    if (seen.has(pid)) continue;
    seen.add(pid);
    kb += pssKb(pid);
  }
  total += kb;
  lines.push(`${name} ${(kb / 1024).toFixed(0)} MB`);
}
console.log(`memory after opening the demo offer: PSS ${(total / 1024).toFixed(0)} MB (${lines.join(", ")})`);
await stop();
