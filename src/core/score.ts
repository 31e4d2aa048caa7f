import type { Commitment } from "./vocabulary";

/**
 * How to read a score (the rulebook's `score`) honestly: committed goals are expected to reach 1.0;
 * for aspirational ones about 0.7 is success and a steady 1.0 means the goal was not ambitious.
 */
export function scoreVerdict(grade: number, commitment: Commitment): string {
  if (commitment === "committed") return grade >= 1 ? "Met" : "Missed: committed goals are expected to reach 1.0";
  if (grade >= 1) return "Met in full: was it ambitious enough?";
  if (grade >= 0.7) return "Success for an aspirational goal";
  if (grade >= 0.4) return "Progress, short of the 0.7 mark";
  return "Missed";
}
