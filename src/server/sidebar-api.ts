/**
 * Functions the sidebar calls through google.script.run. Each takes one request object, validates
 * it with zod, and answers an ApiResponse, so the sidebar shows problems next to the right field.
 * Answers are plain JSON (no Dates): google.script.run turns a Date in an answer into null.
 */
import * as z from "zod/mini";
import { CheckInInput, fieldErrors, ObjectiveInput, type FieldError } from "../core/model";
import {
  AddKeyResultRequest,
  ArchiveRequest,
  CheckOkrsRequest,
  EmptyRequest,
  GoToRowRequest,
  HistoryRequest,
  OverviewRequest,
  UpdateKeyResultRequest,
  UpdateObjectiveRequest,
} from "../core/requests";
import { checkIn } from "./check-ins";
import { withDocumentLock } from "./lock";
import { checkOkrs, goToRow, readRoadmap, writeVerdicts } from "./okr-check";
import { openTracker } from "./tables";
import { UserError } from "./errors";
import { keyResultHistory } from "./history-view";
import { addKeyResult, createObjective, getOverview, setArchived, updateKeyResult, updateObjective } from "./okrs";
import { describeSetup, setUpTracker } from "./setup";

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldError[] };

function endpoint<S extends z.ZodMiniType, T>(
  schema: S,
  run: (input: z.output<S>) => T,
): (request: z.input<S>) => ApiResponse<T> {
  return (request) => {
    const parsed = z.safeParse(schema, request);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return {
        ok: false,
        message: errors.length === 1 ? errors[0].message : "Please fix the " + errors.length + " problems shown.",
        fieldErrors: errors,
      };
    }
    try {
      return { ok: true, data: run(parsed.data) };
    } catch (error) {
      if (error instanceof UserError) {
        return {
          ok: false,
          message: error.message,
          fieldErrors: error.field ? [{ field: error.field, message: error.message }] : [],
        };
      }
      console.error(error);
      return {
        ok: false,
        message: "The add-on hit an unexpected problem: " + (error as Error).message,
        fieldErrors: [],
      };
    }
  };
}

export const sidebarApi = {
  getOverview: endpoint(OverviewRequest, (filter) => getOverview(filter)),
  createObjective: endpoint(ObjectiveInput, (input) => createObjective(input)),
  updateObjective: endpoint(UpdateObjectiveRequest, ({ id, changes }) => updateObjective(id, changes)),
  addKeyResult: endpoint(AddKeyResultRequest, ({ objectiveId, keyResult }) => addKeyResult(objectiveId, keyResult)),
  updateKeyResult: endpoint(UpdateKeyResultRequest, ({ id, keyResult }) => updateKeyResult(id, keyResult)),
  setArchived: endpoint(ArchiveRequest, ({ kind, id, archived }) => setArchived(kind, id, archived)),
  checkIn: endpoint(CheckInInput, (input) => checkIn(input)),
  getKeyResultHistory: endpoint(HistoryRequest, ({ krId, limit }) => keyResultHistory(krId, limit)),
  setUpTracker: endpoint(EmptyRequest, () => describeSetup(setUpTracker())),
  checkOkrs: endpoint(CheckOkrsRequest, ({ writeToSheet }) => {
    if (!writeToSheet) return checkOkrs();
    return withDocumentLock(() => {
      const check = checkOkrs();
      writeVerdicts(check);
      return check;
    });
  }),
  getRoadmap: endpoint(EmptyRequest, () => readRoadmap(openTracker())),
  goToRow: endpoint(GoToRowRequest, ({ sheet, row }) => goToRow(sheet, row)),
};

export type SidebarApi = typeof sidebarApi;
export type ApiName = keyof SidebarApi;
export type RequestOf<K extends ApiName> = Parameters<SidebarApi[K]>[0];
export type DataOf<K extends ApiName> = Extract<ReturnType<SidebarApi[K]>, { ok: true }>["data"];
