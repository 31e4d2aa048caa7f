/** Plain data shapes shared by the emulator's files (also what persistence writes to JSON). */
import type { RangeKind } from "./formula-translate";

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ValidationData {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
  /** For requireValueInRange: the source range as sheet name + rect. */
  sourceRange?: { sheetName: string; rect: Rect };
}

export interface CellMeta {
  format?: string;
  note?: string;
  validation?: ValidationData;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  /** Range kinds of a formula that used open ranges (B2:B, A:A), to print it back as written. */
  openKinds?: RangeKind[];
  /** The engine holds this bare-range formula wrapped in ARRAYFORMULA. */
  wrapped?: boolean;
}

export interface ProtectionData {
  id: number;
  type: "RANGE" | "SHEET";
  rect?: Rect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  /** Until the script changes the editors, permissions mirror the spreadsheet's (nobody is blocked). */
  editorsSet?: boolean;
  unprotected: Rect[];
}

export interface ConditionData {
  criteria: string;
  args: unknown[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ConditionalRuleData {
  ranges: Rect[];
  condition: ConditionData;
}

/** An embedded chart as the sheet keeps it (charts.ts); ranges by sheet id, so renames don't matter. */
export interface ChartData {
  /** Given by Sheet.insertChart; null for a chart built but not inserted. */
  id: number | null;
  /** A Charts.ChartType name (LINE, BAR, …); null until set. */
  type: string | null;
  ranges: { sheetId: number; rect: Rect }[];
  /** The top-left corner: anchor cell (1-based) and pixel offsets from it. */
  position: { row: number; col: number; offsetX: number; offsetY: number };
  /** Google Charts options as set (setOption keys such as "title", "vAxis.format"). */
  options: Record<string, unknown>;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
  numHeaders: number;
  transpose: boolean;
}

export interface NamedRangeData {
  name: string;
  sheetId: number;
  rect: Rect;
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

/**
 * Moves a rect after rows/columns were inserted (count > 0) or deleted (count < 0) at `at`
 * (1-based index of the first inserted/deleted line). Returns null if it was deleted entirely.
 */
export function shiftRect(r: Rect, axis: "row" | "col", at: number, count: number): Rect | null {
  const start = axis === "row" ? r.row : r.col;
  const size = axis === "row" ? r.numRows : r.numCols;
  let s = start;
  let n = size;
  if (count > 0) {
    if (at <= start) s += count;
    else if (at < start + size) n += count;
  } else {
    const del = -count;
    const delEnd = at + del;
    const end = start + size;
    const keepBefore = Math.max(0, Math.min(end, at) - start);
    const keepAfter = Math.max(0, end - Math.max(start, delEnd));
    n = keepBefore + keepAfter;
    if (n === 0) return null;
    s = start < at ? start : Math.max(at, start - del);
  }
  return axis === "row" ? { ...r, row: s, numRows: n } : { ...r, col: s, numCols: n };
}
