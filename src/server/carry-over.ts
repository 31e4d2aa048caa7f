/**
 * Start the next cycle: its Cycles row (or the one already there), and the objectives and key results
 * the manager carries over. Carried rows get new IDs and keep what they were (title, type, unit,
 * target, owner, weight, commitment); a key result starts from its last recorded value, and History
 * gets that start as its first record, so its trail goes on from the old ID (Carried from).
 */
import { parseDate, parseNumber } from "../core/cell-values";
import type { InputOf, NextCycle, ObjectiveView, OkrCheck } from "../core/contract";
import { CYCLES, KEY_RESULTS, OBJECTIVES } from "../core/layout";
import type { KeyResultInput } from "../core/model";
import { textForCell } from "../core/text-cells";
import { formatKeyResultId, formatObjectiveId, isClosed, STATES } from "../core/vocabulary";
import { HOW_TO_REOPEN } from "./cycles";
import { UserError } from "./errors";
import { currentAuthor, openHistory, type NewRecord } from "./history";
import { withDocumentLock } from "./lock";
import { checkOkrs } from "./okr-check";
import { formatKrNumbers, krRow, nextObjectiveNumber, rememberObjectiveNumber } from "./okrs";
import { readCycles, readObjectives } from "./records";
import { appendRows, openTracker, readTable, writeRows, type Table, type Tracker } from "./tables";

const [ACTIVE] = STATES;

type Request = InputOf<"startNextCycle">;

export function startNextCycle(input: Request, now = new Date()): NextCycle {
  const carried = withDocumentLock(() => carry(input, now));
  const check: OkrCheck | null = carried.objectives.length ? checkOkrs(now, input.cycle) : null;
  const summary = [
    (carried.createdCycle ? "Added " + input.cycle + " to the Cycles sheet" : "Started " + input.cycle) +
      (carried.objectives.length
        ? " and carried over " +
          carried.objectives
            .map((o) => o.from + " → " + o.id + (o.keyResults.length ? " (" + o.keyResults.length + " KRs)" : ""))
            .join(", ") +
          "."
        : "; nothing was carried over."),
    ...(check ? [check.summary] : []),
  ].join("\n");
  return { ...carried, check, summary };
}

/** A yyyy-mm-dd the request's schema has checked. */
function requestDay(text: string): Date {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new UserError("invalid-input", "Give dates like 2027-01-01.");
  return parsed.value;
}

/** The day a request gives, as the cycle's date cell. */
function dayCell(tracker: Tracker, text: string): Date {
  return tracker.calendar.cellFor(requestDay(text));
}

function prepareCycle(tracker: Tracker, cycles: Table, input: Request): boolean {
  const row = cycles.findRow("Cycle", input.cycle);
  const dates = { Start: dayCell(tracker, input.start), End: dayCell(tracker, input.end) };
  if (row < 0) {
    appendRows(cycles, [{ Cycle: textForCell(input.cycle), ...dates }]);
    return true;
  }
  if (isClosed(cycles.text(row, "State")))
    throw new UserError(
      "closed-cycle",
      input.cycle + " is closed: nothing can be carried into it. " + HOW_TO_REOPEN,
      "cycle",
    );
  const day = (header: string) => cycles.day(row, header)?.getTime();
  if (day("Start") !== requestDay(input.start).getTime() || day("End") !== requestDay(input.end).getTime())
    writeRows(cycles, row + 1, [dates]);
  return false;
}

