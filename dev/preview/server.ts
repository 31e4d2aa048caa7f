/**
 * The preview's HTTP server: a Sheets-like page, the built sidebar with a google.script.run
 * stand-in, and a small JSON API that runs the built Code.js on the emulator (one Harness).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Harness } from "../harness/harness";
import { gridView } from "./grid";
import { pageHtml, scriptFor, sidebarHtml } from "./page";
import { openWorkbook, save } from "./workbook-file";

export interface StartOptions {
  /** 0 picks a free port. */
  port?: number;
  workbookFile: string;
  fresh?: boolean;
  empty?: boolean;
  /** dist/ folder with Code.js and Sidebar.html (default ./dist). */
  dist?: string;
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  harness: Harness;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "Content-Type": type + "; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 1_000_000) throw new HttpError(413, "Request too large");
  }
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    throw new HttpError(400, "The request body is not JSON");
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startPreview(options: StartOptions): Promise<Preview> {
  const dist = options.dist ?? "dist";
  const log = options.log ?? (() => undefined);
  const file = options.workbookFile;
  const started = Date.now();
  const { harness, source } = await openWorkbook(file, {
    fresh: options.fresh,
    empty: options.empty,
    bundle: path.join(dist, "Code.js"),
  });
  log(
    source === "file"
      ? "Loaded " + file
      : "Built the " + source + " workbook in " + (Date.now() - started) + " ms; saved to " + file,
  );
  const ui = harness.ui;
  harness.call("showSidebar"); // open by default, as after choosing Open sidebar
  let version = 1;
  // Saving takes ~0.5 s on the sample, so changes in quick succession are saved once.
  let saveTimer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    save(harness, file);
  };
  const changed = () => {
    version++;
    if (!saveTimer) saveTimer = setTimeout(flush, 300);
  };

  function activeSheetName(): string {
    return harness.spreadsheet.getActiveSheet().getName();
  }

  function state() {
    const sidebar = ui.sidebars[ui.sidebars.length - 1];
    return {
      version,
      title: harness.spreadsheet.getName(),
      menus: ui.menus,
      sheets: harness.workbook.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, color: s.tabColor })),
      active: activeSheetName(),
      grid: gridView(harness, activeSheetName()),
      sidebarTitle: sidebar ? sidebar.getTitle() : null,
    };
  }

  /** Runs a menu item or edit, and reports what the person would see: alerts, toasts, a sidebar. */
  function observe(work: () => unknown) {
    const before = { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length };
    let error: string | null = null;
    let result: unknown;
    try {
      result = work();
    } catch (e) {
      error = message(e);
    }
    changed();
    const sidebar = ui.sidebars.length > before.sidebars ? ui.sidebars[ui.sidebars.length - 1] : null;
    return {
      result,
      error,
      alerts: ui.alerts.slice(before.alerts).map((a) => ({ title: a.title, prompt: a.prompt })),
      toasts: ui.toasts.slice(before.toasts),
      sidebarTitle: sidebar ? sidebar.getTitle() : null,
    };
  }

  async function api(method: string, route: string, req: http.IncomingMessage): Promise<unknown> {
    if (method === "GET" && route === "/api/version") return { version };
    if (method === "GET" && route === "/api/state") return state();
    if (method !== "POST") throw new HttpError(405, "Use POST");
    // A JSON content type makes a browser ask first (CORS preflight, never granted) before another site may post here.
    if (!String(req.headers["content-type"]).startsWith("application/json")) throw new HttpError(415, "Send JSON");
    const body = (await readJson(req)) as Record<string, unknown> | undefined;
    const run = /^\/api\/run\/([A-Za-z_$][\w$]*)$/.exec(route);
    if (run) {
      // Only the bundle's own top-level functions, as in Apps Script (not vm globals such as eval).
      if (!harness.functions.includes(run[1])) return { error: "Script function not found: " + run[1] };
      // google.script.run: the answer goes to the success handler, a thrown error to the failure handler.
      const args = Array.isArray(body?.args) ? body.args : [];
      try {
        const value = await harness.run(run[1], ...args);
        return { ok: value ?? null };
      } catch (e) {
        return { error: message(e) };
      } finally {
        if (!run[1].startsWith("get")) changed(); // get* calls only read
      }
    }
    if (route === "/api/menu") {
      const name = String(body?.functionName ?? "");
      if (!ui.menuItems().some((item) => item.functionName === name))
        throw new HttpError(404, "No menu item runs " + name);
      return observe(() => harness.call(name));
    }
    if (route === "/api/edit") {
      const sheet = String(body?.sheet ?? "");
      const a1 = String(body?.a1 ?? "");
      if (!harness.spreadsheet.getSheetByName(sheet) || !/^[A-Z]+[0-9]+$/.test(a1))
        throw new HttpError(400, "Expected a sheet and a cell like B2");
      return observe(() => harness.edit("'" + sheet.replace(/'/g, "''") + "'!" + a1, String(body?.input ?? "")));
    }
    if (route === "/api/activate") {
      const sheet = harness.spreadsheet.getSheetByName(String(body?.sheet ?? ""));
      if (!sheet) throw new HttpError(404, "No such sheet");
      harness.spreadsheet.setActiveSheet(sheet);
      changed();
      return state();
    }
    throw new HttpError(404, "Not found");
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const route = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = req.method ?? "GET";
    try {
      if (method === "GET" && route === "/") return send(res, 200, "text/html", pageHtml());
      if (route === "/favicon.ico") return send(res, 204, "text/plain", "");
      if (method === "GET" && route === "/preview.js") return send(res, 200, "text/javascript", scriptFor("client"));
      if (method === "GET" && route === "/sidebar") {
        // Read on every request, so a rebuilt sidebar shows on the next open.
        return send(res, 200, "text/html", sidebarHtml(fs.readFileSync(path.join(dist, "Sidebar.html"), "utf8")));
      }
      if (route.startsWith("/api/"))
        return send(res, 200, "application/json", JSON.stringify(await api(method, route, req)));
      send(res, 404, "text/plain", "Not found");
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log("Error on " + method + " " + route + ": " + (e instanceof Error ? e.stack : String(e)));
      send(res, status, "application/json", JSON.stringify({ error: message(e) }));
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: "http://localhost:" + port,
    harness,
    close: () =>
      new Promise<void>((resolve) => {
        if (saveTimer) flush();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
