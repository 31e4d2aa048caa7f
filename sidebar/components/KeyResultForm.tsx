/** Add a key result to an objective, or edit one's definition (its current value and history stay). */
import * as z from "zod/mini";
import { useState } from "preact/hooks";
import { KeyResultInput } from "../../src/core/model";
import type { KeyResultView, People } from "../../src/core/contract";
import { joined, usePeopleOffer } from "./PeopleOffer";
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
  /** A new key result's owner, until changed: its objective's owner. */
  defaultOwner?: string;
  editing?: KeyResultView;
  /** The People sheet's names and teams. */
  people: People;
  onDone: Done;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<KrDraft>(() =>
    props.editing ? draftOf(props.editing) : { ...EMPTY_KR, owner: props.defaultOwner ?? "" },
  );
  const offer = usePeopleOffer([{ name: draft.owner }], props.people);
  const krHint = useRoadmapHint();
  const request = krRequest(draft);
  const form = useValidatedForm(KeyResultInput, request, "keyResult.");
  const { errors, message, busy } = form;

  const submit = (event: Event) =>
    form.submit(event, async () => {
      const keyResult = request as z.input<typeof KeyResultInput>;
      if (props.editing) {
        await call("updateKeyResult", { id: props.editing.id, keyResult });
        const people = await offer.save();
        props.onDone(
          joined("Saved " + props.editing.id + ".", people.note),
          people.warnings,
          at.krAction(props.editing.id, "edit"),
        );
      } else {
        const added = await call("addKeyResult", { objectiveId: props.objectiveId, keyResult });
        const people = await offer.save();
        props.onDone(
          joined("Added " + added.id + ".", people.note),
          people.warnings,
          at.krAction(added.id, "check-in"),
        );
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
        owners={props.people.names}
        onChange={(next) => {
          form.edited(...changedPaths("keyResult.", draft, next));
          setDraft(next);
        }}
      />
      {offer.offer}
    </PanelForm>
  );
}
