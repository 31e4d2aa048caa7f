/**
 * Embedded charts: Sheet.newChart() / EmbeddedChartBuilder → EmbeddedChart, kept on the sheet by
 * insertChart / updateChart / removeChart, read back by getCharts (developers.google.com/apps-script/
 * reference/spreadsheet/embedded-chart, …/embedded-chart-builder, …/container-info; charts/chart-options).
 * The emulator records charts, it does not draw them.
 */
import type { ChartData, Rect } from "./model";
import type { Api } from "./types";

/** Charts.ChartType (developers.google.com/apps-script/reference/charts/chart-type): values are their names. */
export enum ChartType {
  TIMELINE = "TIMELINE",
  AREA = "AREA",
  BAR = "BAR",
  BUBBLE = "BUBBLE",
  CANDLESTICK = "CANDLESTICK",
  COLUMN = "COLUMN",
  COMBO = "COMBO",
  GAUGE = "GAUGE",
  GEO = "GEO",
  HISTOGRAM = "HISTOGRAM",
  RADAR = "RADAR",
  LINE = "LINE",
  ORG = "ORG",
  PIE = "PIE",
  SCATTER = "SCATTER",
  SPARKLINE = "SPARKLINE",
  STEPPED_AREA = "STEPPED_AREA",
  TABLE = "TABLE",
  TREEMAP = "TREEMAP",
  WATERFALL = "WATERFALL",
}
export enum ChartHiddenDimensionStrategy {
  IGNORE_BOTH = "IGNORE_BOTH",
  IGNORE_ROWS = "IGNORE_ROWS",
  IGNORE_COLUMNS = "IGNORE_COLUMNS",
  SHOW_BOTH = "SHOW_BOTH",
}
export enum ChartMergeStrategy {
  MERGE_COLUMNS = "MERGE_COLUMNS",
  MERGE_ROWS = "MERGE_ROWS",
}
export enum Position {
  TOP = "TOP",
  RIGHT = "RIGHT",
  BOTTOM = "BOTTOM",
  NONE = "NONE",
}
export enum CurveStyle {
  NORMAL = "NORMAL",
  SMOOTH = "SMOOTH",
}
export enum PointStyle {
  NONE = "NONE",
  TINY = "TINY",
  MEDIUM = "MEDIUM",
  LARGE = "LARGE",
  HUGE = "HUGE",
}

/** The `Charts` global's enums (the only part of the Charts service an embedded chart needs). */
export const Charts = { ChartType, ChartHiddenDimensionStrategy, ChartMergeStrategy, Position, CurveStyle, PointStyle };

/** What a chart needs from the spreadsheet: ranges as Range objects and back. */
export interface ChartHost {
  /** The sheet id and rect of one of our Range objects. */
  locate(range: unknown): { sheetId: number; rect: Rect };
  /** A Range for a stored sheet id and rect (null when that sheet is gone). */
  rangeOf(sheetId: number, rect: Rect): unknown;
}

const POINT_SIZES: Record<PointStyle, number> = { NONE: 0, TINY: 2, MEDIUM: 7, LARGE: 14, HUGE: 21 };

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function newChartData(): ChartData {
  return {
    id: null,
    type: null,
    ranges: [],
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    options: {},
    hiddenDimensionStrategy: ChartHiddenDimensionStrategy.IGNORE_BOTH,
    mergeStrategy: ChartMergeStrategy.MERGE_COLUMNS,
    numHeaders: -1,
    transpose: false,
  };
}

/** ContainerInfo: where the chart's top-left corner is anchored. */
export class ContainerInfo implements Api<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  keyof GoogleAppsScript.Spreadsheet.ContainerInfo
> {
  constructor(private data: ChartData["position"]) {}
  getAnchorRow(): number {
    return this.data.row;
  }
  getAnchorColumn(): number {
    return this.data.col;
  }
  getOffsetX(): number {
    return this.data.offsetX;
  }
  getOffsetY(): number {
    return this.data.offsetY;
  }
}

/** Charts' ChartOptions: immutable; get() is null for an option never set. */
export class ChartOptions {
  constructor(private options: Record<string, unknown>) {}
  get(option: string): unknown {
    return option in this.options ? copy(this.options[option]) : null;
  }
  /** Google Charts' defaults are not modelled: an unset option is null, as get() says. */
  getOrDefault(option: string): unknown {
    return this.get(option);
  }
}

export class EmbeddedChart implements Api<
  GoogleAppsScript.Spreadsheet.EmbeddedChart,
  "getChartId" | "getNumHeaders" | "getTransposeRowsAndColumns" | "getRanges" | "getOptions" | "modify"
