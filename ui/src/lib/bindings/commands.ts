// Generated from the command table in src/api/mod.rs: do not edit.
// Regenerate with OFFERWRIGHT_BLESS=1 cargo test --test it bindings.

import type { Award } from "./Award";
import type { BackupRecord } from "./BackupRecord";
import type { Bidder } from "./Bidder";
import type { Choices } from "./Choices";
import type { Commitment } from "./Commitment";
import type { Comparison } from "./Comparison";
import type { Contract } from "./Contract";
import type { ContractCalendar } from "./ContractCalendar";
import type { ContractStatus } from "./ContractStatus";
import type { Demo } from "./Demo";
import type { Drafts } from "./Drafts";
import type { Evidence } from "./Evidence";
import type { EvidenceRecord } from "./EvidenceRecord";
import type { Export } from "./Export";
import type { ImportedOffer } from "./ImportedOffer";
import type { InterviewQuestion } from "./InterviewQuestion";
import type { JoinedPlace } from "./JoinedPlace";
import type { NewRecord } from "./NewRecord";
import type { OfferDocument } from "./OfferDocument";
import type { OfferSummary } from "./OfferSummary";
import type { OfferView } from "./OfferView";
import type { Plan } from "./Plan";
import type { PlanSummary } from "./PlanSummary";
import type { PortalAnswer } from "./PortalAnswer";
import type { Report } from "./Report";
import type { ReportFormat } from "./ReportFormat";
import type { Restored } from "./Restored";
import type { SetAside } from "./SetAside";
import type { Shown } from "./Shown";
import type { StoreInfo } from "./StoreInfo";
import type { StoreStatus } from "./StoreStatus";
import type { Tender } from "./Tender";
import type { TenderRecord } from "./TenderRecord";
import type { TenderSummary } from "./TenderSummary";
import type { Unprintable } from "./Unprintable";
import type { Workshop } from "./Workshop";
import type { WorkshopOutput } from "./WorkshopOutput";

