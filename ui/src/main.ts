import "./app.css";

import { mount } from "svelte";

import App from "./App.svelte";
import { env, hasTauri } from "./lib/env";
import { closeRequested } from "./lib/closing.svelte";
import { api, onCloseRequested, onSecondStart, useBackend } from "./lib/ipc";
import { showSecondStart } from "./lib/notices.svelte";

async function start(): Promise<void> {
  if (!hasTauri()) {
    // A browser preview on the test server's real core (a store of its
    // own in a temporary folder): only with `?server=URL`, never inside
    // the desktop app.
    const server = new URLSearchParams(location.search).get("server");
    if (server) {
      const { ServerBackend } = await import("./lib/http-backend");
      useBackend(await ServerBackend.open(server));
      env.preview = true;
    } else {
      env.noBackend = true;
    }
  }
  const target = document.getElementById("app");
  if (target) mount(App, { target });
  if (hasTauri()) {
    void onCloseRequested(() => void closeRequested());
    void onSecondStart(showSecondStart);
    // The first screen is drawn after the next two frames.
    requestAnimationFrame(() => requestAnimationFrame(() => void api.uiReady().catch(() => {})));
  }
}

void start();
