/** Record a new value for a key result, with confidence and a note, next to its recent history. */
import { useEffect, useState } from "preact/hooks";
import type { HistoryEntry, KeyResultView } from "../../src/core/contract";
import { ApiError, call } from "../bridge";
import { valueText } from "../format";
import { errorMap, SelectField, TextField } from "./fields";
import { ProgressBar } from "./ProgressBar";

const CONFIDENCE: [string, string][] = [
  ["", "Not given"],
  ...Array.from({ length: 10 }, (_, i): [string, string] => [
    String(10 - i),
    String(10 - i) + (i === 0 ? " (certain)" : i === 9 ? " (unlikely)" : ""),
  ]),
];

export function CheckInForm(props: {
  kr: KeyResultView;
  onDone: (message: string, warnings: string[]) => void;
  onCancel: () => void;
}) {
  const kr = props.kr;
  const [value, setValue] = useState(kr.type === "milestone" ? (kr.current && kr.current >= 1 ? "1" : "0") : "");
  const [confidence, setConfidence] = useState(kr.confidence ? String(kr.confidence) : "");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyProblem, setHistoryProblem] = useState("");

  useEffect(() => {
    call("getKeyResultHistory", { krId: kr.id, limit: 5 }).then(setHistory, (error: ApiError) =>
      setHistoryProblem(error.message),
    );
  }, [kr.id]);

  async function submit(event: Event) {
    event.preventDefault();
    if (value.trim() === "") {
      setErrors({ value: "Enter the new value." });
      return;
    }
    setBusy(true);
    setMessage("");
    try {
      const result = await call("checkIn", {
        krId: kr.id,
        value,
        confidence: confidence ? Number(confidence) : undefined,
        note: note || undefined,
      });
      props.onDone(kr.id + " is now " + valueText(result.keyResult.current, kr.type, kr.unit) + ".", result.warnings);
    } catch (error) {
      setErrors(errorMap((error as ApiError).fieldErrors ?? []));
      setMessage((error as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="panel"
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && props.onCancel()}
      noValidate
      aria-label={"Check in " + kr.id}
    >
      <h2>Check in {kr.id}</h2>
      <p class="kr-title">{kr.title}</p>
      <ProgressBar value={kr.progress} label={"Progress of " + kr.title} />
      <p class="secondary">
        Now {valueText(kr.current, kr.type, kr.unit)} · from {valueText(kr.start, kr.type, kr.unit)} to{" "}
        {valueText(kr.target, kr.type, kr.unit)}
      </p>
      {kr.type === "milestone" ? (
        <SelectField
          label="New value"
          value={value}
          options={[
            ["0", "Not done"],
            ["1", "Done"],
          ]}
          onChange={setValue}
          error={errors.value}
        />
      ) : (
        <TextField
          label="New value"
          value={value}
          onInput={(v) => {
            setValue(v);
            setErrors({});
          }}
          inputMode="decimal"
          autoFocus
          placeholder={kr.type === "percentage" ? "e.g. 45%" : "e.g. 1,200"}
          error={errors.value}
        />
      )}
      <SelectField
        label="Confidence"
        value={confidence}
        options={CONFIDENCE}
        onChange={setConfidence}
        error={errors.confidence}
      />
      <TextField
        label="Note"
        value={note}
        onInput={setNote}
        multiline
        placeholder="What changed, and why?"
        error={errors.note}
      />
      {message && (
        <div class="error banner" role="alert">
          {message}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="action" disabled={busy}>
          Record check-in
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      <h3>Recent history</h3>
      {historyProblem && <p class="error">{historyProblem}</p>}
      {history === null && !historyProblem && <p class="secondary">Loading…</p>}
      {history && history.length === 0 && <p class="secondary">No check-ins yet.</p>}
      {history && history.length > 0 && (
        <ul class="history" aria-label={"Recent history of " + kr.id}>
          {history.map((entry, i) => (
            <li key={i}>
              <span class="when">{entry.when}</span>{" "}
              <span>
                {valueText(typeof entry.previous === "number" ? entry.previous : null, kr.type, kr.unit)} →{" "}
                {valueText(typeof entry.value === "number" ? entry.value : null, kr.type, kr.unit)}
              </span>
              {entry.confidence !== "" && <span class="secondary"> · confidence {entry.confidence}</span>}
              {entry.note && <div class="note">{entry.note}</div>}
              {entry.author && <div class="secondary">{entry.author}</div>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
