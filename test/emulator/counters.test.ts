import { createEmulator } from "../../dev/emulator";

describe("counters", () => {
  test("one batched getValues is one round trip; a cell-by-cell loop is one per cell", () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
    sh.getRange("A1:B5").setValues([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    emu.counters.reset();
    sh.getRange("A1:B5").getValues();
    expect(emu.counters.summary()).toMatchObject({
      roundTrips: 1,
      lookups: 1,
      byMethod: { "Range.getValues": 1, "Sheet.getRange": 1 },
    });
    emu.counters.reset();
    for (let r = 1; r <= 5; r++) for (let c = 1; c <= 2; c++) sh.getRange(r, c).getValue();
    expect(emu.counters.summary()).toMatchObject({ roundTrips: 10, lookups: 10 });
    expect(emu.counters.get("Range.getValue")).toBe(10);
  });

  test("a TextFinder's options are local and each search one round trip; cells moved are counted", () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
    sh.getRange("A1:A4").setValues([["ID"], ["KR-1.1"], ["kr-1.2"], ["KR-1.2"]]);
    emu.counters.reset();
    const finder = sh.getRange("A:A").createTextFinder("KR-1.2").matchEntireCell(true).matchCase(true);
    expect(finder.findNext()?.getRow()).toBe(4);
    expect(
      sh
        .getRange("A:A")
        .createTextFinder("kr-1.2")
        .findAll()
        .map((r) => r.getRow()),
    ).toEqual([3, 4]);
    sh.getRange("A1:A4").getValues();
    const summary = emu.counters.summary();
    expect(summary.roundTrips).toBe(3); // findNext, findAll, getValues
    expect(summary.cellsRead).toBe(4);
    expect(summary.byMethod["TextFinder.findNext"]).toBe(1);
  });

  test("a RangeList sets one number format on separate ranges in one round trip", () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
    sh.getRange("A1:D2").setValues([
      [0.5, 0.25, 7, 0.125],
      [0.5, 0.25, 7, 0.125],
    ]);
    emu.counters.reset();
    sh.getRangeList(["A1:B1", "D1"]).setNumberFormat("0%");
    expect(emu.counters.summary()).toMatchObject({ roundTrips: 1, lookups: 1 });
    expect(sh.getRange("A1:D2").getDisplayValues()).toEqual([
      ["50%", "25%", "7", "13%"],
      ["0.5", "0.25", "7", "0.125"],
    ]);
    expect(
      sh
        .getRangeList(["C2", "A1:A2"])
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["C2", "A1:A2"]);
  });

  test("service calls are counted apart from sheet round trips", () => {
    const emu = createEmulator();
    const { LockService, PropertiesService } = emu.services;
    const lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    PropertiesService.getDocumentProperties().setProperty("k", "v");
    lock.releaseLock();
    const s = emu.counters.summary();
    expect(s.roundTrips).toBe(0);
    expect(s.services).toBe(5);
    expect(s.byMethod["Lock.waitLock"]).toBe(1);
  });

  test("each user's execution has its own counters", () => {
    const ann = createEmulator();
    const bo = createEmulator({ workbook: ann.workbook, user: "bo@example.com" });
    bo.spreadsheet.getRange("Sheet1!A1").setValue(1);
    expect(ann.counters.summary().roundTrips).toBe(0);
    expect(bo.counters.get("Range.setValue")).toBe(1);
  });
});