> {
  constructor(
    readonly data: ChartData,
    private host: ChartHost,
  ) {}
  /** Null until the chart is inserted into a sheet ("or null if the chart is not in a spreadsheet"). */
  getChartId(): number | null {
    return this.data.id;
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo({ ...this.data.position });
  }
  getHiddenDimensionStrategy(): ChartHiddenDimensionStrategy {
    return this.data.hiddenDimensionStrategy as ChartHiddenDimensionStrategy;
  }
  getMergeStrategy(): ChartMergeStrategy {
    return this.data.mergeStrategy as ChartMergeStrategy;
  }
  getNumHeaders(): number {
    return this.data.numHeaders;
  }
  getOptions(): ChartOptions {
    return new ChartOptions(copy(this.data.options));
  }
  getRanges(): unknown[] {
    return this.data.ranges.flatMap((r) => this.host.rangeOf(r.sheetId, r.rect) ?? []);
  }
  getTransposeRowsAndColumns(): boolean {
    return this.data.transpose;
  }
  /** A builder on a copy: nothing changes until Sheet.updateChart(builder.build()). */
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.host, copy(this.data));
  }
  getAs(_contentType: string): never {
    throw new Error("The emulator does not render charts to images (getAs/getBlob).");
  }
  getBlob(): never {
    return this.getAs("image/png");
  }
}

/**
 * EmbeddedChartBuilder and its typed variants (asLineChart() …) in one class: the typed setters
 * store the Google Charts option they stand for.
 */
export class EmbeddedChartBuilder {
  constructor(
    private host: ChartHost,
    private data: ChartData = newChartData(),
  ) {}

  addRange(range: unknown): EmbeddedChartBuilder {
    this.data.ranges.push(this.host.locate(range));
    return this;
  }
  removeRange(range: unknown): EmbeddedChartBuilder {
    const { sheetId, rect } = this.host.locate(range);
    const same = (r: ChartData["ranges"][number]) =>
      r.sheetId === sheetId && JSON.stringify(r.rect) === JSON.stringify(rect);
    this.data.ranges = this.data.ranges.filter((r) => !same(r));
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.data.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return new EmbeddedChart(this.data, this.host).getRanges();
  }
  setChartType(type: ChartType): EmbeddedChartBuilder {
    this.data.type = String(type);
    return this;
  }
  getChartType(): ChartType | null {
    return this.data.type as ChartType | null;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo({ ...this.data.position });
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this.data.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.data.options[option] = value === undefined ? null : copy(value);
    return this;
  }
  setHiddenDimensionStrategy(strategy: ChartHiddenDimensionStrategy): EmbeddedChartBuilder {
    this.data.hiddenDimensionStrategy = String(strategy);
    return this;
  }
  setMergeStrategy(mergeStrategy: ChartMergeStrategy): EmbeddedChartBuilder {
    this.data.mergeStrategy = String(mergeStrategy);
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.data.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this.data.transpose = Boolean(transpose);
    return this;
  }

  // as…Chart(): set the type and return the typed builder (this one).
  private as(type: ChartType): EmbeddedChartBuilder {
    return this.setChartType(type);
  }
  asAreaChart() {
    return this.as(ChartType.AREA);
  }
  asBarChart() {
    return this.as(ChartType.BAR);
  }
  asColumnChart() {
    return this.as(ChartType.COLUMN);
  }
  asComboChart() {
    return this.as(ChartType.COMBO);
  }
  asHistogramChart() {
    return this.as(ChartType.HISTOGRAM);
  }
  asLineChart() {
    return this.as(ChartType.LINE);
  }
  asPieChart() {
    return this.as(ChartType.PIE);
  }
  asScatterChart() {
    return this.as(ChartType.SCATTER);
  }
  asTableChart() {
    return this.as(ChartType.TABLE);
  }

  // Typed builders' setters, as the Google Charts options they set.
  setTitle(chartTitle: string) {
    return this.setOption("title", chartTitle);
  }
  setStacked() {
    return this.setOption("isStacked", true);
  }
  setColors(cssValues: string[]) {
    return this.setOption("colors", [...cssValues]);
  }
  setBackgroundColor(cssValue: string) {
    return this.setOption("backgroundColor", cssValue);
  }
  setLegendPosition(position: Position) {
    return this.setOption("legend.position", String(position).toLowerCase());
  }
  setXAxisTitle(title: string) {
    return this.setOption("hAxis.title", title);
  }
  setYAxisTitle(title: string) {
    return this.setOption("vAxis.title", title);
  }
  /** The value axis' range (vertical for line/column/area, horizontal for bar charts). */
  setRange(start: number, end: number) {
    const axis = this.data.type === ChartType.BAR ? "hAxis" : "vAxis";
    this.setOption(axis + ".viewWindow.min", start);
    return this.setOption(axis + ".viewWindow.max", end);
  }
  setCurveStyle(style: CurveStyle) {
    return this.setOption("curveType", style === CurveStyle.SMOOTH ? "function" : "none");
  }
  setPointStyle(style: PointStyle) {
    return this.setOption("pointSize", POINT_SIZES[style] ?? 0);
  }
  reverseCategories() {
    return this.setOption("reverseCategories", true);
  }
  useLogScale() {
    return this.setOption("vAxis.logScale", true);
  }
  setDimensions(width: number, height: number) {
    this.setOption("width", width);
    return this.setOption("height", height);
  }

  /** The chart as built; it is not on the sheet until Sheet.insertChart / updateChart. */
  build(): EmbeddedChart {
    if (!this.data.type) throw new Error("A chart type is required: call setChartType() or as…Chart() first.");
    return new EmbeddedChart(copy(this.data), this.host);
  }
}
