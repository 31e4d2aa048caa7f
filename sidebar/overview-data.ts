/**
 * The overview's data: loaded on open, after each change made in the sidebar, and again when the
 * person comes back to the sidebar (its window gets the focus or the pointer), since values typed
 * into the sheet change it and nothing tells the sidebar so.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { numberStyleOf, useNumberStyle } from "../src/core/cell-values";
import type { Overview as OverviewData } from "../src/core/contract";
import { ApiError, call } from "./bridge";
import type { Filter } from "./components/Overview";

/** A pointer passing over the sidebar reloads it at most this often. */
const POINTER_RELOAD_MS = 5000;

/** Objectives asked for at a time: the answer stays small on a tracker of 10,000 key results. */
export const PAGE = 25;

export function useOverviewData(showing: boolean) {
  const [data, setData] = useState<OverviewData | null>(null);
  const [filter, setFilter] = useState<Filter | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  // The filter asked for last (not yet answered, maybe), and the last load started: answers can
  // arrive out of order, and only the newest one is shown.
  const filterRef = useRef(filter);
  const latest = useRef(0);
  // How many objectives are shown: a page, one more page at each "Show more", back to one page
  // when the filter changes; reloads keep it.
  const limit = useRef(PAGE);

  async function load(next: Filter | null = filterRef.current, more = false) {
    const mine = ++latest.current;
    if (more) limit.current += PAGE;
    else if (next && next !== filterRef.current) limit.current = PAGE;
    if (next) {
      // The controls show the choice at once, not when the answer comes.
      filterRef.current = next;
      setFilter(next);
    }
    try {
      const overview = await call("getOverview", { ...(next ?? {}), limit: limit.current });
      if (mine !== latest.current) return;
      const shown = next ?? { cycle: overview.currentCycle, team: "", owner: "", includeArchived: false };
      filterRef.current = shown;
      // Numbers typed and shown in the sidebar follow the spreadsheet's locale.
      useNumberStyle(() => numberStyleOf(overview.locale));
      setData(overview);
      setFilter(shown);
      setProblem(null);
    } catch (error) {
      if (mine === latest.current) setProblem(error as ApiError);
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

  return { data, filter, problem, setProblem, load, showMore: () => load(filterRef.current, true) };
}
