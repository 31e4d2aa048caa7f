/** What a status cell can read; the rule that picks one is `status` in the rulebook (rulebook/rules.ts). */
export const STATUSES = ["Done", "On track", "At risk", "Off track", "No check-in yet"] as const;
export type Status = (typeof STATUSES)[number];
