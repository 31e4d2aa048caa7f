/**
 * The History sheet: append-only records of every value change, each sealed (history-seal.ts).
 *
 * Hand edits are looked for without reading the whole sheet on every write. Each write audits one
 * block, in turn: the tail (the last RECENT rows and anything after them, where rows added or
 * deleted by hand show) or the next window of WINDOW older rows, sweeping from the top, so every
 * row is re-verified over time. Actions that read all of History anyway (a paste, carrying over a
 * cycle) and Repair tracker audit all of it. Problems found for the first time are reported once
 * and recorded as an "integrity" row; the edited rows are left exactly as they are.
 * docs/HISTORY-AUDIT.md states the guarantee.
 */
import { isBlank, parseDate } from "../core/cell-values";
import {
  auditBlock,
  auditHistory,
  describeAudit,
  fingerprint,
  sealOf,
  type AuditedRow,
  type HistoryAudit,
  type HistoryRecord,
} from "../core/history-seal";
import { columnLetter } from "../core/formulas";
import { HISTORY } from "../core/layout";
import { textForCell } from "../core/text-cells";
import { headerOf, rowsTable } from "./rows";
import { appendRows, readTable, setNumberFormats, type Table, type Tracker } from "./tables";

const RECORDS_MADE = "okr.historyRecordsMade";
const ACKNOWLEDGED = "okr.historyAcknowledged";
const AUDIT = "okr.historyAudit";

/** Rows the tail audit reads before the last row recorded: hand edits to recent records show at once. */
export const RECENT = 100;
/** Older rows each window audit reads: 100,000 rows are swept in 100 windows (200 writes). */
export const WINDOW = 1000;

/** Where the rolling audit stands, in the document's properties. */
interface AuditState {
  /** Sheet row of the last record written (rows added by hand may follow it). */
  end: number;
  /** Sheet row the next window starts at. */
  next: number;
  /** Which block the next write audits. */
  turn: "tail" | "window";
}

export type NewRecord = Omit<HistoryRecord, "sequence"> & {
  /** How the values read, e.g. "0%" for a percentage key result (Sheets would show 0.62). */
  valueFormat?: string;
};

/** What a write needs from History: hand edits found (a sentence, "" when none) and a way to append. */
export interface HistoryLog {
  newProblems: string;
  commit(records: NewRecord[]): void;
}

/** All of History, read and audited: for actions that need every record. */
export interface FullHistory extends HistoryLog {
  table: Table;
  rows: AuditedRow[];
  /** The latest recorded value per key result, for edits that come without an old value. */
  lastValue: Map<string, number | string>;
}

/** One History row as recorded (numbers stay numbers, everything else is text). */
export function readRecord(table: Table, row: number): AuditedRow {
  const timestamp = parseDate(table.cell(row, "Timestamp"));
  const cell = (header: string) => {
    const value = table.cell(row, header);
    return typeof value === "number" ? value : table.text(row, header);
  };
  return {
    sheetRow: row + 1,
    seal: table.text(row, "Seal"),
    record: {
      sequence: Number(table.cell(row, "#")),
      timestamp: timestamp.ok ? timestamp.value : new Date(NaN),
      krId: table.text(row, "KR ID"),
      krTitle: table.text(row, "Key result"),
      previous: cell("Previous value"),
      value: cell("New value"),
      confidence: cell("Confidence"),
      note: table.text(row, "Note"),
      author: table.text(row, "Author"),
      source: table.text(row, "Source"),
    },
  };
}

function auditedRows(table: Table, from = 1): AuditedRow[] {
  const rows: AuditedRow[] = [];
  for (let r = Math.max(from, 1); r < table.values.length; r++) {
    const values = table.values[r];
    if (!values.length || values.every(isBlank)) continue;
    rows.push(readRecord(table, r));
  }
  return rows;
}

/**
 * Only problems not reported before: each has a key (an edited row's key includes its current
 * content, so editing it again is reported again).
 */
