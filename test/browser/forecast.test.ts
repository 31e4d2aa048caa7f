/** The objective card's forecast, from check-ins on three days (a simulated clock in the preview's harness). */
import { runAt } from "../../dev/harness/clock";
import type { Harness } from "../../dev/harness/harness";
import { clickMenu, previewSuite } from "./preview-page";

const suite = previewSuite();

/** Runs `body` as an execution whose clock reads noon on `iso`. */
const onDay = <T>(harness: Harness, iso: string, body: () => T): T =>
  runAt(harness, Date.parse(iso + "T12:00:00Z"), body);

test("an objective card shows where its key results' trends lead by the cycle's end", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, preview } = session;
  const harness = preview.harness;
  onDay(harness, "2026-10-01", () =>
    harness.runNow("createObjective", {
      title: "Onboarding becomes something teams finish",
      cycle: "2026-Q4",
      team: "Growth",
      owner: "Ann",
      commitment: "aspirational",
      keyResults: [
        { title: "Teams onboarded rise from 0 to 100", type: "increase", start: 0, target: 100 },
        { title: "Onboarding guide published", type: "milestone", target: 1 },
      ],
    }),
  );
  // 10, 25, 35 ten days apart head for 108.7 on Dec 31 (test/tracker/forecast.test.ts): 100% progress,
  // and the milestone counts as it stands (0%): the objective is heading for 50%.
  for (const [day, value] of [
    ["2026-10-11", 10],
    ["2026-10-21", 25],
    ["2026-10-31", 35],
  ] as const)
    onDay(harness, day, () => harness.runNow("checkIn", { krId: "KR-1.1", value }));
  await clickMenu(page, "Open sidebar");
  const card = sidebar.getByRole("article", { name: "O-1 Onboarding becomes something teams finish" });
  await card.getByText("Forecast 50% by 2026-12-31, from the key results' trends").waitFor();
});
