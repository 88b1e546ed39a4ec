// The offer editor's in-memory document. Every edit changes it at once
// (the word count, the table and the self-score read it) and schedules a
// save of just what changed: one answer, one commitment, or the bidder.

import { SvelteSet } from "svelte/reactivity";

import { autosave, NotSaved } from "./autosave.svelte";
import type { Bidder } from "./bindings/Bidder";
import type { Commitment } from "./bindings/Commitment";
import type { OfferDocument } from "./bindings/OfferDocument";
import type { OfferView } from "./bindings/OfferView";
import { readDecimal } from "./decimal";
import { api } from "./ipc";

export type Tab = "delivery" | "answers" | "commitments" | "evidence" | "export";

/** The text fields of a commitment. */
export const TEXT_FIELDS = [
  "what",
  "unit",
  "where",
  "beneficiaries",
  "how",
  "owner",
  "kpi",
  "reporting",
  "evidence",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type DecimalField = "quantity" | "baseline";

/** Every field of a commitment a user can change, as docs/formats.md names them. */
export type CommitmentField = Exclude<keyof Commitment, "id">;

/** What each field is called on screen. */
export const FIELD_LABELS: Record<CommitmentField, string> = {
  hot_topic: "Hot topic",
  measure: "Measure",
  what: "What you will do",
  quantity: "How many",
  unit: "Unit",
  by: "By when",
  where: "Where",
  beneficiaries: "Who benefits",
  how: "How you will deliver it",
  owner: "Who is responsible",
  kpi: "KPI",
  reporting: "How often you report",
  evidence: "Evidence",
  baseline: "Baseline",
  additional: "Additional",
};

/** Whether a string is a real calendar date, "2027-06-30" (not "2027-02-30"). */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Text as the files allow it: pasted page and line breaks (vertical tab, form
 * feed, U+2028/9) become new lines, and other invisible control characters,
 * which the backend refuses, are dropped.
 */
export function cleanText(text: string): string {
  // Control characters are what these patterns look for.
  /* eslint-disable no-control-regex */
  return text.replace(/[\u000b\u000c\u2028\u2029]/g, "\n").replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, "");
  /* eslint-enable no-control-regex */
}

/** The first free commitment id: c1, c2, ... */
export function nextCommitmentId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`c${n}`)) return `c${n}`;
}

function text(value: string | null | undefined): string | null {
  return value == null || value.trim() === "" ? null : cleanText(value);
}

/** A commitment as the backend takes it: blank optional texts left out. */
export function cleanCommitment(c: Commitment): Commitment {
  return {
    id: c.id,
    hot_topic: c.hot_topic ?? null,
    measure: c.measure ?? null,
    what: cleanText(c.what),
    quantity: c.quantity ?? null,
    unit: text(c.unit),
    by: c.by ?? null,
    where: text(c.where),
    beneficiaries: text(c.beneficiaries),
    how: text(c.how),
    owner: text(c.owner),
    kpi: text(c.kpi),
    reporting: text(c.reporting),
    evidence: text(c.evidence),
    baseline: c.baseline ?? null,
    additional: c.additional ?? false,
  };
}

export function cleanBidder(b: Bidder): Bidder {
  return {
    name: cleanText(b.name.trim()),
    kind: b.kind ?? null,
    employees: b.employees ?? null,
    location: text(b.location)?.trim() ?? null,
  };
}

/**
 * The document as the scorer takes it: what is typed so far, less what the
 * backend could not read yet (a commitment with no "what", a blank name).
 */
export function scorable(doc: OfferDocument): OfferDocument {
  return {
    plan: doc.plan,
    tender: doc.tender,
    offer: {
      bidder: { ...cleanBidder(doc.offer.bidder), name: doc.offer.bidder.name.trim() || "Unnamed bidder" },
      answers: doc.offer.answers.map((a) => ({ question: a.question, text: cleanText(a.text) })),
      commitments: doc.offer.commitments.filter((c) => c.what.trim() !== "").map(cleanCommitment),
    },
  };
}

export class OfferState {
  readonly id: number;
  readonly tenderId: number;
  doc: OfferDocument = $state() as OfferDocument;
  updatedAt = $state("");
  /** The day the offer was marked as won: it is then kept as submitted. */
  awardedOn = $state<string | null>(null);

  /** Fields whose typed value cannot be saved yet, by "c2.quantity": the reason. */
  invalid = $state<Record<string, string>>({});

  /** Which tab is open. */
  tab = $state<Tab>("answers");
  /** Which commitment rows are open to the full form. */
  expanded = new SvelteSet<string>();

  /** Commitments the backend holds (the others wait for a "what"). */
  #stored = new Set<string>();
  #listeners = new Set<() => void>();

  constructor(view: OfferView) {
    this.id = view.id;
    this.tenderId = view.tender_id;
    this.doc = view.document;
    this.updatedAt = view.updated_at;
    this.awardedOn = view.awarded_on;
    if (view.awarded_on) this.tab = "delivery";
    for (const c of view.document.offer.commitments) this.#stored.add(c.id);
  }

  /** Whether the offer is kept as submitted: every edit is then ignored, never sent. */
  get locked(): boolean {
    return this.awardedOn !== null;
  }

  get plan() {
    return this.doc.plan;
  }

  get tender() {
    return this.doc.tender;
  }

  get offer() {
    return this.doc.offer;
  }

  /** Calls `fn` after every change of the document; returns the unsubscribe. */
  onChange(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #changed(): void {
    for (const fn of this.#listeners) fn();
  }

  // Answers

  answerText(question: string): string {
    return this.doc.offer.answers.find((a) => a.question === question)?.text ?? "";
  }

  #answerKey(question: string): string {
    return `answer:${this.id}:${question}`;
  }

