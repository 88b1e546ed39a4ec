// Counting words as evaluators do (docs/scoring.md, section 4), the same way as
// the Rust core (src/score/text.rs), so that the live count in the editor
// and the self-score always agree.

/** Unicode White_Space, as Rust's `split_whitespace` uses it. */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** A letter or a digit (Rust's `char::is_alphanumeric`). */
const LETTER_OR_DIGIT = /[\p{Alphabetic}\p{N}]/u;

/** A list marker at the start of a line: `-`, `*`, `+`, `1.` or `1)` and a space or tab. */
const LIST_MARKER = /^(?:[-*+]|[0-9]+[.)])[ \t]/;

/**
 * The words of an answer: list markers at the start of a line (after any
 * indentation) are dropped, then a word is a run of non-space characters
 * holding at least one letter or digit.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const line of text.split("\n")) {
    const rest = line.replace(/^[ \t]+/, "").replace(LIST_MARKER, "");
    for (const word of rest.split(WHITE_SPACE)) {
      if (word !== "" && LETTER_OR_DIGIT.test(word)) count += 1;
    }
  }
  return count;
}

/** The characters of a text, as portals count them (Unicode scalar values). */
export function countChars(text: string): number {
  return Array.from(text).length;
}

/** How a count stands against its limit, in words a reader can act on. */
export interface LimitStatus {
  /** "612 / 750 words" */
  label: string;
  /** Over the limit. */
  over: boolean;
  /** "62 over the 750 limit: evaluators may stop reading at the limit", when over. */
  warning: string | null;
}

function grouped(n: number): string {
  return n.toLocaleString("en-GB");
}

/** The word count of an answer against the question's word limit. */
export function wordStatus(words: number, limit: number | null | undefined): LimitStatus {
  const unit = words === 1 ? "word" : "words";
  if (limit == null) return { label: `${grouped(words)} ${unit}`, over: false, warning: null };
  const over = words > limit;
  return {
    label: `${grouped(words)} / ${grouped(limit)} words`,
    over,
    warning: over
      ? `${grouped(words - limit)} over the ${grouped(limit)}-word limit: evaluators may stop reading at the limit. Cut it down before you submit.`
      : null,
  };
}

/** The character count of an answer against the question's character limit. */
export function charStatus(chars: number, limit: number | null | undefined): LimitStatus {
  const unit = chars === 1 ? "character" : "characters";
  if (limit == null) return { label: `${grouped(chars)} ${unit}`, over: false, warning: null };
  const over = chars > limit;
  return {
    label: `${grouped(chars)} / ${grouped(limit)} characters`,
    over,
    warning: over
      ? `${grouped(chars - limit)} characters over the ${grouped(limit)} limit: the portal may cut your answer off.`
      : null,
  };
}
