/**
 * User text is data. Sheets reads a string written by script as if typed into the cell (Sheets API
 * ValueInputOption USER_ENTERED: strings "may be converted to numbers, dates, etc. following the same
 * rules that are applied when entering text into a cell via the Google Sheets UI"): "=…" becomes a
 * formula, "$5", "(5)", "1e5", "45%", "1/2", "Mar 1 2016", "10:30", "TRUE", "#N/A" numbers, dates,
 * booleans or errors, and which forms count depends on the spreadsheet's locale. A leading
 * apostrophe keeps the text exactly as written; Sheets stores and returns it without the apostrophe
 * (TO_TEXT's help: "equivalent to prefixing a number with an apostrophe").
 *
 * Rather than chase every form in every locale, only plain words go without one: text that starts
 * with a letter, holds no digit and isn't TRUE or FALSE ("a cell entry that has letters only like
 * September … is treated as ordinary text"). Anything else gets the apostrophe, which is harmless
 * on text Sheets would have kept anyway. Cases and sources: test/tracker/text-cells.test.ts.
 */
const PLAIN_WORDS = /^\p{L}\P{N}*$/u;
const READ_AS_VALUE = /^(true|false)$/i;

export function textForCell(text: string): string {
  if (text === "") return text;
  return PLAIN_WORDS.test(text) && !READ_AS_VALUE.test(text.trim()) ? text : "'" + text;
}

/** What a text cell holds as a string, whatever Sheets made of it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (Object.prototype.toString.call(value) === "[object Date]") return (value as Date).toISOString().slice(0, 10);
  return String(value);
}
