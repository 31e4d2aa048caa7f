/**
 * The Dashboard sheet: small formula tables over Cycles, Objectives, Key Results and History, and the
 * native charts drawn from them (src/server/dashboard.ts builds them). Everything is a formula, so the
 * charts follow every check-in without a script run.
 *
 * Cost is bounded by design. Each source sheet is scanned by ONE filter (a span of its columns), never
 * cell by cell: the cycle's objectives (the first OBJECTIVES of them, or of the chosen team), their key
 * results, and those key results' History rows since the cycle started (at most CHANGES). Every other
 * cell works on those small tables. An objective's progress on a past date is its progress now minus
 * what its key results gained after that date (each History row holds the value before and after it),
 * so the latest point always equals the Objectives sheet.
 */
import { columnLetter, type ColumnPositions, quoteSheet } from "./formulas";
import type { SheetKey } from "./layout";
import { formulaOf } from "./rulebook/kit";
import { RULES } from "./rulebook/rules";
import { STATUSES } from "./status";
import { STATES } from "./vocabulary";

const ARCHIVED = STATES[1];

export const DASHBOARD_NAME = "Dashboard";
/** Lines on the progress chart: more would not be readable; choosing a team shows the others. */
export const OBJECTIVES = 10;
/** Dates on the time axis: a quarter's weeks and the day after its end. */
export const POINTS = 16;
/** Teams in the status chart. */
export const TEAMS = 12;
/** Key results of the shown objectives. */
export const KEY_RESULTS = 50;
/** History rows of those key results in the cycle (weekly check-ins of a team's 12 key results over a quarter); a note says when there are more. */
export const CHANGES = 150;

/** The two cells a person fills in; Repair keeps what they hold. */
export const INPUTS = { cycle: "B4", team: "B5" } as const;

const ROW = { title: 1, note: 2, cycle: 4, team: 5, from: 6, to: 7, every: 8 };
/** Working tables start here (to the right of the charts and tables people read). */
const WORK_COL = 16;
/** Each table's header row (its rows follow) and first column. */
export const TABLES = {
  weeks: { row: 47, col: 1 },
  objectives: { row: 67, col: 1 },
  teams: { row: 81, col: 1 },
  cycleObjectives: { row: 47, col: WORK_COL },
  keyResults: { row: 47 + OBJECTIVES + 4, col: WORK_COL },
  gains: { row: 47 + OBJECTIVES + 4 + KEY_RESULTS + 4, col: WORK_COL },
  changes: { row: 47 + OBJECTIVES + 4 + KEY_RESULTS + 4 + POINTS + 3, col: WORK_COL },
};

export interface DashboardCell {
  row: number;
  col: number;
  /** A label, or a formula starting with "=". */
  content: string;
  numberFormat?: string;
  bold?: boolean;
}

export interface DashboardChart {
  title: string;
  kind: "line" | "bar";
  /** A1 ranges on the Dashboard: the first column is the domain, each further column a series. */
  ranges: string[];
  row: number;
  col: number;
  stacked?: boolean;
  /** The value axis: percentages, confidence 0–10, or counts. */
  axis: "percent" | "confidence" | "count";
  colors: string[];
  /** Series drawn dashed (by index): the expected line. */
  dashed?: number[];
}

function a1(row: number, col: number, fixed = true): string {
  const d = fixed ? "$" : "";
  return d + columnLetter(col) + d + row;
}

function span(row: number, col: number, rows: number, cols = 1): string {
  return a1(row, col) + ":" + a1(row + rows - 1, col + cols - 1);
}

/** One filter over a span of a sheet's columns; `at(header)` is where a column lands in the result. */
function spanOf(positions: ColumnPositions, sheet: SheetKey, headers: string[]) {
  const index = (header: string) => {
    const i = positions.column(sheet, header);
    if (!i) throw new Error("The " + positions.sheetName(sheet) + " sheet has no '" + header + "' column.");
    return i;
  };
  const first = Math.min(...headers.map(index));
  const last = Math.max(...headers.map(index));
  const name = quoteSheet(positions.sheetName(sheet)) + "!";
  const column = (header: string) => name + columnLetter(index(header)) + "2:" + columnLetter(index(header));
  return {
    range: name + columnLetter(first) + "2:" + columnLetter(last),
    width: last - first + 1,
    column,
    offset: (header: string) => index(header) - first,
  };
}

