/**
 * Needs an update: the running cycle's key results whose last check-in is older than the cycle's
 * cadence, grouped by owner, each with its Check in. Folded by default (the count says how many);
 * it stays open or folded for the rest of the session.
 */
import { useState } from "preact/hooks";
import type { DueKeyResult, DueList, KeyResultView } from "../../src/core/contract";

let remembered = false;

/** Where a due key result's Check in button is: the focus comes back to it when its form closes. */
export const dueCheckIn = (id: string) => '.needs-update li[data-due-kr-id="' + id + '"] [data-action="check-in"]';

function since(due: DueKeyResult): string {
  const days = due.days === 1 ? "1 day" : due.days + " days";
  return due.keyResult.lastCheckIn
    ? "Last check-in " + days + " ago"
    : "No check-in in the " + days + " since the cycle began";
}

export function NeedsUpdate(props: { due: DueList; onCheckIn: (kr: KeyResultView) => void }) {
  const [open, setOpen] = useState(remembered);
  const { groups, total } = props.due;
  const shown = groups.reduce((sum, g) => sum + g.keyResults.length, 0);
  if (!total) return null;
  const count = total + " key result" + (total === 1 ? "" : "s");
  const toggle = () => {
    remembered = !open;
    setOpen(!open);
  };
  return (
    <section class="needs-update" aria-label="Needs an update">
      <div class="needs-update-head">
        <h2>Needs an update</h2>
        <button
          type="button"
          class="link"
          data-action="toggle-due"
          aria-expanded={open}
          aria-controls="due-list"
          onClick={toggle}
        >
          {(open ? "Hide " : "Show ") + count}
        </button>
      </div>
      {open && (
        <div id="due-list">
          {shown < total && (
            <p class="secondary due-since">
              The {shown} most overdue of {total}; choose an owner or team above to see theirs.
            </p>
          )}
          {groups.map((group) => (
            <div key={group.owner} role="group" aria-label={group.owner || "No owner"}>
              <h3 class="due-owner">{group.owner || "No owner"}</h3>
              <ul class="due">
                {group.keyResults.map((due) => (
                  <li key={due.keyResult.id} data-due-kr-id={due.keyResult.id}>
                    <div class="kr-head">
                      <span class="id">{due.keyResult.id}</span> <span class="kr-title">{due.keyResult.title}</span>
                    </div>
                    <p class="secondary due-since">
                      {since(due)} · {due.objectiveTitle}
                    </p>
                    <button
                      type="button"
                      class="action small"
                      data-action="check-in"
                      // Not "Check in <title>": that is the card's button, a distinct control.
                      aria-label={"Check in " + due.keyResult.id + ", due: " + due.keyResult.title}
                      onClick={() => props.onCheckIn(due.keyResult)}
                    >
                      Check in
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
