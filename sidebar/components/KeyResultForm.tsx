/** Add a key result to an objective, or edit one's definition (its current value and history stay). */
import * as z from "zod/mini";
import { useMemo, useState } from "preact/hooks";
import { fieldErrors, KeyResultInput } from "../../src/core/model";
import type { KeyResultView } from "../../src/server/records";
import { ApiError, call } from "../bridge";
import { errorMap } from "./fields";
import { EMPTY_KR, KeyResultFields, krRequest, type KrDraft } from "./KeyResultFields";
import { changedPaths, useTouched } from "../touched";
import { useRoadmapHint } from "../roadmap-hint";

function draftOf(kr: KeyResultView): KrDraft {
  return { title: kr.title, type: kr.type, start: String(kr.start), target: String(kr.target), unit: kr.unit, weight: String(kr.weight), owner: kr.owner };
}

export function KeyResultForm(props: { objectiveId: string; editing?: KeyResultView; onDone: (message: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<KrDraft>(() => (props.editing ? draftOf(props.editing) : { ...EMPTY_KR }));
  const touched = useTouched();
  const krHint = useRoadmapHint();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const request = krRequest(draft);
  const clientErrors = useMemo(() => {
    const result = z.safeParse(KeyResultInput, request);
    return result.success ? {} : errorMap(fieldErrors(result.error).map((e) => ({ field: "keyResult." + e.field, message: e.message })));
  }, [JSON.stringify(request)]);
  const errors = { ...touched.visible(clientErrors), ...serverErrors };

  async function submit(event: Event) {
    event.preventDefault();
    touched.touchAll();
    if (Object.keys(clientErrors).length) {
      setMessage("Please fix the fields marked below.");
      return;
    }
    setBusy(true);
    try {
      const keyResult = request as z.input<typeof KeyResultInput>;
      if (props.editing) {
        await call("updateKeyResult", { id: props.editing.id, keyResult });
        props.onDone("Saved " + props.editing.id + ".");
      } else {
        const added = await call("addKeyResult", { objectiveId: props.objectiveId, keyResult });
        props.onDone("Added " + added.id + ".");
      }
    } catch (error) {
      setServerErrors(errorMap((error as ApiError).fieldErrors ?? []));
      setMessage((error as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="panel" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && props.onCancel()} noValidate aria-label={props.editing ? "Edit key result" : "Add key result"}>
      <h2>{props.editing ? "Edit " + props.editing.id : "New key result for " + props.objectiveId}</h2>
      <KeyResultFields heading="Key result" draft={draft} path="keyResult." errors={errors} hint={krHint(draft.title)}
        onChange={(next) => { touched.touch(...changedPaths("keyResult.", draft, next)); setDraft(next); setServerErrors({}); }} />
      {message && <div class="error banner" role="alert">{message}</div>}
      <div class="actions">
        <button type="submit" class="action" disabled={busy}>{props.editing ? "Save key result" : "Add key result"}</button>
        <button type="button" onClick={props.onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
