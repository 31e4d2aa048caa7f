/**
 * Turning tracker rows into the model and back. Reads are forgiving (a person may have typed
 * "1,200" or left a cell blank) and every problem names the sheet, the row and the column.
 */
import { describeValue, isBlank, isoDate, parseDate, parseNumber } from "../core/cell-values";
import { dayFromNumber } from "../core/forecast";
import { readTrend, type TrendState } from "../core/trend";
import { KEY_RESULTS } from "../core/layout";
import { apply, total } from "../core/rulebook/kit";
import { RULES } from "../core/rulebook/rules";
import { isArchived, isClosed, KR_TYPES, type KrType } from "../core/vocabulary";
import { finalGrading, gradeOf } from "../core/grading";
import { UserError } from "./errors";
import type { Table } from "./tables";
import type { CycleView, KeyResultForecast, KeyResultView, ObjectiveView } from "../core/contract";

const DEFAULT_WEIGHT = RULES.countedWeight.args[0].default;
const DEFAULT_CADENCE = RULES.needsUpdate.args[2].default;

function numberCell(table: Table, row: number, header: string): number | null {
  const value = table.cell(row, header);
  if (isBlank(value)) return null;
  const parsed = parseNumber(value);
  if (!parsed.ok) {
    throw new UserError(
      "unreadable-row",
      table.spec.name +
        " row " +
        (row + 1) +
        ", " +
        header +
        ": " +
        describeValue(String(value)) +
        " " +
        parsed.problem +
        ".",
    );
  }
  return parsed.value;
}

/** A number, or null when blank or not a number (nothing to show, nothing to refuse). */
function readableNumber(table: Table, row: number, header: string): number | null {
  const value = table.cell(row, header);
  if (isBlank(value)) return null;
  const parsed = parseNumber(value);
  return parsed.ok ? parsed.value : null;
}

/** A frozen Final score. */
function finalScore(table: Table, row: number): number | null {
  return readableNumber(table, row, "Final score");
}

/** Text as the sheet's formulas compare it (untrimmed), null when blank. */
function ruleText(table: Table, row: number, header: string): string | null {
  const value = table.cell(row, header);
  return isBlank(value) ? null : String(value);
}

export function readKeyResult(table: Table, row: number): KeyResultView {
  return keyResultRow(table, row).view;
}

/** A key result's view and the cells its objective reads, as the sheet's helper columns do. */
interface KeyResultRow {
  view: KeyResultView;
  state: string | null;
  lastCheckIn: Date | null;
  countedWeight: number;
  /** Start, target and type as the sheet's formulas read them (null where blank). */
  start: number | null;
  target: number | null;
  type: string | null;
  trend: TrendState;
}

function keyResultRow(table: Table, row: number): KeyResultRow {
  const typeText = table.text(row, "Type").toLowerCase();
  const trend = readTrend((header) => table.cell(row, header));
  const lastCheckIn = table.day(row, "Last check-in");
  const knownType = (KR_TYPES as readonly string[]).includes(typeText);
  const view: KeyResultView = {
    id: table.text(row, "ID"),
    objectiveId: table.text(row, "Objective ID"),
    title: table.text(row, "Key result"),
    // A blank or unknown type measures like an increase, as the sheet's Progress formula does.
    type: knownType ? (typeText as KrType) : "increase",
    start: 0,
    target: 0,
    current: null,
    unit: table.text(row, "Unit"),
    weight: DEFAULT_WEIGHT,
    owner: table.text(row, "Owner"),
    archived: isArchived(table.text(row, "State")),
    confidence: null,
    lastCheckIn: lastCheckIn ? isoDate(lastCheckIn) : null,
    progress: null,
    status: null,
    finalScore: finalScore(table, row),
    finalGrade: gradeOf(finalScore(table, row)),
    carriedFrom: table.text(row, "Carried from"),
    problem: null,
    sheetRow: row + 1,
    checkIns: trend.recent.map(([day, value]) => ({ date: isoDate(dayFromNumber(day)), value })),
    forecast: null,
  };
  let start: number | null = null;
  let target: number | null = null;
  try {
    start = numberCell(table, row, "Start");
    target = numberCell(table, row, "Target");
    view.current = numberCell(table, row, "Current");
    view.weight = numberCell(table, row, "Weight") ?? DEFAULT_WEIGHT;
    view.confidence = numberCell(table, row, "Confidence");
    // What the sidebar shows; blanks are the rule's business below. Answers must stay JSON-safe.
    view.start = start ?? 0;
    view.target = target ?? view.start;
    view.progress = apply(RULES.progress, {
      current: view.current,
      target,
      start,
      type: ruleText(table, row, "Type"),
    });
    if (typeText && !knownType) {
      throw new UserError(
        "unreadable-row",
        KEY_RESULTS.name +
          " row " +
          (row + 1) +
          ", Type: " +
          describeValue(typeText) +
          " is not one of " +
          KR_TYPES.join(", ") +
          ".",
      );
    }
    if (target === null)
      throw new UserError("unreadable-row", KEY_RESULTS.name + " row " + (row + 1) + ", Target: the target is blank.");
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    view.problem = error.message;
  }
  const state = ruleText(table, row, "State");
  return {
    view,
    state,
    lastCheckIn,
    countedWeight: RULES.countedWeight.compute(view.weight, state),
    start,
    target,
    type: ruleText(table, row, "Type"),
    trend,
  };
}

