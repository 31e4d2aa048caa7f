/** Add a key result to an objective, or edit one's definition (its current value and history stay). */
import * as z from "zod/mini";
import { useState } from "preact/hooks";
import { KeyResultInput } from "../../src/core/model";
import type { KeyResultView } from "../../src/core/contract";
import type { Done } from "../App";
import { call } from "../bridge";
import { at } from "../return-focus";
import { PanelForm } from "./PanelForm";
import { numberText, typedNumberStyle } from "../../src/core/cell-values";
import { EMPTY_KR, KeyResultFields, krRequest, type KrDraft } from "./KeyResultFields";
import { changedPaths } from "../touched";
import { useValidatedForm } from "../use-form";
import { useRoadmapHint } from "../roadmap-hint";

function draftOf(kr: KeyResultView): KrDraft {
  return {
    title: kr.title,
    type: kr.type,
    start: numberText(kr.start, typedNumberStyle()),
    target: numberText(kr.target, typedNumberStyle()),
    unit: kr.unit,
    weight: numberText(kr.weight, typedNumberStyle()),
    owner: kr.owner,
  };
}

export function KeyResultForm(props: {
  objectiveId: string;
  editing?: KeyResultView;
  onDone: Done;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<KrDraft>(() => (props.editing ? draftOf(props.editing) : { ...EMPTY_KR }));
  const krHint = useRoadmapHint();
  const request = krRequest(draft);
  const form = useValidatedForm(KeyResultInput, request, "keyResult.");
  const { errors, message, busy } = form;

  const submit = (event: Event) =>
    form.submit(event, async () => {
      const keyResult = request as z.input<typeof KeyResultInput>;
      if (props.editing) {
        await call("updateKeyResult", { id: props.editing.id, keyResult });
        props.onDone("Saved " + props.editing.id + ".", [], at.krAction(props.editing.id, "edit"));
      } else {
        const added = await call("addKeyResult", { objectiveId: props.objectiveId, keyResult });
        props.onDone("Added " + added.id + ".", [], at.krAction(added.id, "check-in"));
      }
    });

  return (
    <PanelForm
      label={props.editing ? "Edit key result" : "Add key result"}
      formRef={form.formRef}
      onSubmit={submit}
      onCancel={props.onCancel}
      message={message}
      busy={busy}
      submitLabel={props.editing ? "Save key result" : "Add key result"}
    >
      <h2>{props.editing ? "Edit " + props.editing.id : "New key result for " + props.objectiveId}</h2>
      <KeyResultFields
        heading="Key result"
        draft={draft}
        path="keyResult."
        errors={errors}
        hint={krHint(draft.title)}
        onChange={(next) => {
          form.edited(...changedPaths("keyResult.", draft, next));
          setDraft(next);
        }}
      />
    </PanelForm>
  );
}
