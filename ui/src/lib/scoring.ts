// The self-score as the editor uses it: the backend scores the document the
// editor holds in memory, and the editor shows it in its own words.

import { api } from "./ipc";
import type { Scorer } from "./rescore.svelte";
import { toScoreView } from "./score-view";

export const scoreOffer: Scorer | null = async (doc) => {
  const [report, unprintable] = await Promise.all([api.scoreDocument(doc), api.unprintable(doc)]);
  return toScoreView(report, Object.fromEntries(doc.tender.questions.map((q, i) => [q.id, i + 1])), unprintable);
};
