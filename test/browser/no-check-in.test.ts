/** A key result nobody has checked in yet reads "No check-in yet", not a red Off track: in the sample and when new. */
import { cellShows, fillObjective, openTab, previewSuite, until } from "./preview-page";
import { columnToLetters } from "../../dev/emulator/a1";

const suite = previewSuite();

test("the sample's key result without a check-in, in the sidebar and the sheet", async () => {
  const session = await suite.open({ sample: true });
  const { page, sidebar, preview } = session;
  const kr = sidebar.locator('li[data-kr-id="KR-2.3"]');
  await kr.getByText("No check-in yet", { exact: true }).waitFor();
  expect(await kr.getByText("Off track").count()).toBe(0);
  await openTab(page, "Key Results");
  const header = preview.harness.spreadsheet.getRange("'Key Results'!1:1").getValues()[0];
  const status = columnToLetters(header.indexOf("Status") + 1);
  await cellShows(page, "A7", "KR-2.3");
  await cellShows(page, status + "7", "No check-in yet");
});

test("a new objective reads No check-in yet until someone checks in", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, preview } = session;
  const form = await fillObjective(sidebar, "Support answers within the hour", [
    { title: "Median first response falls from 9 h to 1 h", type: "decrease", start: "9", target: "1", unit: "h" },
  ]);
  await form.getByRole("button", { name: "Create objective" }).click();
  const card = sidebar.getByRole("article", { name: "O-1 Support answers within the hour" });
  await until(
    () => card.locator(".status").allTextContents(),
    (all) => all.length === 2 && all.every((t) => t === "No check-in yet"),
    "the objective and its key result to read No check-in yet",
  );
  await openTab(page, "Objectives");
  const header = preview.harness.spreadsheet.getRange("Objectives!1:1").getValues()[0];
  await cellShows(page, columnToLetters(header.indexOf("Status") + 1) + "2", "No check-in yet");

  await sidebar.getByRole("button", { name: "Check in Median first response falls from 9 h to 1 h" }).click();
  await sidebar.getByLabel("New value").fill("5");
  await sidebar.getByRole("button", { name: "Record check-in" }).click();
  await until(
    () => card.locator(".status").allTextContents(),
    (all) => all.length === 2 && all.every((t) => t !== "No check-in yet"),
    "statuses from progress once checked in",
  );
});
