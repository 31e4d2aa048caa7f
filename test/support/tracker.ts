/** A set-up tracker on the emulator, running the built dist/Code.js, and ways to look at it. */
import { Harness, type HarnessOptions } from "../../dev/harness/harness";
import type { ApiResponse } from "../../src/core/contract";

export function newTracker(opts: HarnessOptions = {}): Harness {
  const harness = new Harness(opts);
  harness.open();
  harness.clickMenu("Set up tracker");
  return harness;
}

/**
 * The computed columns as plain headers and no Dashboard: for tests of what the add-on's code does,
 * where the formula engine's recalculation is the emulator's cost, not what is tested (the add-on
 * reads a plain header the same way, and no action of the add-on reads the Dashboard).
 */
export function formulasOff(harness: Harness): void {
  const dashboard = harness.spreadsheet.getSheetByName("Dashboard");
  if (dashboard) harness.spreadsheet.deleteSheet(dashboard);
  for (const sheet of harness.spreadsheet.getSheets().filter((s) => s.getLastColumn() > 0)) {
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn());
    header.setValues(header.getValues());
  }
}

/** Calls a sidebar function exactly as google.script.run would (argument and answer rules included). */
export async function api<T = unknown>(harness: Harness, name: string, request?: unknown): Promise<ApiResponse<T>> {
  return (await harness.run(name, request)) as ApiResponse<T>;
}

export async function apiData<T = unknown>(harness: Harness, name: string, request?: unknown): Promise<T> {
  const result = await api<T>(harness, name, request);
  if (!result.ok) throw new Error(name + " failed: " + result.message + " " + JSON.stringify(result.fieldErrors));
  return result.data;
}

/** Every sheet's values and formulas: compare before and after to prove nothing was written. */
export function snapshot(harness: Harness): string {
  return JSON.stringify(
    harness.spreadsheet.getSheets().map((sheet) => {
      const range = sheet.getDataRange();
      return [sheet.getName(), range.getValues(), range.getFormulas(), range.getNumberFormats()];
    }),
  );
}

/** A sheet's rows as objects keyed by header (computed values), skipping empty rows. */
export function rows(harness: Harness, sheetName: string): Record<string, unknown>[] {
  const sheet = harness.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error("No sheet " + sheetName);
  const [header, ...body] = sheet.getDataRange().getValues();
  return body
    .filter((r) => r.some((v) => v !== ""))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

export const SAMPLE_OBJECTIVE = {
  title: "Make checkout fast enough that people stop abandoning it",
  cycle: "2026-Q4",
  team: "Payments",
  owner: "Ann",
  commitment: "committed",
  keyResults: [
    { title: "p95 checkout latency", type: "decrease", start: 3000, target: 1000, unit: "ms" },
    { title: "Checkout conversion", type: "percentage", start: "7%", target: "10%" },
    { title: "Runbook for payment incidents published", type: "milestone", target: 1 },
  ],
};

/** The sample objective with five key results, one a percentage: what issue 11's call budget counts. */
export const FIVE_KRS = {
  ...SAMPLE_OBJECTIVE,
  keyResults: [...SAMPLE_OBJECTIVE.keyResults, ...SAMPLE_OBJECTIVE.keyResults.slice(0, 2)],
};
