/**
 * Formula text as people and scripts write it: in the spreadsheet locale's syntax (decimal comma
 * and ";" between arguments in comma-decimal locales), translated to and from the engine's
 * en_US syntax; and relative references shifted when one formula is set on a whole range.
 */
import type { SheetLocale } from "./locale";

/** A formula split into the parts outside string literals and quoted sheet names ("code") and inside them. */
function segments(text: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let i = 0;
  let start = 0;
  while (i < text.length) {
    const q = text[i];
    if (q === '"' || q === "'") {
      if (i > start) out.push({ code: true, text: text.slice(start, i) });
      let j = i + 1;
      // A doubled quote inside the literal is an escaped quote.
      while (j < text.length && !(text[j] === q && text[j + 1] !== q)) j += text[j] === q ? 2 : 1;
      out.push({ code: false, text: text.slice(i, j + 1) });
      i = j + 1;
      start = i;
    } else i++;
  }
  if (start < text.length) out.push({ code: true, text: text.slice(start) });
  return out;
}

function mapCode(text: string, fn: (code: string, depth: { braces: number }) => string): string {
  const depth = { braces: 0 };
  return segments(text)
    .map((s) => (s.code ? fn(s.text, depth) : s.text))
    .join("");
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** A comma that is not a decimal comma cannot be parsed in a comma-decimal locale ("Formula parse error"). */
const UNPARSABLE = "\ue000";

/** The engine's (en_US) text of a formula written in the locale's syntax. */
export function formulaFromLocale(text: string, locale: SheetLocale): string {
  if (locale.decimal === ".") {
    // Comma locales accept ";" between arguments and correct it to "," (stackoverflow.com/q/73767719).
    return mapCode(text, (code, depth) =>
      [...code]
        .map((c) => {
          if (c === "{") depth.braces++;
          if (c === "}") depth.braces--;
          return c === ";" && depth.braces === 0 ? "," : c;
        })
        .join(""),
    );
  }
  return mapCode(text, (code, depth) =>
    [...code]
      .map((c, i) => {
        if (c === "{") depth.braces++;
        if (c === "}") depth.braces--;
        if (c === ",") return isDigit(code[i - 1]) && isDigit(code[i + 1]) ? "." : UNPARSABLE;
        if (c === ";") return depth.braces > 0 ? ";" : ",";
        if (c === "\\" && depth.braces > 0) return ",";
        return c;
      })
      .join(""),
  );
}

/** The formula as the locale shows it (getFormula). */
export function formulaToLocale(text: string, locale: SheetLocale): string {
  if (locale.decimal === ".") return text.replace(new RegExp(UNPARSABLE, "g"), ",");
  return mapCode(text, (code, depth) =>
    [...code]
      .map((c, i) => {
        if (c === "{") depth.braces++;
        if (c === "}") depth.braces--;
        if (c === UNPARSABLE) return ",";
        if (c === ",") return depth.braces > 0 ? "\\" : ";";
        if (c === "." && isDigit(code[i + 1]) && (isDigit(code[i - 1]) || !isWord(code[i - 1]))) return ",";
        return c;
      })
      .join(""),
  );
}

const CELL = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;
const COLUMNS = /(^|[^A-Za-z0-9_.!$]|:)(\$?)([A-Za-z]{1,3})(?=:)|(:)(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!])/g;
const ROWS = /(^|[^A-Za-z0-9_.$])(\$?)(\d+):(\$?)(\d+)(?![A-Za-z0-9_(.])/g;

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function column(text: string): number {
  return [...text.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * The formula as it reads `rows` down and `cols` right of where it was written: relative
 * references move, $-anchored parts stay (Sheets' fill; the Sheets API's RepeatCellRequest).
 */
export function shiftFormula(text: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return text;
  const col = (abs: string, l: string) => (abs ? l : letters(column(l) + cols));
  const row = (abs: string, r: string) => (abs ? r : String(Number(r) + rows));
  return mapCode(text, (code) =>
    code
      .replace(ROWS, (_m, pre, a1, r1, a2, r2) => `${pre}${a1}${row(a1, r1)}:${a2}${row(a2, r2)}`)
      .replace(CELL, (_m, pre, ac, l, ar, r) => `${pre}${ac}${col(ac, l)}${ar}${row(ar, r)}`)
      .replace(COLUMNS, (m, pre, ac, l, colon, ac2, l2) =>
        colon ? `${colon}${ac2}${col(ac2, l2)}` : `${pre}${ac}${col(ac, l)}`,
      ),
  );
}
