/** `npm run build`: writes dist/ (what `clasp push` deploys) and build/ (the okr command line). */
import { copyFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildCli } from "./build-cli";
import { buildServer } from "./build-server";
import { buildSidebar } from "./build-sidebar";

export const DIST = "dist";

async function main(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const files = [await buildServer(DIST), await buildSidebar(DIST)];
  copyFileSync("appsscript.json", join(DIST, "appsscript.json"));
  files.push(join(DIST, "appsscript.json"));
  await buildCli();
  files.push("build/okr.js");
  for (const file of files) console.log(file.padEnd(22) + (statSync(file).size / 1024).toFixed(1).padStart(8) + " KB");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
