/**
 * User text is data. Sheets reads a written string as if typed: "=IMPORTXML(...)" becomes a formula,
 * "+1", "2024" or "TRUE" become numbers or booleans. A leading apostrophe keeps the text exactly as
 * written (Sheets stores and returns it without the apostrophe), so risky texts get one.
 */
const RISKY_START = /^[=+\-@'\d.\s]/;
const READ_AS_VALUE = /^(true|false)$/i;

export function textForCell(text: string): string {
  return RISKY_START.test(text) || READ_AS_VALUE.test(text) ? "'" + text : text;
}

/** What a text cell holds as a string, whatever Sheets made of it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (Object.prototype.toString.call(value) === "[object Date]") return (value as Date).toISOString().slice(0, 10);
  return String(value);
}
