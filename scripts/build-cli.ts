import { build } from "esbuild";
import path from "node:path";

// CommonJS globals on purpose: tsx and Jest both load this file as CommonJS.
const root = path.resolve(__dirname, "..");

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

if (require.main === module) {
  buildCli().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
