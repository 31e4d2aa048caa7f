/**
 * History is append-only. Each row carries a sequence number and a seal (a fingerprint of its
 * content), so a row edited, deleted or inserted by hand is noticed at the next check-in and
 * reported — never silently "fixed". The seal is for honesty, not security: anyone can recompute it.
 */
import { isDate } from "./cell-values";

export interface HistoryRecord {
  sequence: number;
  timestamp: Date;
  krId: string;
  krTitle: string;
  previous: number | string;
  value: number | string;
  confidence: number | string;
  note: string;
  author: string;
  source: string;
}

/** FNV-1a, 32 bits, as 8 hex digits: tiny, fast, and stable across runtimes. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return ("0000000" + hash.toString(16)).slice(-8);
}

function canonical(value: unknown): string {
  if (isDate(value)) return String(Math.round(value.getTime() / 1000));
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

/** The fields a seal covers, in the order they are fingerprinted (and History's column order). */
export const SEALED_FIELDS = [
  "sequence",
  "timestamp",
  "krId",
  "krTitle",
  "previous",
  "value",
  "confidence",
  "note",
  "author",
  "source",
] as const satisfies readonly (keyof HistoryRecord)[];

export function sealOf(record: HistoryRecord): string {
  return fingerprint(SEALED_FIELDS.map((field) => canonical(record[field])).join("\u241f"));
}

/** What the History sheet looks like compared with what was recorded. */
export interface HistoryAudit {
  /** Sequence numbers whose row no longer matches its seal (edited by hand). */
  edited: number[];
  /** Sequence numbers recorded before but no longer present (deleted by hand). */
  missing: number[];
  /** Sheet rows (1-based) with no valid sequence number or seal (added by hand). */
  unsealed: number[];
}

export interface AuditedRow {
  sheetRow: number;
  record: HistoryRecord;
  seal: string;
}

/** Compares History rows with their seals and with the number of records made so far. */
export function auditHistory(rows: readonly AuditedRow[], recordsMade: number): HistoryAudit {
  const audit: HistoryAudit = { edited: [], missing: [], unsealed: [] };
  const seen = new Set<number>();
  for (const row of rows) {
    const sequence = row.record.sequence;
    if (!Number.isInteger(sequence) || sequence < 1 || !row.seal) {
      audit.unsealed.push(row.sheetRow);
      continue;
    }
    seen.add(sequence);
    if (sealOf(row.record) !== row.seal) audit.edited.push(sequence);
  }
  for (let sequence = 1; sequence <= recordsMade; sequence++) if (!seen.has(sequence)) audit.missing.push(sequence);
  return audit;
}

/**
 * Audits a block of consecutive History rows (a window of the sheet, not all of it): seals and
 * unsealed rows as auditHistory does; deletions as gaps between consecutive sequence numbers while
 * the block is in recorded order (a block sorted by hand proves nothing about deletions), and at
 * the end when `recordsMade` is given (the block reaches the sheet's end).
 */
export function auditBlock(rows: readonly AuditedRow[], recordsMade?: number): HistoryAudit {
  const audit: HistoryAudit = { edited: [], missing: [], unsealed: [] };
  const sequences: number[] = [];
  for (const row of rows) {
    const sequence = row.record.sequence;
    if (!Number.isInteger(sequence) || sequence < 1 || !row.seal) {
      audit.unsealed.push(row.sheetRow);
      continue;
    }
    sequences.push(sequence);
    if (sealOf(row.record) !== row.seal) audit.edited.push(sequence);
  }
  const ordered = sequences.every((s, i) => i === 0 || s > sequences[i - 1]);
  if (!ordered) return audit;
  for (let i = 1; i < sequences.length; i++)
    for (let s = sequences[i - 1] + 1; s < sequences[i]; s++) audit.missing.push(s);
  const highest = sequences[sequences.length - 1] ?? 0;
  if (recordsMade !== undefined && highest > 0) for (let s = highest + 1; s <= recordsMade; s++) audit.missing.push(s);
  return audit;
}

function list(numbers: number[], prefix: string): string {
  const shown = numbers
    .slice(0, 10)
    .map((n) => prefix + n)
    .join(", ");
  return numbers.length > 10 ? shown + " and " + (numbers.length - 10) + " more" : shown;
}

/** One plain sentence for the person checking in, and for the History row that records it. */
export function describeAudit(audit: HistoryAudit): string {
  const parts: string[] = [];
  if (audit.edited.length)
    parts.push("record " + list(audit.edited, "#") + (audit.edited.length > 1 ? " were" : " was") + " edited");
  if (audit.missing.length)
    parts.push("record " + list(audit.missing, "#") + (audit.missing.length > 1 ? " were" : " was") + " deleted");
  if (audit.unsealed.length)
    parts.push("sheet row " + list(audit.unsealed, "") + (audit.unsealed.length > 1 ? " were" : " was") + " added");
  return parts.length ? "History was changed by hand: " + parts.join("; ") + ". The rows were left as they are." : "";
}
