// What the offer editor shows of the self-score, in the shapes its
// components take, made from the backend's score report.

import type { Report } from "./bindings/Report";
import { parseDec, round, toText } from "./decimal";
import { gbp } from "./format";

/** The self-score of one commitment, for the Checks column of the table. */
export interface RowScore {
  checks: { letter: string; name: string; passed: boolean; reason: string }[];
  band: { number: number; word: string } | null;
  note: string;
}

/** Where a fix takes the user. */
export type FixTarget =
  | { to: "answer"; question: string; offset?: number | null }
  | { to: "commitment"; id: string; field: string }
  | { to: "hot_topic"; id: string };

export interface FixView {
  text: string;
  /** "+1.2 marks", or null for text errors and warnings. */
  gain: string | null;
  target: FixTarget;
  error: boolean;
}

export interface HotTopicView {
  id: string;
  title: string;
  band: number;
  word: string;
  reason: string;
  /** "2.0 of 2.0" */
  marks: string;
}

export interface ScoreView {
  /** "7.4 of 10" */
  marksText: string;
  hotTopics: HotTopicView[];
  innovation: { count: number; marks: string } | null;
  fixes: FixView[];
  commitments: Record<string, RowScore>;
  /** Hedging phrases per question id, as written. */
  hedges: Record<string, string[]>;
  /** Text errors to put right before submitting. */
  blockers: string[];
  /** "£62,400.00 (13.0% of the contract value)", when the plan has proxy values. */
  socialValue: string | null;
  flags: string[];
  disclaimer: string;
}

export const BAND_WORDS = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"];

const CHECK_INFO: Record<string, { letter: string; name: string }> = {
  measurable: { letter: "M", name: "Measurable" },
  time_bound: { letter: "T", name: "Time-bound" },
  local: { letter: "L", name: "Local" },
  owned: { letter: "O", name: "Owned" },
  monitored: { letter: "K", name: "Monitored (KPI)" },
  evidenced: { letter: "E", name: "Evidenced" },
  additional: { letter: "A", name: "Additional" },
};

const TEXT_ERRORS = new Set(["unanswered", "over_word_limit", "over_char_limit"]);

/**
 * What a fix gains, as the core writes it: "+0.6 marks", small gains with two
 * places ("+0.04 marks"); null when it gains nothing (text errors, warnings).
 */
export function gainText(gain: string): string | null {
  const d = parseDec(gain);
  if (!d || d.units <= 0n) return null;
  const one = round(d, 1);
  if (one.units !== 0n) return `+${toText(one)} marks`;
  return `+${toText(round(d, 2))} marks`;
}

/** A decimal to one place, half away from zero: "1.6000" -> "1.6". */
export function onePlace(value: string): string {
  const d = parseDec(value);
  return d ? toText(round(d, 1)) : value;
}

/** The editor's view of a score report. */
export function toScoreView(report: Report, questionNumbers: Record<string, number> = {}): ScoreView {
  const commitments: Record<string, RowScore> = {};
  for (const c of report.commitments) {
    commitments[c.id] = {
      checks: c.checks.map((k) => ({
        letter: CHECK_INFO[k.check]?.letter ?? k.check.slice(0, 1).toUpperCase(),
        name: CHECK_INFO[k.check]?.name ?? k.check,
        passed: k.passed,
        reason: k.reason,
      })),
      band: c.band === null ? null : { number: c.band, word: BAND_WORDS[c.band] ?? "" },
      note: c.innovation ? "Innovation credit" : c.band_reason,
    };
  }
  const hedges: Record<string, string[]> = {};
  const blockers: string[] = [];
  for (const a of report.answers) {
    hedges[a.question] = a.hedges.map((h) => h.written);
    const n = questionNumbers[a.question];
    for (const e of a.errors) blockers.push(`${n ? `Question ${n}` : a.question}: ${e}`);
  }
  const total = report.social_value.total;
  return {
    marksText: report.projected_marks_text,
    hotTopics: report.hot_topics.map((h) => ({
      id: h.id,
      title: h.title,
      band: h.band,
      word: h.band_word || BAND_WORDS[h.band] || "",
      reason: h.reason,
      marks: `${onePlace(h.marks)} of ${onePlace(h.max_marks)}`,
    })),
    innovation:
      report.innovation.commitments.length > 0
        ? { count: report.innovation.commitments.length, marks: `${onePlace(report.innovation.marks)} marks` }
        : null,
    fixes: report.fixes.map((f) => {
      const gain = gainText(f.gain);
      return { text: gain ? f.action : f.text, gain, target: f.target, error: TEXT_ERRORS.has(f.kind) };
    }),
    commitments,
    hedges,
    blockers,
    socialValue: total
      ? `${gbp(total)}${report.social_value.ratio_text ? `, ${report.social_value.ratio_text} of the contract value` : ""}`
      : null,
    flags: report.flags.map((f) => f.message),
    disclaimer: report.disclaimer,
  };
}
