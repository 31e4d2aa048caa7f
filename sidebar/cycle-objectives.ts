/** A cycle's active objectives, for the forms that act on a whole cycle (close it, carry it over). */
import { useEffect, useState } from "preact/hooks";
import type { ObjectiveView } from "../src/core/contract";
import { ApiError, call } from "./bridge";

/** Null while loading; a failed load is handed to `onProblem`. */
export function useCycleObjectives(cycle: string, onProblem: (message: string) => void): ObjectiveView[] | null {
  const [objectives, setObjectives] = useState<ObjectiveView[] | null>(null);
  useEffect(() => {
    call("getOverview", { cycle }).then(
      (overview) => setObjectives(overview.objectives.filter((o) => o.cycle === cycle && !o.archived)),
      (error: ApiError) => onProblem(error.message),
    );
  }, [cycle]);
  return objectives;
}
