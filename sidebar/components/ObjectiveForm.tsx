/**
 * Create an objective with its key results in one go, or edit an objective's own fields.
 * Validated as the manager types with the same zod schema the server uses; errors appear
 * next to their fields once touched (or on submit), server refusals likewise.
 */
import * as z from "zod/mini";
import { useState } from "preact/hooks";
import { ObjectiveInput } from "../../src/core/model";
import { numberText, typedNumberStyle } from "../../src/core/cell-values";
import { COMMITMENTS, type Commitment } from "../../src/core/vocabulary";
import type { Alignable, ObjectiveView, People } from "../../src/core/contract";
import { joined, usePeopleOffer, type Person } from "./PeopleOffer";
import type { Done } from "../App";
import { call } from "../bridge";
import { at } from "../return-focus";
import { RadioField, SelectField, TextField, type ErrorMap } from "./fields";
import { PanelForm } from "./PanelForm";
import { EMPTY_KR, KeyResultFields, krRequest, type KrDraft } from "./KeyResultFields";
import { changedPaths } from "../touched";
import { useValidatedForm } from "../use-form";
import { useRoadmapHint } from "../roadmap-hint";

interface ObjectiveDraft {
  title: string;
  cycle: string;
  team: string;
  owner: string;
  /** "" until the manager chooses: how the final score reads depends on it, so nothing is assumed. */
  commitment: string;
  description: string;
  /** The parent objective's ID, "" for none. */
  parent: string;
  /** How much it counts in its parent's progress; sent only with a parent. */
  weight: string;
  keyResults: KrDraft[];
}

const COMMITMENT_LABELS: Record<Commitment, string> = {
  committed: "Committed: we will reach 1.0",
  aspirational: "Aspirational: 0.7 is a success",
};

export function objectiveRequest(draft: ObjectiveDraft, withKeyResults: boolean) {
  return {
    title: draft.title,
    cycle: draft.cycle,
    team: draft.team || undefined,
    owner: draft.owner || undefined,
    commitment: draft.commitment,
    description: draft.description || undefined,
    parent: draft.parent || undefined,
    weight: draft.parent && draft.weight.trim() !== "" ? draft.weight : undefined,
    keyResults: withKeyResults ? draft.keyResults.map(krRequest) : [],
  };
}

interface FormProps {
  cycles: string[];
  /** Every active objective: the parents to choose from (those of the draft's cycle). */
  alignable: Alignable[];
  /** The People sheet's names and teams, suggested for Owner and Team. */
  people: People;
  defaultCycle: string;
  editing?: ObjectiveView;
  onDone: Done;
  onCancel: () => void;
}

function firstDraft(props: FormProps): ObjectiveDraft {
  const editing = props.editing;
  return {
    title: editing?.title ?? "",
    cycle: editing?.cycle ?? props.defaultCycle,
    team: editing?.team ?? "",
    owner: editing?.owner ?? "",
    commitment: editing?.commitment ?? "",
    description: editing?.description ?? "",
    parent: editing?.parent ?? "",
    weight: editing ? numberText(editing.weight, typedNumberStyle()) : "1",
    keyResults: editing ? [] : [{ ...EMPTY_KR }],
  };
}

/** Sends the draft: an update of the objective's own fields, or a new objective with its key results. */
async function send(draft: ObjectiveDraft, props: FormProps, offer: ReturnType<typeof usePeopleOffer>): Promise<void> {
  const editing = props.editing;
  if (editing) {
    const { title, cycle, team, owner, description, parent } = draft;
    const commitment = draft.commitment as Commitment;
    const weight = objectiveRequest(draft, false).weight;
    const changes = { title, cycle, team, owner, description, commitment, parent, ...(weight ? { weight } : {}) };
    await call("updateObjective", { id: editing.id, changes });
    const added = await offer.save();
    props.onDone(
      joined("Saved " + editing.id + ".", added.note),
      added.warnings,
      at.objectiveAction(editing.id, "edit"),
    );
    return;
  }
  const request = objectiveRequest(draft, true) as z.input<typeof ObjectiveInput>;
  const created = await call("createObjective", request);
  const count = created.keyResultIds.length;
  const krs = count + " key result" + (count === 1 ? "" : "s");
  const added = await offer.save();
  props.onDone(
    joined("Created " + created.id + " with " + krs + ".", added.note),
    added.warnings,
    at.objective(created.id),
  );
}

/** The owners and team a draft names, for the People sheet (a key result's owner in the objective's team). */
function peopleOf(draft: ObjectiveDraft): Person[] {
  return [draft, ...draft.keyResults].map((d) => ({ name: d.owner, team: draft.team }));
}

/**
 * The parents an objective may choose: active objectives of its cycle, not itself nor any objective
 * below it (that would be a loop). The server checks the rest (alignment.ts), e.g. the depth.
 */
export function parentOptions(alignable: readonly Alignable[], cycle: string, editing?: string) {
  const byId = new Map(alignable.map((o) => [o.id, o]));
  const below = (id: string) => {
    for (let up = byId.get(id)?.parent, hops = 0; up && hops < alignable.length; up = byId.get(up)?.parent, hops++)
      if (up === editing) return true;
    return false;
  };
  const choices = alignable.filter((o) => o.cycle === cycle && o.id !== editing && !below(o.id));
  return [["", "None"] as const, ...choices.map((o) => [o.id, o.id + " · " + o.title] as const)];
}

