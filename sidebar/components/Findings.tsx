/** The roadmap check and quality findings, worst first, each with its reason and a jump to its row. */
import { useState } from "preact/hooks";
import type { OkrCheck, OkrFinding } from "../../src/core/contract";
import { ApiError, call } from "../bridge";

const ORDER = { duplicate: 0, output: 1, related: 2, ok: 3 } as const;

function FindingItem(props: { finding: OkrFinding; onProblem: (message: string) => void }) {
  const f = props.finding;
  const verdict = f.roadmap.verdict;
  const go = () =>
    call("goToRow", { sheet: f.sheet, row: f.row }).catch((error: ApiError) => props.onProblem(error.message));
  return (
    <li class={"finding finding-" + verdict} data-finding-id={f.id}>
      <div class="kr-head">
        <span class="id">{f.id}</span> <span class="kr-title">{f.text}</span>
      </div>
      <p>
        <span class={"verdict verdict-" + verdict}>
          {verdict === "duplicate"
            ? "Restates the roadmap"
            : verdict === "output"
              ? "Delivery work, not an outcome"
              : verdict === "related"
                ? "Related to the roadmap"
                : "Independent"}
        </span>
        {f.items.length > 0 && <span class="secondary"> · {f.items.join("; ")}</span>}
      </p>
      {verdict !== "ok" && <p class="reason">{f.roadmap.reason}</p>}
      {f.roadmap.suggestion && !f.roadmap.reason.includes(f.roadmap.suggestion) && (
        <p class="suggestion">Try instead: {f.roadmap.suggestion}</p>
      )}
      {f.quality.map((q) => (
        <p class="quality" key={q.rule}>
          <strong>{q.rule}</strong>: {q.message}
        </p>
      ))}
      <button type="button" class="link" onClick={go}>
        Go to {f.id} in {f.sheet}, row {f.row}
      </button>
    </li>
  );
}

export function Findings(props: { onBack: () => void }) {
  const [check, setCheck] = useState<OkrCheck | null>(null);
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setProblem("");
    try {
      setCheck(await call("checkOkrs", { writeToSheet: true }));
    } catch (error) {
      setProblem((error as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const shown = check
    ? check.findings
        .filter((f) => f.roadmap.verdict !== "ok" || f.quality.length)
        .sort((a, b) => ORDER[a.roadmap.verdict] - ORDER[b.roadmap.verdict])
    : [];
  return (
    <section class="panel" aria-label="Check OKRs">
      <h2>Check OKRs against the roadmap</h2>
      <p class="secondary">
        OKRs should say what is different this quarter. Shipping roadmap items is the team's normal job, and ongoing
        health belongs in KPIs.
      </p>
      <div class="actions">
        <button type="button" class="action" onClick={run} disabled={busy}>
          {check ? "Check again" : "Check now"}
        </button>
        <button type="button" onClick={props.onBack}>
          Back to overview
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {check && (
        <div role="status">
          <p class={check.shipTheRoadmap ? "warning" : "summary"}>{check.summary}</p>
          <p class="secondary">Verdicts are also in the sheets' Roadmap check column, with the reasons as notes.</p>
        </div>
      )}
      {check && shown.length === 0 && <p>No findings: every OKR says something beyond the roadmap.</p>}
      {shown.length > 0 && (
        <ul class="findings" aria-label="Findings">
          {shown.map((f) => (
            <FindingItem key={f.id} finding={f} onProblem={setProblem} />
          ))}
        </ul>
      )}
    </section>
  );
}
