// The plan editor's working copy: lists as one item per line, empty
// optional fields allowed while editing, turned back into a Plan to save.

import type { Plan } from "./bindings/Plan";

export interface ThemeDraft {
  key: number;
  id: string;
  name: string;
  description: string;
  outcomes: string;
  fresh: boolean;
}

export interface HotTopicDraft {
  key: number;
  id: string;
  theme: string;
  title: string;
  description: string;
  weight: string;
  place_based: boolean;
  measures: string[];
  examples: string;
  fresh: boolean;
}

export interface MeasureDraft {
  key: number;
  id: string;
  name: string;
  unit: string;
  proxy_value: string;
  proxy_source: string;
  fresh: boolean;
}

export interface PlanDraft {
  id: string;
  issuer: string;
  title: string;
  published: string;
  local_area: string;
  local_places: string;
  summary: string;
  source_name: string;
  source_licence: string;
  themes: ThemeDraft[];
  hot_topics: HotTopicDraft[];
  measures: MeasureDraft[];
}

let nextKey = 1;

/** A key for `{#each}` blocks, stable while ids are typed. */
export function newKey(): number {
  return nextKey++;
}

const lines = (items: readonly string[] | undefined): string => (items ?? []).join("\n");

function fromLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function opt(text: string): string | null {
  return text.trim() === "" ? null : text.trim();
}

/** "Altogether greener!" -> "altogether-greener". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** A slug from `text` not in `taken` ("local-jobs", "local-jobs-2"...). */
export function freeSlug(text: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const base = slugify(text) || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function draftFromPlan(plan: Plan): PlanDraft {
  return {
    id: plan.id,
    issuer: plan.issuer,
    title: plan.title,
    published: plan.published,
    local_area: plan.local_area ?? "",
    local_places: lines(plan.local_places),
    summary: plan.summary ?? "",
    source_name: plan.source?.name ?? "",
    source_licence: plan.source?.licence ?? "",
    themes: plan.themes.map((t) => ({
      key: newKey(),
      id: t.id,
      name: t.name,
      description: t.description ?? "",
      outcomes: lines(t.outcomes),
      fresh: false,
    })),
    hot_topics: plan.hot_topics.map((h) => ({
      key: newKey(),
      id: h.id,
      theme: h.theme,
      title: h.title,
      description: h.description ?? "",
      weight: h.weight,
      place_based: h.place_based ?? false,
      measures: [...(h.measures ?? [])],
      examples: lines(h.examples),
      fresh: false,
    })),
    measures: (plan.measures ?? []).map((m) => ({
      key: newKey(),
      id: m.id,
      name: m.name,
      unit: m.unit,
      proxy_value: m.proxy_value ?? "",
      proxy_source: m.proxy_source ?? "",
      fresh: false,
    })),
  };
}

export function emptyDraft(): PlanDraft {
  return {
    id: "",
    issuer: "",
    title: "",
    published: today(),
    local_area: "",
    local_places: "",
    summary: "",
    source_name: "",
    source_licence: "",
    themes: [{ key: newKey(), id: "", name: "", description: "", outcomes: "", fresh: true }],
    hot_topics: [],
    measures: [],
  };
}

/**
 * The plan to save. Ids left blank are made from names; everything else is
 * sent as written, so that the backend's message names the field to fix.
 */
export function planFromDraft(d: PlanDraft): Plan {
  const themeIds: string[] = [];
  const themes = d.themes.map((t, i) => {
    const id = t.id.trim() || freeSlug(t.name, themeIds, `theme-${i + 1}`);
    themeIds.push(id);
    t.id = id;
    return { id, name: t.name.trim(), description: opt(t.description), outcomes: fromLines(t.outcomes) };
  });
  const measureIds: string[] = [];
  const measures = d.measures.map((m, i) => {
    const id = m.id.trim() || freeSlug(m.name, measureIds, `measure-${i + 1}`);
    measureIds.push(id);
    m.id = id;
    return {
      id,
      name: m.name.trim(),
      unit: m.unit.trim(),
      proxy_value: opt(m.proxy_value.replace(/[£,\s]/g, "")),
      proxy_source: opt(m.proxy_source),
    };
  });
  const hotIds: string[] = [];
  const hot_topics = d.hot_topics.map((h, i) => {
    const id = h.id.trim() || freeSlug(h.title, hotIds, `hot-topic-${i + 1}`);
    hotIds.push(id);
    h.id = id;
    return {
      id,
      theme: h.theme,
      title: h.title.trim(),
      description: opt(h.description),
      weight: h.weight.trim(),
      place_based: h.place_based,
      measures: h.measures.filter((m) => measureIds.includes(m)),
      examples: fromLines(h.examples),
    };
  });
  const name = d.source_name.trim();
  return {
    id: d.id.trim() || slugify(`${d.issuer} ${d.title}`) || "plan",
    issuer: d.issuer.trim(),
    title: d.title.trim(),
    published: d.published,
    local_area: opt(d.local_area),
    local_places: fromLines(d.local_places),
    summary: opt(d.summary),
    source: name === "" ? null : { name, licence: opt(d.source_licence) },
    themes,
    hot_topics,
    measures,
  };
}
