/**
 * Several spreadsheets and IMPORTRANGE between them, as Google's help page for the function
 * documents it (support.google.com/docs/answer/3093340, "IMPORTRANGE"):
 * - `IMPORTRANGE(spreadsheet_url, range_string)`: the range string is "[sheet_name!]range" (the
 *   first sheet without a name) or a named range of the source;
 * - "The first time the destination sheet pulls data from a new source sheet", the cell is #REF!
 *   with "You need to connect these sheets." until someone clicks Allow access; "Once access is
 *   granted, any editor on the destination spreadsheet can use IMPORTRANGE to pull from any part of
 *   the source spreadsheet. The access remains in effect until the user who granted access is
 *   removed from the source." A person without access to the source is told "You don't have
 *   permissions to access that sheet.";
 * - "Any update to the source document will cause all open receiving documents to refresh", and
 *   chains (B imports A, C imports B) propagate: here before the receiving workbook's next read.
 * A workbook joins a drive with the option `drive`; IMPORTRANGE finds other spreadsheets there.
 */
import { CellError, ErrorType } from "hyperformula";
import { parseA1 } from "./a1";
import type { Rect } from "./model";
import type { SheetModel, Workbook } from "./workbook";

export const CONNECT_MESSAGE = "You need to connect these sheets.";
export const NO_PERMISSION_MESSAGE = "You don't have permissions to access that sheet.";

/** The spreadsheet ID in a Sheets URL (…/spreadsheets/d/ID/edit…), or a bare ID. */
export function spreadsheetIdOf(urlOrId: string): string | undefined {
  const text = urlOrId.trim();
  const url = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  if (url) return url[1];
  return /^[A-Za-z0-9_-]+$/.test(text) ? text : undefined;
}

/** The spreadsheets one test (or the preview) works with, by ID. */
export class Drive {
  readonly workbooks = new Map<string, Workbook>();
  add(workbook: Workbook): void {
    if (this.workbooks.has(workbook.id) && this.workbooks.get(workbook.id) !== workbook)
      throw new Error(`The drive already holds a spreadsheet with the ID ${workbook.id}.`);
    this.workbooks.set(workbook.id, workbook);
    workbook.drive = this;
    for (const wb of this.workbooks.values()) if (wb !== workbook) wb.imports.refreshFrom(workbook.id);
    workbook.imports.refreshAll();
  }

  find(urlOrId: string): Workbook | undefined {
    const id = spreadsheetIdOf(urlOrId);
    return id === undefined ? undefined : this.workbooks.get(id);
  }

  /**
   * After `source` changed: the workbooks importing from it evaluate those IMPORTRANGEs again the
   * next time they are read (several changes in a row cost one refresh).
   */
  changed(source: Workbook): void {
    for (const wb of this.workbooks.values()) if (wb !== source) wb.imports.stale(source.id);
  }
}

/** Who may open a spreadsheet: its owner, editors and viewers. */
export function canOpen(workbook: Workbook, user: string): boolean {
  return workbook.owner === user || workbook.editors.includes(user) || workbook.viewers.includes(user);
}

export interface ImportGrant {
  /** The source spreadsheet's ID. */
  source: string;
  /** Who clicked Allow access: the access lasts while they can open the source. */
  grantedBy: string;
}

/** A destination workbook's side of IMPORTRANGE: its grants, its prompts, which cells import from where. */
export class Imports {
  grants: ImportGrant[] = [];
  /** Cells (engine address keys) whose IMPORTRANGE waits for Allow access, with the source's ID. */
  private prompts = new Map<string, string>();
  /** Cells (engine address keys) holding an IMPORTRANGE, with the source's ID: refreshed when it changes. */
  private cells = new Map<string, string>();
  /** Sources changed since this workbook last evaluated their IMPORTRANGEs. */
  private changedSources = new Set<string>();
  private settling = false;

  constructor(private workbook: Workbook) {}

