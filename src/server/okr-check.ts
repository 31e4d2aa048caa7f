/**
 * "Check OKRs against roadmap": the checker over the tracker's own sheets. Verdicts go into the
 * "Roadmap check" column next to each OKR (the reasons as cell notes), the sidebar gets the same
 * findings with the row to jump to, and the manager a one-paragraph summary.
 */
import { checkAgainstRoadmap, lintOkrs, type OkrInput, type RoadmapItem } from "../core/checker";
import type { InputOf, KeyResultView, OkrCheck, OkrFinding } from "../core/contract";
import { describeValue } from "../core/cell-values";
import { KEY_RESULTS, OBJECTIVES, ROADMAP, ROADMAP_CHECK } from "../core/layout";
import type { SheetKey } from "../core/layout";
import { isArchived } from "../core/vocabulary";
import { UserError } from "./errors";
import { openHistory } from "./history";
import { readKeyResult } from "./records";
import { openTracker, readTable, type Table, type Tracker } from "./tables";

interface Located {
  okr: OkrInput;
  table: Table;
  row: number;
  /** For key results, the row as read: its target counts for the quality rules. */
  keyResult?: KeyResultView;
}

export function readRoadmap(tracker: Tracker): RoadmapItem[] {
  const table = readTable(tracker, ROADMAP);
  table.require(["ID", "Item"]);
  return table.rowsWith("Item").map((r) => {
    const item = table.text(r, "Item");
    const phase = table.text(r, "Phase");
    // The phase lets "everything in Phase 1" find its items.
    const text = phase && !item.toLowerCase().includes(phase.toLowerCase()) ? item + " (" + phase + ")" : item;
    return { id: table.text(r, "ID") || "Roadmap row " + (r + 1), text };
  });
}

/** The active objectives and key results, of one cycle when `cycle` is given. */
function collect(objectives: Table, keyResults: Table, cycle?: string): Located[] {
  const located: Located[] = [];
  const archived = (table: Table, row: number) => isArchived(table.text(row, "State"));
  const inCycle = new Set<string>();
  for (const row of objectives.rowsWith("ID")) {
    if (archived(objectives, row)) continue;
    if (cycle !== undefined && objectives.text(row, "Cycle") !== cycle) continue;
    inCycle.add(objectives.text(row, "ID"));
    located.push({
      table: objectives,
      row,
      okr: {
        id: objectives.text(row, "ID"),
        kind: "objective",
        text: objectives.text(row, "Objective"),
        team: objectives.text(row, "Team"),
        cycle: objectives.text(row, "Cycle"),
      },
    });
  }
  for (const row of keyResults.rowsWith("ID")) {
    if (archived(keyResults, row)) continue;
    const kr = readKeyResult(keyResults, row);
    if (cycle !== undefined && !inCycle.has(kr.objectiveId)) continue;
    located.push({
      table: keyResults,
      row,
      keyResult: kr,
      okr: {
        id: kr.id,
        kind: "key_result",
        text: kr.title,
        objectiveId: kr.objectiveId,
        owner: kr.owner,
        lastCheckIn: kr.lastCheckIn ?? undefined,
      },
    });
  }
  return located;
}

/** For the quality rules a key result's target counts as its number, even when the title has none. */
function withTarget(located: Located): OkrInput {
  const { okr, keyResult: kr } = located;
  if (!kr || kr.type === "milestone" || kr.problem) return okr;
  return {
    ...okr,
    start: kr.start,
    target: kr.target,
    text: okr.text + " (from " + kr.start + " to " + kr.target + (kr.unit ? " " + kr.unit : "") + ")",
  };
}

