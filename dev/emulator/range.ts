/** Range: a rectangle on a sheet; every method is one service call (counted). */
import { rangeA1 } from "./a1";
import type { ExecutionContext } from "./context";
import { DataValidation } from "./data-validation";
import type { ValidationSource } from "./data-validation";
import type { CellMeta, ProtectionData, Rect, ValidationData } from "./model";
import { formatValue } from "./number-format";
import { shiftFormula } from "./formula-text";
import { Protection, ProtectionType } from "./protection";
import type { Sheet } from "./sheet";
import { TextFinder } from "./text-finder";
import type { Api } from "./types";
import type { CellValue, SheetModel } from "./workbook";
import { SheetsError } from "./workbook";

type RangeApi = Api<
  GoogleAppsScript.Spreadsheet.Range,
  | "getRow"
  | "getColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getLastRow"
  | "getLastColumn"
  | "getA1Notation"
  | "setFontWeights"
  | "getFontWeights"
  | "getValue"
  | "getValues"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFormula"
  | "getFormulas"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getNote"
  | "getNotes"
  | "getBackground"
  | "getBackgrounds"
  | "isBlank"
>;

/** Sheets' automatic format, as getNumberFormat reports it. */
export const AUTOMATIC_FORMAT = "0.###############";

/** "General" is the automatic format: the cell reads back 0.############### and typed input formats it again. */
function automaticIsNone(format: string | null): string | undefined {
  return format === null || /^general$/i.test(format) ? undefined : format;
}

function checkDims(data: unknown[][], rect: Rect): void {
  if (!Array.isArray(data) || data.length !== rect.numRows) {
    throw new SheetsError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${rect.numRows}.`,
    );
  }
  for (const line of data) {
    if (!Array.isArray(line) || line.length !== rect.numCols) {
      throw new SheetsError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${rect.numCols}.`,
      );
    }
  }
}

export class Range implements RangeApi {
  constructor(
    private ctx: ExecutionContext,
    private sheet: Sheet,
    readonly model: SheetModel,
    readonly rect: Rect,
    /** A sheet protection's range: the whole sheet, which has no A1 notation. */
    private wholeSheet = false,
  ) {}

