// An in-memory backend for component tests and for looking at the UI in a
// browser (`?fake=1`, only when the real Tauri IPC is absent). It answers
// the same commands as the Rust shell, over a demo-like store, and records
// every call so that tests can check what was sent.

import type { Backend } from "./ipc";
import type { BackupKind } from "./bindings/BackupKind";
import type { BackupRecord } from "./bindings/BackupRecord";
import type { Bidder } from "./bindings/Bidder";
import type { Award } from "./bindings/Award";
import type { Commitment } from "./bindings/Commitment";
import type { Contract } from "./bindings/Contract";
import type { DeliveryRecord } from "./bindings/DeliveryRecord";
import type { Evidence } from "./bindings/Evidence";
import type { EvidenceRecord } from "./bindings/EvidenceRecord";
import type { NewRecord } from "./bindings/NewRecord";
import type { Offer } from "./bindings/Offer";
import type { OfferSummary } from "./bindings/OfferSummary";
import type { OfferView } from "./bindings/OfferView";
import type { Plan } from "./bindings/Plan";
import type { PlanSummary } from "./bindings/PlanSummary";
import type { Tender } from "./bindings/Tender";
import type { TenderRecord } from "./bindings/TenderRecord";
import type { TenderSummary } from "./bindings/TenderSummary";
import type { UserError } from "./bindings/UserError";
import { isDecimal, parseDec } from "./decimal";
import type { OfferDocument } from "./bindings/OfferDocument";
import { demoEvidence, demoOffer, demoTender } from "./fake/demo";
import { contractStatus, periodsOf } from "./fake/delivery";
import { durhamSample, ukSocialValueModel } from "./fake/plans";
import { fakePortalAnswers } from "./fake/portal";
import { fakeScore } from "./fake/score";
import { demoComparison, demoWorkshop } from "./fake/workshop";
import type { Workshop } from "./bindings/Workshop";

export interface FakeCall {
  command: string;
  args: Record<string, unknown> | undefined;
}

