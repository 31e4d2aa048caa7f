/**
 * What the preview's grid shows of a sheet: displayed text (as formatted), what the cell editor
 * starts from, colours, alignment. Only a window of rows is sent (plus the frozen header), so a
 * sheet of 100,000 rows opens as quickly as one of 10.
 */
import type { Harness } from "../harness/harness";
import { conditionalPaint } from "./conditional";
import { editText } from "./edit-text";

export interface CellView {
  text: string;
  /** The content the cell editor and the formula bar show, when it differs from `text`. */
  edit?: string;
  background?: string;
  color?: string;
  bold?: boolean;
  align?: "left" | "center" | "right";
  note?: string;
  /** An error value's message, shown on hover as in Sheets. */
  error?: string;
  /** IMPORTRANGE waits for Allow access here: selecting the cell offers the button. */
  connect?: boolean;
}

export interface GridView {
  sheet: string;
  frozenRows: number;
  /** Column widths in pixels, column A first. */
  widths: number[];
  /** Columns hidden with hideColumns (0-based), drawn as Sheets does: not at all. */
  hidden: number[];
  /** How many rows the grid has (data and a few empty rows after it). */
  rowCount: number;
  /** The first row of `rows` (1-based; rows 1..frozenRows are in `frozen`). */
  top: number;
  frozen: CellView[][];
  rows: CellView[][];
}

/** Sheets shows empty rows and columns past the data; a few are enough to look like a sheet. */
const SPARE_ROWS = 12;
const MIN_ROWS = 30;
const MIN_COLUMNS = 8;
/** Rows sent at a time: a few screens' worth. */
export const WINDOW_ROWS = 120;

function align(set: string | undefined, value: unknown): CellView["align"] {
  const chosen = /left|center|right/.exec(set ?? "")?.[0];
  if (chosen) return chosen as CellView["align"];
  if (typeof value === "number" || value instanceof Date) return "right";
  if (typeof value === "boolean") return "center";
  return "left";
}

/** The cells of rows first..first+count-1. */
function cellViews(harness: Harness, sheetName: string, first: number, count: number, cols: number): CellView[][] {
  if (count <= 0) return [];
  const sheet = harness.spreadsheet.getSheetByName(sheetName)!;
  const model = harness.workbook.sheetByName(sheetName)!;
  const range = sheet.getRange(first, 1, count, cols);
  const values = range.getValues();
  const display = range.getDisplayValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const timeZone = harness.spreadsheet.getSpreadsheetTimeZone();
  return display.map((line, i) =>
    line.map((text, c): CellView => {
      const r = first + i;
      const value = values[i][c];
      const meta = model.getMeta(r, c + 1);
      const paint = conditionalPaint(model.conditionalRules, r, c + 1, value);
      const cell: CellView = { text };
      const edit = editText(value, formulas[i][c], formats[i][c], timeZone, harness.workbook.locale);
      if (edit !== text) cell.edit = edit;
      const background = paint?.background ?? meta?.background;
      const color = paint?.fontColor ?? meta?.fontColor;
      if (background && background !== "#ffffff") cell.background = background;
      if (color && color !== "#000000") cell.color = color;
      if (paint?.bold || meta?.fontWeight === "bold") cell.bold = true;
      const side = align(meta?.horizontalAlignment?.toLowerCase(), value);
      if (side !== "left") cell.align = side;
      if (meta?.note) cell.note = meta.note;
      if (typeof value === "string" && value.startsWith("#")) {
        const error = harness.workbook.errorMessage(model, r, c + 1);
        if (error) cell.error = error;
        if (harness.workbook.importPrompt(model, r, c + 1)) cell.connect = true;
      }
      return cell;
    }),
  );
}

/** The grid of `sheetName` with rows from `top` (clamped to the sheet). */
export function gridView(harness: Harness, sheetName: string, top = 1): GridView {
  const sheet = harness.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error("No sheet named " + sheetName);
  const rowCount = Math.min(sheet.getMaxRows(), Math.max(MIN_ROWS, sheet.getLastRow() + SPARE_ROWS));
  const cols = Math.min(sheet.getMaxColumns(), Math.max(MIN_COLUMNS, sheet.getLastColumn() + 2));
  const frozenRows = Math.min(sheet.getFrozenRows(), rowCount);
  const first = Math.max(frozenRows + 1, Math.min(Math.floor(top) || 1, rowCount - WINDOW_ROWS + 1));
  const last = Math.min(rowCount, first + WINDOW_ROWS - 1);
  return {
    sheet: sheetName,
    frozenRows,
    widths: Array.from({ length: cols }, (_, c) => sheet.getColumnWidth(c + 1)),
    hidden: Array.from({ length: cols }, (_, c) => c).filter((c) => sheet.isColumnHiddenByUser(c + 1)),
    rowCount,
    top: first,
    frozen: cellViews(harness, sheetName, 1, frozenRows, cols),
    rows: cellViews(harness, sheetName, first, last - first + 1, cols),
  };
}