export function checkOkrs(now = new Date(), cycle?: string): OkrCheck {
  const tracker = openTracker(now);
  const today = tracker.calendar.today();
  const objectives = readTable(tracker, OBJECTIVES);
  const keyResults = readTable(tracker, KEY_RESULTS);
  objectives.require(["ID", "Objective"]);
  keyResults.require(["ID", "Objective ID", "Key result"]);
  const roadmap = readRoadmap(tracker);
  const located = collect(objectives, keyResults, cycle);
  if (!located.length)
    throw new UserError("nothing-to-check", "There are no active objectives or key results to check yet.");

  const report = checkAgainstRoadmap(
    located.map((l) => l.okr),
    roadmap,
  );
  const quality = lintOkrs({ okrs: located.map(withTarget) }, { today });
  const itemText = new Map(roadmap.map((item) => [item.id, item.text]));
  // Grouped once: finding each OKR's quality findings by filtering them all grew with OKRs × findings.
  const qualityOf = new Map<string, typeof quality>();
  for (const q of quality) qualityOf.set(q.id, [...(qualityOf.get(q.id) ?? []), q]);
  const findings = located.map((l, i): OkrFinding => ({
    id: l.okr.id,
    kind: l.okr.kind,
    text: l.okr.text,
    sheet: l.table.spec.name,
    row: l.row + 1,
    roadmap: report.findings[i],
    items: report.findings[i].roadmapIds.map((id) => id + " " + (itemText.get(id) ?? "")),
    quality: qualityOf.get(l.okr.id) ?? [],
  }));
  const counts = {
    duplicate: report.summary.duplicate,
    output: report.summary.output,
    related: report.summary.related,
    ok: report.summary.ok,
    quality: quality.length,
  };
  const summary =
    "Checked " +
    located.length +
    " OKRs against " +
    roadmap.length +
    " roadmap items: " +
    counts.duplicate +
    (counts.duplicate === 1 ? " restates" : " restate") +
    " the roadmap, " +
    (counts.output ? counts.output + " deliver work the roadmap does not list, " : "") +
    counts.related +
    " measure an outcome of a roadmap item, " +
    counts.ok +
    " are independent of it. " +
    report.summary.message +
    (quality.length
      ? " Quality: " +
        quality.length +
        " finding" +
        (quality.length === 1 ? "" : "s") +
        " (see the notes in the Roadmap check column)."
      : "");
  return { findings, summary, shipTheRoadmap: report.summary.shipTheRoadmap, counts };
}

/** The cell text: the verdict and the roadmap item it matched. */
export function verdictText(finding: OkrFinding): string {
  const verdict = finding.roadmap.verdict;
  return verdict === "ok"
    ? finding.quality.length
      ? "ok (" + finding.quality.length + " quality note" + (finding.quality.length === 1 ? ")" : "s)")
      : "ok"
    : finding.items.length
      ? verdict + ": " + finding.items.join("; ")
      : verdict;
}

export function noteText(finding: OkrFinding): string {
  const lines = [finding.roadmap.reason];
  if (finding.roadmap.suggestion) lines.push("Try instead: " + finding.roadmap.suggestion);
  for (const q of finding.quality) lines.push("Quality (" + q.rule + "): " + q.message);
  return lines.join("\n");
}

/**
 * Writes each OKR's verdict and note into its sheet's Roadmap check column (one write of each per
 * sheet), and audits all of History as Repair does (everyday writes audit a block each): hand edits
 * found for the first time are recorded and added to the summary. Under the document lock.
 */
export function writeVerdicts(check: OkrCheck): OkrCheck {
  const tracker = openTracker();
  const history = openHistory(tracker);
  history.commit([]);
  for (const key of ["objectives", "keyResults"] as SheetKey[]) {
    const table = readTable(tracker, key === "objectives" ? OBJECTIVES : KEY_RESULTS);
    table.require([ROADMAP_CHECK]);
    const rows = table.values.length - 1;
    if (rows < 1) continue;
    const byRow = new Map(check.findings.filter((f) => f.sheet === table.spec.name).map((f) => [f.row, f]));
    const values: string[][] = [];
    const notes: string[][] = [];
    for (let row = 2; row <= rows + 1; row++) {
      const finding = byRow.get(row);
      values.push([finding ? verdictText(finding) : ""]);
      notes.push([finding ? noteText(finding) : ""]);
    }
    const range = table.sheet.getRange(2, table.col(ROADMAP_CHECK) + 1, rows, 1);
    range.setValues(values);
    range.setNotes(notes);
  }
  return history.newProblems ? { ...check, summary: check.summary + " " + history.newProblems } : check;
}

/** Selects a row for the person, from the sidebar's findings panel. */
export function goToRow({ sheet: sheetName, row }: InputOf<"goToRow">): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new UserError("invalid-input", "There is no sheet called " + describeValue(sheetName) + ".");
  if (row < 1 || row > sheet.getMaxRows())
    throw new UserError("invalid-input", describeValue(sheetName) + " has no row " + row + ".");
  sheet.getRange(row, 1, 1, Math.max(sheet.getLastColumn(), 1)).activate();
}
