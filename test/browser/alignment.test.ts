/** Alignment in the sidebar: choosing a parent, the tree of objectives, refusals next to their field. */
import { previewSuite, type Session } from "./preview-page";

const suite = previewSuite();

/** A company objective (O-1, no key results) and two team objectives (O-2, O-3) in the current cycle. */
async function teamsAndCompany(): Promise<{ session: Session; cycle: string }> {
  const session = await suite.open({ setUp: true });
  const harness = session.preview.harness;
  const overview = (await harness.run("getOverview", {})) as { data: { currentCycle: string } };
  const cycle = overview.data.currentCycle;
  const create = (request: Record<string, unknown>) =>
    harness.run("createObjective", { cycle, commitment: "aspirational", keyResults: [], ...request });
  await create({ title: "Become the default checkout in Europe", team: "Company", owner: "Ada" });
  await create({
    title: "Checkout stops losing customers",
    team: "Payments",
    owner: "Ben",
    keyResults: [{ title: "Conversion from 60% to 70%", type: "percentage", start: 0.6, target: 0.7 }],
  });
  await create({
    title: "Merchants switch to us in a day",
    team: "Onboarding",
    owner: "Cleo",
    keyResults: [{ title: "Median days to switch", type: "decrease", start: 10, target: 1 }],
  });
  await session.page.reload();
  await session.sidebar.getByRole("article", { name: "O-3 Merchants switch to us in a day" }).waitFor();
  return { session, cycle };
}

test("choosing a parent nests the objective under it; a filter that hides the parent names it", async () => {
  const { session } = await teamsAndCompany();
  const { sidebar } = session;
  const titles = { "O-2": "Checkout stops losing customers", "O-3": "Merchants switch to us in a day" };
  for (const [id, title] of Object.entries(titles)) {
    await sidebar.getByRole("button", { name: "Edit " + title, exact: true }).click();
    const form = sidebar.getByRole("form", { name: "Edit objective" });
    const parent = form.getByLabel("Parent objective");
    // Itself is no choice; the company objective is.
    expect(await parent.locator("option").allTextContents()).toEqual(
      [
        "None",
        "O-1 · Become the default checkout in Europe",
        "O-2 · Checkout stops losing customers",
        "O-3 · Merchants switch to us in a day",
      ].filter((text) => !text.startsWith(id)),
    );
    await parent.selectOption("O-1");
    await form.getByRole("button", { name: "Save objective" }).click();
    await sidebar
      .getByRole("status")
      .getByText("Saved " + id + ".")
      .waitFor();
  }
  const serving = sidebar.getByRole("group", { name: "Objectives serving O-1" });
  expect(
    await serving.getByRole("article").evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label"))),
  ).toEqual(["O-2 Checkout stops losing customers", "O-3 Merchants switch to us in a day"]);
  // The sheet shows the parent's title next to its ID.
  const objectives = session.preview.harness.spreadsheet.getSheetByName("Objectives")!.getDataRange().getValues();
  const [parent, title] = ["Parent", "Parent objective"].map((h) => objectives[0].indexOf(h));
  expect(objectives.slice(1).map((row) => [row[parent], row[title]])).toEqual([
    ["", ""],
    ["O-1", "Become the default checkout in Europe"],
    ["O-1", "Become the default checkout in Europe"],
  ]);
  // O-1 has no key results of its own: it takes its children's progress, (0.5 + 0) / 2, as the sheet does.
  await session.preview.harness.run("checkIn", { krId: "KR-2.1", value: 0.65 });
  await session.page.reload();
  const company = sidebar.getByRole("article", { name: "O-1 Become the default checkout in Europe" });
  await company.getByText("No key results of its own: its progress rolls up from the objectives serving it").waitFor();
  const bar = company.getByRole("progressbar", { name: "Progress of Become the default checkout in Europe" });
  expect(await bar.getAttribute("aria-valuetext")).toBe("25%");
  const progress = session.preview.harness.spreadsheet.getSheetByName("Objectives")!.getRange("A1:Z2").getValues();
  const sheetProgress = progress[1][progress[0].indexOf("Progress")];
  expect(sheetProgress).toBeCloseTo(0.25, 9);
  const answer = (await session.preview.harness.run("getOverview", {})) as {
    data: { objectives: { progress: number }[] };
  };
  expect(answer.data.objectives[0].progress).toBe(sheetProgress);
  await session.page.screenshot({ path: "test-results/alignment-tree.png" });

  // Showing one team: its objective stands at the top and says whom it serves.
  await sidebar.getByLabel("Team", { exact: true }).selectOption("Payments");
  const card = sidebar.getByRole("article", { name: "O-2 Checkout stops losing customers" });
  await card.locator(".serves").getByText("Serves O-1 · Become the default checkout in Europe").waitFor();
});

test("a parent can't follow its objective into another cycle: the refusal stands next to Cycle", async () => {
  const { session } = await teamsAndCompany();
  const { sidebar } = session;
  await session.preview.harness.run("updateObjective", { id: "O-2", changes: { parent: "O-1" } });
  await session.page.reload();
  await sidebar.getByRole("button", { name: "Edit Become the default checkout in Europe", exact: true }).click();
  const form = sidebar.getByRole("form", { name: "Edit objective" });
  const cycle = form.getByLabel("Cycle");
  const now = await cycle.inputValue();
  const other = (await cycle.locator("option").allTextContents()).find((c) => c !== now);
  await cycle.selectOption(other!);
  await form.getByRole("button", { name: "Save objective" }).click();
  await form
    .getByText(/^O-2 names O-1 as parent and stays in \d{4}-Q\d: a parent must be in the same cycle\./)
    .first()
    .waitFor();
  expect(await cycle.getAttribute("aria-invalid")).toBe("true");
});
