/** Display helpers: numbers as people read them in the sheet, in the spreadsheet's locale. */
import { typedNumberStyle } from "../src/core/cell-values";
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : Math.round(value * 100) + "%";
}

export function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined
    ? "–"
    : value.toLocaleString(typedNumberStyle().locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function statusClass(status: string | null | undefined): string {
  return "status status-" + (status ?? "none").toLowerCase().replace(/\s+/g, "-");
}

/** A key result's value in its own terms: 45% for percentages, done/not done for milestones. */
export function valueText(value: number | null, type: string, unit: string): string {
  if (value === null) return "–";
  if (type === "milestone") return value >= 1 ? "done" : "not done";
  const locale = typedNumberStyle().locale;
  if (type === "percentage") return (Math.round(value * 1000) / 10).toLocaleString(locale) + "%";
  return value.toLocaleString(locale) + (unit ? " " + unit : "");
}
