/**
 * Google Sheets functions HyperFormula lacks (or defines differently), implemented with Sheets'
 * semantics. They are dispatched like custom functions: arguments arrive as Apps Script would
 * pass them (ranges as 2-D arrays), results may spill.
 */

import { ErrorType } from "hyperformula";
import { sparkline } from "./sparkline";

type Arg = unknown;

/** A Sheets error value other than #ERROR! (e.g. REGEXEXTRACT without a match is #N/A). */
export class SheetsFunctionError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
  }
}

function grid(a: Arg): Arg[][] | null {
  return Array.isArray(a) ? (a as Arg[][]) : null;
}

/** Applies fn to each element when the first argument is a range (inside ARRAYFORMULA). */
function elementwise(a: Arg, fn: (v: Arg) => Arg): Arg {
  const g = grid(a);
  return g ? g.map((line) => line.map(fn)) : fn(a);
}

function text(v: Arg): string {
  if (v === true) return "TRUE";
  if (v === false) return "FALSE";
  return v === null || v === undefined ? "" : String(v);
}

function regex(pattern: Arg, flags = ""): RegExp {
  try {
    return new RegExp(text(pattern), flags);
  } catch {
    throw new Error(`Function REGEX parameter 2 value "${text(pattern)}" is not a valid regular expression.`);
  }
}

export const SHEETS_FUNCTIONS: Record<string, (...args: Arg[]) => Arg> = {
  REGEXMATCH: (t, p) => elementwise(t, (v) => regex(p).test(text(v))),
  REGEXEXTRACT: (t, p) =>
    elementwise(t, (v) => {
      const m = regex(p).exec(text(v));
      if (!m)
        throw new SheetsFunctionError(
          ErrorType.NA,
          `Function REGEXEXTRACT parameter 2 value "${text(p)}" does not match text of Function REGEXEXTRACT parameter 1 value "${text(v)}".`,
        );
      return m.length > 1 ? m[1] : m[0];
    }),
  REGEXREPLACE: (t, p, r) => elementwise(t, (v) => text(v).replace(regex(p, "g"), text(r).replace(/\$(\d)/g, "$$$1"))),
  SPLIT: (t, d, byEach = true, removeEmpty = true) => {
    const delims = byEach === false ? [text(d)] : [...text(d)];
    const re = new RegExp(delims.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    const parts = text(t)
      .split(re)
      .filter((x) => !(removeEmpty !== false && x === ""));
    return [parts.map((x) => (x !== "" && !Number.isNaN(Number(x)) ? Number(x) : x))];
  },
  JOIN: (d, ...values) =>
    values
      .flatMap((v) => (grid(v) ? (grid(v) as Arg[][]).flat() : [v]))
      .map(text)
      .join(text(d)),
  ISEMAIL: (v) => elementwise(v, (x) => /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(text(x))),
  ISBETWEEN: (v, lo, hi, loIncl = true, hiIncl = true) =>
    elementwise(v, (x) => {
      const n = Number(x);
      return (loIncl ? n >= Number(lo) : n > Number(lo)) && (hiIncl ? n <= Number(hi) : n < Number(hi));
    }),
  TO_PERCENT: (v) => v,
  // A wrapper: sparkline.ts imports this module's error class.
  SPARKLINE: (data, options) => sparkline(data, options),
};
