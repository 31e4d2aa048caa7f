/**
 * Browser tests' helpers: Debian's chromium driven by playwright-core, one browser per test file,
 * and for each test a fresh preview server (in this process) on a free port with its own workbook.
 * Every session is strict: a page error, a console error or an HTTP 5xx in any frame fails the test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Frame, FrameLocator, Locator, Page } from "playwright-core";
import { launchChromium } from "../../dev/preview/chromium";
import { startPreview, type Preview } from "../../dev/preview/server";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join("dist", "Sidebar.html")))
    throw new Error("dist/ is missing: run `npm run build` first.");
  return launchChromium();
}

export interface Session {
  page: Page;
  preview: Preview;
  /** The add-on's sidebar (inside its iframe). */
  sidebar: FrameLocator;
  /** Dialogs (alert, confirm) any frame opened. */
  dialogs: string[];
  /** Page errors, console errors and HTTP 5xx answers seen so far (close() fails if any). */
  problems: string[];
  /** Closes the page and the preview; throws if the page had problems. */
  close(): Promise<void>;
}

/** Records what must never happen in a browser test: uncaught errors, console errors, server errors. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push("console error: " + message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 500) problems.push("HTTP " + response.status() + " from " + response.url());
  });
  page.on("crash", () => problems.push("the page crashed"));
  return problems;
}

/** `setUp`: the tracker set up; `sample`: the sample tracker `npm start` opens on (instead of an empty spreadsheet). */
export interface OpenOptions {
  setUp?: boolean;
  sample?: boolean;
  /** The company sample: a company tracker and two team trackers (`npm start -- --company`). */
  company?: boolean;
}

/**
 * A preview on an empty workbook; with `setUp`, the tracker is set up first (as by the menu item),
 * so a test that is not about set-up starts where a manager would.
 */
export async function openPreview(browser: Browser, opts: OpenOptions = {}): Promise<Session> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-preview-"));
  const workbookFile = opts.company ? dir : path.join(dir, "workbook.json");
  const preview = await startPreview({
    port: 0,
    workbookFile,
    ...(opts.company ? { company: true, fresh: true } : opts.sample ? { fresh: true } : { empty: true }),
  });
  if (opts.setUp) {
    preview.harness.clickMenu("Set up tracker");
    preview.harness.spreadsheet.setActiveSheet(preview.harness.spreadsheet.getSheetByName("Objectives")!);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(preview.url);
  await page.locator('td[data-cell="A1"]').waitFor();
  let closed = false;
  return {
    page,
    preview,
    sidebar: page.frameLocator('iframe[title="Add-on sidebar"]'),
    dialogs,
    problems,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await preview.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      if (problems.length) throw new Error("The page had problems:\n" + problems.join("\n"));
    },
  };
}

/**
 * One browser for the test file and a fresh preview per test, closed after it. Call at the top of
 * a test file; `open` starts the test's preview.
 */
export function previewSuite(): { open(opts?: OpenOptions): Promise<Session> } {
  jest.setTimeout(120_000);
  let browser: Browser | undefined;
  let current: Session | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close(); // throws, failing the test, on any page error, console error or HTTP 5xx
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(opts = {}) {
      if (!browser) throw new Error("The browser did not start (see beforeAll).");
      current = await openPreview(browser, opts);
      return current;
    },
  };
}

/** Polls until `read` gives a value `ok` accepts; fails with the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeout = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline)
      throw new Error("Timed out waiting for " + what + "; last seen: " + JSON.stringify(last));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text a grid cell shows, e.g. cellText(page, "B2"). */
export function cell(page: Page, a1: string): Locator {
  return page.locator('td[data-cell="' + a1 + '"]');
}

export async function cellShows(page: Page, a1: string, text: string): Promise<void> {
  await until(
    () => cell(page, a1).textContent(),
    (t) => t === text,
    "cell " + a1 + " to show " + JSON.stringify(text),
  );
}

export async function openTab(page: Page, sheet: string): Promise<void> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await until(
    () => page.getByRole("tab", { name: sheet, exact: true }).getAttribute("aria-selected"),
    (v) => v === "true",
    "tab " + sheet,
  );
}

export async function clickMenu(page: Page, item: string): Promise<void> {
  await page.getByRole("menuitem", { name: "Extensions" }).click();
  await page.getByRole("menuitem", { name: "OKR Tracker" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

export interface KrFields {
  title: string;
  type: "increase" | "decrease" | "percentage" | "milestone";
  start?: string;
  target?: string;
  unit?: string;
}

/** Fills the sidebar's new-objective form (opened by "New objective") without submitting it. */
export async function fillObjective(
  sidebar: FrameLocator,
  title: string,
  krs: KrFields[],
  commitment: "Committed" | "Aspirational" | null = "Aspirational",
): Promise<Locator> {
  await sidebar.getByRole("button", { name: "New objective" }).click();
  const form = sidebar.getByRole("form", { name: "New objective" });
  await form.getByLabel("Objective", { exact: true }).fill(title);
  if (commitment) await form.getByRole("radio", { name: new RegExp("^" + commitment) }).check();
  for (let i = 0; i < krs.length; i++) {
    if (i > 0) await form.getByRole("button", { name: "Add key result" }).click();
    const group = form.getByRole("group", { name: "Key result " + (i + 1) });
    const kr = krs[i];
    await group.getByLabel("Key result", { exact: true }).fill(kr.title);
    await group.getByLabel("Type", { exact: true }).selectOption(kr.type);
    if (kr.start !== undefined) await group.getByLabel("Start", { exact: true }).fill(kr.start);
    if (kr.target !== undefined) await group.getByLabel("Target", { exact: true }).fill(kr.target);
    if (kr.unit !== undefined) await group.getByLabel("Unit", { exact: true }).fill(kr.unit);
  }
  return form;
}

/** What axe-core finds wrong in a document (or the part `selector` picks): serious and critical only. */
export async function accessibilityProblems(target: Page | Frame, selector?: string): Promise<string[]> {
  const loaded = await target.evaluate(() => "axe" in window);
  if (!loaded) await target.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const results = await target.evaluate(async (within) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const found = await axe.run(within ? { include: [within] } : document, { resultTypes: ["violations"] });
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary),
    }));
  }, selector ?? null);
  return results
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.impact + " " + v.id + " (" + v.help + "):\n  " + v.nodes.join("\n  "));
}

/** The sidebar's frame, for evaluating inside it. */
export function sidebarFrame(page: Page): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === "/sidebar");
  if (!frame) throw new Error("The sidebar is not open.");
  return frame;
}
