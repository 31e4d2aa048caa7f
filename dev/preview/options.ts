/** Command-line options of `npm start` (dev/preview/start.ts). */
import * as path from "path";

export interface PreviewOptions {
  port: number;
  workbookFile: string;
  /** Start from the built-in sample tracker even when the workbook file exists. */
  fresh: boolean;
  /** Start from an empty spreadsheet (to try Set up tracker). */
  empty: boolean;
  /** A company tracker and two team trackers (workbookFile is then their folder). */
  company: boolean;
}

export const DEFAULT_WORKBOOK = path.join(".preview", "workbook.json");
export const DEFAULT_COMPANY = path.join(".preview", "company");

const USAGE = "Usage: npm start -- [--port N] [--workbook FILE | --company [FOLDER]] [--fresh | --empty]";

export function parseOptions(argv: string[]): PreviewOptions {
  const options: PreviewOptions = {
    port: 8080,
    workbookFile: DEFAULT_WORKBOOK,
    fresh: false,
    empty: false,
    company: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(arg + " needs a value. " + USAGE);
      return next;
    };
    if (arg === "--port") {
      options.port = Number(value());
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
        throw new Error("--port takes a number from 0 to 65535.");
    } else if (arg === "--workbook") options.workbookFile = value();
    else if (arg === "--fresh") options.fresh = true;
    else if (arg === "--empty") options.empty = true;
    else if (arg === "--company") {
      options.company = true;
      options.workbookFile = argv[i + 1] && !argv[i + 1].startsWith("--") ? value() : DEFAULT_COMPANY;
    } else if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    else throw new Error("Unknown option " + arg + ". " + USAGE);
  }
  if (options.company && options.empty) throw new Error("--company and --empty don't go together. " + USAGE);
  return options;
}
