/**
 * Functions the sidebar calls through google.script.run: the contract's calls (src/core/contract.ts),
 * each validated with its schema, then handled here. The compiler checks every call has its handler
 * with the contract's types. Every answer is an ApiResponse, so the sidebar shows problems next to
 * the right field.
 */
import * as z from "zod/mini";
import { fieldErrors } from "../core/model";
import {
  SIDEBAR_REQUESTS,
  type ApiName,
  type ApiResponse,
  type DataOf,
  type InputOf,
  type RequestOf,
} from "../core/contract";
import { startNextCycle } from "./carry-over";
import { checkIn } from "./check-ins";
import { closeCycle, reopenCycle } from "./cycles";
import { withDocumentLock } from "./lock";
import { checkOkrs, goToRow, readRoadmap, writeVerdicts } from "./okr-check";
import { openTracker } from "./tables";
import { UserError } from "./errors";
import { keyResultHistory } from "./history-view";
import { addKeyResult, createObjective, getOverview, setArchived, updateKeyResult, updateObjective } from "./okrs";
import { addPeople } from "./people";
import { describeSetup, setUpTracker } from "./setup";

const handlers: { [K in ApiName]: (input: InputOf<K>) => DataOf<K> } = {
  getOverview,
  createObjective,
  updateObjective,
  addKeyResult,
  updateKeyResult,
  setArchived,
  checkIn,
  getKeyResultHistory: keyResultHistory,
  setUpTracker: () => describeSetup(setUpTracker()),
  checkOkrs: ({ writeToSheet }) => {
    if (!writeToSheet) return checkOkrs();
    return withDocumentLock(() => {
      return writeVerdicts(checkOkrs());
    });
  },
  getRoadmap: () => readRoadmap(openTracker()),
  goToRow,
  closeCycle: (input) => closeCycle(input),
  reopenCycle,
  startNextCycle: (input) => startNextCycle(input),
  addPeople,
};

/** Validates a request with the call's schema, runs its handler, and answers an ApiResponse. */
function answer(name: ApiName, request: unknown): ApiResponse<unknown> {
  const parsed = z.safeParse(SIDEBAR_REQUESTS[name], request);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return {
      ok: false,
      code: "invalid-input",
      message: errors.length === 1 ? errors[0].message : "Please fix the " + errors.length + " problems shown.",
      fieldErrors: errors,
    };
  }
  try {
    return { ok: true, data: (handlers[name] as (input: unknown) => unknown)(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        fieldErrors: error.field ? [{ field: error.field, message: error.message }] : [],
      };
    }
    console.error(error);
    return {
      ok: false,
      code: "unexpected",
      message: "The add-on hit an unexpected problem: " + (error as Error).message,
      fieldErrors: [],
    };
  }
}

export type SidebarApi = { [K in ApiName]: (request: RequestOf<K>) => ApiResponse<DataOf<K>> };

export const sidebarApi = {} as SidebarApi;
for (const name of Object.keys(handlers) as ApiName[])
  (sidebarApi as Record<ApiName, (request: unknown) => unknown>)[name] = (request) => answer(name, request);
