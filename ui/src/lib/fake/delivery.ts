// The delivery tracker's status for the fake backend: the core's rules
// (src/delivery/mod.rs) over exact decimals, with the proxy value taken
// straight from the commitment's measure.

import type { ContractStatus } from "../bindings/ContractStatus";
import type { Delivery } from "../bindings/Delivery";
import type { DeliveryRecord } from "../bindings/DeliveryRecord";
import type { Frequency } from "../bindings/Frequency";
import type { OfferDocument } from "../bindings/OfferDocument";
import type { Period } from "../bindings/Period";
import type { PeriodCell } from "../bindings/PeriodCell";
import type { Progress } from "../bindings/Progress";
import type { Status } from "../bindings/Status";
import type { StatusCounts } from "../bindings/StatusCounts";
import { add, compare, divide, mul, parseDec, round, toText, type Dec } from "../decimal";

const MONTHS: Record<Frequency, number> = { monthly: 1, quarterly: 3, six_monthly: 6, yearly: 12 };
const WORDS: Record<Frequency, [string, string]> = {
  monthly: ["monthly", "Month"],
  quarterly: ["quarterly", "Quarter"],
  six_monthly: ["six-monthly", "Half-year"],
  yearly: ["yearly", "Year"],
};

const ZERO: Dec = { units: 0n, scale: 0 };
const ONE: Dec = { units: 1n, scale: 0 };
const TWO: Dec = { units: 2n, scale: 0 };

function dec(s: string): Dec {
  return parseDec(s) ?? ZERO;
}

function sub(a: Dec, b: Dec): Dec {
  return add(a, { units: -b.units, scale: b.scale });
}

function text(d: Dec): string {
  return toText(d);
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `date` plus `months` calendar months, clamped to the month's last day (as chrono does). */
export function addMonths(date: string, months: number): string {
  const d = utc(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(target);
}

function dayBefore(date: string): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}

function daysBetween(a: string, b: string): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
}

export function lastDay(delivery: Pick<Delivery, "start">, months: number): string {
  return dayBefore(addMonths(delivery.start, months));
}

export function periodsOf(delivery: Pick<Delivery, "start" | "reporting">, months: number): Period[] {
  const step = MONTHS[delivery.reporting];
  const count = Math.max(1, Math.ceil(months / step));
  const end = lastDay(delivery, months);
  return Array.from({ length: count }, (_, i) => {
    const first = addMonths(delivery.start, i * step);
    const next = dayBefore(addMonths(delivery.start, (i + 1) * step));
    return { number: i + 1, first, last: next < end ? next : end };
  });
}

function record(records: DeliveryRecord[], commitment: string, period: number): DeliveryRecord | null {
  for (let i = records.length - 1; i >= 0; i--) {
    if (records[i].commitment === commitment && records[i].period === period) return records[i];
  }
  return null;
}

function achievedTo(records: DeliveryRecord[], commitment: string, period: number): Dec {
  let sum = ZERO;
  for (let p = 1; p <= period; p++) {
    const r = record(records, commitment, p);
    if (r) sum = add(sum, dec(r.achieved));
  }
  return sum;
}

function shareDue(start: string, due: string, asOf: string): Dec {
  if (asOf < start) return ZERO;
  if (asOf >= due) return ONE;
  const gone = daysBetween(start, asOf) + 1;
  const span = daysBetween(start, due) + 1;
  if (span <= 0) return ONE;
  const share = divide({ units: BigInt(gone), scale: 0 }, { units: BigInt(span), scale: 0 }, 12);
  return compare(share, ONE) > 0 ? ONE : share;
}

