// The personal evidence library, loaded once and shared by the Evidence tab
// and the "cite from library" pickers.

import type { Evidence } from "./bindings/Evidence";
import type { EvidenceRecord } from "./bindings/EvidenceRecord";
import { api } from "./ipc";

class EvidenceLibrary {
  items = $state<EvidenceRecord[] | null>(null);
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  /** Loads the library (once, unless `again`). */
  load(again = false): Promise<void> {
    if (this.#loading && !again) return this.#loading;
    this.#loading = api
      .listEvidence()
      .then((items) => {
        this.items = items;
        this.error = null;
      })
      .catch((e: Error) => {
        this.error = e.message;
        this.#loading = null;
      });
    return this.#loading;
  }

  async save(id: number | null, item: Evidence): Promise<number> {
    const saved = await api.saveEvidence(id, item);
    await this.load(true);
    return saved;
  }

  async remove(id: number): Promise<void> {
    await api.deleteEvidence(id);
    await this.load(true);
  }

  /** Forgets what was loaded (tests). */
  reset(): void {
    this.items = null;
    this.error = null;
    this.#loading = null;
  }
}

export const evidenceLibrary = new EvidenceLibrary();
