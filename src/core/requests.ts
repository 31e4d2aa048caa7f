/** Requests the sidebar sends, beyond the model's own inputs. Shared by server and sidebar. */
import * as z from "zod/mini";
import {
  CommitmentField,
  CycleField,
  KeyResultInput,
  MAX_NOTE,
  MAX_TITLE,
  ObjectiveWeightField,
  ParentField,
} from "./model";
import { parseDate } from "./cell-values";
import { ISO_DATE, KEY_RESULT_ID, OBJECTIVE_ID } from "./vocabulary";

const id = (pattern: RegExp, example: string) =>
  z.string().check(z.regex(pattern, "Expected an ID like " + example + "."));

export const OverviewRequest = z.object({
  cycle: z.optional(z.string()),
  team: z.optional(z.string()),
  owner: z.optional(z.string()),
  includeArchived: z.optional(z.boolean()),
  /** At most this many objectives (the sidebar's pages); all of them when left out. */
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100_000))),
});

const editText = (what: string, max: number) =>
  z
    .pipe(
      z.string(),
      z.transform((t) => t.trim()),
    )
    .check(z.maxLength(max, "Shorten the " + what + " to at most " + max + " characters."));

export const UpdateObjectiveRequest = z.object({
  id: id(OBJECTIVE_ID, "O-3"),
  changes: z.object({
    title: z.optional(
      editText("objective's title", MAX_TITLE).check(z.minLength(1, "Give the objective's title; it cannot be empty.")),
    ),
    cycle: z.optional(CycleField),
    team: z.optional(editText("team", 100)),
    owner: z.optional(editText("owner", 100)),
    commitment: z.optional(CommitmentField),
    description: z.optional(editText("description", MAX_NOTE)),
    /** "" takes the parent away. */
    parent: z.optional(ParentField),
    weight: z.optional(ObjectiveWeightField),
  }),
});

export const ArchiveRequest = z.object({
  kind: z.enum(["objective", "keyResult"]),
  id: z
    .string()
    .check(z.refine((id) => OBJECTIVE_ID.test(id) || KEY_RESULT_ID.test(id), "Expected an ID like O-3 or KR-3.1.")),
  archived: z.boolean(),
});

export const AddKeyResultRequest = z.object({
  objectiveId: id(OBJECTIVE_ID, "O-3"),
  keyResult: KeyResultInput,
});
export const UpdateKeyResultRequest = z.object({ id: id(KEY_RESULT_ID, "KR-3.1"), keyResult: KeyResultInput });
export const HistoryRequest = z.object({
  krId: id(KEY_RESULT_ID, "KR-3.1"),
  limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(100)), 10),
});
export const EmptyRequest = z.optional(z.object({}));

export const CheckOkrsRequest = z.object({ writeToSheet: z._default(z.boolean(), false) });
export const GoToRowRequest = z.object({
  sheet: z.string().check(z.minLength(1, "Name the sheet.")),
  row: z.number().check(z.int("The row is a whole number."), z.gte(1, "Rows start at 1.")),
});

/** A cycle named on the Cycles sheet. */
export const CycleRequest = z.object({ cycle: CycleField });

export const CloseCycleRequest = z.object({
  cycle: CycleField,
  /** What each objective taught us, by objective ID; an objective left out keeps what its cell holds. */
  retrospectives: z._default(z.record(z.string(), editText("retrospective", MAX_NOTE)), {}),
  /** Closing before the cycle's last day has passed needs this confirmation. */
  early: z._default(z.boolean(), false),
});

const day = (what: string) =>
  z
    .string()
    .check(
      z.refine((text) => ISO_DATE.test(text) && parseDate(text).ok, "Give the " + what + " as a date like 2027-01-01."),
    );

export const StartNextCycleRequest = z
  .object({
    from: CycleField,
    cycle: CycleField,
    start: day("new cycle's first day"),
    end: day("new cycle's last day"),
    carry: z._default(
      z.array(
        z.object({
          objectiveId: id(OBJECTIVE_ID, "O-3"),
          keyResultIds: z._default(z.array(id(KEY_RESULT_ID, "KR-3.1")), []),
        }),
      ),
      [],
    ),
  })
  .check(
    z.superRefine((request, ctx) => {
      const fail = (message: string, field: string) =>
        void ctx.issues.push({ code: "custom", input: request, message, path: [field] });
      if (request.cycle === request.from)
        fail("Choose a cycle other than " + request.from + " to carry work into.", "cycle");
      if (ISO_DATE.test(request.start) && ISO_DATE.test(request.end) && request.end < request.start)
        fail("The new cycle's last day is before its first day.", "end");
    }),
  );

/** Names and teams to add to the People sheet (those already there are skipped). */
export const AddPeopleRequest = z.object({
  people: z
    .array(z.object({ name: z.optional(editText("name", 100)), team: z.optional(editText("team", 100)) }))
    .check(z.maxLength(20, "Add at most 20 people at once.")),
});
