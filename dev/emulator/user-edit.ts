/**
 * A person typing or pasting into the sheet: input is parsed like typed text, data validation
 * and protections apply as in the Sheets UI, then the simple onEdit(e) trigger runs.
 */
import type { ExecutionContext } from "./context";
import { PROTECTED_MESSAGE } from "./context";
import { invalidateCriteriaIndexes } from "./criteria-plugin";
import { satisfies } from "./data-validation";
import type { Range } from "./range";
import type { CellValue } from "./workbook";

export interface EditEvent {
  authMode: string;
  range: Range;
  source: unknown;
  user: { getEmail(): string };
  value?: unknown;
  oldValue?: unknown;
}

export interface UserEditResult {
  accepted: boolean;
  /** Why the edit was rejected (Sheets shows this to the user). */
  message?: string;
  /** Warnings Sheets would show but accept (invalid data allowed, warning-only protection). */
  warnings: string[];
  event?: EditEvent;
}

/** A value as the event object carries it: the typed text for value, the old value as a string. */
function eventValue(v: CellValue): unknown {
  if (v === "") return undefined;
  return typeof v === "string"
    ? v
    : v instanceof Date
      ? v.toString()
      : String(v).toUpperCase() === "TRUE" || String(v).toUpperCase() === "FALSE"
        ? String(v).toUpperCase()
        : String(v);
}

export function userEdit(
  ctx: ExecutionContext,
  range: Range,
  input: unknown | unknown[][],
  onEdit?: (e: EditEvent) => void,
): UserEditResult {
  const rect = range.rect;
  const sheet = range.getSheet();
  const model = sheet.model;
  const wb = ctx.wb;
  const grid: unknown[][] = Array.isArray(input)
    ? (input as unknown[][])
    : Array.from({ length: rect.numRows }, () => Array.from({ length: rect.numCols }, () => input));
  const warnings: string[] = [];
  const access = ctx.canEdit(model, rect);
  if (!access.ok) return { accepted: false, message: PROTECTED_MESSAGE, warnings };
  if (access.warning) warnings.push("You are trying to edit a protected range. The edit was made after a warning.");

  const old = wb.readValues(model, rect);
  const snapshot = grid.map((line, i) =>
    line.map((_, j) =>
      wb.hf.getCellSerialized({ sheet: wb.hfId(model), row: rect.row + i - 1, col: rect.col + j - 1 }),
    ),
  );
  const metaBefore = grid.map((line, i) =>
    line.map((_, j) => ({ ...(model.getMeta(rect.row + i, rect.col + j) ?? {}) })),
  );
  wb.write(
    model,
    rect.row,
    rect.col,
    grid.map((line) => line.map((v) => (typeof v === "string" || v === null ? v : String(v)))),
  );

  // Validation looks at the value the cell ends up with.
  const after = wb.readValues(model, rect);
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numCols; j++) {
      const rule = model.getMeta(rect.row + i, rect.col + j)?.validation;
      if (!rule) continue;
      const source = () => sheet.sourceOf(rule)?.getValues() ?? [];
      if (satisfies(rule, after[i][j], source)) continue;
      const message =
        rule.helpText ||
        `Invalid: the data you entered in cell ${sheet.rangeAt(rect.row + i, rect.col + j).getA1Notation()} violates the data validation rules set on this cell.`;
      if (rule.allowInvalid) {
        warnings.push(message);
        continue;
      }
      // Rejected: put everything back as it was.
      invalidateCriteriaIndexes();
      wb.hf.setCellContents({ sheet: wb.hfId(model), row: rect.row - 1, col: rect.col - 1 }, snapshot as never);
      metaBefore.forEach((line, a) =>
        line.forEach((m, b) => {
          const r = (model.meta[rect.row + a] ??= []);
          r[rect.col + b] = Object.keys(m).length ? m : undefined;
        }),
      );
      return { accepted: false, message, warnings };
    }
  }
  ctx.warnings.push(...warnings);

  const single = rect.numRows === 1 && rect.numCols === 1;
  const event: EditEvent = {
    authMode: "LIMITED",
    range,
    source: sheet.getParent(),
    user: { getEmail: () => ctx.email },
  };
  if (single) {
    const typed = grid[0][0];
    if (typed !== null && typed !== undefined && typed !== "")
      event.value = typeof typed === "string" ? typed : eventValue(after[0][0]);
    const oldValue = eventValue(old[0][0]);
    if (oldValue !== undefined) event.oldValue = oldValue;
  }
  if (onEdit) onEdit(event);
  return { accepted: true, warnings, event };
}
