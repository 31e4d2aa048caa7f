/** Sheet: one tab of the spreadsheet. */
import { parseA1 } from "./a1";
import { EmbeddedChart, EmbeddedChartBuilder, type ChartHost } from "./charts";
import { ConditionalFormatRule } from "./conditional-format";
import type { ExecutionContext } from "./context";
import type { CellMeta, ProtectionData, Rect, ValidationData } from "./model";
import { Protection, ProtectionType } from "./protection";
import { Range } from "./range";
import { RangeList } from "./range-list";
import type { Spreadsheet } from "./spreadsheet";
import type { Api } from "./types";
import type { SheetModel } from "./workbook";
import { SheetsError } from "./workbook";

type SheetApi = Api<
  GoogleAppsScript.Spreadsheet.Sheet,
  | "getName"
  | "getSheetId"
  | "getIndex"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "getFrozenRows"
  | "getFrozenColumns"
  | "isSheetHidden"
  | "getColumnWidth"
  | "hideColumns"
  | "showColumns"
  | "isColumnHiddenByUser"
  | "newChart"
  | "getCharts"
  | "getRangeList"
  | "deleteColumns"
>;

const FORMAT_KEYS = ["format", "background", "fontColor", "fontWeight", "wrap", "horizontalAlignment"] as const;

export class Sheet implements SheetApi {
  constructor(
    private ctx: ExecutionContext,
    private parent: Spreadsheet,
    readonly model: SheetModel,
  ) {}

  private hit(m: string): void {
    this.ctx.hit(`Sheet.${m}`);
  }
  private structural(m: string): void {
    this.ctx.beforeWrite(`Sheet.${m}`, this.model, {
      row: 1,
      col: 1,
      numRows: this.model.maxRows,
      numCols: this.model.maxColumns,
    });
  }
  private get wb() {
    return this.ctx.wb;
  }

