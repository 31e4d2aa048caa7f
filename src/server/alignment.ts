/**
 * Parent objectives on the server: refused in the sidebar's requests (a field error), and for IDs
 * typed into the sheet a warning note on the Parent cell and a toast (the sheet keeps what was
 * typed, as archived.ts does for typed values). The rules themselves are src/core/alignment.ts.
 */
import { childrenOutside, parentProblem, type Aligned } from "../core/alignment";
import { OBJECTIVES } from "../core/layout";
import { isArchived } from "../core/vocabulary";
import { UserError } from "./errors";
import { readTable, type Table, type Tracker } from "./tables";

/** Every objective's cycle, parent and state, by ID. */
export function readAlignment(objectives: Table): Map<string, Aligned> {
  const all = new Map<string, Aligned>();
  for (const row of objectives.rowsWith("ID"))
    all.set(objectives.text(row, "ID"), {
      cycle: objectives.text(row, "Cycle"),
      parent: objectives.text(row, "Parent"),
      archived: isArchived(objectives.text(row, "State")),
    });
  return all;
}

/** Refuses a new objective's parent (id null) or an edit's new parent or cycle that breaks the rules. */
export function refuseBadAlignment(
  objectives: Table,
  id: string | null,
  change: { cycle: string; parent: string; movedCycle: boolean; newParent: boolean },
): void {
  if (change.newParent || change.movedCycle) objectives.require(["Parent"]);
  const all = readAlignment(objectives);
  const problem = parentProblem(all, id, change.cycle, change.parent);
  if (problem && (change.newParent || change.movedCycle))
    throw new UserError("invalid-input", problem, change.newParent ? "parent" : "cycle");
  if (!id || !change.movedCycle) return;
  const children = childrenOutside(all, id, change.cycle);
  if (children.length)
    throw new UserError(
      "invalid-input",
      children.join(", ") +
        (children.length === 1 ? " names " : " name ") +
        id +
        (children.length === 1 ? " as parent and stays in " : " as parent and stay in ") +
        (all.get(children[0])?.cycle || "its cycle") +
        ": a parent must be in the same cycle. Change " +
        (children.length === 1 ? "its" : "their") +
        " parent first, or keep " +
        id +
        " in its cycle.",
      "cycle",
    );
}

/**
 * After an edit to the Objectives sheet touching Parent or Cycle: each edited row's parent checked,
 * a warning note on its Parent cell (cleared once the parent is fine) and a toast. One read, one
 * write of the notes. Returns the warnings.
 */
export function warnTypedParents(tracker: Tracker, range: GoogleAppsScript.Spreadsheet.Range): string[] {
  const objectives = readTable(tracker, OBJECTIVES);
  const parentCol = objectives.col("Parent");
  const first = range.getColumn() - 1;
  const last = first + range.getNumColumns() - 1;
  const touches = (col: number) => col >= first && col <= last;
  if (parentCol < 0 || !(touches(parentCol) || touches(objectives.col("Cycle")))) return [];
  const all = readAlignment(objectives);
  const top = Math.max(range.getRow(), 2);
  const bottom = Math.min(range.getRow() + range.getNumRows() - 1, objectives.values.length);
  if (bottom < top) return [];
  const notes: string[][] = [];
  const warnings: string[] = [];
  for (let sheetRow = top; sheetRow <= bottom; sheetRow++) {
    const id = objectives.text(sheetRow - 1, "ID");
    const problem = id
      ? parentProblem(all, id, objectives.text(sheetRow - 1, "Cycle"), objectives.text(sheetRow - 1, "Parent"))
      : null;
    notes.push([problem ? "Warning: " + problem : ""]);
    if (problem) warnings.push(id + ": " + problem);
    const children = id ? childrenOutside(all, id, objectives.text(sheetRow - 1, "Cycle")) : [];
    if (children.length)
      warnings.push(
        id + " is the parent of " + children.join(", ") + ", in another cycle: a parent must be in the same cycle.",
      );
  }
  objectives.sheet.getRange(top, parentCol + 1, notes.length, 1).setNotes(notes);
  if (warnings.length) tracker.spreadsheet.toast(warnings.slice(0, 3).join(" "), "OKR Tracker", 15);
  return warnings;
}
