/** Objectives and key results: create, update, archive, and the overview with computed progress. */
import { CYCLES, KEY_RESULTS, OBJECTIVES } from "../core/layout";
import { describeValue } from "../core/cell-values";
import type { InputOf, KeyResultView, ObjectiveView, Overview } from "../core/contract";
import { valueRange, type KeyResultInput, type ObjectiveInput } from "../core/model";
import { needsUpdate } from "../core/needs-update";
import { quarterNamed, quarterOf } from "../core/quarters";
import { textForCell } from "../core/text-cells";
import { formatKeyResultId, formatObjectiveId, KEY_RESULT_ID, OBJECTIVE_ID, STATES } from "../core/vocabulary";
import { refuseBadAlignment } from "./alignment";
import { readPeople } from "./people";
import { refuseArchivedKeyResult, refuseArchivedObjective } from "./archived";
import { UserError } from "./errors";
import { withDocumentLock } from "./lock";
import { readCycles, readKeyResult, readObjectives } from "./records";
import { columnValues, findRowWith, headerOf, headerTable, keyResultRow, objectiveRow } from "./rows";
import {
  appendBelow,
  appendRows,
  openTracker,
  readTable,
  formatRows,
  writeRows,
  type Table,
  type Tracker,
} from "./tables";

const LAST_OBJECTIVE = "okr.lastObjectiveNumber";
/** Unreadable rows the overview lists: enough to find and fix them, few enough to stay small. */
const MAX_PROBLEMS = 20;

export function krRow(id: string, objectiveId: string, kr: KeyResultInput): Record<string, unknown> {
  return {
    ID: id,
    "Objective ID": objectiveId,
    "Key result": textForCell(kr.title),
    Type: kr.type,
    Start: kr.start,
    Target: kr.target,
    Current: kr.current ?? kr.start,
    // Written blank so the row is one contiguous write.
    Confidence: "",
    "Last check-in": "",
    Unit: textForCell(kr.unit ?? ""),
    Weight: kr.weight,
    Owner: textForCell(kr.owner ?? ""),
    State: ACTIVE,
  };
}

const [ACTIVE, ARCHIVED] = STATES;

/** One more than the highest number `pick` finds in the IDs, so no ID is ever reused. */
function nextNumber(ids: readonly string[], pick: (id: string) => number): number {
  let max = 0;
  for (const id of ids) max = Math.max(max, pick(id) || 0);
  return max + 1;
}

/** The next objective's number: above every ID on the sheet and every number given before (a deleted row's too). */
export function nextObjectiveNumber(objectives: Table): number {
  const ids = objectives.rowsWith("ID").map((r) => objectives.text(r, "ID"));
  return Math.max(
    nextNumber(ids, (id) => Number((OBJECTIVE_ID.exec(id) || [])[1])),
    Number(PropertiesService.getDocumentProperties().getProperty(LAST_OBJECTIVE) ?? 0) + 1,
  );
}

export function rememberObjectiveNumber(number: number): void {
  PropertiesService.getDocumentProperties().setProperty(LAST_OBJECTIVE, String(number));
}

/** The Objectives column of each field a request may set. */
const OBJECTIVE_COLUMNS = {
  title: "Objective",
  cycle: "Cycle",
  team: "Team",
  owner: "Owner",
  commitment: "Commitment",
  description: "Description",
  parent: "Parent",
};

/** Cells of a new or updated objective row (only the fields given), text made safe. */
function objectiveCells(fields: Partial<Record<keyof typeof OBJECTIVE_COLUMNS, string>>): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const [field, header] of Object.entries(OBJECTIVE_COLUMNS)) {
    const value = fields[field as keyof typeof OBJECTIVE_COLUMNS];
    if (value !== undefined) cells[header] = textForCell(value);
  }
  return cells;
}

/** A key result's numbers, and the format each column has when they are not percentages. */
const KR_NUMBERS = new Map(
  ["Start", "Target", "Current", "Forecast"].map((header) => [
    header,
    KEY_RESULTS.columns.find((column) => column.header === header)?.numberFormat ?? "General",
  ]),
);

/**
 * Percentage key results show their numbers, forecast included, as percentages. New rows need it
 * only for percentages; an edited row always (its type may have changed).
 */
