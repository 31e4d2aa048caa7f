/** The main path in a browser: set up a tracker, create an objective with three KRs, check in. */
import { cell, cellShows, clickMenu, fillObjective, openTab, until, previewSuite } from "./preview-page";

const suite = previewSuite();

const OBJECTIVE = "Checkout stops losing customers at the payment step";
const LATENCY = "p95 payment confirmation time drops from 4.2 s to 1.5 s";

test("set up from the menu, create an objective with three key results, check in", async () => {
  const session = await suite.open();
  const { page, sidebar } = session;

  await clickMenu(page, "Set up tracker");
  const alert = page.getByRole("dialog", { name: "Set up tracker" });
  await alert.getByText(/Created sheets: Objectives, Key Results, History/).waitFor();
  await alert.getByRole("button", { name: "OK" }).click();
  for (const sheet of ["Objectives", "Key Results", "History", "Cycles"])
    await page.getByRole("tab", { name: sheet, exact: true }).waitFor();

  // The sidebar opened before set-up; open it again, as a user would.
  await clickMenu(page, "Open sidebar");
  const form = await fillObjective(sidebar, OBJECTIVE, [
    { title: LATENCY, type: "decrease", start: "4.2", target: "1.5", unit: "s" },
    { title: "Checkout conversion rises from 62% to 70%", type: "percentage", start: "62%", target: "70%" },
    { title: "Payment incident runbook published", type: "milestone" },
  ]);
  await form.getByRole("button", { name: "Create objective" }).click();

  const bar = sidebar.getByRole("progressbar", { name: "Progress of " + OBJECTIVE });
  await bar.waitFor();
  expect(await bar.getAttribute("aria-valuenow")).toBe("0");
  await openTab(page, "Objectives");
  await cellShows(page, "B2", OBJECTIVE);
  await cellShows(page, "I2", "0%");
  await openTab(page, "Key Results");
  await cellShows(page, "C4", "Payment incident runbook published");

  await sidebar.getByRole("button", { name: "Check in " + LATENCY }).click();
  const checkIn = sidebar.getByRole("form", { name: "Check in KR-1.1" });
  await checkIn.getByLabel("New value").fill("2.9");
  await checkIn.getByLabel("Confidence").selectOption("7");
  await checkIn.getByLabel("Note").fill("Regional gateway in eu-west");
  await checkIn.getByRole("button", { name: "Record check-in" }).click();

  // (4.2 - 2.9) / (4.2 - 1.5) = 48% for the KR; the objective is the mean of 48%, 0% and 0%.
  await until(
    () => sidebar.getByRole("progressbar", { name: "Progress of " + LATENCY }).getAttribute("aria-valuenow"),
    (v) => v === "48",
    "KR progress bar at 48",
  );
  await until(
    () => bar.getAttribute("aria-valuenow"),
    (v) => v === "16",
    "objective progress bar at 16",
  );
  await cellShows(page, "G2", "2.9");
  await cellShows(page, "V2", "48%");
  await openTab(page, "Objectives");
  await cellShows(page, "I2", "16%");
  await openTab(page, "History");
  await cellShows(page, "C2", "KR-1.1");
  await cellShows(page, "F2", "2.9");
  expect(await cell(page, "H2").textContent()).toBe("Regional gateway in eu-west");
  expect(await cell(page, "J2").textContent()).toBe("sidebar");
});

test("keyboard only: create an objective without the mouse", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar } = session;
  const focusedLabel = () =>
    sidebar.locator(":root").evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : el.closest("label");
      const text =
        label?.textContent ?? el.getAttribute("aria-label") ?? (el.tagName === "BUTTON" ? el.textContent : el.tagName);
      return (text ?? "").trim();
    });
  /** Presses Tab until the control labelled `label` has the focus. */
  const tabTo = async (label: string) => {
    for (let i = 0; i < 40; i++) {
      if ((await focusedLabel()) === label) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("Tab never reached " + label);
  };

  await sidebar.getByRole("button", { name: "New objective" }).waitFor();
  // From the page's start, through the menu bar and the grid, into the sidebar.
  await tabTo("New objective");
  await page.keyboard.press("Enter");
  await sidebar.getByRole("form", { name: "New objective" }).waitFor();
  await tabTo("Objective");
  await page.keyboard.type("Engineers find front-end errors before customers do");
  await tabTo("Committed: we will reach 1.0");
  await page.keyboard.press("Space");
  await tabTo("Key result");
  await page.keyboard.type("Median time to detect a front-end error falls from 72 h to 2 h");
  await tabTo("Type");
  await page.keyboard.press("ArrowDown"); // increase → decrease
  await tabTo("Start");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("72");
  await tabTo("Target");
  await page.keyboard.type("2");
  await page.keyboard.press("Enter"); // submits the form

  await sidebar
    .getByRole("progressbar", { name: "Progress of Engineers find front-end errors before customers do" })
    .waitFor();
  await openTab(page, "Key Results");
  await cellShows(page, "C2", "Median time to detect a front-end error falls from 72 h to 2 h");
  await cellShows(page, "D2", "decrease");
  await cellShows(page, "E2", "72");
  await cellShows(page, "F2", "2");
});

test("a value typed into the grid's Current column is a check-in too (onEdit)", async () => {
  const session = await suite.open({ setUp: true });
  const { page, preview } = session;
  await preview.harness.run("createObjective", {
    title: OBJECTIVE,
    cycle: preview.harness.values("Cycles!A2")[0][0],
    keyResults: [{ title: LATENCY, type: "decrease", start: 4.2, target: 1.5, unit: "s" }],
  });
  await openTab(page, "Key Results");
  await cellShows(page, "C2", LATENCY);

  await cell(page, "G2").dblclick();
  const editor = page.getByRole("textbox", { name: "Edit G2" });
  await editor.fill("2.9");
  await editor.press("Enter");

  await cellShows(page, "G2", "2.9");
  await cellShows(page, "V2", "48%");
  await openTab(page, "History");
  await cellShows(page, "C2", "KR-1.1");
  await cellShows(page, "F2", "2.9");
  expect(await cell(page, "J2").textContent()).toBe("typed in sheet");
});

test("before set-up, the sidebar says so and offers Set up tracker, which sets it up", async () => {
  const { page, sidebar } = await suite.open();
  await sidebar
    .getByRole("alert")
    .getByText(/isn't set up in this spreadsheet/)
    .waitFor();
  await sidebar.getByRole("button", { name: "Set up tracker" }).click();
  await sidebar.getByText(/^Created sheets: Objectives, Key Results, History/).waitFor();
  await sidebar.getByRole("button", { name: "New objective" }).waitFor();
  await page.getByRole("tab", { name: "Key Results", exact: true }).waitFor();
});
