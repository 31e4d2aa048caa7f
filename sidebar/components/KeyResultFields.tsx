/** The fields of one key result, used when creating an objective, adding and editing a key result. */
import { KR_TYPE_LABELS, KR_TYPES } from "../../src/core/vocabulary";
import { SelectField, TextField, type ErrorMap } from "./fields";

export interface KrDraft {
  title: string;
  type: string;
  start: string;
  target: string;
  unit: string;
  weight: string;
  owner: string;
}

export const EMPTY_KR: KrDraft = {
  title: "",
  type: "increase",
  start: "0",
  target: "",
  unit: "",
  weight: "1",
  owner: "",
};

/** The request shape the shared zod schema checks; blank optional fields are left out. */
export function krRequest(draft: KrDraft) {
  const milestone = draft.type === "milestone";
  return {
    title: draft.title,
    type: draft.type,
    start: milestone ? 0 : draft.start.trim() === "" ? 0 : draft.start,
    target: milestone ? 1 : draft.target,
    unit: draft.unit || undefined,
    weight: draft.weight.trim() === "" ? 1 : draft.weight,
    owner: draft.owner || undefined,
  };
}

const TYPE_OPTIONS = KR_TYPES.map((t) => [t, KR_TYPE_LABELS[t]] as const);

export function KeyResultFields(props: {
  draft: KrDraft;
  onChange: (draft: KrDraft) => void;
  errors: ErrorMap;
  /** Path prefix of this KR's errors, e.g. "keyResults.1." or "keyResult.". */
  path: string;
  heading: string;
  hint?: preact.ComponentChildren;
  /** Names to suggest for the owner (the People sheet's). */
  owners?: readonly string[];
  /** Whom a blank owner means: the objective's owner. */
  defaultOwner?: string;
  onRemove?: () => void;
}) {
  const { draft, errors, path } = props;
  const set = (field: keyof KrDraft) => (value: string) => props.onChange({ ...draft, [field]: value });
  const milestone = draft.type === "milestone";
  /** A text field bound to one draft field and its error. */
  const text = (field: keyof KrDraft, label: string, more: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField label={label} value={draft[field]} onInput={set(field)} error={errors[path + field]} {...more} />
  );
  return (
    <fieldset class="kr-fields">
      <legend>{props.heading}</legend>
      {text("title", "Key result", { placeholder: "e.g. 1000 users/day use the new screen", hint: props.hint })}
      <SelectField
        label="Type"
        value={draft.type}
        options={TYPE_OPTIONS}
        onChange={set("type")}
        error={errors[path + "type"]}
      />
      {!milestone && (
        <div class="row">
          {text("start", "Start", { inputMode: "decimal" })}
          {text("target", "Target", { inputMode: "decimal" })}
        </div>
      )}
      <div class="row">
        {text("unit", "Unit", { placeholder: draft.type === "percentage" ? "%" : "ms, users/day" })}
        {text("weight", "Weight", { inputMode: "decimal" })}
      </div>
      {text("owner", "KR owner", {
        suggestions: props.owners,
        placeholder: props.defaultOwner ? props.defaultOwner + " (the objective's owner)" : undefined,
      })}
      {props.onRemove && (
        <button type="button" class="link" onClick={props.onRemove}>
          Remove this key result
        </button>
      )}
    </fieldset>
  );
}
