// Exact decimals for display: the backend sends money, weights and
// quantities as strings ("480000.00") and they are never turned into
// floating-point numbers on their way to the screen.

/** A decimal as an integer of units of 10^-scale. */
export interface Dec {
  units: bigint;
  scale: number;
}

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** Whether a string is a decimal as the files write them: `-?[0-9]+(\.[0-9]+)?`. */
export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

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

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The value at a larger scale. */
function rescale(d: Dec, scale: number): bigint {
  return d.units * pow10(scale - d.scale);
}

export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function mul(a: Dec, b: Dec): Dec {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compare(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositive(d: Dec): boolean {
  return d.units > 0n;
}

/** n / d rounded half away from zero to an integer (d > 0). */
function divRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** Rounds to `places` decimal places, half away from zero. */
export function round(d: Dec, places: number): Dec {
  if (d.scale <= places) return { units: rescale(d, places), scale: places };
  return { units: divRound(d.units, pow10(d.scale - places)), scale: places };
}

/** `a / b` rounded half away from zero to `places` (b > 0). */
export function divide(a: Dec, b: Dec, places: number): Dec {
  // a.units / 10^a.scale / (b.units / 10^b.scale) * 10^places
  const n = a.units * pow10(b.scale + places);
  const d = b.units * pow10(a.scale);
  return { units: divRound(n, d), scale: places };
}

/** Writes a decimal with its scale, optionally grouping thousands with commas. */
export function toText(d: Dec, group = false): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  let whole = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale);
  if (group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (negative ? "-" : "") + whole + (d.scale > 0 ? "." + frac : "");
}

/** Drops trailing zeros after the point: "12.50" -> "12.5", "20.0" -> "20". */
export function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
