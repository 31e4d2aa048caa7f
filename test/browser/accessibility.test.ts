/**
 * axe-core (injected into the page) on the sidebar's views and the preview's dialogs: no serious
 * or critical violations (labels, contrast, roles, names). Google asks add-on sidebars to be accessible.
 */
import {
  accessibilityProblems,
  cell,
  clickMenu,
  fillObjective,
  openTab,
  previewSuite,
  sidebarFrame,
} from "./preview-page";

const suite = previewSuite();

test("the sidebar: overview, new objective with errors showing, check-in, edit, findings", async () => {
  const session = await suite.open({ setUp: true });
  const { page, sidebar, preview } = session;
  const harness = preview.harness;
  const created = await harness.run("createObjective", {
    title: "Checkout stops losing customers at the payment step",
    cycle: harness.values("Cycles!A2")[0][0],
    team: "Payments",
    owner: "Ben",
    keyResults: [
      {
        title: "Checkout conversion rises from 62% to 70%",
        type: "percentage",
        start: 0.62,
        target: 0.7,
        current: 0.65,
      },
      { title: "Payment incident runbook published", type: "milestone", target: 1 },
    ],
  });
  expect(created).toMatchObject({ ok: true });
  await page.reload();
  await sidebar.getByRole("article").first().waitFor();
  const views: Record<string, string[]> = {};
  views.overview = await accessibilityProblems(sidebarFrame(page));

  const form = await fillObjective(sidebar, "", [{ title: "", type: "increase" }], null);
  await form.getByRole("button", { name: "Create objective" }).click();
  await form.getByText("Choose committed or aspirational.").waitFor();
  views["new objective, refused"] = await accessibilityProblems(sidebarFrame(page));
  await form.getByRole("button", { name: "Cancel" }).click();

  await sidebar.getByRole("button", { name: "Check in Checkout conversion rises from 62% to 70%" }).click();
  await sidebar
    .getByRole("form", { name: "Check in KR-1.1" })
    .getByText(/No check-ins yet|→/)
    .first()
    .waitFor();
  views["check-in"] = await accessibilityProblems(sidebarFrame(page));
  await sidebar.getByRole("button", { name: "Cancel" }).click();

  await sidebar.getByRole("button", { name: "Edit Payment incident runbook published" }).click();
  await sidebar.getByRole("form", { name: "Edit key result" }).waitFor();
  views["edit key result"] = await accessibilityProblems(sidebarFrame(page));
  await sidebar.getByRole("button", { name: "Cancel" }).click();

  await sidebar.getByRole("button", { name: "Check OKRs" }).click();
  await sidebar.getByRole("button", { name: "Check now" }).click();
  await sidebar.getByRole("list", { name: "Findings" }).waitFor();
  views.findings = await accessibilityProblems(sidebarFrame(page));

  expect(views).toEqual({
    overview: [],
    "new objective, refused": [],
    "check-in": [],
    "edit key result": [],
    findings: [],
  });
});

test("the preview's dialogs: an alert, a refused value, the question before a protected column", async () => {
  const session = await suite.open();
  const { page } = session;
  const dialogs: Record<string, string[]> = {};
  await clickMenu(page, "Set up tracker");
  const alert = page.getByRole("dialog", { name: "Set up tracker" });
  await alert.waitFor();
  dialogs.alert = await accessibilityProblems(page, "#alert");
  await alert.getByRole("button", { name: "OK" }).click();

  await openTab(page, "Key Results");
  await cell(page, "F2").click();
  await page.keyboard.type("lots");
  await page.keyboard.press("Enter");
  const problem = page.getByRole("dialog", { name: "There was a problem" });
  await problem.waitFor();
  dialogs.refusal = await accessibilityProblems(page, "#alert");
  await problem.getByRole("button", { name: "OK" }).click();

  await cell(page, "V2").click();
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  const question = page.getByRole("dialog", { name: "Heads up!" });
  await question.waitFor();
  dialogs.question = await accessibilityProblems(page, "#alert");
  await question.getByRole("button", { name: "Cancel" }).click();

  expect(dialogs).toEqual({ alert: [], refusal: [], question: [] });
});
