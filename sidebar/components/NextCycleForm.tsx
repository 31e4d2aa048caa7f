/**
 * Start the next cycle: its name and dates (the quarter after by default) and which objectives and
 * key results carry over. Carried ones get new IDs and start from their last value.
 */
import { useState } from "preact/hooks";
import type { CycleView, NextCycle, ObjectiveView } from "../../src/core/contract";
import { quarterOf } from "../../src/core/quarters";
import { call } from "../bridge";
import { useCycleObjectives } from "../cycle-objectives";
import { scoreText, valueText } from "../format";
import { useSubmit } from "../use-submit";
import { TextField } from "./fields";
import { PanelForm } from "./PanelForm";

const iso = (d: Date) =>
  d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");

/** The quarter that starts after a cycle's last day (yyyy-mm-dd). */
function quarterAfter(end: string) {
  const [y, m, d] = end.split("-").map(Number);
  const next = quarterOf(new Date(y, m - 1, d + 1));
  return { cycle: next.id, start: iso(next.start), end: iso(next.end) };
}

function Check(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; children?: unknown }) {
  return (
    <label class="checkbox">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}

export function NextCycleForm(props: { from: CycleView; onStarted: (next: NextCycle) => void; onCancel: () => void }) {
  const { from } = props;
  const [dates, setDates] = useState(() => quarterAfter(from.end));
  const form = useSubmit();
  const { errors, message } = form;
  const objectives = useCycleObjectives(from.id, form.setMessage);
  /** Chosen key results by objective ID; an objective is carried when it is a key. */
  const [chosen, setChosen] = useState<Record<string, string[]>>({});

  const activeKrs = (o: ObjectiveView) => o.keyResults.filter((kr) => !kr.archived).map((kr) => kr.id);
  function toggleObjective(o: ObjectiveView, on: boolean) {
    const next = { ...chosen };
    if (on) next[o.id] = activeKrs(o);
    else delete next[o.id];
    setChosen(next);
  }
  function toggleKr(o: ObjectiveView, krId: string, on: boolean) {
    const krs = chosen[o.id] ?? [];
    setChosen({ ...chosen, [o.id]: on ? [...krs, krId] : krs.filter((id) => id !== krId) });
  }

  function submit(event: Event) {
    event.preventDefault();
    const carry = (objectives ?? [])
      .filter((o) => chosen[o.id])
      .map((o) => ({ objectiveId: o.id, keyResultIds: activeKrs(o).filter((id) => chosen[o.id].includes(id)) }));
    return form.run(
      async () => props.onStarted(await call("startNextCycle", { from: from.id, ...dates, carry })),
      (field) => ["cycle", "start", "end"].includes(field) || /^carry\.\d+\.objectiveId$/.test(field),
    );
  }

  const carried = Object.keys(chosen).length;
  /** The request's path of a chosen objective, where the server says what is wrong with it. */
  const carryField = (o: ObjectiveView) =>
    "carry." + (objectives ?? []).filter((x) => chosen[x.id]).indexOf(o) + ".objectiveId";
  return (
    <PanelForm
      label="Start next cycle"
      formRef={form.formRef}
      onSubmit={submit}
      onCancel={props.onCancel}
      message={message}
      busy={form.busy}
      notReady={objectives === null}
      submitLabel={
        "Start " +
        (dates.cycle || "cycle") +
        (carried ? " with " + carried + (carried === 1 ? " objective" : " objectives") : "")
      }
    >
      <h2>Start the cycle after {from.id}</h2>
      <TextField
        label="New cycle"
        value={dates.cycle}
        onInput={(cycle) => setDates({ ...dates, cycle })}
        error={errors.cycle}
      />
      <div class="row">
        <TextField
          label="First day"
          value={dates.start}
          onInput={(start) => setDates({ ...dates, start })}
          error={errors.start}
        />
        <TextField
          label="Last day"
          value={dates.end}
          onInput={(end) => setDates({ ...dates, end })}
          error={errors.end}
        />
      </div>
      <h3>Carry over from {from.id}</h3>
      <p class="secondary">
        Carried objectives and key results get new IDs, keep their definition and start from their last value; the
        Carried from column links back.
      </p>
      {objectives === null && !message && <p class="secondary">Loading the objectives…</p>}
      {objectives && objectives.length === 0 && <p>{from.id} has no active objectives to carry over.</p>}
      {objectives?.map((o) => (
        <fieldset class="carry" key={o.id}>
          <legend>
            <Check
              label={o.id + " " + o.title + " (final score " + scoreText(o.finalScore ?? o.score) + ")"}
              checked={Boolean(chosen[o.id])}
              onChange={(on) => toggleObjective(o, on)}
            />
          </legend>
          {chosen[o.id] &&
            o.keyResults
              .filter((kr) => !kr.archived)
              .map((kr) => (
                <Check
                  key={kr.id}
                  label={
                    kr.id +
                    " " +
                    kr.title +
                    " (starts from " +
                    valueText(kr.current ?? kr.start, kr.type, kr.unit) +
                    ")"
                  }
                  checked={chosen[o.id].includes(kr.id)}
                  onChange={(on) => toggleKr(o, kr.id, on)}
                />
              ))}
          {chosen[o.id] && errors[carryField(o)] && (
            <div class="error" role="alert">
              {errors[carryField(o)]}
            </div>
          )}
        </fieldset>
      ))}
    </PanelForm>
  );
}
