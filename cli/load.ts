import { readFileSync } from "node:fs";
import { parseCheckInput } from "../src/core/checker/schema";
import type { CheckInput, OkrInput, RoadmapItem } from "../src/core/checker/types";
import { CsvError, parseCsv } from "./csv";

/** Bad input the user can fix: printed as one message, exit code 2. */
export class InputError extends Error {}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${path}: file not found` : `${path}: cannot read (${code ?? String(e)})`);
  }
}

/** FILE as JSON: {"okrs": [...], "roadmap": [...]}. */
export function loadJson(path: string): CheckInput {
  let data: unknown;
  try {
    data = JSON.parse(readText(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const r = parseCheckInput(data);
  if (!r.ok) throw new InputError(`${path}: ${r.errors.join("; ")}`);
  return r.value;
}

interface Table {
  path: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

function loadTable(path: string): Table {
  let rows: string[][];
  try {
    rows = parseCsv(readText(path));
  } catch (e) {
    if (e instanceof CsvError) throw new InputError(`${path}: ${e.message}`);
    throw e;
  }
  if (!rows.length) throw new InputError(`${path}: empty file (expected a header row)`);
  const header = rows[0].map(headerKey);
  const body = rows
    .slice(1)
    .map((cells, i) => ({ line: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim()));
  return { path, header, rows: body };
}

/** "Key_Result ", "key result", "KEY-RESULT" → "key result". */
function headerKey(h: string): string {
  return h.toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
}

function column(t: Table, names: string[], required: true): number;
function column(t: Table, names: string[], required: false): number | null;
function column(t: Table, names: string[], required: boolean): number | null {
  for (const n of names) {
    const i = t.header.indexOf(n);
    if (i >= 0) return i;
  }
  if (!required) return null;
  const wanted = names.map((n) => `"${n.replace(/\b\w/g, (c) => c.toUpperCase())}"`).join(" or ");
  throw new InputError(`${t.path}: no ${wanted} column in the header row (found: ${t.header.join(", ") || "nothing"})`);
}

function cell(t: Table, row: Table["rows"][number], col: number | null): string | undefined {
  if (col === null) return undefined;
  const v = (row.cells[col] ?? "").trim();
  return v === "" ? undefined : v;
}

const CHECK_IN = ["last check in", "last checkin", "last check-in", "last update", "last updated"];

/**
 * One or two CSV exports of the tracker's sheets. A sheet with a "Key result" or "Objective ID" column is
 * read as key results, otherwise as objectives; objectives come first in the result either way.
 */
export function loadOkrCsvs(paths: string[]): OkrInput[] {
  const objectives: OkrInput[] = [];
  const keyResults: OkrInput[] = [];
  for (const path of paths) {
    const t = loadTable(path);
    const isKr = ["key result", "key results", "objective id"].some((h) => t.header.includes(h));
    const id = column(t, ["id"], true);
    const text = column(t, isKr ? ["key result", "key results", "title"] : ["objective", "title"], true);
    const cols = {
      objectiveId: column(t, ["objective id"], false),
      owner: column(t, ["owner"], false),
      team: column(t, ["team"], false),
      cycle: column(t, ["cycle", "quarter"], false),
      lastCheckIn: column(t, CHECK_IN.map(headerKey), false),
      start: column(t, ["start", "start value", "baseline"], false),
      target: column(t, ["target", "target value"], false),
    };
    for (const row of t.rows) {
      const okr: OkrInput = {
        id: need(t, row, id, "ID"),
        kind: isKr ? "key_result" : "objective",
        text: need(t, row, text, isKr ? "key result" : "objective"),
      };
      for (const [key, col] of Object.entries(cols) as [keyof typeof cols, number | null][]) {
        const v = cell(t, row, col);
        if (v !== undefined) okr[key] = key === "lastCheckIn" ? isoDate(t, row, v) : v;
      }
      (isKr ? keyResults : objectives).push(okr);
    }
  }
  return [...objectives, ...keyResults];
}

export function loadRoadmapCsv(path: string): RoadmapItem[] {
  const t = loadTable(path);
  const id = column(t, ["id"], true);
  const text = column(t, ["item", "roadmap item", "title"], true);
  const phase = column(t, ["phase"], false);
  return t.rows.map((row) => {
    const item = need(t, row, text, "item");
    // As in the sheet: the phase lets "everything in Phase 1" find its items.
    const p = cell(t, row, phase);
    const inPhase =
      p && !item.toLowerCase().includes(p.toLowerCase()) ? `${item} (${/^\d+$/.test(p) ? "Phase " + p : p})` : item;
    return { id: need(t, row, id, "ID"), text: inPhase };
  });
}

function need(t: Table, row: Table["rows"][number], col: number, what: string): string {
  const v = cell(t, row, col);
  if (v === undefined) throw new InputError(`${t.path} row ${row.line}: empty ${what}`);
  return v;
}

function isoDate(t: Table, row: Table["rows"][number], v: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  throw new InputError(`${t.path} row ${row.line}: last check-in "${v}" is not an ISO date like 2025-07-01`);
}
