/**
 * The live hint under a key result's title: the roadmap is fetched once per form and indexed in the
 * browser, so checking on every keystroke costs a fraction of a millisecond and no server call.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { buildRoadmapIndex, hintForKeyResult, type RoadmapItem } from "../src/core/checker";
import { call } from "./bridge";

const MIN_LENGTH = 8;

export function useRoadmapHint(): (text: string) => preact.ComponentChildren {
  const [items, setItems] = useState<RoadmapItem[]>([]);
  useEffect(() => {
    // No roadmap (or no Roadmap sheet) simply means no hints.
    call("getRoadmap", {}).then(setItems, () => setItems([]));
  }, []);
  const index = useMemo(() => (items.length ? buildRoadmapIndex(items) : null), [items]);
  return (text: string) => {
    if (!index || text.trim().length < MIN_LENGTH) return null;
    const hint = hintForKeyResult(text, index);
    if (hint.verdict === "ok") return null;
    return (
      <div class={"hint hint-" + hint.verdict} role="status" aria-live="polite">
        <strong>Roadmap check: </strong>
        {hint.reason}
        {hint.suggestion && !hint.reason.includes(hint.suggestion) && <div>Try: {hint.suggestion}</div>}
      </div>
    );
  };
}
