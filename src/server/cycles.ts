/**
 * Closing and reopening a cycle. Closing freezes each active objective's and key result's score as
 * a value in its Final score column, keeps the retrospectives, and marks the cycle Closed on the
 * Cycles sheet; check-ins on its key results are then refused. Reopening sets it Open again and
 * keeps the frozen scores (closing again rewrites them). Nothing is deleted.
 */
import { isoDate } from "../core/cell-values";
import type { CycleClosed, CycleView, InputOf, KeyResultView } from "../core/contract";
import { daysBetween } from "../core/cycle";
import { calloutsOf, describeCallouts, plural } from "../core/grading";
import { CYCLES, KEY_RESULTS, OBJECTIVES } from "../core/layout";
import { quarterOf } from "../core/quarters";
import { apply } from "../core/rulebook/kit";
import { RULES } from "../core/rulebook/rules";
import { textForCell } from "../core/text-cells";
import { CYCLE_STATES, isClosed } from "../core/vocabulary";
import { UserError } from "./errors";
import { withDocumentLock } from "./lock";
import { readCycles, readObjectives } from "./records";
import { openTracker, readTable, updateRows, writeRows, type Table, type Tracker } from "./tables";

const [OPEN, CLOSED] = CYCLE_STATES;

/** How to undo a close, for every message that meets a closed cycle. */
export const HOW_TO_REOPEN =
  "To change it, reopen the cycle: Extensions → OKR Tracker → Reopen cycle, or Reopen in the sidebar's end-of-cycle view.";

function cycleRow(cycles: Table, cycle: string): number {
  const row = cycles.findRow("Cycle", cycle);
  if (row < 0) throw new UserError("unknown-id", "There is no cycle " + cycle + " in the Cycles sheet.", "cycle");
  return row;
}

export function closeCycle(input: InputOf<"closeCycle">, now = new Date()): CycleClosed {
  return withDocumentLock(() => {
    const tracker = openTracker(now);
    const today = tracker.calendar.today();
    const cycles = readTable(tracker, CYCLES);
    const objectives = readTable(tracker, OBJECTIVES);
    const keyResults = readTable(tracker, KEY_RESULTS);
    cycles.require(["Cycle", "Start", "End", "State"]);
    objectives.require(["ID", "Objective", "Cycle", "Commitment", "State", "Final score", "Retrospective"]);
    keyResults.require(["ID", "Objective ID", "Type", "Start", "Target", "Current", "State", "Final score"]);
    const row = cycleRow(cycles, input.cycle);
    if (isClosed(cycles.text(row, "State")))
      throw new UserError(
        "closed-cycle",
        input.cycle + " is already closed; its grades are final. " + HOW_TO_REOPEN,
        "cycle",
      );
    const end = cycles.day(row, "End");
    if (!end)
      throw new UserError(
        "unreadable-row",
        input.cycle + " has no end date on the Cycles sheet. Add its last day there first.",
        "cycle",
      );
    if (!input.early && daysBetween(today, end) >= 0)
      throw new UserError(
        "needs-confirmation",
        input.cycle +
          " runs until " +
          isoDate(end) +
          ". Closing it early freezes its grades today: confirm that you want to close it early.",
        "early",
      );

    const graded = readObjectives(objectives, keyResults, readCycles(cycles, today)).filter(
      (o) => o.cycle === input.cycle && !o.archived,
    );
    const ids = new Set(graded.map((o) => o.id));
    for (const id of Object.keys(input.retrospectives))
      if (!ids.has(id))
        throw new UserError(
          "unknown-id",
          "There is no active objective " + id + " in " + input.cycle + ".",
          "retrospectives." + id,
        );

    const objectiveCells = new Map<number, Record<string, unknown>>();
    const krCells = new Map<number, Record<string, unknown>>();
    for (const objective of graded) {
      objective.finalScore = objective.score;
      const cells: Record<string, unknown> = { "Final score": objective.score ?? "" };
      const retrospective = input.retrospectives[objective.id];
      if (retrospective !== undefined) {
        cells.Retrospective = textForCell(retrospective);
        objective.retrospective = retrospective;
      }
      objectiveCells.set(objective.sheetRow - 1, cells);
      for (const kr of objective.keyResults) {
        if (kr.archived) continue;
        krCells.set(kr.sheetRow - 1, { "Final score": apply(RULES.score, { progress: kr.progress }) ?? "" });
      }
    }
    updateRows(objectives, objectiveCells, ["Final score", "Retrospective"]);
    updateRows(keyResults, krCells, ["Final score"]);
    writeRows(cycles, row + 1, [{ State: CLOSED }]);

    const callouts = calloutsOf(graded);
    const summary = [
      "Closed " +
        input.cycle +
        ": " +
        plural(graded.length, "objective") +
        " and " +
        plural(krCells.size, "key result") +
        " graded; their scores are frozen in the Final score columns, and check-ins on them are refused until the cycle is reopened.",
      ...describeCallouts(callouts),
    ].join("\n");
    return { cycle: input.cycle, objectives: graded.length, keyResults: krCells.size, callouts, summary };
  });
}

