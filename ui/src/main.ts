import "./app.css";

import { mount } from "svelte";

import App from "./App.svelte";
import { env, hasTauri } from "./lib/env";
import { closeRequested } from "./lib/closing.svelte";
import { api, onCloseRequested, onSecondStart, useBackend } from "./lib/ipc";
import { showSecondStart } from "./lib/notices.svelte";

async function start(): Promise<void> {
  if (!hasTauri()) {
    // A browser preview: only with `?fake=1`, never inside the desktop app.
    if (new URLSearchParams(location.search).has("fake")) {
      const { createFakeBackend } = await import("./lib/fake-backend");
      const fake = createFakeBackend();
      fake.latencyMs = 30;
      useBackend(fake);
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
