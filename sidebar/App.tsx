/** The sidebar: overview by default; forms replace it while open; messages are announced politely. */
import { useEffect, useState } from "preact/hooks";
import type { KeyResultView, ObjectiveView, Overview as OverviewData } from "../src/core/contract";
import { ApiError, call, onBusyChange } from "./bridge";
import { CheckInForm } from "./components/CheckInForm";
import { Findings } from "./components/Findings";
import { KeyResultForm } from "./components/KeyResultForm";
import { ObjectiveForm } from "./components/ObjectiveForm";
import { Overview, type Filter } from "./components/Overview";

type View =
  | { name: "overview" }
  | { name: "create" }
  | { name: "editObjective"; objective: ObjectiveView }
  | { name: "addKeyResult"; objective: ObjectiveView }
  | { name: "editKeyResult"; kr: KeyResultView }
  | { name: "checkIn"; kr: KeyResultView }
  | { name: "findings" };

const NOT_SET_UP = /isn't set up/;

export function App() {
  const [view, setView] = useState<View>({ name: "overview" });
  const [data, setData] = useState<OverviewData | null>(null);
  const [filter, setFilter] = useState<Filter | null>(null);
  const [problem, setProblem] = useState("");
  const [notice, setNotice] = useState<{ text: string; warnings: string[] }>({ text: "", warnings: [] });
  const [busy, setBusy] = useState(false);
  const [slow, setSlow] = useState(false);

  useEffect(() => onBusyChange(setBusy), []);
  useEffect(() => {
    // Only a call that takes a moment shows the indicator, so quick ones don't flicker.
    if (!busy) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), 250);
    return () => clearTimeout(timer);
  }, [busy]);

  async function load(next: Filter | null = filter) {
    try {
      const overview = await call("getOverview", next ?? {});
      setData(overview);
      setFilter(next ?? { cycle: overview.currentCycle, team: "", owner: "", includeArchived: false });
      setProblem("");
    } catch (error) {
      setProblem((error as ApiError).message);
    }
  }
  useEffect(() => {
    load(null);
  }, []);

  const done = (text: string, warnings: string[] = []) => {
    setNotice({ text, warnings });
    setView({ name: "overview" });
    load();
  };
  const back = () => setView({ name: "overview" });

  async function setUp() {
    try {
      const report = await call("setUpTracker", {});
      setNotice({ text: report, warnings: [] });
      await load(null);
    } catch (error) {
      setProblem((error as ApiError).message);
    }
  }

  async function archive(kind: "objective" | "keyResult", id: string, archived: boolean) {
    try {
      await call("setArchived", { kind, id, archived });
      done((archived ? "Archived " : "Restored ") + id + ".");
    } catch (error) {
      setNotice({ text: (error as ApiError).message, warnings: [] });
    }
  }

  const cycles = data ? data.cycles.map((c) => c.id) : [];
  const defaultCycle = filter?.cycle || data?.currentCycle || cycles[0] || "";
  return (
    <main>
      {slow && <div class="busy" role="progressbar" aria-label="Working" />}
      <div class="notice" role="status" aria-live="polite">
        {notice.text && <p>{notice.text}</p>}
        {notice.warnings.map((w) => (
          <p class="warning" key={w}>
            {w}
          </p>
        ))}
      </div>
      {problem && (
        <div class="problem">
          <p class="error" role="alert">
            {problem}
          </p>
          {NOT_SET_UP.test(problem) ? (
            <button type="button" class="action" onClick={setUp}>
              Set up tracker
            </button>
          ) : (
            <button type="button" onClick={() => load()}>
              Try again
            </button>
          )}
        </div>
      )}
      {!problem && !data && <p class="secondary">Loading your OKRs…</p>}
      {data && filter && view.name === "overview" && (
        <Overview
          data={data}
          filter={filter}
          onFilter={(next) => load(next)}
          onCreate={() => setView({ name: "create" })}
          onCheck={() => setView({ name: "findings" })}
          actions={{
            checkIn: (kr) => setView({ name: "checkIn", kr }),
            editObjective: (objective) => setView({ name: "editObjective", objective }),
            addKeyResult: (objective) => setView({ name: "addKeyResult", objective }),
            editKeyResult: (kr) => setView({ name: "editKeyResult", kr }),
            archive,
          }}
        />
      )}
      {view.name === "create" && (
        <ObjectiveForm cycles={cycles} defaultCycle={defaultCycle} onDone={done} onCancel={back} />
      )}
      {view.name === "editObjective" && (
        <ObjectiveForm
          cycles={cycles}
          defaultCycle={defaultCycle}
          editing={view.objective}
          onDone={done}
          onCancel={back}
        />
      )}
      {view.name === "addKeyResult" && <KeyResultForm objectiveId={view.objective.id} onDone={done} onCancel={back} />}
      {view.name === "editKeyResult" && (
        <KeyResultForm objectiveId={view.kr.objectiveId} editing={view.kr} onDone={done} onCancel={back} />
      )}
      {view.name === "findings" && (
        <Findings
          onBack={() => {
            back();
            load();
          }}
        />
      )}
      {view.name === "checkIn" && <CheckInForm kr={view.kr} onDone={done} onCancel={back} />}
    </main>
  );
}
