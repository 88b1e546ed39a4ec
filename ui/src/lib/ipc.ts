// The one module that talks to the backend. Everything else imports `api`
// from here, so that component tests can call the real core through a test
// server with `useBackend`, and no screen ever imports @tauri-apps/api.
//
// The commands, their arguments and their results are the core's command
// table (src/api), generated as `Commands` in bindings/commands.ts: a name
// or an argument that the core does not have is a type error here.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

import type { Award } from "./bindings/Award";
import type { Bidder } from "./bindings/Bidder";
import type { Commands } from "./bindings/commands";
import type { Commitment } from "./bindings/Commitment";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Evidence } from "./bindings/Evidence";
import type { Export } from "./bindings/Export";
import type { NewRecord } from "./bindings/NewRecord";
import type { OfferDocument } from "./bindings/OfferDocument";
import type { Plan } from "./bindings/Plan";
import type { ReportFormat } from "./bindings/ReportFormat";
import type { Shown } from "./bindings/Shown";
import type { Tender } from "./bindings/Tender";
import type { UserError } from "./bindings/UserError";

export type { ReportFormat };

/** The office formats an offer can be saved in, besides PDF. */
export type OfficeFormat = Extract<Export, "docx" | "xlsx" | "csv">;

/** What carries a command to the backend: Tauri in the app, the test server in tests. */
export interface Backend {
  call(command: string, args: Record<string, unknown>): Promise<unknown>;
}

const tauri: Backend = {
  call: (command, args) => invoke(command, args),
};

let backend: Backend = tauri;

/** Replaces the backend (component tests, and the preview in a browser). */
export function useBackend(other: Backend): void {
  backend = other;
}

/**
 * Runs `handler` when the user closes the window. The backend holds the
 * close: the UI answers at once that it has the request, then closes the
 * window itself with `closeWindow` once every pending save has succeeded
 * (or the user chooses to close anyway).
 */
export async function onCloseRequested(handler: () => void): Promise<void> {
  await listen<number>("offerwright://close-requested", (event) => {
    void invoke("closing", { n: event.payload }).finally(handler);
  });
}

/** Closes the window now. */
export function closeWindow(): Promise<void> {
  return invoke("close_window");
}

/**
 * Runs `handler` when the user starts Offerwright again while it is open:
 * the second start hands over to this window and exits.
 */
export async function onSecondStart(handler: () => void): Promise<void> {
  await listen("offerwright://second-start", () => handler());
}

/** A failed command: the backend's `{ code, message }`. */
export class BackendError extends Error {
  readonly code: ErrorCode;

  constructor(error: UserError) {
    super(error.message);
    this.name = "BackendError";
    this.code = error.code;
  }
}

function isUserError(e: unknown): e is UserError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

type NoArgs = Record<string, never>;

/** Calls a command of the core's table with its arguments. */
async function call<K extends keyof Commands>(
  command: K,
  ...args: Commands[K]["args"] extends NoArgs ? [] : [Commands[K]["args"]]
): Promise<Commands[K]["result"]> {
  try {
    return (await backend.call(command, (args[0] ?? {}) as Record<string, unknown>)) as Commands[K]["result"];
  } catch (e) {
    if (isUserError(e)) throw new BackendError(e);
    throw new BackendError({ code: "internal", message: String(e) });
  }
}