export function formatKrNumbers(table: Table, firstRow: number, krs: readonly KeyResultInput[], always = false): void {
  formatRows(table, firstRow, krs.length, [...KR_NUMBERS.keys()], (row, header) =>
    krs[row].type === "percentage" ? "0%" : always ? (KR_NUMBERS.get(header) as string) : null,
  );
}

/**
 * Set up and Repair give every row its column's formats (the Forecast column's is a plain number):
 * percentage key results then get theirs back. One read of the sheet, one call per format.
 */
export function reformatPercentages(tracker: Tracker): void {
  const keyResults = readTable(tracker, KEY_RESULTS);
  const percentage = (row: number) => /^\s*percentage\s*$/i.test(keyResults.text(row + 1, "Type"));
  formatRows(keyResults, 2, keyResults.values.length - 1, [...KR_NUMBERS.keys()], (row) =>
    percentage(row) ? "0%" : null,
  );
}

/** The objective's cycle must be in the Cycles sheet; a quarter like 2026-Q4 is added when missing. */
function ensureCycle(tracker: Tracker, cycle: string): void {
  const cycles = readTable(tracker, CYCLES);
  cycles.require(["Cycle", "Start", "End"]);
  if (cycles.findRow("Cycle", cycle) >= 0) return;
  const quarter = quarterNamed(cycle);
  if (!quarter)
    throw new UserError(
      "unknown-id",
      "There is no cycle " + cycle + " in the Cycles sheet. Add it there first.",
      "cycle",
    );
  appendRows(cycles, [
    { Cycle: quarter.id, Start: tracker.calendar.cellFor(quarter.start), End: tracker.calendar.cellFor(quarter.end) },
  ]);
}

export function createObjective(input: ObjectiveInput): { id: string; keyResultIds: string[] } {
  return withDocumentLock(() => {
    const tracker = openTracker();
    // The two headers, not the sheets: creating costs the same at 10 or 10,000 key results.
    const objectives = headerTable(tracker, OBJECTIVES);
    const keyResults = headerTable(tracker, KEY_RESULTS);
    objectives.require(["ID", "Objective", "Cycle", "Team", "Owner", "Commitment", "State", "Description"]);
    keyResults.require(Object.keys(krRow("", "", { title: "", type: "increase", start: 0, target: 1, weight: 1 })));
    const parent = input.parent ?? "";
    if (parent)
      // A parent is checked against every objective (same cycle, no loop): only then is the sheet read.
      refuseBadAlignment(readTable(tracker, OBJECTIVES), null, {
        cycle: input.cycle,
        parent,
        movedCycle: false,
        newParent: true,
      });
    if (findRowWith(tracker, CYCLES, headerOf(tracker, CYCLES), "Cycle", input.cycle) < 0)
      ensureCycle(tracker, input.cycle);

    const number = freeObjectiveNumber(tracker, objectives);
    const id = formatObjectiveId(number);
    const row = {
      ID: id,
      ...objectiveCells({
        ...input,
        team: input.team ?? "",
        owner: input.owner ?? "",
        description: input.description ?? "",
        parent: undefined,
      }),
      State: ACTIVE,
      // Apart, so an objective without a parent stays one appendRow (and needs no Parent column).
      ...(parent ? { Parent: parent } : {}),
      ...(input.weight !== undefined ? { Weight: input.weight } : {}),
    };
    appendBelow(objectives, [row]);

    const krIds = input.keyResults.map((_, i) => formatKeyResultId(number, i + 1));
    // A key result without an owner is its objective's owner's.
    const krs = input.keyResults.map((kr) => ({ ...kr, owner: kr.owner || input.owner }));
    if (krs.length) {
      const firstKrRow = appendBelow(
        keyResults,
        krs.map((kr, i) => krRow(krIds[i], id, kr)),
      );
      formatKrNumbers(keyResults, firstKrRow > 0 ? firstKrRow : keyResults.sheet.getLastRow(), input.keyResults);
    }
    rememberObjectiveNumber(number);
    return { id, keyResultIds: krIds };
  });
}

