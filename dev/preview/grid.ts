/** What the preview's grid shows of a sheet: displayed text (as formatted), colours, alignment. */
import type { Harness } from "../harness/harness";
import { conditionalPaint } from "./conditional";

export interface CellView {
  text: string;
  background?: string;
  color?: string;
  bold?: boolean;
  align?: "left" | "center" | "right";
  note?: string;
}

export interface GridView {
  sheet: string;
  frozenRows: number;
  /** Column widths in pixels, column A first. */
  widths: number[];
  /** Rows of cells, row 1 first. */
  cells: CellView[][];
}

/** Sheets shows empty rows and columns past the data; a few are enough to look like a sheet. */
const SPARE_ROWS = 12;
const MIN_ROWS = 30;
const MIN_COLUMNS = 8;

function align(set: string | undefined, value: unknown): CellView["align"] {
  const chosen = /left|center|right/.exec(set ?? "")?.[0];
  if (chosen) return chosen as CellView["align"];
  if (typeof value === "number" || value instanceof Date) return "right";
  if (typeof value === "boolean") return "center";
  return "left";
}

export function gridView(harness: Harness, sheetName: string): GridView {
  const sheet = harness.spreadsheet.getSheetByName(sheetName);
  const model = harness.workbook.sheetByName(sheetName);
  if (!sheet || !model) throw new Error("No sheet named " + sheetName);
  const rows = Math.min(sheet.getMaxRows(), Math.max(MIN_ROWS, sheet.getLastRow() + SPARE_ROWS));
  const cols = Math.min(sheet.getMaxColumns(), Math.max(MIN_COLUMNS, sheet.getLastColumn() + 2));
  const range = sheet.getRange(1, 1, rows, cols);
  const values = range.getValues();
  const display = range.getDisplayValues();
  const widths = Array.from({ length: cols }, (_, c) => sheet.getColumnWidth(c + 1));
  const cells = display.map((line, r) =>
    line.map((text, c): CellView => {
      const meta = model.getMeta(r + 1, c + 1);
      const paint = conditionalPaint(model.conditionalRules, r + 1, c + 1, values[r][c]);
      const cell: CellView = { text };
      const background = paint?.background ?? meta?.background;
      const color = paint?.fontColor ?? meta?.fontColor;
      if (background && background !== "#ffffff") cell.background = background;
      if (color && color !== "#000000") cell.color = color;
      if (paint?.bold || meta?.fontWeight === "bold") cell.bold = true;
      const side = align(meta?.horizontalAlignment?.toLowerCase(), values[r][c]);
      if (side !== "left") cell.align = side;
      if (meta?.note) cell.note = meta.note;
      return cell;
    }),
  );
  return { sheet: sheetName, frozenRows: sheet.getFrozenRows(), widths, cells };
}
