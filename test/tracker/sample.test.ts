/**
 * The preview's sample tracker (what `npm start` opens on): its check-ins spread over the quarter so
 * far, so the sidebar has trends and forecasts to show and the oldest key results are due again.
 */
import { runAt } from "../../dev/harness/clock";
import { Harness } from "../../dev/harness/harness";
import { buildSample } from "../../dev/preview/sample";
import type { Overview } from "../../src/core/contract";
import { apiData, rows } from "../support/tracker";

const NOW = Date.UTC(2026, 10, 20, 15); // day 50 of 2026-Q4

test("the sample's check-ins span the quarter so far, and its key results have forecasts", async () => {
  const harness = new Harness();
  await buildSample(harness, NOW);

  const days = rows(harness, "History").map((r) => (r.Timestamp as Date).toISOString().slice(0, 10));
  expect(days.every((day) => day >= "2026-10-01" && day <= "2026-11-20")).toBe(true);
  expect(new Set(days).size).toBeGreaterThan(10);
  expect(days).toContain("2026-11-20");

  const overview = await runAt(harness, NOW, () => apiData<Overview>(harness, "getOverview", {}));
  expect(overview.currentCycle).toBe("2026-Q4");
  const krs = overview.objectives.flatMap((o) => o.keyResults);
  expect(krs.filter((kr) => kr.forecast !== null).length).toBeGreaterThanOrEqual(5);
  // The key results last checked in weeks ago are due again (cadence 14 days).
  const due = overview.needsUpdate.groups.flatMap((g) => g.keyResults.map((k) => k.keyResult.id));
  expect(due).toContain("KR-1.1");
});
