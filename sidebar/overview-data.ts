/**
 * The overview's data: loaded on open, after each change made in the sidebar, and again when the
 * person comes back to the sidebar (its window gets the focus or the pointer), since values typed
 * into the sheet change it and nothing tells the sidebar so.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Overview as OverviewData } from "../src/core/contract";
import { ApiError, call } from "./bridge";
import type { Filter } from "./components/Overview";

/** A pointer passing over the sidebar reloads it at most this often. */
const POINTER_RELOAD_MS = 5000;

export function useOverviewData(showing: boolean) {
  const [data, setData] = useState<OverviewData | null>(null);
  const [filter, setFilter] = useState<Filter | null>(null);
  const [problem, setProblem] = useState("");
  const filterRef = useRef(filter);
  filterRef.current = filter;

  async function load(next: Filter | null = filterRef.current) {
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

  useEffect(() => {
    if (!showing) return;
    let last = 0;
    const again = (throttle: number) => () => {
      if (Date.now() - last < throttle) return;
      last = Date.now();
      load();
    };
    const onFocus = again(0);
    const onPointer = again(POINTER_RELOAD_MS);
    window.addEventListener("focus", onFocus);
    document.documentElement.addEventListener("pointerenter", onPointer);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.documentElement.removeEventListener("pointerenter", onPointer);
    };
  }, [showing]);

  return { data, filter, problem, setProblem, load };
}
