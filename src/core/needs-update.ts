/**
 * Needs an update: the key results of the running cycle whose last check-in (or, without one, the
 * cycle's first day) is older than the cycle's check-in cadence (the rulebook's needsUpdate),
 * grouped by owner, most overdue first, so each person sees what to check in.
 */
import { parseDate } from "./cell-values";
import type { CycleView, DueKeyResult, DueList, ObjectiveView } from "./contract";
import { daysBetween } from "./cycle";
import { apply } from "./rulebook/kit";
import { RULES } from "./rulebook/rules";

const day = (iso: string | null): Date | null => {
  const parsed = iso ? parseDate(iso) : null;
  return parsed && parsed.ok ? parsed.value : null;
};

/** Whether the cycle runs on `today` (open, from its first to its last day). */
export function runningOn(cycle: CycleView, today: Date): boolean {
  const start = day(cycle.start);
  const end = day(cycle.end);
  return !cycle.closed && !!start && !!end && daysBetween(start, today) >= 0 && daysBetween(today, end) >= 0;
}

/** The most a list holds, most overdue first: enough for a sidebar, and the answer stays small at any size. */
export const MAX_DUE = 30;

/** Active key results of active objectives in the cycles running today that are due a check-in, by owner. */
export function needsUpdate(
  objectives: readonly ObjectiveView[],
  cycles: ReadonlyMap<string, CycleView>,
  today: Date,
  /** Only this person's (the key result's owner, else its objective's), if given. */
  owner?: string,
): DueList {
  // Each running cycle's first day, read once (not per objective).
  const running = new Map<string, Date>();
  for (const cycle of cycles.values()) if (runningOn(cycle, today)) running.set(cycle.id, day(cycle.start) as Date);
  const due: (DueKeyResult & { owner: string })[] = [];
  for (const objective of objectives) {
    const start = running.get(objective.cycle);
    const cycle = cycles.get(objective.cycle);
    if (objective.archived || !start || !cycle) continue;
    for (const kr of objective.keyResults) {
      if (kr.archived || kr.problem) continue;
      const last = day(kr.lastCheckIn);
      if (!apply(RULES.needsUpdate, { last_check_in: last, cycle_start: start, cadence: cycle.cadence, as_of: today }))
        continue;
      const whose = kr.owner || objective.owner;
      if (owner && whose !== owner) continue;
      due.push({
        keyResult: kr,
        objectiveTitle: objective.title,
        days: daysBetween(last ?? start, today),
        owner: whose,
      });
    }
  }
  const shown = due.sort((a, b) => b.days - a.days).slice(0, MAX_DUE);
  const byOwner = new Map<string, DueKeyResult[]>();
  for (const { owner, ...item } of shown) byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  const groups = [...byOwner.entries()]
    .sort(([a], [b]) => (!a ? 1 : !b ? -1 : a.localeCompare(b)))
    .map(([owner, keyResults]) => ({ owner, keyResults }));
  return { groups, total: due.length };
}
