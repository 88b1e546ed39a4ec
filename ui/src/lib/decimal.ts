// Decimals as people type them and as the backend sends them (strings such
// as "480000.00"): read exactly, compared exactly, never turned into
// floating-point numbers. Writing them for people is the core's (format.ts).

/** A decimal as an integer of units of 10^-scale. */
export interface Dec {
  units: bigint;
  scale: number;
}

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** Parses a decimal string; null when it is not one. */
export function parseDec(s: string): Dec | null {
  const t = s.trim();
  if (!DECIMAL.test(t)) return null;
  const negative = t.startsWith("-");
  const body = negative ? t.slice(1) : t;
  const [whole, frac = ""] = body.split(".");
  const units = BigInt(whole + frac) * (negative ? -1n : 1n);
  return { units, scale: frac.length };
}

export function compare(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = b.units * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
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
