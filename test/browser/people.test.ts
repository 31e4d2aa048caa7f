/** People in the sidebar: Owner and Team suggest the People sheet's names, and new ones are offered for it. */
import { previewSuite } from "./preview-page";

const suite = previewSuite();

test("Owner and Team suggest names from People; a new one is offered for the sheet and added", async () => {
  const session = await suite.open({ setUp: true });
  const { sidebar, preview } = session;
  const people = preview.harness.spreadsheet.getSheetByName("People")!;
  people.getRange("A2:B3").setValues([
    ["Maya Chen", "Platform"],
    ["Ben Carter", "Payments"],
  ]);
  await session.page.reload();
  await sidebar.getByRole("button", { name: "New objective" }).click();
  const form = sidebar.getByRole("form", { name: "New objective" });
  const suggested = async (label: string) => {
    const list = await form.getByLabel(label, { exact: true }).getAttribute("list");
    return form
      .locator("datalist#" + list + " option")
      .evaluateAll((options) => options.map((o) => o.getAttribute("value")));
  };
  expect(await suggested("Owner")).toEqual(["Ben Carter", "Maya Chen"]);
  expect(await suggested("Team")).toEqual(["Payments", "Platform"]);
  expect(await suggested("KR owner")).toEqual(["Ben Carter", "Maya Chen"]);

  await form.getByLabel("Objective", { exact: true }).fill("Become the default checkout in Europe");
  await form.getByLabel("Aspirational: 0.7 is a success").check();
  await form.getByLabel("Team", { exact: true }).fill("Company");
  await form.getByLabel("Owner", { exact: true }).fill("Ada Lovelace");
  // A key result without an owner is the objective's owner's.
  expect(await form.getByLabel("KR owner").getAttribute("placeholder")).toBe("Ada Lovelace (the objective's owner)");
  await form.getByLabel("Key result", { exact: true }).fill("Merchants live in Europe");
  await form.getByLabel("Target").fill("200");
  const offer = form.getByLabel("Add to the People sheet: Ada Lovelace (Company)");
  expect(await offer.isChecked()).toBe(true);
  await session.page.screenshot({ path: "test-results/people-offer.png" });
  await form.getByRole("button", { name: "Create objective" }).click();
  await sidebar
    .getByRole("status")
    .getByText("Created O-1 with 1 key result. Added to the People sheet: Ada Lovelace (Company).")
    .waitFor();
  expect(people.getRange("A4:B4").getValues()).toEqual([["Ada Lovelace", "Company"]]);
  const krs = preview.harness.spreadsheet.getSheetByName("Key Results")!.getDataRange().getValues();
  expect(krs[1][krs[0].indexOf("Owner")]).toBe("Ada Lovelace");

  // Adding a key result: its owner starts as the objective's; a known name is offered nothing.
  await sidebar.getByRole("button", { name: "Add KR to Become the default checkout in Europe" }).click();
  const add = sidebar.getByRole("form", { name: "Add key result" });
  expect(await add.getByLabel("KR owner").inputValue()).toBe("Ada Lovelace");
  expect(await add.getByText(/^Add to the People sheet/).count()).toBe(0);
});
