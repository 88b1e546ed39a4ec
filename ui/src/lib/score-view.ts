// What the offer editor shows of the self-score, in the shapes its
// components take, made from the backend's score report.

import type { Counted } from "./bindings/Counted";
import type { FixTarget } from "./bindings/FixTarget";
import type { Report } from "./bindings/Report";
import type { Unprintable } from "./bindings/Unprintable";

export type { FixTarget };

/** A cap or hold as the editor shows it: "R15", "stops at band 2", why. */
export interface RuleNote {
  rule: string;
  band: number;
  reason: string;
}

/** The self-score of one commitment, for the Checks column of the table. */
export interface RowScore {
  checks: { letter: string; name: string; passed: boolean; reason: string }[];
  band: { number: number; word: string } | null;
  /** The caps below its raw band, lowest first. */
  caps: RuleNote[];
  /** Why it is not credible, with the figures; empty when it is. */
  notCredible: RuleNote[];
  /** The hot topic it counts for, when that is not the one it is filed under. */
  countsFor: string | null;
  note: string;
}

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
  /** The holds that lowered its band. */
  holds: RuleNote[];
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
  /** Each answer's words (and characters, where the question limits them) against its limits, per question id. */
  counts: Record<string, { words: Counted; chars: Counted | null }>;
  /** Text errors to put right before submitting. */
  blockers: string[];
  /** What the PDF cannot print, place by place, in the core's words. */
  unprintable: string[];
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

/** The editor's view of a score report. */
export function toScoreView(
  report: Report,
  questionNumbers: Record<string, number> = {},
  unprintable: Unprintable[] = [],
): ScoreView {
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
      caps: c.caps.map((k) => ({ rule: k.rule, band: k.stops_at, reason: k.reason })),
      notCredible: c.not_credible.map((r) => ({ rule: r.rule, band: 0, reason: r.reason })),
      countsFor:
        c.hot_topic !== null && c.hot_topic !== c.filed_under
          ? (report.hot_topics.find((h) => h.id === c.hot_topic)?.title ?? c.hot_topic)
          : null,
      note: c.innovation ? "Innovation credit" : c.band_reason,
    };
  }
  const hedges: Record<string, string[]> = {};
  const counts: ScoreView["counts"] = {};
  const blockers: string[] = [];
  for (const a of report.answers) {
    hedges[a.question] = a.hedges.map((h) => h.written);
    counts[a.question] = { words: a.words_count, chars: a.char_limit === null ? null : a.chars_count };
    const n = questionNumbers[a.question];
    for (const e of a.errors) blockers.push(`${n ? `Question ${n}` : a.question}: ${e}`);
  }
  const total = report.social_value.total_text;
  return {
    marksText: report.projected_marks_text,
    hotTopics: report.hot_topics.map((h) => ({
      id: h.id,
      title: h.title,
      band: h.band,
      word: h.band_word || BAND_WORDS[h.band] || "",
      reason: h.reason,
      marks: h.marks_text,
      holds: h.held_by.map((k) => ({ rule: k.rule, band: k.stops_at, reason: k.reason })),
    })),
    innovation:
      report.innovation.commitments.length > 0
        ? { count: report.innovation.commitments.length, marks: report.innovation.marks_text }
        : null,
    fixes: report.fixes.map((f) => ({
      text: f.gain_text ? f.action : f.text,
      gain: f.gain_text,
      target: f.target,
      error: f.error,
    })),
    commitments,
    hedges,
    counts,
    blockers,
    unprintable: unprintable.map((u) => u.message),
    socialValue: total
      ? `${total}${report.social_value.ratio_text ? `, ${report.social_value.ratio_text} of the contract value` : ""}`
      : null,
    flags: report.flags.map((f) => f.message),
    disclaimer: report.disclaimer,
  };
}
