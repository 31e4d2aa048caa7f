/**
 * HyperFormula cannot parse open-ended ranges (B2:B) and its whole-column/row array formulas
 * crash when the sheet grows, so every range is handed to it bounded by the referenced sheet's
 * size; the kinds are remembered so getFormulas can print the original Sheets text.
 */

export type RangeKind = "closed" | "openEnd" | "wholeCol" | "wholeRow";

export interface Translation {
  text: string;
  kinds: RangeKind[];
  /** True when any range had to be bounded: the formula must be re-bounded when a sheet resizes. */
  open: boolean;
  /** A bare range (=A1:B3, =Other!A:A) spills in Sheets; the engine needs an array context for that. */
  wrapped: boolean;
}

// Not an array literal ({A1:A3}): HyperFormula does not resize those when re-set.
const WRAP_START = "=ARRAYFORMULA(IF(TRUE(),";
const WRAP_END = "))";

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
// One range token: optional sheet prefix, then cell:cell, cell:col, col:col or row:row.
const RANGE = new RegExp(
  String.raw`(${SHEET})?(?:(${COL}${ROW}):(${COL}${ROW})|(${COL}${ROW}):(${COL})(?![\w$(])|(${COL}):(${COL})(?![\w$(])|(${ROW}):(${ROW})(?![\w$(]))`,
  "y",
);

function sheetOf(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  let name = prefix.slice(0, -1);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return name;
}

/** Walks the formula outside string literals, calling `onRange` at every range token. */
function walk(formula: string, onRange: (m: RegExpExecArray) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (!/[\w$.']/.test(prev)) {
      RANGE.lastIndex = i;
      const m = RANGE.exec(formula);
      if (m) {
        out += onRange(m);
        i = RANGE.lastIndex;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

export function toEngine(
  formula: string,
  hostSheet: string,
  size: (sheet: string) => { rows: number; cols: number } | undefined,
): Translation {
  const kinds: RangeKind[] = [];
  const text = walk(formula, (m) => {
    const prefix = m[1] ?? "";
    const dims = size(sheetOf(m[1]) ?? hostSheet) ?? { rows: 1000, cols: 26 };
    if (m[2]) {
      kinds.push("closed");
      return m[0];
    }
    if (m[4]) {
      kinds.push("openEnd");
      return `${prefix}${m[4]}:${m[5]}${dims.rows}`;
    }
    if (m[6]) {
      kinds.push("wholeCol");
      return `${prefix}${m[6]}1:${m[7]}${dims.rows}`;
    }
    kinds.push("wholeRow");
    const lastCol = columnLetters(dims.cols);
    return `${prefix}A${m[8].replace("$", "")}:${lastCol}${m[9].replace("$", "")}`;
  });
  const bare = kinds.length === 1 && new RegExp(`^=\\s*(${RANGE.source})\\s*$`).test(formula);
  return {
    text: bare ? `${WRAP_START}${text.slice(1).trim()}${WRAP_END}` : text,
    kinds,
    open: kinds.some((k) => k !== "closed"),
    wrapped: bare,
  };
}

/** Removes the wrapper added around a bare range. */
export function unwrap(engineText: string): string {
  return engineText.startsWith(WRAP_START) && engineText.endsWith(WRAP_END)
    ? "=" + engineText.slice(WRAP_START.length, -WRAP_END.length)
    : engineText;
}

/** Turns the engine's (possibly shifted) bounded formula back into Sheets text. */
export function fromEngine(engineText: string, kinds: RangeKind[]): string {
  let k = 0;
  const text = walk(engineText, (m) => {
    const kind = kinds[k++];
    if (!m[2] || !kind || kind === "closed") return m[0];
    const prefix = m[1] ?? "";
    const start = /^(\$?[A-Za-z]+)(\$?\d+)$/.exec(m[2])!;
    const end = /^(\$?[A-Za-z]+)(\$?\d+)$/.exec(m[3])!;
    if (kind === "openEnd") return `${prefix}${m[2]}:${end[1]}`;
    if (kind === "wholeCol") return `${prefix}${start[1]}:${end[1]}`;
    return `${prefix}${start[2]}:${end[2]}`;
  });
  return k === kinds.length ? text : engineText;
}

function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
