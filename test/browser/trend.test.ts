/**
 * A key result's trend in its check-in panel (inline SVG: check-ins, expected line, forecast and band)
 * and the flag where the owner's confidence and the trend disagree. A past cycle (2026-Q3) fixes the
 * dates; its check-ins are History rows as check-ins on those days would have left them.
 */
import * as fs from "fs";
import type { Harness } from "../../dev/harness/harness";
import { previewSuite, until } from "./preview-page";

const suite = previewSuite();
const PAST = "2026-Q3";

/** KR-1.1, p95 latency from 3000 ms to 1000 ms, with check-ins (day, value, confidence) in 2026-Q3. */
async function latency(harness: Harness, checkIns: [string, number, number][]): Promise<void> {
  await harness.run("createObjective", {
    title: "Make checkout fast enough that people stop abandoning it",
    cycle: PAST,
    team: "Payments",
    commitment: "committed",
    keyResults: [{ title: "p95 checkout latency", type: "decrease", start: 3000, target: 1000, unit: "ms" }],
  });
  const history = harness.spreadsheet.getSheetByName("History")!;
  let previous = 3000;
  checkIns.forEach(([day, value, confidence], i) => {
    history.appendRow([
      i + 1,
      new Date(day + "T10:00:00Z"),
      "KR-1.1",
      "p95 checkout latency",
      previous,
      value,
      confidence,
    ]);
    previous = value;
  });
  harness.spreadsheet.getRange("'Key Results'!G2").setValue(previous);
}

async function openCheckIn(session: Awaited<ReturnType<typeof suite.open>>) {
  await session.page.reload();
  await session.sidebar.getByLabel("Cycle", { exact: true }).selectOption(PAST);
  await session.sidebar.getByRole("button", { name: "Check in p95 checkout latency" }).click();
}

test("a confident owner whose trend falls short sees both numbers, next to the trend", async () => {
  const session = await suite.open({ setUp: true });
  await latency(session.preview.harness, [
    ["2026-07-15", 2900, 6],
    ["2026-08-01", 2850, 7],
    ["2026-08-20", 2800, 8],
  ]);
  await openCheckIn(session);
  const { sidebar, page } = session;
  const chart = sidebar.getByRole("img", { name: /^Trend of KR-1\.1: 3 check-ins this cycle\. Heading for / });
  await chart.waitFor();
  // Three check-ins after the start, the 80% band, the expected line and the forecast line.
  expect(await chart.locator("circle.trend-point").count()).toBe(3);
  expect(await chart.locator("polygon.trend-band").count()).toBe(1);
  expect(await chart.locator("line.trend-expected").count()).toBe(1);
  expect(await chart.locator("line.trend-forecast").count()).toBe(1);
  // The line through 3000, 2900, 2850, 2800 over 50 days reaches 2,630 ms by 30 September.
  const caption = await sidebar.locator(".trend figcaption").textContent();
  expect(caption).toBe(
    "Heading for 2,630 ms by 2026-09-30 (80%: 2,527 ms to 2,734 ms): a 0% chance of reaching 1,000 ms.",
  );
  const flag = sidebar.getByRole("note");
  await until(
    () => flag.textContent(),
    (text) => /^Confidence 8, but the trend reaches 1\d% of the target \(a 0% chance\)\.$/.test(text ?? ""),
    "the flag with the confidence, what the trend reaches and its chance",
  );
  fs.mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: "test-results/trend.png" });
});

test("after one check-in: the check-in and the expected line, no forecast and no flag", async () => {
  const session = await suite.open({ setUp: true });
  await latency(session.preview.harness, [["2026-07-15", 2900, 9]]);
  await openCheckIn(session);
  const { sidebar } = session;
  await sidebar
    .getByRole("img", {
      name: "Trend of KR-1.1: 1 check-in this cycle. No forecast before the second check-in of the cycle.",
    })
    .waitFor();
  expect(await sidebar.locator(".trend polygon").count()).toBe(0);
  expect(await sidebar.getByRole("note").count()).toBe(0);
});
