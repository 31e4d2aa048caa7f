/**
 * Turning tracker rows into the model and back. Reads are forgiving (a person may have typed
 * "1,200" or left a cell blank) and every problem names the sheet, the row and the column.
 */
import { describeValue, isBlank, isoDate, parseDate, parseNumber } from "../core/cell-values";
import { dayFromNumber } from "../core/forecast";
import { readTrend, type TrendState } from "../core/trend";
import { KEY_RESULTS } from "../core/layout";
import { apply } from "../core/rulebook/kit";
import { RULES } from "../core/rulebook/rules";
import { isArchived, isClosed, KR_TYPES, type KrType } from "../core/vocabulary";
import { finalGrading, gradeOf } from "../core/grading";
import { UserError } from "./errors";
import type { Table } from "./tables";
import type { CycleView, KeyResultForecast, KeyResultView, ObjectiveView } from "../core/contract";

const DEFAULT_WEIGHT = RULES.countedWeight.args[0].default;

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

/** A frozen Final score: a number, or null when blank or not a number (nothing to show, nothing to refuse). */
function finalScore(table: Table, row: number): number | null {
  const value = table.cell(row, "Final score");
  if (isBlank(value)) return null;
  const parsed = parseNumber(value);
  return parsed.ok ? parsed.value : null;
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
    chance: apply(RULES.chance, { ...points, target: kr.target }),
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
  const views = objectives.rowsWith("ID").map((row): ObjectiveView => {
    const id = objectives.text(row, "ID");
    const krs = byObjective.get(id) ?? [];
    const cycle = objectives.text(row, "Cycle");
    const expected = cycles.get(cycle)?.expected ?? null;
    for (const kr of krs) {
      const checked = RULES.checkedIn.compute(kr.lastCheckIn);
      kr.view.status = apply(RULES.status, { progress: kr.view.progress, expected, checked_in: checked });
      kr.view.forecast = forecastOf(kr, cycles.get(cycle));
    }
    const progress = apply(RULES.rollup, {
      weighted_progress: krs.map((kr) => RULES.weightedProgress.compute(kr.view.progress, kr.countedWeight)),
      counted_weight: krs.map((kr) => kr.countedWeight),
    });
    const commitment = objectives.text(row, "Commitment").toLowerCase() === "committed" ? "committed" : "aspirational";
    const checked = RULES.anyCheckIn.compute(krs.map((kr) => RULES.countedCheckIn.compute(kr.lastCheckIn, kr.state)));
    return {
      id,
      title: objectives.text(row, "Objective"),
      cycle,
      team: objectives.text(row, "Team"),
      owner: objectives.text(row, "Owner"),
      commitment,
      archived: isArchived(objectives.text(row, "State")),
      description: objectives.text(row, "Description"),
      progress,
      expected,
      status: apply(RULES.status, { progress, expected, checked_in: checked }),
      score: apply(RULES.score, { progress }),
      ...finalGrading(finalScore(objectives, row), commitment),
      retrospective: objectives.text(row, "Retrospective"),
      carriedFrom: objectives.text(row, "Carried from"),
      parent: objectives.text(row, "Parent"),
      parentTitle: "",
      keyResults: krs.map((kr) => kr.view),
      sheetRow: row + 1,
      forecast: objectiveForecast(krs),
    };
  });
  const titles = new Map(views.map((o) => [o.id, o.title]));
  for (const o of views) o.parentTitle = titles.get(o.parent) ?? "";
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
