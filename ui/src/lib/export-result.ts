// What an export says once its save dialog has closed: the file written,
// nothing saved, or why it failed. Shared by every screen that exports.

export type ExportResult = { kind: "ok" | "error" | "info"; text: string };

/** The message for a path written, or `null` when the dialog was closed. */
export function savedTo(path: string | null): ExportResult {
  return path
    ? { kind: "ok", text: `Saved to ${path}` }
    : { kind: "info", text: "Nothing saved: the save dialog was closed." };
}

/** The message for an export that failed. */
export function notExported(e: unknown): ExportResult {
  return { kind: "error", text: `Could not export: ${(e as Error).message}` };
}