/**
 * The next objective number without reading the Objectives sheet: one more than the number last
 * given, when no row holds that ID yet (one search). Otherwise (IDs typed by hand, a copied
 * spreadsheet) every ID is read, as nextObjectiveNumber does.
 */
function freeObjectiveNumber(tracker: Tracker, objectives: Table): number {
  const last = Number(PropertiesService.getDocumentProperties().getProperty(LAST_OBJECTIVE) ?? 0);
  const header = objectives.values[0] as string[];
  if (last > 0 && findRowWith(tracker, OBJECTIVES, header, "ID", formatObjectiveId(last + 1)) < 0) return last + 1;
  return nextObjectiveNumber(readTable(tracker, OBJECTIVES));
}

export function addKeyResult({ objectiveId, keyResult }: InputOf<"addKeyResult">): { id: string } {
  return withDocumentLock(() => {
    const tracker = openTracker();
    // Its objective's row and the key results' IDs, not the sheets: adding costs the same at 10 or
    // 10,000 key results.
    const located = objectiveRow(tracker, objectiveId);
    const objectives = located.table;
    const parentRow = located.row >= 0 ? located.row : objectives.rowOf(objectiveId, "objective", "objectiveId");
    refuseArchivedObjective(objectives, objectiveId, "objectiveId", "takes no new key results");
    const kr = { ...keyResult, owner: keyResult.owner || objectives.text(parentRow, "Owner") };
    const keyResults = headerTable(tracker, KEY_RESULTS);
    const row = krRow("", objectiveId, kr);
    const parent = Number((OBJECTIVE_ID.exec(objectiveId) as RegExpExecArray)[1]);
    const id = formatKeyResultId(
      parent,
      nextNumber(columnValues(keyResults, "ID").map(String), (id) => {
        const match = KEY_RESULT_ID.exec(id);
        return match && Number(match[1]) === parent ? Number(match[2]) : 0;
      }),
    );
    const written = appendBelow(keyResults, [{ ...row, ID: id }]);
    if (kr.type === "percentage")
      formatKrNumbers(keyResults, written > 0 ? written : keyResults.sheet.getLastRow(), [kr]);
    return { id };
  });
}

export function updateObjective({ id, changes }: InputOf<"updateObjective">): void {
  withDocumentLock(() => {
    const tracker = openTracker();
    // Its row; the whole sheet only when a new parent or cycle must be checked against the others.
    const located = objectiveRow(tracker, id);
    const objectives = located.table;
    const row = located.row >= 0 ? located.row : objectives.rowOf(id, "objective", "id");
    refuseArchivedObjective(objectives, id, "id", "can't be edited");
    const movedCycle = changes.cycle !== undefined && changes.cycle !== objectives.text(row, "Cycle");
    const newParent = changes.parent !== undefined && changes.parent !== objectives.text(row, "Parent");
    if (movedCycle || newParent)
      refuseBadAlignment(readTable(tracker, OBJECTIVES), id, {
        cycle: changes.cycle ?? objectives.text(row, "Cycle"),
        parent: changes.parent ?? objectives.text(row, "Parent"),
        movedCycle,
        newParent,
      });
    if (changes.cycle !== undefined) ensureCycle(tracker, changes.cycle);
    // The Parent cell is written only when it changes: trackers without the column can still be edited.
    const cells: Record<string, unknown> = objectiveCells({
      ...changes,
      parent: newParent ? changes.parent : undefined,
    });
    if (changes.weight !== undefined) cells.Weight = changes.weight;
    if (Object.keys(cells).length) writeRows(objectives, row + 1, [cells]);
  });
}

/** Replaces a key result's definition; its current value and history stay. */
export function updateKeyResult({ id, keyResult }: InputOf<"updateKeyResult">): void {
  withDocumentLock(() => {
    const tracker = openTracker();
    // Its row and its objective's, not the sheets (rows.ts).
    const located = keyResultRow(tracker, id);
    const keyResults = located.table;
    const row = located.row >= 0 ? located.row : keyResults.rowOf(id, "key result", "id");
    const kr = readKeyResult(keyResults, row);
    refuseArchivedKeyResult(kr, objectiveRow(tracker, kr.objectiveId).table, "id", "can't be edited");
    if (keyResult.current === undefined) refuseKeptCurrentThatDoesNotFit(kr, keyResult);
    const cells = krRow(id, kr.objectiveId, keyResult);
    for (const kept of ["State", "Confidence", "Last check-in"]) delete cells[kept];
    if (keyResult.current === undefined) delete cells.Current;
    writeRows(keyResults, row + 1, [cells]);
    formatKrNumbers(keyResults, row + 1, [keyResult], true);
  });
}