  /** IMPORTRANGE evaluated at `at` (engine address key): the source's values, or the error Sheets shows. */
  evaluate(args: unknown[], at: string): unknown[][] | CellError {
    this.prompts.delete(at);
    this.cells.delete(at);
    const [url, rangeString] = args;
    if (typeof url !== "string" || typeof rangeString !== "string" || args.length !== 2)
      return new CellError(ErrorType.VALUE, "IMPORTRANGE takes a spreadsheet URL and a range string, both text.");
    const id = spreadsheetIdOf(url);
    // Remembered even before the source exists: a spreadsheet added to the drive later fills the cell.
    if (id !== undefined && id !== this.workbook.id) this.cells.set(at, id);
    const source =
      id === this.workbook.id ? this.workbook : id === undefined ? undefined : this.workbook.drive?.workbooks.get(id);
    if (!source) return new CellError(ErrorType.REF, NO_PERMISSION_MESSAGE);
    if (source !== this.workbook) {
      if (!this.connected(source)) {
        this.prompts.set(at, source.id);
        return new CellError(ErrorType.REF, CONNECT_MESSAGE);
      }
    }
    const found = resolveRange(source, rangeString);
    if (!found) return new CellError(ErrorType.REF, `Unable to parse range: ${rangeString}`);
    return source.importValues(found.model, found.rect);
  }

  private connected(source: Workbook): boolean {
    return this.grants.some((g) => g.source === source.id && canOpen(source, g.grantedBy));
  }

  /** The source whose Allow access prompt the cell shows, if it shows one. */
  promptAt(at: string): string | undefined {
    return this.prompts.get(at);
  }

  /**
   * `user` clicks Allow access on a cell showing the prompt: every IMPORTRANGE from that source
   * in this spreadsheet gets its data. Throws Sheets' message when the user can't open the source.
   */
  allow(at: string, user: string): void {
    const sourceId = this.prompts.get(at);
    if (!sourceId) throw new Error("This cell shows no Allow access prompt.");
    const source = this.workbook.drive?.workbooks.get(sourceId);
    if (!source || !canOpen(source, user)) throw new Error(NO_PERMISSION_MESSAGE);
    this.grants = this.grants.filter((g) => g.source !== sourceId).concat({ source: sourceId, grantedBy: user });
    this.refreshFrom(sourceId);
  }

  /** The source changed: its IMPORTRANGEs here are evaluated again before the next read. */
  stale(sourceId: string): void {
    for (const id of this.cells.values())
      if (id === sourceId) {
        this.changedSources.add(sourceId);
        return;
      }
  }

  /**
   * Before a read: evaluates again the IMPORTRANGEs whose source changed, once (not while doing so
   * already). What that changes elsewhere waits for the next read, so a cycle of IMPORTRANGEs
   * costs a round per read instead of looping.
   */
  settle(): void {
    if (this.settling || !this.cells.size) return;
    this.settling = true;
    try {
      // Sources importing from elsewhere catch up first (a chain: A changed, B imports A, this imports B).
      for (const id of new Set(this.cells.values())) this.workbook.drive?.workbooks.get(id)?.imports.settle();
      const sources = [...this.changedSources];
      this.changedSources.clear();
      for (const id of sources) this.refreshFrom(id);
    } finally {
      this.settling = false;
    }
  }

  /** Evaluates again every IMPORTRANGE cell that imports from `sourceId` (and so whatever depends on it). */
  refreshFrom(sourceId: string): void {
    const keys = [...this.cells].filter(([, id]) => id === sourceId).map(([k]) => k);
    if (keys.length) this.workbook.reevaluate(keys);
  }

  /** Evaluates every IMPORTRANGE cell again (the workbook just joined a drive). */
  refreshAll(): void {
    if (this.cells.size) this.workbook.reevaluate([...this.cells.keys()]);
  }
}

/** "[sheet!]range" on the source (its first sheet without a name), or one of its named ranges. */
function resolveRange(source: Workbook, rangeString: string): { model: SheetModel; rect: Rect } | undefined {
  const text = rangeString.trim();
  const named = source.namedRanges.find((n) => n.name.toLowerCase() === text.toLowerCase());
  if (named) {
    const model = source.sheetById(named.sheetId);
    return model && { model, rect: named.rect };
  }
  const a1 = parseA1(text);
  if (!a1) return undefined;
  const model = a1.sheetName === undefined ? source.sheets[0] : source.sheetByName(a1.sheetName);
  if (!model) return undefined;
  const endRow = Math.min(a1.endRow ?? model.maxRows, model.maxRows);
  const endCol = Math.min(a1.endCol ?? model.maxColumns, model.maxColumns);
  if (a1.row > endRow || a1.col > endCol) return undefined;
  return { model, rect: { row: a1.row, col: a1.col, numRows: endRow - a1.row + 1, numCols: endCol - a1.col + 1 } };
}
