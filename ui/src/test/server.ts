// Starts the test server (testkit's `ui-server`) once for the whole test
// run, so that every component test calls the real core. The binary is
// $OFFERWRIGHT_UI_SERVER when scripts/test.sh has built it, else built here
// with cargo.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let server: ChildProcess | undefined;

function binary(): string {
  const given = process.env.OFFERWRIGHT_UI_SERVER;
  if (given) return given;
  const out = execFileSync(
    "cargo",
    ["build", "--quiet", "-p", "offerwright-testkit", "--bin", "ui-server", "--message-format=json"],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  for (const line of out.split("\n")) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    if (m.reason === "compiler-artifact" && m.target?.name === "ui-server" && m.executable) return m.executable;
  }
  throw new Error("cargo did not name the ui-server it built");
}

export default async function setup(project: TestProject): Promise<() => void> {
  server = spawn(binary(), ["0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    server!.once("exit", (code) => reject(new Error(`the test server exited (${code})`)));
    server!.once("error", (e) => reject(new Error(`the test server could not start: ${e.message}`)));
    server!.stdout!.on("data", (chunk: Buffer) => {
      const found = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (found) resolve(found[1]);
    });
  });
  project.provide("uiServer", url);
  return () => server?.kill();
}

declare module "vitest" {
  export interface ProvidedContext {
    uiServer: string;
  }
}
