/**
 * Every refusal carries a stable code (src/core/contract.ts) the sidebar branches on, whatever its
 * wording, and writes nothing. Each path runs through the built bundle on its own tracker.
 */
import { Harness } from "../../dev/harness/harness";
import type { ErrorCode } from "../../src/core/contract";
import { api, apiData, newTracker, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

/** A tracker with the sample objective O-1 (KR-1.1 decrease, KR-1.2 percentage, KR-1.3 milestone). */
async function sampleTracker(): Promise<Harness> {
  const harness = newTracker();
  await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
  return harness;
}

async function refusal(harness: Harness, name: string, request: unknown) {
  const before = snapshot(harness);
  const result = await api(harness, name, request);
  expect(snapshot(harness)).toBe(before);
  if (result.ok) throw new Error(name + " was expected to be refused, but answered " + JSON.stringify(result.data));
  return result;
}

/** The sample tracker with its cycle, 2026-Q4, closed. */
async function closedTracker(): Promise<Harness> {
  const harness = await sampleTracker();
  await apiData(harness, "closeCycle", { cycle: "2026-Q4", early: true });
  return harness;
}

const paths: [string, ErrorCode, () => Promise<Harness>, string, unknown][] = [
  ["a request that fails its schema", "invalid-input", sampleTracker, "createObjective", { title: "" }],
  [
    "a value that doesn't fit the key result",
    "invalid-input",
    sampleTracker,
    "checkIn",
    { krId: "KR-1.3", value: 0.5 },
  ],
  ["a row to go to on a sheet that isn't there", "invalid-input", sampleTracker, "goToRow", { sheet: "Gone", row: 2 }],
  ["a call before Set up", "not-set-up", async () => new Harness(), "getOverview", {}],
  [
    "a check-in for a key result that isn't there",
    "unknown-id",
    sampleTracker,
    "checkIn",
    { krId: "KR-9.9", value: 1 },
  ],
  [
    "an edit of an objective that isn't there",
    "unknown-id",
    sampleTracker,
    "updateObjective",
    { id: "O-42", changes: {} },
  ],
  [
    "a key result added to an objective that isn't there",
    "unknown-id",
    sampleTracker,
    "addKeyResult",
    { objectiveId: "O-42", keyResult: { title: "More", type: "increase", target: 5 } },
  ],
  [
    "archiving a key result that isn't there",
    "unknown-id",
    sampleTracker,
    "setArchived",
    { kind: "keyResult", id: "KR-9.9", archived: true },
  ],
  [
    "an edit of a key result that isn't there",
    "unknown-id",
    sampleTracker,
    "updateKeyResult",
    { id: "KR-9.9", keyResult: { title: "More", type: "increase", target: 5 } },
  ],
  ["a roadmap check with nothing to check", "nothing-to-check", async () => newTracker(), "checkOkrs", {}],
  ["a check-in on a closed cycle", "closed-cycle", closedTracker, "checkIn", { krId: "KR-1.1", value: 2000 }],
  ["closing a cycle already closed", "closed-cycle", closedTracker, "closeCycle", { cycle: "2026-Q4" }],
  [
    "closing a cycle before its end unconfirmed",
    "needs-confirmation",
    sampleTracker,
    "closeCycle",
    { cycle: "2026-Q4" },
  ],
  ["closing a cycle that isn't there", "unknown-id", sampleTracker, "closeCycle", { cycle: "2031-Q1" }],
];

describe("refusals carry a code and write nothing", () => {
  it.each(paths)("%s: %s", async (_what, code, tracker, name, request) => {
    const result = await refusal(await tracker(), name, request);
    expect(result.code).toBe(code);
    expect(result.message).not.toBe("");
  });

  it("missing-column: a column the action needs was renamed", async () => {
    const harness = await sampleTracker();
    harness.edit("'Key Results'!G1", "Now"); // typed: onEdit tells the add-on its remembered header is stale
    const result = await refusal(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    expect([result.code, result.message]).toEqual(["missing-column", expect.stringMatching(/no 'Current' column/)]);
  });

  it("archived: a check-in for an archived key result", async () => {
    const harness = await sampleTracker();
    await apiData(harness, "setArchived", { kind: "keyResult", id: "KR-1.1", archived: true });
    expect((await refusal(harness, "checkIn", { krId: "KR-1.1", value: 2000 })).code).toBe("archived");
  });

  it("archived-objective: a check-in for a key result of an archived objective", async () => {
    const harness = await sampleTracker();
    await apiData(harness, "setArchived", { kind: "objective", id: "O-1", archived: true });
    expect((await refusal(harness, "checkIn", { krId: "KR-1.1", value: 2000 })).code).toBe("archived-objective");
  });

  it("busy: another person holds the document lock", async () => {
    const harness = await sampleTracker();
    harness.workbook.locks.document = "someone-else";
    expect((await refusal(harness, "checkIn", { krId: "KR-1.1", value: 2000 })).code).toBe("busy");
  });

  it("unexpected: anything else, e.g. a service failing", async () => {
    const harness = await sampleTracker();
    harness.emu.services.PropertiesService.getDocumentProperties = () => {
      throw new Error("Service unavailable");
    };
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await refusal(harness, "createObjective", { title: "Another", cycle: "2026-Q4" });
    expect([result.code, result.message]).toEqual(["unexpected", expect.stringMatching(/Service unavailable/)]);
    expect(logged).toHaveBeenCalledTimes(1); // a bug is logged for the developer, with its stack
    logged.mockRestore();
  });
});