function statusOf(
  promised: string | null | undefined,
  achieved: Dec,
  start: string,
  due: string,
  asOf: string,
): [Status, Dec | null] {
  const p = promised ? parseDec(promised) : null;
  if (!p || p.units <= 0n) return ["no_target", null];
  const share = shareDue(start, due, asOf);
  const target = round(mul(p, share), 12);
  let status: Status;
  if (compare(achieved, p) >= 0) status = "delivered";
  else if (asOf >= due) status = "at_risk";
  else if (compare(achieved, target) >= 0) status = "on_track";
  else if (compare(sub(p, achieved), mul(mul(p, sub(ONE, share)), TWO)) > 0) status = "at_risk";
  else status = "behind";
  return [status, target];
}

function periodOn(periods: Period[], day: string): number {
  return (periods.find((p) => day <= p.last) ?? periods[periods.length - 1])?.number ?? 1;
}

/** Where the contract stands at the end of `period`, or on `today` when `period` is null. */
export function contractStatus(
  doc: OfferDocument,
  delivery: Delivery,
  period: number | null,
  today: string,
): ContractStatus {
  const months = doc.tender.duration_months;
  const periods = periodsOf(delivery, months);
  const end = lastDay(delivery, months);
  let n: number;
  let asOf: string;
  if (period === null) {
    n = periodOn(periods, today);
    asOf = today < end ? today : end;
  } else {
    n = Math.min(Math.max(1, period), periods.length);
    asOf = periods[n - 1].last;
  }
  const counts: StatusCounts = { delivered: 0, on_track: 0, behind: 0, at_risk: 0, no_target: 0 };
  const value: { promised: Dec | null; delivered: Dec } = { promised: null, delivered: ZERO };
  const commitments: Progress[] = doc.offer.commitments.map((c) => {
    const measure = (doc.plan.measures ?? []).find((m) => m.id === c.measure) ?? null;
    const due = c.by ?? end;
    const proxy = measure?.proxy_value && c.quantity ? measure.proxy_value : null;
    if (proxy && c.quantity) value.promised = add(value.promised ?? ZERO, mul(dec(c.quantity), dec(proxy)));
    const cells: PeriodCell[] = periods.map((p) => {
      const r = record(delivery.records, c.id, p.number);
      const toDate = achievedTo(delivery.records, c.id, p.number);
      const [status, target] = statusOf(c.quantity, toDate, delivery.start, due, p.last);
      return {
        period: p.number,
        achieved: r?.achieved ?? null,
        achieved_to_date: text(toDate),
        target_to_date: target ? text(target) : null,
        status,
        note: r?.note ?? null,
        evidence: r?.evidence ?? [],
        versions: delivery.records.filter((x) => x.commitment === c.id && x.period === p.number).length,
      };
    });
    const toDate = achievedTo(delivery.records, c.id, n);
    const [status, target] = statusOf(c.quantity, toDate, delivery.start, due, asOf);
    counts[status]++;
    const valueToDate = proxy ? mul(toDate, dec(proxy)) : null;
    if (valueToDate) value.delivered = add(value.delivered, valueToDate);
    return {
      commitment: c.id,
      what: c.what,
      hot_topic: doc.plan.hot_topics.find((h) => h.id === c.hot_topic)?.title ?? null,
      unit: c.unit?.trim() ? c.unit : (measure?.unit ?? null),
      promised: c.quantity ?? null,
      due,
      target_to_date: target ? text(target) : null,
      achieved_in_period: record(delivery.records, c.id, n)?.achieved ?? null,
      achieved_to_date: text(toDate),
      status,
      proxy_value: proxy,
      value_to_date: valueToDate ? text(valueToDate) : null,
      periods: cells,
    };
  });
  const [reporting, periodWord] = WORDS[delivery.reporting];
  return {
    awarded_on: delivery.awarded_on,
    start: delivery.start,
    last_day: end,
    reporting,
    period_word: periodWord,
    periods,
    as_of: asOf,
    period: n,
    commitments,
    counts,
    value_promised: value.promised ? text(value.promised) : null,
    value_delivered: value.promised ? text(value.delivered) : null,
    records: delivery.records.length,
  };
}
