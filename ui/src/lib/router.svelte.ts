// A small hash router: "#/offer/3", "#/plan/durham-sample/edit"...
// Navigating flushes pending saves first, so nothing typed is lost on the way.

import { autosave } from "./autosave.svelte";

export type Route =
  | { name: "home" }
  | { name: "plan"; id: string; edit: boolean }
  | { name: "plan-new" }
  | { name: "tender"; id: number }
  | { name: "tender-new"; plan: string | null }
  | { name: "offer"; id: number }
  | { name: "settings"; section: string | null }
  | { name: "workshop" }
  | { name: "not-found"; path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path, query = ""] = raw.split("?");
  const params = new URLSearchParams(query);
  const parts = path
    .split("/")
    .filter((p) => p !== "")
    .map(decodeURIComponent);
  if (parts.length === 0) return { name: "home" };
  const [first, second, third] = parts;
  switch (first) {
    case "plan":
      if (second === "new" && parts.length === 2) return { name: "plan-new" };
      if (second && parts.length <= 3 && (third === undefined || third === "edit"))
        return { name: "plan", id: second, edit: third === "edit" };
      break;
    case "tender":
      if (second === "new" && parts.length === 2) return { name: "tender-new", plan: params.get("plan") };
      if (second && /^\d+$/.test(second) && parts.length === 2) return { name: "tender", id: Number(second) };
      break;
    case "offer":
      if (second && /^\d+$/.test(second) && parts.length === 2) return { name: "offer", id: Number(second) };
      break;
    case "workshop":
      if (parts.length === 1) return { name: "workshop" };
      break;
    case "settings":
      if (parts.length <= 2) return { name: "settings", section: second ?? null };
      break;
  }
  return { name: "not-found", path: raw };
}

/** Links for `href`s, so that every link also works with a middle click or Enter. */
export const href = {
  home: () => "#/",
  plan: (id: string) => `#/plan/${encodeURIComponent(id)}`,
  planEdit: (id: string) => `#/plan/${encodeURIComponent(id)}/edit`,
  planNew: () => "#/plan/new",
  tender: (id: number) => `#/tender/${id}`,
  tenderNew: (plan?: string | null) => (plan ? `#/tender/new?plan=${encodeURIComponent(plan)}` : "#/tender/new"),
  offer: (id: number) => `#/offer/${id}`,
  workshop: () => "#/workshop",
  settings: (section?: string) => (section ? `#/settings/${section}` : "#/settings"),
};

class Router {
  route = $state<Route>(parseRoute(typeof location === "undefined" ? "" : location.hash));

  /** Follows the address bar (links, back and forward). */
  sync(): void {
    void autosave.flush();
    this.route = parseRoute(location.hash);
  }
}

export const router = new Router();

let listening = false;

/** Starts following `hashchange` (once). */
export function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("hashchange", () => router.sync());
}

/** Goes to a route after sending every pending save. */
export async function navigate(to: string): Promise<void> {
  await autosave.flush();
  if (location.hash === to) {
    router.route = parseRoute(to);
  } else {
    location.hash = to;
    // jsdom and some webviews fire hashchange late: read it now as well.
    router.route = parseRoute(location.hash);
  }
}

/** Where the user is, for the breadcrumb: plan > tender > offer. */
export interface Crumbs {
  plan: { id: string; title: string } | null;
  tender: { id: number; title: string } | null;
  offer: { id: number; title: string } | null;
  /** A page that is none of those, e.g. "Settings". */
  page: string | null;
}

export const crumbs = $state<Crumbs>({ plan: null, tender: null, offer: null, page: null });

export function setCrumbs(next: Partial<Crumbs>): void {
  crumbs.plan = next.plan ?? null;
  crumbs.tender = next.tender ?? null;
  crumbs.offer = next.offer ?? null;
  crumbs.page = next.page ?? null;
}