interface StoredOffer {
  tender_id: number;
  offer: Offer;
  updated_at: string;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function invalid(message: string): UserError {
  return { code: "invalid", message };
}

function notFound(what: string): UserError {
  return { code: "not_found", message: `${what} was not found: it may have been deleted.` };
}

const SLUG = /^[a-z0-9-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDecimal(path: string, value: string | null | undefined, positive = false): void {
  if (value == null) return;
  const d = isDecimal(value) ? parseDec(value) : null;
  if (!d) throw invalid(`${path}: expected a decimal such as "12.50", found "${value}"`);
  if (d.units < 0n) throw invalid(`${path}: expected a decimal that is not negative, found "${value}"`);
  if (positive && d.units === 0n) throw invalid(`${path}: expected a decimal greater than 0`);
}

function checkText(path: string, value: string | null | undefined): void {
  if (value != null && value.trim() === "") throw invalid(`${path}: expected a non-empty text`);
}

function checkDate(path: string, value: string | null | undefined): void {
  if (value != null && !DATE.test(value)) throw invalid(`${path}: expected a date such as "2027-06-30", found "${value}"`);
}

const FREQUENCIES = ["monthly", "quarterly", "six_monthly", "yearly"];
const EVIDENCE_KINDS = ["file", "link", "description"];

function longDay(iso: string): string {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${months[m - 1]} ${y}`;
}

function validatePlan(plan: Plan): void {
  if (!SLUG.test(plan.id)) throw invalid(`id: expected a slug of a-z, 0-9 and "-", found "${plan.id}"`);
  checkText("issuer", plan.issuer);
  checkText("title", plan.title);
  checkDate("published", plan.published);
  const themes = new Set<string>();
  plan.themes.forEach((t, i) => {
    if (!SLUG.test(t.id)) throw invalid(`themes[${i}].id: expected a slug of a-z, 0-9 and "-", found "${t.id}"`);
    if (themes.has(t.id)) throw invalid(`themes[${i}].id: "${t.id}" is used twice`);
    themes.add(t.id);
    checkText(`themes[${i}].name`, t.name);
  });
  const measures = new Set((plan.measures ?? []).map((m) => m.id));
  (plan.measures ?? []).forEach((m, i) => {
    if (!SLUG.test(m.id)) throw invalid(`measures[${i}].id: expected a slug of a-z, 0-9 and "-", found "${m.id}"`);
    checkText(`measures[${i}].name`, m.name);
    checkText(`measures[${i}].unit`, m.unit);
    checkDecimal(`measures[${i}].proxy_value`, m.proxy_value);
    if (m.proxy_value != null && (m.proxy_source == null || m.proxy_source.trim() === ""))
      throw invalid(`measures[${i}].proxy_source: a proxy value needs a source: say where the number comes from`);
  });
  plan.hot_topics.forEach((h, i) => {
    if (!SLUG.test(h.id)) throw invalid(`hot_topics[${i}].id: expected a slug of a-z, 0-9 and "-", found "${h.id}"`);
    if (!themes.has(h.theme)) throw invalid(`hot_topics[${i}].theme: no theme has the id "${h.theme}"`);
    checkText(`hot_topics[${i}].title`, h.title);
    checkDecimal(`hot_topics[${i}].weight`, h.weight, true);
    (h.measures ?? []).forEach((m, j) => {
      if (!measures.has(m)) throw invalid(`hot_topics[${i}].measures[${j}]: no measure has the id "${m}"`);
    });
  });
}

function validateTender(tender: Tender): void {
  checkText("title", tender.title);
  checkText("buyer", tender.buyer);
  checkDate("deadline", tender.deadline);
  checkDecimal("contract_value", tender.contract_value, true);
  checkDate("contract_start", tender.contract_start);
  if (tender.contract_start != null && tender.contract_start < tender.deadline)
    throw invalid("contract_start: expected a date not before the deadline");
  if (!Number.isInteger(tender.duration_months) || tender.duration_months < 1)
    throw invalid("duration_months: expected a whole number of at least 1");
  checkDecimal("social_value_weighting", tender.social_value_weighting, true);
  const ids = new Set<string>();
  tender.questions.forEach((q, i) => {
    if (!SLUG.test(q.id)) throw invalid(`questions[${i}].id: expected a slug of a-z, 0-9 and "-", found "${q.id}"`);
    if (ids.has(q.id)) throw invalid(`questions[${i}].id: "${q.id}" is used twice`);
    ids.add(q.id);
    checkText(`questions[${i}].text`, q.text);
    checkDecimal(`questions[${i}].marks`, q.marks, true);
  });
}

function validateCommitment(c: Commitment): void {
  if (!SLUG.test(c.id)) throw invalid(`commitment.id: expected a slug, found "${c.id}"`);
  checkText(`commitment ${c.id}: what`, c.what ?? "");
  checkDecimal(`commitment ${c.id}: quantity`, c.quantity);
  checkDecimal(`commitment ${c.id}: baseline`, c.baseline);
  checkDate(`commitment ${c.id}: by`, c.by);
  for (const f of ["unit", "where", "owner", "reporting", "beneficiaries"] as const) {
    checkText(`commitment ${c.id}: ${f}`, c[f]);
  }
}

export class FakeBackend implements Backend {
  /** Every call received, in order. */
  readonly calls: FakeCall[] = [];
  /** Delay of every answer, in milliseconds (for previews). */
  latencyMs = 0;
  /** Where the fake save dialogs "write". */
  folder = "/home/you/Documents";
  /** What the fake open dialog returns: null as if cancelled. */
  nextImport: { plan?: Plan; offer?: { plan: Plan; tender: Tender; offer: Offer } } | null = null;

  /** What the fake pack dialog opens: null as if cancelled. */
  nextPack: Workshop | null = demoWorkshop();
  /** Whether the fake folder dialog is cancelled. */
  cancelFolder = false;
  workshop: Workshop | null = null;
  collected = false;
  startedPacks = new Map<number, Workshop>();

  plans = new Map<string, { plan: Plan; updated_at: string }>();
  tenders = new Map<number, { plan_id: string; tender: Tender }>();
  offers = new Map<number, StoredOffer>();
  evidence = new Map<number, EvidenceRecord>();
  /** Won offers, by offer id: the offer as submitted and its delivery. */
  contracts = new Map<number, Contract>();
  /** The day the fake calls today (contract_status with no period). */
  today = new Date().toISOString().slice(0, 10);
  /** Backups, newest first: each a copy of every map above. */
  backups: { record: BackupRecord; data: string }[] = [];
  /** The daily backup's failure, if the test wants one. */
  backupWarning: string | null = null;
  #nextId = 1;
  #failures = new Map<string, UserError[]>();
  /** Extra commands (e.g. score_document), by name. */
  extra = new Map<string, (args: Record<string, unknown>) => unknown>();

  /** Makes the next call of `command` fail with `error`. */
  failNext(command: string, error: UserError): void {
    const list = this.#failures.get(command) ?? [];
    list.push(error);
    this.#failures.set(command, list);
  }

  /** The calls of one command. */
  callsOf(command: string): FakeCall[] {
    return this.calls.filter((c) => c.command === command);
  }

  async call(command: string, args?: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ command, args: clone(args) });
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const failure = this.#failures.get(command)?.shift();
    if (failure) throw failure;
    return clone(this.#answer(command, clone(args) ?? {}));
  }

  #now(): string {
    return new Date().toISOString();
  }

  #id(): number {
    return this.#nextId++;
  }

  #plan(id: string): Plan {
    const p = this.plans.get(id);
    if (!p) throw notFound(`The plan "${id}"`);
    return p.plan;
  }

  #offer(id: number): StoredOffer {
    const o = this.offers.get(id);
    if (!o) throw notFound(`Offer ${id}`);
    return o;
  }

  #touch(id: number): StoredOffer {
    const o = this.#offer(id);
    const won = this.contracts.get(id);
    if (won)
      throw {
        code: "conflict",
        message: `this offer was marked as won on ${longDay(won.delivery.awarded_on)}: it is kept as it was submitted, so it cannot be changed; record what is delivered in its Delivery tab`,
      } as UserError;
    o.updated_at = this.#now();
    return o;
  }

  #contract(id: number): Contract {
    this.#offer(id);
    const c = this.contracts.get(id);
    if (!c)
      throw {
        code: "conflict",
        message: `offer ${id} has not been marked as won: mark it as won first, with the contract's start date and how often it is reported`,
      } as UserError;
    return c;
  }

