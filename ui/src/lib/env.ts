// How the UI is running: inside the desktop app, or in a browser preview
// with the fake backend (`?fake=1`, only when the Tauri IPC is absent).

export const env = {
  /** The fake backend is in use (a browser preview). */
  preview: false,
  /** No backend at all: opened in a browser without `?fake=1`. */
  noBackend: false,
};

/** Whether the real Tauri IPC is present. */
export function hasTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}
