/** Typing into the grid as in Sheets: the editor's starting text, moving on, refusals, protected columns, menus. */
import type { Page } from "playwright-core";
import { cell, cellShows, openTab, previewSuite, until, type Session } from "./preview-page";

const suite = previewSuite();

const FORMULA_TITLE = '=IMPORTXML("https://example.com","//h1")';

/** A tracker with one objective (title that looks like a formula) and a percentage KR at 37.5%. */
async function tracker(): Promise<Session> {
  const session = await suite.open({ setUp: true });
  await session.preview.harness.run("createObjective", {
    title: FORMULA_TITLE,
    cycle: session.preview.harness.values("Cycles!A2")[0][0],
    keyResults: [
      {
        title: "Trial users who pay rise from 20% to 50%",
        type: "percentage",
        start: 0.2,
        target: 0.5,
        current: 0.375,
      },
    ],
  });
  await session.page.reload(); // the sidebar lists what was just made
  await session.sidebar.getByRole("heading", { name: FORMULA_TITLE }).waitFor();
  return session;
}

const editor = (page: Page, a1: string) => page.getByRole("textbox", { name: "Edit " + a1 });
const selectedCell = (page: Page) => page.locator("#name-box").textContent();
const value = (s: Session, a1: string) => s.preview.harness.spreadsheet.getRange(a1).getValue();

test("the cell editor starts from the content: forced text stays text, a percentage typed back is the same number", async () => {
  const session = await tracker();
  const { page } = session;
  await openTab(page, "Objectives");
  await cellShows(page, "B2", FORMULA_TITLE);
  await cell(page, "B2").click();
  expect(await page.locator("#formula").textContent()).toBe("'" + FORMULA_TITLE);
  await cell(page, "B2").dblclick();
  expect(await editor(page, "B2").inputValue()).toBe("'" + FORMULA_TITLE);
  await editor(page, "B2").press("Enter");
  await until(
    () => selectedCell(page),
    (a1) => a1 === "B3",
    "the selection to move down",
  );
  await cellShows(page, "B2", FORMULA_TITLE);
  expect(session.preview.harness.spreadsheet.getRange("Objectives!B2").getFormula()).toBe("");
  expect(value(session, "Objectives!B2")).toBe(FORMULA_TITLE);

  await openTab(page, "Key Results");
  await cellShows(page, "G2", "38%");
  await cell(page, "G2").dblclick();
  expect(await editor(page, "G2").inputValue()).toBe("37.5%");
  await editor(page, "G2").press("Enter");
  // Edits are applied in order: once a later one shows, this one was applied.
  await cell(page, "AC2").click();
  await page.keyboard.type("later");
  await page.keyboard.press("Enter");
  await cellShows(page, "AC2", "later");
  expect(value(session, "'Key Results'!G2")).toBe(0.375);
  // The same value is no check-in: History stays empty (typed back as 38%, it would record 0.38).
  await openTab(page, "History");
  await cellShows(page, "A1", "#");
  expect(await cell(page, "C2").textContent()).toBe("");
});

test("Enter and Tab commit and move at once, Enter returns under the first Tab, Escape cancels", async () => {
  const session = await tracker();
  const { page } = session;
  await openTab(page, "People");
  await cell(page, "A20").click();
  // Typed without waiting: each value must land in its own cell.
  await page.keyboard.type("Zoe");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Research");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Yan");
  await page.keyboard.press("Enter");
  await page.keyboard.type("not kept");
  await page.keyboard.press("Escape");
  await cellShows(page, "A21", "Yan");
  expect([value(session, "People!A20"), value(session, "People!B20"), value(session, "People!A22")]).toEqual([
    "Zoe",
    "Research",
    "",
  ]);
  expect(await selectedCell(page)).toBe("A22");
});

test("a refused value says what the cell needs, and the focus comes back to the grid", async () => {
  const session = await tracker();
  const { page } = session;
  await openTab(page, "Key Results");
  await cell(page, "G2").click();
  await page.keyboard.type("lots");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "There was a problem" });
  await dialog.getByText("Enter a number, e.g. 42, 1,200 or 45%.").waitFor();
  await page.keyboard.press("Enter"); // OK has the focus
  await dialog.waitFor({ state: "hidden" });
  await until(
    () => page.evaluate(() => document.activeElement?.id),
    (id) => id === "grid-wrap",
    "the focus back on the grid",
  );
  expect(value(session, "'Key Results'!G2")).toBe(0.375);
});

