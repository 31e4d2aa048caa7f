/**
 * Turning tracker rows into the model and back. Reads are forgiving (a person may have typed
 * "1,200" or left a cell blank) and every problem names the sheet, the row and the column.
 */
import { isBlank, isoDate, parseNumber } from "../core/cell-values";
import { expectedProgress } from "../core/cycle";
import { KEY_RESULTS } from "../core/layout";
import { isArchived, KR_TYPES, type KrType } from "../core/vocabulary";
import { progressBetween, weightedProgress } from "../core/progress";
import { score } from "../core/score";
import { statusFor } from "../core/status";
import { UserError } from "./errors";
import type { Table } from "./tables";
import type { CycleView, KeyResultView, ObjectiveView } from "../core/contract";

function numberCell(table: Table, row: number, header: string, fallback: number | null): number | null {
  const value = table.cell(row, header);
  if (isBlank(value)) return fallback;
  const parsed = parseNumber(value);
  if (!parsed.ok) {
    throw new UserError(
      table.spec.name +
        " row " +
        (row + 1) +
        ", " +
        header +
        ": " +
        JSON.stringify(String(value)) +
        " " +
        parsed.problem +
        ".",
    );
  }
  return parsed.value;
}

export function readKeyResult(table: Table, row: number): KeyResultView {
  const typeText = table.text(row, "Type").toLowerCase();
  const view: KeyResultView = {
    id: table.text(row, "ID"),
    objectiveId: table.text(row, "Objective ID"),
    title: table.text(row, "Key result"),
    type: (KR_TYPES as readonly string[]).includes(typeText) ? (typeText as KrType) : "increase",
    start: 0,
    target: 1,
    current: null,
    unit: table.text(row, "Unit"),
    weight: 1,
    owner: table.text(row, "Owner"),
    archived: isArchived(table.text(row, "State")),
    confidence: null,
    lastCheckIn: null,
    progress: null,
    status: null,
    problem: null,
    sheetRow: row + 1,
  };
  try {
    if (!(KR_TYPES as readonly string[]).includes(typeText)) {
      throw new UserError(
        KEY_RESULTS.name +
          " row " +
          (row + 1) +
          ", Type: " +
          JSON.stringify(typeText) +
          " is not one of " +
          KR_TYPES.join(", ") +
          ".",
      );
    }
    view.start = numberCell(table, row, "Start", 0) as number;
    view.target = numberCell(table, row, "Target", null) ?? NaN;
    view.current = numberCell(table, row, "Current", null);
    view.weight = numberCell(table, row, "Weight", 1) as number;
    view.confidence = numberCell(table, row, "Confidence", null);
    const checked = table.day(row, "Last check-in");
    view.lastCheckIn = checked ? isoDate(checked) : null;
    if (Number.isNaN(view.target))
      throw new UserError(KEY_RESULTS.name + " row " + (row + 1) + ", Target: the target is blank.");
    view.progress = progressOf(view);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    view.problem = error.message;
    if (Number.isNaN(view.target)) view.target = view.start; // answers must stay JSON-safe
  }
  return view;
}

/** A key result's progress by its type, or null when there is nothing to measure yet. */
export function progressOf(kr: Pick<KeyResultView, "type" | "start" | "target" | "current">): number | null {
  if (kr.current === null) return null;
  if (kr.type === "milestone") return kr.current >= 1 ? 1 : 0;
  return kr.target === kr.start ? null : progressBetween(kr.current, kr.target, kr.start);
}

export function readCycles(table: Table, today: Date): Map<string, CycleView> {
  const cycles = new Map<string, CycleView>();
  for (const row of table.rowsWith("Cycle")) {
    const start = table.day(row, "Start");
    const end = table.day(row, "End");
    if (!start || !end) continue;
    cycles.set(table.text(row, "Cycle"), {
      id: table.text(row, "Cycle"),
      start: isoDate(start),
      end: isoDate(end),
      expected: expectedProgress(start, end, today),
    });
  }
  return cycles;
}

/** Objectives with their key results and everything computed, by the same rules as the sheet's formulas. */
export function readObjectives(objectives: Table, keyResults: Table, cycles: Map<string, CycleView>): ObjectiveView[] {
  const byObjective = new Map<string, KeyResultView[]>();
  for (const row of keyResults.rowsWith("ID")) {
    const kr = readKeyResult(keyResults, row);
    const list = byObjective.get(kr.objectiveId) ?? [];
    list.push(kr);
    byObjective.set(kr.objectiveId, list);
  }
  return objectives.rowsWith("ID").map((row) => {
    const id = objectives.text(row, "ID");
    const krs = byObjective.get(id) ?? [];
    const cycle = objectives.text(row, "Cycle");
    const expected = cycles.get(cycle)?.expected ?? null;
    const progress = weightedProgress(
      krs.filter((kr) => !kr.archived).map((kr) => ({ progress: kr.progress ?? 0, weight: kr.weight })),
    );
    for (const kr of krs)
      kr.status = kr.progress === null || expected === null ? null : statusFor(kr.progress, expected);
    return {
      id,
      title: objectives.text(row, "Objective"),
      cycle,
      team: objectives.text(row, "Team"),
      owner: objectives.text(row, "Owner"),
      commitment: objectives.text(row, "Commitment").toLowerCase() === "committed" ? "committed" : "aspirational",
      archived: isArchived(objectives.text(row, "State")),
      description: objectives.text(row, "Description"),
      progress,
      expected,
      status:
        progress === null ? null : progress >= 1 ? "Done" : expected === null ? null : statusFor(progress, expected),
      score: progress === null ? null : score(progress),
      keyResults: krs,
      sheetRow: row + 1,
    };
  });
}
