import { isoDate } from "../core/cell-values";
import type { HistoryEntry, InputOf } from "../core/contract";
import { HISTORY } from "../core/layout";
import { readRecord } from "./history";
import { openTracker, readTable } from "./tables";

/** The latest records of one key result, newest first, for the check-in form. */
export function keyResultHistory({ krId, limit }: InputOf<"getKeyResultHistory">): HistoryEntry[] {
  const tracker = openTracker();
  const table = readTable(tracker, HISTORY);
  table.require(["Timestamp", "KR ID", "Previous value", "New value"]);
  const entries: HistoryEntry[] = [];
  for (let r = table.values.length - 1; r >= 1 && entries.length < limit; r--) {
    if (table.text(r, "KR ID") !== krId) continue;
    const { timestamp, previous, value, confidence, note, author, source } = readRecord(table, r).record;
    const when = Number.isNaN(timestamp.getTime())
      ? table.text(r, "Timestamp")
      : isoDate(tracker.calendar.dayOfInstant(timestamp));
    entries.push({ when, previous, value, confidence, note, author, source });
  }
  return entries;
}