  setAnswer(question: string, value: string): void {
    if (this.locked) return;
    const answer = this.doc.offer.answers.find((a) => a.question === question);
    if (answer) answer.text = value;
    else this.doc.offer.answers.push({ question, text: value });
    autosave.schedule(this.#answerKey(question), () =>
      api.setAnswer(this.id, question, cleanText(this.answerText(question))),
    );
    this.#changed();
  }

  flushAnswer(question: string): Promise<void> {
    return autosave.flushKey(this.#answerKey(question));
  }

  // Commitments

  commitment(id: string): Commitment | undefined {
    return this.doc.offer.commitments.find((c) => c.id === id);
  }

  #commitmentKey(id: string): string {
    return `commitment:${this.id}:${id}`;
  }

  /** The reason a commitment cannot be saved yet, if any. */
  problem(id: string): string | null {
    const c = this.commitment(id);
    if (!c) return null;
    for (const [key, message] of Object.entries(this.invalid)) {
      if (key.startsWith(`${id}.`)) return message;
    }
    if (c.what.trim() === "") return `commitment ${id} needs “What you will do” before it can be saved.`;
    return null;
  }

  #saveCommitment(id: string): void {
    autosave.schedule(this.#commitmentKey(id), async () => {
      const c = this.commitment(id);
      if (!c) return;
      const problem = this.problem(id);
      if (problem) throw new NotSaved(problem);
      await api.putCommitment(this.id, cleanCommitment($state.snapshot(c) as Commitment));
      this.#stored.add(id);
    });
    this.#changed();
  }

  flushCommitment(id: string): Promise<void> {
    return autosave.flushKey(this.#commitmentKey(id));
  }

  setText(id: string, field: TextField, value: string): void {
    if (this.locked) return;
    const c = this.commitment(id);
    if (!c) return;
    if (field === "what") c.what = value;
    else c[field] = value;
    this.#saveCommitment(id);
  }

  setDecimal(id: string, field: DecimalField, typed: string): void {
    if (this.locked) return;
    const c = this.commitment(id);
    if (!c) return;
    const read = readDecimal(typed);
    const key = `${id}.${field}`;
    if (read.error) {
      this.invalid[key] = `${FIELD_LABELS[field]} of ${id}: ${read.error}`;
    } else {
      delete this.invalid[key];
      c[field] = read.value;
    }
    this.#saveCommitment(id);
  }

  setDate(id: string, value: string): void {
    if (this.locked) return;
    const c = this.commitment(id);
    if (!c) return;
    const key = `${id}.by`;
    if (value !== "" && !isDate(value)) {
      this.invalid[key] = `By when of ${id}: write the whole date: day, month and year.`;
    } else {
      delete this.invalid[key];
      c.by = value === "" ? null : value;
    }
    this.#saveCommitment(id);
  }

  setChoice(id: string, field: "hot_topic" | "measure", value: string | null): void {
    if (this.locked) return;
    const c = this.commitment(id);
    if (!c) return;
    c[field] = value;
    this.#saveCommitment(id);
  }

  setAdditional(id: string, value: boolean): void {
    if (this.locked) return;
    const c = this.commitment(id);
    if (!c) return;
    c.additional = value;
    this.#saveCommitment(id);
  }

  /** Adds commitments made by the core (discovery's drafts, ids included) and saves each. */
  adoptCommitments(list: Commitment[]): void {
    if (this.locked) return;
    for (const c of list) {
      if (this.commitment(c.id)) continue;
      this.doc.offer.commitments.push(c);
      this.#saveCommitment(c.id);
    }
    this.#changed();
  }

  /** Adds an empty commitment (saved once it says what it is); returns its id. */
  addCommitment(hotTopic: string | null = null): string | null {
    if (this.locked) return null;
    const id = nextCommitmentId(this.doc.offer.commitments.map((c) => c.id));
    const topic = this.doc.plan.hot_topics.find((h) => h.id === hotTopic);
    this.doc.offer.commitments.push({
      id,
      hot_topic: hotTopic,
      measure: topic?.measures?.[0] ?? null,
      what: "",
      quantity: null,
      unit: null,
      by: null,
      where: null,
      beneficiaries: null,
      how: null,
      owner: null,
      kpi: null,
      reporting: null,
      evidence: null,
      baseline: null,
      additional: true,
    });
    this.expanded.add(id);
    this.#changed();
    return id;
  }

  removeCommitment(id: string): Promise<void> {
    if (this.locked) return Promise.resolve();
    const key = this.#commitmentKey(id);
    this.doc.offer.commitments = this.doc.offer.commitments.filter((c) => c.id !== id);
    for (const k of Object.keys(this.invalid)) if (k.startsWith(`${id}.`)) delete this.invalid[k];
    this.expanded.delete(id);
    this.#changed();
    if (!this.#stored.has(id)) {
      autosave.cancel(key);
      return Promise.resolve();
    }
    this.#stored.delete(id);
    return autosave.now(key, () => api.removeCommitment(this.id, id));
  }

  // Bidder

  #bidderKey(): string {
    return `bidder:${this.id}`;
  }

  setBidder(change: Partial<Bidder>): void {
    if (this.locked) return;
    Object.assign(this.doc.offer.bidder, change);
    autosave.schedule(this.#bidderKey(), () => {
      const b = $state.snapshot(this.doc.offer.bidder) as Bidder;
      if (b.name.trim() === "")
        throw new NotSaved("your organisation’s name is needed: it goes on the cover of the offer.");
      return api.setBidder(this.id, cleanBidder(b));
    });
    this.#changed();
  }

  flushBidder(): Promise<void> {
    return autosave.flushKey(this.#bidderKey());
  }
}
