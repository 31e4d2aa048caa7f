/** Embedded charts and SPARKLINE in the emulator (docs/EMULATOR.md lists what each follows). */
import { createEmulator, fromJSON, toJSON } from "../../dev/emulator";
import { ChartType, Position } from "../../dev/emulator/charts";
import type { Range } from "../../dev/emulator/range";

function sheetWithData() {
  const emu = createEmulator();
  const sheet = emu.spreadsheet.insertSheet("Data");
  sheet.getRange("A1:C4").setValues([
    ["Week", "Progress", "Expected"],
    ["W1", 0.1, 0.08],
    ["W2", 0.2, 0.16],
    ["W3", 0.25, 0.24],
  ]);
  return { emu, sheet };
}

const a1 = (ranges: unknown[]) => (ranges as Range[]).map((r) => r.getSheet().getName() + "!" + r.getA1Notation());

test("a built chart is not on the sheet and has no id until insertChart; then getCharts returns it", () => {
  const { sheet } = sheetWithData();
  const chart = sheet
    .newChart()
    .setChartType(ChartType.LINE)
    .addRange(sheet.getRange("A1:C4"))
    .setPosition(6, 2, 10, 20)
    .setOption("title", "Progress")
    .setOption("vAxis", { format: "percent" })
    .build();
  expect(chart.getChartId()).toBeNull();
  expect(sheet.getCharts()).toHaveLength(0);

  sheet.insertChart(chart);
  const [inserted] = sheet.getCharts();
  expect(typeof inserted.getChartId()).toBe("number");
  expect(a1(inserted.getRanges())).toEqual(["Data!A1:C4"]);
  expect(inserted.getOptions().get("title")).toBe("Progress");
  expect(inserted.getOptions().get("vAxis")).toEqual({ format: "percent" });
  expect(inserted.getOptions().get("never set")).toBeNull();
  const where = inserted.getContainerInfo();
  expect([where.getAnchorRow(), where.getAnchorColumn(), where.getOffsetX(), where.getOffsetY()]).toEqual([
    6, 2, 10, 20,
  ]);
  expect(inserted.modify().getChartType()).toBe(ChartType.LINE);
});

test("as…Chart() sets the type; typed setters store Google Charts options", () => {
  const { sheet } = sheetWithData();
  const builder = sheet.newChart().asBarChart().addRange(sheet.getRange("A1:B4"));
  builder.setStacked().setTitle("By team").setLegendPosition(Position.BOTTOM).setRange(0, 10);
  sheet.insertChart(builder.build());
  const options = sheet.getCharts()[0].getOptions();
  expect(sheet.getCharts()[0].modify().getChartType()).toBe("BAR");
  expect([options.get("isStacked"), options.get("title"), options.get("legend.position")]).toEqual([
    true,
    "By team",
    "bottom",
  ]);
  expect(options.get("hAxis.viewWindow.max")).toBe(10);
});

test("building without a chart type throws; getAs is not available", () => {
  const { sheet } = sheetWithData();
  expect(() => sheet.newChart().addRange(sheet.getRange("A1:B4")).build()).toThrow(/chart type/);
  expect(() => sheet.newChart().asLineChart().build().getAs("image/png")).toThrow(/does not render/);
});

test("modify() changes nothing until updateChart; removeChart removes that chart only", () => {
  const { sheet } = sheetWithData();
  for (const title of ["one", "two"])
    sheet.insertChart(
      sheet.newChart().asLineChart().addRange(sheet.getRange("A1:B4")).setOption("title", title).build(),
    );
  const [one, two] = sheet.getCharts();
  expect(one.getChartId()).not.toBe(two.getChartId());

  const changed = one.modify().setOption("title", "first").clearRanges().addRange(sheet.getRange("A1:C4")).build();
  expect(sheet.getCharts()[0].getOptions().get("title")).toBe("one");
  sheet.updateChart(changed);
  expect(sheet.getCharts()[0].getOptions().get("title")).toBe("first");
  expect(sheet.getCharts()[0].getChartId()).toBe(one.getChartId());
  expect(a1(sheet.getCharts()[0].getRanges())).toEqual(["Data!A1:C4"]);

  sheet.removeChart(two);
  expect(sheet.getCharts().map((c) => c.getOptions().get("title"))).toEqual(["first"]);
  expect(() => sheet.removeChart(two)).toThrow(/not on this sheet/);
});

test("chart ids are unique across the spreadsheet", () => {
  const { emu, sheet } = sheetWithData();
  const other = emu.spreadsheet.insertSheet("Other");
  sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange("A1:B4")).build());
  other.insertChart(other.newChart().asLineChart().addRange(sheet.getRange("A1:B4")).build());
  expect(sheet.getCharts()[0].getChartId()).not.toBe(other.getCharts()[0].getChartId());
  expect(a1(other.getCharts()[0].getRanges())).toEqual(["Data!A1:B4"]);
});

