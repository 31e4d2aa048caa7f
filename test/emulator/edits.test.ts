import { createEmulator, userEdit, SheetsError } from "../../dev/emulator";

function setup(user = "owner@example.com") {
  const emu = createEmulator({ owner: "owner@example.com", user });
  const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
  return { emu, sh };
}

describe("data validation", () => {
  test("scripts may write values that break validation", () => {
    const { emu, sh } = setup();
    const rule = emu.services.SpreadsheetApp.newDataValidation()
      .requireNumberBetween(0, 1)
      .setAllowInvalid(false)
      .build();
    sh.getRange("B2:B5").setDataValidation(rule);
    sh.getRange("B2").setValue(7);
    expect(sh.getRange("B2").getValue()).toBe(7);
    expect(sh.getRange("B3").getDataValidation()!.getCriteriaValues()).toEqual([0, 1]);
  });

  test("a user edit breaking a rule with allowInvalid=false is rejected and the cell keeps its value", () => {
    const { emu, sh } = setup();
    const rule = emu.services.SpreadsheetApp.newDataValidation()
      .requireValueInList(["On track", "At risk"])
      .setAllowInvalid(false)
      .build();
    sh.getRange("C2").setDataValidation(rule).setValue("On track");
    const result = userEdit(emu.ctx, sh.getRange("C2"), "Late");
    expect(result.accepted).toBe(false);
    expect(result.message).toMatch(/violates the data validation rules/);
    expect(sh.getRange("C2").getValue()).toBe("On track");
    expect(userEdit(emu.ctx, sh.getRange("C2"), "At risk").accepted).toBe(true);
    expect(sh.getRange("C2").getValue()).toBe("At risk");
  });

  test("with allowInvalid=true (the default) the edit is kept with a warning", () => {
    const { emu, sh } = setup();
    sh.getRange("B2").setDataValidation(
      emu.services.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1).build(),
    );
    const result = userEdit(emu.ctx, sh.getRange("B2"), "150%");
    expect(result.accepted).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(sh.getRange("B2").getValue()).toBe(1.5);
  });

  test("requireValueInRange checks the source range's current values", () => {
    const { emu, sh } = setup();
    sh.getRange("Z1:Z2").setValues([["Ann"], ["Bo"]]);
    const rule = emu.services.SpreadsheetApp.newDataValidation()
      .requireValueInRange(sh.getRange("Z1:Z2"))
      .setAllowInvalid(false)
      .build();
    sh.getRange("A2").setDataValidation(rule);
    expect(userEdit(emu.ctx, sh.getRange("A2"), "Cy").accepted).toBe(false);
    sh.getRange("Z2").setValue("Cy");
    expect(userEdit(emu.ctx, sh.getRange("A2"), "Cy").accepted).toBe(true);
  });

  test("checkbox validation accepts typed TRUE/FALSE only", () => {
    const { emu, sh } = setup();
    sh.getRange("D2").setDataValidation(
      emu.services.SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build(),
    );
    expect(userEdit(emu.ctx, sh.getRange("D2"), "yes").accepted).toBe(false);
    expect(userEdit(emu.ctx, sh.getRange("D2"), "true").accepted).toBe(true);
    expect(sh.getRange("D2").getValue()).toBe(true);
  });
});

