import { run } from "./run";

// Entry point bundled to build/okr.js; bin/okr.js requires it.
process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
