/**
 * The sidebar ↔ server contract: every call the sidebar makes through google.script.run, the schema
 * its request must pass, the answer it gets, and the code a refusal carries. The server implements
 * it (src/server/sidebar-api.ts; the compiler checks every call is there with these types) and the
 * sidebar imports it, never src/server (a lint rule). Answers are plain JSON: google.script.run
 * turns a Date in an answer into null. A refusal carries a code the sidebar can branch on.
 */
import type * as z from "zod/mini";
import type { QualityFinding, RoadmapFinding, RoadmapItem } from "./checker";
import type { HistoryRecord } from "./history-seal";
import { CheckInInput, ObjectiveInput } from "./model";
import {
  AddKeyResultRequest,
  ArchiveRequest,
  CheckOkrsRequest,
  CloseCycleRequest,
  CycleRequest,
  EmptyRequest,
  GoToRowRequest,
  HistoryRequest,
  OverviewRequest,
  StartNextCycleRequest,
  AddPeopleRequest,
  UpdateKeyResultRequest,
  UpdateObjectiveRequest,
} from "./requests";
import type { Grade, Reading } from "./rulebook/rules";
import type { Status } from "./status";
import type { Commitment, KrType } from "./vocabulary";

/** Each call's request schema: the server validates with it, the sidebar as the person types. */
export const SIDEBAR_REQUESTS = {
  getOverview: OverviewRequest,
  createObjective: ObjectiveInput,
  updateObjective: UpdateObjectiveRequest,
  addKeyResult: AddKeyResultRequest,
  updateKeyResult: UpdateKeyResultRequest,
  setArchived: ArchiveRequest,
  checkIn: CheckInInput,
  getKeyResultHistory: HistoryRequest,
  setUpTracker: EmptyRequest,
  checkOkrs: CheckOkrsRequest,
  getRoadmap: EmptyRequest,
  goToRow: GoToRowRequest,
  closeCycle: CloseCycleRequest,
  reopenCycle: CycleRequest,
  startNextCycle: StartNextCycleRequest,
  addPeople: AddPeopleRequest,
};

/** Each call's answer. */
export interface SidebarAnswers {
  getOverview: Overview;
  createObjective: { id: string; keyResultIds: string[] };
  updateObjective: void;
  addKeyResult: { id: string };
  updateKeyResult: void;
  setArchived: void;
  checkIn: CheckInResult;
  getKeyResultHistory: HistoryEntry[];
  /** What Set up did, in sentences. */
  setUpTracker: string;
  checkOkrs: OkrCheck;
  getRoadmap: RoadmapItem[];
  goToRow: void;
  closeCycle: CycleClosed;
  /** What reopening did, in a sentence. */
  reopenCycle: string;
  startNextCycle: NextCycle;
  /** What was added, in a sentence ("" when everything was there already). */
  addPeople: string;
}

export type ApiName = keyof typeof SIDEBAR_REQUESTS & keyof SidebarAnswers;
/** What the sidebar sends. */
export type RequestOf<K extends ApiName> = z.input<(typeof SIDEBAR_REQUESTS)[K]>;
/** What the server's handler gets once the request passed its schema. */
export type InputOf<K extends ApiName> = z.output<(typeof SIDEBAR_REQUESTS)[K]>;
export type DataOf<K extends ApiName> = SidebarAnswers[K];

/**
 * Why a call was refused. Stable: the sidebar branches on these, never on a message's wording.
 * - `invalid-input`: the request, or a value in it, doesn't fit (see fieldErrors).
 * - `not-set-up`: a tracker sheet is missing; Set up tracker adds it.
 * - `missing-column`: a column the action needs is missing or renamed; Repair tracker adds it.
 * - `unknown-id`: no objective, key result or cycle with that ID (deleted, or never there).
 * - `unreadable-row`: a tracker row holds what can't be read (text where a number belongs).
 * - `archived`: the key result is archived; restore it first (the message says how).
 * - `archived-objective`: the objective (or the key result's objective) is archived; restore the objective first.
 * - `busy`: someone else held the document lock for too long; try again.
 * - `closed-cycle`: the cycle is closed: its grades are final and it takes no check-ins; reopen it first.
 * - `needs-confirmation`: the action needs a yes first (closing a cycle before its last day).
 * - `nothing-to-check`: no active objective or key result to check against the roadmap.
 * - `unexpected`: a bug, or Apps Script failed; the message says what happened.
 */