/** Every command of the backend, typed by the core's command table. */
export const api = {
  appInfo: () => call("app_info"),
  createDemo: () => call("create_demo"),
  /** Tells the backend the first screen is drawn (for the start-up measurement). */
  uiReady: (): Promise<void> => invoke("ui_ready"),

  /** Whether the store is open, and if not, why: the recovery screen shows then. */
  storeStatus: () => call("store_status"),
  /** Tries again to open a store that could not be opened. */
  reopenStore: () => call("reopen_store"),
  /** Moves a store that cannot be opened aside, untouched, and starts an empty one; where it went. */
  startAfresh: () => call("start_afresh"),
  /** The backups in the `backups/` folder beside the store, newest first (the store need not be open). */
  listBackups: () => call("list_backups"),
  /** Stores that could not be opened and were moved aside, newest first. */
  listSetAside: () => call("list_set_aside"),
  backUpNow: () => call("back_up_now"),
  /** Restores a listed backup, by its file name, after backing up the store as it is. */
  restoreBackup: (fileName: string) => call("restore_backup", { fileName }),
  /** Asks for a backup kept elsewhere and restores it; `null` when cancelled. */
  restoreBackupFile: () => call("restore_backup_file"),

  listPlans: () => call("list_plans"),
  getPlan: (id: string) => call("get_plan", { id }),
  savePlan: (plan: Plan) => call("save_plan", { plan }),
  deletePlan: (id: string) => call("delete_plan", { id }),
  importPlanFile: () => call("import_plan_file"),
  exportPlanFile: (id: string) => call("export_plan_file", { id }),
  exportPlanPdf: (id: string) => call("export_plan_pdf", { id }),
  /** Figures, dates and moments as the core writes them for people, in order. */
  texts: (figures: Shown[]) => call("texts", { figures }),
  /** The words of the product's fixed lists (bidder kinds, statuses, frequencies). */
  choices: () => call("choices"),
  /** Each weight's share of 100 points, as the core works it out. */
  weightShares: (weights: string[]) => call("weight_shares", { weights }),
  /** The plan's place entries that join two names ("Caerfyrddin / Carmarthen"). */
  joinedPlaces: (id: string) => call("joined_places", { id }),
  /** Splits each joined place entry of a stored plan into one entry per name. */
  splitPlaces: (id: string) => call("split_places", { id }),

  listTenders: () => call("list_tenders"),
  getTender: (id: number) => call("get_tender", { id }),
  createTender: (planId: string, tender: Tender) => call("create_tender", { planId, tender }),
  updateTender: (id: number, tender: Tender) => call("update_tender", { id, tender }),
  deleteTender: (id: number) => call("delete_tender", { id }),

  listOffers: () => call("list_offers"),
  getOffer: (id: number) => call("get_offer", { id }),
  createOffer: (tenderId: number, bidder: Bidder) => call("create_offer", { tenderId, bidder }),
  setBidder: (id: number, bidder: Bidder) => call("set_bidder", { id, bidder }),
  setAnswer: (id: number, question: string, text: string) => call("set_answer", { id, question, text }),
  putCommitment: (id: number, commitment: Commitment) => call("put_commitment", { id, commitment }),
  removeCommitment: (id: number, commitment: string) => call("remove_commitment", { id, commitment }),
  deleteOffer: (id: number) => call("delete_offer", { id }),
  importOfferFile: () => call("import_offer_file"),
  exportOfferFile: (id: number) => call("export_offer_file", { id }),
  /** The submission PDF, or with `review` the internal copy with the self-score. */
  exportOfferPdf: (id: number, review: boolean) =>
    call("export_offer", { id, export: review ? "review" : "submission" }),
  /** The submission as a Word file, or the commitments as a spreadsheet or CSV. */
  exportOfferOffice: (id: number, format: OfficeFormat) => call("export_offer", { id, export: format }),
  /** Each answer of a document held in memory as plain text for a portal, with its counts. */
  portalAnswers: (doc: OfferDocument) => call("portal_answers", { doc }),
  /** What the offer's PDFs cannot print (emoji, CJK), place by place. */
  unprintable: (doc: OfferDocument) => call("unprintable", { doc }),
  /** The "Find your social value" interview for a document held in memory. */
  discoveryQuestions: (doc: OfferDocument) => call("discovery_questions", { doc }),
  /** The draft commitments the answers make (nothing is saved). */
  discoveryDrafts: (doc: OfferDocument, answers: Record<string, number | boolean | string>) =>
    call("discovery_drafts", { doc, answers }),

  /** The self-score of a document held in memory (the editor's, not the stored offer). */
  scoreDocument: (doc: OfferDocument) => call("score_document", { doc }),

  /** Asks for a workshop pack file and opens it; null when cancelled. */
  openWorkshopPack: () => call("open_workshop_pack"),
  currentWorkshopPack: () => call("current_workshop_pack"),
  /** Makes a pack from a stored tender and asks where to save it. */
  createWorkshopPack: (tenderId: number, title: string, instructions: string, modelOffer: number | null) =>
    call("create_workshop_pack", { tenderId, title, instructions, modelOffer }),
  /** Asks for the folder of participants' offer files, collects and compares them. */
  collectWorkshopFolder: (anonymise: boolean) => call("collect_workshop_folder", { anonymise }),
  compareWorkshop: (anonymise: boolean) => call("compare_workshop", { anonymise }),
  exportWorkshopHandout: (anonymise: boolean) => call("export_workshop", { output: "handout", anonymise }),
  exportWorkshopCsv: (anonymise: boolean) => call("export_workshop", { output: "scores", anonymise }),
  /** Starts a participant's offer against the open pack. */
  startWorkshopOffer: (participant: string) => call("start_workshop_offer", { participant }),
  /** The pack an offer was started from in this session, if any. */
  workshopForOffer: (id: number) => call("workshop_for_offer", { id }),
  /** Saves the offer file for the trainer, named after the participant and the pack. */
  exportWorkshopOffer: (id: number) => call("export_workshop_offer", { id }),

  /** A won offer's contract with every record, corrections included; null when it was not won. */
  getContract: (id: number) => call("get_contract", { id }),
  /** Where a won offer's delivery stands at the end of `period`, or today with null; null when not won. */
  contractStatus: (id: number, period: number | null) => call("contract_status", { id, period }),
  /** The periods a won offer's screen opens on: the one to report on, and the one holding today. */
  contractCalendar: (id: number) => call("contract_calendar", { id }),
  /** Marks an offer as won: it is then kept as submitted. */
  awardOffer: (id: number, award: Award) => call("award_offer", { id, award }),
  /** Withdraws a mistaken award, while nothing is recorded. */
  withdrawAward: (id: number) => call("withdraw_award", { id }),
  /** Records one period's figures, all or none; returns the status at that period's end. */
  recordDelivery: (id: number, period: number, records: NewRecord[]) =>
    call("record_delivery", { id, period, records }),
  /** Asks where to save a progress report (null period: the end-of-contract summary); the path, or null. */
  exportProgressReport: (id: number, period: number | null, format: ReportFormat) =>
    call("export_progress_report", { id, period, format }),

  listEvidence: () => call("list_evidence"),
  saveEvidence: (id: number | null, item: Evidence) => call("save_evidence", { id, item }),
  deleteEvidence: (id: number) => call("delete_evidence", { id }),
};

export type Api = typeof api;