function carry(input: Request, now: Date): Omit<NextCycle, "check" | "summary"> {
  const tracker = openTracker(now);
  const cycles = readTable(tracker, CYCLES);
  const objectives = readTable(tracker, OBJECTIVES);
  const keyResults = readTable(tracker, KEY_RESULTS);
  cycles.require(["Cycle", "Start", "End"]);
  objectives.require([
    "ID",
    "Objective",
    "Cycle",
    "Team",
    "Owner",
    "Commitment",
    "State",
    "Description",
    "Carried from",
  ]);
  keyResults.require([
    ...Object.keys(krRow("", "", { title: "", type: "increase", start: 0, target: 1, weight: 1 })),
    "Carried from",
  ]);
  if (cycles.findRow("Cycle", input.from) < 0)
    throw new UserError("unknown-id", "There is no cycle " + input.from + " in the Cycles sheet.", "from");
  const all = readObjectives(objectives, keyResults, readCycles(cycles, tracker.calendar.today()));
  const seen = new Set<string>();
  const chosen = input.carry.map((pick, i) => {
    if (seen.has(pick.objectiveId))
      throw new UserError("invalid-input", pick.objectiveId + " is chosen twice.", "carry." + i + ".objectiveId");
    seen.add(pick.objectiveId);
    const objective = all.find((o) => o.id === pick.objectiveId);
    if (!objective || objective.cycle !== input.from)
      throw new UserError(
        "unknown-id",
        "There is no objective " + pick.objectiveId + " in " + input.from + ".",
        "carry." + i + ".objectiveId",
      );
    const earlier = all.find((o) => o.carriedFrom === objective.id && o.cycle === input.cycle && !o.archived);
    if (earlier)
      throw new UserError(
        "invalid-input",
        objective.id + " was carried into " + input.cycle + " already, as " + earlier.id + ".",
        "carry." + i + ".objectiveId",
      );
    const krs = pick.keyResultIds.map((krId, j) => {
      const kr = objective.keyResults.find((k) => k.id === krId);
      if (!kr)
        throw new UserError(
          "unknown-id",
          krId + " is not a key result of " + objective.id + ".",
          "carry." + i + ".keyResultIds." + j,
        );
      if (kr.problem) throw new UserError("unreadable-row", kr.problem, "carry." + i + ".keyResultIds." + j);
      return kr;
    });
    return { objective, krs };
  });
  const createdCycle = prepareCycle(tracker, cycles, input);
  if (!chosen.length) return { cycle: input.cycle, createdCycle, objectives: [], warnings: [] };

  const history = openHistory(tracker);
  const first = nextObjectiveNumber(objectives);
  const objectiveRows: Record<string, unknown>[] = [];
  const krRows: Record<string, unknown>[] = [];
  const krInputs: KeyResultInput[] = [];
  const records: NewRecord[] = [];
  const warnings: string[] = [];
  const result: NextCycle["objectives"] = chosen.map(({ objective, krs }, i) => {
    const number = first + i;
    const id = formatObjectiveId(number);
    objectiveRows.push(objectiveRow(objective, id, input.cycle));
    return {
      id,
      from: objective.id,
      keyResults: krs.map((kr, j) => {
        const krId = formatKeyResultId(number, j + 1);
        const last = lastValue(kr.current, history.lastValue.get(kr.id), kr.start);
        // A milestone starts not done; it carries its last value as current.
        const start = kr.type === "milestone" ? 0 : last;
        const definition: KeyResultInput = {
          title: kr.title,
          type: kr.type,
          start,
          target: kr.target,
          current: last,
          unit: kr.unit,
          weight: kr.weight,
          owner: kr.owner,
        };
        krInputs.push(definition);
        krRows.push({ ...krRow(krId, id, definition), "Carried from": kr.id });
        records.push({
          timestamp: now,
          krId,
          krTitle: kr.title,
          previous: "",
          value: last,
          confidence: "",
          note:
            "Carried over from " +
            kr.id +
            " (" +
            input.from +
            ") into " +
            input.cycle +
            ": starts from its last value.",
          author: currentAuthor(),
          source: "carried over",
          valueFormat: kr.type === "percentage" ? "0%" : undefined,
        });
        if (kr.type !== "milestone" && start === kr.target)
          warnings.push(krId + " starts at its target (" + kr.id + " reached it): give it a new target.");
        return { id: krId, from: kr.id, start };
      }),
    };
  });
  const earlier = all.filter((o) => o.cycle === input.cycle && o.carriedFrom && !o.archived);
  carryAlignment(
    chosen.map((c) => c.objective),
    objectiveRows,
    new Map(earlier.map((o) => [o.carriedFrom, o.id])),
  );
  appendRows(objectives, objectiveRows);
  if (krRows.length) formatKrNumbers(keyResults, appendRows(keyResults, krRows), krInputs);
  if (records.length) history.commit(records);
  rememberObjectiveNumber(first + chosen.length - 1);
  if (history.newProblems) warnings.push(history.newProblems);
  return { cycle: input.cycle, createdCycle, objectives: result, warnings };
}

/**
 * A carried objective whose parent is carried too (now, or earlier: `carriedBefore` maps old IDs to
 * the new cycle's) keeps it, as the parent's new row, since a parent must be in the same cycle; its
 * weight in the parent stays. Written only when some carried objective has either, so a tracker
 * without those columns can still carry the rest.
 */
function carryAlignment(
  carried: readonly ObjectiveView[],
  rows: Record<string, unknown>[],
  carriedBefore: ReadonlyMap<string, string>,
): void {
  const newIds = new Map([...carriedBefore, ...carried.map((o, i) => [o.id, rows[i].ID as string] as const)]);
  if (!carried.some((o) => newIds.has(o.parent) || o.weight !== 1)) return;
  carried.forEach((o, i) => {
    rows[i].Parent = newIds.get(o.parent) ?? "";
    rows[i].Weight = o.weight === 1 ? "" : o.weight;
  });
}

function objectiveRow(objective: ObjectiveView, id: string, cycle: string): Record<string, unknown> {
  return {
    ID: id,
    Objective: textForCell(objective.title),
    Cycle: textForCell(cycle),
    Team: textForCell(objective.team),
    Owner: textForCell(objective.owner),
    Commitment: objective.commitment,
    State: ACTIVE,
    Description: textForCell(objective.description),
    "Carried from": objective.id,
  };
}

/** The last recorded value: the Current cell, else History's last record, else the start (never lost). */
function lastValue(current: number | null, recorded: number | string | undefined, start: number): number {
  if (current !== null) return current;
  const parsed = parseNumber(recorded ?? "");
  return parsed.ok ? parsed.value : start;
}
