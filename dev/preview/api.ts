/**
 * The preview's JSON API: the page's state, google.script.run calls, menu items, typing into a
 * cell and switching sheets, each answered with what the person would see.
 */
import type * as http from "http";
import { quoteSheetName } from "../emulator/a1";
import type { Harness } from "../harness/harness";
import { gridView } from "./grid";
import { HttpError, message, readJson } from "./http";

/** Sheets asks before an edit inside a warning-only protected range. */
export const PROTECTED_WARNING = {
  title: "Heads up!",
  text: "You're trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?",
};

export interface Api {
  /** Bumped on every change, so the page knows to refresh. */
  readonly version: number;
  handle(method: string, url: URL, req: http.IncomingMessage): Promise<unknown>;
}

/**
 * `books` are the spreadsheets the page can switch between (one, or a company tracker and its
 * teams'); `changed` is told after anything that may have written to one of them.
 */
export function createApi(books: Harness[], changed: () => void): Api {
  let shown = 0;
  let harness = books[0];
  let ui = harness.ui;
  let version = 1;
  const touch = () => {
    version++;
    changed();
  };

  function state(top: number) {
    const sidebar = ui.sidebars[ui.sidebars.length - 1];
    const active = harness.spreadsheet.getActiveSheet().getName();
    return {
      version,
      title: harness.spreadsheet.getName(),
      books: books.map((book) => book.spreadsheet.getName()),
      book: shown,
      menus: ui.menus,
      sheets: harness.workbook.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, color: s.tabColor })),
      active,
      grid: gridView(harness, active, top),
      sidebarTitle: sidebar ? sidebar.getTitle() : null,
    };
  }

  /** Runs a menu item or an edit, and reports what the person would see: alerts, toasts, a sidebar. */
  function observe(work: () => unknown) {
    const before = { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length };
    let error: string | null = null;
    let result: unknown;
    try {
      result = work();
    } catch (e) {
      error = message(e);
    }
    touch();
    const sidebar = ui.sidebars.length > before.sidebars ? ui.sidebars[ui.sidebars.length - 1] : null;
    return {
      result,
      error,
      alerts: ui.alerts.slice(before.alerts).map((a) => ({ title: a.title, prompt: a.prompt })),
      toasts: ui.toasts.slice(before.toasts),
      sidebarTitle: sidebar ? sidebar.getTitle() : null,
    };
  }

  /** google.script.run: the answer goes to the success handler, a thrown error to the failure handler. */
  async function run(name: string, body: Record<string, unknown> | undefined) {
    // Only the bundle's own top-level functions, as in Apps Script (not vm globals such as eval).
    if (!harness.functions.includes(name)) return { error: "Script function not found: " + name };
    const args = Array.isArray(body?.args) ? body.args : [];
    try {
      return { ok: (await harness.run(name, ...args)) ?? null };
    } catch (e) {
      return { error: message(e) };
    } finally {
      if (!name.startsWith("get")) touch(); // get* calls only read
    }
  }

  function menu(body: Record<string, unknown> | undefined) {
    const name = String(body?.functionName ?? "");
    if (!ui.menuItems().some((item) => item.functionName === name))
      throw new HttpError(404, "No menu item runs " + name);
    return observe(() => harness.call(name));
  }

  /** A person typing into a cell: asked first inside a warning-only protected range, then as Sheets does. */
  function edit(body: Record<string, unknown> | undefined) {
    const sheet = harness.spreadsheet.getSheetByName(String(body?.sheet ?? ""));
    const a1 = String(body?.a1 ?? "");
    if (!sheet || !/^[A-Z]+[0-9]+$/.test(a1)) throw new HttpError(400, "Expected a sheet and a cell like B2");
    const range = sheet.getRange(a1);
    if (body?.confirmed !== true && harness.emu.ctx.canEdit(sheet.model, range.rect).warning)
      return { confirm: PROTECTED_WARNING };
    return observe(() => {
      // What Sheets shows the person; the edit event holds live emulator objects and stays here.
      const { accepted, message, warnings } = harness.edit(range, String(body?.input ?? ""));
      return { accepted, message, warnings };
    });
  }

  function activate(body: Record<string, unknown> | undefined) {
    const sheet = harness.spreadsheet.getSheetByName(String(body?.sheet ?? ""));
    if (!sheet) throw new HttpError(404, "No such sheet");
    harness.spreadsheet.setActiveSheet(sheet);
    touch();
    return state(1);
  }

  /** Another spreadsheet of the preview, as opening it in a new tab of Sheets would show it. */
  function open(body: Record<string, unknown> | undefined) {
    const index = Number(body?.book);
    if (!Number.isInteger(index) || !books[index]) throw new HttpError(404, "No such spreadsheet");
    shown = index;
    harness = books[index];
    ui = harness.ui;
    touch();
    return state(1);
  }

  /** The person clicks Allow access on a cell showing "You need to connect these sheets". */
  function allow(body: Record<string, unknown> | undefined) {
    const sheet = String(body?.sheet ?? "");
    const a1 = String(body?.a1 ?? "");
    if (!harness.spreadsheet.getSheetByName(sheet) || !/^[A-Z]+[0-9]+$/.test(a1))
      throw new HttpError(400, "Expected a sheet and a cell like D2");
    return observe(() => harness.allowAccess(quoteSheetName(sheet) + "!" + a1));
  }

  return {
    get version() {
      return version;
    },
    async handle(method, url, req) {
      const route = url.pathname;
      if (method === "GET" && route === "/api/version") return { version };
      if (method === "GET" && route === "/api/state") return state(Number(url.searchParams.get("top") ?? 1));
      if (method !== "POST") throw new HttpError(405, "Use POST");
      // A JSON content type makes a browser ask first (CORS preflight, never granted) before another site may post here.
      if (!String(req.headers["content-type"]).startsWith("application/json")) throw new HttpError(415, "Send JSON");
      const body = await readJson(req);
      const call = /^\/api\/run\/([A-Za-z_$][\w$]*)$/.exec(route);
      if (call) return run(call[1], body);
      if (route === "/api/menu") return menu(body);
      if (route === "/api/edit") return edit(body);
      if (route === "/api/activate") return activate(body);
      if (route === "/api/open") return open(body);
      if (route === "/api/allow") return allow(body);
      throw new HttpError(404, "Not found");
    },
  };
}
