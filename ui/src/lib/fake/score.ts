// A small stand-in for the core's self-score (SCORING.md, model version 1),
// for the fake backend only: previews and component tests. The real score
// comes from the Rust core through `score_document`. Figures here use
// floating point, which is good enough for a fake and never shipped.

import type { BandSource } from "../bindings/BandSource";
import type { Check } from "../bindings/Check";
import type { Commitment } from "../bindings/Commitment";
import type { Field } from "../bindings/Field";
import type { Fix } from "../bindings/Fix";
import type { Flag } from "../bindings/Flag";
import type { OfferDocument } from "../bindings/OfferDocument";
import type { Report } from "../bindings/Report";
import { countWords } from "../words";

const PLACEHOLDERS = ["tbc", "tbd", "n/a", "na", "-", "?", "todo"];
const HEDGES = [
  "where possible",
  "where appropriate",
  "as appropriate",
  "if feasible",
  "aim to",
  "aims to",
  "endeavour",
  "seek to",
  "strive to",
  "hope to",
  "look to",
  "try to",
];
const WORDS = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"];
const CHECKS = [
  ["measurable", "M"],
  ["time_bound", "T"],
  ["local", "L"],
  ["owned", "O"],
  ["monitored", "K"],
  ["evidenced", "E"],
  ["additional", "A"],
] as const;

type CheckName = Check & (typeof CHECKS)[number][0];

export const DISCLAIMER =
  "This self-score is an aid to help you improve your offer, not a promise of marks: the buyer's evaluators decide the marks.";

function given(t: string | null | undefined): string | null {
  if (t == null) return null;
  const trimmed = t.trim();
  const core = trimmed.replace(/\.+$/, "").trim().toLowerCase();
  return trimmed === "" || PLACEHOLDERS.includes(core) ? null : trimmed;
}

function hedgesIn(text: string): { phrase: string; written: string; offset: number }[] {
  const out: { phrase: string; written: string; offset: number }[] = [];
  for (const phrase of HEDGES) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.split(" ").join("\\s+")}(?![\\p{L}\\p{N}])`, "giu");
    for (const m of text.matchAll(re)) out.push({ phrase, written: m[0], offset: m.index ?? 0 });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${year}-${p(month)}-${p(Math.min(d, last))}`;
}

const one = (x: number) => (Math.round(Math.abs(x) * 10 + 1e-9) / 10) * Math.sign(x || 1);
const fmt1 = (x: number) => one(x).toFixed(1);

function normalise(word: string): string {
  const w = word.toLowerCase();
  return w.endsWith("s") ? w.slice(0, -1) : w;
}

function letterWords(text: string): string[] {
  return text.match(/\p{L}+/gu) ?? [];
}

