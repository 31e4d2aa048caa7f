import * as path from "path";
import { Harness } from "../../dev/harness/harness";
import { Button, createEmulator } from "../../dev/emulator";

const BUNDLE = path.join(__dirname, "fixtures", "Code.js");

function load(user = "ann@example.com") {
  const h = new Harness({ bundle: BUNDLE, user, owner: "ann@example.com" });
  h.call("setUp");
  return h;
}

describe("harness: loading a bundle", () => {
  test("finds top-level functions and only JSDoc-tagged custom functions", () => {
    const h = load();
    expect(h.functions).toContain("checkIn");
    expect(h.customFunctions).toEqual([
      "OKR_PROGRESS",
      "OKR_ECHO_TYPE",
      "OKR_FAIL",
      "OKR_WHO",
      "OKR_WRITE",
      "INCREMENT",
    ]);
  });

  test("loading a bundle on a workbook that already has array formulas keeps their spills", () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
    sh.getRange("A1:A3").setValues([["Name"], ["a"], ["b"]]);
    sh.getRange("B1").setValue('=ARRAYFORMULA(IF(ROW(A:A)=1,"Len",IF(A:A="",,LEN(A:A))))');
    sh.getRange("C1").setValue("=SUM(B2:B)");
    // A custom function name no engine has seen yet forces the engine to be rebuilt.
    const h = new Harness({
      code: "/** @customfunction */ function REBUILD_PROBE(x) { return x; }",
      workbook: emu.workbook,
    });
    expect(h.customFunctions).toEqual(["REBUILD_PROBE"]);
    sh.getRange("A4").setValue("ccc");
    expect(sh.getRange("B1:C4").getValues()).toEqual([
      ["Len", 5],
      [1, ""],
      [1, ""],
      [3, ""],
    ]);
    expect(sh.getRange("C1").getFormula()).toBe("=SUM(B2:B)");
    sh.getRange("D1").setValue("=REBUILD_PROBE(7)");
    expect(sh.getRange("D1").getValue()).toBe(7);
  });

  test("every execution starts with fresh globals, as in Apps Script (unless keepGlobals)", () => {
    const h = load();
    expect([h.call("countCalls"), h.call("countCalls")]).toEqual([1, 1]);
    const kept = new Harness({ bundle: BUNDLE, keepGlobals: true });
    expect([kept.call("countCalls"), kept.call("countCalls")]).toEqual([1, 2]);
  });

  test("in AuthMode.NONE onOpen may build menus but not read properties or the sheet", () => {
    const h = new Harness({ bundle: BUNDLE });
    h.open("NONE");
    expect(h.ui.menuItems()).toHaveLength(2);
    expect(h.emu.services.PropertiesService.getDocumentProperties().getProperty("opened")).toBeNull();
    h.open("LIMITED");
    expect(h.emu.services.PropertiesService.getDocumentProperties().getProperty("opened")).toBe("yes");
    const careless = new Harness({ code: "function onOpen(e) { PropertiesService.getDocumentProperties(); }" });
    expect(() => careless.open("NONE")).toThrow(
      "You do not have permission to call PropertiesService.getDocumentProperties",
    );
  });

  test("values reach the bundle as its own realm's arrays and objects (instanceof works)", () => {
    const h = load();
    expect(h.call("realmChecks", [{ a: 1 }])).toEqual([true, true, true, true, true]);
    const sh = h.spreadsheet.getSheetByName("KRs")!;
    sh.getRange("H1:H2").setValues([[1], [2]]);
    sh.getRange("I1").setValue("=INCREMENT(H1:H2)");
    expect(sh.getRange("I1:I2").getValues()).toEqual([[2], [3]]);
  });

  test("onOpen records the add-on menu; clicking an item calls its function", () => {
    const h = load();
    h.open();
    expect(h.ui.menuItems().map((m) => m.functionName)).toEqual(["setUp", "checkIn"]);
    expect(h.clickMenu("Set up")).toBe("KRs");
  });
});

