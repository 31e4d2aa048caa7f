/**
 * Paints conditional format rules the way Sheets does (the emulator stores rules but does not
 * apply them): the first rule whose range holds the cell and whose condition holds wins.
 */
import type { ConditionalRuleData } from "../emulator/model";
import { rectContains } from "../emulator/model";

export interface Paint {
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

function holds(criteria: string, args: unknown[], value: unknown): boolean {
  const text = value instanceof Date ? "" : String(value ?? "");
  const number = typeof value === "number" ? value : NaN;
  const [a, b] = args.map(Number);
  switch (criteria) {
    case "CELL_EMPTY":
      return text === "";
    case "CELL_NOT_EMPTY":
      return text !== "";
    case "TEXT_EQUAL_TO":
      return text.toLowerCase() === String(args[0]).toLowerCase();
    case "TEXT_CONTAINS":
      return text.toLowerCase().includes(String(args[0]).toLowerCase());
    case "NUMBER_EQUAL_TO":
      return number === a;
    case "NUMBER_GREATER_THAN":
      return number > a;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return number >= a;
    case "NUMBER_LESS_THAN":
      return number < a;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return number <= a;
    case "NUMBER_BETWEEN":
      return number >= Math.min(a, b) && number <= Math.max(a, b);
    default:
      return false; // custom formulas are not painted in the preview
  }
}

/** The paint for the cell at (row, col), both 1-based, holding `value`; undefined when no rule applies. */
export function conditionalPaint(
  rules: readonly ConditionalRuleData[],
  row: number,
  col: number,
  value: unknown,
): Paint | undefined {
  for (const rule of rules) {
    if (!rule.ranges.some((r) => rectContains(r, row, col))) continue;
    const { criteria, args, background, fontColor, bold } = rule.condition;
    if (holds(criteria, args, value)) return { background, fontColor, bold };
  }
  return undefined;
}
