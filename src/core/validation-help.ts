/**
 * The help text of a column's data validation: what the cell needs. Sheets shows it when someone
 * types a value the rule refuses (and next to a value it only warns about), so it says what to
 * enter, not what the column is for (that is the header note).
 */
import type { Validation } from "./layout";

function either(values: readonly string[]): string {
  return values.length > 1 ? values.slice(0, -1).join(", ") + " or " + values[values.length - 1] : values.join("");
}

/** `sheetName` names the sheet a "column" rule lists its values from. */
export function validationHelp(validation: Validation, sheetName: string): string {
  switch (validation.kind) {
    case "number":
      return validation.min !== undefined && validation.max !== undefined
        ? "Enter a number from " + validation.min + " to " + validation.max + "."
        : "Enter a number, e.g. 42, 1,200 or 45%.";
    case "date":
      return "Enter a date, e.g. 2026-10-01.";
    case "list":
      return "Enter " + either(validation.values) + ".";
    case "column":
      return "Choose a value from the " + validation.column + " column of the " + sheetName + " sheet.";
  }
}
