/**
 * Create an objective with its key results in one go, or edit an objective's own fields.
 * Validated as the manager types with the same zod schema the server uses; errors appear
 * next to their fields once touched (or on submit), server refusals likewise.
 */
import * as z from "zod/mini";
import { useState } from "preact/hooks";
import { ObjectiveInput } from "../../src/core/model";
import { COMMITMENTS, type Commitment } from "../../src/core/vocabulary";
import type { ObjectiveView } from "../../src/core/contract";
import { call } from "../bridge";
import { SelectField, TextField } from "./fields";
import { EMPTY_KR, KeyResultFields, krRequest, type KrDraft } from "./KeyResultFields";
import { changedPaths } from "../touched";
import { useValidatedForm } from "../use-form";
import { useRoadmapHint } from "../roadmap-hint";

interface ObjectiveDraft {
  title: string;
  cycle: string;
  team: string;
  owner: string;
  commitment: string;
  description: string;
  keyResults: KrDraft[];
}

export function objectiveRequest(draft: ObjectiveDraft, withKeyResults: boolean) {
  return {
    title: draft.title,
    cycle: draft.cycle,
    team: draft.team || undefined,
    owner: draft.owner || undefined,
    commitment: draft.commitment,
    description: draft.description || undefined,
    keyResults: withKeyResults ? draft.keyResults.map(krRequest) : [],
  };
}

export function ObjectiveForm(props: {
  cycles: string[];
  defaultCycle: string;
  editing?: ObjectiveView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const editing = props.editing;
  const [draft, setDraft] = useState<ObjectiveDraft>(() => ({
    title: editing?.title ?? "",
    cycle: editing?.cycle ?? props.defaultCycle,
    team: editing?.team ?? "",
    owner: editing?.owner ?? "",
    commitment: editing?.commitment ?? "aspirational",
    description: editing?.description ?? "",
    keyResults: editing ? [] : [{ ...EMPTY_KR }],
  }));
  const krHint = useRoadmapHint();
  const request = objectiveRequest(draft, !editing);
  const form = useValidatedForm(ObjectiveInput, request);
  const { errors, message, busy } = form;

  const update = (changes: Partial<ObjectiveDraft>) => {
    form.edited(...changedPaths("", draft, { ...draft, ...changes }).filter((p) => p !== "keyResults"));
    setDraft({ ...draft, ...changes });
  };
  const setKr = (index: number, kr: KrDraft) => {
    form.edited(...changedPaths("keyResults." + index + ".", draft.keyResults[index], kr));
    update({ keyResults: draft.keyResults.map((k, i) => (i === index ? kr : k)) });
  };

  const submit = (event: Event) =>
    form.submit(event, async () => {
      if (editing) {
        const changes = {
          title: draft.title,
          cycle: draft.cycle,
          team: draft.team,
          owner: draft.owner,
          description: draft.description,
          commitment: draft.commitment as Commitment,
        };
        await call("updateObjective", { id: editing.id, changes });
        props.onDone("Saved " + editing.id + ".");
      } else {
        const created = await call("createObjective", request as z.input<typeof ObjectiveInput>);
        props.onDone(
          "Created " +
            created.id +
            " with " +
            created.keyResultIds.length +
            " key result" +
            (created.keyResultIds.length === 1 ? "" : "s") +
            ".",
        );
      }
    });

  const cycleOptions = [...new Set([...props.cycles, draft.cycle].filter(Boolean))].map((c) => [c, c] as const);
  return (
    <form
      class="panel"
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && props.onCancel()}
      noValidate
      aria-label={editing ? "Edit objective" : "New objective"}
    >
      <h2>{editing ? "Edit " + editing.id : "New objective"}</h2>
      <p class="secondary">
        Say what is different this quarter: a shift of focus, a change, something to find out. Delivering the roadmap is
        the team's normal job.
      </p>
      <TextField
        label="Objective"
        value={draft.title}
        onInput={(title) => update({ title })}
        error={errors.title}
        autoFocus
        placeholder="e.g. Make checkout fast enough that people stop abandoning it"
      />
      <div class="row">
        <SelectField
          label="Cycle"
          value={draft.cycle}
          options={cycleOptions}
          onChange={(cycle) => update({ cycle })}
          error={errors.cycle}
        />
        <SelectField
          label="Commitment"
          value={draft.commitment}
          options={COMMITMENTS.map(
            (c) => [c, c === "committed" ? "Committed (aim for 1.0)" : "Aspirational (0.7 is success)"] as const,
          )}
          onChange={(commitment) => update({ commitment })}
          error={errors.commitment}
        />
      </div>
      <div class="row">
        <TextField label="Team" value={draft.team} onInput={(team) => update({ team })} error={errors.team} />
        <TextField label="Owner" value={draft.owner} onInput={(owner) => update({ owner })} error={errors.owner} />
      </div>
      <TextField
        label="Description"
        value={draft.description}
        onInput={(description) => update({ description })}
        multiline
        error={errors.description}
      />
      {draft.keyResults.map((kr, index) => (
        <KeyResultFields
          key={index}
          heading={"Key result " + (index + 1)}
          draft={kr}
          path={"keyResults." + index + "."}
          errors={errors}
          hint={krHint(kr.title)}
          onChange={(next) => setKr(index, next)}
          onRemove={
            draft.keyResults.length > 1
              ? () => update({ keyResults: draft.keyResults.filter((_, i) => i !== index) })
              : undefined
          }
        />
      ))}
      {!editing && draft.keyResults.length < 10 && (
        <button
          type="button"
          class="secondary-button"
          onClick={() => update({ keyResults: [...draft.keyResults, { ...EMPTY_KR }] })}
        >
          Add key result
        </button>
      )}
      {!editing && draft.keyResults.length > 5 && (
        <p class="warning">More than five key results dilute the focus; consider fewer.</p>
      )}
      {message && (
        <div class="error banner" role="alert">
          {message}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="action" disabled={busy}>
          {editing ? "Save objective" : "Create objective"}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
