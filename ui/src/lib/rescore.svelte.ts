// Rescoring off the keystroke path: the editor changes its in-memory
// document as the user types; each change only restarts a short timer
// (~150 ms). When it fires, a snapshot of the document is scored by the
// backend, and an answer that arrives after a newer request was sent is
// dropped. Typing never waits for the score.

import type { OfferDocument } from "./bindings/OfferDocument";
import { scorable, type OfferState } from "./offer-state.svelte";
import type { ScoreView } from "./score-view";

export const RESCORE_DELAY_MS = 150;

export type Scorer = (doc: OfferDocument) => Promise<ScoreView>;

export class Rescorer {
  view = $state<ScoreView | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);

  #state: OfferState;
  #score: Scorer;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #seq = 0;
  #unsubscribe: () => void;

  constructor(state: OfferState, score: Scorer, delay: number = RESCORE_DELAY_MS) {
    this.#state = state;
    this.#score = score;
    this.#delay = delay;
    this.#unsubscribe = state.onChange(() => this.schedule());
  }

  /** Scores again after a short pause. */
  schedule(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.pending = true;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.run();
    }, this.#delay);
  }

  /** Scores now. */
  async run(): Promise<void> {
    const seq = ++this.#seq;
    this.pending = true;
    const doc = scorable($state.snapshot(this.#state.doc) as OfferDocument);
    try {
      const view = await this.#score(doc);
      if (seq !== this.#seq) return;
      this.view = view;
      this.error = null;
    } catch (e) {
      if (seq !== this.#seq) return;
      this.error = (e as Error).message;
    } finally {
      if (seq === this.#seq && this.#timer === null) this.pending = false;
    }
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#seq++;
    this.#unsubscribe();
  }
}
