/**
 * SPARKLINE(data, [options]): a chart inside one cell (support.google.com/docs/answer/3093289).
 * The cell's value is a picture, not a number or text: getValues reads "" there (unverified, see
 * docs/EMULATOR.md), while the engine keeps a descriptor (Workbook.readSparklines) to draw.
 */
import { ErrorType } from "hyperformula";
import { SheetsFunctionError } from "./sheets-functions";

/** What the preview draws: the chart type, the points and the options as given (names lower-cased). */
export interface Sparkline {
  charttype: "line" | "bar" | "column" | "winloss";
  /** y values in order; null for an empty or non-numeric point that is kept as a gap. */
  values: (number | null)[];
  /** x positions for a two-column line sparkline ("values and spacing along the horizontal axis"). */
  x?: number[];
  options: Record<string, string | number | boolean>;
}

const PREFIX = "\u2063SPARKLINE";
const TYPES = ["line", "bar", "column", "winloss"] as const;

function cells(a: unknown): unknown[][] {
  return Array.isArray(a) ? (a as unknown[][]) : [[a]];
}

/** Options as a two-column range or array: {"charttype","column";"ymin",0}. */
function readOptions(options: unknown): Record<string, string | number | boolean> {
  if (options === undefined || options === null || options === "") return {};
  const rows = cells(options);
  if (rows.some((row) => row.length !== 2))
    throw new SheetsFunctionError(ErrorType.VALUE, "SPARKLINE options must be two columns: an option and its value.");
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of rows) {
    const key = String(name).trim().toLowerCase();
    if (key) out[key] = typeof value === "string" ? value.trim().toLowerCase() : (value as number | boolean);
  }
  return out;
}

function point(v: unknown, options: Sparkline["options"]): number | null | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return Number(v);
  const empty = v === "" || v === null || v === undefined;
  if (empty) return options.empty === "zero" ? 0 : null;
  // Text: "nan" convert turns it into 0 (there is no number to take); ignore drops it.
  return options.nan === "convert" ? 0 : undefined;
}

export function sparkline(data: unknown, options?: unknown): string {
  const opts = readOptions(options);
  const charttype = (opts.charttype ?? "line") as Sparkline["charttype"];
  if (!TYPES.includes(charttype))
    throw new SheetsFunctionError(
      ErrorType.VALUE,
      `SPARKLINE charttype "${String(opts.charttype)}" is not one of line, bar, column, winloss.`,
    );
  const grid = cells(data);
  let x: number[] | undefined;
  let column = grid.flat();
  if (charttype === "line" && grid.length > 2 && grid.every((row) => row.length === 2)) {
    x = grid.map((row) => Number(row[0]));
    column = grid.map((row) => row[1]);
  }
  const values = column.map((v) => point(v, opts)).filter((v): v is number | null => v !== undefined);
  const descriptor: Sparkline = { charttype, values, options: opts, ...(x ? { x } : {}) };
  return PREFIX + JSON.stringify(descriptor);
}

export function isSparkline(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** The descriptor behind a sparkline cell's engine value, or null for any other value. */
export function sparklineOf(value: unknown): Sparkline | null {
  return isSparkline(value) ? (JSON.parse(value.slice(PREFIX.length)) as Sparkline) : null;
}
