/** The sidebar overview: filtering by team and owner, archiving and restoring. */
import { previewSuite, until, type Session } from "./preview-page";

const suite = previewSuite();

async function twoTeams(): Promise<Session> {
  const opened = await suite.open({ setUp: true });
  const harness = opened.preview.harness;
  const cycle = harness.spreadsheet.getRange("Cycles!A2").getValue();
  await harness.run("createObjective", {
    title: "Checkout stops losing customers",
    cycle,
    team: "Payments",
    owner: "Ben",
    keyResults: [{ title: "Conversion from 62% to 70%", type: "percentage", start: 0.62, target: 0.7 }],
  });
  await harness.run("createObjective", {
    title: "Releases become boring",
    cycle,
    team: "Platform",
    owner: "Maya",
    keyResults: [{ title: "Deploys per week from 3 to 15", type: "increase", start: 3, target: 15 }],
  });
  // Reload the sidebar so it lists what was just created.
  await opened.page.reload();
  await opened.sidebar.getByRole("article", { name: "O-2 Releases become boring" }).waitFor();
  return opened;
}

const cards = (s: Session) =>
  s.sidebar.getByRole("article").evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));

test("filters the overview by team and by owner", async () => {
  const session = await twoTeams();
  const { sidebar } = session;
  await sidebar.getByLabel("Team", { exact: true }).selectOption("Platform");
  await until(
    () => cards(session),
    (names) => JSON.stringify(names) === JSON.stringify(["O-2 Releases become boring"]),
    "only the Platform objective",
  );
  await sidebar.getByLabel("Team", { exact: true }).selectOption("");
  await sidebar.getByLabel("Owner", { exact: true }).selectOption("Ben");
  await until(
    () => cards(session),
    (names) => JSON.stringify(names) === JSON.stringify(["O-1 Checkout stops losing customers"]),
    "only Ben's objective",
  );
});

test("archives an objective out of the overview, shows it on request, and restores it", async () => {
  const session = await twoTeams();
  const { sidebar } = session;
  await sidebar.getByRole("button", { name: "Archive Releases become boring" }).click();
  await sidebar.getByRole("status").getByText("Archived O-2.").waitFor();
  await until(
    () => cards(session),
    (names) => JSON.stringify(names) === JSON.stringify(["O-1 Checkout stops losing customers"]),
    "O-2 gone from the overview",
  );
  expect(session.preview.harness.spreadsheet.getRange("Objectives!G3").getValue()).toBe("Archived");

  await sidebar.getByLabel("Show archived").check();
  // Archived, it offers only Restore: no edit, new key result or check-in.
  const archived = sidebar.getByRole("article", { name: /^O-2 / });
  await archived.getByRole("button", { name: "Restore Releases become boring" }).waitFor();
  await archived.locator("li.kr").first().waitFor(); // key results are shown by default
  expect(await archived.getByRole("button", { name: /^(Edit|Add KR|Check in) / }).count()).toBe(0);
  await sidebar.getByRole("button", { name: "Restore Releases become boring" }).click();
  await sidebar.getByRole("status").getByText("Restored O-2.").waitFor();
  expect(session.preview.harness.spreadsheet.getRange("Objectives!G3").getValue()).toBe("Active");
});

test("grades an objective once its cycle is over, reading committed and aspirational goals differently", async () => {
  const session = await suite.open({ setUp: true });
  const harness = session.preview.harness;
  const [year, quarter] = String(harness.spreadsheet.getRange("Cycles!A2").getValue()).split("-Q").map(Number);
  const previous = quarter === 1 ? year - 1 + "-Q4" : year + "-Q" + (quarter - 1);
  await harness.run("createObjective", {
    title: "Find two use cases worth investing in",
    cycle: previous,
    keyResults: [{ title: "Customer interviews from 0 to 20", type: "increase", start: 0, target: 20, current: 14 }],
  });
  await harness.run("createObjective", {
    title: "On-call rotation has 3 new members",
    cycle: previous,
    commitment: "committed",
    keyResults: [
      { title: "New members in the rotation from 0 to 3", type: "increase", start: 0, target: 3, current: 2 },
    ],
  });
  await session.page.reload();
  await session.sidebar.getByLabel("Cycle", { exact: true }).selectOption(previous);
  await session.sidebar.getByText("Final score 0.7: Success for an aspirational goal").waitFor();
  await session.sidebar.getByText("Final score 0.7: Missed: committed goals are expected to reach 1.0").waitFor();
});
