import { checkAgainstRoadmap, lintOkrs } from "../src/core/checker";
import type { CheckInput } from "../src/core/checker/types";
import { HELP, parseArgs, type Args } from "./args";
import { lintTable, roadmapTable } from "./format";
import { InputError, loadJson, loadOkrCsvs, loadRoadmapCsv } from "./load";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Terminal width for the table's Reason column; 80 when not a terminal. */
  columns?: number;
}

/** Runs one command and returns the exit code; never exits the process itself. */
export function run(argv: string[], io: Io): number {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      // Run with nothing to do, the usage goes to stderr and the exit code says it was not a check.
      (args.bare ? io.err : io.out)(HELP);
      return args.bare ? 2 : 0;
    }
    const input = load(args);
    if (args.command === "check-roadmap") {
      if (!input.roadmap.length)
        throw new InputError('no roadmap items: add "roadmap" to FILE or pass --roadmap FILE.csv');
      const report = checkAgainstRoadmap(input.okrs, input.roadmap);
      const findings = report.findings.map(({ id, verdict, roadmapIds, score, reason, suggestion }) => ({
        id,
        verdict,
        roadmapIds,
        score,
        reason,
        ...(suggestion ? { suggestion } : {}),
      }));
      io.out(
        args.json
          ? `${JSON.stringify({ findings, summary: report.summary }, null, 2)}\n`
          : roadmapTable(report, io.columns ?? 80),
      );
      return failed(
        args,
        findings.map((f) => f.verdict),
        io,
      );
    }
    const findings = lintOkrs(input, { today: args.today });
    io.out(args.json ? `${JSON.stringify({ findings }, null, 2)}\n` : lintTable(findings, io.columns ?? 80));
    return failed(
      args,
      findings.map((f) => f.rule),
      io,
    );
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`okr: ${e.message}\n`);
    return 2;
  }
}

/** 1 when a finding is one that --fail-on names (said on stderr, so JSON on stdout stays clean), else 0. */
function failed(args: Args, found: string[], io: Io): number {
  const hits = args.failOn.filter((v) => found.includes(v));
  if (!hits.length) return 0;
  const n = found.filter((v) => hits.includes(v)).length;
  io.err(`okr: ${n} finding${n === 1 ? "" : "s"} of ${hits.join(", ")} (--fail-on)\n`);
  return 1;
}

function load(args: Args): CheckInput {
  if (args.file) return loadJson(args.file);
  return { okrs: loadOkrCsvs(args.okrs), roadmap: args.roadmap ? loadRoadmapCsv(args.roadmap) : [] };
}
