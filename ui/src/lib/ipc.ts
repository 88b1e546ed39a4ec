// The one module that talks to the backend. Everything else imports `api`
// from here, so that component tests can install a fake backend with
// `useBackend` and no screen ever imports @tauri-apps/api.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

import type { BackupRecord } from "./bindings/BackupRecord";
import type { Bidder } from "./bindings/Bidder";
import type { Award } from "./bindings/Award";
import type { Commitment } from "./bindings/Commitment";
import type { Comparison } from "./bindings/Comparison";
import type { Contract } from "./bindings/Contract";
import type { ContractStatus } from "./bindings/ContractStatus";
import type { Demo } from "./bindings/Demo";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Evidence } from "./bindings/Evidence";
import type { EvidenceRecord } from "./bindings/EvidenceRecord";
import type { ImportedOffer } from "./bindings/ImportedOffer";
import type { NewRecord } from "./bindings/NewRecord";
import type { OfferDocument } from "./bindings/OfferDocument";
import type { OfferSummary } from "./bindings/OfferSummary";
import type { OfferView } from "./bindings/OfferView";
import type { Plan } from "./bindings/Plan";
import type { PlanSummary } from "./bindings/PlanSummary";
import type { PortalAnswer } from "./bindings/PortalAnswer";
import type { Report } from "./bindings/Report";
import type { Restored } from "./bindings/Restored";
import type { SetAside } from "./bindings/SetAside";
import type { StoreInfo } from "./bindings/StoreInfo";
import type { StoreStatus } from "./bindings/StoreStatus";
import type { Tender } from "./bindings/Tender";
import type { TenderRecord } from "./bindings/TenderRecord";
import type { TenderSummary } from "./bindings/TenderSummary";
import type { UserError } from "./bindings/UserError";
import type { Workshop } from "./bindings/Workshop";

/** The office formats an offer can be saved in, besides PDF. */
export type OfficeFormat = "docx" | "xlsx" | "csv";

/** The formats of a progress report. */
export type ReportFormat = "pdf" | "xlsx";

/** What carries a command to the backend: Tauri in the app, a fake in tests. */
export interface Backend {
  call(command: string, args?: Record<string, unknown>): Promise<unknown>;
}

const tauri: Backend = {
  call: (command, args) => invoke(command, args),
};

let backend: Backend = tauri;

/** Replaces the backend (component tests only). */
export function useBackend(fake: Backend): void {
  backend = fake;
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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return (await backend.call(command, args)) as T;
  } catch (e) {
    if (isUserError(e)) throw new BackendError(e);
    throw new BackendError({ code: "internal", message: String(e) });
  }
}

