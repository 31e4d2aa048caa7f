/** The roadmap check in the sidebar: the findings panel, its jump to the row, and the live hint. */
import { cellShows, previewSuite, until, type Session } from "./preview-page";
import { columnToLetters } from "../../dev/emulator/a1";

const suite = previewSuite();

async function trackerWithRoadmap(): Promise<Session> {
  const opened = await suite.open({ setUp: true });
  const harness = opened.preview.harness;
  harness.spreadsheet.getRange("Roadmap!A2:E3").setValues([
    ["R-1", "Redis 7 migration", "Platform", "", "Planned"],
    ["R-2", "New payment flow", "Payments", "", "In progress"],
  ]);
  await harness.run("createObjective", {
    title: "Sessions survive a node restart",
    cycle: harness.spreadsheet.getRange("Cycles!A2").getValue(),
    keyResults: [
      { title: "Move the session cache onto Redis 7", type: "milestone", target: 1, owner: "Ann" },
      {
        title: "Sessions lost per restart drop from 1200 to 0",
        type: "decrease",
        start: 1200,
        target: 0,
        owner: "Ann",
      },
    ],
  });
  return opened;
}

test("the findings panel explains a restated roadmap item and jumps to its row", async () => {
  const session = await trackerWithRoadmap();
  const { page, sidebar } = session;
  await sidebar.getByRole("button", { name: "Check OKRs" }).click();
  await sidebar.getByRole("button", { name: "Check now" }).click();

  const finding = sidebar.getByRole("list", { name: "Findings" }).getByRole("listitem").filter({ hasText: "KR-1.1" });
  await finding.getByText("Restates the roadmap").waitFor();
  await finding.getByText(/Restates roadmap item R-1 'Redis 7 migration' as a delivery/).waitFor();
  await sidebar.getByText(/Checked 3 OKRs against 2 roadmap items: 1 restates the roadmap,/).waitFor();
  // The outcome key result is not listed: it says something beyond the roadmap.
  expect(await sidebar.getByRole("list", { name: "Findings" }).getByText("Sessions lost per restart").count()).toBe(0);

  await finding.getByRole("button", { name: "Go to KR-1.1 in Key Results" }).click();
  await until(
    () => page.getByRole("tab", { name: "Key Results", exact: true }).getAttribute("aria-selected"),
    (v) => v === "true",
    "the Key Results tab",
  );
  // The verdict is written next to the key result in the sheet too.
  const header = session.preview.harness.spreadsheet.getRange("'Key Results'!1:1").getValues()[0];
  const column = columnToLetters(header.indexOf("Roadmap check") + 1);
  await cellShows(page, column + "2", "duplicate: R-1 Redis 7 migration");
});

test("the create form hints, as the manager types, that a key result restates the roadmap", async () => {
  const session = await trackerWithRoadmap();
  const { sidebar } = session;
  await sidebar.getByRole("button", { name: "New objective" }).click();
  // The form opens with its first field focused, ready to type.
  await until(
    () => sidebar.getByLabel("Objective", { exact: true }).evaluate((el) => el === document.activeElement),
    (v) => v,
    "the Objective field to have focus",
  );
  const group = sidebar.getByRole("form", { name: "New objective" }).getByRole("group", { name: "Key result 1" });
  const title = group.getByLabel("Key result", { exact: true });
  await title.pressSequentially("Migrate sessions to Redis 7", { delay: 5 });
  await group
    .getByRole("status")
    .getByText(/Restates roadmap item R-1 'Redis 7 migration'/)
    .waitFor();
  await title.fill("p95 session read latency from 40 ms to 10 ms");
  await until(
    () => group.getByRole("status").count(),
    (n) => n === 0,
    "the hint to go away for an outcome",
  );
});
