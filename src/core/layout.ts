/**
 * The tracker's sheets and columns. Code finds columns by header text, never by position, so people
 * can reorder and add columns. Formula columns hold one array formula in the header cell that fills
 * the whole column (see formulas.ts); "helper" columns feed other columns' formulas (the objective
 * roll-up and status, the key results' Expected).
 */
import { RECENT_COLUMN, SUM_COLUMNS, TREND_COLUMN } from "./trend";
import { RULES } from "./rulebook/rules";
import { COMMITMENTS, CYCLE_STATES, KR_TYPES, STATES } from "./vocabulary";

export type SheetKey = "objectives" | "keyResults" | "history" | "cycles" | "roadmap" | "kpis" | "people";

export type Validation =
  | { kind: "list"; values: readonly string[] }
  | { kind: "column"; sheet: SheetKey; column: string }
  | { kind: "number"; min?: number; max?: number; integer?: boolean }
  | { kind: "date" };

export interface ColumnSpec {
  header: string;
  kind: "input" | "formula" | "helper" | "tool";
  /** A header note telling people what belongs in the column. */
  note: string;
  numberFormat?: string;
  validation?: Validation;
  /** Accept values outside the validation with a warning, instead of rejecting them. */
  lenient?: boolean;
  width?: number;
  /** Kept by the add-on, not for reading: Set up and Repair hide the column. */
  hidden?: boolean;
}

export interface SheetSpec {
  key: SheetKey;
  name: string;
  tabColor: string;
  columns: readonly ColumnSpec[];
}

const PERCENT = "0%";
const DATE = "yyyy-mm-dd";

/**
 * The grade a closed cycle froze (see 'Close cycle'): a value, not a formula, so later edits to
 * data or formulas can't change a closed quarter's grades. Coloured as Google grades.
 */
function finalScoreColumn(what: string): ColumnSpec {
  return {
    header: "Final score",
    kind: "tool",
    note:
      "Written by 'Close cycle': " +
      what +
      "'s score when its cycle was closed (0.0 to 1.0), kept as a value. Closing the cycle again rewrites it.",
    numberFormat: "0.0",
    width: 70,
  };
}

function carriedFromColumn(example: string): ColumnSpec {
  return {
    header: "Carried from",
    kind: "input",
    note: "Written by 'Start next cycle': the ID this row continues from the previous cycle, e.g. " + example + ".",
    width: 90,
  };
}

/** Where a key result's forecast is read: its objective's cycle's dates, looked up for the sheet's formulas. */
function cycleDateColumn(header: string, which: string, whose: string): ColumnSpec {
  return {
    header,
    kind: "helper",
    note: "Computed for the forecast: the " + which + " day of " + whose + "'s cycle (blank without one).",
    numberFormat: DATE,
    width: 90,
  };
}

/**
 * A key result's running sums and latest points, written with each check-in (core/trend.ts): what
 * its forecast needs without reading History. Hidden; Repair recounts them from History.
 */
const TREND_STATE_COLUMNS: ColumnSpec[] = [
  ...Object.values(SUM_COLUMNS).map((header) => ({
    header,
    kind: "tool" as const,
    note: "Kept by the add-on for the forecast (days as Sheets numbers dates); Repair tracker recounts it from History.",
    hidden: true,
    width: 80,
  })),
  {
    header: RECENT_COLUMN,
    kind: "tool",
    note: "Kept by the add-on: the latest check-ins as day:value pairs, drawn in Trend; Repair tracker recounts them from History.",
    hidden: true,
    width: 120,
  },
];

/**
 * The alignment roll-up's helper columns: each level a column of its own, since a column computed
 * from itself (children's Progress feeding the parent's Progress) would be a circular reference.
 */
function rollUpHelper(header: string, what: string, numberFormat: string): ColumnSpec {
  return { header, kind: "helper", note: "Computed for the alignment roll-up: " + what, numberFormat, width: 90 };
}

/** Objectives and key results read their status the same way (the rulebook's `status`). */
const STATUS_COLUMN: ColumnSpec = {
  header: "Status",
  kind: "formula",
  note: "Computed: Done, On track, At risk, Off track, or No check-in yet while nobody has checked in.",
  width: 110, // "No check-in yet" fits
};

/** Where "Check OKRs against roadmap" writes its verdicts, on the Objectives and the Key Results sheet. */
const ROADMAP_CHECK_COLUMN: ColumnSpec = {
  header: "Roadmap check",
  kind: "tool",
  note: "Written by 'Check OKRs against roadmap': duplicate, output, related or ok, and the roadmap item. The reason is in the cell's note.",
  width: 160,
};
export const ROADMAP_CHECK = ROADMAP_CHECK_COLUMN.header;

