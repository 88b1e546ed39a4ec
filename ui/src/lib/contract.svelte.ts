// A won offer's contract on screen: every record (for the history of a
// figure), where the contract stands at the end of the period looked at,
// and the drafts of the period forms, kept per period so that switching
// period loses nothing typed.

import type { Award } from "./bindings/Award";
import type { Contract } from "./bindings/Contract";
import type { ContractStatus } from "./bindings/ContractStatus";
import type { NewRecord } from "./bindings/NewRecord";
import { currentRecord, draftOf, type RowDraft } from "./delivery";
import { api } from "./ipc";

export class ContractState {
  readonly offerId: number;
  contract = $state<Contract | null>(null);
  /** Where the contract stands at the end of `period`. */
  status = $state<ContractStatus | null>(null);
  /** The period looked at, recorded and reported. */
  period = $state(1);
  /** The period that holds today (for "this quarter"). */
  current = $state<number | null>(null);
  /** How many periods have ended by today (the core's count). */
  ended = $state(0);
  error = $state<string | null>(null);
  /** What the period forms hold, by period, then by commitment. */
  drafts = $state<Record<number, Record<string, RowDraft>>>({});
  #asked = 0;

  constructor(offerId: number) {
    this.offerId = offerId;
  }

  get records() {
    return this.contract?.delivery.records ?? [];
  }

  /** Reads the contract and opens the period to report on (the core's choice for today). */
  async load(): Promise<void> {
    const mine = ++this.#asked;
    try {
      const [contract, calendar] = await Promise.all([
        api.getContract(this.offerId),
        api.contractCalendar(this.offerId),
      ]);
      if (!contract || !calendar) {
        if (mine === this.#asked) this.clear();
        return;
      }
      const period = calendar.report_period;
      const status = await api.contractStatus(this.offerId, period);
      if (mine !== this.#asked) return;
      this.contract = contract;
      this.current = calendar.current_period;
      this.ended = calendar.ended_periods;
      this.period = period;
      this.status = status;
      this.drafts = {};
      this.#prepare(period);
      this.error = null;
    } catch (e) {
      if (mine === this.#asked) this.error = (e as Error).message;
    }
  }

  clear(): void {
    this.contract = null;
    this.status = null;
    this.current = null;
    this.ended = 0;
    this.drafts = {};
    this.error = null;
  }

  #prepare(period: number, fresh = false): void {
    if (!this.contract || (this.drafts[period] && !fresh)) return;
    const rows: Record<string, RowDraft> = {};
    for (const c of this.contract.submitted.offer.commitments) {
      rows[c.id] = draftOf(currentRecord(this.records, c.id, period));
    }
    this.drafts[period] = rows;
  }

  /** Looks at another period; what was typed in the others stays. */
  async select(period: number): Promise<void> {
    const mine = ++this.#asked;
    this.period = period;
    this.#prepare(period);
    try {
      const status = await api.contractStatus(this.offerId, period);
      if (mine === this.#asked) {
        this.status = status;
        this.error = null;
      }
    } catch (e) {
      if (mine === this.#asked) this.error = (e as Error).message;
    }
  }

  /** Saves the period's changed rows in one go; the form then shows what is recorded. */
  async record(records: NewRecord[]): Promise<void> {
    const period = this.period;
    const status = await api.recordDelivery(this.offerId, period, records);
    const contract = await api.getContract(this.offerId);
    this.contract = contract;
    if (this.period === period) this.status = status;
    this.#prepare(period, true);
  }

  /** Throws away what was typed in the period's form. */
  discard(period: number): void {
    this.#prepare(period, true);
  }

  async award(award: Award): Promise<ContractStatus> {
    const status = await api.awardOffer(this.offerId, award);
    await this.load();
    return status;
  }

  async withdraw(): Promise<void> {
    await api.withdrawAward(this.offerId);
    this.clear();
  }
}
