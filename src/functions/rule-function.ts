/**
 * A custom function made from a rulebook entry: arguments are read by their declared kinds (numbers
 * as people type them, dates as the spreadsheet's days, blanks as declared), the entry's refusals
 * become #ERROR! messages, and the answer is the entry's own TypeScript function.
 */
import { isBlank, isDate, parseDate, parseNumber } from "../core/cell-values";
import { TODAY, type Arg, type Rule } from "../core/rulebook/kit";
import { argumentError, mapCells } from "./arguments";
import { SCRIPT_DAYS, type Days } from "./okr-functions";
import type { CustomFunctionSpec } from "./public-functions";
import { spreadsheetDays } from "./spreadsheet-days";

/** What one call works with: the spreadsheet's calendar, and today once asked for. */
interface Call {
  days: Days;
  today: Date | null;
}
type Reader = (value: unknown, row: number | null, call: Call) => unknown;
type Compute = (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) => unknown;
type Refuse = { arg: string; when: Compute; problem: string };

const TYPES = {
  number: "number|Array<Array<number>>",
  date: "Date|Array<Array<Date>>",
  text: "string|Array<Array<string>>",
  flag: "boolean|Array<Array<boolean>>",
  list: "Array<Array<number>>",
};

function flagOf(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && value - value === 0) return value !== 0;
  const text = typeof value === "string" ? value.trim().toUpperCase() : "";
  return text === "TRUE" ? true : text === "FALSE" ? false : null;
}

/** Reads one argument's cells; today is asked for (once a call) only when a blank date defaults to it. */
function reader(fn: string, arg: Arg): Reader {
  const fallback = arg.default === TODAY ? null : (arg.default ?? null);
  const blank = arg.default === TODAY ? (call: Call) => (call.today ??= call.days.today()) : (_call: Call) => fallback;
  switch (arg.kind) {
    case "number":
      return (value, row) => {
        // Fast path: Sheets hands over plain numbers for almost every cell.
        if (typeof value === "number" && value - value === 0) return value;
        if (isBlank(value)) return fallback;
        const parsed = parseNumber(value);
        if (!parsed.ok) throw argumentError(fn, arg.name, row, value, parsed.problem);
        return parsed.value;
      };
    case "date":
      return (value, row, call) => {
        if (isDate(value) && !Number.isNaN(value.getTime())) return call.days.dayOf(value);
        if (isBlank(value)) return blank(call);
        const parsed = parseDate(value);
        if (!parsed.ok) throw argumentError(fn, arg.name, row, value, parsed.problem);
        return parsed.value;
      };
    case "text":
      return (value) => (isBlank(value) ? fallback : typeof value === "string" ? value : String(value));
    case "flag":
      return (value, row) => {
        if (isBlank(value)) return fallback;
        const flag = flagOf(value);
        if (flag === null) throw argumentError(fn, arg.name, row, value, "is not TRUE or FALSE");
        return flag;
      };
    case "list":
      throw new Error(fn + ": a list argument needs a custom function of its own.");
  }
}

const NOTHING: Reader = () => undefined;

/** The function Sheets calls: array-aware over at most five arguments, one pass over the cells. */
function runner(fn: string, rule: Rule): (...cells: unknown[]) => unknown {
  const args = rule.args;
  if (args.length > 5) throw new Error(fn + ": custom functions take at most five arguments.");
  const compute = rule.compute as Compute;
  const link = rule.customFunction;
  const refusals = ("refuse" in link ? (link.refuse ?? []) : []) as readonly Refuse[];
  const refusalIndex = refusals.map((refusal) => args.findIndex((arg) => arg.name === refusal.arg));
  const blankGivesBlank = [0, 1, 2, 3, 4].map((i) => args[i]?.blankGivesBlank === true);
  const [ba, bb, bc, bd, be] = blankGivesBlank;
  const hasDates = args.some((arg) => arg.kind === "date");

  // Made once per rule, not per call (see mapCells): the call's calendar travels in `call`.
  const [ra, rb, rc, rd, re] = [0, 1, 2, 3, 4].map((i) => (args[i] ? reader(fn, args[i]) : NOTHING));
  const cell = (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, row: number | null, call: Call) => {
    if ((ba && isBlank(a)) || (bb && isBlank(b)) || (bc && isBlank(c)) || (bd && isBlank(d)) || (be && isBlank(e)))
      return "";
    const va = ra(a, row, call);
    const vb = rb(b, row, call);
    const vc = rc(c, row, call);
    const vd = rd(d, row, call);
    const ve = re(e, row, call);
    for (let i = 0; i < refusals.length; i++) {
      if (refusals[i].when(va, vb, vc, vd, ve)) {
        const raw = [a, b, c, d, e][refusalIndex[i]];
        throw argumentError(fn, refusals[i].arg, row, raw, refusals[i].problem);
      }
    }
    const result = compute(va, vb, vc, vd, ve);
    return result === null ? "" : result;
  };

  return (...cells) => {
    // Only date rules ask the spreadsheet for its time zone (one call); the others make none.
    const call: Call = { days: hasDates ? spreadsheetDays() : SCRIPT_DAYS, today: null };
    return mapCells(
      fn,
      args.map((arg, i) => ({ name: arg.name, value: cells[i] })),
      cell,
      call,
    );
  };
}

function paramDoc(arg: Arg): CustomFunctionSpec["params"][number] {
  if (arg.default === undefined) return { name: arg.name, type: TYPES[arg.kind], description: arg.doc };
  const shown =
    arg.default === TODAY
      ? "today"
      : typeof arg.default === "boolean"
        ? String(arg.default).toUpperCase()
        : String(arg.default);
  return {
    name: arg.name,
    type: TYPES[arg.kind],
    description: "Optional. " + arg.doc + "; " + shown + " if omitted.",
    optional: true,
  };
}

/** The custom-function table's entry for a rule: its documentation and its behaviour, both from the rulebook. */
export function ruleFunction(rule: Rule): CustomFunctionSpec {
  const link = rule.customFunction;
  if (!("name" in link)) throw new Error(rule.title + " has no custom function: " + link.none);
  return {
    summary: rule.doc,
    params: rule.args.map(paramDoc),
    returns: { type: TYPES[rule.returns.kind], description: rule.returns.doc },
    run: runner(link.name, rule),
  };
}
