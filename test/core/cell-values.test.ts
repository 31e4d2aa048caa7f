import { describeValue, isoDate, parseDate, parseNumber } from "../../src/core/cell-values";

const number = (v: unknown) => {
  const parsed = parseNumber(v);
  return parsed.ok ? parsed.value : parsed.problem;
};

describe("parseNumber", () => {
  it("reads numbers as people type them", () => {
    expect(number(12)).toBe(12);
    expect(number("1,200")).toBe(1200);
    expect(number(" 45% ")).toBe(0.45);
    expect(number("-3.5")).toBe(-3.5);
    expect(number("\u22124")).toBe(-4);
    expect(number(".5")).toBe(0.5);
    expect(number("1 200")).toBe(1200);
    expect(number(true)).toBe(1);
    expect(number("FALSE")).toBe(0);
  });

  it("rejects what is not clearly a number, saying how to write one", () => {
    for (const bad of ["", "abc", "12 ms", "1,20", "12,00", "1.2.3", "%", "-", NaN, Infinity, {}]) {
      expect(parseNumber(bad).ok).toBe(false);
    }
    expect(number("twelve")).toBe("is not a number (write it like 120, 1,200, 3.5 or 45%)");
    expect(number(new Date())).toBe("is a date, not a number");
  });
});

describe("parseDate", () => {
  it("reads Dates, yyyy-mm-dd text and Sheets serial days", () => {
    const expected = new Date(2026, 9, 1).getTime();
    for (const input of [new Date(2026, 9, 1), "2026-10-01", 46296]) {
      const parsed = parseDate(input);
      expect(parsed.ok && parsed.value.getTime()).toBe(expected);
    }
  });

  it("rejects impossible and unclear dates", () => {
    for (const bad of ["2026-02-30", "10/01/2026", "soon", "", new Date(NaN), true])
      expect(parseDate(bad).ok).toBe(false);
  });
});

describe("describeValue", () => {
  it("quotes text, shortens long text and shows dates as yyyy-mm-dd", () => {
    expect(describeValue("lots")).toBe('"lots"');
    expect(describeValue("x".repeat(80))).toBe('"' + "x".repeat(80) + '"');
    expect(describeValue("x".repeat(100_000))).toBe('"' + "x".repeat(77) + '..."');
    expect(describeValue(new Date(2026, 0, 5))).toBe("2026-01-05");
    expect(isoDate(new Date(2026, 11, 31))).toBe("2026-12-31");
  });
});