export const OBJECTIVES: SheetSpec = {
  key: "objectives",
  name: "Objectives",
  tabColor: "#1a73e8",
  columns: [
    { header: "ID", kind: "input", note: "Given by the add-on (O-1, O-2, ...). Don't reuse IDs.", width: 60 },
    {
      header: "Objective",
      kind: "input",
      note: "What is different this quarter: a shift of focus, a change, something to find out.",
      width: 280,
    },
    {
      header: "Cycle",
      kind: "input",
      note: "The cycle from the Cycles sheet, e.g. 2026-Q4.",
      validation: { kind: "column", sheet: "cycles", column: "Cycle" },
      width: 80,
    },
    {
      header: "Team",
      kind: "input",
      note: "The team that owns the objective.",
      validation: { kind: "column", sheet: "people", column: "Team" },
      lenient: true,
      width: 110,
    },
    {
      header: "Owner",
      kind: "input",
      note: "The person accountable.",
      validation: { kind: "column", sheet: "people", column: "Name" },
      lenient: true,
      width: 120,
    },
    {
      header: "Commitment",
      kind: "input",
      note: "committed: expected to reach 1.0. aspirational: about 0.7 is success.",
      validation: { kind: "list", values: COMMITMENTS },
      width: 100,
    },
    {
      header: "State",
      kind: "input",
      note: "Active or Archived. Archived objectives stay for the record.",
      validation: { kind: "list", values: STATES },
      width: 80,
    },
    { header: "Description", kind: "input", note: "Why this matters now (optional).", width: 220 },
    {
      header: "Progress",
      kind: "formula",
      note: "Computed: weighted mean of the active key results' progress; an objective without key results of its own takes its children's (objectives naming it as Parent), weighted by their Weight, two levels deep.",
      numberFormat: PERCENT,
      width: 80,
    },
    {
      header: "Expected",
      kind: "formula",
      note: "Computed: share of the cycle that has passed.",
      numberFormat: PERCENT,
      width: 80,
    },
    STATUS_COLUMN,
    {
      header: "Score",
      kind: "formula",
      note: "Computed: progress rounded to one decimal (0.0 to 1.0).",
      numberFormat: "0.0",
      width: 60,
    },
    {
      header: "Has cycle",
      kind: "helper",
      note: "Computed for the key results' Expected: 1 when the Cycles sheet has this objective's cycle with both dates.",
      numberFormat: "0",
      width: 70,
    },
    ROADMAP_CHECK_COLUMN,
    finalScoreColumn("the objective"),
    {
      header: "Retrospective",
      kind: "input",
      note: "What we learned this cycle, in a few words (asked for when the cycle is closed; optional).",
      width: 240,
    },
    carriedFromColumn("O-3"),
    {
      header: "Parent",
      kind: "input",
      note: "The ID of the objective this one serves (optional), e.g. a company objective O-1 kept here under a Company team, or Company O-1 for one in the company tracker (Roll-up shows it). Same cycle; no loops; at most three levels (company → department → team).",
      validation: { kind: "column", sheet: "objectives", column: "ID" },
      lenient: true,
      width: 70,
    },
    {
      header: "Parent objective",
      kind: "formula",
      note: "Computed: the parent's title.",
      width: 220,
    },
    cycleDateColumn("Cycle start", "first", "the objective"),
    cycleDateColumn("Cycle end", "last", "the objective"),
    {
      header: "Weight",
      kind: "input",
      note: "How much this objective counts in its parent's progress (1 if blank).",
      validation: { kind: "number", min: 0, max: 100 },
      width: 60,
    },
    rollUpHelper("Own progress", "progress from its own key results (blank without any).", PERCENT),
    rollUpHelper("Counted weight", "the weight, or 0 when archived.", "0.##"),
    rollUpHelper("Weighted own progress", "own progress × counted weight, what a parent one level up totals.", "0.00"),
    rollUpHelper(
      "Rolled-up progress",
      "own progress, or without key results of its own its children's own progress, weighted (one level).",
      PERCENT,
    ),
    rollUpHelper(
      "Weighted rolled-up progress",
      "rolled-up progress × counted weight, what a parent two levels up totals.",
      "0.00",
    ),
    rollUpHelper("Own check-ins", "how many of its active key results have a check-in.", "0"),
    rollUpHelper("Rolled-up check-ins", "own check-ins plus its children's, for a parent's status.", "0"),
  ],
};

