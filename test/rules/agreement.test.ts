/**
 * Every rule of the rulebook, on generated cases, three ways: its TypeScript function; its formula
 * builder evaluated by the emulator's formula engine as an ARRAYFORMULA over cells holding the inputs
 * (as the tracker's own columns are); and its custom function through the built dist/Code.js, one
 * cell per case and once over the whole range. A rule without a custom function says so in the table
 * and is checked the first two ways. A rule without cases fails here.
 */
import { Harness } from "../../dev/harness/harness";
import { apply, formulaOf, TODAY, type Arg, type Rule } from "../../src/core/rulebook/kit";
import { RULES, type RuleName } from "../../src/core/rulebook/rules";
import { columnLetter } from "../../src/core/formulas";
import { CASES, TOLERANCE, type Case, type CaseValue } from "./cases";

const ZONES = ["Etc/UTC", "America/Los_Angeles", "Asia/Tokyo"];
const NAMES = Object.keys(RULES) as RuleName[];
const rules = RULES as Record<RuleName, Rule>;

const dayOf = (text: string) => {
  const [y, m, d] = text.split("-").map(Number);
  return new Date(y, m - 1, d);
};

function todayIn(timeZone: string): Date {
  const text = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return dayOf(text.format(new Date()));
}

/** The value a rule's TypeScript function gets for a case's argument. */
function input(arg: Arg, value: CaseValue): unknown {
  if (value === null || value === undefined) return value;
  return arg.kind === "date" ? dayOf(value as string) : value;
}

/** Left out, or blank, a date defaulting to today: TODAY() in the emulator follows the machine's zone (UTC). */
function needsToday(rule: Rule, c: Case): boolean {
  return rule.args.some((arg) => arg.default === TODAY && (c[arg.name] === undefined || c[arg.name] === null));
}

/** The refusal a custom function must raise for a case, as the table declares it. */
function refusal(rule: Rule, c: Case, today: Date) {
  const link = rule.customFunction;
  if (!("name" in link) || !link.refuse) return undefined;
  const values: unknown[] = [];
  for (const arg of rule.args) {
    const value = input(arg, c[arg.name]);
    if (value !== null && value !== undefined) values.push(value);
    else if (arg.blankGivesBlank) return undefined;
    else values.push(arg.default === TODAY ? today : (arg.default ?? null));
  }
  return link.refuse.find((r) => (r.when as (...a: unknown[]) => boolean)(...values));
}

/**
 * Cases with the same arguments left out share one ARRAYFORMULA and one custom call over the range;
 * the cases a custom function refuses get a group of their own, without that call (it would refuse all).
 */
function groups(rule: Rule, cases: readonly Case[]): Case[][] {
  const byPattern = new Map<string, Case[]>();
  for (const c of cases) {
    const refused = refusal(rule, c, new Date()) ? "!" : "";
    const pattern = refused + rule.args.map((arg) => (c[arg.name] === undefined ? "-" : "+")).join("");
    byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), c]);
  }
  return [...byPattern.values()];
}

interface Laid {
  cases: Case[];
  /** Each case's sheet row, and whether its group has the ranged custom call (none refuse). */
  rowOf: number[];
  ranged: boolean[];
  formulaCol: number;
  customCol: number;
  rangedCol: number;
}

/** Writes a rule's cases on a sheet of their own (list arguments on an Items sheet) with the three forms. */
function layOut(harness: Harness, name: RuleName, cases: readonly Case[], customName: string | null): Laid {
  const rule = rules[name];
  const book = harness.spreadsheet;
  const sheet = book.insertSheet(name);
  const items = book.insertSheet(name + " items");
  const scalars = rule.args.filter((arg) => arg.kind !== "list");
  const lists = rule.args.filter((arg) => arg.kind === "list");
  const formulaCol = scalars.length + 1;
  const laid: Laid = {
    cases: [],
    rowOf: [],
    ranged: [],
    formulaCol,
    customCol: formulaCol + 1,
    rangedCol: formulaCol + 2,
  };
  const cells: unknown[][] = [];
  const itemRows: unknown[][] = [];
  const groupFormulas: [number, string, string | null][] = [];
  let row = 2;
  for (const group of groups(rule, cases)) {
    const first = row;
    const last = row + group.length - 1;
    const refused = group.some((c) => refusal(rule, c, new Date()) !== undefined);
    for (const c of group) {
      laid.cases.push(c);
      laid.rowOf.push(row);
      laid.ranged.push(!refused);
      cells.push(scalars.map((arg) => (c[arg.name] === undefined || c[arg.name] === null ? "" : c[arg.name])));
      const length = Math.max(0, ...lists.map((arg) => (c[arg.name] as (number | null)[]).length));
      for (let i = 0; i < length; i++)
        itemRows.push([row, ...lists.map((arg) => (c[arg.name] as (number | null)[])[i] ?? "")]);
      row++;
    }
    const ref = (col: number) => columnLetter(col) + first + ":" + columnLetter(col) + last;
    const bindings: Record<string, string> = {};
    const given = rule.args.filter((arg) => group[0][arg.name] !== undefined);
    for (const arg of given) {
      if (arg.kind === "list") {
        const col = columnLetter(lists.indexOf(arg) + 2);
        bindings[arg.name] =
          "SUMIF('" + items.getName() + "'!A:A,ROW(" + ref(1) + "),'" + items.getName() + "'!" + col + ":" + col + ")";
      } else bindings[arg.name] = ref(scalars.indexOf(arg) + 1);
    }
    const ranged = customName && !refused ? "=" + customName + "(" + callArgs(rule, given, ref) + ")" : null;
    groupFormulas.push([first, "=ARRAYFORMULA(" + formulaOf(rule, bindings) + ")", ranged]);
  }
  sheet
    .getRange(1, 1, 1, scalars.length + 3)
    .setValues([[...scalars.map((a) => a.name), "formula", "custom", "ranged"]]);
  if (cells.length && scalars.length) sheet.getRange(2, 1, cells.length, scalars.length).setValues(cells);
  if (itemRows.length) items.getRange(1, 1, itemRows.length, lists.length + 1).setValues(itemRows);
  for (const [first, formula, ranged] of groupFormulas) {
    sheet.getRange(first, formulaCol).setFormula(formula);
    if (ranged) sheet.getRange(first, laid.rangedCol).setFormula(ranged);
  }
  if (customName) {
    const given = (c: Case) => rule.args.filter((arg) => c[arg.name] !== undefined);
    const perCase = laid.cases.map((c, i) => [
      "=" + customName + "(" + callArgs(rule, given(c), (col) => columnLetter(col) + laid.rowOf[i]) + ")",
    ]);
    sheet.getRange(2, laid.customCol, perCase.length, 1).setFormulas(perCase);
  }
  return laid;
}