/** Every command of the backend, typed with the generated bindings. */
export const api = {
  appInfo: () => call<StoreInfo>("app_info"),
  createDemo: () => call<Demo>("create_demo"),
  /** Tells the backend the first screen is drawn (for the start-up measurement). */
  uiReady: () => call<null>("ui_ready"),

  /** Whether the store is open, and if not, why: the recovery screen shows then. */
  storeStatus: () => call<StoreStatus>("store_status"),
  /** Tries again to open a store that could not be opened. */
  reopenStore: () => call<StoreStatus>("reopen_store"),
  /** Moves a store that cannot be opened aside, untouched, and starts an empty one; where it went. */
  startAfresh: () => call<string>("start_afresh"),
  /** The backups in the `backups/` folder beside the store, newest first (the store need not be open). */
  listBackups: () => call<BackupRecord[]>("list_backups"),
  /** Stores that could not be opened and were moved aside, newest first. */
  listSetAside: () => call<SetAside[]>("list_set_aside"),
  backUpNow: () => call<BackupRecord>("back_up_now"),
  /** Restores a listed backup, by its file name, after backing up the store as it is. */
  restoreBackup: (fileName: string) => call<Restored>("restore_backup", { fileName }),
  /** Asks for a backup kept elsewhere and restores it; `null` when cancelled. */
  restoreBackupFile: () => call<Restored | null>("restore_backup_file"),

  listPlans: () => call<PlanSummary[]>("list_plans"),
  getPlan: (id: string) => call<Plan>("get_plan", { id }),
  savePlan: (plan: Plan) => call<null>("save_plan", { plan }),
  deletePlan: (id: string) => call<null>("delete_plan", { id }),
  importPlanFile: () => call<Plan | null>("import_plan_file"),
  exportPlanFile: (id: string) => call<string | null>("export_plan_file", { id }),
  exportPlanPdf: (id: string) => call<string | null>("export_plan_pdf", { id }),

  listTenders: () => call<TenderSummary[]>("list_tenders"),
  getTender: (id: number) => call<TenderRecord>("get_tender", { id }),
  createTender: (planId: string, tender: Tender) =>
    call<number>("create_tender", { planId, tender }),
  updateTender: (id: number, tender: Tender) => call<null>("update_tender", { id, tender }),
  deleteTender: (id: number) => call<null>("delete_tender", { id }),

  listOffers: () => call<OfferSummary[]>("list_offers"),
  getOffer: (id: number) => call<OfferView>("get_offer", { id }),
  createOffer: (tenderId: number, bidder: Bidder) =>
    call<number>("create_offer", { tenderId, bidder }),
  setBidder: (id: number, bidder: Bidder) => call<null>("set_bidder", { id, bidder }),
  setAnswer: (id: number, question: string, text: string) =>
    call<null>("set_answer", { id, question, text }),
  putCommitment: (id: number, commitment: Commitment) =>
    call<null>("put_commitment", { id, commitment }),
  removeCommitment: (id: number, commitment: string) =>
    call<null>("remove_commitment", { id, commitment }),
  deleteOffer: (id: number) => call<null>("delete_offer", { id }),
  importOfferFile: () => call<ImportedOffer | null>("import_offer_file"),
  exportOfferFile: (id: number) => call<string | null>("export_offer_file", { id }),
  /** The submission PDF, or with `review` the internal copy with the self-score. */
  exportOfferPdf: (id: number, review: boolean) =>
    call<string | null>("export_offer_pdf", { id, review }),
  /** The submission as a Word file, or the commitments as a spreadsheet or CSV. */
  exportOfferOffice: (id: number, format: OfficeFormat) =>
    call<string | null>("export_offer_office", { id, format }),
  /** Each answer of a document held in memory as plain text for a portal, with its counts. */
  portalAnswers: (doc: OfferDocument) => call<PortalAnswer[]>("portal_answers", { doc }),

  /** The self-score of a document held in memory (the editor's, not the stored offer). */
  scoreDocument: (doc: OfferDocument) => call<Report>("score_document", { doc }),

  /** Asks for a workshop pack file and opens it; null when cancelled. */
  openWorkshopPack: () => call<Workshop | null>("open_workshop_pack"),
  currentWorkshopPack: () => call<Workshop | null>("current_workshop_pack"),
  /** Makes a pack from a stored tender and asks where to save it. */
  createWorkshopPack: (tenderId: number, title: string, instructions: string, modelOffer: number | null) =>
    call<string | null>("create_workshop_pack", { tenderId, title, instructions, modelOffer }),
  /** Asks for the folder of participants' offer files, collects and compares them. */
  collectWorkshopFolder: (anonymise: boolean) =>
    call<Comparison | null>("collect_workshop_folder", { anonymise }),
  compareWorkshop: (anonymise: boolean) => call<Comparison | null>("compare_workshop", { anonymise }),
  exportWorkshopHandout: (anonymise: boolean) =>
    call<string | null>("export_workshop_handout", { anonymise }),
  exportWorkshopCsv: (anonymise: boolean) => call<string | null>("export_workshop_csv", { anonymise }),
  /** Starts a participant's offer against the open pack. */
  startWorkshopOffer: (participant: string) =>
    call<ImportedOffer>("start_workshop_offer", { participant }),
  /** The pack an offer was started from in this session, if any. */
  workshopForOffer: (id: number) => call<Workshop | null>("workshop_for_offer", { id }),
  /** Saves the offer file for the trainer, named after the participant and the pack. */
  exportWorkshopOffer: (id: number) => call<string | null>("export_workshop_offer", { id }),

  /** A won offer's contract with every record, corrections included; null when it was not won. */
  getContract: (id: number) => call<Contract | null>("get_contract", { id }),
  /** Where a won offer's delivery stands at the end of `period`, or today with null; null when not won. */
  contractStatus: (id: number, period: number | null) =>
    call<ContractStatus | null>("contract_status", { id, period }),
  /** Marks an offer as won: it is then kept as submitted. */
  awardOffer: (id: number, award: Award) => call<ContractStatus>("award_offer", { id, award }),
  /** Withdraws a mistaken award, while nothing is recorded. */
  withdrawAward: (id: number) => call<null>("withdraw_award", { id }),
  /** Records one period's figures, all or none; returns the status at that period's end. */
  recordDelivery: (id: number, period: number, records: NewRecord[]) =>
    call<ContractStatus>("record_delivery", { id, period, records }),
  /** Asks where to save a progress report (null period: the end-of-contract summary); the path, or null. */
  exportProgressReport: (id: number, period: number | null, format: ReportFormat) =>
    call<string | null>("export_progress_report", { id, period, format }),

  listEvidence: () => call<EvidenceRecord[]>("list_evidence"),
  saveEvidence: (id: number | null, item: Evidence) =>
    call<number>("save_evidence", { id, item }),
  deleteEvidence: (id: number) => call<null>("delete_evidence", { id }),
};

export type Api = typeof api;