describe("protections", () => {
  test("a warning-only protected range accepts a user edit but records a warning", () => {
    const owner = setup();
    owner.sh.getRange("A1:D1").protect().setWarningOnly(true).setDescription("Header");
    const bo = createEmulator({ workbook: owner.emu.workbook, user: "bo@example.com" });
    const result = userEdit(bo.ctx, bo.spreadsheet.getRange("Sheet1!B1"), "x");
    expect(result.accepted).toBe(true);
    expect(result.warnings[0]).toMatch(/protected range/);
    expect(owner.sh.getRange("B1").getValue()).toBe("x");
    // "Every user can edit ... except editing will prompt a warning": the owner too.
    const own = userEdit(owner.emu.ctx, owner.sh.getRange("C1"), "y");
    expect([own.accepted, own.warnings.length]).toEqual([true, 1]);
    expect(userEdit(owner.emu.ctx, owner.sh.getRange("C2"), "z").warnings).toEqual([]);
  });

  test("a fully protected range rejects edits by non-editors, from the UI and from scripts", () => {
    const owner = setup();
    owner.sh.getRange("A1:D1").protect().removeEditors(["owner@example.com"]).addEditor("ann@example.com");
    const bo = createEmulator({ workbook: owner.emu.workbook, user: "bo@example.com" });
    const ann = createEmulator({ workbook: owner.emu.workbook, user: "ann@example.com" });
    const result = userEdit(bo.ctx, bo.spreadsheet.getRange("Sheet1!B1"), "x");
    expect(result.accepted).toBe(false);
    expect(result.message).toMatch(/protected cell or object/);
    expect(() => bo.spreadsheet.getRange("Sheet1!A1").setValue(1)).toThrow(SheetsError);
    expect(userEdit(ann.ctx, ann.spreadsheet.getRange("Sheet1!B1"), "ok").accepted).toBe(true);
    owner.sh.getRange("C1").setValue("owner can");
    expect(owner.sh.getRange("B1:C1").getValues()).toEqual([["ok", "owner can"]]);
    expect(owner.sh.getProtections(owner.emu.services.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
  });

  test("a RangeList write touching a protected range changes none of its ranges", () => {
    const owner = setup();
    owner.sh.getRange("A1:D1").protect().removeEditors(["owner@example.com"]);
    const bo = createEmulator({ workbook: owner.emu.workbook, user: "bo@example.com" });
    const sheet = bo.spreadsheet.getSheetByName("Sheet1")!;
    expect(() => sheet.getRangeList(["B5", "C1"]).setNumberFormat("0%")).toThrow(SheetsError);
    expect(sheet.getRange("B5").getNumberFormat()).toBe("0.###############");
    sheet.getRangeList(["B5"]).setNumberFormat("0%");
    expect(sheet.getRange("B5").getNumberFormat()).toBe("0%");
  });

  test("a new protection blocks nobody until the script changes its editors", () => {
    const owner = setup();
    const p = owner.sh.getRange("A1:D1").protect();
    const bo = createEmulator({ workbook: owner.emu.workbook, user: "bo@example.com" });
    expect(userEdit(bo.ctx, bo.spreadsheet.getRange("Sheet1!A1"), "x").accepted).toBe(true);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(["owner@example.com"]);
    expect(userEdit(bo.ctx, bo.spreadsheet.getRange("Sheet1!A1"), "y").accepted).toBe(false);
  });

  test("a protected sheet leaves its unprotected ranges editable", () => {
    const owner = setup();
    const p = owner.sh.protect();
    p.removeEditors(["owner@example.com"]);
    p.setUnprotectedRanges([owner.sh.getRange("C2:C100")]);
    const bo = createEmulator({ workbook: owner.emu.workbook, user: "bo@example.com" });
    expect(userEdit(bo.ctx, bo.spreadsheet.getRange("Sheet1!C5"), "5").accepted).toBe(true);
    expect(userEdit(bo.ctx, bo.spreadsheet.getRange("Sheet1!D5"), "5").accepted).toBe(false);
  });
});

describe("user edits", () => {
  test("typed input is parsed like typed text and the onEdit event carries value/oldValue for one cell", () => {
    const { emu, sh } = setup();
    sh.getRange("B2").setValue(3);
    const events: Record<string, unknown>[] = [];
    userEdit(emu.ctx, sh.getRange("B2"), "45%", (e) => events.push({ ...e }));
    expect(sh.getRange("B2").getValue()).toBe(0.45);
    expect(events[0].value).toBe("45%");
    expect(events[0].oldValue).toBe("3");
    expect(events[0].authMode).toBe("LIMITED");
    expect((events[0].range as { getA1Notation(): string }).getA1Notation()).toBe("B2");
  });

  test("a multi-cell paste has no value or oldValue in the event", () => {
    const { emu, sh } = setup();
    const events: Record<string, unknown>[] = [];
    userEdit(emu.ctx, sh.getRange("A2:B2"), [["Revenue", "10"]], (e) => events.push({ ...e }));
    expect(sh.getRange("A2:B2").getValues()).toEqual([["Revenue", 10]]);
    expect("value" in events[0]).toBe(false);
    expect("oldValue" in events[0]).toBe(false);
  });

  test("editing an empty cell has no oldValue", () => {
    const { emu, sh } = setup();
    let event: Record<string, unknown> = {};
    userEdit(emu.ctx, sh.getRange("E5"), "x", (e) => (event = { ...e }));
    expect("oldValue" in event).toBe(false);
    expect(event.value).toBe("x");
  });
});
