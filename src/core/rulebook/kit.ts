/**
 * How a rule of the rulebook is declared (the table itself is rules.ts). A rule states its arguments
 * once — name, kind, what a blank means, documentation — and holds side by side the TypeScript
 * function and the Sheets formula builder for the same maths. The sheet's columns, the sidebar and
 * the OKR_* custom functions are all built from these declarations.
 */

/**
 * number, date, text, flag (TRUE/FALSE) are one value per row. A `list` is the values of a group's
 * rows (an objective's key results): the TypeScript function gets the values, the formula builder
 * their sum, because a sheet can only total a group per row (SUMIF over a helper column).
 */
export type Kind = "number" | "date" | "text" | "flag" | "list";

export interface KindValues {
  number: number;
  date: Date;
  text: string;
  flag: boolean;
  list: readonly (number | null)[];
}

/** A date argument's default: today in the spreadsheet's time zone (TODAY() in a formula). */
export const TODAY = "today";

export interface Arg<K extends Kind = Kind> {
  readonly name: string;
  readonly kind: K;
  readonly doc: string;
  /** What a blank or left-out argument means; without either, the function gets null. */
  readonly default?: K extends "date" ? typeof TODAY : KindValues[K];
  /** A blank here makes the result blank, whatever the other arguments hold. */
  readonly blankGivesBlank?: true;
}

type Value<A> = A extends { kind: infer K extends Kind }
  ? A extends { default: unknown } | { blankGivesBlank: true } | { kind: "list" }
    ? KindValues[K]
    : KindValues[K] | null
  : never;

/** What the TypeScript function receives: defaults filled in, null for other blanks (a list is never blank). */
export type Values<A extends readonly Arg[]> = { -readonly [I in keyof A]: Value<A[I]> };
/** What the formula builder receives: one Sheets expression per argument (a list's sum). */
export type Exprs<A extends readonly Arg[]> = { -readonly [I in keyof A]: string };
/** Values by argument name, as read from cells: null or left out where blank. */
export type Inputs<A extends readonly Arg[]> = {
  [P in A[number] as P["name"]]?: KindValues[P["kind"]] | null;
};
/** Sheets expressions by argument name; a left-out argument takes its default. */
export type Bindings<A extends readonly Arg[]> = { [P in A[number] as P["name"]]?: string };

/** When a custom function refuses what the sheet would show as a blank: a short, fixable message. */
export interface Refusal<A extends readonly Arg[]> {
  readonly arg: A[number]["name"];
  readonly when: (...args: Values<A>) => boolean;
  readonly problem: string;
}

export type CustomFunctionLink<A extends readonly Arg[]> =
  | { readonly name: string; readonly refuse?: readonly Refusal<A>[] }
  /** Why the rule has no public custom function of its own (the agreement test then checks two forms). */
  | { readonly none: string };

export type Result = "number" | "text" | "flag";

export interface Rule<A extends readonly Arg[] = readonly Arg[], R = unknown> {
  readonly title: string;
  readonly doc: string;
  readonly args: A;
  readonly returns: { readonly kind: Result; readonly doc: string };
  // Methods, so that any rule fits the table's loose `Rule` type.
  compute(...args: Values<A>): R;
  formula(...args: Exprs<A>): string;
  readonly customFunction: CustomFunctionLink<A>;
}

/** Declares a rule; the `const` parameter keeps each argument's kind and default for the types above. */
export function rule<const A extends readonly Arg[], R>(definition: Rule<A, R>): Rule<A, R> {
  return definition;
}

// Rules are kept in one heterogeneous table; these loose views let generic code walk it.
type AnyCompute = (...args: unknown[]) => unknown;
type AnyFormula = (...args: string[]) => string;

/** Runs a rule on values as read (null or left out where blank), filling the declared defaults. */
export function apply<A extends readonly Arg[], R>(rule: Rule<A, R>, values: Inputs<A>, today?: () => Date): R | null {
  const filled: unknown[] = [];
  for (const arg of rule.args) {
    const value = (values as Record<string, unknown>)[arg.name];
    if (value !== null && value !== undefined) filled.push(value);
    else if (arg.blankGivesBlank) return null;
    else if (arg.default === undefined) filled.push(null);
    else if (arg.default === TODAY) {
      if (!today) throw new Error(rule.title + ": " + arg.name + " is blank and no today was given.");
      filled.push(today());
    } else filled.push(arg.default);
  }
  return (rule.compute as AnyCompute)(...filled) as R | null;
}

/** A constant as Sheets writes it. */
export function sheetLiteral(value: unknown): string {
  if (value === TODAY) return "TODAY()";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return '"' + value.replace(/"/g, '""') + '"';
  return String(value);
}

/**
 * The rule's Sheets expression, given an expression per argument (left out: its default). Defaults and
 * blank results are applied here, the way apply() does: `IF(x="",default,x)` and `IF(x="",,…)`.
 * A number defaulting to 0 is left as it is: Sheets already counts a blank as 0 in arithmetic and
 * comparisons with numbers (the agreement test holds this).
 */
export function formulaOf<A extends readonly Arg[]>(rule: Rule<A>, bindings: Bindings<A>): string {
  const filled: string[] = [];
  const blanks: string[] = [];
  rule.args.forEach((arg) => {
    const expr = (bindings as Record<string, string | undefined>)[arg.name];
    if (expr === undefined) {
      if (arg.default === undefined) throw new Error(rule.title + " needs its " + arg.name + " argument.");
      filled.push(sheetLiteral(arg.default));
    } else if (arg.blankGivesBlank) {
      blanks.push("(" + expr + '="")');
      filled.push(expr);
    } else if (arg.default === undefined || (arg.kind === "number" && arg.default === 0)) {
      filled.push(expr);
    } else {
      filled.push("IF(" + expr + '="",' + sheetLiteral(arg.default) + "," + expr + ")");
    }
  });
  const body = (rule.formula as AnyFormula)(...filled);
  return blanks.length ? "IF(" + blanks.join("+") + ",," + body + ")" : body;
}

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** clamp01 in a formula (MIN and MAX would total a whole column inside ARRAYFORMULA). */
export function sheetClamp01(x: string): string {
  return "IF(" + x + "<0,0,IF(" + x + ">1,1," + x + "))";
}

/** The sum of a list's values, blanks counting as nothing (as SUMIF does). */
export function total(values: readonly (number | null)[]): number {
  let sum = 0;
  for (const value of values) if (value !== null) sum += value;
  return sum;
}
