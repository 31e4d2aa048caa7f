import { createEmulator } from "../../dev/emulator";

function krSheet() {
  const emu = createEmulator();
  const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
  sh.getRange("A1:D4").setValues([
    ["Key result", "Start", "Current", "Target"],
    ["Revenue", 0, 5, 10],
    ["NPS", 1, 2, 3],
    ["Churn", 10, 4, 2],
  ]);
  return { emu, sh };
}

const HEADER_FORMULA = '=ARRAYFORMULA(IF(ROW(A:A)=1,"Progress",IF(A:A="",,(C:C-B:B)/(D:D-B:B))))';

describe("formulas (HyperFormula, configured like Sheets)", () => {
  test("COUNTIFS and SUMIFS evaluate next to the SUMIF/COUNTIF plugin", () => {
    const { sh } = krSheet();
    sh.getRange("F1:F2").setFormulas([
      ['=COUNTIFS(B2:B4,">=1",C2:C4,"<5")'],
      ['=SUMIFS(D2:D4,B2:B4,">=1",C2:C4,"<5")'],
    ]);
    expect(sh.getRange("F1:F2").getValues()).toEqual([[2], [5]]);
  });

  test("FILTER returns whole rows of a wider range and follows its data", () => {
    const { sh } = krSheet();
    sh.getRange("F1").setFormula('=ARRAYFORMULA(IFERROR(FILTER(A2:D,A2:A<>"",C2:C>=4),""))');
    expect(sh.getRange("F1:I3").getValues()).toEqual([
      ["Revenue", 0, 5, 10],
      ["Churn", 10, 4, 2],
      ["", "", "", ""],
    ]);
    sh.getRange("C3").setValue(4);
    expect(sh.getRange("F2:F3").getValues()).toEqual([["NPS"], ["Churn"]]);
  });

  test("a whole-column ARRAYFORMULA in a header cell spills down and reads back through getValues", () => {
    const { sh } = krSheet();
    sh.getRange("E1").setValue(HEADER_FORMULA);
    expect(sh.getRange("E1:E5").getValues()).toEqual([["Progress"], [0.5], [0.5], [0.75], [""]]);
    expect(sh.getRange("E1").getFormula()).toBe(HEADER_FORMULA);
    expect(sh.getRange("E2").getFormula()).toBe("");
  });

  test("COUNTIFS, SUMIFS and AVERAGEIF evaluate next to the replaced SUMIF and COUNTIF", () => {
    const { sh } = krSheet();
    sh.getRange("G1:G3").setValues([
      ['=COUNTIFS(A:A,"?*",C:C,">0.5")'],
      ['=SUMIFS(C:C,A:A,"<>")'],
      ['=AVERAGEIF(C:C,">0")'],
    ]);
    // Current is 5, 2 and 4 on rows with a key result.
    expect(sh.getRange("G1:G3").getValues()).toEqual([[3], [11], [11 / 3]]);
  });

  test("IF with an omitted argument yields a truly empty cell that getLastRow ignores", () => {
    const { sh } = krSheet();
    sh.getRange("E1").setValue(HEADER_FORMULA);
    expect(sh.getLastRow()).toBe(4);
    expect(sh.getRange("E5").isBlank()).toBe(true);
    sh.getRange("A6:D6").setValues([["New", 0, 1, 4]]);
    expect(sh.getRange("E5:E6").getValues()).toEqual([[""], [0.25]]);
    expect(sh.getLastRow()).toBe(6);
  });

  test("the spill follows rows added after the last row (open ranges stay open)", () => {
    const { sh } = krSheet();
    sh.getRange("E1").setValue(HEADER_FORMULA);
    sh.getRange("F2").setValue("=SUM(C2:C)");
    sh.insertRowsAfter(1000, 10);
    sh.getRange("A1005:D1005").setValues([["Late", 0, 3, 4]]);
    expect(sh.getRange("E1005").getValue()).toBe(0.75);
    expect(sh.getRange("F2").getFormula()).toBe("=SUM(C2:C)");
    expect(sh.getRange("F2").getValue()).toBe(14);
  });

  test("computed values update after edits", () => {
    const { sh } = krSheet();
    sh.getRange("F1").setValue("=SUM(C2:C4)");
    sh.getRange("C2").setValue(9);
    expect(sh.getRange("F1").getValue()).toBe(15);
  });

  test("TRUE/FALSE literals, VLOOKUP exact match, IFERROR", () => {
    const { sh } = krSheet();
    sh.getRange("F1:F3").setValues([
      ['=VLOOKUP("NPS",A:D,4,FALSE)'],
      ['=IFERROR(VLOOKUP("nope",A:D,4,FALSE),"missing")'],
      ["=AND(TRUE,NOT(FALSE))"],
    ]);
    expect(sh.getRange("F1:F3").getValues()).toEqual([[3], ["missing"], [true]]);
  });

  test("SUMIF with array criteria inside ARRAYFORMULA", () => {
    const { emu, sh } = krSheet();
    const log = emu.spreadsheet.insertSheet("Log");
    log.getRange("A1:B4").setValues([
      ["KR", "Delta"],
      ["Revenue", 2],
      ["NPS", 1],
      ["Revenue", 3],
    ]);
    sh.getRange("G2").setValue('=ARRAYFORMULA(IF(A2:A4="",,SUMIF(Log!A:A,A2:A4,Log!B:B)))');
    expect(sh.getRange("G2:G4").getValues()).toEqual([[5], [1], [0]]);
  });

  test("SUMIF/COUNTIF by text stay right after edits and match case-insensitively", () => {
    const { emu, sh } = krSheet();
    const log = emu.spreadsheet.insertSheet("Log");
    log.getRange("A1:B4").setValues([
      ["KR", "Delta"],
      ["revenue", 2],
      ["NPS", 1],
      ["Revenue", 3],
    ]);
    sh.getRange("G2").setValue('=ARRAYFORMULA(IF(A2:A4="",,SUMIF(Log!A:A,A2:A4,Log!B:B)))');
    sh.getRange("H2").setValue('=ARRAYFORMULA(IF(A2:A4="",,COUNTIF(Log!A:A,A2:A4)))');
    expect(sh.getRange("G2:H4").getValues()).toEqual([
      [5, 2],
      [1, 1],
      [0, 0],
    ]);
    log.getRange("B2").setValue(10);
    log.appendRow(["Churn", 4]);
    expect(sh.getRange("G2:H4").getValues()).toEqual([
      [13, 2],
      [1, 1],
      [4, 1],
    ]);
    log.getRange("B3").setValue("=1/0");
    expect(sh.getRange("G3").getValue()).toBe("#DIV/0!");
  });

  test("writes are evaluated together at the next read; a sheet that never held a formula reads without evaluating", () => {
    const { emu, sh } = krSheet();
    let evaluations = 0;
    emu.workbook.setCustomFunctions({
      TOTAL: (values: unknown) => {
        evaluations++;
        return (values as number[][]).flat().reduce((a, b) => a + (Number(b) || 0), 0);
      },
    });
    sh.getRange("F1").setFormula("=TOTAL(C2:C4)");
    expect(sh.getRange("F1").getValue()).toBe(11);
    const log = emu.spreadsheet.insertSheet("Log");
    evaluations = 0;
    sh.getRange("C2").setValue(6);
    sh.getRange("C3").setValue(3);
    log.appendRow(["checked in", 6]);
    log.appendRow(["checked in", 3]);
    expect(log.getRange("A1:B2").getValues()).toEqual([
      ["checked in", 6],
      ["checked in", 3],
    ]);
    expect(evaluations).toBe(0);
    expect(sh.getRange("F1").getValue()).toBe(13);
    expect(evaluations).toBe(1);
    sh.getRange("C4").setValue(5);
    expect(sh.getLastRow()).toBe(4);
    expect(sh.getRange("F1").getValue()).toBe(14);
    expect(evaluations).toBe(2);
  });

  test("VLOOKUP and MATCH by exact match stay right after edits: first match, case and accents ignored, types kept", () => {
    const { emu, sh } = krSheet();
    const ids = emu.spreadsheet.insertSheet("Ids");
    ids.getRange("A1:B6").setValues([
      ["abc", 1],
      ["ABC", 2],
      ["é", 3],
      [5, 4],
      [true, 5],
      ["a*c", 6],
    ]);
    sh.getRange("F1:F7").setValues([["Abc"], ["e"], [5], ["'5"], [true], ["a*"], ["zz"]]);
    sh.getRange("G1").setFormula('=ARRAYFORMULA(IFERROR(VLOOKUP(F1:F7,Ids!A1:B6,2,FALSE),"none"))');
    sh.getRange("H1").setFormula('=ARRAYFORMULA(IFERROR(MATCH(F1:F7,Ids!A1:A6,0),"none"))');
    // "a*" is a wildcard: answered by HyperFormula's own search, as before the index.
    expect(sh.getRange("G1:H7").getValues()).toEqual([
      [1, 1],
      [3, 3],
      [4, 4],
      ["none", "none"],
      [5, 5],
      [6, "none"],
      ["none", "none"],
    ]);
    ids.getRange("A1").setValue("zz");
    ids.getRange("B2").setValue(20);
    expect(sh.getRange("G1:H7").getValues()).toEqual([
      [20, 2],
      [3, 3],
      [4, 4],
      ["none", "none"],
      [5, 5],
      [6, "none"],
      [1, 1],
    ]);
  });

  test("T.INV and T.DIST answer as HyperFormula does, in ARRAYFORMULA and alone, again after edits, argument checks included", () => {
    const { sh } = krSheet();
    sh.getRange("F1:G4").setValues([
      [0.9, 3],
      [0.9, 3.7],
      [1.2, 3],
      [0.9, 0],
    ]);
    sh.getRange("H1").setFormula("=ARRAYFORMULA(T.INV(F1:F4,G1:G4))");
    sh.getRange("I1").setFormula("=T.INV(0.9,3)");
    sh.getRange("J1").setFormula("=ARRAYFORMULA(T.DIST(F1:F4*2-0.3,G1:G4,TRUE))");
    sh.getRange("K1").setFormula("=T.DIST(1.5,3,FALSE)");
    const expected = (values: unknown[][]) => {
      const [[a, alone, cdf, pdf], [b, , cdf2], [c, , cdf3], [d, , cdf4]] = values;
      expect(a).toBeCloseTo(1.6377443, 6);
      expect([b, alone]).toEqual([a, a]);
      expect([c, d]).toEqual(["#NUM!", "#NUM!"]);
      expect(cdf).toBeCloseTo(0.88470806687, 10);
      expect(cdf2).toBe(cdf);
      expect(cdf3).toBeCloseTo(0.9367173987, 10);
      expect(cdf4).toBe("#NUM!");
      expect(pdf).toBeCloseTo(0.12001717384, 10);
    };
    expected(sh.getRange("H1:K4").getValues());
    sh.getRange("G3").setValue(3);
    expected(sh.getRange("H1:K4").getValues());
  });

  test("ROUND/MAX/MIN/ISNUMBER/ISBLANK/OR inside ARRAYFORMULA", () => {
    const { sh } = krSheet();
    // MIN/MAX aggregate the whole array even inside ARRAYFORMULA, as in Sheets.
    sh.getRange("H2").setValue("=ARRAYFORMULA(ROUND(100*(C2:C4-B2:B4)/(D2:D4-B2:B4)+MIN(C2:C4)-MAX(0,MIN(C2:C4)),1))");
    sh.getRange("I2").setValue('=ARRAYFORMULA(IF(ISNUMBER(B2:B5),"n",IF(ISBLANK(A2:A5),"blank","?")))');
    sh.getRange("J2").setValue("=ARRAYFORMULA(OR(C2:C4>4))");
    expect(sh.getRange("H2:H4").getValues()).toEqual([[50], [50], [75]]);
    expect(sh.getRange("I2:I5").getValues()).toEqual([["n"], ["n"], ["n"], ["blank"]]);
    expect(sh.getRange("J2").getValue()).toBe(true);
  });

  test("ROW over a range is an array inside ARRAYFORMULA, a single number outside it", () => {
    const { sh } = krSheet();
    sh.getRange("K1").setValue("=ARRAYFORMULA(ROW(A2:A4))");
    sh.getRange("L1").setValue("=ROW(A2:A4)");
    expect(sh.getRange("K1:L3").getValues()).toEqual([
      [2, 2],
      [3, ""],
      [4, ""],
    ]);
  });

  test("TODAY() reads back as a Date at midnight in the spreadsheet's time zone", () => {
    const emu = createEmulator({ timeZone: "America/New_York" });
    const sh = emu.spreadsheet.getSheetByName("Sheet1")!;
    sh.getRange("A1").setValue("=TODAY()");
    const v = sh.getRange("A1").getValue() as Date;
    expect(v).toBeInstanceOf(Date);
    const ny = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      hour: "2-digit",
      hourCycle: "h23",
    }).format(v);
    expect(ny).toBe("00");
  });

  test("a spill blocked by data is #REF! and expands again once the data is cleared", () => {
    const { sh } = krSheet();
    sh.getRange("E3").setValue("blocker");
    sh.getRange("E1").setValue(HEADER_FORMULA);
    expect(sh.getRange("E1").getValue()).toBe("#REF!");
    sh.getRange("E3").clearContent();
    expect(sh.getRange("E1:E3").getValues()).toEqual([["Progress"], [0.5], [0.5]]);
  });

  test("a bare range reference spills, as in Sheets, and reads back as written", () => {
    const { sh } = krSheet();
    sh.getRange("F1").setValue("=B1:B3");
    sh.getRange("G1").setValue("=Sheet1!D:D");
    expect(sh.getRange("F1:G5").getValues()).toEqual([
      ["Start", "Target"],
      [0, 10],
      [1, 3],
      ["", 2],
      ["", ""],
    ]);
    expect(sh.getRange("F1:G1").getFormulas()).toEqual([["=B1:B3", "=Sheet1!D:D"]]);
  });

  test("date arithmetic: date + n is a Date, date - date is a number of days", () => {
    const { sh } = krSheet();
    sh.getRange("F1:F2").setValues([["2024-01-31"], ["2024-03-01"]]);
    sh.getRange("G1:G2").setValues([["=F1+1"], ["=F2-F1"]]);
    expect(sh.getRange("G1:G2").getValues()).toEqual([[new Date("2024-02-01T00:00:00Z")], [30]]);
  });

  test("a number formatted as a date afterwards is a date to formulas too", () => {
    const { sh } = krSheet();
    sh.getRange("F1").setValue(45322);
    sh.getRange("G1").setValue("=F1+1");
    expect(sh.getRange("G1").getValue()).toBe(45323);
    sh.getRange("F1").setNumberFormat("yyyy-mm-dd");
    expect(sh.getRange("G1").getValue()).toEqual(new Date("2024-02-01T00:00:00Z"));
  });

  test("TEXT uses Sheets' patterns, including percent and dates, elementwise in ARRAYFORMULA", () => {
    const { sh } = krSheet();
    sh.getRange("F1:F2").setValues([["2024-01-31"], ["2024-03-01"]]);
    sh.getRange("G1").setValue('=TEXT(0.456,"0%")');
    sh.getRange("H1").setValue('=ARRAYFORMULA(TEXT(F1:F2,"mmm d"))');
    expect(sh.getRange("G1:H2").getValues()).toEqual([
      ["46%", "Jan 31"],
      ["", "Mar 1"],
    ]);
  });

  test("Sheets-only functions added as plugins: SPLIT spills, REGEXMATCH/REGEXEXTRACT, JOIN", () => {
    const { sh } = krSheet();
    sh.getRange("F1:F4").setValues([
      ['=SPLIT("a,b;3",",;")'],
      ['=REGEXMATCH("OKR-12","\\d+")'],
      ['=REGEXEXTRACT("x","\\d+")'],
      ['=JOIN("-",B2:B3)'],
    ]);
    expect(sh.getRange("F1:I4").getValues()).toEqual([
      ["a", "b", 3, ""],
      [true, "", "", ""],
      ["#N/A", "", "", ""],
      ["0-1", "", "", ""],
    ]);
  });

  test("numbers keep full double precision, as Sheets' getValue does", () => {
    const { sh } = krSheet();
    sh.getRange("F1").setValue("=0.1+0.2");
    expect(sh.getRange("F1").getValue()).toBe(0.1 + 0.2);
    expect(sh.getRange("F1").getDisplayValue()).toBe("0.3");
  });

  test("named ranges can be used in formulas and follow inserted rows", () => {
    const { emu, sh } = krSheet();
    emu.spreadsheet.setNamedRange("Targets", sh.getRange("D2:D4"));
    sh.getRange("F1").setValue("=SUM(Targets)");
    expect(sh.getRange("F1").getValue()).toBe(15);
    sh.insertRowsBefore(3, 1);
    sh.getRange("D3").setValue(100);
    expect(sh.getRange("F1").getValue()).toBe(115);
    expect(emu.spreadsheet.getRangeByName("Targets")!.getA1Notation()).toBe("D2:D5");
  });

  test("errors read back as their codes", () => {
    const { sh } = krSheet();
    sh.getRange("F1:F2").setValues([["=1/0"], ["=NOSUCHFUNCTION(1)"]]);
    expect(sh.getRange("F1:F2").getValues()).toEqual([["#DIV/0!"], ["#NAME?"]]);
  });
});