  #document(id: number): OfferDocument {
    const o = this.#offer(id);
    const t = this.tenders.get(o.tender_id);
    if (!t) throw notFound(`Tender ${o.tender_id}`);
    return { plan: this.#plan(t.plan_id), tender: t.tender, offer: o.offer };
  }

  /** Marks an offer as won, as award_offer does (for tests that start from a won offer). */
  award(id: number, award: Award, awardedOn = this.today): Contract {
    if (!DATE.test(award.start)) throw invalid(`award.start: expected a date such as "2027-06-30", found "${award.start}"`);
    if (!FREQUENCIES.includes(award.reporting))
      throw invalid(`award.reporting: expected one of monthly, quarterly, six_monthly, yearly, found "${award.reporting}"`);
    const won = this.contracts.get(id);
    if (won) throw { code: "conflict", message: `this offer was already marked as won on ${longDay(won.delivery.awarded_on)}` } as UserError;
    const contract: Contract = {
      offer_id: id,
      submitted: clone(this.#document(id)),
      delivery: { awarded_on: awardedOn, start: award.start, reporting: award.reporting, records: [] },
    };
    this.contracts.set(id, contract);
    return contract;
  }

  /** Adds records as record_delivery does, all or none. */
  record(id: number, records: NewRecord[], at: () => string = () => this.#now()): void {
    const c = this.#contract(id);
    const periods = periodsOf(c.delivery, c.submitted.tender.duration_months).length;
    const made: DeliveryRecord[] = records.map((r, i) => {
      const path = `records[${i}]`;
      if (!c.submitted.offer.commitments.some((x) => x.id === r.commitment))
        throw invalid(`${path}.commitment: the offer has no commitment "${r.commitment}"`);
      if (!Number.isInteger(r.period) || r.period < 1 || r.period > periods)
        throw invalid(`record.period: expected a period from 1 to ${periods}, found ${r.period}`);
      checkDecimal(`${path}.achieved`, r.achieved);
      if (r.recorded_by.trim() === "") throw invalid("record.recorded_by: expected a non-empty text, found only white space or nothing");
      r.evidence.forEach((e, j) => {
        if (!EVIDENCE_KINDS.includes(e.kind)) throw invalid(`${path}.evidence[${j}].kind: expected file, link or description`);
        checkText(`record.evidence[${j}].text`, e.text);
      });
      const note = r.note?.trim() ? r.note.trim() : null;
      return {
        commitment: r.commitment,
        period: r.period,
        achieved: r.achieved,
        ...(note ? { note } : {}),
        ...(r.evidence.length > 0 ? { evidence: r.evidence } : {}),
        recorded_by: r.recorded_by.trim(),
        recorded_at: at(),
      };
    });
    c.delivery.records.push(...made);
  }

  /** Backs up every map, as the store's backups/ folder would hold it. */
  backUp(kind: BackupKind, date = new Date()): BackupRecord {
    const stamp = date.toISOString().slice(0, 19);
    const file_name = `offerwright-${stamp.replace("T", "-").replace(/:/g, "")}-${kind.replace("_", "-")}.sqlite3`;
    const record: BackupRecord = {
      path: `/home/you/.local/share/Offerwright/backups/${file_name}`,
      file_name,
      date: `${stamp}Z`,
      size: 98304,
      kind,
      why: {
        daily: "First start of the day",
        before_migration: "Before an upgrade",
        manual: "Backed up by hand",
        before_restore: "Before a restore",
        before_delete: "Before a won offer was deleted",
      }[kind],
    };
    const data = JSON.stringify({
      plans: [...this.plans],
      tenders: [...this.tenders],
      offers: [...this.offers],
      evidence: [...this.evidence],
      contracts: [...this.contracts],
    });
    this.backups.unshift({ record, data });
    return record;
  }

  #load(data: string): void {
    const d = JSON.parse(data) as {
      plans: [string, { plan: Plan; updated_at: string }][];
      tenders: [number, { plan_id: string; tender: Tender }][];
      offers: [number, StoredOffer][];
      evidence: [number, EvidenceRecord][];
      contracts?: [number, Contract][];
    };
    this.plans = new Map(d.plans);
    this.tenders = new Map(d.tenders);
    this.offers = new Map(d.offers);
    this.evidence = new Map(d.evidence);
    this.contracts = new Map(d.contracts ?? []);
  }

