// How the UI is running: inside the desktop app, or in a browser preview on
// the test server (`?server=URL`, only when the Tauri IPC is absent).

export const env = {
  /** The test server is in use (a browser preview on a throwaway store). */
  preview: false,
  /** No backend at all: opened in a browser without `?server=URL`. */
  noBackend: false,
};

/** Whether the real Tauri IPC is present. */
export function hasTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}
