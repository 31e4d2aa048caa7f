/** The company sample in a browser: switching spreadsheets, Allow access on an import, the roll-up. */
import { cell, cellShows, openTab, previewSuite } from "./preview-page";

const suite = previewSuite();

test("the company tracker: Allow access on Platform's import, then Roll-up shows both teams' objectives", async () => {
  const { page } = await suite.open({ company: true });
  const books = page.getByRole("navigation", { name: "Spreadsheets" }).getByRole("button");
  expect(await books.allTextContents()).toEqual(["Company OKRs", "Payments team OKRs", "Platform team OKRs"]);
  expect(await books.first().getAttribute("aria-pressed")).toBe("true");

  await openTab(page, "Teams");
  await cellShows(page, "E2", "Connected");
  await cellShows(page, "D3", "#REF!");
  expect(await cell(page, "D3").getAttribute("title")).toBe("You need to connect these sheets.");
  await cell(page, "D3").click();
  const prompt = page.getByRole("group", { name: "Connect spreadsheets" });
  await prompt.getByText("You need to connect these sheets.").waitFor();
  await prompt.getByRole("button", { name: "Allow access" }).click();
  await cellShows(page, "E3", "Connected");
  await cellShows(page, "D3", "2");

  await openTab(page, "Roll-up");
  // Company O-1: Payments 50% (weight 1) and Platform 5/13 (weight 2) → 42%.
  await cellShows(page, "B4", "Platform");
  await cellShows(page, "F2", "42%");

  await books.nth(2).click();
  await page.locator("#doc-title", { hasText: "Platform team OKRs" }).waitFor();
  await openTab(page, "Summary");
  await cellShows(page, "H2", "Company O-2");
}, 900_000); // building three trackers through the bundle takes most of it (minutes on a loaded machine)
