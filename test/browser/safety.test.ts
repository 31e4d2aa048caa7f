/** What people type stays what they typed: markup stays text, "=" stays text, bad input changes nothing. */
import { snapshot } from "../support/tracker";
import { cell, cellShows, fillObjective, openTab, until, previewSuite } from "./preview-page";

const suite = previewSuite();

const KR = { title: "Weekly active teams rise from 40 to 60", type: "increase", start: "40", target: "60" } as const;

test("a title written as HTML shows as literal text and runs nothing", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, dialogs } = session;
  const title = "<img src=x onerror=alert(1)>";
  const form = await fillObjective(sidebar, title, [KR]);
  await form.getByRole("button", { name: "Create objective" }).click();

  const card = sidebar.getByRole("article", { name: "O-1 " + title });
  await card.getByText(title, { exact: true }).waitFor();
  await cellShows(page, "B2", title);
  // No element was made from the title, so there is no onerror that could fire later.
  expect(await sidebar.locator("img").count()).toBe(0);
  expect(await page.locator("img").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("a title starting with = stays text in the sheet", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, preview } = session;
  const title = "=1+1 customers tell a friend";
  const form = await fillObjective(sidebar, title, [KR]);
  await form.getByRole("button", { name: "Create objective" }).click();

  await sidebar.getByRole("progressbar", { name: "Progress of " + title }).waitFor();
  await cellShows(page, "B2", title);
  // Not a formula in the sheet either: what is typed stays as typed.
  expect(preview.harness.spreadsheet.getRange("Objectives!B2").getFormula()).toBe("");
});

test("invalid input shows an inline error and changes nothing", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, preview } = session;
  await openTab(page, "Key Results");
  const before = await page.locator("td[data-cell]").allTextContents();
  const workbookBefore = snapshot(preview.harness);

  // An empty title.
  let form = await fillObjective(sidebar, "", [KR]);
  await form.getByRole("button", { name: "Create objective" }).click();
  await form.getByRole("alert").filter({ hasText: "Give the objective's title" }).waitFor();
  await form.getByRole("button", { name: "Cancel" }).click();

  // A target equal to the start.
  form = await fillObjective(sidebar, "Customers stop waiting for support", [
    { title: "First response time", type: "decrease", start: "9", target: "9" },
  ]);
  await form.getByRole("button", { name: "Create objective" }).click();
  await form.getByRole("alert").filter({ hasText: "The target must differ from the start value" }).first().waitFor();
  expect(await form.getByLabel("Target", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  // Nothing is on its way to the server (the button is enabled again) and nothing was written.
  await until(
    () => form.getByRole("button", { name: "Create objective" }).isEnabled(),
    (enabled) => enabled,
    "the form to be idle",
  );
  expect(snapshot(preview.harness)).toBe(workbookBefore);
  expect(await page.locator("td[data-cell]").allTextContents()).toEqual(before);
  expect(await cell(page, "A2").textContent()).toBe("");
  await openTab(page, "Objectives");
  await until(
    () => cell(page, "A1").textContent(),
    (t) => t === "ID",
    "the Objectives sheet",
  );
  expect(await cell(page, "A2").textContent()).toBe("");
  expect(await sidebar.getByRole("article").count()).toBe(0);
});
