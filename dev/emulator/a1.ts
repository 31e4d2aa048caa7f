/** A1 notation: column letters, cell and range parsing, formatting. All indexes here are 1-based. */

export function columnToLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 range; a missing bound means "to the edge of the sheet" (A:A, 2:2, B2:B). */
export interface A1Range {
  sheetName?: string;
  row: number;
  col: number;
  endRow?: number;
  endCol?: number;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(p: string): { col?: number; row?: number } | null {
  const m = PART.exec(p);
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Splits "'My sheet'!A1:B2" into sheet name and the rest. */
export function splitSheetName(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Returns null when the text is not A1 notation (the caller throws Sheets' "Range not found"). */
export function parseA1(a1: string): A1Range | null {
  const { sheetName, ref } = splitSheetName(a1.trim());
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const a = parsePart(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.col === undefined || a.row === undefined) return null;
    return { sheetName, row: a.row, col: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(parts[1]);
  if (!b) return null;
  // A:B (whole columns), 2:3 (whole rows), B2:B (open-ended), A1:B2.
  const row = Math.min(a.row ?? 1, b.row ?? a.row ?? 1);
  const col = Math.min(a.col ?? 1, b.col ?? a.col ?? 1);
  const endRow = a.row === undefined || b.row === undefined ? undefined : Math.max(a.row, b.row);
  const endCol = a.col === undefined || b.col === undefined ? undefined : Math.max(a.col, b.col);
  if (a.row === undefined && b.row !== undefined) return null;
  if (a.col === undefined && b.col !== undefined) return null;
  return { sheetName, row, col, endRow, endCol };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** Range.getA1Notation: "A1" for one cell, "A1:B2" otherwise; whole columns/rows as Sheets prints them. */
export function rangeA1(
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  maxRows: number,
  maxCols: number,
): string {
  if (numRows === 1 && numCols === 1) return cellA1(row, col);
  const endRow = row + numRows - 1;
  const endCol = col + numCols - 1;
  if (row === 1 && endRow === maxRows && !(col === 1 && endCol === maxCols)) {
    return `${columnToLetters(col)}:${columnToLetters(endCol)}`;
  }
  if (col === 1 && endCol === maxCols && !(row === 1 && endRow === maxRows)) return `${row}:${endRow}`;
  return `${cellA1(row, col)}:${cellA1(endRow, endCol)}`;
}
