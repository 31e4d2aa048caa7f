/**
 * What people enter (objectives, key results, check-ins), as zod schemas shared by the server (which
 * validates every request) and the sidebar (which validates as the manager types).
 * zod/mini keeps Code.js and the sidebar small.
 */
import * as z from "zod/mini";
import { describeValue, numberExamples, parseNumber, typedNumberStyle } from "./cell-values";
import type { FieldError } from "./contract";
import {
  COMMITMENTS,
  CYCLE_ID,
  CYCLE_YEARS,
  isCycleId,
  KEY_RESULT_ID,
  KR_TYPES,
  OBJECTIVE_ID,
  type KrType,
} from "./vocabulary";

export const MAX_TITLE = 200;
export const MAX_NOTE = 1000;

const trimmed = (what: string, max: number) =>
  z
    .pipe(
      z.string(),
      z.transform((text) => text.trim()),
    )
    .check(
      z.minLength(1, "Give the " + what + "; it cannot be empty."),
      z.maxLength(max, "Shorten the " + what + " to at most " + max + " characters."),
    );

const optionalText = (what: string, max: number) =>
  z.optional(
    z
      .pipe(
        z.string(),
        z.transform((text) => text.trim()),
      )
      .check(z.maxLength(max, "Shorten the " + what + " to at most " + max + " characters.")),
  );

/** A number, or a text a person would read as one ("1,200", "45%"), in the spreadsheet's locale. */
export const numberLike = (what: string) =>
  z.pipe(
    z.union([z.number(), z.string(), z.boolean()]),
    z.transform((raw, ctx) => {
      if (typeof raw === "string" && raw.trim() === "") {
        ctx.issues.push({
          code: "custom",
          input: raw,
          message: "Enter the " + what + ": a number such as " + numberExamples(typedNumberStyle()) + ".",
        });
        return z.NEVER;
      }
      const parsed = parseNumber(raw);
      if (parsed.ok) return parsed.value;
      ctx.issues.push({
        code: "custom",
        input: raw,
        message: "The " + what + " " + describeValue(String(raw)) + " " + parsed.problem + ".",
      });
      return z.NEVER;
    }),
  );

/** What values a key result of this type takes, when not every number fits; null when any does. */
export function valueRange(type: KrType): { what: string; fits: (value: number) => boolean; values: string } | null {
  if (type === "milestone")
    return { what: "a milestone", fits: (v) => v === 0 || v === 1, values: "1 (done) or 0 (not done)" };
  if (type === "percentage")
    return { what: "a percentage", fits: (v) => v >= 0 && v <= 1, values: "a value from 0% to 100%, like 45%" };
  return null;
}

export const KeyResultInput = z
  .object({
    title: trimmed("key result", MAX_TITLE),
    type: z.enum(KR_TYPES, { error: "Choose a key-result type: increase, decrease, percentage or milestone." }),
    start: z._default(numberLike("start value"), 0),
    target: numberLike("target"),
    current: z.optional(numberLike("current value")),
    unit: optionalText("unit", 30),
    weight: z._default(
      numberLike("weight").check(z.refine((w) => w > 0 && w <= 100, "The weight must be more than 0 and at most 100.")),
      1,
    ),
    owner: optionalText("owner", 100),
  })
  .check(
    z.superRefine((kr, ctx) => {
      const fail = (message: string, field: string) =>
        void ctx.issues.push({ code: "custom", input: kr, message, path: [field] });
      if (kr.type === "milestone") {
        if (kr.start !== 0 || kr.target !== 1)
          fail("A milestone starts at 0 (not done) and targets 1 (done).", "target");
        if (kr.current !== undefined && kr.current !== 0 && kr.current !== 1)
          fail("A milestone's current value is 1 (done) or 0 (not done).", "current");
        return;
      }
      if (kr.target === kr.start) {
        fail("The target must differ from the start value, or there is nothing to measure.", "target");
        return;
      }
      if (kr.type === "increase" && kr.target < kr.start)
        fail("For a metric to increase, the target must be above the start value (or choose 'decrease').", "target");
      if (kr.type === "decrease" && kr.target > kr.start)
        fail("For a metric to decrease, the target must be below the start value (or choose 'increase').", "target");
      if (kr.type === "percentage") {
        for (const field of ["start", "target", "current"] as const) {
          const value = kr[field];
          if (value !== undefined && (value < 0 || value > 1))
            fail("A percentage is between 0% and 100%; write it as 45% or 0.45.", field);
        }
      }
    }),
  );
export type KeyResultInput = z.output<typeof KeyResultInput>;

/** A cycle ID and a commitment, as the create and the edit requests take them. */
export const CycleField = z.string().check(
  z.regex(CYCLE_ID, "Choose a cycle such as 2026-Q4."),
  z.refine(
    (id) => !CYCLE_ID.test(id) || isCycleId(id),
    "Choose a cycle from " + CYCLE_YEARS.first + "-Q1 to " + CYCLE_YEARS.last + "-Q4, such as 2026-Q4.",
  ),
);
export const CommitmentField = z.enum(COMMITMENTS, { error: "Choose committed or aspirational." });

/** A parent objective's ID; "" for none. Whether it may be the parent is the server's to say (alignment.ts). */
export const ParentField = z
  .string()
  .check(
    z.refine((id) => id === "" || OBJECTIVE_ID.test(id), "Choose a parent objective by its ID, such as O-3, or none."),
  );

/** How much an objective counts in its parent's progress. */
export const ObjectiveWeightField = numberLike("weight").check(
  z.refine((w) => w > 0 && w <= 100, "The weight must be more than 0 and at most 100."),
);

export const ObjectiveInput = z.object({
  title: trimmed("objective's title", MAX_TITLE),
  cycle: CycleField,
  team: optionalText("team", 100),
  owner: optionalText("owner", 100),
  commitment: z._default(CommitmentField, "aspirational"),
  description: optionalText("description", MAX_NOTE),
  parent: z.optional(ParentField),
  weight: z.optional(ObjectiveWeightField),
  keyResults: z._default(
    z.array(KeyResultInput).check(z.maxLength(10, "An objective takes at most 10 key results here; aim for 2 to 5.")),
    [],
  ),
});
export type ObjectiveInput = z.output<typeof ObjectiveInput>;

export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 10;

export const CheckInInput = z.object({
  krId: z.string().check(z.regex(KEY_RESULT_ID, "Choose a key result (its ID looks like KR-1.2).")),
  value: numberLike("new value"),
  confidence: z.optional(
    z
      .number()
      .check(
        z.int("Confidence is a whole number from 1 to 10."),
        z.gte(CONFIDENCE_MIN, "Confidence is a whole number from 1 to 10."),
        z.lte(CONFIDENCE_MAX, "Confidence is a whole number from 1 to 10."),
      ),
  ),
  note: optionalText("note", MAX_NOTE),
  /** The sheet row the sidebar showed the key result in: read first, so a check-in reads one row. */
  row: z.optional(z.number().check(z.int(), z.gte(2), z.lte(10_000_000))),
});
export type CheckInInput = z.output<typeof CheckInInput>;

/** A readable, field-by-field account of why a request failed its schema. */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    message: issue.code === "invalid_type" ? describeTypeIssue(issue) : issue.message,
  }));
}

function describeTypeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : "request";
  return "The " + field + " is missing or of the wrong kind (" + issue.message + ").";
}
