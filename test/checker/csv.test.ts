import { CsvError, parseCsv } from "../../cli/csv";

describe("parseCsv (RFC 4180)", () => {
  it("handles quotes, escaped quotes, commas and line breaks inside fields, CRLF and a BOM", () => {
    const text = '\ufeffID,Key result\r\nK1,"Ship ""Timeline"", v2\nto all"\r\nK2,plain\r\n';
    expect(parseCsv(text)).toEqual([
      ["ID", "Key result"],
      ["K1", 'Ship "Timeline", v2\nto all'],
      ["K2", "plain"],
    ]);
  });

  it("keeps empty fields and a last line without a line break", () => {
    expect(parseCsv("a,,c\n,b,")).toEqual([
      ["a", "", "c"],
      ["", "b", ""],
    ]);
    expect(parseCsv('"x"')).toEqual([["x"]]);
  });

  it("keeps a stray quote inside an unquoted field as text", () => {
    expect(parseCsv('5" screen,b')).toEqual([['5" screen', "b"]]);
  });

  it("rejects an unclosed quote and text after a closing quote, naming the line", () => {
    expect(() => parseCsv('a\nb,"open\nstill')).toThrow(new CsvError("line 2: quoted field is never closed"));
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1: text after a closing quote/);
  });
});
