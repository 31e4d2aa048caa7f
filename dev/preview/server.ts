/**
 * The preview's HTTP server: a Sheets-like page, the built sidebar with a google.script.run
 * stand-in, and the JSON API (api.ts) that runs the built Code.js on the emulator (one Harness).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Harness } from "../harness/harness";
import { createApi, type Api } from "./api";
import { HttpError, message, send } from "./http";
import { pageHtml, scriptFor, sidebarHtml } from "./page";
import { COMPANY_FILES, openCompany, openWorkbook, save } from "./workbook-file";

export interface StartOptions {
  /** 0 picks a free port. */
  port?: number;
  workbookFile: string;
  fresh?: boolean;
  empty?: boolean;
  /** A company tracker and two team trackers; `workbookFile` is then their folder. */
  company?: boolean;
  /** dist/ folder with Code.js and Sidebar.html (default ./dist). */
  dist?: string;
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  /** The spreadsheet shown first (with --company: the company tracker). */
  harness: Harness;
  /** Every spreadsheet the page can switch to. */
  books: Harness[];
  close(): Promise<void>;
}

/** Saves the workbooks at most once per 0.3 s: changes in quick succession are saved together. */
function autosave(books: [Harness, string][]) {
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const [harness, file] of books) save(harness, file);
  };
  return {
    changed: () => {
      if (!timer) timer = setTimeout(flush, 300);
    },
    /** Saves now if a save is due. */
    finish: () => timer && flush(),
  };
}

function router(api: Api, dist: string, log: (line: string) => void) {
  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string) {
    const at = url.pathname;
    if (method === "GET" && at === "/") return send(res, 200, "text/html", pageHtml());
    if (at === "/favicon.ico") return send(res, 204, "text/plain", "");
    if (method === "GET" && at === "/preview.js") return send(res, 200, "text/javascript", scriptFor("client"));
    if (method === "GET" && at === "/sidebar") {
      // Read on every request, so a rebuilt sidebar shows on the next open.
      return send(res, 200, "text/html", sidebarHtml(fs.readFileSync(path.join(dist, "Sidebar.html"), "utf8")));
    }
    if (at.startsWith("/api/"))
      return send(res, 200, "application/json", JSON.stringify(await api.handle(method, url, req)));
    send(res, 404, "text/plain", "Not found");
  }
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    try {
      await route(req, res, url, method);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log("Error on " + method + " " + url.pathname + ": " + (e instanceof Error ? e.stack : e));
      send(res, status, "application/json", JSON.stringify({ error: message(e) }));
    }
  };
}

export async function startPreview(options: StartOptions): Promise<Preview> {
  const dist = options.dist ?? "dist";
  const log = options.log ?? (() => undefined);
  const file = options.workbookFile;
  const started = Date.now();
  const bundle = path.join(dist, "Code.js");
  const opened = options.company
    ? await openCompany(file, { fresh: options.fresh, bundle })
    : await openWorkbook(file, { fresh: options.fresh, empty: options.empty, bundle }).then((one) => ({
        books: [one.harness],
        source: one.source,
      }));
  const { books, source } = opened;
  const harness = books[0];
  const took = " in " + (Date.now() - started) + " ms";
  log(source === "file" ? "Loaded " + file + took : "Built the " + source + " workbook" + took + "; saved to " + file);
  for (const book of books) book.call("showSidebar"); // open by default, as after choosing Open sidebar
  const files = options.company ? COMPANY_FILES.map((name) => path.join(file, name)) : [file];
  const saver = autosave(books.map((book, i) => [book, files[i]]));
  const handle = router(createApi(books, saver.changed), dist, log);
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: "http://localhost:" + port,
    harness,
    books,
    close: () =>
      new Promise<void>((resolve) => {
        saver.finish();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