/**
 * An edit without a current value keeps the row's: it must still fit the (maybe new) type, or an
 * increase at 120 would read as a milestone done or a percentage of 12,000%. Refused rather than
 * reset: the way on is a check-in of a value that fits, so History records the change too.
 */
function refuseKeptCurrentThatDoesNotFit(kr: KeyResultView, edit: KeyResultInput): void {
  const range = valueRange(edit.type);
  if (kr.current === null || !range || range.fits(kr.current)) return;
  throw new UserError(
    "invalid-input",
    kr.id +
      "'s current value " +
      describeValue(kr.current) +
      " doesn't fit " +
      range.what +
      ". Check in " +
      range.values +
      " first, then change the type; or keep its type (" +
      kr.type +
      ").",
    "keyResult.type",
  );
}

/** Archiving keeps the row (and its history) and takes it out of progress; never a hard delete. */
export function setArchived({ kind, id, archived }: InputOf<"setArchived">): void {
  withDocumentLock(() => {
    const tracker = openTracker();
    const located = kind === "objective" ? objectiveRow(tracker, id) : keyResultRow(tracker, id);
    const table = located.table;
    const row =
      located.row >= 0 ? located.row : table.rowOf(id, kind === "objective" ? "objective" : "key result", "id");
    writeRows(table, row + 1, [{ State: archived ? ARCHIVED : ACTIVE }]);
  });
}

export function getOverview(filter: InputOf<"getOverview">, now = new Date()): Overview {
  const tracker = openTracker(now);
  const today = tracker.calendar.today();
  const objectives = readTable(tracker, OBJECTIVES);
  const keyResults = readTable(tracker, KEY_RESULTS);
  const cycleTable = readTable(tracker, CYCLES);
  objectives.require(["ID", "Objective", "Cycle"]);
  keyResults.require(["ID", "Objective ID", "Key result", "Type", "Start", "Target", "Current"]);
  const cycles = readCycles(cycleTable, today);
  const all = readObjectives(objectives, keyResults, cycles);
  const current = quarterOf(today).id;
  const cycle = filter.cycle ?? (cycles.has(current) ? current : "");
  const teamAndOwner = (o: ObjectiveView) =>
    (!filter.team || o.team === filter.team) &&
    (!filter.owner || o.owner === filter.owner || o.keyResults.some((kr) => kr.owner === filter.owner));
  const visible = all.filter(
    (o) => (!cycle || o.cycle === cycle) && teamAndOwner(o) && (filter.includeArchived || !o.archived),
  );
  for (const objective of visible)
    if (!filter.includeArchived) objective.keyResults = objective.keyResults.filter((kr) => !kr.archived);
  // The running cycle's, whatever cycle is shown; the team and owner filters apply.
  const due = needsUpdate(all.filter(teamAndOwner), cycles, today, filter.owner);
  const sorted = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
  return {
    locale: tracker.spreadsheet.getSpreadsheetLocale(),
    cycles: [...cycles.values()],
    currentCycle: cycle,
    teams: sorted(all.map((o) => o.team)),
    owners: sorted(all.flatMap((o) => [o.owner, ...o.keyResults.map((kr) => kr.owner)])),
    // A page, not the tracker: the answer stays small at 10,000 key results.
    objectives: filter.limit ? visible.slice(0, filter.limit) : visible,
    total: visible.length,
    needsUpdate: due,
    people: readPeople(tracker),
    alignable: all
      .filter((o) => !o.archived)
      .map((o) => ({ id: o.id, title: o.title, cycle: o.cycle, parent: o.parent })),
    problems: all
      .flatMap((o) => o.keyResults.filter((kr) => kr.problem).map((kr) => kr.problem as string))
      .slice(0, MAX_PROBLEMS),
  };
}
