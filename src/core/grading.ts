/**
 * A closed cycle read as Google grades it (the rulebook's `grade` and `reading`): each objective's
 * frozen score, its colour and what it means for its commitment, and the ones to call out.
 * Shared by 'Close cycle' (its summary) and the sidebar's end-of-cycle view.
 */
import type { Callout, ObjectiveView } from "./contract";
import type { Commitment } from "./vocabulary";
import { apply } from "./rulebook/kit";
import { READINGS, RULES, type Grade, type Reading } from "./rulebook/rules";

export interface GradedObjective {
  objective: ObjectiveView;
  grade: Grade | null;
  reading: Reading | null;
  /** A committed objective below 1.0, or an aspirational one at 0.7 or above. */
  calledOut: boolean;
}

export function gradeOf(score: number | null): Grade | null {
  return apply(RULES.grade, { score }) as Grade | null;
}

/** An objective's final grade, reading and callout, for its view. */
export function finalGrading(
  score: number | null,
  commitment: Commitment,
): Pick<ObjectiveView, "finalScore" | "finalGrade" | "finalReading" | "calledOut"> {
  const reading = apply(RULES.reading, { score, commitment }) as Reading | null;
  return {
    finalScore: score,
    finalGrade: gradeOf(score),
    finalReading: reading,
    calledOut: reading === READINGS.missed || reading === READINGS.reached,
  };
}

export function graded(objective: ObjectiveView): GradedObjective {
  const final = finalGrading(objective.finalScore, objective.commitment);
  return { objective, grade: final.finalGrade, reading: final.finalReading, calledOut: final.calledOut };
}

export function calloutsOf(objectives: readonly ObjectiveView[]): Callout[] {
  return objectives
    .map(graded)
    .filter((g) => g.calledOut)
    .map((g) => ({
      objectiveId: g.objective.id,
      title: g.objective.title,
      commitment: g.objective.commitment,
      score: g.objective.finalScore as number,
      reading: g.reading as Reading,
    }));
}

/** What each kind of callout says: the objectives' noun, then what their scores mean. */
const CALLOUT_SENTENCES: readonly { reading: Reading; noun: string; did: string; meaning: string }[] = [
  {
    reading: READINGS.missed,
    noun: "committed objective",
    did: "fell short of 1.0",
    meaning: "a commitment missed is worth a look at why.",
  },
  {
    reading: READINGS.reached,
    noun: "aspirational objective",
    did: "reached 0.7 or more",
    meaning: "success for a stretch goal.",
  },
];

/** One sentence per kind of callout, naming the objectives. */
export function describeCallouts(callouts: readonly Callout[]): string[] {
  return CALLOUT_SENTENCES.flatMap(({ reading, noun, did, meaning }) => {
    const named = callouts.filter((c) => c.reading === reading).map((c) => c.objectiveId + " " + c.score.toFixed(1));
    return named.length ? [plural(named.length, noun) + " " + did + " (" + named.join(", ") + "): " + meaning] : [];
  });
}

export function plural(count: number, noun: string): string {
  return count + " " + noun + (count === 1 ? "" : "s");
}
