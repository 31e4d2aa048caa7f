/** The sidebar: overview by default; forms replace it while open; messages are announced politely. */
import { useEffect, useState } from "preact/hooks";
import type { Alignable, CycleView, KeyResultView, ObjectiveView, People } from "../src/core/contract";
import { ApiError, call, onBusyChange } from "./bridge";
import { CheckInForm } from "./components/CheckInForm";
import { CycleBar, CycleViews, type CycleViewName } from "./components/CycleViews";
import { Findings } from "./components/Findings";
import { KeyResultForm } from "./components/KeyResultForm";
import { ObjectiveForm } from "./components/ObjectiveForm";
import { dueCheckIn } from "./components/NeedsUpdate";
import { Overview } from "./components/Overview";
import type { CardActions } from "./components/ObjectiveCard";
import { useOverviewData } from "./overview-data";
import { at, useReturnFocus } from "./return-focus";

type View =
  | { name: "overview" }
  | { name: "create" }
  | { name: "editObjective"; objective: ObjectiveView }
  | { name: "addKeyResult"; objective: ObjectiveView }
  | { name: "editKeyResult"; kr: KeyResultView }
  | { name: "checkIn"; kr: KeyResultView; krCycle?: CycleView }
  | { name: "findings" }
  | { name: CycleViewName; cycle: CycleView };

const NO_PEOPLE: People = { names: [], teams: [] };

/** What a finished form reports: a message, warnings, and where the focus should go. */
export type Done = (text: string, warnings?: string[], focus?: string) => void;

/** Only a call that takes a moment shows the indicator, so quick ones don't flicker. */
function useSlow(): boolean {
  const [busy, setBusy] = useState(false);
  const [slow, setSlow] = useState(false);
  useEffect(() => onBusyChange(setBusy), []);
  useEffect(() => {
    if (!busy) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), 250);
    return () => clearTimeout(timer);
  }, [busy]);
  return slow;
}

function Notice(props: { text: string; warnings: string[] }) {
  return (
    <div class="notice" role="status" aria-live="polite">
      {props.text && <p>{props.text}</p>}
      {props.warnings.map((w) => (
        <p class="warning" key={w}>
          {w}
        </p>
      ))}
    </div>
  );
}

