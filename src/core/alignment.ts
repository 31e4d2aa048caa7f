/**
 * Alignment: an objective may name a parent objective (a company objective its team objective
 * serves). The rules a parent must follow, in one place for the sidebar's requests and for IDs
 * typed into the sheet: it exists, is another objective of the same cycle, leads to no cycle of
 * parents, and the chain stays within the levels whose progress rolls up (ROLLUP_LEVELS).
 */
import { COMPANY_PARENT } from "./company";
import { OBJECTIVE_ID } from "./vocabulary";

/** What alignment needs to know of each objective, by ID. */
export interface Aligned {
  cycle: string;
  parent: string;
  archived: boolean;
}

/**
 * How many levels progress rolls up: a parent without key results of its own takes its progress
 * from its children, and a grandparent from its children's. Each level is a pair of helper columns
 * in the sheet (a column computed from itself would be a circular reference), so the chain of
 * parents is at most this plus one objectives long: company → department → team.
 */
export const ROLLUP_LEVELS = 2;
export const MAX_CHAIN = ROLLUP_LEVELS + 1;

/** The chain of parents above `id` (nearest first), stopping at a repeat or an unknown ID. */
export function ancestors(all: ReadonlyMap<string, Aligned>, id: string): string[] {
  const chain: string[] = [];
  for (let next = all.get(id)?.parent ?? ""; next && !chain.includes(next); next = all.get(next)?.parent ?? "")
    chain.push(next);
  return chain;
}

/** How many levels of children hang below `id` (0 without children); cycles don't loop. */
export function levelsBelow(all: ReadonlyMap<string, Aligned>, id: string, seen: string[] = []): number {
  let deepest = 0;
  for (const [child, o] of all)
    if (o.parent === id && !seen.includes(child))
      deepest = Math.max(deepest, 1 + levelsBelow(all, child, [...seen, id]));
  return deepest;
}

/**
 * Why `parent` can't be the parent of objective `id` (null for a new one) in `cycle`, or null when
 * it can. A blank parent is always fine. Messages say what is wrong and how to fix it.
 */
export function parentProblem(
  all: ReadonlyMap<string, Aligned>,
  id: string | null,
  cycle: string,
  parent: string,
): string | null {
  if (!parent) return null;
  // A company objective ("Company O-2") is in the company tracker's spreadsheet: nothing to check here.
  if (COMPANY_PARENT.test(parent)) return null;
  if (!OBJECTIVE_ID.test(parent))
    return (
      "A parent is an objective's ID, such as O-3 (or Company O-3 for one of the company tracker's); " +
      JSON.stringify(parent) +
      " isn't one."
    );
  if (parent === id) return id + " can't be its own parent: choose another objective, or none.";
  const found = all.get(parent);
  if (!found) return "There is no objective " + parent + " in the Objectives sheet: choose a parent from the list.";
  if (found.archived) return parent + " is archived: restore it first, or choose another parent.";
  if (found.cycle !== cycle)
    return (
      parent +
      " is in " +
      (found.cycle || "no cycle") +
      ", not " +
      (cycle || "this objective's cycle") +
      ": a parent must be in the same cycle (start the next cycle to carry it over)."
    );
  const above = ancestors(all, parent);
  if (id && above.includes(id))
    return (
      parent +
      " already sits below " +
      id +
      " (" +
      [parent, ...above.slice(0, above.indexOf(id) + 1)].join(" → ") +
      "), so this would make a loop: choose a parent that isn't below " +
      id +
      "."
    );
  const chain = 1 + (1 + above.length) + (id ? levelsBelow(all, id) : 0);
  if (chain > MAX_CHAIN)
    return (
      "Alignment goes at most " +
      MAX_CHAIN +
      " objectives deep (e.g. company → department → team), the depth whose progress rolls up; under " +
      parent +
      " this chain would be " +
      chain +
      ". Choose a parent higher up."
    );
  return null;
}

/** Children of `id` that a move to `cycle` would leave with a parent in another cycle. */
export function childrenOutside(all: ReadonlyMap<string, Aligned>, id: string, cycle: string): string[] {
  const children: string[] = [];
  for (const [child, o] of all) if (o.parent === id && o.cycle !== cycle) children.push(child);
  return children;
}