  addPlan(plan: Plan): void {
    this.plans.set(plan.id, { plan: clone(plan), updated_at: this.#now() });
  }

  addTender(plan_id: string, tender: Tender): number {
    const id = this.#id();
    this.tenders.set(id, { plan_id, tender: clone(tender) });
    return id;
  }

  addOffer(tender_id: number, offer: Offer, updated_at = this.#now()): number {
    const id = this.#id();
    this.offers.set(id, { tender_id, offer: clone(offer), updated_at });
    return id;
  }

  createDemo(): { tender_id: number; offer_id: number } {
    if (!this.plans.has(durhamSample.id)) this.addPlan(durhamSample);
    if (!this.plans.has(ukSocialValueModel.id)) this.addPlan(ukSocialValueModel);
    const tender_id = this.addTender(durhamSample.id, demoTender());
    const offer_id = this.addOffer(tender_id, demoOffer());
    return { tender_id, offer_id };
  }

  #answer(command: string, a: Record<string, unknown>): unknown {
    const extra = this.extra.get(command);
    if (extra) return extra(a);
    switch (command) {
      case "app_info":
        return {
          version: "0.1.0",
          data_dir: "/home/you/.local/share/Offerwright",
          store_file: "/home/you/.local/share/Offerwright/offerwright.sqlite",
          schema_version: 1,
          backup_warning: this.backupWarning,
        };
      case "store_status":
      case "reopen_store":
        return { store_file: "/home/you/.local/share/Offerwright/offerwright.sqlite3", problem: null };
      case "list_set_aside":
        return [];
      case "list_backups":
        return this.backups.map((b) => b.record);
      case "back_up_now":
        return this.backUp("manual");
      case "restore_backup": {
        const found = this.backups.find((b) => b.record.file_name === a.fileName);
        if (!found) throw notFound(`The backup "${String(a.fileName)}"`);
        const previous = this.backUp("before_restore");
        this.#load(found.data);
        return { from: found.record.path, schema_version: 1, previous, set_aside: null };
      }
      case "restore_backup_file":
        return null;
      case "create_demo":
        return this.createDemo();

      case "list_plans":
        return [...this.plans.values()].map(
          ({ plan, updated_at }): PlanSummary => ({
            id: plan.id,
            issuer: plan.issuer,
            title: plan.title,
            hot_topics: plan.hot_topics.length,
            tenders: [...this.tenders.values()].filter((t) => t.plan_id === plan.id).length,
            updated_at,
          }),
        );
      case "get_plan":
        return this.#plan(a.id as string);
      case "save_plan": {
        const plan = a.plan as Plan;
        validatePlan(plan);
        this.plans.set(plan.id, { plan, updated_at: this.#now() });
        return null;
      }
      case "delete_plan": {
        const id = a.id as string;
        this.#plan(id);
        if ([...this.tenders.values()].some((t) => t.plan_id === id))
          throw { code: "conflict", message: "This plan is used by a tender: delete the tender first." } as UserError;
        this.plans.delete(id);
        return null;
      }
      case "import_plan_file": {
        const next = this.nextImport;
        this.nextImport = null;
        if (!next) return null;
        if (!next.plan) throw { code: "wrong_kind", message: "This file is an offer, not a plan: import it with \"Import an offer file\" instead." } as UserError;
        validatePlan(next.plan);
        this.addPlan(next.plan);
        return next.plan;
      }
      case "export_plan_file":
        return `${this.folder}/${this.#plan(a.id as string).id}.svplan.json`;
      case "export_plan_pdf":
        return `${this.folder}/${this.#plan(a.id as string).id}.pdf`;

      case "list_tenders":
        return [...this.tenders.entries()].map(
          ([id, { plan_id, tender }]): TenderSummary => ({
            id,
            plan_id,
            title: tender.title,
            buyer: tender.buyer,
            reference: tender.reference,
            deadline: tender.deadline,
            offers: [...this.offers.values()].filter((o) => o.tender_id === id).length,
          }),
        );
      case "get_tender": {
        const id = a.id as number;
        const t = this.tenders.get(id);
        if (!t) throw notFound(`Tender ${id}`);
        return { id, plan_id: t.plan_id, tender: t.tender } satisfies TenderRecord;
      }
      case "create_tender": {
        const tender = a.tender as Tender;
        this.#plan(a.planId as string);
        validateTender(tender);
        return this.addTender(a.planId as string, tender);
      }
      case "update_tender": {
        const id = a.id as number;
        const t = this.tenders.get(id);
        if (!t) throw notFound(`Tender ${id}`);
        const tender = a.tender as Tender;
        validateTender(tender);
        t.tender = tender;
        return null;
      }
      case "delete_tender": {
        const id = a.id as number;
        if ([...this.offers.values()].some((o) => o.tender_id === id))
          throw { code: "conflict", message: "Offers answer this tender: delete them first." } as UserError;
        this.tenders.delete(id);
        return null;
      }

      case "list_offers":
        return [...this.offers.entries()]
          .map(([id, o]): OfferSummary => {
            const t = this.tenders.get(o.tender_id);
            return {
              id,
              tender_id: o.tender_id,
              tender_title: t?.tender.title ?? "",
              buyer: t?.tender.buyer ?? "",
              reference: t?.tender.reference ?? "",
              plan_id: t?.plan_id ?? "",
              bidder: o.offer.bidder.name,
              commitments: o.offer.commitments.length,
              updated_at: o.updated_at,
              awarded_on: this.contracts.get(id)?.delivery.awarded_on ?? null,
            };
          })
          .sort((x, y) => y.updated_at.localeCompare(x.updated_at));
      case "get_offer": {
        const id = a.id as number;
        const o = this.#offer(id);
        const t = this.tenders.get(o.tender_id);
        if (!t) throw notFound(`Tender ${o.tender_id}`);
        return {
          id,
          tender_id: o.tender_id,
          document: { plan: this.#plan(t.plan_id), tender: t.tender, offer: o.offer },
          updated_at: o.updated_at,
          awarded_on: this.contracts.get(id)?.delivery.awarded_on ?? null,
        } satisfies OfferView;
      }
      case "create_offer": {
        const tenderId = a.tenderId as number;
        if (!this.tenders.has(tenderId)) throw notFound(`Tender ${tenderId}`);
        const bidder = a.bidder as Bidder;
        if (bidder.name.trim() === "") throw invalid("bidder.name: expected a non-empty text");
        return this.addOffer(tenderId, { bidder, answers: [], commitments: [] });
      }
      case "set_bidder": {
        const bidder = a.bidder as Bidder;
        if (bidder.name.trim() === "") throw invalid("bidder.name: expected a non-empty text");
        checkText("bidder.location", bidder.location);
        this.#touch(a.id as number).offer.bidder = bidder;
        return null;
      }
      case "set_answer": {
        const o = this.#touch(a.id as number);
        const question = a.question as string;
        const text = a.text as string;
        const existing = o.offer.answers.find((x) => x.question === question);
        if (existing) existing.text = text;
        else o.offer.answers.push({ question, text });
        return null;
      }
      case "put_commitment": {
        const c = a.commitment as Commitment;
        validateCommitment(c);
        const o = this.#touch(a.id as number);
        const i = o.offer.commitments.findIndex((x) => x.id === c.id);
        if (i >= 0) o.offer.commitments[i] = c;
        else o.offer.commitments.push(c);
        return null;
      }
      case "remove_commitment": {
        const o = this.#touch(a.id as number);
        o.offer.commitments = o.offer.commitments.filter((x) => x.id !== a.commitment);
        return null;
      }
      case "delete_offer":
        this.#offer(a.id as number);
        this.offers.delete(a.id as number);
        this.contracts.delete(a.id as number);
        return null;
      case "import_offer_file": {
        const next = this.nextImport;
        this.nextImport = null;
        if (!next) return null;
        if (!next.offer) throw { code: "wrong_kind", message: "This file is a plan, not an offer: import it with \"Import a plan file\" instead." } as UserError;
        const plan_added = !this.plans.has(next.offer.plan.id);
        if (plan_added) this.addPlan(next.offer.plan);
        const tender_id = this.addTender(next.offer.plan.id, next.offer.tender);
        const offer_id = this.addOffer(tender_id, next.offer.offer);
        return { offer_id, tender_id, plan_id: next.offer.plan.id, plan_added, tender_added: true };
      }
      case "export_offer_file":
        this.#offer(a.id as number);
        return `${this.folder}/offer-${a.id}.svoffer.json`;
      case "export_offer_pdf":
        this.#offer(a.id as number);
        return `${this.folder}/offer-${a.id}${a.review ? "-review" : ""}.pdf`;
      case "export_offer_office":
        this.#offer(a.id as number);
        return `${this.folder}/offer-${a.id}.${a.format as string}`;
      case "portal_answers": {
        const doc = a.doc as OfferDocument;
        return fakePortalAnswers(doc.tender, doc.offer);
      }

      case "score_document":
        return fakeScore(a.doc as OfferDocument);

      case "open_workshop_pack":
        if (this.nextPack) {
          this.workshop = clone(this.nextPack);
          this.collected = false;
        }
        return this.nextPack;
      case "current_workshop_pack":
        return this.workshop;
      case "create_workshop_pack": {
        const t = this.tenders.get(a.tenderId as number);
        if (!t) throw notFound(`Tender ${a.tenderId}`);
        checkText("title", a.title as string);
        const model = a.modelOffer == null ? null : this.#offer(a.modelOffer as number).offer;
        this.workshop = {
          title: a.title as string,
          instructions: a.instructions as string,
          plan: this.#plan(t.plan_id),
          tender: t.tender,
          model_offer: model,
        };
        this.collected = false;
        return `${this.folder}/${a.title}.svworkshop.json`;
      }
      case "collect_workshop_folder":
        if (!this.workshop) throw invalid("no workshop pack is open: open or make one first");
        if (this.cancelFolder) return null;
        this.collected = true;
        return demoComparison(this.workshop, a.anonymise as boolean);
      case "compare_workshop":
        return this.workshop && this.collected ? demoComparison(this.workshop, a.anonymise as boolean) : null;
      case "export_workshop_handout":
        return `${this.folder}/${this.workshop?.title} - handout.pdf`;
      case "export_workshop_csv":
        return `${this.folder}/${this.workshop?.title} - scores.csv`;
      case "start_workshop_offer": {
        if (!this.workshop) throw invalid("no workshop pack is open: open or make one first");
        const name = (a.participant as string).trim();
        if (name === "") throw invalid("bidder.name: expected a non-empty text, found only white space or nothing");
        const tender_id = this.addTender(this.workshop.plan.id, this.workshop.tender);
        const offer_id = this.addOffer(tender_id, { bidder: { name }, answers: [], commitments: [] });
        this.startedPacks.set(offer_id, clone(this.workshop));
        return { offer_id, tender_id, plan_id: this.workshop.plan.id, plan_added: false, tender_added: true };
      }
      case "workshop_for_offer":
        return this.startedPacks.get(a.id as number) ?? null;
      case "export_workshop_offer": {
        const o = this.#offer(a.id as number);
        const pack = this.startedPacks.get(a.id as number) ?? this.workshop;
        if (!pack) throw invalid("no workshop pack is open: open or make one first");
        return `${this.folder}/${o.offer.bidder.name} - ${pack.title}.svoffer.json`;
      }

      case "get_contract":
        this.#offer(a.id as number);
        return this.contracts.get(a.id as number) ?? null;
      case "contract_status": {
        this.#offer(a.id as number);
        const c = this.contracts.get(a.id as number);
        return c ? contractStatus(c.submitted, c.delivery, (a.period as number | null) ?? null, this.today) : null;
      }
      case "award_offer": {
        const c = this.award(a.id as number, a.award as Award, this.today);
        return contractStatus(c.submitted, c.delivery, null, this.today);
      }
      case "withdraw_award": {
        const c = this.#contract(a.id as number);
        if (c.delivery.records.length > 0)
          throw {
            code: "conflict",
            message: `this contract has ${c.delivery.records.length} delivery record(s): an award with a delivery history cannot be withdrawn`,
          } as UserError;
        this.contracts.delete(a.id as number);
        return null;
      }
      case "record_delivery": {
        const id = a.id as number;
        this.record(id, a.records as NewRecord[]);
        const c = this.#contract(id);
        return contractStatus(c.submitted, c.delivery, a.period as number, this.today);
      }
      case "export_progress_report": {
        const c = this.#contract(a.id as number);
        const word = contractStatus(c.submitted, c.delivery, null, this.today).period_word.toLowerCase();
        const what = a.period == null ? "end of contract summary" : `progress report ${word} ${a.period as number}`;
        return `${this.folder}/${c.submitted.offer.bidder.name} - ${c.submitted.tender.reference}.${what}.${a.format as string}`;
      }

      case "list_evidence":
        return [...this.evidence.values()];
      case "save_evidence": {
        const item = a.item as Evidence;
        checkText("title", item.title);
        checkDecimal("quantity", item.quantity);
        checkDate("delivered_on", item.delivered_on);
        const id = (a.id as number | null) ?? this.#id();
        this.evidence.set(id, { id, evidence: item, updated_at: this.#now() });
        return id;
      }
      case "delete_evidence":
        this.evidence.delete(a.id as number);
        return null;
    }
    throw { code: "internal", message: `The fake backend has no command "${command}".` } as UserError;
  }
}

/** A fake store like a first run: the sample plans, the demo offer, two evidence items. */
export function createFakeBackend(options: { empty?: boolean } = {}): FakeBackend {
  const fake = new FakeBackend();
  fake.addPlan(durhamSample);
  fake.addPlan(ukSocialValueModel);
  if (!options.empty) {
    fake.createDemo();
    const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000).toISOString();
    for (const o of fake.offers.values()) o.updated_at = hoursAgo;
    for (const e of demoEvidence(hoursAgo)) fake.evidence.set(e.id + 100, { ...e, id: e.id + 100 });
  }
  return fake;
}
