/** The preview's workbook: loaded from its JSON file, or the sample tracker; saved after each change. */
import * as fs from "fs";
import * as path from "path";
import { Drive, loadWorkbook, saveWorkbook } from "../emulator";
import { inspectBundle } from "../harness/bundle";
import { Harness } from "../harness/harness";
import { buildCompanySample } from "./company-sample";
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
function load(file: string, bundle = path.join("dist", "Code.js"), drive?: Drive): Harness {
  const { customFunctions } = inspectBundle(fs.readFileSync(bundle, "utf8"));
  const workbook = loadWorkbook(file, { functionNames: customFunctions, drive });
  return new Harness({ workbook, addonName: ADDON_NAME, bundle });
}

/** The company sample's spreadsheets, in this order, as files in the company folder. */
export const COMPANY_FILES = ["company.json", "payments.json", "platform.json"];

/**
 * `--company`: a company tracker and two team trackers on one drive, loaded from `folder` unless
 * `fresh` (or a file is missing), else built and saved there. The company tracker comes first.
 */
export async function openCompany(
  folder: string,
  opts: { fresh?: boolean; bundle?: string } = {},
): Promise<{ books: Harness[]; source: "file" | "sample" }> {
  const drive = new Drive();
  const files = COMPANY_FILES.map((name) => path.join(folder, name));
  if (!opts.fresh && files.every((file) => fs.existsSync(file))) {
    const books = files.map((file) => load(file, opts.bundle, drive));
    for (const book of books) book.open();
    return { books, source: "file" };
  }
  const books = await buildCompanySample(drive, { addonName: ADDON_NAME, bundle: opts.bundle });
  books.forEach((book, i) => save(book, files[i]));
  return { books, source: "sample" };
}

export function save(harness: Harness, file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Write then rename, so a crash mid-write never leaves half a workbook.
  const temporary = file + ".tmp";
  saveWorkbook(harness.workbook, temporary);
  fs.renameSync(temporary, file);
}
