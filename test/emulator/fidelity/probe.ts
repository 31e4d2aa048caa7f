/** A fidelity probe: one behaviour of Sheets / Apps Script, what an outside source says it is, and the emulator's answer. */
import { createEmulator, userEdit } from "../../../dev/emulator";
import type { EditEvent, EmulatorOptions } from "../../../dev/emulator";
import type { Source } from "./sources";

export interface Probe {
  id: string;
  source: Source;
  /** What the source says or shows (quoted or closely paraphrased). */
  says: string;
  expected: unknown;
  actual: () => unknown;
}

export function emulator(opts: EmulatorOptions = {}) {
  return createEmulator({ owner: "owner@example.com", ...opts });
}

/** A fresh first sheet. */
export function sheet(opts: EmulatorOptions = {}) {
  return emulator(opts).spreadsheet.getSheets()[0];
}

/** Writes `text` with setValue into a fresh sheet (locale optional): the value, its display and its type. */
export function typed(text: string, locale?: string): { value: unknown; display: string } {
  const s = sheet({ locale });
  const cell = s.getRange("A1");
  cell.setValue(text);
  const v = cell.getValue();
  return { value: v instanceof Date ? `Date ${isoLocal(v)}` : v, display: cell.getDisplayValue() };
}

/** A Date's wall clock in UTC (the emulator's default spreadsheet zone) as yyyy-mm-dd[ hh:mm]. */
export function isoLocal(d: Date): string {
  const s = d.toISOString();
  return s.endsWith("T00:00:00.000Z") ? s.slice(0, 10) : s.slice(0, 16).replace("T", " ");
}

/** A person typing into A1 of a fresh sheet that already holds `before`; the onEdit event's documented fields. */
export function editEvent(before: unknown, input: unknown, a1 = "A1"): Record<string, unknown> {
  const emu = emulator();
  const s = emu.spreadsheet.getSheets()[0];
  if (before !== null) s.getRange("A1").setValue(before);
  let event: EditEvent | undefined;
  userEdit(emu.ctx, s.getRange(a1), input, (e) => (event = e));
  if (!event) throw new Error("no onEdit event");
  return {
    authMode: event.authMode,
    range: event.range.getA1Notation(),
    hasSource: event.source === emu.spreadsheet,
    ...("value" in event ? { value: event.value } : {}),
    ...("oldValue" in event ? { oldValue: event.oldValue } : {}),
  };
}
