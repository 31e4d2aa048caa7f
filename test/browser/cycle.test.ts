/** The end of a cycle in the sidebar: close with a retrospective, the end-of-cycle view, carry over, reopen. */
import { previewSuite, until, type Session } from "./preview-page";

const suite = previewSuite();
const PAST = "2026-Q3"; // ended before any day these tests run

/** A committed objective (graded 0.8) and an aspirational one (1.0) in a past cycle, shown in the sidebar. */
async function pastCycle(): Promise<Session> {
  const session = await suite.open({ setUp: true });
  const harness = session.preview.harness;
  await harness.run("createObjective", {
    title: "Checkout stops losing customers",
    cycle: PAST,
    team: "Payments",
    owner: "Ben",
    commitment: "committed",
    keyResults: [
      { title: "Conversion from 60% to 70%", type: "percentage", start: 0.6, target: 0.7 },
      { title: "Refund requests answered within a day", type: "increase", start: 0, target: 100, unit: "%" },
    ],
  });
  await harness.run("createObjective", {
    title: "Find out whether teams want a self-serve export",
    cycle: PAST,
    commitment: "aspirational",
    keyResults: [{ title: "Teams using the export weekly", type: "increase", start: 0, target: 20 }],
  });
  await harness.run("checkIn", { krId: "KR-1.1", value: 0.68 }); // 0.8
  await harness.run("checkIn", { krId: "KR-1.2", value: 80 }); // 0.8
  await harness.run("checkIn", { krId: "KR-2.1", value: 20 }); // 1.0
  await session.page.reload();
  await session.sidebar.getByLabel("Cycle", { exact: true }).selectOption(PAST);
  await session.sidebar.getByRole("article", { name: "O-2 Find out whether teams want a self-serve export" }).waitFor();
  return session;
}

const finalScores = (s: Session, sheet: string) => {
  const values = s.preview.harness.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues();
  const col = values[0].indexOf("Final score");
  return values.slice(1).map((row) => row[col]);
};

test("closing a past cycle with a retrospective shows its end-of-cycle view, coloured and read per commitment", async () => {
  const session = await pastCycle();
  const { sidebar } = session;
  await sidebar.getByRole("button", { name: "Close 2026-Q3…" }).click();
  const form = sidebar.getByRole("form", { name: "Close 2026-Q3" });
  await form.getByLabel("What we learned from O-1 (optional)").fill("Refunds were the bottleneck, not the page");
  expect(await form.getByRole("checkbox").count()).toBe(0); // it has ended: no early-close confirmation
  await form.getByRole("button", { name: "Close 2026-Q3 and freeze grades" }).click();

  const view = sidebar.getByRole("region", { name: "End of 2026-Q3" });
  await view.getByRole("list", { name: "Final scores of 2026-Q3" }).waitFor();
  await sidebar
    .getByRole("status")
    .getByText(/^Closed 2026-Q3: 2 objectives and 3 key results graded/)
    .waitFor();
  const o1 = view.locator('li[data-objective-id="O-1"]');
  const o2 = view.locator('li[data-objective-id="O-2"]');
  expect(await o1.getByLabel("Final score of O-1: 0.8, green").getAttribute("class")).toBe("grade grade-green");
  expect(await o1.locator(".reading").textContent()).toBe("Commitment missed · committed: 1.0 is expected");
  expect(await o1.locator(".retrospective").textContent()).toBe(
    "What we learned: Refunds were the bottleneck, not the page",
  );
  expect(await o2.locator(".reading").textContent()).toBe("Aspirational success · aspirational: about 0.7 is success");
  expect(await o2.locator(".retrospective").textContent()).toBe("No retrospective written.");
  expect(await view.locator("li.called-out").count()).toBe(2);
  expect(await view.locator(".summary").textContent()).toBe(
    "2 objectives · 0 of 1 commitments met · 1 aspirational success",
  );
  expect(finalScores(session, "Objectives")).toEqual([0.8, 1]);
  expect(finalScores(session, "Key Results")).toEqual([0.8, 0.8, 1]);

  // A check-in on the closed cycle is refused in the sidebar, with how to reopen.
  await view.getByRole("button", { name: "Back to overview" }).click();
  await sidebar
    .getByRole("group", { name: "Cycle 2026-Q3" })
    .getByText("2026-Q3 is closed: its grades are final.")
    .waitFor();
  await sidebar.getByRole("button", { name: "Check in Teams using the export weekly" }).click();
  await sidebar.getByLabel("New value").fill("25");
  await sidebar.getByRole("button", { name: "Record check-in" }).click();
  await sidebar
    .getByRole("alert")
    .getByText(/^KR-2\.1 belongs to 2026-Q3, which is closed.*Reopen/)
    .waitFor();
  await sidebar.getByRole("button", { name: "Cancel" }).click();

  // Reopening from the end-of-cycle view.
  await sidebar.getByRole("button", { name: "End-of-cycle view" }).click();
  await sidebar.getByRole("button", { name: "Reopen 2026-Q3" }).click();
  await sidebar
    .getByRole("status")
    .getByText(/^Reopened 2026-Q3/)
    .waitFor();
  await sidebar.getByRole("button", { name: "Close 2026-Q3…" }).waitFor();
});

