/**
 * Save/load a workbook as JSON: contents, formulas, formats, notes, validations, protections, rules,
 * properties, embedded charts. Sparse: a row stores only its runs of filled cells, and cell metadata is stored once
 * per rectangle of identical cells (a column's format or validation is one entry, not 999).
 * Saving and loading are linear in the cells that hold something.
 */
import * as fs from "fs";
import type { RawCellContent } from "hyperformula";
import { partsToSerial } from "./dates";
import type { Drive, ImportGrant } from "./drive";
import { registerCustomFunctionNames } from "./formula-plugins";
import type { CellMeta, ChartData, ConditionalRuleData, NamedRangeData, ProtectionData } from "./model";
import { Workbook, type SheetModel } from "./workbook";

/** A run of filled cells in one row: [row, first column, contents as typed (formula text, "'text", numbers...)]. */
export type SavedRun = [number, number, unknown[]];
/** Rows row..lastRow × columns col..lastCol all have the metadata styles[style]. */
export type SavedMeta = [number, number, number, number, number];

interface SavedSheet {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: [number, number][];
  /** Hidden columns; absent when none (and in files saved before they were kept). */
  hiddenColumns?: number[];
  runs: SavedRun[];
  meta: SavedMeta[];
  conditionalRules: ConditionalRuleData[];
  protections: ProtectionData[];
  /** Embedded charts; absent when the sheet has none (and in files saved before charts). */
  charts?: ChartData[];
}

export interface SavedWorkbook {
  version: 2;
  id: string;
  name: string;
  timeZone: string;
  /** Absent in files saved before locales were modelled (en_US). */
  locale?: string;
  owner: string;
  editors: string[];
  /** Absent in files saved before several spreadsheets were modelled (none). */
  viewers?: string[];
  /** Sources someone allowed IMPORTRANGE to read (Allow access); absent when none. */
  importGrants?: ImportGrant[];
  activeSheetId: number;
  sheets: SavedSheet[];
  /** The distinct cell metadata objects, referenced by index from each sheet's `meta`. */
  styles: CellMeta[];
  namedRanges: NamedRangeData[];
  documentProperties: Record<string, string>;
  scriptProperties: Record<string, string>;
  userProperties: Record<string, Record<string, string>>;
}

/** Version 1 (before sparse files): one entry per cell, metadata repeated. Still read. */
interface SavedSheetV1 extends Omit<SavedSheet, "runs" | "meta"> {
  cells: [number, number, unknown, CellMeta | null][];
}
type AnySaved =
  SavedWorkbook | (Omit<SavedWorkbook, "version" | "sheets" | "styles"> & { version: 1; sheets: SavedSheetV1[] });

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

// ---- saving -------------------------------------------------------------------------------------

/** A cell's content as it would be typed back: formulas as written, text with an apostrophe, dates as serials. */
function savedContent(wb: Workbook, model: SheetModel, r: number, c: number, content: unknown): unknown {
  if (content instanceof Date)
    return partsToSerial(
      content.getFullYear(),
      content.getMonth() + 1,
      content.getDate(),
      content.getHours(),
      content.getMinutes(),
      content.getSeconds() + content.getMilliseconds() / 1000,
    );
  if (typeof content === "string" && content.startsWith("=")) return wb.readFormula(model, r, c);
  if (typeof content === "string" && !content.startsWith("'")) return "'" + content;
  return content;
}

function saveRuns(wb: Workbook, model: SheetModel): SavedRun[] {
  const hfId = wb.hfId(model);
  const serialized = wb.hf.getSheetDimensions(hfId).height ? wb.hf.getSheetSerialized(hfId) : [];
  const runs: SavedRun[] = [];
  serialized.forEach((line, i) => {
    let run: SavedRun | null = null;
    line.forEach((raw, j) => {
      const addr = { sheet: hfId, row: i, col: j };
      // Spilled cells belong to their array formula, not to the file.
      const spilled = raw !== null && !wb.hf.doesCellHaveFormula(addr) && wb.hf.isCellPartOfArray(addr);
      if (raw === null || raw === undefined || spilled) {
        run = null;
        return;
      }
      const content = savedContent(wb, model, i + 1, j + 1, raw);
      if (run) run[2].push(content);
      else runs.push((run = [i + 1, j + 1, [content]]));
    });
  });
  return runs;
}

