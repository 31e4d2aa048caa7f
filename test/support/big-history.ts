/**
 * History rows as a year of check-ins leaves them, sealed as the add-on seals them (so an audit
 * finds nothing to report), written in one call: building 100,000 rows takes seconds, not minutes.
 */
import type { Harness } from "../../dev/harness/harness";
import { SEALED_FIELDS, sealOf, type HistoryRecord } from "../../src/core/history-seal";

export function historyRecord(sequence: number, krCount: number): HistoryRecord {
  const kr = sequence % Math.max(krCount, 1);
  const objectives = Math.max(1, Math.ceil(krCount / 5));
  return {
    sequence,
    timestamp: new Date(
      Date.UTC(2026, 0, 5) + Math.floor(sequence / Math.max(krCount, 1)) * 7 * 86_400_000 + (sequence % 3600) * 1000,
    ),
    krId: "KR-" + ((Math.floor(kr / 5) % objectives) + 1) + "." + ((kr % 5) + 1),
    krTitle: "Key result " + kr,
    previous: sequence % 100,
    value: (sequence + 7) % 100,
    confidence: 1 + (sequence % 10),
    note: "Weekly check-in " + sequence,
    author: "ann@example.com",
    source: "sidebar",
  };
}

export function historyRow(record: HistoryRecord): unknown[] {
  return [...SEALED_FIELDS.map((field) => record[field]), "'" + sealOf(record)];
}

/** Appends `rows` sealed records to History in one write; the tracker's record count follows. */
export function addHistory(harness: Harness, rows: number, krCount: number): void {
  if (!rows) return;
  const history = harness.spreadsheet.getSheetByName("History")!;
  const first = history.getLastRow() + 1;
  const need = first + rows - 1;
  if (history.getMaxRows() < need) history.insertRowsAfter(history.getMaxRows(), need - history.getMaxRows());
  const values = Array.from({ length: rows }, (_, i) => historyRow(historyRecord(first - 1 + i, krCount)));
  // One engine rebuild, not a setValues: the engine's bookkeeping of 1.1 million changed cells is
  // what takes time (and memory) in the emulator, not in Sheets.
  const model = harness.workbook.sheetByName("History")!;
  harness.workbook.fill(model, first, 1, values as never);
}
