/** Record a new value for a key result, with confidence and a note, next to its recent history. */
import { useEffect, useState } from "preact/hooks";
import type { CycleView, HistoryEntry, KeyResultView } from "../../src/core/contract";
import type { Done } from "../App";
import { ApiError, call } from "../bridge";
import { valueText } from "../format";
import { at } from "../return-focus";
import { useSubmit } from "../use-submit";
import { SelectField, TextField } from "./fields";
import { disagreement, KeyResultTrend, trendOf } from "./KeyResultTrend";
import { PanelForm } from "./PanelForm";
import { ProgressBar } from "./ProgressBar";

const CONFIDENCE: [string, string][] = [
  ["", "Not given"],
  ...Array.from({ length: 10 }, (_, i): [string, string] => [
    String(10 - i),
    String(10 - i) + (i === 0 ? " (certain)" : i === 9 ? " (unlikely)" : ""),
  ]),
];

/** Records read for the trend: a quarter of daily check-ins. */
const TREND_RECORDS = 100;
/** Records listed under it. */
const LISTED = 5;

/** The key result's trend this cycle (with a flag where confidence and the trend disagree), and its last few values. */
function RecentHistory(props: { kr: KeyResultView; cycle?: CycleView }) {
  const { kr, cycle } = props;
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    call("getKeyResultHistory", { krId: kr.id, limit: TREND_RECORDS }).then(setHistory, (error: ApiError) =>
      setProblem(error.message),
    );
  }, [kr.id]);
  const shown = (v: unknown) => valueText(typeof v === "number" ? v : null, kr.type, kr.unit);
  const trend = history && cycle ? trendOf(kr, history, cycle) : null;
  const flag = trend && disagreement(kr, trend);
  return (
    <>
      {trend && cycle && (
        <>
          <h3>Trend this cycle</h3>
          <KeyResultTrend kr={kr} trend={trend} cycle={cycle} />
          {flag && (
            <p class="warning trend-flag" role="note">
              {flag}
            </p>
          )}
        </>
      )}
      <h3>Recent history</h3>
      {problem && <p class="error">{problem}</p>}
      {history === null && !problem && <p class="secondary">Loading…</p>}
      {history && history.length === 0 && <p class="secondary">No check-ins yet.</p>}
      {history && history.length > 0 && (
        <ul class="history" aria-label={"Recent history of " + kr.id}>
          {history.slice(0, LISTED).map((entry, i) => (
            <li key={i}>
              <span class="when">{entry.when}</span>{" "}
              <span>
                {shown(entry.previous)} → {shown(entry.value)}
              </span>
              {entry.confidence !== "" && <span class="secondary"> · confidence {entry.confidence}</span>}
              {entry.note && <div class="note">{entry.note}</div>}
              {entry.author && <div class="secondary">{entry.author}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CheckInForm(props: { kr: KeyResultView; cycle?: CycleView; onDone: Done; onCancel: () => void }) {
  const kr = props.kr;
  const [value, setValue] = useState(kr.type === "milestone" ? (kr.current && kr.current >= 1 ? "1" : "0") : "");
  const [confidence, setConfidence] = useState(kr.confidence ? String(kr.confidence) : "");
  const [note, setNote] = useState("");
  const form = useSubmit();
  const { errors, setErrors } = form;

  function submit(event: Event) {
    event.preventDefault();
    if (value.trim() === "") return form.refuse({ value: "Enter the new value." });
    const request = {
      krId: kr.id,
      value,
      confidence: confidence ? Number(confidence) : undefined,
      note: note || undefined,
      row: kr.sheetRow,
    };
    return form.run(
      async () => {
        const result = await call("checkIn", request);
        const now = kr.id + " is now " + valueText(result.keyResult.current, kr.type, kr.unit) + ".";
        props.onDone(now, result.warnings, at.krAction(kr.id, "check-in"));
      },
      (field) => ["value", "confidence", "note"].includes(field),
    );
  }

  return (
    <PanelForm
      label={"Check in " + kr.id}
      formRef={form.formRef}
      onSubmit={submit}
      onCancel={props.onCancel}
      message={form.message}
      busy={form.busy}
      submitLabel="Record check-in"
      after={<RecentHistory kr={kr} cycle={props.cycle} />}
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
    </PanelForm>
  );
}
