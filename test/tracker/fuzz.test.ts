/**
 * Generated input to every sidebar call that writes (issue 10 item 6), seeded so a failure repeats.
 * After every refusal the workbook is exactly as before; after every success the stored data passes
 * the same schemas the sidebar and the server validate with, and no text cell holds a person's text
 * as a formula, a number, a date or a boolean. Each call gets its own small tracker with the
 * computed columns as plain headers (recalculation is the emulator's cost, not what is tested).
 */
import { fromJSON, toJSON } from "../../dev/emulator/persistence";
import { Harness } from "../../dev/harness/harness";
import { KeyResultInput } from "../../src/core/model";
import { COMMITMENTS, isCycleId, KEY_RESULT_ID, OBJECTIVE_ID, STATES } from "../../src/core/vocabulary";
import * as z from "zod/mini";
import { api, apiData, formulasOff, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

const CASES = Number(process.env.FUZZ_CASES ?? 200);

/** mulberry32: a small seeded generator, so every run tries the same inputs. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick, chance: (p: number) => next() < p };
}
type Gen = ReturnType<typeof generator>;

/** Texts Sheets would read as something else, markup, odd characters and sizes, and plain words. */
const HOSTILE = [
  "=1+1",
  "+1",
  "-5",
  "$5",
  "€5",
  "5 €",
  "£5",
  "(5)",
  "1e5",
  "12e45678",
  "#N/A",
  "#REF!",
  "TRUE",
  "false",
  "Mar 1 2016",
  "1/2",
  "2026-10-01",
  "10:30",
  "45%",
  "1,200",
  "'quoted",
  "@all",
  "<b>bold</b>",
  "<script>alert(1)</script>",
  " padded ",
  "\t",
  "line\nbreak",
  "−4",
  "０１２",
  "😀 emoji",
  "null",
  "undefined",
];
const WORDS = ["Grow", "Payments", "Ann", "Faster checkout", "September", "Q4", "Ärger"];

function text(g: Gen): unknown {
  const r = g.next();
  if (r < 0.45) return g.pick(HOSTILE);
  if (r < 0.75) return g.pick(WORDS) + (g.chance(0.3) ? " " + g.pick(HOSTILE) : "");
  if (r < 0.8) return "x".repeat(g.pick([0, 30, 31, 100, 101, 200, 201, 1001, 100_000]));
  if (r < 0.85) return "";
  return g.pick<unknown>([42, -1, true, null, undefined, {}, [], ["a"], 1e308]);
}

function numberish(g: Gen): unknown {
  return g.pick<unknown>([
    0,
    1,
    -1,
    0.5,
    1.5,
    100,
    120,
    3000,
    1e308,
    -0,
    2.5e-9,
    "45%",
    "1,200",
    "0.3",
    "-2",
    "",
    " ",
    "$5",
    "1e5",
    "(5)",
    "abc",
    "=1",
    true,
    false,
    null,
    undefined,
    "120%",
    "1,5",
    {},
    ["1"],
  ]);
}

function maybe(g: Gen, value: () => unknown, p = 0.7): unknown {
  return g.chance(p) ? value() : undefined;
}

const cycle = (g: Gen) =>
  g.pick<unknown>(["2026-Q4", "2027-Q1", "2000-Q1", "2100-Q4", "0050-Q2", "2101-Q1", "2026-Q5", "", "Q4", 2026, null]);
const type = (g: Gen) => g.pick<unknown>(["increase", "decrease", "percentage", "milestone", "Increase", "", 1]);
const objectiveId = (g: Gen) => g.pick<unknown>(["O-1", "O-1", "O-2", "O-99", "o-1", "", "O-" + "9".repeat(500), 1]);
const krId = (g: Gen) =>
  g.pick<unknown>(["KR-1.1", "KR-1.2", "KR-1.3", "KR-2.1", "KR-9.9", "kr-1.1", "", "KR-1." + "1".repeat(500), null]);

function keyResult(g: Gen): unknown {
  const kind = g.pick(["increase", "decrease", "percentage", "milestone", "any"]);
  const valid: Record<string, unknown> = {
    increase: { start: 0, target: 100 },
    decrease: { start: 3000, target: 1000 },
    percentage: { start: "7%", target: "10%" },
    milestone: { start: 0, target: 1 },
    any: {},
  }[kind] as Record<string, unknown>;
  return {
    title: g.chance(0.7) ? g.pick(WORDS) : text(g),
    type: kind === "any" ? type(g) : kind,
    start: g.chance(0.7) && "start" in valid ? valid.start : maybe(g, () => numberish(g)),
    target: g.chance(0.7) && "target" in valid ? valid.target : numberish(g),
    current: maybe(g, () => numberish(g), 0.3),
    unit: maybe(g, () => text(g), 0.5),
    weight: maybe(g, () => numberish(g), 0.3),
    owner: maybe(g, () => text(g), 0.5),
  };
}

function objective(g: Gen): Record<string, unknown> {
  return {
    title: g.chance(0.6) ? g.pick(WORDS) : text(g),
    cycle: g.chance(0.7) ? "2026-Q4" : cycle(g),
    team: maybe(g, () => text(g)),
    owner: maybe(g, () => text(g)),
    commitment: maybe(g, () => g.pick<unknown>(["committed", "aspirational", "Committed", ""]), 0.4),
    description: maybe(g, () => text(g), 0.4),
    keyResults: maybe(g, () => Array.from({ length: g.pick([0, 1, 2, 11]) }, () => keyResult(g)), 0.6),
  };
}

const REQUESTS: Record<string, (g: Gen) => unknown> = {
  createObjective: (g) => (g.chance(0.05) ? text(g) : objective(g)),
  updateObjective: (g) => {
    const { keyResults: _, ...changes } = objective(g);
    for (const key of Object.keys(changes)) if (g.chance(0.5)) delete changes[key];
    return { id: objectiveId(g), changes };
  },
  addKeyResult: (g) => ({ objectiveId: objectiveId(g), keyResult: keyResult(g) }),
  updateKeyResult: (g) => ({ id: krId(g), keyResult: keyResult(g) }),
  setArchived: (g) => ({
    kind: g.pick<unknown>(["objective", "keyResult", "row"]),
    id: g.pick([objectiveId(g), krId(g)]),
    archived: g.pick<unknown>([true, false, false, "yes"]),
  }),
  checkIn: (g) => ({
    krId: krId(g),
    value: numberish(g),
    confidence: maybe(g, () => g.pick<unknown>([1, 5, 10, 0, 11, 5.5, "7"]), 0.5),
    note: maybe(g, () => text(g), 0.6),
  }),
};

/** The text columns of each sheet: whatever is there is a string (or blank), never a value or formula. */
const TEXT_COLUMNS: Record<string, string[]> = {
  Objectives: ["ID", "Objective", "Cycle", "Team", "Owner", "Commitment", "State", "Description"],
  "Key Results": ["ID", "Objective ID", "Key result", "Type", "Unit", "Owner", "State"],
  History: ["KR ID", "Key result", "Note", "Author", "Source", "Seal"],
};

/** Every stored row passes the schemas the requests are validated with. */
function checkStoredData(harness: Harness): void {
  for (const [sheet, columns] of Object.entries(TEXT_COLUMNS)) {
    const range = harness.spreadsheet.getSheetByName(sheet)!.getDataRange();
    const [header, ...body] = range.getValues();
    const formulas = range.getFormulas().slice(1).flat().filter(Boolean);
    expect({ sheet, formulas }).toEqual({ sheet, formulas: [] });
    for (const column of columns) {
      const col = header.indexOf(column);
      for (const [i, row] of body.entries())
        if (typeof row[col] !== "string")
          throw new Error(sheet + " row " + (i + 2) + ", " + column + " holds " + JSON.stringify(row[col]));
    }
  }
  for (const o of rows(harness, "Objectives")) {
    expect(o.ID).toMatch(OBJECTIVE_ID);
    expect(isCycleId(String(o.Cycle))).toBe(true);
    expect(COMMITMENTS).toContain(o.Commitment);
    expect(STATES).toContain(o.State);
    expect(String(o.Objective).length).toBeGreaterThan(0);
  }
  for (const kr of rows(harness, "Key Results")) {
    expect(kr.ID).toMatch(KEY_RESULT_ID);
    expect(STATES).toContain(kr.State);
    const parsed = z.safeParse(KeyResultInput, {
      title: kr["Key result"],
      type: kr.Type,
      start: kr.Start,
      target: kr.Target,
      current: kr.Current,
      unit: kr.Unit,
      weight: kr.Weight,
      owner: kr.Owner,
    });
    if (!parsed.success) throw new Error(kr.ID + " fails its schema: " + JSON.stringify(parsed.error.issues));
  }
  for (const record of rows(harness, "History")) expect(typeof record["New value"]).toBe("number");
}

/** The starting tracker, set up once: O-1 (the sample's three key results) and O-2 (one). */
async function baseTracker(): Promise<Harness> {
  const harness = newTracker();
  formulasOff(harness);
  await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
  await apiData(harness, "createObjective", {
    title: "Second",
    cycle: "2026-Q4",
    keyResults: [SAMPLE_OBJECTIVE.keyResults[0]],
  });
  return harness;
}

describe("generated input to every call that writes", () => {
  let base: Harness;
  beforeAll(async () => {
    base = await baseTracker();
  }, 60_000);

  it.each(Object.keys(REQUESTS).map((name, i) => [name, 1000 + i]))(
    "%s (seed %d): refusals write nothing, successes store valid data",
    async (name, seed) => {
      const g = generator(seed as number);
      // A copy of the base tracker. Globals are kept between executions: evaluating Code.js afresh
      // for each call would be most of the time, and what is tested is the input's path.
      const harness = new Harness({ workbook: fromJSON(toJSON(base.workbook)), keepGlobals: true });
      let accepted = 0;
      // The workbook as it was before the case: the last state seen (a refusal leaves it as it was).
      let before = snapshot(harness);
      for (let i = 0; i < CASES; i++) {
        const request = REQUESTS[name as string](g);
        const result = await api(harness, name as string, request);
        const after = snapshot(harness);
        const where = name + " case " + i + ": " + JSON.stringify(request)?.slice(0, 300);
        if (!result.ok) {
          expect({ where, code: result.code, unchanged: after === before }).toEqual({
            where,
            code: result.code,
            unchanged: true,
          });
          expect(result.code).not.toBe("unexpected");
          expect(result.message.length).toBeLessThan(400);
          continue;
        }
        accepted++;
        before = after;
        try {
          checkStoredData(harness);
        } catch (error) {
          (error as Error).message = where + "\n" + (error as Error).message;
          throw error;
        }
      }
      // Both sides are exercised: some requests pass, most are refused.
      expect(accepted).toBeGreaterThan(CASES / 20);
      expect(accepted).toBeLessThan(CASES);
    },
    120_000,
  );
});
