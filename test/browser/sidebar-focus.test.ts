/** Where the sidebar puts the focus and the page after a refused or a successful submit. */
import type { FrameLocator } from "playwright-core";
import { fillObjective, previewSuite, until, type Session } from "./preview-page";

const suite = previewSuite();

/** What has the focus in the sidebar: its label, accessible name or text. */
const focused = (sidebar: FrameLocator) =>
  sidebar.locator(":root").evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : el.closest("label");
    return (label?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
  });

const waitForFocus = (sidebar: FrameLocator, name: string | RegExp) =>
  until(
    () => focused(sidebar),
    (f) => (typeof name === "string" ? f === name : name.test(f)),
    "the focus on " + name,
  );

test("a refused submit puts the focus on the first field to fix; a saved objective gets the focus", async () => {
  const session = await suite.open({ setUp: true });
  const { sidebar } = session;
  const form = await fillObjective(
    sidebar,
    "",
    [{ title: "Weekly active teams rise from 40 to 60", type: "increase", target: "60" }],
    null,
  );
  await form.getByRole("button", { name: "Create objective" }).click();
  await waitForFocus(sidebar, "Objective");
  await form.getByLabel("Objective", { exact: true }).fill("Teams make the tracker a weekly habit");
  await form.getByRole("button", { name: "Create objective" }).click();
  // Nothing chosen for the commitment: the product does not guess how the score should read.
  await form.getByText("Choose committed or aspirational.").waitFor();
  await waitForFocus(sidebar, "Committed: we will reach 1.0");
  await form.getByRole("radio", { name: /^Committed/ }).check();
  await form.getByRole("button", { name: "Create objective" }).click();
  await waitForFocus(sidebar, "O-1 Teams make the tracker a weekly habit");
  await sidebar.getByRole("status").getByText("Created O-1 with 1 key result.").waitFor();
  expect(session.preview.harness.spreadsheet.getRange("Objectives!F2").getValue()).toBe("committed");
});

/** Three objectives of three key results each: more than a screen of sidebar. */
async function longOverview(): Promise<Session> {
  const session = await suite.open({ setUp: true });
  const harness = session.preview.harness;
  const cycle = harness.values("Cycles!A2")[0][0];
  for (const n of [1, 2, 3])
    await harness.run("createObjective", {
      title: "Objective number " + n,
      cycle,
      keyResults: [1, 2, 3].map((k) => ({
        title: "Signal " + n + "." + k + " rises from 10 to 20",
        type: "increase",
        start: 10,
        target: 20,
      })),
    });
  await session.page.reload();
  await session.sidebar.getByRole("article", { name: "O-3 Objective number 3" }).waitFor();
  return session;
}

test("after a check-in the overview is where it was, with the focus on that key result's Check in", async () => {
  const session = await longOverview();
  const { sidebar } = session;
  const checkIn = sidebar.getByRole("button", { name: "Check in Signal 3.2 rises from 10 to 20" });
  await checkIn.click();
  const form = sidebar.getByRole("form", { name: "Check in KR-3.2" });
  await form.getByLabel("New value").fill("lots");
  await form.getByRole("button", { name: "Record check-in" }).click();
  // Said once, next to the field, which gets the focus.
  const message = /"lots" is not a number/;
  await form.getByText(message).waitFor();
  expect(await form.getByText(message).count()).toBe(1);
  await waitForFocus(sidebar, "New value");

  await form.getByLabel("New value").fill("15");
  await form.getByRole("button", { name: "Record check-in" }).click();
  await sidebar.getByRole("status").getByText("KR-3.2 is now 15.").waitFor();
  await waitForFocus(sidebar, "Check in Signal 3.2 rises from 10 to 20");
  const scrolled = await sidebar.locator(":root").evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100); // not back at the top
  expect(await checkIn.isVisible()).toBe(true);
});

test("Cancel gives the focus back to the button that opened the form", async () => {
  const session = await longOverview();
  const { sidebar } = session;
  await sidebar.getByRole("button", { name: "Edit Signal 2.3 rises from 10 to 20" }).click();
  await sidebar.getByRole("form", { name: "Edit key result" }).getByRole("button", { name: "Cancel" }).click();
  await waitForFocus(sidebar, "Edit Signal 2.3 rises from 10 to 20");
});
