/**
 * OKR_FORECAST through the built Code.js, on cases worked by hand: points 10 days apart from
 * 2026-10-01 (day 0) read at day 90. Rising 0, 10, 25, 35: the line is 17.5 + 1.2 (t − 15), so 107.5
 * at day 90; its residuals 0.5, −1.5, 1.5, −0.5 give s² = 5 / 2, and the prediction error there is
 * √(2.5 × (1 + 1/4 + 75²/500)) = √31.25. With 2 degrees of freedom P(T ≤ x) = ½ + x / (2√(2 + x²)),
 * so the chance of reaching 100 is ½ + 3.75 / √118.75 = 0.844124…
 */
import { loadBundle } from "../support/built-bundle";

const bundle = loadBundle();
const forecast = (...args: unknown[]) => bundle.OKR_FORECAST(...args);
const column = (...values: unknown[]) => values.map((v) => [v]);
const day = (n: number) => new Date(2026, 9, 1 + n);
const DAYS = column(day(0), day(10), day(20), day(30));
const END = day(90);
const CHANCE = 0.5 + 3.75 / Math.sqrt(118.75);

describe("OKR_FORECAST", () => {
  it("reads the least-squares line at the end date (rising)", () => {
    expect(forecast(DAYS, column(0, 10, 25, 35), END)).toBeCloseTo(107.5, 9);
  });

  it("gives the chance of reaching a target", () => {
    expect(forecast(DAYS, column(0, 10, 25, 35), END, 100)).toBeCloseTo(CHANCE, 12);
  });

  it("for values that fall (a target below the earliest value), the chance of ending at or below it", () => {
    expect(forecast(DAYS, column(100, 90, 75, 65), END)).toBeCloseTo(-7.5, 9);
    expect(forecast(DAYS, column(100, 90, 75, 65), END, 0)).toBeCloseTo(CHANCE, 12);
  });

  it("a flat line stays where it is, and is certain: 1 at its value, 0 above it", () => {
    const flat = column(50, 50, 50, 50);
    expect(forecast(DAYS, flat, END)).toBe(50);
    expect(forecast(DAYS, flat, END, 50)).toBe(1);
    expect(forecast(DAYS, flat, END, 60)).toBe(0);
  });

  it("answers per cell for a range of end dates or targets", () => {
    const values = column(0, 10, 25, 35);
    const answers = forecast(DAYS, values, column(day(15), day(90)), column("", 100)) as number[][];
    expect(answers[0][0]).toBeCloseTo(17.5, 9);
    expect(answers[1][0]).toBeCloseTo(CHANCE, 12);
  });

  it("skips rows without a value, and reads dates typed as text and numbers typed as text", () => {
    const days = column("2026-10-01", day(10), day(20), day(30), day(40));
    expect(forecast(days, column("0", 10, "25", 35, ""), END)).toBeCloseTo(107.5, 9);
  });

  it("refuses fewer than 3 values, values all on one day, ranges of different sizes, and bad cells", () => {
    expect(() => forecast(column(day(0), day(5)), column(1, 2), END)).toThrow(
      "OKR_FORECAST: a line needs at least 3 dated values, and values has 2. Add check-ins.",
    );
    expect(() => forecast(column(day(3), day(3), day(3)), column(1, 2, 3), END)).toThrow(
      "OKR_FORECAST: every value is on the same day",
    );
    expect(() => forecast(DAYS, column(1, 2, 3), END)).toThrow(
      "OKR_FORECAST: dates has 4 cells but values has 3. Give ranges of the same size.",
    );
    expect(() => forecast(DAYS, column(1, "lots", 3, 4), END)).toThrow("OKR_FORECAST: values in row 2 of the range is");
    expect(() => forecast(column(day(0), "", day(2), day(3)), column(1, 2, 3, 4), END)).toThrow(
      "OKR_FORECAST: dates in row 2 of the range is blank, but values has 2 there. Give each value its day.",
    );
    expect(() => forecast(DAYS, column(0, 10, 25, 35), "soon")).toThrow("OKR_FORECAST: end_date is");
  });

  it("gives a blank for a blank end date", () => {
    expect(forecast(DAYS, column(0, 10, 25, 35), "")).toBe("");
  });
});
