import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as entryPoints from "../src/entry-points";
import { generateStubs, GLOBAL_NAME } from "./stubs";

/** Targets the Apps Script V8 runtime: ES2019 syntax, one classic script, no module syntax. */
export const APPS_SCRIPT_TARGET = "es2019";

export async function buildServer(outDir: string): Promise<string> {
  const result = await build({
    entryPoints: ["src/entry-points.ts"],
    bundle: true,
    write: false,
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: APPS_SCRIPT_TARGET,
    minify: true,
    legalComments: "none",
    charset: "utf8",
  });
  const header =
    "// OKR Tracker for Google Sheets. Built file: edit src/ and run `npm run build`.\n" +
    "// The bundle below defines " +
    GLOBAL_NAME +
    "; the functions after it are what Apps Script calls.\n";
  const code = header + result.outputFiles[0].text + "\n" + generateStubs(entryPoints);
  const file = join(outDir, "Code.js");
  writeFileSync(file, code);
  return file;
}
