/** One objective in the overview: progress against expected, status, score, and its key results. */
import { useState } from "preact/hooks";
import type { KeyResultView, ObjectiveView } from "../../src/core/contract";
import { scoreVerdict } from "../../src/core/score";
import { percent, scoreText, statusClass, valueText } from "../format";
import { ProgressBar } from "./ProgressBar";

export interface CardActions {
  checkIn(kr: KeyResultView): void;
  editObjective(objective: ObjectiveView): void;
  addKeyResult(objective: ObjectiveView): void;
  editKeyResult(kr: KeyResultView): void;
  archive(kind: "objective" | "keyResult", id: string, archived: boolean): void;
}

function Status(props: { status: string | null }) {
  return <span class={statusClass(props.status)}>{props.status ?? "No data"}</span>;
}

/** A card's button; `data-action` is how the focus finds it again when a form closes. */
function Action(props: { action: string; label: string; onClick: () => void; text: string; primary?: boolean }) {
  return (
    <button
      type="button"
      class={props.primary ? "action small" : "link"}
      data-action={props.action}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.text}
    </button>
  );
}

/** Archive, or Restore once archived: the row stays either way. */
function ArchiveAction(props: {
  item: { id: string; title: string; archived: boolean };
  onArchive: (archived: boolean) => void;
}) {
  const { item } = props;
  return (
    <Action
      action="archive"
      label={(item.archived ? "Restore " : "Archive ") + item.title}
      onClick={() => props.onArchive(!item.archived)}
      text={item.archived ? "Restore" : "Archive"}
    />
  );
}

export function ObjectiveCard(props: {
  objective: ObjectiveView;
  actions: CardActions;
  /** The parent it is shown under, if any: then "Serves" needs no saying. */
  under?: ObjectiveView;
}) {
  const { objective: o, actions } = props;
  const [open, setOpen] = useState(true);
  const krListId = "krs-" + o.id;
  // Frozen when its cycle was closed; until then, the score once the cycle has ended.
  const final = o.finalScore ?? (o.expected !== null && o.expected >= 1 ? o.score : null);
  return (
    <article
      class={"card" + (o.archived ? " archived" : "")}
      data-objective-id={o.id}
      aria-label={o.id + " " + o.title}
      tabIndex={-1}
    >
      <header>
        <span class="id">{o.id}</span>
        <h3 class="title">{o.title}</h3>
      </header>
      {o.parent && props.under?.id !== o.parent && (
        <p class="serves secondary">
          Serves {o.parent}
          {o.parentTitle ? " · " + o.parentTitle : " (no such objective)"}
        </p>
      )}
      <p class="meta secondary">
        {[
          o.owner,
          o.team,
          o.commitment === "committed" ? "Committed" : "Aspirational",
          o.parent && o.weight !== 1 ? "weight " + o.weight : "",
          o.archived ? "Archived" : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <ProgressBar value={o.progress} expected={o.expected} label={"Progress of " + o.title} />
      <p class="figures">
        <Status status={o.status} />{" "}
        <span class="secondary">
          expected {percent(o.expected)} · score {scoreText(o.score)}
        </span>
      </p>
      {o.forecast !== null && final === null && (
        <p class="forecast secondary" data-forecast>
          Forecast {percent(o.forecast)} by {o.keyResults.find((kr) => kr.forecast)?.forecast?.at}, from the key
          results' trends
        </p>
      )}
      {final !== null && (
        <p class="final-score">
          Final score {scoreText(final)}: {scoreVerdict(final, o.commitment)}
        </p>
      )}
      <div class="card-actions">
        <button type="button" class="link" aria-expanded={open} aria-controls={krListId} onClick={() => setOpen(!open)}>
          {open ? "Hide" : "Show"} key results ({o.keyResults.length})
        </button>
        {/* Archived: only Restore (the server refuses the rest, saying so). */}
        {!o.archived && (
          <Action action="edit" label={"Edit " + o.title} onClick={() => actions.editObjective(o)} text="Edit" />
        )}
        {!o.archived && (
          <Action
            action="add-kr"
            label={"Add KR to " + o.title}
            onClick={() => actions.addKeyResult(o)}
            text="Add KR"
          />
        )}
        <ArchiveAction item={o} onArchive={(archived) => actions.archive("objective", o.id, archived)} />
      </div>
      {open && (
        <ul class="krs" id={krListId}>
          {o.keyResults.length === 0 && (
            <li class="secondary">
              {o.rolledUp
                ? "No key results of its own: its progress rolls up from the objectives serving it, by their weight."
                : "No key results yet: add 2 to 5 measurable outcomes."}
            </li>
          )}
          {o.keyResults.map((kr) => (
            <li key={kr.id} class={"kr" + (kr.archived ? " archived" : "")} data-kr-id={kr.id}>
              <div class="kr-head">
                <span class="id">{kr.id}</span> <span class="kr-title">{kr.title}</span>
              </div>
              <ProgressBar value={kr.progress} label={"Progress of " + kr.title} />
              <p class="figures secondary">
                <Status status={kr.status} />{" "}
                {kr.type === "milestone"
                  ? valueText(kr.current, kr.type, kr.unit)
                  : "now " +
                    valueText(kr.current, kr.type, kr.unit) +
                    " · target " +
                    valueText(kr.target, kr.type, kr.unit)}
                {kr.confidence !== null && " · confidence " + kr.confidence}
                {kr.owner && " · " + kr.owner}
              </p>
              {kr.problem && <p class="error">{kr.problem}</p>}
              <div class="card-actions">
                {!kr.archived && !o.archived && (
                  <Action
                    primary
                    action="check-in"
                    label={"Check in " + kr.title}
                    onClick={() => actions.checkIn(kr)}
                    text="Check in"
                  />
                )}
                {!kr.archived && !o.archived && (
                  <Action
                    action="edit"
                    label={"Edit " + kr.title}
                    onClick={() => actions.editKeyResult(kr)}
                    text="Edit"
                  />
                )}
                <ArchiveAction item={kr} onArchive={(archived) => actions.archive("keyResult", kr.id, archived)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
