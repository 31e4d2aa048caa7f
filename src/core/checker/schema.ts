import * as z from "zod/mini";
import type { CheckInput } from "./types";

/**
 * Validation of untrusted JSON input (the CLI's FILE). Kept out of the checker's index entry so
 * Apps Script bundles that already have typed data do not pay for zod.
 */
const isoDate = z.string().check(
  z.refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: "expected an ISO date like 2025-07-01",
  }),
);
const nonEmpty = z.string().check(z.minLength(1, { message: "must not be empty" }));

export const okrSchema = z.object({
  id: nonEmpty,
  kind: z.enum(["objective", "key_result"]),
  text: nonEmpty,
  team: z.optional(z.string()),
  objectiveId: z.optional(z.string()),
  owner: z.optional(z.string()),
  lastCheckIn: z.optional(isoDate),
  cycle: z.optional(z.string()),
  start: z.optional(z.union([z.number(), z.string()])),
  target: z.optional(z.union([z.number(), z.string()])),
});

export const roadmapItemSchema = z.object({ id: nonEmpty, text: nonEmpty });

export const checkInputSchema = z.object({
  okrs: z.array(okrSchema),
  roadmap: z.optional(z.array(roadmapItemSchema)),
});

export type ParseResult = { ok: true; value: CheckInput } | { ok: false; errors: string[] };

/** Validate parsed JSON; errors read like `okrs[3].kind: expected "objective" or "key_result"`. */
export function parseCheckInput(data: unknown): ParseResult {
  const r = z.safeParse(checkInputSchema, data);
  if (r.success) return { ok: true, value: { okrs: r.data.okrs, roadmap: r.data.roadmap ?? [] } };
  return {
    ok: false,
    errors: r.error.issues.slice(0, 10).map((i) => `${pathText(i.path)}: ${describe(i, valueAt(data, i.path))}`),
  };
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_value")
    return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${JSON.stringify(value)}`;
  if (issue.code === "invalid_type")
    return value === undefined
      ? `missing (expected ${issue.expected})`
      : `expected ${issue.expected}, got ${kindOf(value)}`;
  return issue.message;
}

function kindOf(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function pathText(path: PropertyKey[]): string {
  if (!path.length) return "(top level)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}
