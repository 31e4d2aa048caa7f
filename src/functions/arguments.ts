/**
 * Array-aware arguments for custom functions. Sheets passes a single cell as its value and a
 * range as a 2-D array; every range argument must have the same shape, single values apply to
 * every cell, and the whole range is computed in one pass (one call, not one per row).
 */
import { describeValue } from "../core/cell-values";

export type Grid = unknown[][];
export type Result = unknown;

export interface ArgumentSpec {
  name: string;
  value: unknown;
}

/** Raised with a message Sheets shows under #ERROR!: function, argument, row and value. */
export function argumentError(fn: string, arg: string, row: number | null, value: unknown, problem: string): Error {
  const where = row === null ? "" : " in row " + row + " of the range";
  return new Error(fn + ": " + arg + where + " is " + describeValue(value) + ", which " + problem + ".");
}

function isGrid(value: unknown): value is Grid {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
}

function sizeText(grid: Grid): string {
  const cols = grid[0].length;
  return grid.length + (grid.length === 1 ? " row" : " rows") + " × " + cols + (cols === 1 ? " column" : " columns");
}

/**
 * One cell's arguments, positionally (a … e), its 1-based row in the range (null for single values),
 * and the call's own state (whatever the function needs per call: its totals, its calendar).
 */
export type CellCompute<S> = (
  a: unknown,
  b: unknown,
  c: unknown,
  d: unknown,
  e: unknown,
  row: number | null,
  state: S,
) => Result;

/**
 * Calls `compute` for every cell of the result, with each argument's value at that cell.
 * Returns a single value when every argument is a single cell, else a grid of the common shape.
 * Positional arguments (at most five) keep the loop free of per-cell allocations: this runs
 * over whole columns of 10,000+ rows in one call. `compute` should be made once, not per call,
 * with per-call data in `state`: V8 compiles this loop for the very function it calls, and a fresh
 * closure on every call throws that code away ("wrong call target"), at times leaving a loop twice
 * as slow.
 */
export function mapCells<S>(fn: string, args: readonly ArgumentSpec[], compute: CellCompute<S>, state: S): Result {
  let shape: Grid | null = null;
  let shapeArg = "";
  const grids: (Grid | null)[] = [null, null, null, null, null];
  const singles: unknown[] = [undefined, undefined, undefined, undefined, undefined];
  args.forEach((arg, i) => {
    let value = arg.value;
    // A 1×1 range is a single value.
    if (isGrid(value) && value.length === 1 && value[0].length === 1) value = value[0][0];
    if (!isGrid(value)) {
      singles[i] = value;
      return;
    }
    if (shape === null) {
      shape = value;
      shapeArg = arg.name;
    } else if (value.length !== shape.length || value[0].length !== shape[0].length) {
      throw new Error(
        fn +
          ": " +
          arg.name +
          " is " +
          sizeText(value) +
          " but " +
          shapeArg +
          " is " +
          sizeText(shape) +
          ". Give ranges of the same size, or a single cell.",
      );
    }
    grids[i] = value;
  });
  let [a, b, c, d, e] = singles;
  if (shape === null) return compute(a, b, c, d, e, null, state);

  const [ga, gb, gc, gd, ge] = grids;
  const rows = (shape as Grid).length;
  const cols = (shape as Grid)[0].length;
  // Sized once (one Array lookup, not one per row), so the engine never grows it as it fills.
  const out: unknown[][] = new Array(rows);
  if (cols === 1) {
    // A whole column, the common case: one small array per row, made as a literal.
    for (let r = 0; r < rows; r++) {
      if (ga !== null) a = ga[r][0];
      if (gb !== null) b = gb[r][0];
      if (gc !== null) c = gc[r][0];
      if (gd !== null) d = gd[r][0];
      if (ge !== null) e = ge[r][0];
      out[r] = [compute(a, b, c, d, e, r + 1, state)];
    }
    return out;
  }
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let col = 0; col < cols; col++) {
      if (ga !== null) a = ga[r][col];
      if (gb !== null) b = gb[r][col];
      if (gc !== null) c = gc[r][col];
      if (gd !== null) d = gd[r][col];
      if (ge !== null) e = ge[r][col];
      line.push(compute(a, b, c, d, e, r + 1, state));
    }
    out[r] = line;
  }
  return out;
}

/** An argument's cells in row order, read in place: a single value is one cell. */
export interface Cells {
  grid: Grid;
  cols: number;
  count: number;
}

export function cellsOf(value: unknown): Cells {
  const grid = isGrid(value) ? value : [[value]];
  const cols = grid[0].length;
  return { grid, cols, count: grid.length * cols };
}

/** Cell k of an argument, in row order (a column, the common case, without a division). */
export function cellAt(cells: Cells, k: number): unknown {
  const cols = cells.cols;
  if (cols === 1) return cells.grid[k][0];
  const row = Math.floor(k / cols);
  return cells.grid[row][k - row * cols];
}

/** Every value of an argument in row order, for functions that take each cell on its own (OKR_ROADMAP_CHECK). */
export function flatten(value: unknown): unknown[] {
  if (!isGrid(value)) return [value];
  const cols = value[0].length;
  const out: unknown[] = new Array(value.length * cols);
  for (let r = 0; r < value.length; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = value[r][c];
  return out;
}