export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The Dashboard's cells, given where the tracker's columns are now, and the blocks the Dashboard owns
 * (written whole, blank where no cell is, so arrays can spill; the input cells are outside them).
 */
export function dashboardCells(positions: ColumnPositions): { cells: DashboardCell[]; blocks: Block[] } {
  const cells: DashboardCell[] = [];
  const blocks: Block[] = [
    { row: 1, col: 1, rows: 8, cols: 1 },
    { row: ROW.from, col: 2, rows: 3, cols: 1 },
    { row: ROW.cycle, col: 3, rows: 4, cols: 1 },
  ];
  const own = (row: number, col: number, rows: number, cols: number) => blocks.push({ row, col, rows, cols });
  const put = (row: number, col: number, content: string, extra: Partial<DashboardCell> = {}) =>
    cells.push({ row, col, content, ...extra });
  const label = (row: number, col: number, text: string) => put(row, col, text, { bold: true });

  const chosenCycle = a1(ROW.cycle, 2);
  const team = a1(ROW.team, 2);
  const cycle = a1(ROW.cycle, 3);
  const from = a1(ROW.from, 2);
  const to = a1(ROW.to, 2);
  const step = a1(ROW.every, 2);

  label(ROW.title, 1, "OKR dashboard");
  put(
    ROW.note,
    1,
    "The charts follow every check-in. Choose a cycle or a team in the yellow cells (blank: the cycle running today, every team). Repair tracker or Rebuild dashboard puts the charts back.",
  );

  // The cycle: the one chosen, else the one running today, else the first listed.
  const cy = spanOf(positions, "cycles", ["Cycle", "Start", "End"]);
  label(ROW.cycle, 1, "Cycle");
  put(
    ROW.cycle,
    3,
    `=IF(${chosenCycle}<>"",${chosenCycle},IFERROR(INDEX(FILTER(${cy.column("Cycle")},${cy.column("Start")}<=TODAY(),` +
      `${cy.column("End")}>=TODAY()),1),IFERROR(INDEX(FILTER(${cy.column("Cycle")},${cy.column("Cycle")}<>""),1),"")))`,
  );
  label(ROW.team, 1, "Team");
  put(ROW.team, 3, `=IF(${team}="","every team",${team})`);
  const cycleDate = (h: string) => {
    const date = `SUMIF(${cy.column("Cycle")},${cycle},${cy.column(h)})`;
    return `=IF(${cycle}="",,IF(${date}=0,,${date}))`;
  };
  label(ROW.from, 1, "From");
  put(ROW.from, 2, cycleDate("Start"), { numberFormat: "yyyy-mm-dd" });
  label(ROW.to, 1, "To");
  put(ROW.to, 2, cycleDate("End"), { numberFormat: "yyyy-mm-dd" });
  label(ROW.every, 1, "Points every");
  put(ROW.every, 2, `=IF(${from}="",,MAX(7,CEILING((${to}-${from}+1)/${POINTS - 2},1)))`, { numberFormat: '0 "days"' });

  // Working table 1: the cycle's active objectives (of the chosen team), first OBJECTIVES of them.
  const ob = spanOf(positions, "objectives", [
    "ID",
    "Objective",
    "Cycle",
    "Team",
    "State",
    "Progress",
    "Expected",
    "Status",
  ]);
  const shown =
    `${ob.column("ID")}<>"",${ob.column("Cycle")}=${cycle},${ob.column("State")}<>"${ARCHIVED}",` +
    `((${team}="")+(${ob.column("Team")}=${team}))>0`;
  const co = TABLES.cycleObjectives;
  label(co.row - 2, co.col, "Working tables (computed for the charts; Repair rewrites them)");
  label(co.row - 1, co.col, "Objectives shown");
  for (const h of ["ID", "Objective", "Team", "Progress", "Expected", "Status"])
    label(co.row, co.col + ob.offset(h), h);
  put(
    co.row + 1,
    co.col,
    `=ARRAYFORMULA(IFERROR(ARRAY_CONSTRAIN(FILTER(${ob.range},${shown}),${OBJECTIVES},${ob.width}),""))`,
  );
  own(co.row - 2, co.col, OBJECTIVES + 3, ob.width);
  const shownColumn = (h: string) => span(co.row + 1, co.col + ob.offset(h), OBJECTIVES);
  const ids = shownColumn("ID");

  // The readable objectives table (the bar chart's data).
  const o = TABLES.objectives;
  own(o.row - 1, o.col, OBJECTIVES + 2, 6);
  label(o.row - 1, o.col, "Objectives now: progress against expected");
  const visible: [string, string, string?][] = [
    ["Team", "Team"],
    ["Progress", "Progress", "0%"],
    ["Expected", "Expected", "0%"],
    ["Status", "Status"],
    ["ID", "ID"],
  ];
  label(o.row, o.col, "Objective");
  const titles = shownColumn("Objective");
  put(
    o.row + 1,
    o.col,
    `=ARRAYFORMULA(IF(${ids}="",,${ids}&" "&IF(LEN(${titles})>40,LEFT(${titles},39)&"…",${titles})))`,
  );
  visible.forEach(([name, h, format], i) => {
    label(o.row, o.col + 1 + i, name);
    put(o.row + 1, o.col + 1 + i, `=ARRAYFORMULA(${shownColumn(h)}&"")`, { numberFormat: format });
  });
  // Progress and Expected as numbers (&"" above makes text of blanks only for the text columns).
  put(o.row + 1, o.col + 2, `=ARRAYFORMULA(IF(${shownColumn("Progress")}="",,${shownColumn("Progress")}))`, {
    numberFormat: "0%",
  });
  put(o.row + 1, o.col + 3, `=ARRAYFORMULA(IF(${shownColumn("Expected")}="",,${shownColumn("Expected")}))`, {
    numberFormat: "0%",
  });
  const shownId = (j: number) => a1(o.row + 1 + j, o.col + 5);
  const shownProgress = (j: number) => a1(o.row + 1 + j, o.col + 2);
  // How many objectives the choice holds (COUNTIFS: one pass, no filter).
  const inCycle = `${ob.column("ID")},"?*",${ob.column("Cycle")},${cycle},${ob.column("State")},"<>${ARCHIVED}"`;
  const count = `IF(${team}="",COUNTIFS(${inCycle}),COUNTIFS(${inCycle},${ob.column("Team")},${team}))`;
  put(
    ROW.from,
    3,
    `=IF(${count}>${OBJECTIVES},"Showing the first ${OBJECTIVES} of "&${count}&" objectives: choose a team to see the others.","")`,
  );

  // Working table 2: the shown objectives' key results; Share is what each counts in its objective.
  const kr = spanOf(positions, "keyResults", ["ID", "Objective ID", "Type", "Start", "Target", "Counted weight"]);
  const k = TABLES.keyResults;
  const weightCol = k.col + kr.width;
  own(k.row - 1, k.col, KEY_RESULTS + 2, kr.width + 2);
  label(k.row - 1, k.col, "Key results of the objectives shown");
  for (const h of ["ID", "Objective ID", "Type", "Start", "Target", "Counted weight"])
    label(k.row, k.col + kr.offset(h), h);
  label(k.row, weightCol, "Objective weight");
  label(k.row, weightCol + 1, "Share");
  put(
    k.row + 1,
    k.col,
    `=ARRAYFORMULA(IFERROR(ARRAY_CONSTRAIN(FILTER(${kr.range},${kr.column("ID")}<>"",` +
      `COUNTIF(${ids},${kr.column("Objective ID")})>0),${KEY_RESULTS},${kr.width}),""))`,
  );
  const kColumn = (h: string) => span(k.row + 1, k.col + kr.offset(h), KEY_RESULTS);
  const weights = span(k.row + 1, weightCol, KEY_RESULTS);
  put(
    k.row + 1,
    weightCol,
    `=ARRAYFORMULA(IF(${kColumn("ID")}="",,SUMIF(${kColumn("Objective ID")},${kColumn("Objective ID")},${kColumn("Counted weight")})))`,
  );
  put(
    k.row + 1,
    weightCol + 1,
    `=ARRAYFORMULA(IF(${kColumn("ID")}="",,IFERROR(${kColumn("Counted weight")}/${weights},0)))`,
  );
  // Looked up by KR ID: the table from its ID column to Share.
  const byId = span(k.row + 1, k.col + kr.offset("ID"), KEY_RESULTS, weightCol + 2 - (k.col + kr.offset("ID")));
  /** A column of that table, looked up for each of `keys`. */
  const lookUp = (keys: string, col: number) => `VLOOKUP(${keys},${byId},${col - (k.col + kr.offset("ID")) + 1},FALSE)`;

  // Working table 3: their History rows since the cycle started: the only read of History.
  const hi = spanOf(positions, "history", ["Timestamp", "KR ID", "Previous value", "New value", "Confidence"]);
  const c = TABLES.changes;
  const computed = [
    "Objective ID",
    "Type",
    "Start",
    "Target",
    "Share",
    "Progress before",
    "Progress after",
    "Change",
    "Point",
    "Key",
    "Has confidence",
  ];
  const cRaw = c.col + computed.length;
  own(c.row - 1, c.col, CHANGES + 2, computed.length + hi.width);
  label(c.row - 1, c.col, "Their History rows in the cycle");
  computed.forEach((h, i) => label(c.row, c.col + i, h));
  for (const h of ["Timestamp", "KR ID", "Previous value", "New value", "Confidence"])
    label(c.row, cRaw + hi.offset(h), h);
  put(
    c.row + 1,
    cRaw,
    `=ARRAYFORMULA(IFERROR(ARRAY_CONSTRAIN(FILTER(${hi.range},${hi.column("KR ID")}<>"",${hi.column("Timestamp")}>=${from},` +
      `COUNTIF(${kColumn("ID")},${hi.column("KR ID")})>0),${CHANGES},${hi.width}),""))`,
  );
  const cColumn = (h: string) => span(c.row + 1, cRaw + hi.offset(h), CHANGES);
  const cComputed = (h: string) => span(c.row + 1, c.col + computed.indexOf(h), CHANGES);
  const look = (col: number) => lookUp(cColumn("KR ID"), col);
  const lookups: [string, string][] = [
    ["Objective ID", look(k.col + kr.offset("Objective ID"))],
    ["Type", look(k.col + kr.offset("Type"))],
    ["Start", look(k.col + kr.offset("Start"))],
    ["Target", look(k.col + kr.offset("Target"))],
    ["Share", look(weightCol + 1)],
  ];
  lookups.forEach(([h, expr]) => put(c.row + 1, c.col + computed.indexOf(h), `=ARRAYFORMULA(IFERROR(${expr},""))`));
  // What each row changed in its objective's progress: the rulebook's progress before and after it,
  // then its weighted share (a blank counting 0, as in the objective's roll-up).
  const progress = (value: string) =>
    formulaOf(RULES.progress, {
      current: value,
      target: cComputed("Target"),
      start: cComputed("Start"),
      type: cComputed("Type"),
    });
  const counted = (h: string) =>
    formulaOf(RULES.weightedProgress, { progress: cComputed(h), counted_weight: cComputed("Share") });
  // No blank-row guard in these per-row columns: each function costs per row on every check-in, and a
  // blank row's values (0, "") match no objective's key below.
  const keyed = (expr: string) => `=ARRAYFORMULA(IFERROR(${expr},0))`;
  put(c.row + 1, c.col + computed.indexOf("Progress before"), keyed(progress(cColumn("Previous value"))));
  put(c.row + 1, c.col + computed.indexOf("Progress after"), keyed(progress(cColumn("New value"))));
  put(
    c.row + 1,
    c.col + computed.indexOf("Change"),
    keyed(counted("Progress after") + "-" + counted("Progress before")),
  );

  put(
    ROW.to,
    3,
    `=IF(COUNTIF(${cColumn("KR ID")},"?*")>=${CHANGES},"These objectives have more than ${CHANGES} History rows in the cycle: ` +
      `the lines read the first ${CHANGES}. Choose a team to show fewer objectives.","")`,
  );

  // Which interval of the time axis each row falls in (point p: on or after date p-1, before date p),
  // as text keys, so the tables below are COUNTIF/SUMIF lookups rather than scans.
  const cRow0 = c.row + 1;
  // (IF, not MIN: MIN inside ARRAYFORMULA totals the whole column.)
  const index = `FLOOR((${cColumn("Timestamp")}-${from})/${step},1)+1`;
  // From the day after the cycle's end: past every point (the last point is that day, not a step).
  const last = POINTS - 1;
  const capped = `IF(${cColumn("Timestamp")}>=${to}+1,${last},IF(${index}>${last},${last},${index}))`;
  put(cRow0, c.col + computed.indexOf("Point"), `=ARRAYFORMULA(IF(${cColumn("Timestamp")}="",,"p"&${capped}))`);
  put(cRow0, c.col + computed.indexOf("Key"), `=ARRAYFORMULA(${cComputed("Objective ID")}&"|"&${cComputed("Point")})`);
  put(cRow0, c.col + computed.indexOf("Has confidence"), `=ARRAYFORMULA((${cColumn("Confidence")}<>"")*1)`);

  // What each objective gained in each interval (rows: intervals 1…POINTS-1, columns: the objectives).
  const g = TABLES.gains;
  own(g.row - 1, g.col, POINTS + 1, OBJECTIVES + 1);
  label(g.row - 1, g.col, "Progress gained by each objective in each interval");
  label(g.row, g.col, "Interval");
  for (let j = 0; j < OBJECTIVES; j++) put(g.row, g.col + 1 + j, `=${shownId(j)}&""`, { bold: true });
  for (let m = 1; m < POINTS; m++) {
    put(g.row + m, g.col, "p" + m);
    for (let j = 0; j < OBJECTIVES; j++)
      put(
        g.row + m,
        g.col + 1 + j,
        `=IF(${shownId(j)}="",,SUMIF(${cComputed("Key")},${shownId(j)}&"|p${m}",${cComputed("Change")}))`,
      );
  }

  // The time axis: the cycle's start, every `step` days, and the day after its end (expected 100%).
  const w = TABLES.weeks;
  own(w.row - 1, w.col, POINTS + 2, 4 + OBJECTIVES);
  label(w.row - 1, w.col, "Progress over the cycle (as of the morning of each date; the latest point is today)");
  label(w.row, w.col, "Date");
  label(w.row, w.col + 1, "Expected");
  label(w.row, w.col + 2 + OBJECTIVES, "Check-ins");
  label(w.row, w.col + 3 + OBJECTIVES, "Average confidence");
  for (let j = 0; j < OBJECTIVES; j++) put(w.row, w.col + 2 + j, `=${a1(o.row + 1 + j, o.col)}&""`, { bold: true });
  for (let i = 0; i < POINTS; i++) {
    const r = w.row + 1 + i;
    const date = a1(r, w.col);
    put(
      r,
      w.col,
      i === 0
        ? `=IF(${from}="",,${from})`
        : `=IF(OR(${from}="",${from}+${step}*${i - 1}>${to}),,MIN(${from}+${step}*${i},${to}+1))`,
      { numberFormat: "yyyy-mm-dd" },
    );
    const expected = formulaOf(RULES.expected, { cycle_start: from, cycle_end: to, as_of: date });
    put(r, w.col + 1, `=IF(${date}="",,${expected})`, { numberFormat: "0%" });
    const future = `OR(${date}="",${date}-${step}>TODAY())`;
    for (let j = 0; j < OBJECTIVES; j++) {
      // Progress now, less what was gained on or after this date (intervals i+1 onwards).
      const later = i + 1 < POINTS ? `SUM(${span(g.row + i + 1, g.col + 1 + j, POINTS - 1 - i)})` : "0";
      put(
        r,
        w.col + 2 + j,
        `=IF(OR(${future},${shownId(j)}="",${shownProgress(j)}=""),,${shownProgress(j)}-${later})`,
        { numberFormat: "0%" },
      );
    }
    if (i === 0) continue;
    const inInterval = (values: string) => `SUMIF(${cComputed("Point")},"p${i}",${values})`;
    put(r, w.col + 2 + OBJECTIVES, `=IF(${future},,COUNTIF(${cComputed("Point")},"p${i}"))`, { numberFormat: "0" });
    put(
      r,
      w.col + 3 + OBJECTIVES,
      `=IF(${future},,IFERROR(${inInterval(cColumn("Confidence"))}/${inInterval(cComputed("Has confidence"))},))`,
      { numberFormat: "0.0" },
    );
  }

  // Objectives by status, per team: every active objective of the cycle, one COUNTIF each on "team|status".
  const t = TABLES.teams;
  const keyCol = t.col + 1 + STATUSES.length + 1;
  own(t.row - 1, t.col, TEAMS + 2, keyCol);
  label(t.row - 1, t.col, "Objectives by status, per team");
  label(t.row, t.col, "Team");
  const cycleWhere = `${ob.column("Team")}<>"",${ob.column("Cycle")}=${cycle},${ob.column("State")}<>"${ARCHIVED}"`;
  put(
    t.row + 1,
    t.col,
    `=ARRAYFORMULA(IFERROR(ARRAY_CONSTRAIN(UNIQUE(FILTER(${ob.column("Team")},${cycleWhere})),${TEAMS},1),""))`,
  );
  label(t.row, keyCol, "Team and status");
  put(
    t.row + 1,
    keyCol,
    `=ARRAYFORMULA(IFERROR(FILTER(${ob.column("Team")}&"|"&${ob.column("Status")},${cycleWhere}),""))`,
  );
  const keys = `${a1(t.row + 1, keyCol)}:${columnLetter(keyCol)}`;
  STATUSES.forEach((status, s) => {
    label(t.row, t.col + 1 + s, status);
    for (let i = 0; i < TEAMS; i++) {
      const name = a1(t.row + 1 + i, t.col);
      put(t.row + 1 + i, t.col + 1 + s, `=IF(${name}="",,COUNTIF(${keys},${name}&"|${status}"))`, {
        numberFormat: "0",
      });
    }
  });
  return { cells, blocks };
}

