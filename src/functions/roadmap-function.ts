/** =OKR_ROADMAP_CHECK(text, roadmap_range): the roadmap checker for one or many texts, in a formula. */
import { buildRoadmapIndex, hintForKeyResult, type RoadmapItem } from "../core/checker";
import { cellText } from "../core/text-cells";
import { isBlank } from "../core/cell-values";
import { flatten } from "./arguments";

function roadmapItems(range: unknown): RoadmapItem[] {
  const grid = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const items: RoadmapItem[] = [];
  for (const line of grid) {
    // One column: the item texts. Two or more: ID, then the item.
    const id = line.length > 1 ? cellText(line[0]) : "";
    const text = cellText(line.length > 1 ? line[1] : line[0]);
    if (text) items.push({ id: id || text, text });
  }
  return items;
}

/**
 * One row per text: the verdict (duplicate, output, related or ok) and the roadmap item(s) matched.
 * The index is built once per call, so a whole column costs one pass.
 */
export function okrRoadmapCheck(text: unknown, roadmapRange: unknown): unknown[][] {
  const items = roadmapItems(roadmapRange);
  if (!items.length)
    throw new Error(
      "OKR_ROADMAP_CHECK: roadmap_range is empty. Give the Roadmap sheet's ID and Item columns, e.g. Roadmap!A2:B.",
    );
  const index = buildRoadmapIndex(items);
  const label = new Map(items.map((item) => [item.id, item.id === item.text ? item.text : item.id + " " + item.text]));
  return flatten(text).map((value) => {
    if (isBlank(value)) return ["", ""];
    const finding = hintForKeyResult(cellText(value), index);
    return [finding.verdict, finding.roadmapIds.map((id) => label.get(id) ?? id).join("; ")];
  });
}