export type ErrorCode =
  | "invalid-input"
  | "not-set-up"
  | "missing-column"
  | "unknown-id"
  | "unreadable-row"
  | "archived"
  | "archived-objective"
  | "busy"
  | "closed-cycle"
  | "needs-confirmation"
  | "nothing-to-check"
  | "unexpected";

/** A refusal's account of one request field (`field` is a path such as "keyResults.0.target"). */
export interface FieldError {
  field: string;
  message: string;
}

export type ApiResponse<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors: FieldError[] };

export interface KeyResultView {
  id: string;
  objectiveId: string;
  title: string;
  type: KrType;
  start: number;
  target: number;
  current: number | null;
  unit: string;
  weight: number;
  owner: string;
  archived: boolean;
  confidence: number | null;
  lastCheckIn: string | null;
  progress: number | null;
  status: Status | null;
  /** The score frozen when its cycle was closed, null before. */
  finalScore: number | null;
  /** Its colour as Google grades (the rulebook's `grade`), null before. */
  finalGrade: Grade | null;
  /** The key result of an earlier cycle this one continues ("" if none). */
  carriedFrom: string;
  /** Set when the row can't be read; the rest of the fields are best effort. */
  problem: string | null;
  sheetRow: number;
  /** Its latest check-ins, one a day (the day's last value), oldest first: at most 12. */
  checkIns: { date: string; value: number }[];
  /** Where it is heading at its cycle's end (docs/FORECAST.md); null with fewer than 3 points, for a milestone, or without a cycle. */
  forecast: KeyResultForecast | null;
}

/** A key result's forecast, every number from the rulebook's forecast entries. */
export interface KeyResultForecast {
  /** The cycle's last day (yyyy-mm-dd), where the forecast is read. */
  at: string;
  /** The value the least-squares line through the start and the check-ins reaches then. */
  value: number;
  /** The 80% prediction interval: below `low` or above `high` with 10% chance each. */
  low: number;
  high: number;
  /** The chance of reaching the target (at or below it for a key result that decreases); null when target = start. */
  chance: number | null;
  /** The pace from the start to the last check-in, carried to the end; null before any time has passed. */
  runRate: number | null;
  /** The run-rate falls outside the 80% interval: a second opinion that differs a lot. */
  runRateDiffers: boolean;
}

export interface ObjectiveView {
  id: string;
  title: string;
  cycle: string;
  team: string;
  owner: string;
  commitment: Commitment;
  archived: boolean;
  description: string;
  progress: number | null;
  expected: number | null;
  status: Status | null;
  score: number | null;
  /** The score frozen when its cycle was closed, null before. */
  finalScore: number | null;
  /** Its colour as Google grades (the rulebook's `grade`), null before. */
  finalGrade: Grade | null;
  /** How it reads for its commitment (the rulebook's `reading`), null before. */
  finalReading: Reading | null;
  /** A committed objective below 1.0 or an aspirational one at 0.7 or above: worth a word at the retrospective. */
  calledOut: boolean;
  retrospective: string;
  /** The objective of an earlier cycle this one continues ("" if none). */
  carriedFrom: string;
  /** The objective this one serves ("" if none), and its title ("" when there is no such objective). */
  parent: string;
  parentTitle: string;
  /** How much it counts in its parent's progress (1 if blank). */
  weight: number;
  /** Its progress comes from the objectives serving it: it has no key result of its own that counts. */
  rolledUp: boolean;
  keyResults: KeyResultView[];
  sheetRow: number;
  /**
   * Progress expected at the cycle's end: the weighted mean of its key results' forecasts as progress
   * (a key result without a forecast counts as it stands); null while none has a forecast.
   */
  forecast: number | null;
}

