import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildCli } from "../../scripts/build-cli";

const root = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "okr-cli-"));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const okr = (...args: string[]) => {
  const r = spawnSync("node", [path.join(root, "build/okr.js"), ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const input = {
  okrs: [
    { id: "O1", kind: "objective", text: "Deliver Frontend Observability", team: "Web" },
    {
      id: "K1",
      kind: "key_result",
      text: "Move the session cache onto Redis 7",
      objectiveId: "O1",
      owner: "Ana",
      lastCheckIn: "2025-06-01",
    },
    { id: "K2", kind: "key_result", text: "Improve the onboarding experience", objectiveId: "O1" },
    { id: "K3", kind: "key_result", text: "Hire two designers", objectiveId: "O1", owner: "Ana" },
  ],
  roadmap: [
    { id: "R1", text: "Frontend Observability" },
    { id: "R2", text: "Redis 7 migration" },
  ],
};

beforeAll(() => buildCli(), 60000);

describe("okr check-roadmap", () => {
  it("--json prints exactly findings and summary", () => {
    const r = okr("check-roadmap", file("in.json", JSON.stringify(input)), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(["findings", "summary"]);
    expect(Object.keys(out.findings[0])).toEqual(["id", "verdict", "roadmapIds", "score", "reason", "suggestion"]);
    expect(Object.keys(out.findings[2])).toEqual(["id", "verdict", "roadmapIds", "score", "reason"]);
    expect(out.findings.map((f: { id: string; verdict: string }) => `${f.id}:${f.verdict}`)).toEqual([
      "O1:duplicate",
      "K1:duplicate",
      "K2:ok",
      "K3:output",
    ]);
    expect(out.findings[1].roadmapIds).toEqual(["R2"]);
    expect(out.findings[3].reason).toMatch(
      /^Delivery work not on the roadmap \('Hire two designers'\)\. What is it meant to change\?/,
    );
    expect(out.summary).toMatchObject({ keyResults: 3, duplicateKeyResults: 1, output: 1 });
  });

  it("prints a readable table without --json", () => {
    const r = okr("check-roadmap", file("in.json", JSON.stringify(input)));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ID\s+Verdict\s+Roadmap\s+Score\s+Reason\n/);
    expect(r.out).toMatch(/K1\s+duplicate\s+R2\s+0\.\d\d\s+Restates roadmap item R2 'Redis 7 migration'/);
    expect(r.out).toMatch(/K3\s+output\s+-\s+0\.00\s+Delivery work not on the roadmap/);
    expect(r.out).toContain("2 duplicate, 1 output, 0 related, 1 ok.");
  });

  it("wraps the Reason column to the terminal's width (80 when not a terminal), indented under itself", () => {
    const r = okr("check-roadmap", file("in.json", JSON.stringify(input)));
    const lines = r.out.split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    const reasonAt = lines[0].indexOf("Reason");
    const k1 = lines.findIndex((l) => l.startsWith("K1 "));
    // The reason continues on the next line, starting in the Reason column.
    expect(lines[k1 + 1].slice(0, reasonAt).trim()).toBe("");
    expect(lines[k1 + 1].slice(reasonAt)).toMatch(/^\S/);
  });

  it("--fail-on duplicate,output exits 1 when such findings exist, and says so on stderr", () => {
    const r = okr("check-roadmap", file("in.json", JSON.stringify(input)), "--json", "--fail-on", "duplicate,output");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).findings).toHaveLength(4);
    expect(r.err).toBe("okr: 3 findings of duplicate, output (--fail-on)\n");
    const clean = { okrs: [input.okrs[2]], roadmap: input.roadmap };
    const ok = okr("check-roadmap", file("clean.json", JSON.stringify(clean)), "--fail-on=duplicate,output");
    expect(ok.code).toBe(0);
    expect(ok.err).toBe("");
    const lint = okr(
      "lint",
      file("in.json", JSON.stringify(input)),
      "--fail-on",
      "not-measurable",
      "--today",
      "2025-07-01",
    );
    expect(lint.code).toBe(1);
    expect(lint.err).toBe("okr: 1 finding of not-measurable (--fail-on)\n");
  });

  it("reads the roadmap CSV's Phase column, so 'all of Phase 1' names only that phase's items", () => {
    const roadmap = file(
      "phased.csv",
      "ID,Item,Phase\nR1,Bulk CSV export,1\nR2,Audit log,Phase 1\nR3,Custom roles,2\n",
    );
    const krs = file("phased-k.csv", "ID,Key result\nK1,All features in Phase 1 are delivered\n");
    const r = okr("check-roadmap", "--okrs", krs, "--roadmap", roadmap, "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).findings[0]).toMatchObject({ verdict: "duplicate", roadmapIds: ["R1", "R2"] });
  });

  it("reads the tracker's CSV exports: objectives and key results sheets plus the roadmap", () => {
    const objectives = file("objectives.csv", "ID,Objective,Team\r\nO1,Deliver Frontend Observability,Web\r\n");
    const krs = file("krs.csv", 'id,Key Result,Objective ID,Owner\nK1,"Move the session cache\nonto Redis 7",O1,Ana\n');
    const roadmap = file("roadmap.csv", "ID,Title\nR1,Frontend Observability\nR2,Redis 7 migration\n");
    const r = okr("check-roadmap", "--okrs", krs, "--okrs", objectives, "--roadmap", roadmap, "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).findings.map((f: { id: string }) => f.id)).toEqual(["O1", "K1"]);
  });

  it.each([
    ["bad JSON", () => ["check-roadmap", file("bad.json", "{ nope")], /bad\.json: not valid JSON/],
    [
      "an unknown kind",
      () => [
        "check-roadmap",
        file("kind.json", JSON.stringify({ okrs: [{ id: "K1", kind: "kr", text: "x" }], roadmap: [] })),
      ],
      /okrs\[0\]\.kind: expected "objective" or "key_result", got "kr"/,
    ],
    [
      "a missing field",
      () => ["lint", file("field.json", JSON.stringify({ okrs: [{ id: "K1", kind: "key_result" }] }))],
      /okrs\[0\]\.text: missing/,
    ],
    ["a missing file", () => ["lint", path.join(dir, "nope.json")], /nope\.json: file not found/],
    [
      "a missing CSV header",
      () => [
        "check-roadmap",
        "--okrs",
        file("o.csv", "ID,Name\nO1,x\n"),
        "--roadmap",
        file("r.csv", "ID,Item\nR1,y\n"),
      ],
      /o\.csv: no "Objective" or "Title" column in the header row \(found: id, name\)/,
    ],
    ["no roadmap", () => ["check-roadmap", file("noroad.json", JSON.stringify({ okrs: [] }))], /no roadmap items/],
    ["an unknown command", () => ["frobnicate"], /unknown command "frobnicate"/],
    [
      "an unknown --fail-on verdict",
      () => ["check-roadmap", file("in.json", JSON.stringify(input)), "--fail-on", "dupe"],
      /--fail-on: unknown verdict "dupe" \(check-roadmap knows duplicate, output, related, ok\)/,
    ],
    ["no command at all (usage on stderr)", () => [], /^okr: check OKRs against the roadmap[\s\S]*Usage:/],
  ])("rejects %s with a message on stderr and exit code 2", (_what, args, message) => {
    const r = okr(...args());
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });
});

describe("okr lint", () => {
  it("--json prints findings with id, rule and message", () => {
    const r = okr("lint", file("in.json", JSON.stringify(input)), "--json", "--today", "2025-07-01");
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.out).findings.map((f: { id: string; rule: string }) => `${f.id}:${f.rule}`);
    expect(rules).toEqual(["K1:stale-check-in", "K2:not-measurable", "K2:no-owner"]);
  });

  it("reads CSV sheets too, including owners and check-in dates, and names a bad date's row", () => {
    const objectives = file("lint-o.csv", "ID,Title,Team,Cycle\nO1,Make checkout fast,Web,2025-Q3\n");
    const krs = file(
      "lint-k.csv",
      "ID,Title,Objective ID,Owner,Last check-in\nK1,p95 checkout latency from 3 s to 1 s,O1,Ana,2025-06-01\n",
    );
    const r = okr("lint", "--okrs", objectives, "--okrs", krs, "--today", "2025-07-01", "--json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).findings.map((f: { rule: string }) => f.rule)).toEqual(["stale-check-in"]);
    const bad = file("lint-bad.csv", "ID,Key result,Owner,Last check-in\nK1,NPS from 30 to 40,Ana,1 June\n");
    const e = okr("lint", "--okrs", bad);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/lint-bad\.csv row 2: last check-in "1 June" is not an ISO date/);
  });

  it("--help lists the commands", () => {
    const r = okr("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("okr check-roadmap FILE [--json] [--fail-on duplicate,output]");
    expect(r.out).toContain("okr lint FILE [--json]");
  });
});
