/**
 * VLOOKUP/MATCH exact matches with the same results as HyperFormula's, in linear time: HyperFormula
 * scans the range once per key, so ARRAYFORMULA(VLOOKUP(A2:A, Objectives!A:H, 3, FALSE)) over
 * 10,000 rows was rows × range. Here a range is indexed once per evaluation pass
 * (criteria-plugin.ts's generation) and keys are looked up in it.
 * Wildcard keys, sorted lookups and anything else go to HyperFormula's own code.
 */
import { FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { criteriaGeneration } from "./criteria-plugin";

interface Range {
  sheet: number;
  start: { row: number; col: number };
  end: { row: number; col: number };
  width(): number;
}

interface SearchOptions {
  ordering: string;
  ifNoMatch: string;
  returnOccurrence?: string;
}

type Search = (
  key: unknown,
  range: SimpleRangeValue,
  wildcards: boolean,
  options: SearchOptions,
  strategy: unknown,
) => number;

type Method = (ast: unknown, state: unknown) => unknown;

/** HyperFormula's forceNormalizeString: exact lookups ignore case and accents. */
function normalized(v: unknown): unknown {
  const raw = typeof v === "object" && v !== null && "val" in v ? (v as { val: unknown }).val : v;
  return typeof raw === "string"
    ? raw
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
    : raw;
}

const indexes = new WeakMap<object, { generation: number; byRange: Map<string, Map<unknown, number>> }>();

export function registerLookupPlugin(): void {
  const Base = HyperFormula.getFunctionPlugin("VLOOKUP") as unknown as typeof FunctionPlugin;
  if (!Base || (Base as unknown as { sheetsFast?: boolean }).sheetsFast) return;
  const meta = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;
  const hyperFormulaSearch = (Base.prototype as unknown as { searchInRange: Search }).searchInRange;

  class IndexedLookupPlugin extends Base {
    static sheetsFast = true;
    // Every function of the plugin it extends keeps its metadata here (see criteria-plugin.ts).
    static override implementedFunctions: ImplementedFunctions = { ...meta };

    // HyperFormula registers a function only for a method of the class itself.
    vlookup(ast: unknown, state: unknown): unknown {
      return (Base.prototype as unknown as Record<string, Method>).vlookup.call(this, ast, state);
    }

    match(ast: unknown, state: unknown): unknown {
      return (Base.prototype as unknown as Record<string, Method>).match.call(this, ast, state);
    }

    searchInRange(
      key: unknown,
      values: SimpleRangeValue,
      wildcards: boolean,
      options: SearchOptions,
      strategy: unknown,
    ): number {
      const self = this as unknown as {
        columnSearch: unknown;
        arithmeticHelper: { requiresRegex(key: string): boolean };
        dependencyGraph: { computeListOfValuesInRange(range: Range): unknown[] };
        config: object;
      };
      const range = (values as unknown as { range?: Range }).range;
      const plainKey =
        typeof key === "number" ||
        typeof key === "boolean" ||
        (typeof key === "string" && !(wildcards && self.arithmeticHelper.requiresRegex(key)));
      const exactFirst =
        options.ordering === "none" &&
        options.ifNoMatch === "returnNotFound" &&
        (options.returnOccurrence ?? "first") === "first";
      if (!plainKey || !exactFirst || strategy !== self.columnSearch || !range || range.width() !== 1) {
        return hyperFormulaSearch.call(this, key, values, wildcards, options, strategy);
      }
      const generation = criteriaGeneration();
      let cache = indexes.get(self.config);
      if (!cache || cache.generation !== generation) {
        cache = { generation, byRange: new Map() };
        indexes.set(self.config, cache);
      }
      const rangeKey = `${range.sheet}:${range.start.row}:${range.start.col}:${range.end.row}:${range.end.col}`;
      let index = cache.byRange.get(rangeKey);
      if (!index) {
        index = new Map();
        const list = self.dependencyGraph.computeListOfValuesInRange(range);
        for (let i = list.length - 1; i >= 0; i--) index.set(normalized(list[i]), i);
        cache.byRange.set(rangeKey, index);
      }
      return index.get(normalized(key)) ?? -1;
    }
  }

  HyperFormula.registerFunction("VLOOKUP", IndexedLookupPlugin);
  HyperFormula.registerFunction("MATCH", IndexedLookupPlugin);
}
