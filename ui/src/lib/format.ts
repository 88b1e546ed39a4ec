// UK formats for the screen: GBP with exact pennies, dates as
// "21 November 2026", "2 hours ago", weights as shares of 100.

import { add, parseDec, round, toText, type Dec } from "./decimal";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "480000.00" -> "£480,000.00"; rounds half away from zero to pennies. */
export function gbp(amount: string | null | undefined): string {
  if (amount == null || amount === "") return "";
  const d = parseDec(amount);
  if (!d) return amount;
  const text = toText(round(d, 2), true);
  return text.startsWith("-") ? `-£${text.slice(1)}` : `£${text}`;
}

/** A decimal with thousands grouped, as written: "60000" -> "60,000", "2.5" -> "2.5". */
export function number(value: string | null | undefined): string {
  if (value == null || value === "") return "";
  const d = parseDec(value);
  return d ? toText(d, true) : value;
}

/** Whether a unit is money: the quantity is then shown in pounds. */
export function isMoneyUnit(unit: string | null | undefined): boolean {
  return unit != null && /^(gbp|£|pounds?)$/i.test(unit.trim());
}

/** A quantity with its unit: "3 people", "£60,000.00". */
export function quantity(value: string | null | undefined, unit: string | null | undefined): string {
  if (value == null || value === "") return "";
  if (isMoneyUnit(unit)) return gbp(value);
  const n = number(value);
  return unit ? `${n} ${unit}` : n;
}

/** "2026-11-21" -> "21 November 2026"; anything else is returned as it is. */
export function longDate(iso: string | null | undefined): string {
  if (iso == null || iso === "") return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return `${day} ${MONTHS[month - 1]} ${m[1]}`;
}

/** A short date for tables: "21 Nov 2026". */
export function shortDate(iso: string | null | undefined): string {
  const long = longDate(iso);
  const m = /^(\d+) (\w+) (\d{4})$/.exec(long);
  return m ? `${m[1]} ${m[2].slice(0, 3)} ${m[3]}` : long;
}

/** An RFC 3339 time in local time for tables: "21 Nov 2026, 09:30". */
export function dateTime(rfc3339: string): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return rfc3339;
  const hh = String(t.getHours()).padStart(2, "0");
  const mm = String(t.getMinutes()).padStart(2, "0");
  return `${t.getDate()} ${MONTHS[t.getMonth()].slice(0, 3)} ${t.getFullYear()}, ${hh}:${mm}`;
}

/** A file size: "96 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * How long ago an RFC 3339 time was: "just now", "5 minutes ago",
 * "2 hours ago", "yesterday", "3 days ago", then the date.
 */
export function ago(rfc3339: string, now: number = Date.now()): string {
  const then = Date.parse(rfc3339);
  if (Number.isNaN(then)) return rfc3339;
  const seconds = Math.max(0, Math.floor((now - then) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${plural(minutes, "minute")} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, "hour")} ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  const d = new Date(then);
  return `on ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** The sum of decimal strings, as written ("20" + "12.5" -> "32.5"); invalid ones are skipped. */
export function sum(values: readonly string[]): string {
  const total = values.reduce<Dec>(
    (acc, v) => {
      const d = parseDec(v);
      return d ? add(acc, d) : acc;
    },
    { units: 0n, scale: 0 },
  );
  return toText(total);
}

/**
 * Reads what a person typed for an amount: "£60,000" -> "60000", " 2.5 " -> "2.5",
 * "" -> null. `error` says what is wrong when it cannot be read.
 */
export function readDecimal(typed: string): { value: string | null; error: string | null } {
  const cleaned = typed.replace(/[£,\s]/g, "");
  if (cleaned === "") return { value: null, error: null };
  const d = parseDec(cleaned);
  if (!d) return { value: null, error: "Write a number, such as 3, 2.5 or 60000." };
  if (d.units < 0n) return { value: null, error: "Write a number that is not negative." };
  return { value: cleaned, error: null };
}

/** "social_enterprise" -> "Social enterprise". */
export function bidderKind(kind: string | null | undefined): string {
  switch (kind) {
    case "micro":
      return "Micro business";
    case "sme":
      return "Small or medium-sized business";
    case "social_enterprise":
      return "Social enterprise";
    case "charity":
      return "Charity or voluntary group";
    case "large":
      return "Large business";
    default:
      return "";
  }
}
