/** Public API of the roadmap-duplication checker and OKR quality checks (pure TS, no runtime globals). */
export { checkAgainstRoadmap, hintForKeyResult, MATCH_THRESHOLD } from "./roadmap-check";
export { buildRoadmapIndex, type RoadmapIndex } from "./roadmap-index";
export { lintOkrs, type LintOptions } from "./quality";
export type * from "./types";
