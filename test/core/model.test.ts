import * as z from "zod/mini";
import { CheckInInput, fieldErrors, KeyResultInput, ObjectiveInput } from "../../src/core/model";
import { quarterOf } from "../../src/core/quarters";

function errors(schema: z.ZodMiniType, input: unknown) {
  const result = z.safeParse(schema, input);
  return result.success ? [] : fieldErrors(result.error);
}

describe("ObjectiveInput", () => {
  it("accepts an objective with key results, reading typed numbers and applying defaults", () => {
    const result = z.parse(ObjectiveInput, {
      title: "  Make checkout fast  ",
      cycle: "2026-Q4",
      keyResults: [
        { title: "p95 checkout latency", type: "decrease", start: "3,000", target: 1000, unit: "ms" },
        { title: "Conversion", type: "percentage", start: "7%", target: "10%" },
        { title: "Runbook published", type: "milestone", target: 1 },
      ],
    });
    expect(result.title).toBe("Make checkout fast");
    expect(result.commitment).toBe("aspirational");
    expect(result.keyResults.map((kr) => [kr.start, kr.target, kr.weight])).toEqual([
      [3000, 1000, 1],
      [0.07, 0.1, 1],
      [0, 1, 1],
    ]);
  });

  it("names every field that is wrong, with how to fix it", () => {
    expect(
      errors(ObjectiveInput, {
        title: " ",
        cycle: "Q4",
        keyResults: [
          { title: "Same", type: "increase", start: 5, target: 5 },
          { title: "Wrong way", type: "increase", start: 10, target: 2 },
          { title: "Too big", type: "percentage", target: 1.5 },
          { title: "Heavy", type: "increase", target: 3, weight: 0 },
          { title: "Nonsense", type: "increase", target: "lots" },
        ],
      }),
    ).toEqual([
      { field: "title", message: "Give the objective's title; it cannot be empty." },
      { field: "cycle", message: "Choose a cycle such as 2026-Q4." },
      {
        field: "keyResults.0.target",
        message: "The target must differ from the start value, or there is nothing to measure.",
      },
      {
        field: "keyResults.1.target",
        message: "For a metric to increase, the target must be above the start value (or choose 'decrease').",
      },
      { field: "keyResults.2.target", message: "A percentage is between 0% and 100%; write it as 45% or 0.45." },
      { field: "keyResults.3.weight", message: "The weight must be more than 0 and at most 100." },
      {
        field: "keyResults.4.target",
        message: 'The target "lots" is not a number (write it like 120, 1,200, 3.5 or 45%).',
      },
    ]);
  });

  it("explains a missing field or a wrong kind of value", () => {
    expect(errors(KeyResultInput, { type: "increase", target: 1 })[0]).toEqual({
      field: "title",
      message: expect.stringContaining("The title is missing or of the wrong kind"),
    });
    expect(errors(KeyResultInput, { title: "x", type: "vibes", target: 1 })[0].message).toBe(
      "Choose a key-result type: increase, decrease, percentage or milestone.",
    );
  });
});

describe("CheckInInput", () => {
  it("accepts a value with optional confidence and note, and rejects a bad confidence", () => {
    expect(z.parse(CheckInInput, { krId: "KR-1.2", value: "45%", confidence: 7, note: " on plan " })).toEqual({
      krId: "KR-1.2",
      value: 0.45,
      confidence: 7,
      note: "on plan",
    });
    expect(errors(CheckInInput, { krId: "1.2", value: 1, confidence: 11 }).map((e) => e.field)).toEqual([
      "krId",
      "confidence",
    ]);
  });
});

describe("quarterOf", () => {
  it("gives the calendar quarter around a date", () => {
    const q = quarterOf(new Date(2026, 10, 22));
    expect([q.id, q.start.getDate(), q.start.getMonth(), q.end.getDate(), q.end.getMonth()]).toEqual([
      "2026-Q4",
      1,
      9,
      31,
      11,
    ]);
  });
});

describe("blank numbers", () => {
  it("ask for the value instead of calling an empty field 'not a number'", () => {
    expect(errors(KeyResultInput, { title: "x", type: "increase", target: " " })).toEqual([
      { field: "target", message: "Enter the target: a number such as 120, 1,200, 3.5 or 45%." },
    ]);
  });
});
