/** The preview's workbook: loaded from its JSON file, or the sample tracker; saved after each change. */
import * as fs from "fs";
import * as path from "path";
import { loadWorkbook, saveWorkbook } from "../emulator";
import { inspectBundle } from "../harness/bundle";
import { Harness } from "../harness/harness";
import { buildSample } from "./sample";

/** The name Sheets gives the add-on's menu under Extensions. */
export const ADDON_NAME = "OKR Tracker";

export interface OpenedWorkbook {
  harness: Harness;
  /** Where the workbook came from: the file, the sample built now, or an empty spreadsheet. */
  source: "file" | "sample" | "empty";
}

/** Loads `file` unless `fresh`; otherwise (or when it is missing) builds the sample, or an empty workbook when `empty`. */
export async function openWorkbook(
  file: string,
  opts: { fresh?: boolean; empty?: boolean; bundle?: string } = {},
): Promise<OpenedWorkbook> {
  const { bundle } = opts;
  if (!opts.fresh && !opts.empty && fs.existsSync(file)) {
    const harness = load(file, bundle);
    harness.open();
    return { harness, source: "file" };
  }
  const harness = new Harness({
    name: opts.empty ? "Untitled spreadsheet" : "Engineering OKRs",
    addonName: ADDON_NAME,
    bundle,
  });
  if (opts.empty) harness.open();
  else await buildSample(harness);
  save(harness, file);
  return { harness, source: opts.empty ? "empty" : "sample" };
}

/** A Harness on the saved workbook (its engine built once, already knowing the bundle's custom functions). */
function load(file: string, bundle = path.join("dist", "Code.js")): Harness {
  const { customFunctions } = inspectBundle(fs.readFileSync(bundle, "utf8"));
  const workbook = loadWorkbook(file, { functionNames: customFunctions });
  return new Harness({ workbook, addonName: ADDON_NAME, bundle });
}

export function save(harness: Harness, file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Write then rename, so a crash mid-write never leaves half a workbook.
  const temporary = file + ".tmp";
  saveWorkbook(harness.workbook, temporary);
  fs.renameSync(temporary, file);
}
