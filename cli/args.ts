import { InputError } from "./load";

export interface Args {
  command: "check-roadmap" | "lint" | "help";
  file?: string;
  okrs: string[];
  roadmap?: string;
  json: boolean;
  today?: string;
}

const COMMANDS = ["check-roadmap", "lint", "help"];

/** A small hand parser: two commands and four flags do not need a library. */
export function parseArgs(argv: string[]): Args {
  const args: Args = { command: "help", okrs: [], json: false };
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
    else if (a.startsWith("-")) throw new InputError(`unknown option ${a} (see okr --help)`);
    else positional.push(a);
  }
  if (!positional.length) return args;
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
  if (args.today && Number.isNaN(Date.parse(args.today)))
    throw new InputError(`--today "${args.today}" is not a date like 2025-07-01`);
  return args;
}

export const HELP = `okr: check OKRs against the roadmap and for common quality problems.

Usage:
  okr check-roadmap FILE [--json]
  okr check-roadmap --okrs objectives.csv [--okrs key-results.csv] --roadmap roadmap.csv [--json]
  okr lint FILE [--json] [--today YYYY-MM-DD]
  okr lint --okrs objectives.csv [--okrs key-results.csv] [--json] [--today YYYY-MM-DD]
  okr --help

FILE is JSON: {"okrs": [{"id": "K1", "kind": "objective" | "key_result", "text": "...",
  "team"?, "objectiveId"?, "owner"?, "lastCheckIn"? (ISO date), "cycle"?}], "roadmap": [{"id": "R1", "text": "..."}]}

CSV files are the tracker's sheets downloaded as CSV, with a header row (matched case-insensitively):
  Objectives:   ID, Objective (or Title); optional Team, Owner, Cycle
  Key results:  ID, Key result (or Title), Objective ID; optional Owner, Last check-in
  Roadmap:      ID, Item (or Title)
  A sheet with a "Key result" or "Objective ID" column is read as key results.

check-roadmap verdicts: duplicate (restates delivery of a roadmap item), related (names one but
measures an outcome), ok. lint rules: not-measurable, kpi-not-okr, no-krs, too-many-krs,
too-many-objectives, no-owner, stale-check-in (14 days; --today sets the date, default today).

Exit codes: 0 checked (findings or not), 2 bad input or usage.
`;