/** Scores a document the way SCORING.md describes, roughly. */
export function fakeScore(doc: OfferDocument): Report {
  const { plan, tender, offer } = doc;
  const W = Number(tender.social_value_weighting);
  const start = tender.contract_start ?? tender.deadline;
  const end = addMonths(start, tender.duration_months);
  const contract = Number(tender.contract_value);
  const measures = new Map((plan.measures ?? []).map((m) => [m.id, m]));
  const topics = new Map(plan.hot_topics.map((h) => [h.id, h]));
  const local = [plan.local_area, ...(plan.local_places ?? [])].filter((x): x is string => !!x);
  const sumW = plan.hot_topics.reduce((s, h) => s + Number(h.weight), 0);

  const commitments = offer.commitments.map((c: Commitment) => {
    const measure = c.measure ? measures.get(c.measure) : undefined;
    const topic = c.hot_topic ? topics.get(c.hot_topic) : undefined;
    const qty = c.quantity != null ? Number(c.quantity) : NaN;
    const unit = given(c.unit) ?? measure?.unit ?? null;
    const pass: Record<CheckName, [boolean, string, Field]> = {
      measurable: [qty > 0 && unit !== null, qty > 0 ? (unit ? `${c.quantity} ${unit}` : "no unit") : "no quantity", qty > 0 ? "unit" : "quantity"],
      time_bound: [
        !!c.by && c.by >= start && c.by <= end,
        c.by ? (c.by >= start && c.by <= end ? `by ${c.by}, inside the contract` : `${c.by} is outside the contract (${start} to ${end})`) : "no date",
        "by",
      ],
      local: [
        !topic?.place_based ||
          (given(c.where) !== null &&
            (local.length === 0 || local.some((p) => c.where!.toLowerCase().includes(p.toLowerCase())))),
        topic?.place_based ? (given(c.where) ? `where: ${c.where}` : "does not say where") : "the hot topic is not place-based",
        "where",
      ],
      owned: [given(c.owner) !== null, given(c.owner) ? `owner: ${c.owner}` : "no owner", "owner"],
      monitored: [
        given(c.kpi) !== null && given(c.reporting) !== null,
        given(c.kpi) ? (given(c.reporting) ? "a KPI, reported" : "no reporting frequency") : "no KPI",
        given(c.kpi) ? "reporting" : "kpi",
      ],
      evidenced: [given(c.evidence) !== null, given(c.evidence) ? "evidence given" : "no evidence", "evidence"],
      additional: [
        !!c.additional &&
          (c.baseline == null || qty > (Number(c.baseline) * tender.duration_months) / 12),
        c.additional ? (c.baseline == null ? "additional" : "compared with the baseline") : "not marked additional",
        c.additional ? "baseline" : "additional",
      ],
    };
    const checks = CHECKS.map(([check]) => ({
      check,
      passed: pass[check][0],
      reason: pass[check][1],
      field: pass[check][2],
    }));
    const passed = checks.filter((k) => k.passed).length;
    const hedges = [
      ...hedgesIn(c.what).map((h) => ({ ...h, field: "what" as Field })),
      ...hedgesIn(c.how ?? "").map((h) => ({ ...h, field: "how" as Field })),
    ];
    const hedged = hedges.length > 0;
    const value = measure?.proxy_value && qty > 0 ? qty * Number(measure.proxy_value) : null;
    const credible = value === null || value <= contract / 2;
    const bandOf = (p: Record<CheckName, boolean>) => {
      const n = Object.values(p).filter(Boolean).length;
      if (n === 7 && !hedged) return 5;
      if (n >= 6 && p.measurable && p.time_bound && !hedged) return 4;
      if (p.measurable && p.time_bound && n >= 4) return 3;
      if (p.measurable || p.time_bound) return 2;
      return 1;
    };
    const flags = Object.fromEntries(checks.map((k) => [k.check, k.passed])) as Record<CheckName, boolean>;
    const band = topic && credible ? bandOf(flags) : null;
    const innovation =
      !c.hot_topic && credible && flags.measurable && flags.time_bound && flags.owned && flags.monitored;
    return {
      id: c.id,
      hot_topic: topic ? topic.id : null,
      checks,
      passed,
      hedges: hedges.map((h) => ({
        phrase: h.phrase,
        written: h.written,
        place: { in: "commitment" as const, id: c.id, field: h.field },
        offset: h.offset,
        excerpt: h.written,
        counts_for_band: true,
      })),
      hedged,
      value: value === null ? null : value.toFixed(2),
      credible,
      band,
      band_reason: band === null ? (topic ? "not credible" : "no hot topic") : `${passed} of 7 checks pass${hedged ? ", hedged" : ""}`,
      innovation,
      // For fixes: the band if one more check passed.
      _bandIf: (check: CheckName) => (topic && credible ? bandOf({ ...flags, [check]: true }) : null),
      _bandUnhedged: () => {
        if (!topic || !credible) return null;
        const n = passed;
        if (n === 7) return 5;
        if (n >= 6 && flags.measurable && flags.time_bound) return 4;
        return band;
      },
    };
  });

  const answerWords = new Set(
    offer.answers.flatMap((a) => letterWords(a.text)).map(normalise),
  );

  const hot_topics = plan.hot_topics.map((h) => {
    const share = sumW > 0 ? Number(h.weight) / sumW : 0;
    const linked = commitments.filter((c) => c.hot_topic === h.id);
    const credible = linked.filter((c) => c.band !== null);
    const titleWords = [...new Set(letterWords(h.title).filter((w) => [...w].length >= 4).map(normalise))];
    const found = titleWords.filter((w) => answerWords.has(w));
    const needed = Math.ceil(titleWords.length / 2);
    const mentioned = titleWords.length > 0 && found.length >= needed;
    let band = 0;
    let source: BandSource = "nothing";
    let set_by: string | null = null;
    if (credible.length > 0) {
      const best = [...credible].sort((a, b) => (b.band! - a.band!) || (b.passed - a.passed))[0];
      band = best.band!;
      set_by = best.id;
      source = "commitment";
    } else if (linked.length > 0) {
      band = 1;
      source = "only_not_credible";
    } else if (mentioned) {
      band = 1;
      source = "mentioned";
    }
    const reason =
      source === "commitment"
        ? `Set by ${set_by}: ${credible.find((c) => c.id === set_by)?.band_reason}.`
        : source === "mentioned"
          ? "Mentioned in your answers, with no commitment."
          : source === "only_not_credible"
            ? "Its only commitments are out of proportion to the contract."
            : "No commitment and no mention.";
    return {
      id: h.id,
      title: h.title,
      theme: h.theme,
      weight: h.weight,
      share: share.toFixed(4),
      band,
      band_word: WORDS[band],
      source,
      set_by,
      reason,
      mentioned,
      mention: { words: titleWords, found, needed },
      commitments: linked.map((c) => c.id),
      marks: ((share * band) / 5 * W).toFixed(4),
      max_marks: (share * W).toFixed(4),
      _share: share,
    };
  });

  const innovators = commitments.filter((c) => c.innovation).map((c) => c.id);
  const credit = Math.min(0.02 * innovators.length, 0.1);
  const hotScore = hot_topics.reduce((s, h) => s + (h._share * h.band) / 5, 0);
  const S = Math.min(1, hotScore + credit);
  const marks = S * W;

  const answers = tender.questions.map((q) => {
    const text = offer.answers.find((a) => a.question === q.id)?.text ?? "";
    const words = countWords(text);
    const chars = [...text].length;
    const errors: string[] = [];
    if (given(text) === null) errors.push("Not answered yet: a question left unanswered usually scores 0");
    if (q.word_limit != null && words > q.word_limit)
      errors.push(`${words} words, ${words - q.word_limit} over the ${q.word_limit} limit: evaluators may stop reading at the limit`);
    if (q.char_limit != null && chars > q.char_limit)
      errors.push(`${chars} characters, ${chars - q.char_limit} over the ${q.char_limit}-character limit: the portal may cut your answer off`);
    return {
      question: q.id,
      answered: given(text) !== null,
      words,
      word_limit: q.word_limit ?? null,
      words_over: q.word_limit != null ? Math.max(0, words - q.word_limit) : 0,
      chars,
      char_limit: q.char_limit ?? null,
      chars_over: q.char_limit != null ? Math.max(0, chars - q.char_limit) : 0,
      errors,
      hedges: hedgesIn(text).map((h) => ({
        phrase: h.phrase,
        written: h.written,
        place: { in: "answer" as const, question: q.id },
        offset: h.offset,
        excerpt: h.written,
        counts_for_band: true,
      })),
    };
  });

  const fixes: Fix[] = [];
  const fix = (f: Omit<Fix, "action">): Fix => ({ ...f, action: f.text.replace(/: (up to )?\+[\d.]+ marks$/, "") });
  for (const a of answers) {
    if (!a.answered)
      fixes.push(fix({ kind: "unanswered", check: null, text: `Answer question ${a.question}: it is not answered yet`, gain: "0", target: { to: "answer", question: a.question, offset: null } }));
    if (a.words_over > 0)
      fixes.push(fix({ kind: "over_word_limit", check: null, text: `Cut ${a.words_over} words from ${a.question}: it is over the ${a.word_limit}-word limit`, gain: "0", target: { to: "answer", question: a.question, offset: null } }));
    if (a.chars_over > 0)
      fixes.push(fix({ kind: "over_char_limit", check: null, text: `Cut ${a.chars_over} characters from ${a.question}`, gain: "0", target: { to: "answer", question: a.question, offset: null } }));
  }
  const WHAT: Record<CheckName, string> = {
    measurable: "Say how many",
    time_bound: "Give a date inside the contract",
    local: "Say where, naming a local place,",
    owned: "Add who is responsible",
    monitored: "Add a KPI and how often it is reported",
    evidenced: "Add evidence you can deliver it",
    additional: "Show it goes beyond business as usual",
  };
  const gained: Fix[] = [];
  for (const h of hot_topics) {
    const setter = commitments.find((c) => c.id === h.set_by);
    if (h.commitments.length === 0) {
      const gain = ((h._share * 3) / 5) * W;
      gained.push(fix({ kind: "missing_hot_topic", check: null, text: `Add a commitment for “${h.title}”: up to +${fmt1(gain)} marks`, gain: gain.toFixed(4), target: { to: "hot_topic", id: h.id } }));
      continue;
    }
    if (!setter) continue;
    for (const k of setter.checks) {
      if (k.passed) continue;
      const nb = setter._bandIf(k.check) ?? h.band;
      const gain = ((h._share * (nb - h.band)) / 5) * W;
      gained.push(fix({ kind: "failing_check", check: k.check, text: `${WHAT[k.check]} for ${setter.id}: +${fmt1(gain)} marks`, gain: gain.toFixed(4), target: { to: "commitment", id: setter.id, field: k.field } }));
    }
    if (setter.hedged) {
      const nb = setter._bandUnhedged() ?? h.band;
      const gain = ((h._share * (nb - h.band)) / 5) * W;
      const first = setter.hedges[0];
      gained.push(fix({ kind: "hedged_commitment", check: null, text: `Make ${setter.id} a firm promise: drop “${first.written}”: +${fmt1(gain)} marks`, gain: gain.toFixed(4), target: { to: "commitment", id: setter.id, field: first.place.field } }));
    }
  }
  gained.sort((a, b) => Number(b.gain) - Number(a.gain));
  fixes.push(...gained);
  for (const a of answers)
    for (const hd of a.hedges)
      fixes.push(fix({ kind: "hedged_answer", check: null, text: `“${hd.written}” in ${a.question} sounds like a hope, not a promise`, gain: "0", target: { to: "answer", question: a.question, offset: hd.offset } }));

  const valued = commitments.filter((c) => c.value !== null);
  const total = valued.reduce((s, c) => s + Number(c.value), 0);
  const flags = commitments
    .filter((c) => !c.credible)
    .map((c): Flag => ({ kind: "not_credible", commitment: c.id, figure: c.value, message: `${c.id} is worth more than half the contract value: check the figure.` }));

  return {
    model_version: 1,
    weighting: tender.social_value_weighting,
    hot_topic_score: hotScore.toFixed(6),
    innovation: { commitments: innovators, each: "0.02", cap: "0.10", credit: credit.toFixed(2), marks: (credit * W).toFixed(4) },
    score: S.toFixed(6),
    capped: hotScore + credit > 1,
    projected_marks: marks.toFixed(6),
    projected_marks_text: `${fmt1(marks)} of ${tender.social_value_weighting}`,
    hot_topics: hot_topics.map(({ _share, ...h }) => h),
    commitments: commitments.map(({ _bandIf, _bandUnhedged, ...c }) => c),
    answers,
    flags,
    fixes,
    social_value: {
      commitments: [],
      themes: [],
      total: valued.length > 0 ? total.toFixed(2) : null,
      not_credible: "0",
      ratio_percent: valued.length > 0 ? ((total / contract) * 100).toFixed(4) : null,
      ratio_text: valued.length > 0 ? `${fmt1((total / contract) * 100)}%` : null,
      sources: [],
    },
    disclaimer: DISCLAIMER,
  };
}
