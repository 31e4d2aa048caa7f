/** Data validation rules (SpreadsheetApp.newDataValidation) and the check a user edit goes through. */
import type { ValidationData } from "./model";
import type { Api } from "./types";

export enum DataValidationCriteria {
  DATE_AFTER = "DATE_AFTER",
  DATE_BEFORE = "DATE_BEFORE",
  DATE_BETWEEN = "DATE_BETWEEN",
  DATE_EQUAL_TO = "DATE_EQUAL_TO",
  DATE_IS_VALID_DATE = "DATE_IS_VALID_DATE",
  DATE_NOT_BETWEEN = "DATE_NOT_BETWEEN",
  DATE_ON_OR_AFTER = "DATE_ON_OR_AFTER",
  DATE_ON_OR_BEFORE = "DATE_ON_OR_BEFORE",
  NUMBER_BETWEEN = "NUMBER_BETWEEN",
  NUMBER_EQUAL_TO = "NUMBER_EQUAL_TO",
  NUMBER_GREATER_THAN = "NUMBER_GREATER_THAN",
  NUMBER_GREATER_THAN_OR_EQUAL_TO = "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN = "NUMBER_LESS_THAN",
  NUMBER_LESS_THAN_OR_EQUAL_TO = "NUMBER_LESS_THAN_OR_EQUAL_TO",
  NUMBER_NOT_BETWEEN = "NUMBER_NOT_BETWEEN",
  NUMBER_NOT_EQUAL_TO = "NUMBER_NOT_EQUAL_TO",
  TEXT_CONTAINS = "TEXT_CONTAINS",
  TEXT_DOES_NOT_CONTAIN = "TEXT_DOES_NOT_CONTAIN",
  TEXT_EQUAL_TO = "TEXT_EQUAL_TO",
  TEXT_IS_VALID_EMAIL = "TEXT_IS_VALID_EMAIL",
  TEXT_IS_VALID_URL = "TEXT_IS_VALID_URL",
  VALUE_IN_LIST = "VALUE_IN_LIST",
  VALUE_IN_RANGE = "VALUE_IN_RANGE",
  CUSTOM_FORMULA = "CUSTOM_FORMULA",
  CHECKBOX = "CHECKBOX",
}

/** A range-like source for requireValueInRange (our Range class satisfies it). */
export interface ValidationSource {
  getValues(): unknown[][];
  getSheet(): { getName(): string };
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

export class DataValidation implements Api<
  GoogleAppsScript.Spreadsheet.DataValidation,
  "getAllowInvalid" | "getHelpText" | "getCriteriaValues"
> {
  constructor(
    readonly data: ValidationData,
    private resolveSource?: (d: ValidationData) => ValidationSource | undefined,
  ) {}

  getCriteriaType(): DataValidationCriteria {
    return this.data.criteria as DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    if (this.data.criteria === DataValidationCriteria.VALUE_IN_RANGE && this.resolveSource) {
      return [this.resolveSource(this.data), ...this.data.args.slice(1)];
    }
    return [...this.data.args];
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string {
    return this.data.helpText ?? "";
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.resolveSource, { ...this.data, args: [...this.data.args] });
  }
}

export class DataValidationBuilder {
  private data: ValidationData;

  constructor(
    private resolveSource?: (d: ValidationData) => ValidationSource | undefined,
    data?: ValidationData,
  ) {
    // New rules allow invalid data (show a warning) unless setAllowInvalid(false).
    this.data = data ?? { criteria: "", args: [], allowInvalid: true, helpText: null };
  }

