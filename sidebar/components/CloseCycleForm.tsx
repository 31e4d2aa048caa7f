/** Close a cycle: a retrospective per objective (optional), a confirmation when it is still running. */
import { useEffect, useState } from "preact/hooks";
import type { CycleClosed, CycleView } from "../../src/core/contract";
import { call } from "../bridge";
import { useCycleObjectives } from "../cycle-objectives";
import { scoreText } from "../format";
import { useSubmit } from "../use-submit";
import { TextField } from "./fields";
import { PanelForm } from "./PanelForm";

export function CloseCycleForm(props: {
  cycle: CycleView;
  onClosed: (closed: CycleClosed) => void;
  onCancel: () => void;
}) {
  const { cycle } = props;
  const running = cycle.expected < 1;
  const form = useSubmit();
  const { errors, message } = form;
  const objectives = useCycleObjectives(cycle.id, form.setMessage);
  const [retrospectives, setRetrospectives] = useState<Record<string, string>>({});
  const [early, setEarly] = useState(false);
  useEffect(() => {
    if (objectives) setRetrospectives(Object.fromEntries(objectives.map((o) => [o.id, o.retrospective])));
  }, [objectives]);

  function submit(event: Event) {
    event.preventDefault();
    return form.run(
      async () => props.onClosed(await call("closeCycle", { cycle: cycle.id, retrospectives, early })),
      (field) => field === "early" || field.startsWith("retrospectives."),
    );
  }

  return (
    <PanelForm
      label={"Close " + cycle.id}
      formRef={form.formRef}
      onSubmit={submit}
      onCancel={props.onCancel}
      message={message}
      busy={form.busy}
      notReady={objectives === null}
      submitLabel={"Close " + cycle.id + " and freeze grades"}
    >
      <h2>Close {cycle.id}</h2>
      <p class="secondary">
        Each objective's and key result's score is written into the sheet as its final grade, and check-ins on{" "}
        {cycle.id} are refused until it is reopened. Nothing is deleted.
      </p>
      {objectives === null && !message && <p class="secondary">Loading the objectives…</p>}
      {objectives && objectives.length === 0 && <p>{cycle.id} has no active objectives to grade.</p>}
      {objectives?.map((o) => (
        <div class="retro-field" key={o.id}>
          <p>
            <span class="id">{o.id}</span> <span class="kr-title">{o.title}</span>
            <span class="secondary">
              {" "}
              · score {scoreText(o.score)} · {o.commitment === "committed" ? "Committed" : "Aspirational"}
            </span>
          </p>
          <TextField
            label={"What we learned from " + o.id + " (optional)"}
            value={retrospectives[o.id] ?? ""}
            onInput={(text) => setRetrospectives({ ...retrospectives, [o.id]: text })}
            multiline
            placeholder="In a few words: what worked, what didn't, what we'd do differently"
            error={errors["retrospectives." + o.id]}
          />
        </div>
      ))}
      {running && (
        <div class={"field" + (errors.early ? " has-error" : "")}>
          <label class="checkbox confirm">
            <input
              type="checkbox"
              checked={early}
              aria-invalid={errors.early ? "true" : undefined}
              onChange={(e) => setEarly((e.target as HTMLInputElement).checked)}
            />
            Close early: {cycle.id} runs until {cycle.end}; its grades are frozen as they stand today
          </label>
          {errors.early && (
            <div class="error" role="alert">
              {errors.early}
            </div>
          )}
        </div>
      )}
    </PanelForm>
  );
}