/** Metadata as rectangles: runs of identical cells along a row, merged with the same run in the rows below. */
function saveMeta(model: SheetModel, styleIndex: (meta: CellMeta) => number): SavedMeta[] {
  const done: SavedMeta[] = [];
  let open = new Map<string, SavedMeta>();
  for (let r = 1; r < model.meta.length + 1; r++) {
    const next = new Map<string, SavedMeta>();
    const line = model.meta[r] ?? [];
    for (let c = 1; c < line.length; c++) {
      const meta = line[c];
      if (!meta || Object.keys(meta).length === 0) continue;
      const style = styleIndex(meta);
      let last = c;
      while (last + 1 < line.length && line[last + 1] && styleIndex(line[last + 1]!) === style) last++;
      const key = c + ":" + last + ":" + style;
      const above = open.get(key);
      if (above) {
        above[1] = r;
        open.delete(key);
        next.set(key, above);
      } else next.set(key, [r, r, c, last, style]);
      c = last;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  // [row, lastRow, col, lastCol] is built for merging; the file says [row, col, lastRow, lastCol].
  return done.map(([row, lastRow, col, lastCol, style]) => [row, col, lastRow, lastCol, style]);
}

export function toJSON(wb: Workbook): SavedWorkbook {
  const styles: CellMeta[] = [];
  const known = new Map<string, number>();
  // Cells set together share one metadata object: remember its index, and compare by content otherwise.
  const byObject = new WeakMap<CellMeta, number>();
  const styleIndex = (meta: CellMeta): number => {
    let index = byObject.get(meta);
    if (index !== undefined) return index;
    const text = JSON.stringify(meta);
    index = known.get(text);
    if (index === undefined) {
      index = styles.length;
      styles.push(JSON.parse(text));
      known.set(text, index);
    }
    byObject.set(meta, index);
    return index;
  };
  return {
    version: 2,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    locale: wb.locale.id,
    owner: wb.owner,
    editors: [...wb.editors],
    ...(wb.viewers.length ? { viewers: [...wb.viewers] } : {}),
    ...(wb.imports.grants.length ? { importGrants: copy(wb.imports.grants) } : {}),
    activeSheetId: wb.activeSheetId,
    namedRanges: copy(wb.namedRanges),
    documentProperties: Object.fromEntries(wb.documentProperties),
    scriptProperties: Object.fromEntries(wb.scriptProperties),
    userProperties: Object.fromEntries([...wb.userProperties].map(([k, v]) => [k, Object.fromEntries(v)])),
    sheets: wb.sheets.map((m) => ({
      id: m.id,
      name: m.name,
      maxRows: m.maxRows,
      maxColumns: m.maxColumns,
      frozenRows: m.frozenRows,
      frozenColumns: m.frozenColumns,
      hidden: m.hidden,
      tabColor: m.tabColor,
      columnWidths: [...m.columnWidths],
      ...(m.hiddenColumns.size ? { hiddenColumns: [...m.hiddenColumns] } : {}),
      runs: saveRuns(wb, m),
      meta: saveMeta(m, styleIndex),
      conditionalRules: copy(m.conditionalRules),
      protections: copy(m.protections),
      ...(m.charts.length ? { charts: copy(m.charts) } : {}),
    })),
    styles,
  };
}

// ---- loading ------------------------------------------------------------------------------------

/** Version 1 files as version 2: cells become one-cell runs and one-cell rectangles. */
function upgrade(data: AnySaved): SavedWorkbook {
  if (data.version === 2) return data;
  const styles: CellMeta[] = [];
  const sheets = data.sheets.map(({ cells, ...sheet }) => ({
    ...sheet,
    runs: cells.filter(([, , content]) => content !== null).map(([r, c, content]): SavedRun => [r, c, [content]]),
    meta: cells.filter(([, , , meta]) => meta).map(([r, c, , meta]): SavedMeta => [r, c, r, c, styles.push(meta!) - 1]),
  }));
  return { ...data, version: 2, sheets, styles };
}

/** Restores a sheet's metadata and returns its cells, for Workbook.loadContents. */
function sheetCells(model: SheetModel, saved: SavedSheet, styles: CellMeta[]): [number, number, RawCellContent][] {
  for (const [row, col, lastRow, lastCol, style] of saved.meta)
    for (let r = row; r <= lastRow; r++)
      for (let c = col; c <= lastCol; c++) Object.assign(model.ensureMeta(r, c), styles[style]);
  // Formats are restored first, so typed text keeps its meaning ("@" cells stay text).
  const cells: [number, number, RawCellContent][] = [];
  for (const [row, col, contents] of saved.runs)
    contents.forEach((content, i) => {
      const plainText =
        typeof content === "string" && content.startsWith("'") && model.getMeta(row, col + i)?.format === "@";
      cells.push([row, col + i, (plainText ? content.slice(1) : content) as RawCellContent]);
    });
  return cells;
}

export interface LoadOptions {
  /**
   * Custom functions the workbook will be given (a harness's bundle's): named before the engine is
   * built, so setting them later needs no second build of the whole workbook.
   */
  functionNames?: string[];
  /** The drive the workbook joins once loaded (its IMPORTRANGEs then read the drive's spreadsheets). */
  drive?: Drive;
}

export function fromJSON(file: AnySaved, options: LoadOptions = {}): Workbook {
  const data = upgrade(file);
  registerCustomFunctionNames(options.functionNames ?? []);
  const wb = new Workbook({
    id: data.id,
    name: data.name,
    timeZone: data.timeZone,
    locale: data.locale,
    owner: data.owner,
    editors: data.editors,
    viewers: data.viewers,
  });
  wb.imports.grants = copy(data.importGrants ?? []);
  // Create every sheet first so cross-sheet formulas resolve.
  for (const s of data.sheets) {
    const m = wb.addSheet(s.name, undefined, s.maxRows, s.maxColumns);
    m.id = s.id;
    Object.assign(m, {
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      hidden: s.hidden,
      tabColor: s.tabColor,
      columnWidths: new Map(s.columnWidths),
      hiddenColumns: new Set(s.hiddenColumns ?? []),
      conditionalRules: s.conditionalRules,
      protections: s.protections,
      charts: s.charts ?? [],
    });
    wb.nextProtectionId = Math.max(wb.nextProtectionId, ...s.protections.map((p) => p.id + 1));
    wb.nextChartId = Math.max(wb.nextChartId, ...(s.charts ?? []).map((c) => (c.id ?? 0) + 1));
  }
  // Names before cells, so formulas using them resolve.
  for (const n of data.namedRanges) {
    const m = data.sheets.find((s) => s.id === n.sheetId);
    if (m) wb.setNamedRange(n.name, wb.sheetByName(m.name)!, n.rect);
  }
  wb.loadContents(
    data.sheets.map((s) => {
      const model = wb.sheetByName(s.name)!;
      return [model, sheetCells(model, s, data.styles)];
    }),
  );
  (wb as unknown as { nextSheetId: number }).nextSheetId = Math.max(0, ...data.sheets.map((s) => s.id + 1));
  wb.activeSheetId = data.activeSheetId;
  wb.namedRanges = data.namedRanges;
  wb.documentProperties = new Map(Object.entries(data.documentProperties));
  wb.scriptProperties = new Map(Object.entries(data.scriptProperties));
  wb.userProperties = new Map(Object.entries(data.userProperties).map(([k, v]) => [k, new Map(Object.entries(v))]));
  options.drive?.add(wb);
  return wb;
}

export function saveWorkbook(wb: Workbook, file: string): void {
  fs.writeFileSync(file, JSON.stringify(toJSON(wb)));
}

export function loadWorkbook(file: string, options: LoadOptions = {}): Workbook {
  return fromJSON(JSON.parse(fs.readFileSync(file, "utf8")) as AnySaved, options);
}
