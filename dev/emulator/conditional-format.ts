/** Conditional format rules: stored and returned as set (the emulator does not paint cells). */
import type { ConditionalRuleData, Rect } from "./model";

export enum BooleanCriteria {
  CELL_EMPTY = "CELL_EMPTY",
  CELL_NOT_EMPTY = "CELL_NOT_EMPTY",
  NUMBER_BETWEEN = "NUMBER_BETWEEN",
  NUMBER_EQUAL_TO = "NUMBER_EQUAL_TO",
  NUMBER_GREATER_THAN = "NUMBER_GREATER_THAN",
  NUMBER_GREATER_THAN_OR_EQUAL_TO = "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN = "NUMBER_LESS_THAN",
  NUMBER_LESS_THAN_OR_EQUAL_TO = "NUMBER_LESS_THAN_OR_EQUAL_TO",
  TEXT_CONTAINS = "TEXT_CONTAINS",
  TEXT_EQUAL_TO = "TEXT_EQUAL_TO",
  CUSTOM_FORMULA = "CUSTOM_FORMULA",
}

/** Anything with a sheet-relative position (our Range). */
export interface RuleRange {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

export class BooleanCondition {
  constructor(private data: ConditionalRuleData["condition"]) {}
  getCriteriaType(): BooleanCriteria {
    return this.data.criteria as BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.data.args];
  }
  getBackground(): string | null {
    return this.data.background ?? null;
  }
  getFontColor(): string | null {
    return this.data.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.data.bold ?? null;
  }
}

export class ConditionalFormatRule {
  constructor(
    readonly data: ConditionalRuleData,
    private toRange: (r: Rect) => unknown,
  ) {}
  getRanges(): unknown[] {
    return this.data.ranges.map(this.toRange);
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.data.condition);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.toRange, JSON.parse(JSON.stringify(this.data)));
  }
}

export class ConditionalFormatRuleBuilder {
  private data: ConditionalRuleData;

  constructor(
    private toRange: (r: Rect) => unknown,
    data?: ConditionalRuleData,
  ) {
    this.data = data ?? { ranges: [], condition: { criteria: "", args: [] } };
  }

  private when(criteria: BooleanCriteria, args: unknown[]): ConditionalFormatRuleBuilder {
    this.data.condition = { ...this.data.condition, criteria, args };
    return this;
  }
  whenCellEmpty() {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty() {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }
  whenNumberEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [n]);
  }
  whenTextContains(text: string) {
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenTextEqualTo(text: string) {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  setBackground(color: string | null) {
    this.data.condition.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null) {
    this.data.condition.fontColor = color ?? undefined;
    return this;
  }
  setBold(bold: boolean | null) {
    this.data.condition.bold = bold ?? undefined;
    return this;
  }
  setRanges(ranges: RuleRange[]) {
    this.data.ranges = ranges.map((r) => ({
      row: r.getRow(),
      col: r.getColumn(),
      numRows: r.getNumRows(),
      numCols: r.getNumColumns(),
    }));
    return this;
  }
  build(): ConditionalFormatRule {
    if (!this.data.condition.criteria) throw new Error("A condition is required for a conditional format rule.");
    return new ConditionalFormatRule(JSON.parse(JSON.stringify(this.data)), this.toRange);
  }
}