test("a chart's ranges follow rows inserted above them, on whichever sheet the chart is", () => {
  const { emu, sheet } = sheetWithData();
  const board = emu.spreadsheet.insertSheet("Board");
  board.insertChart(board.newChart().asLineChart().addRange(sheet.getRange("A1:C4")).build());
  sheet.insertRowsBefore(1, 2);
  sheet.insertRowsAfter(4, 1); // inside the range: it grows
  expect(a1(board.getCharts()[0].getRanges())).toEqual(["Data!A3:C7"]);
});

test("charts survive save and load; sheets without charts store none (the file stays sparse)", () => {
  const { emu, sheet } = sheetWithData();
  sheet.insertChart(
    sheet.newChart().asColumnChart().addRange(sheet.getRange("A1:C4")).setPosition(2, 5, 0, 0).setStacked().build(),
  );
  const saved = toJSON(emu.workbook);
  expect(saved.sheets.find((s) => s.name === "Data")?.charts).toHaveLength(1);
  expect(saved.sheets.find((s) => s.name === "Sheet1")).not.toHaveProperty("charts");

  const again = createEmulator({ workbook: fromJSON(JSON.parse(JSON.stringify(saved))) });
  const data = again.spreadsheet.getSheetByName("Data")!;
  const [chart] = data.getCharts();
  expect(chart.getChartId()).toBe(sheet.getCharts()[0].getChartId());
  expect(chart.getOptions().get("isStacked")).toBe(true);
  expect(a1(chart.getRanges())).toEqual(["Data!A1:C4"]);
  expect(chart.getContainerInfo().getAnchorColumn()).toBe(5);
  // A chart inserted after loading gets a new id.
  data.insertChart(data.newChart().asLineChart().addRange(data.getRange("A1:B4")).build());
  expect(new Set(data.getCharts().map((c) => c.getChartId())).size).toBe(2);
});

test("chart calls are counted as spreadsheet calls", () => {
  const { emu, sheet } = sheetWithData();
  emu.counters.reset();
  sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange("A1:B4")).build());
  sheet.getCharts();
  expect(emu.counters.summary().byMethod).toMatchObject({ "Sheet.insertChart": 1, "Sheet.getCharts": 1 });
});

describe("SPARKLINE", () => {
  function sparklines(formulas: string[]) {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange("A1:B6").setValues([
      ["KR-1", 10],
      ["KR-2", 2],
      ["KR-1", 12],
      ["KR-1", ""],
      ["KR-1", "n/a"],
      ["KR-1", 15],
    ]);
    formulas.forEach((f, i) => sheet.getRange(1 + i, 4).setFormula(f));
    const rect = { row: 1, col: 4, numRows: formulas.length, numCols: 1 };
    return { emu, sheet, drawn: emu.workbook.readSparklines(sheet.model, rect) };
  }

  test("a line of the numbers; blanks are gaps and text is left out unless options say otherwise", () => {
    const { drawn, sheet } = sparklines([
      "=SPARKLINE(B1:B6)",
      '=SPARKLINE(B1:B6,{"empty","zero";"nan","convert"})',
      '=SPARKLINE(B1:B6,{"charttype","column";"color","red"})',
    ]);
    expect(drawn["1:4"]).toEqual({ charttype: "line", values: [10, 2, 12, null, 15], options: {} });
    expect(drawn["2:4"].values).toEqual([10, 2, 12, 0, 0, 15]);
    expect(drawn["3:4"]).toMatchObject({ charttype: "column", options: { charttype: "column", color: "red" } });
    // The cell holds a picture: scripts read nothing there.
    expect(sheet.getRange("D1:D3").getValues()).toEqual([[""], [""], [""]]);
    expect(sheet.getRange("D1").getDisplayValue()).toBe("");
  });

  test("of a FILTER, updated when the data changes; an unknown charttype is an error", () => {
    const { drawn, sheet, emu } = sparklines([
      '=IFERROR(SPARKLINE(FILTER($B$1:$B,$A$1:$A="KR-1")),"")',
      '=SPARKLINE(B1:B3,{"charttype","pie"})',
    ]);
    expect(drawn["1:4"].values).toEqual([10, 12, null, 15]);
    expect(sheet.getRange("D2").getValue()).toBe("#VALUE!");
    sheet.getRange("A7:B7").setValues([["KR-1", 20]]);
    const again = emu.workbook.readSparklines(sheet.model, { row: 1, col: 4, numRows: 1, numCols: 1 });
    expect(again["1:4"].values).toEqual([10, 12, null, 15, 20]);
  });

  test("options may come from a two-column range", () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange("A1:A3").setValues([[1], [3], [2]]);
    sheet.getRange("B1:C2").setValues([
      ["charttype", "bar"],
      ["max", 10],
    ]);
    sheet.getRange("D1").setFormula("=SPARKLINE(A1:A3,B1:C2)");
    const drawn = emu.workbook.readSparklines(sheet.model, { row: 1, col: 4, numRows: 1, numCols: 1 });
    expect(drawn["1:4"]).toEqual({ charttype: "bar", values: [1, 3, 2], options: { charttype: "bar", max: 10 } });
  });
});
