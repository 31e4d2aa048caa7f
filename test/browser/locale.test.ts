/** The sidebar in a German spreadsheet: numbers typed and shown the way the spreadsheet's locale writes them. */
import { apiData } from "../support/tracker";
import { previewSuite, until } from "./preview-page";

const suite = previewSuite();

test("a check-in typed 1.500,5 is fifteen hundred and a half, and reads so on the card", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, preview } = session;
  preview.harness.spreadsheet.setSpreadsheetLocale("de_DE");
  await apiData(preview.harness, "createObjective", {
    title: "Grow",
    cycle: "2026-Q4",
    keyResults: [{ title: "Weekly users", type: "increase", start: 0, target: 2000 }],
  });
  await page.reload();
  const kr = sidebar.locator('li[data-kr-id="KR-1.1"]');
  await kr.getByText("2.000", { exact: false }).waitFor();
  await sidebar.getByRole("button", { name: "Check in Weekly users" }).click();
  const field = sidebar.getByLabel("New value");
  await field.fill("1.5");
  await sidebar.getByRole("button", { name: "Record check-in" }).click();
  await sidebar.getByText("write it like 120, 1.200, 3,5 or 45%", { exact: false }).first().waitFor();
  await field.fill("1.500,5");
  await sidebar.getByRole("button", { name: "Record check-in" }).click();
  await kr.getByText("1.500,5", { exact: false }).waitFor();
  await until(
    () => Promise.resolve(preview.harness.spreadsheet.getRange("'Key Results'!G2").getValue()),
    (value) => value === 1500.5,
    "the sheet to hold 1500.5",
  );
});