/** The objective's own fields: title, cycle, commitment, parent, team, owner, description. */
function ObjectiveFields(props: {
  draft: ObjectiveDraft;
  errors: ErrorMap;
  cycles: string[];
  alignable: Alignable[];
  people: People;
  editing?: string;
  update: (changes: Partial<ObjectiveDraft>) => void;
}) {
  const { draft, errors, update } = props;
  const parents = parentOptions(props.alignable, draft.cycle, props.editing);
  // A parent typed into the sheet that isn't a choice (another cycle, unknown) stays visible, so it is not lost unseen.
  if (draft.parent && !parents.some(([id]) => id === draft.parent)) parents.push([draft.parent, draft.parent] as const);
  const cycleOptions = [...new Set([...props.cycles, draft.cycle].filter(Boolean))].map((c) => [c, c] as const);
  return (
    <>
      <TextField
        label="Objective"
        value={draft.title}
        onInput={(title) => update({ title })}
        error={errors.title}
        autoFocus
        placeholder="e.g. Make checkout fast enough that people stop abandoning it"
      />
      <SelectField
        label="Cycle"
        value={draft.cycle}
        options={cycleOptions}
        onChange={(cycle) => update({ cycle })}
        error={errors.cycle}
      />
      <RadioField
        label="Commitment"
        value={draft.commitment}
        options={COMMITMENTS.map((c) => [c, COMMITMENT_LABELS[c]] as const)}
        onChange={(commitment) => update({ commitment })}
        error={errors.commitment}
      />
      <SelectField
        label="Parent objective"
        value={draft.parent}
        options={parents}
        onChange={(parent) => update({ parent })}
        error={errors.parent}
      />
      {draft.parent && (
        <TextField
          label="Weight in the parent's progress"
          value={draft.weight}
          onInput={(weight) => update({ weight })}
          error={errors.weight}
          inputMode="decimal"
        />
      )}
      <div class="row">
        <TextField
          label="Team"
          value={draft.team}
          onInput={(team) => update({ team })}
          error={errors.team}
          suggestions={props.people.teams}
        />
        <TextField
          label="Owner"
          value={draft.owner}
          onInput={(owner) => update({ owner })}
          error={errors.owner}
          suggestions={props.people.names}
        />
      </div>
      <TextField
        label="Description"
        value={draft.description}
        onInput={(description) => update({ description })}
        multiline
        error={errors.description}
      />
    </>
  );
}

/** A new objective's key results: one fieldset each, added and removed in place. */
function KeyResultList(props: {
  draft: ObjectiveDraft;
  errors: ErrorMap;
  people: People;
  setKr: (index: number, kr: KrDraft) => void;
  update: (changes: Partial<ObjectiveDraft>) => void;
}) {
  const { draft, errors, setKr, update } = props;
  const krHint = useRoadmapHint();
  const krs = draft.keyResults;
  return (
    <>
      {krs.map((kr, index) => (
        <KeyResultFields
          key={index}
          heading={"Key result " + (index + 1)}
          draft={kr}
          path={"keyResults." + index + "."}
          errors={errors}
          hint={krHint(kr.title)}
          owners={props.people.names}
          defaultOwner={draft.owner}
          onChange={(next) => setKr(index, next)}
          onRemove={krs.length > 1 ? () => update({ keyResults: krs.filter((_, i) => i !== index) }) : undefined}
        />
      ))}
      {krs.length < 10 && (
        <button
          type="button"
          class="secondary-button"
          onClick={() => update({ keyResults: [...krs, { ...EMPTY_KR }] })}
        >
          Add key result
        </button>
      )}
      {krs.length > 5 && <p class="warning">More than five key results dilute the focus; consider fewer.</p>}
    </>
  );
}

export function ObjectiveForm(props: FormProps) {
  const editing = props.editing;
  const [draft, setDraft] = useState<ObjectiveDraft>(() => firstDraft(props));
  const form = useValidatedForm(ObjectiveInput, objectiveRequest(draft, !editing));
  const offer = usePeopleOffer(peopleOf(draft), props.people);

  const update = (changes: Partial<ObjectiveDraft>) => {
    form.edited(...changedPaths("", draft, { ...draft, ...changes }).filter((p) => p !== "keyResults"));
    setDraft({ ...draft, ...changes });
  };
  const setKr = (index: number, kr: KrDraft) => {
    form.edited(...changedPaths("keyResults." + index + ".", draft.keyResults[index], kr));
    update({ keyResults: draft.keyResults.map((k, i) => (i === index ? kr : k)) });
  };

  return (
    <PanelForm
      label={editing ? "Edit objective" : "New objective"}
      formRef={form.formRef}
      onSubmit={(event) => form.submit(event, () => send(draft, props, offer))}
      onCancel={props.onCancel}
      message={form.message}
      busy={form.busy}
      submitLabel={editing ? "Save objective" : "Create objective"}
    >
      <h2>{editing ? "Edit " + editing.id : "New objective"}</h2>
      <p class="secondary">
        Say what is different this quarter: a shift of focus, a change, something to find out. Delivering the roadmap is
        the team's normal job.
      </p>
      <ObjectiveFields
        draft={draft}
        errors={form.errors}
        cycles={props.cycles}
        alignable={props.alignable}
        people={props.people}
        editing={editing?.id}
        update={update}
      />
      {!editing && (
        <KeyResultList draft={draft} errors={form.errors} people={props.people} setKr={setKr} update={update} />
      )}
      {offer.offer}
    </PanelForm>
  );
}
