/**
 * Local emulator of the Google Sheets services an add-on uses. Usage:
 *   const emu = createEmulator({ user: "ann@example.com" });
 *   const sheet = emu.spreadsheet.insertSheet("Objectives");
 *   sheet.getRange("A1:B1").setValues([["Name", "=1+1"]]);
 */
import { ExecutionContext } from "./context";
import { createServices } from "./services";
import type { ServiceOptions } from "./services";
import { Workbook } from "./workbook";
import type { WorkbookOptions } from "./workbook";

export interface EmulatorOptions extends WorkbookOptions, ServiceOptions {
  /** The active user's email (default: the owner). */
  user?: string;
  /** Share an existing workbook (a second user on the same spreadsheet). */
  workbook?: Workbook;
  /** Name of the first sheet of a new workbook (default "Sheet1"). */
  firstSheet?: string;
}

export function createEmulator(opts: EmulatorOptions = {}) {
  const workbook = opts.workbook ?? new Workbook(opts);
  if (workbook.sheets.length === 0) workbook.addSheet(opts.firstSheet ?? "Sheet1");
  const ctx = new ExecutionContext(workbook, opts.user ?? workbook.owner);
  const services = createServices(ctx, opts);
  return { workbook, ctx, services, spreadsheet: services.spreadsheet, counters: ctx.counters, ui: ctx.ui };
}

export type Emulator = ReturnType<typeof createEmulator>;

export { Workbook, SheetsError } from "./workbook";
export { Drive, spreadsheetIdOf, CONNECT_MESSAGE, NO_PERMISSION_MESSAGE } from "./drive";
export { ExecutionContext } from "./context";
export { userEdit } from "./user-edit";
export type { EditEvent, UserEditResult } from "./user-edit";
export { saveWorkbook, loadWorkbook, toJSON, fromJSON } from "./persistence";
export { Counters } from "./counters";
export type { CounterSummary } from "./counters";
export { Button, ButtonSet } from "./ui";
export { ProtectionType } from "./protection";
export { DataValidationCriteria } from "./data-validation";
export { BooleanCriteria } from "./conditional-format";
