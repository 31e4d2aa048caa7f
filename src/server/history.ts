/**
 * The History sheet: append-only records of every value change. Reading it also audits it against
 * the seals; hand edits found for the first time are reported once and recorded as an
 * "integrity" row, and the edited rows are left exactly as they are.
 */
import { isBlank, parseDate } from "../core/cell-values";
import {
  auditHistory,
  describeAudit,
  fingerprint,
  sealOf,
  type AuditedRow,
  type HistoryAudit,
  type HistoryRecord,
} from "../core/history-seal";
import { HISTORY } from "../core/layout";
import { textForCell } from "../core/text-cells";
import { appendRows, readTable, setNumberFormats, type Table, type Tracker } from "./tables";

const RECORDS_MADE = "okr.historyRecordsMade";
const ACKNOWLEDGED = "okr.historyAcknowledged";

export type NewRecord = Omit<HistoryRecord, "sequence"> & {
  /** How the values read, e.g. "0%" for a percentage key result (Sheets would show 0.62). */
  valueFormat?: string;
};

export interface HistoryLog {
  table: Table;
  rows: AuditedRow[];
  /** Hand edits not reported before, as one sentence ("" when none). */
  newProblems: string;
  /** The latest recorded value per key result, for edits that come without an old value. */
  lastValue: Map<string, number | string>;
  commit(records: NewRecord[]): void;
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

export function openHistory(tracker: Tracker): HistoryLog {
  const table = readTable(tracker, HISTORY);
  table.require(HISTORY.columns.map((c) => c.header));
  const properties = PropertiesService.getDocumentProperties();
  const acknowledged = new Set<string>(JSON.parse(properties.getProperty(ACKNOWLEDGED) ?? "[]"));

  const rows: AuditedRow[] = [];
  const lastValue = new Map<string, number | string>();
  for (let r = 1; r < table.values.length; r++) {
    if (table.values[r].every(isBlank)) continue;
    const row = readRecord(table, r);
    rows.push(row);
    if (row.record.krId && row.record.source !== "integrity") lastValue.set(row.record.krId, row.record.value);
  }
  // Numbering goes on from the highest record present, even if the document's properties were
  // lost (a copied spreadsheet), so sequence numbers never repeat.
  const highest = rows.reduce(
    (max, r) => (Number.isInteger(r.record.sequence) ? Math.max(max, r.record.sequence) : max),
    0,
  );
  const made = Math.max(Number(properties.getProperty(RECORDS_MADE) ?? 0), highest);
  const audit = auditHistory(rows, made);
  const { fresh, keys } = unreported(audit, rows, acknowledged);
  const newProblems = describeAudit(fresh);

  return {
    table,
    rows,
    newProblems,
    lastValue,
    commit(records) {
      const all: NewRecord[] = newProblems
        ? [
            {
              ...records[0],
              krId: "",
              krTitle: "",
              previous: "",
              value: "",
              confidence: "",
              note: newProblems,
              source: "integrity",
              valueFormat: undefined,
            },
            ...records,
          ]
        : records;
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
      const firstRow = appendRows(table, sealed);
      formatValues(table, firstRow, all);
      properties.setProperties({
        [RECORDS_MADE]: String(made + all.length),
        // Property values hold 9 KB: keep the most recent acknowledgements.
        [ACKNOWLEDGED]: JSON.stringify([...new Set([...acknowledged, ...keys])].slice(-300)),
      });
    },
  };
}

/** The appended rows' value formats, only when some record asks for one. */
function formatValues(table: Table, firstRow: number, records: readonly NewRecord[]): void {
  if (!records.some((r) => r.valueFormat)) return;
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
