import { InputError } from "./load";

export interface Args {
  command: "check-roadmap" | "lint" | "help";
  file?: string;
  okrs: string[];
  roadmap?: string;
  json: boolean;
  today?: string;
  /** Verdicts (check-roadmap) or rules (lint) that make the exit code 1, for CI. */
  failOn: string[];
  /** True when no command was given: print usage and exit non-zero. */
  bare?: boolean;
}

export const VERDICTS = ["duplicate", "output", "related", "ok"];
export const RULES = [
  "not-measurable",
  "kpi-not-okr",
  "no-krs",
  "too-many-krs",
  "too-many-objectives",
  "no-owner",
  "stale-check-in",
];

const COMMANDS = ["check-roadmap", "lint", "help"];

/** A small hand parser: two commands and four flags do not need a library. */
export function parseArgs(argv: string[]): Args {
  const args: Args = { command: "help", okrs: [], json: false, failOn: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined || v === "") throw new InputError(`${a.split("=")[0]} needs a value`);
      return v;
    };
    const flag = a.split("=")[0];
    if (flag === "--json") args.json = true;
    else if (flag === "--help" || flag === "-h") return { ...args, command: "help" };
    else if (flag === "--okrs") args.okrs.push(value());
    else if (flag === "--roadmap") args.roadmap = value();
    else if (flag === "--today") args.today = value();
    else if (flag === "--fail-on")
      args.failOn.push(
        ...value()
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      );
    else if (a.startsWith("-")) throw new InputError(`unknown option ${a} (see okr --help)`);
    else positional.push(a);
  }
  if (!positional.length) return { ...args, bare: true };
  const [command, ...rest] = positional;
  if (!COMMANDS.includes(command)) throw new InputError(`unknown command "${command}" (commands: check-roadmap, lint)`);
  args.command = command as Args["command"];
  if (rest.length > 1) throw new InputError(`expected one FILE, got ${rest.length}: ${rest.join(" ")}`);
  args.file = rest[0];
  if (args.command === "help") return args;
  if (args.file && (args.okrs.length || args.roadmap))
    throw new InputError("give either FILE or --okrs/--roadmap, not both");
  if (!args.file && !args.okrs.length) throw new InputError(`${command} needs FILE (JSON) or --okrs FILE.csv`);
  if (args.okrs.length > 2) throw new InputError("--okrs may be given at most twice (objectives and key results)");
  const known = args.command === "lint" ? RULES : VERDICTS;
  const unknown = args.failOn.filter((v) => !known.includes(v));
  if (unknown.length)
    throw new InputError(
      `--fail-on: unknown ${args.command === "lint" ? "rule" : "verdict"} ${unknown.map((v) => `"${v}"`).join(", ")} (${args.command} knows ${known.join(", ")})`,
    );
  if (args.today && Number.isNaN(Date.parse(args.today)))
    throw new InputError(`--today "${args.today}" is not a date like 2025-07-01`);
  return args;
}

export const HELP = `okr: check OKRs against the roadmap and for common quality problems.

Usage:
  okr check-roadmap FILE [--json] [--fail-on duplicate,output]
  okr check-roadmap --okrs objectives.csv [--okrs key-results.csv] --roadmap roadmap.csv [--json] [--fail-on …]
  okr lint FILE [--json] [--today YYYY-MM-DD] [--fail-on not-measurable,kpi-not-okr]
  okr lint --okrs objectives.csv [--okrs key-results.csv] [--json] [--today YYYY-MM-DD] [--fail-on …]
  okr --help

FILE is JSON: {"okrs": [{"id": "K1", "kind": "objective" | "key_result", "text": "...",
  "team"?, "objectiveId"?, "owner"?, "lastCheckIn"? (ISO date), "cycle"?}], "roadmap": [{"id": "R1", "text": "..."}]}

CSV files are the tracker's sheets downloaded as CSV, with a header row (matched case-insensitively):
  Objectives:   ID, Objective (or Title); optional Team, Owner, Cycle
  Key results:  ID, Key result (or Title), Objective ID; optional Owner, Last check-in, Start, Target
  Roadmap:      ID, Item (or Title); optional Phase (so "everything in Phase 1" finds its items)
  A sheet with a "Key result" or "Objective ID" column is read as key results.

check-roadmap verdicts: duplicate (restates delivery of a roadmap item), output (delivery work the
roadmap does not list: say what it should change), related (names an item but measures an outcome),
ok. lint rules: not-measurable, kpi-not-okr, no-krs, too-many-krs, too-many-objectives, no-owner,
stale-check-in (14 days; --today sets the date, default today).

--fail-on LIST   exit 1 when any finding has one of these verdicts (check-roadmap) or rules (lint).

Exit codes: 0 checked (no --fail-on finding), 1 a --fail-on finding, 2 bad input or usage (also no command).
`;