export const KEY_RESULTS: SheetSpec = {
  key: "keyResults",
  name: "Key Results",
  tabColor: "#188038",
  columns: [
    { header: "ID", kind: "input", note: "Given by the add-on (KR-1.1 is the first key result of O-1).", width: 70 },
    {
      header: "Objective ID",
      kind: "input",
      note: "The objective this key result measures.",
      validation: { kind: "column", sheet: "objectives", column: "ID" },
      width: 90,
    },
    {
      header: "Key result",
      kind: "input",
      note: "An outcome with a number: '1000 users/day use the new screen', not 'ship the new screen'.",
      width: 280,
    },
    {
      header: "Type",
      kind: "input",
      note: "increase, decrease, percentage or milestone.",
      validation: { kind: "list", values: KR_TYPES },
      width: 90,
    },
    {
      header: "Start",
      kind: "input",
      note: "The value at the start of the cycle.",
      validation: { kind: "number" },
      width: 70,
    },
    { header: "Target", kind: "input", note: "The value that means done.", validation: { kind: "number" }, width: 70 },
    {
      header: "Current",
      kind: "input",
      note: "The latest value. Typing here is recorded in History.",
      validation: { kind: "number" },
      width: 70,
    },
    {
      header: "Confidence",
      kind: "input",
      note: "1 to 10: how likely the target is reached, as of the last check-in.",
      validation: { kind: "number", min: 1, max: 10, integer: true },
      width: 80,
    },
    {
      header: "Last check-in",
      kind: "input",
      note: "Date of the last recorded value.",
      numberFormat: DATE,
      validation: { kind: "date" },
      width: 100,
    },
    // The trend and its running sums sit next to the check-in's cells, so a check-in stays one write.
    {
      header: TREND_COLUMN,
      kind: "tool",
      note: "Written at each check-in and typed value: a bar per recent check-in (the last 12, one a day), from ▁ at the start value to █ at the target.",
      width: 100,
    },
    ...TREND_STATE_COLUMNS,
    { header: "Unit", kind: "input", note: "ms, users/day, %, ... (optional).", width: 70 },
    {
      header: "Weight",
      kind: "input",
      note: "How much this key result counts in its objective (1 if blank).",
      validation: { kind: "number", min: 0, max: 100 },
      width: 60,
    },
    {
      header: "Owner",
      kind: "input",
      note: "The person who checks in.",
      validation: { kind: "column", sheet: "people", column: "Name" },
      lenient: true,
      width: 120,
    },
    {
      header: "State",
      kind: "input",
      note: "Active or Archived. Archived key results don't count in progress.",
      validation: { kind: "list", values: STATES },
      width: 80,
    },
    {
      header: "Progress",
      kind: "formula",
      note: "Computed: (current − start) / (target − start), 0% to 100%.",
      numberFormat: PERCENT,
      width: 80,
    },
    {
      header: "Expected",
      kind: "formula",
      note: "Computed: share of the objective's cycle that has passed.",
      numberFormat: PERCENT,
      width: 80,
    },
    STATUS_COLUMN,
    {
      header: "Score",
      kind: "formula",
      note: "Computed: progress rounded to one decimal.",
      numberFormat: "0.0",
      width: 60,
    },
    {
      header: "Counted weight",
      kind: "helper",
      note: "Computed for the objective roll-up: the weight, or 0 when archived.",
      numberFormat: "0.##",
      width: 80,
    },
    {
      header: "Weighted progress",
      kind: "helper",
      note: "Computed for the objective roll-up: progress × counted weight.",
      numberFormat: "0.00",
      width: 90,
    },
    {
      header: "Checked in",
      kind: "helper",
      note: "Computed for the objective's status: 1 when this key result is active and has a check-in.",
      numberFormat: "0",
      width: 70,
    },
    ROADMAP_CHECK_COLUMN,
    finalScoreColumn("the key result"),
    carriedFromColumn("KR-3.1"),
    {
      header: "Forecast",
      kind: "formula",
      note: "Computed: where the trend is heading on the cycle's last day, the least-squares line through the start and the check-ins (needs 3 points; none for milestones; not below 0 when start and target are 0 or more). docs/FORECAST.md.",
      // One decimal always: "#,##0.###" shows a whole number with a bare point ("0.", "92.").
      numberFormat: "#,##0.0##",
      width: 80,
    },
    {
      header: "Chance",
      kind: "formula",
      note: "Computed: the chance the cycle ends at the target or beyond (at or below it for a key result that decreases), from the forecast's scatter (Student's t, 80% range in the sidebar).",
      numberFormat: PERCENT,
      width: 70,
    },
    cycleDateColumn("Cycle start", "first", "the key result's objective"),
    cycleDateColumn("Cycle end", "last", "the key result's objective"),
  ],
};