/** A key result's forecast in its cycle, by the rulebook's forecast entries (as the sheet's Forecast and Chance). */
function forecastOf(kr: KeyResultRow, cycle: CycleView | undefined): KeyResultForecast | null {
  const cycleStart = cycle && parseDate(cycle.start);
  const cycleEnd = cycle && parseDate(cycle.end);
  if (!cycle || !cycleStart?.ok || !cycleEnd?.ok || kr.view.problem) return null;
  const { sums } = kr.trend;
  const points = {
    check_ins: sums.n,
    sum_days: sums.t,
    sum_values: sums.v,
    sum_days_squared: sums.tt,
    sum_days_values: sums.tv,
    sum_values_squared: sums.vv,
    start: kr.start,
    cycle_start: cycleStart.value,
    cycle_end: cycleEnd.value,
    type: kr.type,
    target: kr.target,
  };
  const value = apply(RULES.forecast, points);
  const low = apply(RULES.forecastLow, points);
  const high = apply(RULES.forecastHigh, points);
  if (value === null || low === null || high === null) return null;
  const runRate = apply(RULES.runRate, { ...points, current: kr.view.current, last_check_in: kr.lastCheckIn });
  return {
    at: cycle.end,
    value,
    low,
    high,
    chance: apply(RULES.chance, points),
    runRate,
    runRateDiffers: runRate !== null && (runRate < low || runRate > high),
  };
}

/** A key result's progress by its type (the rulebook's rule), or null when there is nothing to measure yet. */
export function progressOf(kr: Pick<KeyResultView, "type" | "start" | "target" | "current">): number | null {
  return apply(RULES.progress, { current: kr.current, target: kr.target, start: kr.start, type: kr.type });
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
      expected: RULES.expected.compute(start, end, today),
      closed: isClosed(table.text(row, "State")),
      cadence: readableNumber(table, row, "Check-in every") ?? DEFAULT_CADENCE,
    });
  }
  return cycles;
}