test("carrying one objective and one of its key results into the next cycle", async () => {
  const session = await pastCycle();
  const { sidebar } = session;
  await sidebar.getByRole("button", { name: "Start next cycle…" }).click();
  const form = sidebar.getByRole("form", { name: "Start next cycle" });
  expect(await form.getByLabel("New cycle").inputValue()).toBe("2026-Q4");
  expect([await form.getByLabel("First day").inputValue(), await form.getByLabel("Last day").inputValue()]).toEqual([
    "2026-10-01",
    "2026-12-31",
  ]);
  await form.getByLabel(/^O-1 Checkout stops losing customers/).check();
  await form.getByLabel(/^KR-1\.2 Refund requests answered within a day \(starts from 80 %\)/).uncheck();
  await form.getByRole("button", { name: "Start 2026-Q4 with 1 objective" }).click();

  await sidebar
    .getByRole("status")
    .getByText(/^Started 2026-Q4 and carried over O-1 → O-3 \(1 KRs\)\./)
    .waitFor();
  const card = sidebar.getByRole("article", { name: "O-3 Checkout stops losing customers" });
  await card.waitFor();
  expect(await sidebar.getByLabel("Cycle", { exact: true }).inputValue()).toBe("2026-Q4");
  await until(
    () => card.locator("li[data-kr-id]").allTextContents(),
    (krs) => krs.length === 1 && krs[0].includes("Conversion from 60% to 70%") && krs[0].includes("now 68%"),
    "the carried key result, starting from 68%",
  );
  const krs = session.preview.harness.spreadsheet.getSheetByName("Key Results")!.getDataRange().getValues();
  const header = krs[0];
  const carried = krs.find((r) => r[0] === "KR-3.1")!;
  expect(["Start", "Target", "Carried from"].map((h) => carried[header.indexOf(h)])).toEqual([0.68, 0.7, "KR-1.1"]);
});

test("closing a cycle that is still running asks for a confirmation first", async () => {
  const session = await suite.open({ setUp: true });
  const { sidebar, preview } = session;
  const cycle = String(preview.harness.spreadsheet.getRange("Cycles!A2").getValue());
  await preview.harness.run("createObjective", {
    title: "Releases become boring",
    cycle,
    keyResults: [{ title: "Deploys per week from 3 to 15", type: "increase", start: 3, target: 15 }],
  });
  await session.page.reload();
  await sidebar.getByRole("button", { name: "Close " + cycle + "…" }).click();
  const form = sidebar.getByRole("form", { name: "Close " + cycle });
  await form.getByRole("button", { name: "Close " + cycle + " and freeze grades" }).click();
  await form
    .getByRole("alert")
    .getByText(/runs until .*confirm that you want to close it early/)
    .waitFor();
  expect(finalScores(session, "Objectives")).toEqual([""]);
  await form.getByRole("checkbox", { name: /^Close early/ }).check();
  await form.getByRole("button", { name: "Close " + cycle + " and freeze grades" }).click();
  await sidebar
    .getByRole("region", { name: "End of " + cycle })
    .getByLabel("Final score of O-1: 0.0, red")
    .waitFor();
});
