// The delivery tracker on screen: status words and symbols, period names,
// the period a form opens on, and the period form's rows (what was typed
// against what is recorded, and only the changed rows as records to send).

import type { ContractStatus } from "./bindings/ContractStatus";
import type { DeliveryRecord } from "./bindings/DeliveryRecord";
import type { EvidenceRef } from "./bindings/EvidenceRef";
import type { NewRecord } from "./bindings/NewRecord";
import type { Period } from "./bindings/Period";
import type { Status } from "./bindings/Status";
import { choices, labelOf } from "./choices.svelte";
import { compare, parseDec, readDecimal } from "./decimal";
import { cleanText } from "./offer-state.svelte";

/** Each status's symbol beside its words, so that colour never carries it alone. */
export const SYMBOL: Record<Status, string> = {
  delivered: "✓",
  on_track: "●",
  behind: "◐",
  at_risk: "!",
  no_target: "–",
};

/** The statuses in the order they are counted, as the core lists them. */
export function statusOrder(): Status[] {
  return choices("statuses").map((c) => c.value as Status);
}

/** A status in the core's words: "On track". */
export function statusLabel(status: Status): string {
  return labelOf("statuses", status);
}

/** A period's name, as the core gives it: "Quarter 3". */
export function periodName(status: Pick<ContractStatus, "period_labels">, n: number): string {
  return status.period_labels.find((p) => p.number === n)?.name ?? "";
}

/** A period's name and dates, as the core gives them: "Quarter 3, 1 October 2027 to 31 December 2027". */
export function periodLabel(status: Pick<ContractStatus, "period_labels">, p: Pick<Period, "number">): string {
  return status.period_labels.find((l) => l.number === p.number)?.label ?? "";
}

/** One commitment's row of the period form, as typed. */
export interface RowDraft {
  achieved: string;
  note: string;
  evidence: EvidenceRef[];
}

/** The row as the record that counts fills it, or empty. */
export function draftOf(record: DeliveryRecord | null | undefined): RowDraft {
  return {
    achieved: record?.achieved ?? "",
    note: record?.note ?? "",
    evidence: (record?.evidence ?? []).map((e) => ({ ...e })),
  };
}

function cleanEvidence(list: EvidenceRef[]): EvidenceRef[] {
  return list.map((e) => ({ kind: e.kind, text: cleanText(e.text).trim() })).filter((e) => e.text !== "");
}

function sameEvidence(a: EvidenceRef[], b: EvidenceRef[]): boolean {
  return a.length === b.length && a.every((e, i) => e.kind === b[i].kind && e.text === b[i].text);
}

/** What a row would send: nothing when it matches the record (or is blank with none), or why it cannot be sent. */
export function rowChange(
  draft: RowDraft,
  record: DeliveryRecord | null | undefined,
):
  | { kind: "same" }
  | { kind: "error"; message: string }
  | { kind: "new" | "correction"; achieved: string; note: string | null; evidence: EvidenceRef[] } {
  const note = cleanText(draft.note).trim();
  const evidence = cleanEvidence(draft.evidence);
  const read = readDecimal(draft.achieved);
  if (read.error) return { kind: "error", message: read.error };
  if (read.value === null) {
    if (record) return { kind: "error", message: "A recorded figure stays: write 0 to correct it to nothing." };
    if (note !== "" || evidence.length > 0)
      return { kind: "error", message: "Write what was achieved (0 if nothing yet) to save the note and evidence." };
    return { kind: "same" };
  }
  if (record) {
    const before = parseDec(record.achieved);
    const now = parseDec(read.value);
    const sameFigure = before !== null && now !== null && compare(before, now) === 0;
    if (sameFigure && note === (record.note ?? "") && sameEvidence(evidence, cleanEvidence(record.evidence ?? [])))
      return { kind: "same" };
    return { kind: "correction", achieved: read.value, note: note === "" ? null : note, evidence };
  }
  return { kind: "new", achieved: read.value, note: note === "" ? null : note, evidence };
}

/** The records a period's form sends: only its changed rows; or the problems, by commitment. */
export function recordsToSend(
  period: number,
  rows: { commitment: string; draft: RowDraft; record: DeliveryRecord | null | undefined }[],
  recordedBy: string,
): { records: NewRecord[]; corrections: number; problems: Record<string, string> } {
  const records: NewRecord[] = [];
  const problems: Record<string, string> = {};
  let corrections = 0;
  for (const row of rows) {
    const change = rowChange(row.draft, row.record);
    if (change.kind === "same") continue;
    if (change.kind === "error") {
      problems[row.commitment] = change.message;
      continue;
    }
    if (change.kind === "correction") corrections++;
    records.push({
      commitment: row.commitment,
      period,
      achieved: change.achieved,
      note: change.note,
      evidence: change.evidence,
      recorded_by: recordedBy.trim(),
    });
  }
  return { records, corrections, problems };
}

/** Every record made for a commitment and period, oldest first: the last one counts. */
export function historyOf(records: DeliveryRecord[], commitment: string, period: number): DeliveryRecord[] {
  return records.filter((r) => r.commitment === commitment && r.period === period);
}

/** The record that counts for a commitment and period. */
export function currentRecord(records: DeliveryRecord[], commitment: string, period: number): DeliveryRecord | null {
  const list = historyOf(records, commitment, period);
  return list[list.length - 1] ?? null;
}

const NAME_KEY = "offerwright.recordedBy";

/** The name last used to record figures on this computer. */
export function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name.trim());
  } catch {
    // Private browsing or no storage: the name is asked again next time.
  }
}