function unreported(
  audit: HistoryAudit,
  rows: readonly AuditedRow[],
  acknowledged: Set<string>,
): { fresh: HistoryAudit; keys: string[] } {
  const bySequence = new Map(rows.map((r) => [r.record.sequence, r]));
  const bySheetRow = new Map(rows.map((r) => [r.sheetRow, r]));
  const keys: string[] = [];
  const keep = <T>(items: T[], keyOf: (item: T) => string) =>
    items.filter((item) => {
      const key = keyOf(item);
      keys.push(key);
      return !acknowledged.has(key);
    });
  const fresh: HistoryAudit = {
    edited: keep(audit.edited, (s) => "e" + s + ":" + sealOf((bySequence.get(s) as AuditedRow).record)),
    missing: keep(audit.missing, (s) => "m" + s),
    unsealed: keep(audit.unsealed, (r) => "u" + fingerprint(JSON.stringify((bySheetRow.get(r) as AuditedRow).record))),
  };
  return { fresh, keys };
}

function highestSequence(rows: readonly AuditedRow[]): number {
  return rows.reduce((max, r) => (Number.isInteger(r.record.sequence) ? Math.max(max, r.record.sequence) : max), 0);
}

function readState(text: string | null): AuditState | null {
  try {
    const state = JSON.parse(text ?? "null") as AuditState | null;
    return state && Number.isInteger(state.end) && Number.isInteger(state.next) ? state : null;
  } catch {
    return null;
  }
}

/**
 * A log whose commit appends sealed rows after everything on the sheet, numbered on from `made`,
 * reports `audit`'s new problems first as an integrity row, and saves the audit's next state.
 */
function historyLog(
  tracker: Tracker,
  table: Table,
  rows: readonly AuditedRow[],
  audit: HistoryAudit,
  made: number,
  acknowledged: Set<string>,
  nextState: (appended: number, lastRow: number | null) => AuditState,
  /** The table is all of History (so it knows where History ends), not a block of it. */
  wholeSheet: boolean,
): HistoryLog {
  const { fresh, keys } = unreported(audit, rows, acknowledged);
  const newProblems = describeAudit(fresh);
  return {
    newProblems,
    commit(records) {
      const integrity: NewRecord[] = newProblems
        ? [
            {
              timestamp: records[0]?.timestamp ?? new Date(),
              krId: "",
              krTitle: "",
              previous: "",
              value: "",
              confidence: "",
              note: newProblems,
              author: records[0]?.author ?? currentAuthor(),
              source: "integrity",
            },
          ]
        : [];
      const all = [...integrity, ...records];
      const sealed = all.map(({ valueFormat: _format, ...record }, i) => {
        const full: HistoryRecord = { ...record, sequence: made + i + 1, timestamp: wholeSeconds(record.timestamp) };
        return {
          "#": full.sequence,
          Timestamp: full.timestamp,
          "KR ID": full.krId,
          "Key result": textForCell(full.krTitle),
          "Previous value": full.previous,
          "New value": full.value,
          Confidence: full.confidence,
          Note: textForCell(full.note),
          Author: textForCell(full.author),
          Source: full.source,
          // A seal like "04639894" or "12e45678" would otherwise be read as a number.
          Seal: textForCell(sealOf(full)),
        };
      });
      let lastRow: number | null = null;
      if (wholeSheet) {
        // A whole-sheet read knows where History ends: one write for all the rows.
        if (sealed.length) lastRow = appendRows(table, sealed) + sealed.length - 1;
      } else {
        // After everything on the sheet, wherever that is, without reading the sheet: one call a row.
        for (const row of sealed) {
          const line: unknown[] = [];
          for (const [header, value] of Object.entries(row)) line[table.col(header)] = value;
          table.sheet.appendRow(Array.from(line, (value) => (value === undefined ? "" : value)));
        }
      }
      if (all.some((r) => r.valueFormat)) {
        lastRow ??= table.sheet.getLastRow();
        formatValues(table, lastRow - all.length + 1, all);
      }
      PropertiesService.getDocumentProperties().setProperties({
        [RECORDS_MADE]: String(made + all.length),
        // Property values hold 9 KB: keep the most recent acknowledgements.
        [ACKNOWLEDGED]: JSON.stringify([...new Set([...acknowledged, ...keys])].slice(-300)),
        [AUDIT]: JSON.stringify(nextState(all.length, lastRow)),
      });
    },
  };
}