test("typing into a computed column asks first; Cancel keeps its formula, OK overwrites it as Sheets would", async () => {
  const session = await tracker();
  const { page } = session;
  await openTab(page, "Key Results");
  await cellShows(page, "V2", "58%");
  const formula = session.preview.harness.spreadsheet.getRange("'Key Results'!V1").getFormula();
  await cell(page, "V2").click();
  await page.keyboard.type("0.9");
  await page.keyboard.press("Enter");
  const question = page.getByRole("dialog", { name: "Heads up!" });
  await question.getByText(/shouldn't be changed accidentally\. Edit anyway\?/).waitFor();
  await question.getByRole("button", { name: "Cancel" }).click();
  await question.waitFor({ state: "hidden" });
  await cellShows(page, "V2", "58%");
  expect(session.preview.harness.spreadsheet.getRange("'Key Results'!V1").getFormula()).toBe(formula);

  await cell(page, "V2").click();
  await page.keyboard.type("0.9");
  await page.keyboard.press("Enter");
  await question.getByRole("button", { name: "OK" }).click();
  // The typed value blocks the column's array formula, which now shows an error in its header.
  await cellShows(page, "V1", "#REF!");
  expect(value(session, "'Key Results'!V2")).toBe(0.9);
});

test("the sidebar shows a value typed into the grid once the person turns to it", async () => {
  const session = await tracker();
  const { page, sidebar } = session;
  const bar = sidebar.getByRole("progressbar", { name: "Progress of Trial users who pay rise from 20% to 50%" });
  await until(
    () => bar.getAttribute("aria-valuenow"),
    (v) => v === "58",
    "the sidebar at 58%",
  );
  await openTab(page, "Key Results");
  await cell(page, "G2").click();
  await page.keyboard.type("50%");
  await page.keyboard.press("Enter");
  await cellShows(page, "V2", "100%");
  await sidebar.getByRole("heading", { name: FORMULA_TITLE }).click();
  await until(
    () => bar.getAttribute("aria-valuenow"),
    (v) => v === "100",
    "the sidebar at 100%",
  );
  await sidebar.getByText(/now 50% · target 50%/).waitFor();
});

test("the menu bar works from the keyboard and closes when the focus goes into the sidebar", async () => {
  const session = await tracker();
  const { page, sidebar } = session;
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  await sidebar.getByRole("button", { name: "New objective" }).waitFor();
  await page.keyboard.press("Tab"); // the menu bar's one Tab stop; the menus that do nothing are skipped
  expect(await focused()).toBe("Extensions");
  await page.keyboard.press("ArrowDown");
  await until(focused, (t) => t.startsWith("OKR Tracker"), "the OKR Tracker item");
  await page.keyboard.press("ArrowRight");
  await until(focused, (t) => t === "Open sidebar", "the submenu's first item");
  await page.keyboard.press("ArrowDown"); // past the separator
  await until(focused, (t) => t === "Set up tracker", "the next item");
  expect(await page.getByRole("menu", { name: "OKR Tracker" }).isVisible()).toBe(true);
  await page.keyboard.press("Escape");
  await until(focused, (t) => t === "Extensions", "the focus back on Extensions");
  expect(await page.getByRole("menu").count()).toBe(0);

  // With the mouse: the submenu opens on hover; a click into the sidebar closes the menu.
  await page.getByRole("menuitem", { name: "Extensions" }).click();
  await page.getByRole("menuitem", { name: "OKR Tracker" }).hover();
  await page.getByRole("menu", { name: "OKR Tracker" }).getByRole("menuitem").first().waitFor();
  await sidebar.getByRole("heading", { name: FORMULA_TITLE }).click();
  await until(
    () => page.getByRole("menu").count(),
    (n) => n === 0,
    "the menus to close",
  );
});
