/** Spreadsheet: the document as one user sees it. */
import { parseA1, splitSheetName } from "./a1";
import type { ExecutionContext } from "./context";
import { localeFor } from "./locale";
import type { Rect } from "./model";
import { ProtectionType } from "./protection";
import type { Protection } from "./protection";
import type { Range } from "./range";
import { Sheet } from "./sheet";
import type { Api } from "./types";
import type { SheetModel } from "./workbook";
import { SheetsError } from "./workbook";

type SpreadsheetApi = Api<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  "getId" | "getName" | "getSpreadsheetTimeZone" | "getSpreadsheetLocale" | "getNumSheets"
>;

export class NamedRange {
  constructor(
    private name: string,
    private range: Range,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): Range {
    return this.range;
  }
}

export class Spreadsheet implements SpreadsheetApi {
  private views = new WeakMap<SheetModel, Sheet>();

  constructor(private ctx: ExecutionContext) {}

  private hit(m: string): void {
    this.ctx.hit(`Spreadsheet.${m}`);
  }
  private get wb() {
    return this.ctx.wb;
  }

  /** The Sheet view of a model (one object per sheet, like Apps Script's handles). */
  sheetFor(model: SheetModel): Sheet {
    let s = this.views.get(model);
    if (!s) {
      s = new Sheet(this.ctx, this, model);
      this.views.set(model, s);
    }
    return s;
  }

  getId(): string {
    this.hit("getId");
    return this.wb.id;
  }
  getName(): string {
    this.hit("getName");
    return this.wb.name;
  }
  rename(newName: string): void {
    this.hit("rename");
    this.wb.name = newName;
  }
  getUrl(): string {
    this.hit("getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    this.hit("getSpreadsheetTimeZone");
    return this.wb.timeZone;
  }
  /** e.g. "en_US", "de_DE" (Sheets' code for the locale in File > Settings). */
  getSpreadsheetLocale(): string {
    this.hit("getSpreadsheetLocale");
    return this.wb.locale.id;
  }
  /** Typed input, displayed numbers and formula syntax follow the new locale; stored values stay. */
  setSpreadsheetLocale(locale: string): void {
    this.hit("setSpreadsheetLocale");
    this.wb.locale = localeFor(locale);
  }
  getNumSheets(): number {
    this.hit("getNumSheets");
    return this.wb.sheets.length;
  }
  getSheets(): Sheet[] {
    this.hit("getSheets");
    return this.wb.sheets.map((m) => this.sheetFor(m));
  }
  getSheetByName(name: string): Sheet | null {
    this.hit("getSheetByName");
    const m = this.wb.sheetByName(name);
    return m ? this.sheetFor(m) : null;
  }
  getSheetById(id: number): Sheet | null {
    this.hit("getSheetById");
    const m = this.wb.sheetById(id);
    return m ? this.sheetFor(m) : null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): index is 0-based. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    this.ctx.beforeWrite("Spreadsheet.insertSheet", this.wb.sheets[0], { row: 1, col: 1, numRows: 1, numCols: 1 });
    let name = typeof nameOrIndex === "string" ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === "number" ? nameOrIndex : index;
    if (name === undefined) {
      let n = this.wb.sheets.length + 1;
      while (this.wb.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const model = this.wb.addSheet(name, at);
    // The new sheet becomes the active one, as in Sheets.
    this.wb.activeSheetId = model.id;
    return this.sheetFor(model);
  }
  deleteSheet(sheet: Sheet): void {
    this.ctx.beforeWrite("Spreadsheet.deleteSheet", sheet.model, { row: 1, col: 1, numRows: 1, numCols: 1 });
    this.wb.removeSheet(sheet.model);
  }
  getActiveSheet(): Sheet {
    this.hit("getActiveSheet");
    const m = this.wb.sheetById(this.wb.activeSheetId) ?? this.wb.sheets[0];
    return this.sheetFor(m);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.hit("setActiveSheet");
    this.wb.activeSheetId = sheet.model.id;
    return sheet;
  }
  /** getRange("Sheet1!A1:B2"); without a sheet name, the active sheet. */
  getRange(a1Notation: string): Range {
    this.hit("getRange");
    const { sheetName } = splitSheetName(a1Notation);
    const model =
      sheetName === undefined
        ? (this.wb.sheetById(this.wb.activeSheetId) ?? this.wb.sheets[0])
        : this.wb.sheetByName(sheetName);
    if (!model || !parseA1(a1Notation)) throw new SheetsError("Range not found");
    return this.sheetFor(model).rangeA1(splitSheetName(a1Notation).ref);
  }
  setNamedRange(name: string, range: Range): void {
    this.hit("setNamedRange");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(TRUE|FALSE)$/i.test(name)) {
      throw new SheetsError("Named range name is not valid.");
    }
    this.wb.setNamedRange(name, range.getSheet().model, range.rect);
  }
  getRangeByName(name: string): Range | null {
    this.hit("getRangeByName");
    const n = this.wb.namedRanges.find((x) => x.name === name);
    const model = n && this.wb.sheetById(n.sheetId);
    return n && model ? this.rangeOf(model, n.rect) : null;
  }
  getNamedRanges(): NamedRange[] {
    this.hit("getNamedRanges");
    return this.wb.namedRanges.flatMap((n) => {
      const model = this.wb.sheetById(n.sheetId);
      return model ? [new NamedRange(n.name, this.rangeOf(model, n.rect))] : [];
    });
  }
  removeNamedRange(name: string): void {
    this.hit("removeNamedRange");
    this.wb.removeNamedRange(name);
  }
  private rangeOf(model: SheetModel, r: Rect): Range {
    return this.sheetFor(model).rangeAt(r.row, r.col, r.numRows, r.numCols);
  }
  getProtections(type: ProtectionType): Protection[] {
    this.hit("getProtections");
    return this.wb.sheets.flatMap((m) => this.sheetFor(m).getProtections(type));
  }
  toast(msg: string, title = "", timeoutSeconds = 5): void {
    this.hit("toast");
    this.ctx.ui.toasts.push({ message: String(msg), title, timeoutSeconds });
  }
  getOwner(): { getEmail(): string } {
    this.hit("getOwner");
    const email = this.wb.owner;
    return { getEmail: () => email };
  }
  getEditors(): { getEmail(): string }[] {
    this.hit("getEditors");
    return [this.wb.owner, ...this.wb.editors].map((email) => ({ getEmail: () => email }));
  }
  addEditor(email: string): Spreadsheet {
    this.hit("addEditor");
    if (!this.wb.editors.includes(email)) this.wb.editors.push(email);
    return this;
  }
}