/** Objectives with their key results and everything computed, by the rulebook, as the sheet's formulas do. */
export function readObjectives(objectives: Table, keyResults: Table, cycles: Map<string, CycleView>): ObjectiveView[] {
  const byObjective = new Map<string, KeyResultRow[]>();
  for (const row of keyResults.rowsWith("ID")) {
    const kr = keyResultRow(keyResults, row);
    const list = byObjective.get(kr.view.objectiveId) ?? [];
    list.push(kr);
    byObjective.set(kr.view.objectiveId, list);
  }
  const rows = objectives.rowsWith("ID");
  const views = rows.map((row): ObjectiveView => {
    const id = objectives.text(row, "ID");
    const krs = byObjective.get(id) ?? [];
    const cycle = objectives.text(row, "Cycle");
    const expected = cycles.get(cycle)?.expected ?? null;
    for (const kr of krs) {
      const checked = RULES.checkedIn.compute(kr.lastCheckIn);
      kr.view.status = apply(RULES.status, { progress: kr.view.progress, expected, checked_in: checked });
      kr.view.forecast = forecastOf(kr, cycles.get(cycle));
    }
    const commitment = objectives.text(row, "Commitment").toLowerCase() === "committed" ? "committed" : "aspirational";
    return {
      id,
      title: objectives.text(row, "Objective"),
      cycle,
      team: objectives.text(row, "Team"),
      owner: objectives.text(row, "Owner"),
      commitment,
      archived: isArchived(objectives.text(row, "State")),
      description: objectives.text(row, "Description"),
      // Progress, status and score follow from the roll-up below.
      progress: apply(RULES.rollup, {
        weighted_progress: krs.map((kr) => RULES.weightedProgress.compute(kr.view.progress, kr.countedWeight)),
        counted_weight: krs.map((kr) => kr.countedWeight),
      }),
      expected,
      status: null,
      score: null,
      ...finalGrading(finalScore(objectives, row), commitment),
      retrospective: objectives.text(row, "Retrospective"),
      carriedFrom: objectives.text(row, "Carried from"),
      parent: objectives.text(row, "Parent"),
      parentTitle: "",
      weight: readableNumber(objectives, row, "Weight") ?? DEFAULT_WEIGHT,
      rolledUp: false,
      keyResults: krs.map((kr) => kr.view),
      sheetRow: row + 1,
      forecast: objectiveForecast(krs),
    };
  });
  rollUp(
    views,
    views.map((o, i) => ({
      countedWeight: RULES.countedWeight.compute(o.weight, ruleText(objectives, rows[i], "State")),
      checkIns: total(
        (byObjective.get(o.id) ?? []).map((kr) => RULES.countedCheckIn.compute(kr.lastCheckIn, kr.state)),
      ),
    })),
  );
  return views;
}

/**
 * An objective's progress at its cycle's end: its key results' forecasts read as progress (the
 * rulebook's progress), rolled up as the sheet rolls up progress; a key result without a forecast
 * counts as it stands. Null while none of them has a forecast.
 */
function objectiveForecast(krs: readonly KeyResultRow[]): number | null {
  if (!krs.some((kr) => kr.view.forecast && kr.countedWeight > 0)) return null;
  const atEnd = krs.map((kr) =>
    kr.view.forecast
      ? apply(RULES.progress, { current: kr.view.forecast.value, target: kr.target, start: kr.start, type: kr.type })
      : kr.view.progress,
  );
  return apply(RULES.rollup, {
    weighted_progress: krs.map((kr, i) => RULES.weightedProgress.compute(atEnd[i], kr.countedWeight)),
    counted_weight: krs.map((kr) => kr.countedWeight),
  });
}

/**
 * The objectives' roll-up, exactly as the sheet's helper columns compute it (formulas.ts): own
 * progress from key results; one level up (Rolled-up progress) from the children's own progress;
 * Progress from the children's rolled-up progress. So progress rolls up ROLLUP_LEVELS levels.
 * An objective has a check-in once a key result of its own, its children's or grandchildren's has one.
 */
function rollUp(views: ObjectiveView[], counted: { countedWeight: number; checkIns: number }[]): void {
  const children = new Map<string, number[]>();
  // Keyed as SUMIF matches: case-insensitively.
  views.forEach((o, i) => {
    if (!o.parent) return;
    const key = o.parent.toUpperCase();
    const list = children.get(key);
    if (list) list.push(i);
    else children.set(key, [i]);
  });
  const below = (o: ObjectiveView) => children.get(o.id.toUpperCase()) ?? [];
  const own = views.map((o) => o.progress);
  const level = (previous: (number | null)[]) =>
    views.map((o, i) =>
      apply(RULES.alignedProgress, {
        own_progress: own[i],
        weighted_progress: below(o).map((c) => RULES.weightedProgress.compute(previous[c], counted[c].countedWeight)),
        counted_weight: below(o).map((c) => counted[c].countedWeight),
      }),
    );
  const progress = level(level(own));
  const ownCheckIns = counted.map((c) => c.checkIns);
  const rolledCheckIns = views.map((o, i) => ownCheckIns[i] + total(below(o).map((c) => ownCheckIns[c])));
  const titles = new Map(views.map((o) => [o.id, o.title]));
  views.forEach((o, i) => {
    const checked = RULES.anyCheckIn.compute([ownCheckIns[i], ...below(o).map((c) => rolledCheckIns[c])]);
    o.rolledUp = own[i] === null && below(o).length > 0;
    o.progress = progress[i];
    o.status = apply(RULES.status, { progress: o.progress, expected: o.expected, checked_in: checked });
    o.score = apply(RULES.score, { progress: o.progress });
    o.parentTitle = titles.get(o.parent) ?? "";
  });
}
