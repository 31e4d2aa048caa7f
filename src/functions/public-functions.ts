/**
 * The one table of custom functions. The build turns each entry into a top-level stub with the
 * JSDoc Sheets reads for autocomplete (`@param`, `@customfunction`), so names, argument hints and
 * behaviour can never drift apart.
 */
import { okrExpected, okrProgress, okrRollup, okrScore, okrStatus } from "./okr-functions";
import { spreadsheetDays } from "./spreadsheet-days";
import { okrRoadmapCheck } from "./roadmap-function";

export interface ParamDoc {
  name: string;
  type: string;
  description: string;
  optional?: boolean;
}

export interface CustomFunctionSpec {
  summary: string;
  params: ParamDoc[];
  returns: { type: string; description: string };
  // Sheets passes any cell value or 2-D array; the implementations check what they get.
  run: (...args: never[]) => unknown;
}

const CELLS = "number|Array<Array<number>>";

export const customFunctions = {
  OKR_PROGRESS: {
    summary:
      "Progress of a key result from start to target, as a fraction from 0 to 1. Works for metrics that decrease and for TRUE/FALSE milestones.",
    params: [
      { name: "current", type: CELLS, description: "The current value, or a range of them." },
      { name: "target", type: CELLS, description: "The target value, or a range of them (same size as current)." },
      {
        name: "start",
        type: CELLS,
        description: "Optional. The value at the start of the cycle; 0 if omitted.",
        optional: true,
      },
    ],
    returns: { type: CELLS, description: "Progress from 0 to 1; blank where current or target is blank." },
    run: okrProgress,
  },
  OKR_EXPECTED: {
    summary: "The share of a cycle that has passed (0 to 1): where progress should be by now.",
    params: [
      { name: "cycle_start", type: "Date|Array<Array<Date>>", description: "The cycle's first day." },
      { name: "cycle_end", type: "Date|Array<Array<Date>>", description: "The cycle's last day." },
      {
        name: "as_of",
        type: "Date|Array<Array<Date>>",
        description: "Optional. The day to measure at; today if omitted.",
        optional: true,
      },
    ],
    returns: { type: CELLS, description: "0 before the cycle starts, 1 after its last day." },
    run: (cycleStart: unknown, cycleEnd: unknown, asOf?: unknown) =>
      okrExpected(cycleStart, cycleEnd, asOf, spreadsheetDays()),
  },
  OKR_STATUS: {
    summary: "Done, On track, At risk or Off track, from progress and expected progress.",
    params: [
      { name: "progress", type: CELLS, description: "Progress from 0 to 1, e.g. from OKR_PROGRESS." },
      { name: "expected", type: CELLS, description: "Expected progress from 0 to 1, e.g. from OKR_EXPECTED." },
      {
        name: "at_risk_gap",
        type: "number",
        description: "Optional. How far behind is still on track; 0.10 if omitted.",
        optional: true,
      },
      {
        name: "off_track_gap",
        type: "number",
        description: "Optional. How far behind is at risk rather than off track; 0.25 if omitted.",
        optional: true,
      },
    ],
    returns: { type: "string|Array<Array<string>>", description: "The status; blank where progress is blank." },
    run: okrStatus,
  },
  OKR_SCORE: {
    summary:
      "The Google-style grade from 0.0 to 1.0: about 0.7 is success for aspirational goals, 1.0 is expected of committed ones.",
    params: [{ name: "progress", type: CELLS, description: "Progress from 0 to 1, or a range of them." }],
    returns: { type: CELLS, description: "Progress clamped to 0…1 and rounded to one decimal." },
    run: okrScore,
  },
  OKR_ROLLUP: {
    summary: "Each objective's progress: the weighted mean of its key results' progress.",
    params: [
      {
        name: "objective_ids",
        type: "string|Array<Array<string>>",
        description: "The objectives to compute, e.g. the Objectives sheet's ID column.",
      },
      {
        name: "kr_objective_ids",
        type: "Array<Array<string>>",
        description: "For every key result, the ID of its objective.",
      },
      {
        name: "kr_progress",
        type: "Array<Array<number>>",
        description: "For every key result, its progress from 0 to 1.",
      },
      {
        name: "kr_weights",
        type: "Array<Array<number>>",
        description: "Optional. For every key result, its weight; 1 if omitted.",
        optional: true,
      },
    ],
    returns: { type: CELLS, description: "Progress per objective; blank for an objective without key results." },
    run: okrRollup,
  },
  OKR_ROADMAP_CHECK: {
    summary:
      "Whether an objective or key result restates the roadmap: duplicate, related (measures an outcome of a roadmap item) or ok, and the roadmap item it matched.",
    params: [
      {
        name: "text",
        type: "string|Array<Array<string>>",
        description: "An objective or key result, or a range of them.",
      },
      {
        name: "roadmap_range",
        type: "Array<Array<string>>",
        description: "The roadmap: its ID and Item columns (e.g. Roadmap!A2:B), or one column of item texts.",
      },
    ],
    returns: {
      type: "Array<Array<string>>",
      description: "One row per text: the verdict, then the matched roadmap item(s).",
    },
    run: okrRoadmapCheck,
  },
} satisfies Record<string, CustomFunctionSpec>;

export type CustomFunctionName = keyof typeof customFunctions;