/** All of History read and audited (an action that needs every record, Repair, a first write). */
export function openHistory(tracker: Tracker): FullHistory {
  const table = readTable(tracker, HISTORY);
  table.require(HISTORY.columns.map((c) => c.header));
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const acknowledged = new Set<string>(JSON.parse(properties[ACKNOWLEDGED] ?? "[]"));
  const rows = auditedRows(table);
  const lastValue = new Map<string, number | string>();
  for (const row of rows)
    if (row.record.krId && row.record.source !== "integrity") lastValue.set(row.record.krId, row.record.value);
  // Numbering goes on from the highest record present, even if the document's properties were
  // lost (a copied spreadsheet), so sequence numbers never repeat.
  const made = Math.max(Number(properties[RECORDS_MADE] ?? 0), highestSequence(rows));
  const state = readState(properties[AUDIT] ?? null);
  const log = historyLog(
    tracker,
    table,
    rows,
    auditHistory(rows, made),
    made,
    acknowledged,
    (appended, lastRow) => ({
      end: lastRow ?? table.values.length + appended,
      next: state?.next ?? 2,
      turn: "tail",
    }),
    true,
  );
  return { ...log, table, rows, lastValue };
}

/**
 * History for one write: audits one block (the tail or the next window, in turn) instead of the
 * whole sheet. Without a saved audit state (a first write, a copied spreadsheet) it audits all of
 * History once; so does a block that no longer fits the sheet (rows deleted by hand).
 */
export function openHistoryForWrite(tracker: Tracker): HistoryLog {
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const state = readState(properties[AUDIT] ?? null);
  if (!state) return openHistory(tracker);
  const header = headerOf(tracker, HISTORY);
  const width = Math.max(header.length, HISTORY.columns.length);
  const sheet = tracker.sheet(HISTORY.key);
  const tail = state.turn === "tail" || state.next > state.end - RECENT;
  const firstRow = tail ? Math.max(2, state.end - RECENT + 1) : Math.max(2, state.next);
  let values: unknown[][];
  try {
    values = tail
      ? // Open-ended: rows added by hand after the last record are read too.
        sheet.getRange("A" + firstRow + ":" + columnLetter(width)).getValues()
      : sheet.getRange(firstRow, 1, Math.min(WINDOW, state.end - firstRow + 1), width).getValues();
  } catch {
    return openHistory(tracker); // the sheet is shorter than recorded: rows were deleted
  }
  const table = rowsTable(tracker, HISTORY, header, firstRow, values);
  table.require(HISTORY.columns.map((c) => c.header));
  const rows = auditedRows(table, firstRow - 1);
  if (tail && state.end > 1 && !rows.some((r) => Number.isInteger(r.record.sequence) && r.seal))
    return openHistory(tracker); // no record where the last ones were: look at everything
  const acknowledged = new Set<string>(JSON.parse(properties[ACKNOWLEDGED] ?? "[]"));
  const made = Math.max(Number(properties[RECORDS_MADE] ?? 0), highestSequence(rows));
  const lastContent = rows.length ? rows[rows.length - 1].sheetRow : firstRow - 1;
  return historyLog(
    tracker,
    table,
    rows,
    auditBlock(rows, tail ? made : undefined),
    made,
    acknowledged,
    (appended) =>
      tail
        ? { end: Math.max(lastContent, state.end) + appended, next: state.next, turn: "window" }
        : {
            end: state.end + appended,
            // Windows overlap by a row, so a deletion at their seam is a gap inside the next one.
            next: firstRow + values.length - 1 > state.end - RECENT ? 2 : firstRow + values.length - 1,
            turn: "tail",
          },
    false,
  );
}

/** The appended rows' value formats, only when some record asks for one. */
function formatValues(table: Table, firstRow: number, records: readonly NewRecord[]): void {
  const formats = records.map((r) => r.valueFormat ?? "General");
  setNumberFormats(table, firstRow, ["Previous value", "New value"], formats);
}

/** Sheets keeps date-times to the second or so; seal what will read back. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The author, where Google tells us: blank for consumer accounts and other domains. */
export function currentAuthor(): string {
  try {
    return Session.getActiveUser().getEmail() || "";
  } catch {
    return "";
  }
}
