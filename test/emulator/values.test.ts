import { createEmulator } from "../../dev/emulator";

function sheet() {
  const emu = createEmulator({ timeZone: "Etc/UTC" });
  return { emu, sh: emu.spreadsheet.getSheetByName("Sheet1")! };
}

describe("values written by script", () => {
  test("setFontWeights sets bold or normal per cell; null resets to normal", () => {
    const { sh } = sheet();
    sh.getRange("A1:B2").setFontWeights([
      ["bold", "normal"],
      [null, "bold"],
    ]);
    expect(sh.getRange("A1:B2").getFontWeights()).toEqual([
      ["bold", "normal"],
      ["normal", "bold"],
    ]);
    expect(() => sh.getRange("A1:B2").setFontWeights([["bold"]])).toThrow(/number of/);
  });

  test("a string starting with = becomes a formula and reads back computed", () => {
    const { sh } = sheet();
    sh.getRange("A1:B1").setValues([[2, "=A1*3"]]);
    expect(sh.getRange("B1").getValue()).toBe(6);
    expect(sh.getRange("B1").getFormula()).toBe("=A1*3");
    expect(sh.getRange("A1:B1").getFormulas()).toEqual([["", "=A1*3"]]);
  });

  test("setFormula/setFormulas write formulas; an empty string clears the cell", () => {
    const { sh } = sheet();
    sh.getRange("A1").setValue(4);
    sh.getRange("B1").setFormula("=A1*2");
    sh.getRange("C1:D1").setFormulas([["=B1+1", ""]]);
    expect(sh.getRange("A1:D1").getValues()).toEqual([[4, 8, 9, ""]]);
    expect(sh.getRange("A1:D1").getFormulas()).toEqual([["", "=A1*2", "=B1+1", ""]]);
    sh.getRange("B1").setFormula("");
    expect(sh.getRange("B1:C1").getValues()).toEqual([["", 1]]);
  });

  test("a leading apostrophe keeps literal text, stored without the apostrophe", () => {
    const { sh } = sheet();
    sh.getRange("A1:A2").setValues([["'=1+1"], ["'45%"]]);
    expect(sh.getRange("A1:A2").getValues()).toEqual([["=1+1"], ["45%"]]);
    expect(sh.getRange("A1").getFormula()).toBe("");
  });

  test("strings are interpreted as if typed: percent, grouped number, boolean, ISO date", () => {
    const { sh } = sheet();
    sh.getRange("A1:A4").setValues([["45%"], ["1,200"], ["TRUE"], ["2024-01-31"]]);
    const v = sh.getRange("A1:A4").getValues();
    expect(v[0][0]).toBe(0.45);
    expect(v[1][0]).toBe(1200);
    expect(v[2][0]).toBe(true);
    expect(v[3][0]).toEqual(new Date("2024-01-31T00:00:00Z"));
    expect(sh.getRange("A1").getNumberFormat()).toBe("0%");
    expect(sh.getRange("A1:A4").getDisplayValues()).toEqual([["45%"], ["1,200"], ["TRUE"], ["2024-01-31"]]);
  });

  test("times and slash dates typed as text become time/date values", () => {
    const { sh } = sheet();
    sh.getRange("A1:A3").setValues([["9:30"], ["2:15 PM"], ["2024/02/29"]]);
    expect(sh.getRange("A1:A3").getDisplayValues()).toEqual([["9:30"], ["2:15 PM"], ["2024-02-29"]]);
    expect(sh.getRange("A1").getValue()).toEqual(new Date("1899-12-30T09:30:00Z"));
    expect(sh.getRange("A4").setValue("25:99").getValue()).toBe("25:99");
  });

  test("a plain-text (@) cell keeps typed strings as text, even formulas", () => {
    const { sh } = sheet();
    sh.getRange("A1:A2").setNumberFormat("@");
    sh.getRange("A1:A2").setValues([["45%"], ["=1+1"]]);
    expect(sh.getRange("A1:A2").getValues()).toEqual([["45%"], ["=1+1"]]);
    expect(sh.getRange("A2").getFormula()).toBe("");
  });

  test("getValues returns numbers, booleans, Dates and '' for empty cells", () => {
    const { sh } = sheet();
    const d = new Date("2024-03-05T00:00:00Z");
    sh.getRange("A1:D1").setValues([[1.5, false, d, null]]);
    expect(sh.getRange("A1:E1").getValues()).toEqual([[1.5, false, d, "", ""]]);
  });

  test("display values follow the number format", () => {
    const { sh } = sheet();
    const cases: [number, string, string][] = [
      [0.4567, "0%", "46%"],
      [0.4567, "0.0%", "45.7%"],
      [3.14159, "0.00", "3.14"],
      [1234.5, "#,##0", "1,235"],
      [1234.5, "#,##0.00", "1,234.50"],
      [2.25, "0.0", "2.3"],
      [45322, "yyyy-mm-dd", "2024-01-31"],
      [45322.5, "yyyy-mm-dd hh:mm", "2024-01-31 12:00"],
      [1 / 3, "General", "0.3333333333"],
    ];
    cases.forEach(([v, f], i) => {
      sh.getRange(i + 1, 1)
        .setNumberFormat(f)
        .setValue(v);
    });
    expect(sh.getRange(1, 1, cases.length, 1).getDisplayValues()).toEqual(cases.map(([, , d]) => [d]));
  });

  test("setValues with wrong dimensions throws Sheets' message", () => {
    const { sh } = sheet();
    expect(() => sh.getRange("A1:B2").setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sh.getRange("A1:B1").setValues([[1, 2, 3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
  });
});

describe("ranges", () => {
  test("ranges are 1-based and bad coordinates throw Sheets' messages", () => {
    const { sh } = sheet();
    expect(sh.getRange(1, 1).getA1Notation()).toBe("A1");
    expect(() => sh.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sh.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sh.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sh.getRange(1, 1, 1, 0)).toThrow("The number of columns in the range must be at least 1.");
    expect(() => sh.getRange(1001, 1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => sh.getRange("nonsense!!")).toThrow("Range not found");
  });

  test("A1 notation: open-ended and whole-column ranges reach the sheet's edge", () => {
    const { sh, emu } = sheet();
    const open = sh.getRange("B2:B");
    expect([open.getRow(), open.getNumRows(), open.getNumColumns()]).toEqual([2, 999, 1]);
    expect(sh.getRange("A:C").getA1Notation()).toBe("A:C");
    expect(emu.spreadsheet.getRange("Sheet1!C3:D4").getA1Notation()).toBe("C3:D4");
  });

  test("getLastRow/getLastColumn/getDataRange count content only, not formats or notes", () => {
    const { sh } = sheet();
    expect(sh.getLastRow()).toBe(0);
    sh.getRange("C5").setValue("x");
    sh.getRange("A9").setNote("a note").setBackground("#ff0000");
    sh.getRange("Z20").setNumberFormat("0.00");
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([5, 3]);
    expect(sh.getDataRange().getA1Notation()).toBe("A1:C5");
  });

  test("inserting and deleting rows moves contents and adjusts formulas", () => {
    const { sh } = sheet();
    sh.getRange("A1:A3").setValues([[1], [2], ["=SUM(A1:A2)"]]);
    sh.insertRowsAfter(1, 2);
    expect(sh.getMaxRows()).toBe(1002);
    expect(sh.getRange("A5").getFormula()).toBe("=SUM(A1:A4)");
    expect(sh.getRange("A5").getValue()).toBe(3);
    sh.deleteRows(2, 2);
    expect(sh.getRange("A1:A3").getValues()).toEqual([[1], [2], [3]]);
    expect(() => sh.deleteRows(1000, 5)).toThrow("Those rows are out of bounds.");
  });

  test("inserting 200,000 rows at once keeps the formats of the rows below them", () => {
    const { sh } = sheet();
    sh.getRange("A3").setNumberFormat("0%").setValue(0.5);
    sh.insertRowsBefore(2, 200_000);
    expect(sh.getMaxRows()).toBe(201_000);
    expect(sh.getRange("A200003").getDisplayValue()).toBe("50%");
  });

  test("appendRow writes after the last row with content and grows a full sheet", () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.insertSheet("Small");
    sh.deleteRows(3, 998);
    sh.getRange("A1:A2").setValues([["h"], ["x"]]);
    sh.appendRow(["y", "=1+1"]);
    expect(sh.getMaxRows()).toBe(3);
    sh.appendRow(["z"]);
    expect(sh.getMaxRows()).toBe(4);
    expect(sh.getRange("A3:B4").getValues()).toEqual([
      ["y", 2],
      ["z", ""],
    ]);
  });

  test("notes, formats and named ranges", () => {
    const { sh, emu } = sheet();
    sh.getRange("A1:B1").setNotes([["first", null]]);
    expect(sh.getRange("A1:B1").getNotes()).toEqual([["first", ""]]);
    expect(sh.getRange("C1").getNumberFormat()).toBe("0.###############");
    emu.spreadsheet.setNamedRange("Targets", sh.getRange("D2:D10"));
    sh.insertRowsBefore(1, 1);
    expect(emu.spreadsheet.getRangeByName("Targets")!.getA1Notation()).toBe("D3:D11");
  });

  test("insertSheet refuses a duplicate name", () => {
    const { emu } = sheet();
    emu.spreadsheet.insertSheet("KRs");
    expect(() => emu.spreadsheet.insertSheet("KRs")).toThrow(
      'A sheet with the name "KRs" already exists. Please enter another name.',
    );
  });
});