describe("harness: custom functions in formulas", () => {
  test("a range argument arrives as a 2-D array and a 2-D result spills", () => {
    const h = load();
    const sh = h.spreadsheet.getSheetByName("KRs")!;
    sh.getRange("A2:D4").setValues([
      ["a", 0, 5, 10],
      ["b", 1, 2, 3],
      ["", "", "", ""],
    ]);
    sh.getRange("F2").setValue("=OKR_PROGRESS(B2:B4,C2:C4,D2:D4)");
    expect(sh.getRange("F2:F4").getValues()).toEqual([[0.5], [0.5], [""]]);
    sh.getRange("C3").setValue(3);
    expect(sh.getRange("F3").getValue()).toBe(1);
  });

  test("the result grows when the input range does", () => {
    const h = load();
    const sh = h.spreadsheet.getSheetByName("KRs")!;
    sh.getRange("A2:D2").setValues([["a", 0, 5, 10]]);
    sh.getRange("F2").setValue("=OKR_PROGRESS(B2:B3,C2:C3,D2:D3)");
    sh.getRange("F2").setValue("=OKR_PROGRESS(B2:B4,C2:C4,D2:D4)");
    sh.getRange("A4:D4").setValues([["c", 0, 1, 4]]);
    expect(sh.getRange("F2:F4").getValues()).toEqual([[0.5], [""], [0.25]]);
  });

  test("argument shapes: single cell → value, blank → '', date cell → Date", () => {
    const h = load();
    const sh = h.spreadsheet.getSheetByName("KRs")!;
    sh.getRange("H1:H2").setValues([["2024-01-31"], [7]]);
    sh.getRange("I1:I3").setValues([["=OKR_ECHO_TYPE(H1)"], ["=OKR_ECHO_TYPE(H2)"], ["=OKR_ECHO_TYPE(H9)"]]);
    expect(sh.getRange("I1:I3").getValues()).toEqual([["date:2024-01-31T00:00:00.000Z"], ["number:7"], ["string:"]]);
    sh.getRange("J1").setValue("=OKR_ECHO_TYPE(H1:H2)");
    expect(sh.getRange("J1").getValue()).toBe("array 2x1 date;number:7");
  });

  test("a tagged function whose name ends in _ is private: not a custom function", () => {
    const h = load();
    expect(h.customFunctions).not.toContain("HIDDEN_");
    h.spreadsheet.getRange("KRs!K1").setValue("=HIDDEN_(1)");
    expect(h.spreadsheet.getRange("KRs!K1").getValue()).toBe("#NAME?");
  });

  test("a thrown Error becomes #ERROR! with the message readable", () => {
    const h = load();
    const sh = h.spreadsheet.getSheetByName("KRs")!;
    sh.getRange("K1").setValue("=OKR_FAIL()");
    expect(sh.getRange("K1").getValue()).toBe("#ERROR!");
    expect(h.errorMessage("KRs!K1")).toBe("Target must differ from start");
  });

  test("custom functions run anonymously and may not write", () => {
    const h = load();
    const sh = h.spreadsheet.getSheetByName("KRs")!;
    sh.getRange("K1:K2").setValues([["=OKR_WHO()"], ["=OKR_WRITE()"]]);
    expect(sh.getRange("K1:K2").getValues()).toEqual([["[]"], ["#ERROR!"]]);
    expect(h.workbook.errorMessage(sh.model, 2, 11)).toBe("You do not have permission to call setValue");
    expect(h.call("whoAmI")).toBe("ann@example.com");
  });
});

describe("harness: google.script.run rules", () => {
  test("JSON-like values pass; undefined in arrays becomes null", async () => {
    const h = load();
    await expect(h.run("echo", { a: [1, undefined], b: "x" })).resolves.toEqual({ a: [1, null], b: "x" });
  });

  test("a Date parameter makes the call fail", async () => {
    const h = load();
    await expect(h.run("echo", new Date())).rejects.toThrow(/illegal value/);
    await expect(h.run("echo", { when: new Date() })).rejects.toThrow(/illegal value/);
  });

  test("a Date anywhere in the return value makes the whole result null", async () => {
    const h = load();
    await expect(h.run("today")).resolves.toBeNull();
  });

  test("private functions (name ending in _) cannot be called from the sidebar", async () => {
    const h = load();
    await expect(h.run("secret_")).rejects.toThrow("Script function not found: secret_");
  });

  test("a server exception reaches the failure handler with its message", async () => {
    const h = load();
    await expect(h.run("fail")).rejects.toThrow("Nothing to check in");
  });
});

describe("harness: triggers, users, locks", () => {
  test("a user edit fires the bundle's onEdit with the documented event", () => {
    const h = load();
    h.spreadsheet.getRange("KRs!C2").setValue(5);
    h.edit("KRs!C2", "7");
    const last = JSON.parse(h.emu.services.PropertiesService.getDocumentProperties().getProperty("lastEdit") as string);
    expect(last).toEqual({ a1: "C2", value: "7", oldValue: "5", hasValue: true, user: "" });
  });

  test("two users share one workbook; a document lock held by one blocks the other", () => {
    const ann = load("ann@example.com");
    const bo = ann.share("bo@example.com");
    ann.spreadsheet.getRange("KRs!A2").setValue("shared");
    expect(bo.spreadsheet.getRange("KRs!A2").getValue()).toBe("shared");
    const annLock = ann.emu.services.LockService.getDocumentLock();
    annLock.waitLock(1000);
    expect(bo.emu.services.LockService.getDocumentLock().tryLock(1000)).toBe(false);
    expect(() => bo.call("checkIn", 2, 1)).toThrow("Lock timeout: another process was holding the lock for too long.");
    annLock.releaseLock();
    expect(bo.call("checkIn", 2, 1)).toEqual({ row: 2, value: 1 });
  });

  test("the lock audit records writes made without the document lock", () => {
    const h = load();
    h.workbook.lockAudit.enabled = true;
    h.call("checkIn", 2, 4);
    expect(h.workbook.lockAudit.violations).toEqual([]);
    h.call("checkInWithoutLock", 3, 4);
    expect(h.workbook.lockAudit.violations).toEqual([
      { method: "Range.setValue", range: "KRs!C3", user: "ann@example.com" },
    ]);
  });

  test("alerts and prompts return scripted answers", () => {
    const h = load();
    h.ui.scriptedAnswers.push(Button.NO);
    const ui = h.emu.services.SpreadsheetApp.getUi();
    expect(ui.alert("Delete?", "Really?", ui.ButtonSet.YES_NO)).toBe(Button.NO);
    expect(ui.alert("Done")).toBe(Button.OK);
    expect(h.ui.alerts.map((a) => a.prompt)).toEqual(["Really?", "Done"]);
    h.ui.scriptedPrompts.push({ text: "Q3", button: Button.CANCEL });
    const reply = ui.prompt("Cycle name?", ui.ButtonSet.OK_CANCEL);
    expect([reply.getResponseText(), reply.getSelectedButton()]).toEqual(["Q3", Button.CANCEL]);
  });
});
