/** Debian's chromium under playwright-core, for the browser tests and the screenshots. */
import * as fs from "fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a closed network: without them Chromium keeps trying to reach Google's hosts. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      CHROMIUM +
        " is missing: install Debian's chromium with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH.",
    );
  }
  // launch() gives every browser a new temporary profile (--user-data-dir) of its own.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