export const HISTORY: SheetSpec = {
  key: "history",
  name: "History",
  tabColor: "#5f6368",
  columns: [
    { header: "#", kind: "input", note: "Sequence number of the record. History is append-only.", width: 50 },
    {
      header: "Timestamp",
      kind: "input",
      note: "When the value was recorded.",
      numberFormat: "yyyy-mm-dd hh:mm:ss",
      width: 140,
    },
    { header: "KR ID", kind: "input", note: "The key result.", width: 70 },
    { header: "Key result", kind: "input", note: "The key result's title when the value was recorded.", width: 220 },
    { header: "Previous value", kind: "input", note: "The value before this record.", width: 90 },
    { header: "New value", kind: "input", note: "The value recorded.", width: 90 },
    { header: "Confidence", kind: "input", note: "1 to 10, if given.", width: 80 },
    { header: "Note", kind: "input", note: "What changed and why.", width: 240 },
    { header: "Author", kind: "input", note: "Who recorded it, where Google tells us.", width: 160 },
    {
      header: "Source",
      kind: "input",
      note: "sidebar, typed in sheet, pasted in sheet, carried over (a key result's start in a new cycle), or integrity (a report of hand edits to History).",
      width: 110,
    },
    {
      header: "Seal",
      kind: "input",
      note: "A fingerprint of the row, so hand edits to History are noticed.",
      width: 80,
    },
  ],
};

export const CYCLES: SheetSpec = {
  key: "cycles",
  name: "Cycles",
  tabColor: "#9334e6",
  columns: [
    { header: "Cycle", kind: "input", note: "A name such as 2026-Q4.", width: 80 },
    {
      header: "Start",
      kind: "input",
      note: "The cycle's first day.",
      numberFormat: DATE,
      validation: { kind: "date" },
      width: 100,
    },
    {
      header: "End",
      kind: "input",
      note: "The cycle's last day.",
      numberFormat: DATE,
      validation: { kind: "date" },
      width: 100,
    },
    {
      header: "Expected",
      kind: "formula",
      note: "Computed: share of the cycle passed by today.",
      numberFormat: PERCENT,
      width: 80,
    },
    {
      header: "State",
      kind: "input",
      note: "Open or Closed (blank is open). 'Close cycle' freezes the grades and refuses check-ins; 'Reopen cycle' undoes it.",
      validation: { kind: "list", values: CYCLE_STATES },
      width: 70,
    },
    {
      header: "Check-in every",
      kind: "input",
      note:
        "Days between check-ins for this cycle's key results (" +
        RULES.needsUpdate.args[2].default +
        " if blank). The sidebar lists those whose last check-in is older under Needs an update.",
      validation: { kind: "number", min: 1, max: 365, integer: true },
      numberFormat: "0",
      width: 90,
    },
  ],
};

export const ROADMAP: SheetSpec = {
  key: "roadmap",
  name: "Roadmap",
  tabColor: "#e37400",
  columns: [
    { header: "ID", kind: "input", note: "R-1, R-2, ...", width: 60 },
    { header: "Item", kind: "input", note: "A piece of planned delivery work, e.g. 'Redis 7 migration'.", width: 260 },
    { header: "Team", kind: "input", note: "The team delivering it.", width: 110 },
    { header: "Phase", kind: "input", note: "Phase or quarter, e.g. Phase 1.", width: 80 },
    {
      header: "Status",
      kind: "input",
      note: "Planned, In progress or Shipped.",
      validation: { kind: "list", values: ["Planned", "In progress", "Shipped"] },
      width: 90,
    },
  ],
};

export const KPIS: SheetSpec = {
  key: "kpis",
  name: "KPIs",
  tabColor: "#d93025",
  columns: [
    {
      header: "KPI",
      kind: "input",
      note: "Ongoing health (SLOs, deployment frequency, lead volume). Not an OKR unless you set out to change it.",
      width: 240,
    },
    { header: "Team", kind: "input", note: "The team watching it.", width: 110 },
    { header: "Current", kind: "input", note: "The latest reading.", width: 80 },
    { header: "Healthy range", kind: "input", note: "e.g. ≥ 99.9%, < 2 h.", width: 110 },
    { header: "Owner", kind: "input", note: "Who watches it.", width: 120 },
  ],
};

export const PEOPLE: SheetSpec = {
  key: "people",
  name: "People",
  tabColor: "#12b5cb",
  columns: [
    { header: "Name", kind: "input", note: "Offered in the Owner dropdowns and suggested in the sidebar.", width: 140 },
    { header: "Team", kind: "input", note: "Offered in the Team dropdowns and suggested in the sidebar.", width: 110 },
    { header: "Email", kind: "input", note: "Optional.", width: 180 },
  ],
};

export const TRACKER_SHEETS: readonly SheetSpec[] = [OBJECTIVES, KEY_RESULTS, HISTORY, CYCLES, ROADMAP, KPIS, PEOPLE];

export function sheetSpec(key: SheetKey): SheetSpec {
  return TRACKER_SHEETS.find((s) => s.key === key) as SheetSpec;
}

export function isComputed(column: ColumnSpec): boolean {
  return column.kind === "formula" || column.kind === "helper";
}
