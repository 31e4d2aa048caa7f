/** A tracker holding `krCount` key results (5 per objective), written in bulk as a team's sheet would be. */
import type { Harness } from "../../dev/harness/harness";
import { formulasOff, newTracker } from "./tracker";

export function bigTracker(krCount: number, options: { liveFormulas?: boolean } = {}): Harness {
  const harness = newTracker();
  // The formula engine's recalculation dominates at this size and is the emulator's cost, not the
  // add-on's; without live formulas the computed columns keep plain headers, which the add-on reads
  // the same way (call counts don't change).
  if (!options.liveFormulas) formulasOff(harness);
  const objectives = harness.spreadsheet.getSheetByName("Objectives")!;
  const keyResults = harness.spreadsheet.getSheetByName("Key Results")!;
  const objectiveCount = Math.ceil(krCount / 5);
  const grow = (sheet: typeof objectives, rows: number) => {
    if (sheet.getMaxRows() < rows + 100) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 100 - sheet.getMaxRows());
  };
  grow(objectives, objectiveCount);
  grow(keyResults, krCount);
  const quarter = harness.spreadsheet.getRange("Cycles!A2").getValue();
  objectives
    .getRange(2, 1, objectiveCount, 7)
    .setValues(
      Array.from({ length: objectiveCount }, (_, i) => [
        "O-" + (i + 1),
        "Objective " + (i + 1),
        quarter,
        "Team " + (i % 7),
        "Owner " + (i % 13),
        "aspirational",
        "Active",
      ]),
    );
  keyResults.getRange(2, 1, krCount, 9).setValues(
    Array.from({ length: krCount }, (_, i) => {
      const objective = Math.floor(i / 5) + 1;
      return [
        "KR-" + objective + "." + ((i % 5) + 1),
        "O-" + objective,
        "Key result " + i,
        "increase",
        0,
        100,
        i % 100,
        "",
        "",
      ];
    }),
  );
  return harness;
}