export function reopenCycle({ cycle }: InputOf<"reopenCycle">): string {
  return withDocumentLock(() => {
    const cycles = readTable(openTracker(), CYCLES);
    cycles.require(["Cycle", "State"]);
    const row = cycleRow(cycles, cycle);
    if (!isClosed(cycles.text(row, "State"))) throw new UserError("invalid-input", cycle + " is not closed.", "cycle");
    writeRows(cycles, row + 1, [{ State: OPEN }]);
    return (
      "Reopened " +
      cycle +
      ": check-ins are accepted again. The Final score columns keep the grades it was closed with, until you close it again."
    );
  });
}

/**
 * The closed cycle a key result belongs to, if any. Closing gives each of its key results a Final
 * score, so a key result without one costs no call: everyday check-ins read nothing more. For the
 * others the Cycles sheet is read (it is small), then the Objectives sheet when some cycle is closed
 * (unless the caller has read it), each once for all the key results asked about.
 */
export function closedCycles(tracker: Tracker, read?: Table): (kr: KeyResultView) => string | null {
  let closed: Set<string> | undefined;
  let objectives = read;
  return (kr) => {
    if (kr.finalScore === null) return null;
    if (!closed) {
      const cycles = readTable(tracker, CYCLES);
      closed = new Set(
        cycles
          .rowsWith("Cycle")
          .filter((r) => isClosed(cycles.text(r, "State")))
          .map((r) => cycles.text(r, "Cycle")),
      );
    }
    if (!closed.size) return null;
    objectives ??= readTable(tracker, OBJECTIVES);
    const row = objectives.findRow("ID", kr.objectiveId);
    const cycle = row < 0 ? "" : objectives.text(row, "Cycle");
    return closed.has(cycle) ? cycle : null;
  };
}

/** The cycle 'Close cycle' offers: the latest that has ended and is still open, else today's. */
export function cycleToClose(now = new Date()): string {
  return pickCycle(now, (cycle, today) => !cycle.closed && cycle.end < today) ?? quarterOf(now).id;
}

/** The cycle 'Reopen cycle' offers: the latest closed one. */
export function cycleToReopen(now = new Date()): string {
  return pickCycle(now, (cycle) => cycle.closed) ?? "";
}

function pickCycle(now: Date, fits: (cycle: CycleView, today: string) => boolean): string | null {
  const tracker = openTracker(now);
  const today = tracker.calendar.today();
  const cycles = [...readCycles(readTable(tracker, CYCLES), today).values()];
  const latest = cycles.filter((c) => fits(c, isoDate(today))).sort((a, b) => b.end.localeCompare(a.end))[0];
  return latest ? latest.id : null;
}
