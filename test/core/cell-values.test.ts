import {
  describeValue,
  isoDate,
  parseDate,
  parseNumber,
  EN_US,
  numberStyleOf,
  numberText,
} from "../../src/core/cell-values";

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

describe("numbers typed in the spreadsheet's locale", () => {
  const de = numberStyleOf("de_DE");
  const nb = numberStyleOf("nb_NO");
  const gb = numberStyleOf("en_GB");

  it("takes separators from CLDR (Intl): de_DE 1.234,5, nb_NO 1 234,5, en_GB and en_US 1,234.5", () => {
    expect([de.decimal, de.group]).toEqual([",", "."]);
    expect([nb.decimal, nb.group]).toEqual([",", "\u00a0"]);
    expect([gb.decimal, gb.group]).toEqual([".", ","]);
    expect([EN_US.decimal, EN_US.group]).toEqual([".", ","]);
    expect(numberStyleOf("xx_NOPE")).toMatchObject({ decimal: "." });
  });

  it.each([
    ["1,5", de, 1.5],
    ["1.500", de, 1500],
    ["1.500,25", de, 1500.25],
    ["-3,5 %", de, -0.035],
    ["1 500,5", nb, 1500.5],
    ["1\u00a0500", nb, 1500],
    ["1,500", EN_US, 1500],
    ["1,500.5", gb, 1500.5],
    ["45%", de, 0.45],
  ] as const)("%j in %o reads as %d", (text, style, value) => {
    expect(parseNumber(text, style)).toEqual({ ok: true, value });
  });

  it.each([
    ["1.5", de, "120, 1.200, 3,5 or 45%"],
    ["1,5", EN_US, "120, 1,200, 3.5 or 45%"],
    ["1,50,0", nb, "120, 1 200, 3,5 or 45%"],
  ] as const)("%j is refused, with examples in the locale's own style", (text, style, examples) => {
    expect(parseNumber(text, style)).toEqual({
      ok: false,
      problem: "is not a number (write it like " + examples + ")",
    });
  });

  it("a number is written back as a person would type it there", () => {
    expect(numberText(0.07, de)).toBe("0,07");
    expect(numberText(1500.5, EN_US)).toBe("1500.5");
  });
});
