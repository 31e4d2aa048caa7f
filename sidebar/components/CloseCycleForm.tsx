/** Close a cycle: a retrospective per objective (optional), a confirmation when it is still running. */
import { useEffect, useState } from "preact/hooks";
import type { CycleClosed, CycleView, ObjectiveView } from "../../src/core/contract";
import { ApiError, call } from "../bridge";
import { bannerText, useFocusOnRefusal } from "../focus";
import { scoreText } from "../format";
import { Banner, errorMap, TextField, type ErrorMap } from "./fields";

export function CloseCycleForm(props: {
  cycle: CycleView;
  onClosed: (closed: CycleClosed) => void;
  onCancel: () => void;
}) {
  const { cycle } = props;
  const running = cycle.expected < 1;
  const [objectives, setObjectives] = useState<ObjectiveView[] | null>(null);
  const [retrospectives, setRetrospectives] = useState<Record<string, string>>({});
  const [early, setEarly] = useState(false);
  const [errors, setErrors] = useState<ErrorMap>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const { formRef, refused } = useFocusOnRefusal();

  useEffect(() => {
    call("getOverview", { cycle: cycle.id }).then(
      (overview) => {
        const active = overview.objectives.filter((o) => o.cycle === cycle.id && !o.archived);
        setObjectives(active);
        setRetrospectives(Object.fromEntries(active.map((o) => [o.id, o.retrospective])));
      },
      (error: ApiError) => setMessage(error.message),
    );
  }, [cycle.id]);

  async function submit(event: Event) {
    event.preventDefault();
    setMessage("");
    setErrors({});
    setBusy(true);
    try {
      props.onClosed(await call("closeCycle", { cycle: cycle.id, retrospectives, early }));
    } catch (error) {
      setErrors(errorMap((error as ApiError).fieldErrors ?? []));
      setMessage(bannerText(error as ApiError, (field) => field === "early" || field.startsWith("retrospectives.")));
      refused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="panel"
      ref={formRef}
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && props.onCancel()}
      noValidate
      aria-label={"Close " + cycle.id}
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
      <Banner message={message} />
      <div class="actions">
        <button type="submit" class="action" disabled={busy || objectives === null}>
          Close {cycle.id} and freeze grades
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