/** Every command of the backend: its arguments and its result. */
export type Commands = {
  /** Offerwright's version and where the store lives. */
  app_info: { args: Record<string, never>; result: StoreInfo };
  /** Whether the store is open, and if not, why: the recovery screen shows then. */
  store_status: { args: Record<string, never>; result: StoreStatus };
  /** Tries again to open a store that could not be opened. */
  reopen_store: { args: Record<string, never>; result: StoreStatus };
  /** Moves a store that cannot be opened aside, untouched, and starts an empty one; where it went. */
  start_afresh: { args: Record<string, never>; result: string };
  /** Creates the demo tender and offer (again). */
  create_demo: { args: Record<string, never>; result: Demo };
  /** The backups in the backups folder beside the store, newest first (the store need not be open). */
  list_backups: { args: Record<string, never>; result: Array<BackupRecord> };
  /** Stores that could not be opened and were moved aside, newest first. */
  list_set_aside: { args: Record<string, never>; result: Array<SetAside> };
  /** Backs the store up into the backups folder now. */
  back_up_now: { args: Record<string, never>; result: BackupRecord };
  /** Restores a listed backup, by its file name, after backing up the store as it is. */
  restore_backup: { args: { fileName: string, }; result: Restored };
  /** Asks for a backup kept elsewhere and restores it; null when cancelled. */
  restore_backup_file: { args: Record<string, never>; result: Restored | null };
  /** Every plan. */
  list_plans: { args: Record<string, never>; result: Array<PlanSummary> };
  /** One whole plan. */
  get_plan: { args: { id: string, }; result: Plan };
  /** Adds a plan, or replaces the stored plan with the same id. */
  save_plan: { args: { plan: Plan, }; result: null };
  /** Deletes a plan no tender uses. */
  delete_plan: { args: { id: string, }; result: null };
  /** Asks for a plan file and imports it; null when cancelled. */
  import_plan_file: { args: Record<string, never>; result: Plan | null };
  /** Asks where to save the plan file and writes it; the path, or null. */
  export_plan_file: { args: { id: string, }; result: string | null };
  /** Asks where to save the plan on a page as a one-page PDF and writes it; the path, or null. */
  export_plan_pdf: { args: { id: string, }; result: string | null };
  /** Each weight's share of 100 points ("20", "12.5"), as the plan on a page shows it. */
  weight_shares: { args: { weights: Array<string>, }; result: Array<string> };
  /** Figures, dates and moments as the core writes them for people, in order. */
  texts: { args: { figures: Array<Shown>, }; result: Array<string> };
  /** The words of the product's fixed lists: bidder kinds, statuses, frequencies. */
  choices: { args: Record<string, never>; result: Choices };
  /** The plan's place entries that join two names ("Caerfyrddin / Carmarthen"). */
  joined_places: { args: { id: string, }; result: Array<JoinedPlace> };
  /** Splits each joined place entry of a stored plan into one entry per name; the plan. */
  split_places: { args: { id: string, }; result: Plan };
  /** Every tender. */
  list_tenders: { args: Record<string, never>; result: Array<TenderSummary> };
  /** One tender with its questions. */
  get_tender: { args: { id: number, }; result: TenderRecord };
  /** Records a new tender against a plan; its id. */
  create_tender: { args: { planId: string, tender: Tender, }; result: number };
  /** Changes a tender's details and questions. */
  update_tender: { args: { id: number, tender: Tender, }; result: null };
  /** Deletes a tender no offer answers. */
  delete_tender: { args: { id: number, }; result: null };
  /** Every offer, most recently changed first. */
  list_offers: { args: Record<string, never>; result: Array<OfferSummary> };
  /** An offer with its plan and tender, for the editor. */
  get_offer: { args: { id: number, }; result: OfferView };
  /** Starts a new offer for a tender; its id. */
  create_offer: { args: { tenderId: number, bidder: Bidder, }; result: number };
  /** Changes the bidder. */
  set_bidder: { args: { id: number, bidder: Bidder, }; result: null };
  /** Saves the answer to one question. */
  set_answer: { args: { id: number, question: string, text: string, }; result: null };
  /** Adds or replaces a commitment. */
  put_commitment: { args: { id: number, commitment: Commitment, }; result: null };
  /** Removes a commitment. */
  remove_commitment: { args: { id: number, commitment: string, }; result: null };
  /** Deletes an offer (a won offer is refused). */
  delete_offer: { args: { id: number, }; result: null };
  /** Asks for an offer file and imports it; null when cancelled. */
  import_offer_file: { args: Record<string, never>; result: ImportedOffer | null };
  /** Asks where to save the offer file (a won offer's as submitted) and writes it; the path, or null. */
  export_offer_file: { args: { id: number, }; result: string | null };
  /** Asks where to save an export of the offer (PDF, Word, spreadsheet, CSV) and writes it; the path, or null. */
  export_offer: { args: { id: number, export: Export, }; result: string | null };
  /** Scores the offer the editor holds in memory, so the score follows every keystroke. */
  score_document: { args: { doc: OfferDocument, }; result: Report };
  /** Each answer of the offer in memory as plain text for a portal, with its counts. */
  portal_answers: { args: { doc: OfferDocument, }; result: Array<PortalAnswer> };
  /** The characters of the offer in memory that its PDFs cannot print, place by place. */
  unprintable: { args: { doc: OfferDocument, }; result: Array<Unprintable> };
  /** The interview "Find your social value" asks for the offer in memory. */
  discovery_questions: { args: { doc: OfferDocument, }; result: Array<InterviewQuestion> };
  /** The draft commitments the answers make, each sized and with its band; nothing is saved. */
  discovery_drafts: { args: { doc: OfferDocument, answers: Record<string, number | boolean | string>, }; result: Drafts };
  /** A won offer's contract with every record; null when it was not won. */
  get_contract: { args: { id: number, }; result: Contract | null };
  /** Where a won offer stands: today, or at the end of a period; null when it was not won. */
  contract_status: { args: { id: number, period: number | null, }; result: ContractStatus | null };
  /** The periods a won offer's screen opens on: the one to report on, and the one holding today. */
  contract_calendar: { args: { id: number, }; result: ContractCalendar | null };
  /** Marks an offer as won, today. */
  award_offer: { args: { id: number, award: Award, }; result: ContractStatus };
  /** Withdraws a mistaken award (only while nothing is recorded). */
  withdraw_award: { args: { id: number, }; result: null };
  /** Records the figures of one period's form, all or none; where the contract stands at that period's end. */
  record_delivery: { args: { id: number, period: number, records: Array<NewRecord>, }; result: ContractStatus };
  /** Asks where to save a progress report (or, with no period, the end-of-contract summary) and writes it; the path, or null. */
  export_progress_report: { args: { id: number, period: number | null, format: ReportFormat, }; result: string | null };
  /** The whole evidence library. */
  list_evidence: { args: Record<string, never>; result: Array<EvidenceRecord> };
  /** Adds an item (no id) or changes one; its id. */
  save_evidence: { args: { id: number | null, item: Evidence, }; result: number };
  /** Deletes an item. */
  delete_evidence: { args: { id: number, }; result: null };
  /** Asks for a workshop pack and opens it; null when cancelled. */
  open_workshop_pack: { args: Record<string, never>; result: Workshop | null };
  /** The pack open in this session, if any. */
  current_workshop_pack: { args: Record<string, never>; result: Workshop | null };
  /** Makes a pack from a stored tender, instructions and a model offer, asks where to save it; the path, or null. */
  create_workshop_pack: { args: { tenderId: number, title: string, instructions: string, modelOffer: number | null, }; result: string | null };
  /** Asks for the folder of offer files, collects it against the open pack and compares; null when cancelled. */
  collect_workshop_folder: { args: { anonymise: boolean, }; result: Comparison | null };
  /** The comparison of the offers last collected, anonymised or not. */
  compare_workshop: { args: { anonymise: boolean, }; result: Comparison | null };
  /** Asks where to save the debrief handout or the scores and writes it; the path, or null. */
  export_workshop: { args: { output: WorkshopOutput, anonymise: boolean, }; result: string | null };
  /** Starts a participant's offer against the open pack. */
  start_workshop_offer: { args: { participant: string, }; result: ImportedOffer };
  /** The pack an offer was started from in this session, if any. */
  workshop_for_offer: { args: { id: number, }; result: Workshop | null };
  /** Asks where to save a participant's offer file, named after them and the pack; the path, or null. */
  export_workshop_offer: { args: { id: number, }; result: string | null };
};
