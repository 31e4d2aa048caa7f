/**
 * Archived objectives and key results stay for the record and take no changes: check-ins, new key
 * results and edits are refused, and every refusal says how to restore. A value typed into an
 * archived row is still recorded (History follows the sheet), with a warning note.
 */
import type { KeyResultView } from "../core/contract";
import { KEY_RESULTS, OBJECTIVES } from "../core/layout";
import { isArchived } from "../core/vocabulary";
import { UserError } from "./errors";
import type { Table } from "./tables";

function howToRestore(id: string, sheet: string): string {
  return (
    "Restore " +
    id +
    " first: tick Show archived in the sidebar and choose Restore next to it, or set its State to Active in the " +
    sheet +
    " sheet."
  );
}

/** Whether the objective's row says Archived (an objective that isn't there is not archived). */
export function objectiveArchived(objectives: Table, objectiveId: string): boolean {
  const row = objectives.findRow("ID", objectiveId);
  return row >= 0 && isArchived(objectives.text(row, "State"));
}

/** Refuses a change to an archived objective; `refused` reads like "takes no new key results". */
export function refuseArchivedObjective(objectives: Table, objectiveId: string, field: string, refused: string): void {
  if (objectiveArchived(objectives, objectiveId))
    throw new UserError(
      "archived-objective",
      objectiveId + " is archived, so it " + refused + ". " + howToRestore(objectiveId, OBJECTIVES.name),
      field,
    );
}

/** Refuses a change to an archived key result, or to one whose objective is archived. */
export function refuseArchivedKeyResult(kr: KeyResultView, objectives: Table, field: string, refused: string): void {
  if (kr.archived)
    throw new UserError(
      "archived",
      kr.id + " is archived, so it " + refused + ". " + howToRestore(kr.id, KEY_RESULTS.name),
      field,
    );
  if (objectiveArchived(objectives, kr.objectiveId))
    throw new UserError(
      "archived-objective",
      kr.id +
        " belongs to " +
        kr.objectiveId +
        ", which is archived, so it " +
        refused +
        ". " +
        howToRestore(kr.objectiveId, OBJECTIVES.name),
      field,
    );
}

/** History's note on a value typed into an archived row ("" when the row is active). */
export function archivedNote(kr: KeyResultView, objectives: Table): string {
  const id = kr.archived ? kr.id : objectiveArchived(objectives, kr.objectiveId) ? kr.objectiveId : "";
  if (!id) return "";
  return (
    "Warning: typed while " +
    id +
    " is archived. The value is recorded but counts for nothing until restored. " +
    howToRestore(id, id === kr.id ? KEY_RESULTS.name : OBJECTIVES.name)
  );
}
