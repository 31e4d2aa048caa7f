/**
 * FILTER with Google Sheets' semantics (support.google.com/docs/answer/3093197): `range` may be
 * several columns wide and each condition is one column as tall as it (or one row as wide as it), so
 * FILTER(A2:C, B2:B="x") returns whole rows. HyperFormula's FILTER wants every condition the size of
 * the range and refuses ranges wider and taller than one (#N/A), so FILTER over a sheet's columns
 * failed. No row kept: #N/A "No matches are found in FILTER evaluation." as in Sheets.
 */
import { CellError, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";

/** A condition cell as Sheets reads it: TRUE, or a non-zero number. */
function kept(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "object" && value !== null && "val" in value)
    return Number((value as { val: unknown }).val) !== 0;
  return false;
}

let registered = false;
export function registerFilterPlugin(): void {
  if (registered) return;
  registered = true;
  const Base = HyperFormula.getFunctionPlugin("FILTER") as unknown as typeof FunctionPlugin;
  const meta = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;

  class SheetsFilterPlugin extends Base {
    // Every function of the plugin it extends keeps its metadata (HyperFormula looks it up here).
    static override implementedFunctions: ImplementedFunctions = { ...meta };

    filter(ast: { args: unknown[] }, state: unknown): unknown {
      const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction.bind(this);
      return run(
        ast.args,
        state,
        this.metadata("FILTER"),
        (range: SimpleRangeValue, ...conditions: SimpleRangeValue[]) => {
          const height = range.height();
          const width = range.width();
          const byRow = conditions.every((c) => c.height() === height && c.width() === 1);
          const byColumn = conditions.every((c) => c.width() === width && c.height() === 1);
          if (!byRow && !byColumn) return new CellError(ErrorType.VALUE, "FILTER has mismatched range sizes.");
          const data = range.data;
          const rows: unknown[][] = [];
          if (byRow) {
            for (let i = 0; i < height; i++) {
              if (conditions.every((c) => kept(c.data[i][0]))) rows.push(data[i]);
            }
          } else {
            const keep = Array.from({ length: width }, (_, j) => conditions.every((c) => kept(c.data[0][j])));
            for (const line of data) {
              const row = line.filter((_, j) => keep[j]);
              if (row.length) rows.push(row);
            }
          }
          if (!rows.length || !rows[0].length)
            return new CellError(ErrorType.NA, "No matches are found in FILTER evaluation.");
          return SimpleRangeValue.onlyValues(rows as never);
        },
      );
    }
  }
  HyperFormula.registerFunction("FILTER", SheetsFilterPlugin);
}
