import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles the `okr` command line (cli/main.ts and the checker core) into build/okr.js for Node. */
export async function buildCli(): Promise<void> {
  await build({
    entryPoints: [path.join(root, "cli/main.ts")],
    outfile: path.join(root, "build/okr.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