  private set(criteria: DataValidationCriteria, args: unknown[]): DataValidationBuilder {
    this.data = { ...this.data, criteria, args };
    delete this.data.sourceRange;
    return this;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): DataValidationBuilder {
    return this.set(
      DataValidationCriteria.CHECKBOX,
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireDate(): DataValidationBuilder {
    return this.set(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  requireDateAfter(date: Date): DataValidationBuilder {
    return this.set(DataValidationCriteria.DATE_AFTER, [date]);
  }
  requireDateBefore(date: Date): DataValidationBuilder {
    return this.set(DataValidationCriteria.DATE_BEFORE, [date]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }
  requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_NOT_BETWEEN, [start, end]);
  }
  requireNumberEqualTo(n: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_EQUAL_TO, [n]);
  }
  requireNumberGreaterThan(n: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN, [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }
  requireNumberLessThan(n: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_LESS_THAN, [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilder {
    return this.set(DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [n]);
  }
  requireTextContains(text: string): DataValidationBuilder {
    return this.set(DataValidationCriteria.TEXT_CONTAINS, [text]);
  }
  requireTextEqualTo(text: string): DataValidationBuilder {
    return this.set(DataValidationCriteria.TEXT_EQUAL_TO, [text]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this.set(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }
  requireTextIsUrl(): DataValidationBuilder {
    return this.set(DataValidationCriteria.TEXT_IS_VALID_URL, []);
  }
  /** Values become text: [9, false] reads back as ["9", "false"] (gas-fakes' live test). */
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    return this.set(DataValidationCriteria.VALUE_IN_LIST, [Array.from(values, (v) => String(v)), showDropdown]);
  }
  requireValueInRange(range: ValidationSource, showDropdown = true): DataValidationBuilder {
    this.set(DataValidationCriteria.VALUE_IN_RANGE, [null, showDropdown]);
    this.data.sourceRange = {
      sheetName: range.getSheet().getName(),
      rect: {
        row: range.getRow(),
        col: range.getColumn(),
        numRows: range.getNumRows(),
        numCols: range.getNumColumns(),
      },
    };
    return this;
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this.set(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }
  withCriteria(criteria: DataValidationCriteria, args: unknown[]): DataValidationBuilder {
    return this.set(criteria, args);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.data = { ...this.data, allowInvalid: allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.data = { ...this.data, helpText };
    return this;
  }
  getCriteriaType(): DataValidationCriteria | null {
    return (this.data.criteria as DataValidationCriteria) || null;
  }
  getCriteriaValues(): unknown[] {
    return [...this.data.args];
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string | null {
    return this.data.helpText;
  }
  build(): DataValidation {
    if (!this.data.criteria) throw new Error("You must specify a criteria type for the data validation rule.");
    return new DataValidation({ ...this.data, args: [...this.data.args] }, this.resolveSource);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s.]+\.[^\s]+$/i;

/** Does a (computed) value satisfy the rule? Empty cells always pass, as in Sheets. */
export function satisfies(data: ValidationData, value: unknown, sourceValues?: () => unknown[][]): boolean {
  if (value === "" || value === null || value === undefined) return true;
  const a = data.args;
  const num = typeof value === "number" ? value : value instanceof Date ? value.getTime() : NaN;
  const argNum = (x: unknown) => (x instanceof Date ? x.getTime() : Number(x));
  switch (data.criteria) {
    case DataValidationCriteria.CHECKBOX:
      return a.length === 0 ? typeof value === "boolean" : value === a[0] || value === (a[1] ?? "");
    case DataValidationCriteria.VALUE_IN_LIST:
      return (a[0] as unknown[]).some((x) => String(x) === String(value));
    case DataValidationCriteria.VALUE_IN_RANGE:
      return (sourceValues?.() ?? []).some((line) => line.some((x) => x !== "" && String(x) === String(value)));
    case DataValidationCriteria.NUMBER_BETWEEN:
      return num >= argNum(a[0]) && num <= argNum(a[1]);
    case DataValidationCriteria.NUMBER_NOT_BETWEEN:
      return !Number.isNaN(num) && !(num >= argNum(a[0]) && num <= argNum(a[1]));
    case DataValidationCriteria.NUMBER_EQUAL_TO:
      return num === argNum(a[0]);
    case DataValidationCriteria.NUMBER_NOT_EQUAL_TO:
      return !Number.isNaN(num) && num !== argNum(a[0]);
    case DataValidationCriteria.NUMBER_GREATER_THAN:
      return num > argNum(a[0]);
    case DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO:
      return num >= argNum(a[0]);
    case DataValidationCriteria.NUMBER_LESS_THAN:
      return num < argNum(a[0]);
    case DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO:
      return num <= argNum(a[0]);
    case DataValidationCriteria.DATE_IS_VALID_DATE:
      return value instanceof Date;
    case DataValidationCriteria.DATE_AFTER:
      return value instanceof Date && num > argNum(a[0]);
    case DataValidationCriteria.DATE_BEFORE:
      return value instanceof Date && num < argNum(a[0]);
    case DataValidationCriteria.TEXT_CONTAINS:
      return String(value).includes(String(a[0]));
    case DataValidationCriteria.TEXT_DOES_NOT_CONTAIN:
      return !String(value).includes(String(a[0]));
    case DataValidationCriteria.TEXT_EQUAL_TO:
      return String(value) === String(a[0]);
    case DataValidationCriteria.TEXT_IS_VALID_EMAIL:
      return EMAIL.test(String(value));
    case DataValidationCriteria.TEXT_IS_VALID_URL:
      return URL_RE.test(String(value));
    default:
      return true;
  }
}
