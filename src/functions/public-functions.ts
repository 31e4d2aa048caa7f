/**
 * The one table of custom functions. The build turns each entry into a top-level stub with the
 * JSDoc Sheets reads for autocomplete (`@param`, `@customfunction`), so names, argument hints and
 * behaviour can never drift apart.
 */
import type { Rule } from "../core/rulebook/kit";
import { RULES } from "../core/rulebook/rules";
import { okrForecast } from "./forecast-function";
import { okrRollup } from "./okr-functions";
import { okrRoadmapCheck } from "./roadmap-function";
import { ruleFunction } from "./rule-function";

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

/** OKR_PROGRESS, OKR_EXPECTED, OKR_STATUS, OKR_SCORE: every rulebook entry that names a custom function. */
function fromRulebook(): Record<string, CustomFunctionSpec> {
  const specs: Record<string, CustomFunctionSpec> = {};
  for (const rule of Object.values(RULES) as Rule[]) {
    if ("name" in rule.customFunction) specs[rule.customFunction.name] = ruleFunction(rule);
  }
  return specs;
}

export const customFunctions = {
  ...fromRulebook(),
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
  OKR_FORECAST: {
    summary:
      "Where dated values are heading: the least-squares line through them (as FORECAST draws it) read at end_date, or with a target the chance of reaching it (at or above; at or below for values that decrease), from Student's t with n − 2 degrees of freedom.",
    params: [
      {
        name: "dates",
        type: "Array<Array<Date>>",
        description: "The day of each value, e.g. the cycle's start and each check-in's day.",
      },
      {
        name: "values",
        type: "Array<Array<number>>",
        description: "The values (same size as dates; blank cells are skipped). At least 3 are needed.",
      },
      {
        name: "end_date",
        type: "Date|Array<Array<Date>>",
        description: "The day to forecast, e.g. the cycle's last day, or a range of them.",
      },
      {
        name: "target",
        type: "number|Array<Array<number>>",
        description:
          "Optional. The value that means done: gives the chance (0 to 1) of reaching it instead of the forecast. Below the earliest value, it is the chance of getting at or below it.",
        optional: true,
      },
    ],
    returns: { type: CELLS, description: "The forecast value, or with a target the chance of reaching it." },
    run: okrForecast,
  },
  OKR_ROADMAP_CHECK: {
    summary:
      "Whether an objective or key result restates the roadmap: duplicate, output (delivery work the roadmap does not list), related (measures an outcome of a roadmap item) or ok, and the roadmap item it matched.",
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