/** A custom function's arguments: cell references, an empty argument for one left out. */
function callArgs(rule: Rule, given: readonly Arg[], ref: (col: number) => string): string {
  const scalars = rule.args.filter((arg) => arg.kind !== "list");
  const parts = rule.args.map((arg) => (given.includes(arg) ? ref(scalars.indexOf(arg) + 1) : ""));
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts.join(",");
}

/** Equal to rounding; relative to the size of the value where the rule has a tolerance of its own. */
function same(a: unknown, b: unknown, tolerance?: number): boolean {
  if (typeof a !== "number" || typeof b !== "number") return a === b;
  return tolerance ? Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)) : Math.abs(a - b) < 1e-12;
}

describe("the rulebook's cases", () => {
  it("cover every rule, every argument given and blank (or an empty list), every optional one left out", () => {
    const gaps: string[] = [];
    for (const name of NAMES) {
      const cases = (CASES as Partial<Record<RuleName, Case[]>>)[name] ?? [];
      if (!cases.length) gaps.push(name + ": no cases");
      for (const arg of rules[name].args) {
        const values = cases.map((c) => c[arg.name]);
        const blank = (v: CaseValue) => v === null || (Array.isArray(v) && v.length === 0);
        if (!values.some((v) => v !== undefined && !blank(v))) gaps.push(name + "." + arg.name + ": never given");
        if (!values.some(blank)) gaps.push(name + "." + arg.name + ": never blank");
        if (arg.default !== undefined && !values.includes(undefined))
          gaps.push(name + "." + arg.name + ": never left out");
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe.each(ZONES)("in a spreadsheet in %s, each rule's three forms agree", (timeZone) => {
  const harness = new Harness({ timeZone });
  const today = todayIn(timeZone);
  const laid = new Map<RuleName, Laid>();

  beforeAll(() => {
    for (const name of NAMES) {
      const rule = rules[name];
      const cases = CASES[name].filter((c) => timeZone === "Etc/UTC" || !needsToday(rule, c));
      const link = rule.customFunction;
      laid.set(name, layOut(harness, name, cases, "name" in link ? link.name : null));
    }
  });

  it.each(NAMES)("%s", (name) => {
    const rule = rules[name];
    const { cases, rowOf, ranged, formulaCol, customCol, rangedCol } = laid.get(name)!;
    const sheet = harness.spreadsheet.getSheetByName(name)!;
    const hasCustom = "name" in rule.customFunction;
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const row = rowOf[i];
      const values = Object.fromEntries(rule.args.map((arg) => [arg.name, input(arg, c[arg.name])]));
      const ts = apply(rule, values as never, () => today);
      const expected = ts === null ? "" : ts;
      const where = name + " " + JSON.stringify(c) + ": TypeScript " + JSON.stringify(expected);
      const formula = sheet.getRange(row, formulaCol).getValue();
      if (!same(formula, expected, TOLERANCE[name])) disagreements.push(where + ", formula " + JSON.stringify(formula));
      if (!hasCustom) return;
      const custom = sheet.getRange(row, customCol).getValue();
      const refused = refusal(rule, c, today);
      if (refused) {
        const message = harness.errorMessage(sheet.getName() + "!" + columnLetter(customCol) + row) ?? "";
        if (!message.includes(refused.problem))
          disagreements.push(where + ", custom function did not refuse: " + custom);
        return;
      }
      if (!same(custom, expected)) disagreements.push(where + ", custom function " + JSON.stringify(custom));
      const overRange = sheet.getRange(row, rangedCol).getValue();
      if (ranged[i] && !same(overRange, expected))
        disagreements.push(where + ", custom function over the range " + JSON.stringify(overRange));
    });
    expect(disagreements).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });
});