  /** A range without counting a call (used internally and by offset/getCell). */
  rangeAt(row: number, col: number, numRows = 1, numCols = 1): Range {
    if (row < 1) throw new SheetsError("The starting row of the range is too small.");
    if (col < 1) throw new SheetsError("The starting column of the range is too small.");
    if (numRows < 1) throw new SheetsError("The number of rows in the range must be at least 1.");
    if (numCols < 1) throw new SheetsError("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > this.model.maxRows || col + numCols - 1 > this.model.maxColumns) {
      throw new SheetsError("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new Range(this.ctx, this, this.model, { row, col, numRows, numCols });
  }

  /** Range for A1 text relative to this sheet (A1, A1:B2, A:A, 2:2, B2:B). */
  rangeA1(a1: string): Range {
    const p = parseA1(a1);
    if (!p) throw new SheetsError("Range not found");
    const endRow = p.endRow ?? this.model.maxRows;
    const endCol = p.endCol ?? this.model.maxColumns;
    return this.rangeAt(p.row, p.col, endRow - p.row + 1, endCol - p.col + 1);
  }

  /** The source range of a requireValueInRange rule. */
  sourceOf(v: ValidationData): Range | undefined {
    if (!v.sourceRange) return undefined;
    const s = this.wb.sheetByName(v.sourceRange.sheetName);
    if (!s) return undefined;
    const r = v.sourceRange.rect;
    return this.parent.sheetFor(s).rangeAt(r.row, r.col, r.numRows, r.numCols);
  }

  getName(): string {
    this.hit("getName");
    return this.model.name;
  }
  setName(name: string): Sheet {
    this.structural("setName");
    this.wb.renameSheet(this.model, name);
    return this;
  }
  getSheetId(): number {
    this.hit("getSheetId");
    return this.model.id;
  }
  getIndex(): number {
    this.hit("getIndex");
    return this.wb.sheets.indexOf(this.model) + 1;
  }
  getParent(): Spreadsheet {
    this.hit("getParent");
    return this.parent;
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    this.hit("getRange");
    if (typeof a === "string") return this.rangeA1(a);
    return this.rangeAt(a, column ?? NaN, numRows ?? 1, numColumns ?? 1);
  }
  getRangeList(a1Notations: string[]): RangeList {
    this.hit("getRangeList");
    if (a1Notations.length === 0) throw new SheetsError("getRangeList needs at least one A1 notation.");
    return new RangeList(
      this.ctx,
      this.model,
      a1Notations.map((a1) => this.rangeA1(a1)),
    );
  }
  getDataRange(): Range {
    this.hit("getDataRange");
    const last = this.wb.lastRowCol(this.model);
    return this.rangeAt(1, 1, Math.max(1, last.row), Math.max(1, last.col));
  }
  getLastRow(): number {
    this.hit("getLastRow");
    return this.wb.lastRow(this.model);
  }
  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.wb.lastRowCol(this.model).col;
  }
  getMaxRows(): number {
    this.hit("getMaxRows");
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.hit("getMaxColumns");
    return this.model.maxColumns;
  }

  // ---- structure --------------------------------------------------------------------------
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.structural("insertRowsAfter");
    if (afterPosition < 1 || afterPosition > this.model.maxRows) throw new SheetsError("Those rows are out of bounds.");
    this.wb.insertRows(this.model, afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.structural("insertRowsBefore");
    if (beforePosition < 1 || beforePosition > this.model.maxRows)
      throw new SheetsError("Those rows are out of bounds.");
    this.wb.insertRows(this.model, beforePosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.structural("insertColumnsAfter");
    if (afterPosition < 1 || afterPosition > this.model.maxColumns)
      throw new SheetsError("Those columns are out of bounds.");
    this.wb.insertColumns(this.model, afterPosition + 1, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.structural("insertColumnsBefore");
    if (beforePosition < 1 || beforePosition > this.model.maxColumns)
      throw new SheetsError("Those columns are out of bounds.");
    this.wb.insertColumns(this.model, beforePosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.structural("deleteRows");
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.model.maxRows)
      throw new SheetsError("Those rows are out of bounds.");
    if (howMany >= this.model.maxRows - this.model.frozenRows && rowPosition <= this.model.frozenRows + 1) {
      throw new SheetsError("Sorry, it is not possible to delete all non-frozen rows.");
    }
    this.wb.deleteRows(this.model, rowPosition, howMany);
  }
  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.structural("deleteColumns");
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.model.maxColumns)
      throw new SheetsError("Those columns are out of bounds.");
    if (howMany >= this.model.maxColumns - this.model.frozenColumns && columnPosition <= this.model.frozenColumns + 1) {
      throw new SheetsError("Sorry, it is not possible to delete all non-frozen columns.");
    }
    this.wb.deleteColumns(this.model, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  /** Appends after the last row with content; the sheet grows when it is full (as in Sheets). */
  appendRow(rowContents: unknown[]): Sheet {
    const row = this.wb.lastRow(this.model) + 1;
    this.ctx.beforeWrite("Sheet.appendRow", this.model, {
      row,
      col: 1,
      numRows: 1,
      numCols: Math.max(1, rowContents.length),
    });
    if (row > this.model.maxRows) this.wb.insertRows(this.model, this.model.maxRows + 1, row - this.model.maxRows);
    if (rowContents.length > this.model.maxColumns) {
      this.wb.insertColumns(this.model, this.model.maxColumns + 1, rowContents.length - this.model.maxColumns);
    }
    if (rowContents.length > 0) this.wb.write(this.model, row, 1, [rowContents]);
    this.ctx.counters.cells("written", rowContents.length);
    return this;
  }
  /** Contents and formats go; notes and data validation stay (observed on live Sheets by gas-fakes). */
  clear(): Sheet {
    this.structural("clear");
    this.clearAllContents();
    this.forEachMeta((m) => {
      for (const k of FORMAT_KEYS) delete m[k];
    });
    return this;
  }
  clearFormats(): Sheet {
    this.structural("clearFormats");
    this.forEachMeta((m) => {
      for (const k of FORMAT_KEYS) delete m[k];
    });
    return this;
  }
  clearNotes(): Sheet {
    this.structural("clearNotes");
    this.forEachMeta((m) => delete m.note);
    return this;
  }
  private forEachMeta(fn: (m: CellMeta) => void): void {
    for (const line of this.model.meta) for (const m of line ?? []) if (m) fn(m);
  }
  private clearAllContents(): void {
    const last = this.wb.lastRowCol(this.model);
    if (last.row > 0)
      this.wb.write(
        this.model,
        1,
        1,
        Array.from({ length: last.row }, () => new Array(last.col).fill(null)),
      );
  }
  clearContents(): Sheet {
    this.structural("clearContents");
    this.clearAllContents();
    return this;
  }

  // ---- view -------------------------------------------------------------------------------
  setFrozenRows(rows: number): void {
    this.structural("setFrozenRows");
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.hit("getFrozenRows");
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.structural("setFrozenColumns");
    this.model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    this.hit("getFrozenColumns");
    return this.model.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.structural("setColumnWidth");
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this.structural("setColumnWidths");
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.hit("getColumnWidth");
    return this.model.columnWidths.get(columnPosition) ?? 100;
  }
  /** Sheet.hideColumns(columnIndex, [numColumns]): hides the columns (their cells keep their values). */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.structural("hideColumns");
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.structural("showColumns");
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.hit("isColumnHiddenByUser");
    return this.model.hiddenColumns.has(columnPosition);
  }
  hideSheet(): Sheet {
    this.structural("hideSheet");
    if (this.wb.sheets.filter((s) => !s.hidden).length <= 1 && !this.model.hidden) {
      throw new SheetsError("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this.structural("showSheet");
    this.model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.hit("isSheetHidden");
    return this.model.hidden;
  }
  setTabColor(color: string | null): Sheet {
    this.structural("setTabColor");
    this.model.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.hit("getTabColor");
    return this.model.tabColor;
  }
  activate(): Sheet {
    this.hit("activate");
    this.wb.activeSheetId = this.model.id;
    return this;
  }

  // ---- charts -----------------------------------------------------------------------------
  private chartHost: ChartHost = {
    locate: (range) => {
      if (!(range instanceof Range)) throw new SheetsError("Invalid argument: range");
      return { sheetId: range.model.id, rect: { ...range.rect } };
    },
    rangeOf: (sheetId, rect) => {
      const model = this.wb.sheetById(sheetId);
      return model ? new Range(this.ctx, this.parent.sheetFor(model), model, { ...rect }) : null;
    },
  };
  private chartIndex(chart: EmbeddedChart): number {
    const id = chart instanceof EmbeddedChart ? chart.getChartId() : null;
    const index = id === null ? -1 : this.model.charts.findIndex((c) => c.id === id);
    if (index < 0) throw new SheetsError("The chart is not on this sheet.");
    return index;
  }

  /** A builder for a new chart on this sheet; nothing is added until insertChart. */
  newChart(): EmbeddedChartBuilder {
    this.hit("newChart");
    return new EmbeddedChartBuilder(this.chartHost);
  }
  /** Adds the chart with a new id, unique in the spreadsheet. */
  insertChart(chart: EmbeddedChart): void {
    this.structural("insertChart");
    if (!(chart instanceof EmbeddedChart)) throw new SheetsError("Invalid argument: chart");
    const data = JSON.parse(JSON.stringify(chart.data)) as EmbeddedChart["data"];
    data.id = this.wb.nextChartId++;
    this.model.charts.push(data);
  }
  getCharts(): EmbeddedChart[] {
    this.hit("getCharts");
    return this.model.charts.map((c) => new EmbeddedChart(JSON.parse(JSON.stringify(c)), this.chartHost));
  }
  /** Replaces the chart of the same id (a chart from getCharts().modify()…build()). */
  updateChart(chart: EmbeddedChart): void {
    this.structural("updateChart");
    this.model.charts[this.chartIndex(chart)] = JSON.parse(JSON.stringify(chart.data));
  }
  removeChart(chart: EmbeddedChart): void {
    this.structural("removeChart");
    this.model.charts.splice(this.chartIndex(chart), 1);
  }

  // ---- rules ------------------------------------------------------------------------------
  private rangeOf = (r: Rect, wholeSheet = false): Range =>
    wholeSheet
      ? new Range(this.ctx, this, this.model, { ...r }, true)
      : this.rangeAt(r.row, r.col, r.numRows, r.numCols);

  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.hit("getConditionalFormatRules");
    return this.model.conditionalRules.map(
      (d) => new ConditionalFormatRule(JSON.parse(JSON.stringify(d)), this.rangeOf),
    );
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.structural("setConditionalFormatRules");
    this.model.conditionalRules = rules.map((r) => JSON.parse(JSON.stringify(r.data)));
  }
  protect(): Protection {
    this.hit("protect");
    const data: ProtectionData = {
      id: this.wb.nextProtectionId++,
      type: ProtectionType.SHEET,
      description: "",
      warningOnly: false,
      editors: [],
      unprotected: [],
    };
    this.model.protections.push(data);
    return new Protection(this.ctx, this.model, data, this.rangeOf);
  }
  getProtections(type: ProtectionType): Protection[] {
    this.hit("getProtections");
    return this.model.protections
      .filter((p) => p.type === type)
      .map((p) => new Protection(this.ctx, this.model, p, this.rangeOf));
  }
}
