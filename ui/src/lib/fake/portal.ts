// The fake backend's portal text: a rough Markdown-to-plain-text for the
// component tests. The real conversion is the Rust core's
// (src/export/text.rs); this one only needs to look like it.

import type { Offer } from "../bindings/Offer";
import type { PortalAnswer } from "../bindings/PortalAnswer";
import type { Tender } from "../bindings/Tender";
import { countChars, countWords } from "../words";

function plain(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^#+\s*/, "")
        .replace(/^(\s*)[*+]\s/, "$1- ")
        .replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1 ($2)")
        .replace(/(\*\*|__|\*|_|`)/g, "")
        .replace(/^>\s?/, ""),
    )
    .join("\n")
    .trim();
}

export function fakePortalAnswers(tender: Tender, offer: Offer): PortalAnswer[] {
  return tender.questions.map((q, i) => {
    const answer = offer.answers.find((a) => a.question === q.id);
    const text = answer && answer.text.trim() !== "" ? plain(answer.text) : "";
    const words = countWords(text);
    const chars = countChars(text);
    const over: string[] = [];
    if (q.char_limit != null && chars > q.char_limit)
      over.push(`${chars} characters, ${chars - q.char_limit} over the ${q.char_limit}-character limit: the portal may cut it off`);
    if (q.word_limit != null && words > q.word_limit)
      over.push(`${words} words, ${words - q.word_limit} over the ${q.word_limit}-word limit`);
    return {
      number: i + 1,
      question: q.id,
      question_text: q.text,
      text,
      words,
      chars,
      word_limit: q.word_limit ?? null,
      char_limit: q.char_limit ?? null,
      warning: over.length > 0 ? over.join("; ") : null,
    };
  });
}
