import { checkAgainstRoadmap, lintOkrs } from "../src/core/checker";
import type { CheckInput } from "../src/core/checker/types";
import { HELP, parseArgs, type Args } from "./args";
import { lintTable, roadmapTable } from "./format";
import { InputError, loadJson, loadOkrCsvs, loadRoadmapCsv } from "./load";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs one command and returns the exit code; never exits the process itself. */
export function run(argv: string[], io: Io): number {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.out(HELP);
      return 0;
    }
    const input = load(args);
    if (args.command === "check-roadmap") {
      if (!input.roadmap.length)
        throw new InputError('no roadmap items: add "roadmap" to FILE or pass --roadmap FILE.csv');
      const report = checkAgainstRoadmap(input.okrs, input.roadmap);
      const findings = report.findings.map(({ id, verdict, roadmapIds, score, reason }) => ({
        id,
        verdict,
        roadmapIds,
        score,
        reason,
      }));
      io.out(args.json ? `${JSON.stringify({ findings, summary: report.summary }, null, 2)}\n` : roadmapTable(report));
    } else {
      const findings = lintOkrs(input, { today: args.today });
      io.out(args.json ? `${JSON.stringify({ findings }, null, 2)}\n` : lintTable(findings));
    }
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`okr: ${e.message}\n`);
    return 2;
  }
}

function load(args: Args): CheckInput {
  if (args.file) return loadJson(args.file);
  return { okrs: loadOkrCsvs(args.okrs), roadmap: args.roadmap ? loadRoadmapCsv(args.roadmap) : [] };
}
