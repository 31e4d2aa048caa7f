/**
 * RFC 4180 CSV: comma-separated, fields may be quoted, "" is a quote inside quotes, quoted fields may
 * hold commas and line breaks; CRLF or LF line ends; a leading BOM is dropped. Line numbers in errors
 * count physical lines, as an editor shows them.
 */
export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  let line = 1;
  let quoteLine = 0;
  const endField = () => {
    row.push(field);
    field = "";
    state = "start";
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (state === "quoted") {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        state = "closed";
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === ",") {
      endField();
    } else if (c === "\n" || c === "\r") {
      endField();
      rows.push(row);
      row = [];
      if (c === "\r" && s[i + 1] === "\n") i++;
      line++;
    } else if (state === "closed") {
      throw new CsvError(`line ${line}: text after a closing quote (quote it as "" inside a quoted field)`);
    } else if (c === '"' && state === "start") {
      state = "quoted";
      quoteLine = line;
    } else {
      // A quote inside an unquoted field (5" screen) is kept as text, as most readers do.
      field += c;
      state = "plain";
    }
  }
  if (state === "quoted") throw new CsvError(`line ${quoteLine}: quoted field is never closed`);
  if (state !== "start" || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