/** Status colours in the charts: the text colours of the sheets' status cells. */
const STATUS_CHART_COLOURS = ["#0d652d", "#34a853", "#f9ab00", "#d93025", "#9aa0a6"];
const LINE_COLOURS = [
  "#9aa0a6",
  "#1a73e8",
  "#e8710a",
  "#188038",
  "#9334e6",
  "#d01884",
  "#12b5cb",
  "#b06000",
  "#5f6368",
  "#c5221f",
  "#1967d2",
];

/** The charts, anchored over rows 10–45; the tables they draw are below. */
export function dashboardCharts(): DashboardChart[] {
  const w = TABLES.weeks;
  const o = TABLES.objectives;
  const t = TABLES.teams;
  const range = (row: number, col: number, rows: number, cols = 1) =>
    columnLetter(col) + row + ":" + columnLetter(col + cols - 1) + (row + rows - 1);
  return [
    {
      title: "Objectives' progress against expected",
      kind: "line",
      ranges: [range(w.row, w.col, POINTS + 1, 2 + OBJECTIVES)],
      row: 10,
      col: 1,
      axis: "percent",
      colors: LINE_COLOURS,
      dashed: [0],
    },
    {
      title: "Objectives now: progress and expected",
      kind: "bar",
      ranges: [range(o.row, o.col, OBJECTIVES + 1), range(o.row, o.col + 2, OBJECTIVES + 1, 2)],
      row: 10,
      col: 7,
      axis: "percent",
      colors: ["#1a73e8", "#9aa0a6"],
    },
    {
      title: "Objectives by status, per team",
      kind: "bar",
      stacked: true,
      ranges: [range(t.row, t.col, TEAMS + 1, 1 + STATUSES.length)],
      row: 28,
      col: 1,
      axis: "count",
      colors: STATUS_CHART_COLOURS,
    },
    {
      title: "Confidence over time (average of the week's check-ins, 1–10)",
      kind: "line",
      ranges: [range(w.row, w.col, POINTS + 1), range(w.row, w.col + 3 + OBJECTIVES, POINTS + 1)],
      row: 28,
      col: 7,
      axis: "confidence",
      colors: ["#e8710a"],
    },
  ];
}

/** The Dashboard's charts are ours when their title is one of these (a person's own charts are kept). */
export function isDashboardChartTitle(title: unknown): boolean {
  return dashboardCharts().some((chart) => chart.title === title);
}
