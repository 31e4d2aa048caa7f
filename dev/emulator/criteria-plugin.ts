/**
 * SUMIF/COUNTIF with the same results as HyperFormula's, but fast for the tracker's idiom
 * ARRAYFORMULA(SUMIF(range, A2:A, sum_range)): HyperFormula scans the whole range once per
 * criterion (rows × criteria); plain-text criteria here share one index per range and evaluation.
 * Every other criterion (numbers, operators, wildcards, empty) goes to HyperFormula's own code.
 */
import { CellError, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";

type Compute = (
  values: SimpleRangeValue,
  conditions: unknown[],
  name: string,
  zero: unknown,
  compose: (a: unknown, b: unknown) => unknown,
  map: (v: unknown) => unknown,
) => unknown;

interface RangeAddress {
  sheet: number;
  start: { row: number; col: number };
  end: { row: number; col: number };
}

/** Bumped after every engine operation: an index is valid for one evaluation pass only. */
let generation = 0;
export function invalidateCriteriaIndexes(): void {
  generation++;
}
export function criteriaGeneration(): number {
  return generation;
}

const indexes = new WeakMap<
  object,
  { generation: number; byRange: Map<string, Map<string, { sum: number | CellError; count: number }>> }
>();

function rangeKey(r: SimpleRangeValue | undefined): string | undefined {
  const range = (r as unknown as { range?: RangeAddress } | undefined)?.range;
  if (!range) return undefined;
  return `${range.sheet}:${range.start.row}:${range.start.col}:${range.end.row}:${range.end.col}`;
}

/** Plain text that HyperFormula would compare for equality, case-insensitively, whole cell. */
function plainTextCriterion(c: unknown): string | undefined {
  if (typeof c !== "string" || c === "") return undefined;
  if (/^[<>=]/.test(c) || /[*?~]/.test(c)) return undefined;
  if (c.trim() !== "" && !Number.isNaN(Number(c))) return undefined;
  const lower = c.toLowerCase();
  if (lower === "true" || lower === "false") return undefined;
  // Looks like a date, time, percent or currency the engine might coerce to a number: leave it.
  if (/^[\d\s$%.,:/-]+$/.test(c) || /^\d/.test(c)) return undefined;
  return lower;
}

function rawNumber(v: unknown): number | CellError | undefined {
  if (v instanceof CellError) return v;
  if (typeof v === "number") return v;
  if (typeof v === "object" && v !== null && "val" in v && typeof (v as { val: unknown }).val === "number")
    return (v as { val: number }).val;
  return undefined;
}

function buildIndex(
  condition: SimpleRangeValue,
  values: SimpleRangeValue,
): Map<string, { sum: number | CellError; count: number }> {
  const index = new Map<string, { sum: number | CellError; count: number }>();
  const keys = condition.data;
  const nums = values.data;
  for (let r = 0; r < keys.length; r++) {
    const line = keys[r];
    for (let c = 0; c < line.length; c++) {
      const k = line[c];
      if (typeof k !== "string") continue;
      const key = k.toLowerCase();
      let e = index.get(key);
      if (!e) {
        e = { sum: 0, count: 0 };
        index.set(key, e);
      }
      e.count++;
      const n = rawNumber(nums[r]?.[c]);
      if (e.sum instanceof CellError) continue;
      if (n instanceof CellError) e.sum = n;
      else if (n !== undefined) e.sum += n;
    }
  }
  return index;
}

export function registerCriteriaPlugin(): void {
  const Base = HyperFormula.getFunctionPlugin("SUMIF") as unknown as typeof FunctionPlugin;
  if (!Base || (Base as unknown as { sheetsFast?: boolean }).sheetsFast) return;
  const meta = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;

  class SheetsCriteriaPlugin extends Base {
    static sheetsFast = true;
    // Every function of the plugin it extends: HyperFormula then reaches SUMIFS, COUNTIFS … through this
    // class too, and each needs its metadata here (without it COUNTIFS threw "No metadata for function").
    static override implementedFunctions: ImplementedFunctions = { ...meta };

    private lookup(condition: SimpleRangeValue, values: SimpleRangeValue, criterion: unknown) {
      const text = plainTextCriterion(criterion);
      const ck = rangeKey(condition);
      const vk = rangeKey(values);
      if (text === undefined || !ck || !vk) return undefined;
      if (condition.width() !== values.width() || condition.height() !== values.height()) return undefined;
      const owner = this.config as unknown as object;
      let cache = indexes.get(owner);
      if (!cache || cache.generation !== generation) {
        cache = { generation, byRange: new Map() };
        indexes.set(owner, cache);
      }
      const key = `${ck}|${vk}`;
      let index = cache.byRange.get(key);
      if (!index) {
        index = buildIndex(condition, values);
        cache.byRange.set(key, index);
      }
      return index.get(text) ?? { sum: 0, count: 0 };
    }

    private get compute(): Compute {
      return (
        this as unknown as { computeConditionalAggregationFunction: Compute }
      ).computeConditionalAggregationFunction.bind(this);
    }

    sumif(ast: { args: unknown[] }, state: unknown): unknown {
      const add = (a: unknown, b: unknown) =>
        (
          this as unknown as { arithmeticHelper: { nonstrictadd(a: unknown, b: unknown): unknown } }
        ).arithmeticHelper.nonstrictadd(a, b);
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(
        ast.args,
        state,
        this.metadata("SUMIF"),
        (condition: SimpleRangeValue, criterion: unknown, values?: SimpleRangeValue) => {
          const hit = this.lookup(condition, values ?? condition, criterion);
          if (hit) return hit.sum;
          return this.compute(values ?? condition, [condition, criterion], "SUMIF", 0, add, (v) => rawNumber(v));
        },
      );
    }

    countif(ast: { args: unknown[] }, state: unknown): unknown {
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(
        ast.args,
        state,
        this.metadata("COUNTIF"),
        (condition: SimpleRangeValue, criterion: unknown) => {
          const hit = this.lookup(condition, condition, criterion);
          if (hit) return hit.count;
          return this.compute(
            condition,
            [condition, criterion],
            "COUNTIF",
            0,
            (a, b) => (a as number) + (b as number),
            () => 1,
          );
        },
      );
    }
  }

  HyperFormula.registerFunction("SUMIF", SheetsCriteriaPlugin);
  HyperFormula.registerFunction("COUNTIF", SheetsCriteriaPlugin);
}
