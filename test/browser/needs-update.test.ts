/** Needs an update in the sidebar: the due key results by owner, each with its Check in. */
import { previewSuite } from "./preview-page";

const suite = previewSuite();

test("lists the key results due a check-in by owner; checking one in takes it off", async () => {
  const session = await suite.open({ setUp: true });
  const { sidebar, preview } = session;
  const harness = preview.harness;
  const overview = (await harness.run("getOverview", {})) as { data: { currentCycle: string } };
  const increase = (title: string, owner: string) => ({ title, type: "increase", start: 0, target: 100, owner });
  await harness.run("createObjective", {
    title: "Merchants switch to us in a day",
    cycle: overview.data.currentCycle,
    owner: "Ann",
    commitment: "aspirational",
    keyResults: [increase("Signed merchants", "Ann"), increase("Guides published", "Bo"), increase("Fresh", "Bo")],
  });
  // Last check-ins 20, 16 and 2 days ago, whatever day of the quarter the test runs on.
  const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const daysAgo = (n: number) => new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate() - n);
  sheet.getRange(2, headers.indexOf("Last check-in") + 1, 3, 1).setValues([[daysAgo(20)], [daysAgo(16)], [daysAgo(2)]]);
  await session.page.reload();

  const due = sidebar.getByRole("region", { name: "Needs an update" });
  await due.getByRole("button", { name: "Show 2 key results" }).click();
  expect(await due.getByRole("group").evaluateAll((groups) => groups.map((g) => g.getAttribute("aria-label")))).toEqual(
    ["Ann", "Bo"],
  );
  expect(await due.locator(".due-since").allTextContents()).toEqual([
    "Last check-in 20 days ago · Merchants switch to us in a day",
    "Last check-in 16 days ago · Merchants switch to us in a day",
  ]);
  await session.page.screenshot({ path: "test-results/needs-update.png" });

  await due.getByRole("button", { name: "Check in KR-1.2, due: Guides published" }).click();
  const form = sidebar.getByRole("form", { name: "Check in KR-1.2" });
  await form.getByLabel("New value").fill("30");
  await form.getByRole("button", { name: /^Record/ }).click();
  await due.getByRole("button", { name: "Hide 1 key result" }).waitFor();
  expect(await due.getByRole("group").evaluateAll((groups) => groups.map((g) => g.getAttribute("aria-label")))).toEqual(
    ["Ann"],
  );
});
