/** The cycle's own actions under the overview's filters, and the views they open (close, next cycle, end of cycle). */
import type { CycleClosed, CycleView, NextCycle } from "../../src/core/contract";
import { CloseCycleForm } from "./CloseCycleForm";
import { EndOfCycle } from "./EndOfCycle";
import { NextCycleForm } from "./NextCycleForm";

export type CycleViewName = "closeCycle" | "nextCycle" | "endOfCycle";

/** Under the filters when one cycle is shown: close it, or see how it ended, and start the next. */
export function CycleBar(props: { cycle: CycleView; onOpen: (view: CycleViewName) => void }) {
  const { cycle } = props;
  return (
    <div class={"cycle-bar" + (cycle.closed ? " closed" : "")} role="group" aria-label={"Cycle " + cycle.id}>
      {cycle.closed ? (
        <>
          <p>{cycle.id} is closed: its grades are final.</p>
          <button
            type="button"
            class="action small"
            data-action="end-of-cycle"
            onClick={() => props.onOpen("endOfCycle")}
          >
            End-of-cycle view
          </button>
        </>
      ) : (
        <button type="button" class="small" data-action="close-cycle" onClick={() => props.onOpen("closeCycle")}>
          Close {cycle.id}…
        </button>
      )}
      <button type="button" class="small" data-action="next-cycle" onClick={() => props.onOpen("nextCycle")}>
        Start next cycle…
      </button>
    </div>
  );
}

export function CycleViews(props: {
  view: CycleViewName;
  cycle: CycleView;
  open: (view: CycleViewName) => void;
  /** Back to the overview with a message, showing `cycle` when given. */
  done: (text: string, warnings?: string[], cycle?: string) => void;
  back: () => void;
}) {
  const { cycle, done } = props;
  switch (props.view) {
    case "closeCycle":
      return (
        <CloseCycleForm
          cycle={cycle}
          onClosed={(closed: CycleClosed) => {
            done(closed.summary, [], cycle.id);
            props.open("endOfCycle");
          }}
          onCancel={props.back}
        />
      );
    case "nextCycle":
      return (
        <NextCycleForm
          from={cycle}
          onStarted={(next: NextCycle) => done(next.summary, next.warnings, next.cycle)}
          onCancel={props.back}
        />
      );
    case "endOfCycle":
      return (
        <EndOfCycle
          cycle={cycle.id}
          onNext={() => props.open("nextCycle")}
          onReopened={(message) => done(message, [], cycle.id)}
          onBack={props.back}
        />
      );
  }
}
