/**
 * A closed cycle as Google grades it: each objective's frozen final score coloured (0.0–0.3 red,
 * 0.4–0.6 yellow, 0.7–1.0 green), read for its commitment, with what the team learned.
 */
import { useEffect, useState } from "preact/hooks";
import type { KeyResultView, ObjectiveView } from "../../src/core/contract";
import type { Grade } from "../../src/core/rulebook/rules";
import { ApiError, call } from "../bridge";
import { scoreText } from "../format";

function GradeBadge(props: { score: number | null; grade: Grade | null; of: string }) {
  const { grade } = props;
  return (
    <span
      class={"grade grade-" + (grade ?? "none")}
      aria-label={"Final score of " + props.of + ": " + (grade ? scoreText(props.score) + ", " + grade : "not graded")}
    >
      {grade ? scoreText(props.score) : "–"}
    </span>
  );
}

function GradedObjective(props: { objective: ObjectiveView }) {
  const o = props.objective;
  const krs = o.keyResults.filter((kr: KeyResultView) => !kr.archived);
  return (
    <li class={"graded" + (o.calledOut ? " called-out" : "")} data-objective-id={o.id}>
      <div class="graded-head">
        <GradeBadge score={o.finalScore} grade={o.finalGrade} of={o.id} />
        <div>
          <span class="id">{o.id}</span> <span class="kr-title">{o.title}</span>
          <p class="reading">
            <strong>{o.finalReading ?? "Not graded"}</strong>
            <span class="secondary">
              {o.commitment === "committed" ? " · committed: 1.0 is expected" : " · aspirational: about 0.7 is success"}
            </span>
          </p>
        </div>
      </div>
      <p class={o.retrospective ? "retrospective" : "retrospective secondary"}>
        {o.retrospective ? "What we learned: " + o.retrospective : "No retrospective written."}
      </p>
      {krs.length > 0 && (
        <ul class="graded-krs" aria-label={"Key results of " + o.id}>
          {krs.map((kr) => (
            <li key={kr.id}>
              <GradeBadge score={kr.finalScore} grade={kr.finalGrade} of={kr.id} /> <span class="id">{kr.id}</span>{" "}
              {kr.title}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function EndOfCycle(props: {
  cycle: string;
  onNext: () => void;
  onReopened: (message: string) => void;
  onBack: () => void;
}) {
  const [objectives, setObjectives] = useState<ObjectiveView[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    call("getOverview", { cycle: props.cycle }).then(
      (overview) => setObjectives(overview.objectives.filter((o) => o.cycle === props.cycle && !o.archived)),
      (error: ApiError) => setProblem(error.message),
    );
  }, [props.cycle]);

  async function reopen() {
    try {
      props.onReopened(await call("reopenCycle", { cycle: props.cycle }));
    } catch (error) {
      setProblem((error as ApiError).message);
    }
  }

  const all = objectives ?? [];
  const count = (reading: string) => all.filter((o) => o.finalReading === reading).length;
  return (
    <section class="panel" aria-label={"End of " + props.cycle}>
      <h2>{props.cycle}: end of cycle</h2>
      <p class="secondary">
        Final scores, frozen when the cycle was closed. Committed objectives are expected to reach 1.0; for aspirational
        ones 0.7 is success.
      </p>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {objectives === null && !problem && <p class="secondary">Loading the grades…</p>}
      {objectives && objectives.length === 0 && <p>No objectives were graded in {props.cycle}.</p>}
      {objectives && objectives.length > 0 && (
        <>
          <p class="summary" role="status">
            {[
              all.length + (all.length === 1 ? " objective" : " objectives"),
              count("Commitment met") +
                " of " +
                all.filter((o) => o.commitment === "committed").length +
                " commitments met",
              count("Aspirational success") +
                (count("Aspirational success") === 1 ? " aspirational success" : " aspirational successes"),
            ].join(" · ")}
          </p>
          <ul class="graded-list" aria-label={"Final scores of " + props.cycle}>
            {objectives.map((o) => (
              <GradedObjective key={o.id} objective={o} />
            ))}
          </ul>
        </>
      )}
      <div class="actions">
        <button type="button" class="action" onClick={props.onNext}>
          Start next cycle
        </button>
        <button type="button" onClick={reopen}>
          Reopen {props.cycle}
        </button>
        <button type="button" onClick={props.onBack}>
          Back to overview
        </button>
      </div>
    </section>
  );
}