  private hit(m: string): void {
    this.ctx.hit(`Range.${m}`);
  }
  private write(m: string): void {
    this.ctx.beforeWrite(`Range.${m}`, this.model, this.rect);
  }
  private get wb() {
    return this.ctx.wb;
  }
  private forEachCell(fn: (row: number, col: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rect.numRows; i++)
      for (let j = 0; j < this.rect.numCols; j++) fn(this.rect.row + i, this.rect.col + j, i, j);
  }
  private metaGrid<T>(pick: (m: CellMeta | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.rect.numCols; j++)
        line.push(pick(this.model.getMeta(this.rect.row + i, this.rect.col + j)));
      out.push(line);
    }
    return out;
  }
  private setMeta<K extends keyof CellMeta>(key: K, values: (CellMeta[K] | undefined)[][]): void {
    this.forEachCell((r, c, i, j) => {
      const v = values[i][j];
      if (v === undefined || v === null) {
        const m = this.model.getMeta(r, c);
        if (m) delete m[key];
      } else this.model.ensureMeta(r, c)[key] = v;
    });
  }
  private fill<T>(v: T): T[][] {
    return Array.from({ length: this.rect.numRows }, () => Array.from({ length: this.rect.numCols }, () => v));
  }

  // ---- position ---------------------------------------------------------------------------
  getRow(): number {
    this.hit("getRow");
    return this.rect.row;
  }
  getRowIndex(): number {
    return this.getRow();
  }
  getColumn(): number {
    this.hit("getColumn");
    return this.rect.col;
  }
  getNumRows(): number {
    this.hit("getNumRows");
    return this.rect.numRows;
  }
  getNumColumns(): number {
    this.hit("getNumColumns");
    return this.rect.numCols;
  }
  getLastRow(): number {
    this.hit("getLastRow");
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.rect.col + this.rect.numCols - 1;
  }
  getA1Notation(): string {
    this.hit("getA1Notation");
    if (this.wholeSheet) return "";
    return rangeA1(
      this.rect.row,
      this.rect.col,
      this.rect.numRows,
      this.rect.numCols,
      this.model.maxRows,
      this.model.maxColumns,
    );
  }
  getSheet(): Sheet {
    this.hit("getSheet");
    return this.sheet;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.hit("offset");
    return this.sheet.rangeAt(
      this.rect.row + rowOffset,
      this.rect.col + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numCols,
    );
  }
  getCell(row: number, column: number): Range {
    this.hit("getCell");
    if (row > this.rect.numRows || column > this.rect.numCols) throw new SheetsError("Cell reference out of range");
    return this.sheet.rangeAt(this.rect.row + row - 1, this.rect.col + column - 1, 1, 1);
  }
  activate(): Range {
    this.hit("activate");
    this.wb.activeSheetId = this.model.id;
    return this;
  }

  // ---- values -----------------------------------------------------------------------------
  getValues(): CellValue[][] {
    this.hit("getValues");
    this.ctx.counters.cells("read", this.rect.numRows * this.rect.numCols);
    return this.wb.readValues(this.model, this.rect);
  }
  getValue(): CellValue {
    this.hit("getValue");
    return this.wb.readValues(this.model, { ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }
  setValues(values: unknown[][]): Range {
    this.write("setValues");
    checkDims(values, this.rect);
    this.ctx.counters.cells("written", this.rect.numRows * this.rect.numCols);
    this.wb.write(this.model, this.rect.row, this.rect.col, values);
    return this;
  }
  setValue(value: unknown): Range {
    this.write("setValue");
    this.wb.write(this.model, this.rect.row, this.rect.col, this.fill(value));
    return this;
  }
  private display(rect: Rect): string[][] {
    const raw = this.wb.readRaw(this.model, rect);
    const values = this.wb.readValues(this.model, rect);
    return raw.map((line, i) =>
      line.map((v, j) => {
        const fmt = this.model.getMeta(rect.row + i, rect.col + j)?.format;
        // A date computed by a formula (TODAY(), DATE()) shows as a date in Sheets.
        const date = this.wb.locale.dateFormat;
        const auto =
          values[i][j] instanceof Date && typeof v === "number" ? (v % 1 === 0 ? date : `${date} H:mm:ss`) : undefined;
        return formatValue(v, fmt ?? auto, this.wb.locale);
      }),
    );
  }
  /** What the cells show, without counting a call (the TextFinder's own search is its call). */
  displayUncounted(): string[][] {
    return this.display(this.rect);
  }
  sheetUncounted(): Sheet {
    return this.sheet;
  }
  createTextFinder(findText: string): TextFinder {
    this.hit("createTextFinder");
    return new TextFinder(this.ctx, this, findText);
  }
  getDisplayValues(): string[][] {
    this.hit("getDisplayValues");
    this.ctx.counters.cells("read", this.rect.numRows * this.rect.numCols);
    return this.display(this.rect);
  }
  getDisplayValue(): string {
    this.hit("getDisplayValue");
    return this.display({ ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }
  getFormulas(): string[][] {
    this.hit("getFormulas");
    const out: string[][] = this.fill("");
    this.forEachCell((r, c, i, j) => (out[i][j] = this.wb.readFormula(this.model, r, c)));
    return out;
  }
  getFormula(): string {
    this.hit("getFormula");
    return this.wb.readFormula(this.model, this.rect.row, this.rect.col);
  }
  setFormulas(formulas: string[][]): Range {
    this.write("setFormulas");
    checkDims(formulas, this.rect);
    this.wb.writeFormulas(this.model, this.rect.row, this.rect.col, formulas);
    return this;
  }
  /** On a multi-cell range relative references move with each cell, as when filling (Sheets API RepeatCellRequest). */
  setFormula(formula: string): Range {
    this.write("setFormula");
    const text = String(formula);
    const grid = Array.from({ length: this.rect.numRows }, (_, i) =>
      Array.from({ length: this.rect.numCols }, (_, j) => (text.startsWith("=") ? shiftFormula(text, i, j) : text)),
    );
    this.wb.writeFormulas(this.model, this.rect.row, this.rect.col, grid);
    return this;
  }
  isBlank(): boolean {
    this.hit("isBlank");
    let blank = true;
    this.forEachCell((r, c) => {
      if (this.wb.hasContent(this.model, r, c)) blank = false;
    });
    return blank;
  }
  clearContent(): Range {
    this.write("clearContent");
    this.wb.write(this.model, this.rect.row, this.rect.col, this.fill(null));
    return this;
  }
  clearFormat(): Range {
    this.write("clearFormat");
    this.forEachCell((r, c) => {
      const m = this.model.getMeta(r, c);
      if (m)
        for (const k of ["format", "background", "fontColor", "fontWeight", "wrap", "horizontalAlignment"] as const)
          delete m[k];
    });
    return this;
  }
  clear(): Range {
    this.write("clear");
    this.wb.write(this.model, this.rect.row, this.rect.col, this.fill(null));
    this.forEachCell((r, c) => {
      const m = this.model.getMeta(r, c);
      if (m)
        for (const k of ["format", "background", "fontColor", "fontWeight", "wrap", "horizontalAlignment"] as const)
          delete m[k];
    });
    return this;
  }

  // ---- formats, notes, styles -----------------------------------------------------------------
  getNumberFormats(): string[][] {
    this.hit("getNumberFormats");
    return this.metaGrid((m) => m?.format ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    this.hit("getNumberFormat");
    return this.model.getMeta(this.rect.row, this.rect.col)?.format ?? AUTOMATIC_FORMAT;
  }
  setNumberFormats(numberFormats: string[][]): Range {
    this.write("setNumberFormats");
    checkDims(numberFormats, this.rect);
    this.setMeta(
      "format",
      numberFormats.map((l) => l.map(automaticIsNone)),
    );
    this.wb.retype(this.model, this.rect);
    return this;
  }
  setNumberFormat(numberFormat: string): Range {
    this.write("setNumberFormat");
    this.applyNumberFormat(numberFormat);
    return this;
  }
  /** setNumberFormat's effect without counting a call (a RangeList's one call covers its ranges). */
  applyNumberFormat(numberFormat: string): void {
    this.setMeta("format", this.fill(automaticIsNone(numberFormat)));
    this.wb.retype(this.model, this.rect);
  }
  getNotes(): string[][] {
    this.hit("getNotes");
    return this.metaGrid((m) => m?.note ?? "");
  }
  getNote(): string {
    this.hit("getNote");
    return this.model.getMeta(this.rect.row, this.rect.col)?.note ?? "";
  }
  setNotes(notes: (string | null)[][]): Range {
    this.write("setNotes");
    checkDims(notes, this.rect);
    this.setMeta(
      "note",
      notes.map((l) => l.map((n) => (n ? String(n) : undefined))),
    );
    return this;
  }
  setNote(note: string | null): Range {
    this.write("setNote");
    this.setMeta("note", this.fill(note ? String(note) : undefined));
    return this;
  }
  clearNote(): Range {
    return this.setNote(null);
  }
  getBackgrounds(): string[][] {
    this.hit("getBackgrounds");
    return this.metaGrid((m) => m?.background ?? "#ffffff");
  }
  getBackground(): string {
    this.hit("getBackground");
    return this.model.getMeta(this.rect.row, this.rect.col)?.background ?? "#ffffff";
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    this.write("setBackgrounds");
    checkDims(colors, this.rect);
    this.setMeta(
      "background",
      colors.map((l) => l.map((c) => c ?? undefined)),
    );
    return this;
  }
  setBackground(color: string | null): Range {
    this.write("setBackground");
    this.setMeta("background", this.fill(color ?? undefined));
    return this;
  }
  getFontWeight(): string {
    this.hit("getFontWeight");
    return this.model.getMeta(this.rect.row, this.rect.col)?.fontWeight ?? "normal";
  }
  setFontWeight(fontWeight: string | null): Range {
    this.write("setFontWeight");
    this.setMeta("fontWeight", this.fill(fontWeight ?? undefined));
    return this;
  }
  /** Range.setFontWeights: "bold" or "normal" per cell; null resets to normal. */
  setFontWeights(fontWeights: (string | null)[][]): Range {
    this.write("setFontWeights");
    checkDims(fontWeights, this.rect);
    this.setMeta(
      "fontWeight",
      fontWeights.map((l) => l.map((w) => (w === null || w === "normal" ? undefined : w))),
    );
    return this;
  }
  getFontWeights(): string[][] {
    this.hit("getFontWeights");
    const out: string[][] = this.fill("normal");
    this.forEachCell((r, c, i, j) => (out[i][j] = this.model.getMeta(r, c)?.fontWeight ?? "normal"));
    return out;
  }
  getFontColor(): string {
    this.hit("getFontColor");
    return this.model.getMeta(this.rect.row, this.rect.col)?.fontColor ?? "#000000";
  }
  setFontColor(color: string | null): Range {
    this.write("setFontColor");
    this.setMeta("fontColor", this.fill(color ?? undefined));
    return this;
  }
  getWrap(): boolean {
    this.hit("getWrap");
    return this.model.getMeta(this.rect.row, this.rect.col)?.wrap ?? false;
  }
  setWrap(isWrapEnabled: boolean): Range {
    this.write("setWrap");
    this.setMeta("wrap", this.fill(isWrapEnabled));
    return this;
  }
  getHorizontalAlignment(): string {
    this.hit("getHorizontalAlignment");
    return this.model.getMeta(this.rect.row, this.rect.col)?.horizontalAlignment ?? "general";
  }
  setHorizontalAlignment(alignment: string | null): Range {
    this.write("setHorizontalAlignment");
    this.setMeta("horizontalAlignment", this.fill(alignment ?? undefined));
    return this;
  }

  // ---- validation, protection ---------------------------------------------------------------
  private toValidation(d: ValidationData | undefined): DataValidation | null {
    return d ? new DataValidation(d, (v) => this.sheet.sourceOf(v) as ValidationSource | undefined) : null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    this.hit("getDataValidations");
    return this.metaGrid((m) => this.toValidation(m?.validation));
  }
  getDataValidation(): DataValidation | null {
    this.hit("getDataValidation");
    return this.toValidation(this.model.getMeta(this.rect.row, this.rect.col)?.validation);
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.write("setDataValidations");
    checkDims(rules, this.rect);
    this.setMeta(
      "validation",
      rules.map((l) => l.map((r) => (r ? { ...r.data } : undefined))),
    );
    return this;
  }
  setDataValidation(rule: DataValidation | null): Range {
    this.write("setDataValidation");
    this.setMeta("validation", this.fill(rule ? { ...rule.data } : undefined));
    return this;
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }
  protect(): Protection {
    this.hit("protect");
    const data: ProtectionData = {
      id: this.wb.nextProtectionId++,
      type: ProtectionType.RANGE,
      rect: { ...this.rect },
      description: "",
      warningOnly: false,
      editors: [],
      unprotected: [],
    };
    this.model.protections.push(data);
    return new Protection(this.ctx, this.model, data, (r) => this.sheet.rangeAt(r.row, r.col, r.numRows, r.numCols));
  }
}
