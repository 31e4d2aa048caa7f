import { lintOkrs } from "../../src/core/checker";
import type { OkrInput } from "../../src/core/checker/types";

const obj = (id: string, extra: Partial<OkrInput> = {}): OkrInput => ({
  id,
  kind: "objective",
  text: `Objective ${id}`,
  ...extra,
});
const kr = (id: string, text: string, extra: Partial<OkrInput> = {}): OkrInput => ({
  id,
  kind: "key_result",
  text,
  owner: "Ana",
  ...extra,
});
const rules = (okrs: OkrInput[], today = "2025-07-15") => lintOkrs({ okrs }, { today }).map((f) => `${f.id}:${f.rule}`);

describe("lintOkrs", () => {
  it("not-measurable: a KR with no number or target", () => {
    expect(
      rules([obj("O1"), kr("K1", "Improve the onboarding experience"), kr("K2", "Activation from 20% to 30%")]),
    ).toEqual(["K1:not-measurable"]);
  });

  it("kpi-not-okr: holding a level, not changing it", () => {
    expect(
      rules([obj("O1"), kr("K1", "Keep uptime above 99.9%"), kr("K2", "Raise uptime from 99.5% to 99.9%")]),
    ).toEqual(["K1:kpi-not-okr"]);
  });

  it("kpi-not-okr: SLO-style thresholds on health metrics, quoted in the message", () => {
    const f = lintOkrs({
      okrs: [obj("O1"), kr("K1", "p99 latency < 300 ms"), kr("K2", "Reduce p99 latency below 300 ms")],
    });
    expect(f.map((x) => `${x.id}:${x.rule}`)).toEqual(["K1:kpi-not-okr"]);
    expect(f[0].message).toMatch(/^Sets a service level \('p99 latency < 300 ms'\): that is a KPI/);
  });

  it("no-krs and too-many-krs, with KRs attached by objectiveId or by position", () => {
    const okrs = [
      obj("O1"),
      obj("O2"),
      ...[1, 2, 3, 4, 5, 6].map((n) => kr(`K${n}`, `Metric ${n} from 1 to 2`, { objectiveId: "O1" })),
    ];
    expect(rules(okrs)).toEqual(["O1:too-many-krs", "O2:no-krs"]);
    expect(rules([obj("O1"), kr("K1", "NPS from 30 to 40"), obj("O2")])).toEqual(["O2:no-krs"]);
  });

  it("too-many-objectives: more than five per team per cycle", () => {
    const six = [1, 2, 3, 4, 5, 6].flatMap((n) => [
      obj(`O${n}`, { team: "Mobile", cycle: "2025-Q3" }),
      kr(`K${n}`, "NPS from 30 to 40"),
    ]);
    const f = lintOkrs({ okrs: six }, { today: "2025-07-15" });
    expect(f.map((x) => `${x.id}:${x.rule}`)).toEqual(["O1:too-many-objectives"]);
    expect(f[0].message).toMatch(/^Team Mobile has 6 objectives in 2025-Q3 .*cram/);
    const otherCycle = six.map((o, i) => (o.kind === "objective" && i > 4 ? { ...o, cycle: "2025-Q4" } : o));
    expect(rules(otherCycle)).toEqual([]);
  });

  it("no-owner: a KR without an owner", () => {
    expect(rules([obj("O1"), kr("K1", "NPS from 30 to 40", { owner: " " })])).toEqual(["K1:no-owner"]);
  });

  it("stale-check-in: 14 days or more since the last check-in, relative to an injected today", () => {
    const okrs = [obj("O1"), kr("K1", "NPS from 30 to 40", { lastCheckIn: "2025-07-01" })];
    expect(rules(okrs, "2025-07-14")).toEqual([]);
    expect(rules(okrs, "2025-07-15")).toEqual(["K1:stale-check-in"]);
    expect(lintOkrs({ okrs }, { today: new Date("2025-08-01T10:00:00Z") })[0].message).toContain("31 days");
    // Sheets hands dates over as Date objects.
    const fromSheet = [obj("O1"), kr("K1", "NPS from 30 to 40", { lastCheckIn: new Date("2025-07-01T09:00:00Z") })];
    expect(rules(fromSheet, "2025-07-15")).toEqual(["K1:stale-check-in"]);
  });
});

describe("kpi-not-okr without 'keep' (issue #14)", () => {
  const rules = (text: string, extra: Partial<OkrInput> = {}) =>
    lintOkrs({ okrs: [{ id: "K", kind: "key_result", text, owner: "x", ...extra }] }).map((f) => f.rule);

  it.each([
    "95% uptime for storage providers",
    "p95 latency under 300 ms",
    "End-to-end P95 time to ingest events is under 90 s",
    "We ingest 99.999% of valid events",
    "The proportion of failed changes remains low",
    "Triage small fixes for every sprint",
  ])("%s", (text) => {
    expect(rules(text)).toContain("kpi-not-okr");
  });

  it("a key result whose target equals its start holds a level", () => {
    const [f] = lintOkrs({
      okrs: [{ id: "K", kind: "key_result", text: "Weekly active teams", owner: "x", start: 40, target: "40" }],
    });
    expect(f).toMatchObject({ rule: "kpi-not-okr" });
    expect(f.message).toMatch(/^Its target equals its start \(40\): it holds a level/);
    expect(rules("Weekly active teams", { start: 40, target: 60 })).not.toContain("kpi-not-okr");
  });

  it("a change is never a KPI", () => {
    expect(rules("Reduce p95 latency from 400 ms to 300 ms")).not.toContain("kpi-not-okr");
  });
});