function Problem(props: { problem: ApiError; onSetUp: () => void; onRetry: () => void }) {
  return (
    <div class="problem">
      <p class="error" role="alert">
        {props.problem.message}
      </p>
      {props.problem.code === "not-set-up" ? (
        <button type="button" class="action" onClick={props.onSetUp}>
          Set up tracker
        </button>
      ) : (
        <button type="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The open form, if any. */
function FormView(props: {
  view: View;
  cycles: string[];
  defaultCycle: string;
  alignable: Alignable[];
  people: People;
  done: Done;
  back: () => void;
}) {
  const { view, done, back, people } = props;
  const cycles = { cycles: props.cycles, defaultCycle: props.defaultCycle, alignable: props.alignable, people };
  switch (view.name) {
    case "create":
      return <ObjectiveForm {...cycles} onDone={done} onCancel={back} />;
    case "editObjective":
      return <ObjectiveForm {...cycles} editing={view.objective} onDone={done} onCancel={back} />;
    case "addKeyResult":
      return (
        <KeyResultForm
          objectiveId={view.objective.id}
          defaultOwner={view.objective.owner}
          people={people}
          onDone={done}
          onCancel={back}
        />
      );
    case "editKeyResult":
      return (
        <KeyResultForm
          objectiveId={view.kr.objectiveId}
          editing={view.kr}
          people={people}
          onDone={done}
          onCancel={back}
        />
      );
    case "checkIn":
      return <CheckInForm kr={view.kr} cycle={view.krCycle} onDone={done} onCancel={back} />;
    case "findings":
      return <Findings onBack={() => done("")} />;
    default:
      return null;
  }
}

export function App() {
  const [view, setView] = useState<View>({ name: "overview" });
  const [notice, setNotice] = useState<{ text: string; warnings: string[] }>({ text: "", warnings: [] });
  const showing = view.name === "overview";
  const { data, filter, problem, setProblem, load, showMore } = useOverviewData(showing);
  const returning = useReturnFocus(showing, data);
  const slow = useSlow();

  const open = (next: View, opener: string) => {
    returning.leave(opener);
    setView(next);
  };
  const done: Done = (text, warnings = [], focus) => {
    if (text) setNotice({ text, warnings });
    returning.arrive(focus);
    setView({ name: "overview" });
    load();
  };
  const back = () => setView({ name: "overview" });
  /** A cycle action finished: its message, and the overview showing that cycle. */
  const cycleDone = (text: string, warnings: string[] = [], cycle?: string) => {
    setNotice({ text, warnings });
    setView({ name: "overview" });
    load(filter && cycle ? { ...filter, cycle } : undefined);
  };
  const shownCycle = data?.cycles.find((c) => c.id === filter?.cycle);

  async function setUp() {
    try {
      const report = await call("setUpTracker", {});
      setNotice({ text: report, warnings: [] });
      await load(null);
    } catch (error) {
      setProblem(error as ApiError);
    }
  }

  async function archive(kind: "objective" | "keyResult", id: string, archived: boolean) {
    try {
      await call("setArchived", { kind, id, archived });
      // The button stays (as Restore) when archived items are shown; otherwise the focus goes to the toolbar.
      returning.leave(at.toolbar("new-objective"));
      const button = kind === "objective" ? at.objectiveAction(id, "archive") : at.krAction(id, "archive");
      returning.arrive(button, true);
      setNotice({ text: (archived ? "Archived " : "Restored ") + id + ".", warnings: [] });
      load();
    } catch (error) {
      setNotice({ text: (error as ApiError).message, warnings: [] });
    }
  }

  const actions: CardActions = {
    checkIn: (kr) => {
      // The key result's cycle, for its trend: its objective's, as the overview lists it.
      const cycleId = data?.objectives.find((o) => o.id === kr.objectiveId)?.cycle;
      const cycle = data?.cycles.find((c) => c.id === cycleId);
      open({ name: "checkIn", kr, krCycle: cycle }, at.krAction(kr.id, "check-in"));
    },
    editObjective: (objective) => open({ name: "editObjective", objective }, at.objectiveAction(objective.id, "edit")),
    addKeyResult: (objective) => open({ name: "addKeyResult", objective }, at.objectiveAction(objective.id, "add-kr")),
    editKeyResult: (kr) => open({ name: "editKeyResult", kr }, at.krAction(kr.id, "edit")),
    archive,
  };
  const cycles = data ? data.cycles.map((c) => c.id) : [];
  return (
    <main>
      {slow && <div class="busy" role="progressbar" aria-label="Working" />}
      <Notice {...notice} />
      {problem && <Problem problem={problem} onSetUp={setUp} onRetry={() => load()} />}
      {!problem && !data && <p class="secondary">Loading your OKRs…</p>}
      {data && filter && showing && (
        <Overview
          data={data}
          filter={filter}
          onFilter={(next) => load(next)}
          onMore={showMore}
          onCreate={() => open({ name: "create" }, at.toolbar("new-objective"))}
          onCheck={() => open({ name: "findings" }, at.toolbar("check-okrs"))}
          onDueCheckIn={(kr) => open({ name: "checkIn", kr }, dueCheckIn(kr.id))}
          actions={actions}
          cycleBar={
            shownCycle && (
              <CycleBar cycle={shownCycle} onOpen={(name) => open({ name, cycle: shownCycle }, at.cycleAction(name))} />
            )
          }
        />
      )}
      {"cycle" in view && (
        <CycleViews
          view={view.name}
          cycle={view.cycle}
          open={(name) => setView({ name, cycle: view.cycle })}
          done={cycleDone}
          back={back}
        />
      )}
      <FormView
        view={view}
        cycles={cycles}
        defaultCycle={filter?.cycle || data?.currentCycle || cycles[0] || ""}
        alignable={data?.alignable ?? []}
        people={data?.people ?? NO_PEOPLE}
        done={done}
        back={back}
      />
    </main>
  );
}