export interface CycleView {
  id: string;
  start: string;
  end: string;
  expected: number;
  /** Closed on the Cycles sheet: grades frozen, check-ins refused. */
  closed: boolean;
  /** Days between check-ins its key results are expected to keep (Check-in every; 14 if blank). */
  cadence: number;
}

export interface Overview {
  /** The spreadsheet's locale (getSpreadsheetLocale, e.g. de_DE): numbers are typed and shown in it. */
  locale: string;
  cycles: CycleView[];
  currentCycle: string;
  teams: string[];
  owners: string[];
  /** The filter's objectives, the first `limit` of them when the request gives one. */
  objectives: ObjectiveView[];
  /** Key results of the running cycle due a check-in, whatever the cycle shown. */
  needsUpdate: DueList;
  /** The People sheet's names and teams: what Owner and Team suggest. */
  people: People;
  /** Every active objective of every cycle, whatever the filter: the choices for a parent. */
  alignable: Alignable[];
  /** How many objectives the filter matches (more than `objectives` holds when a limit cut them). */
  total: number;
  /** Rows that couldn't be read, with where and why (the first 20). */
  problems: string[];
}

export interface People {
  names: string[];
  teams: string[];
}

export interface DueKeyResult {
  keyResult: KeyResultView;
  objectiveTitle: string;
  /** Days since its last check-in, or since its cycle began when it has none. */
  days: number;
}

export interface DueGroup {
  /** The key result's owner, else its objective's; "" when neither has one. */
  owner: string;
  keyResults: DueKeyResult[];
}

export interface DueList {
  /** The most overdue (at most MAX_DUE), by owner. */
  groups: DueGroup[];
  /** How many are due in all. */
  total: number;
}

export interface Alignable {
  id: string;
  title: string;
  cycle: string;
  parent: string;
}

export interface CheckInResult {
  keyResult: KeyResultView;
  previous: number | string;
  /** Things the person should know, e.g. that History was edited by hand. */
  warnings: string[];
}

export type HistoryEntry = Pick<HistoryRecord, "previous" | "value" | "confidence" | "note" | "author" | "source"> & {
  /** The record's day, yyyy-mm-dd. */
  when: string;
};

export interface OkrFinding {
  id: string;
  kind: "objective" | "key_result";
  text: string;
  sheet: string;
  row: number;
  roadmap: RoadmapFinding;
  /** Roadmap items named, as "R-3 Redis 7 migration". */
  items: string[];
  quality: QualityFinding[];
}

export interface OkrCheck {
  findings: OkrFinding[];
  summary: string;
  shipTheRoadmap: boolean;
  counts: { duplicate: number; output: number; related: number; ok: number; quality: number };
}

/** An objective a closed cycle calls out, as Google's grading reads it. */
export interface Callout {
  objectiveId: string;
  title: string;
  commitment: Commitment;
  score: number;
  reading: Reading;
}

export interface CycleClosed {
  cycle: string;
  objectives: number;
  keyResults: number;
  /** Committed objectives below 1.0 and aspirational ones at 0.7 or above. */
  callouts: Callout[];
  /** What closing did, in sentences. */
  summary: string;
}

export interface CarriedItem {
  id: string;
  /** The ID it continues, e.g. O-3 or KR-3.1. */
  from: string;
}

export interface NextCycle {
  cycle: string;
  /** Whether the Cycles sheet got a new row (false: the cycle was there already). */
  createdCycle: boolean;
  objectives: (CarriedItem & { keyResults: (CarriedItem & { start: number })[] })[];
  /** Things the manager should fix, e.g. a key result that starts at its target. */
  warnings: string[];
  /** The roadmap check on the new cycle's objectives and key results (null when nothing was carried). */
  check: OkrCheck | null;
  summary: string;
}
