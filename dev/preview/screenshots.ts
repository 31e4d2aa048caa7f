/**
 * Screenshots of the main views for the README (docs/screenshots/*.png), taken from the preview on
 * the sample tracker, and the time from opening the sidebar to a usable overview.
 * Run after a build: npx tsx dev/preview/screenshots.ts (the company roll-up's: add --company)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { startPreview } from "./server";

const OUT = path.join("docs", "screenshots");
const RUNS = 7;

/**
 * Inside the sidebar frame: the moment (ms since its navigation started) the first objective card
 * appears. A string, because tsx's compiled functions may refer to helpers the page lacks.
 */
const MARK_OVERVIEW = `
if (location.pathname === "/sidebar") {
  const mark = () => {
    if (!document.querySelector("article")) return false;
    window.overviewReady = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => mark() && observer.disconnect());
  document.addEventListener("DOMContentLoaded", () => mark() || observer.observe(document.body, { childList: true, subtree: true }));
}`;

async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole("menuitem", { name: "Extensions" }).click();
  await page.getByRole("menuitem", { name: "OKR Tracker" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function tab(page: Page, sheet: string): Promise<void> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: sheet }).waitFor();
}

/** Opens the sidebar from the menu RUNS times; the median of navigation start → first objective card. */
async function measureOpen(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await menu(page, "Open sidebar");
    const frame = page.frameLocator('iframe[title="Add-on sidebar"]');
    await frame.getByRole("article").first().waitFor();
    times.push(
      await frame.locator(":root").evaluate(() => (window as unknown as { overviewReady: number }).overviewReady),
    );
  }
  return times;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-screenshots-"));
  const preview = await startPreview({ port: 0, workbookFile: path.join(dir, "workbook.json"), fresh: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1000 } });
    await page.addInitScript(MARK_OVERVIEW);
    await page.goto(preview.url);
    const sidebar = page.frameLocator('iframe[title="Add-on sidebar"]');
    await sidebar.getByRole("article").first().waitFor();
    fs.mkdirSync(OUT, { recursive: true });

    await tab(page, "Objectives");
    await page.screenshot({ path: path.join(OUT, "overview.png") });

    await sidebar.getByRole("button", { name: "New objective" }).click();
    const form = sidebar.getByRole("form", { name: "New objective" });
    await form.getByLabel("Objective", { exact: true }).fill("New customers get value in their first week");
    await form.getByLabel("Team", { exact: true }).fill("Web");
    await form.getByLabel("Owner", { exact: true }).fill("Lucas Meyer");
    await form.getByRole("radio", { name: /^Aspirational/ }).check();
    const first = form.getByRole("group", { name: "Key result 1" });
    await first.getByLabel("Key result", { exact: true }).fill("1000 new users a day finish onboarding");
    await first.getByLabel("Start", { exact: true }).fill("400");
    await first.getByLabel("Target", { exact: true }).fill("1000");
    await first.getByLabel("Unit", { exact: true }).fill("users/day");
    // A second key result that restates the roadmap, to show the sidebar's hint.
    await form.getByRole("button", { name: "Add key result" }).click();
    const second = form.getByRole("group", { name: "Key result 2" });
    await second.getByLabel("Type", { exact: true }).selectOption("milestone");
    await second
      .getByLabel("Key result", { exact: true })
      .fill("All features in Frontend Observability Phase 2 are delivered");
    await second
      .getByRole("status")
      .getByText(/Restates/)
      .waitFor();
    await second.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "create-form.png") });
    await form.getByRole("button", { name: "Cancel" }).click();

    await tab(page, "Key Results");
    await sidebar.getByRole("button", { name: /^Check in p95 payment confirmation time/ }).click();
    await sidebar.getByRole("list", { name: /^Recent history of/ }).waitFor();
    await sidebar.getByLabel("New value").fill("2.4");
    await sidebar.getByLabel("Note").fill("Retries moved to a queue.");
    await page.screenshot({ path: path.join(OUT, "check-in.png") });
    await sidebar.getByRole("button", { name: "Cancel" }).click();

    await tab(page, "History");
    await page.getByRole("button", { name: "Close sidebar" }).click();
    await page.screenshot({ path: path.join(OUT, "history.png") });

    // Last, because it closes the sample's cycle: the close form, then the end-of-cycle view.
    await tab(page, "Objectives");
    await menu(page, "Open sidebar");
    const closing = page.frameLocator('iframe[title="Add-on sidebar"]');
    await closing.getByRole("button", { name: /^Close \d{4}-Q\d…$/ }).click();
    const closeForm = closing.getByRole("form", { name: /^Close / });
    const retrospectives: [string, string][] = [
      ["O-1", "Retries in a queue fixed the p95; conversion is bound by the card form, not speed."],
      ["O-2", "Source maps made errors findable; alerting on new error types mattered more than dashboards."],
      ["O-3", "Evening reminders worked only with content people asked for."],
    ];
    for (const [id, text] of retrospectives)
      await closeForm.getByLabel("What we learned from " + id + " (optional)").fill(text);
    await closeForm.getByRole("checkbox", { name: /^Close early/ }).check();
    await page.screenshot({ path: path.join(OUT, "close-cycle.png") });
    await closeForm.getByRole("button", { name: /and freeze grades$/ }).click();
    await closing.getByRole("list", { name: /^Final scores of / }).waitFor();
    await page.screenshot({ path: path.join(OUT, "end-of-cycle.png") });
    // The aspirational objectives further down: one short of 0.7 (red), one a success (green).
    await closing.locator('li[data-objective-id="O-4"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "end-of-cycle-aspirational.png") });
    await closing.getByRole("button", { name: /^Reopen / }).click();
    await closing.getByText(/^Reopened /).waitFor();

    await tab(page, "Objectives");
    const times = await measureOpen(page);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      "Screenshots in " +
        OUT +
        ": overview.png, create-form.png, check-in.png, history.png, close-cycle.png, end-of-cycle.png, end-of-cycle-aspirational.png",
    );
    console.log(
      "Sidebar open (iframe navigation start) to first objective card, " +
        RUNS +
        " runs: median " +
        median.toFixed(0) +
        " ms (" +
        times.map((t) => t.toFixed(0)).join(", ") +
        ")",
    );
    console.log("dist/Sidebar.html: " + fs.statSync(path.join("dist", "Sidebar.html")).size + " bytes");
  } finally {
    await browser.close();
    await preview.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The company roll-up (`--company`): Teams with Platform waiting for Allow access, then Roll-up once
 * it is allowed. Run alone: npx tsx dev/preview/screenshots.ts --company
 */
async function companyShots(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-company-"));
  const preview = await startPreview({ port: 0, workbookFile: dir, fresh: true, company: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 760 } });
    await page.goto(preview.url);
    await page.getByRole("button", { name: "Close sidebar" }).click();
    fs.mkdirSync(OUT, { recursive: true });
    await tab(page, "Teams");
    await page.locator('td[data-cell="D3"]').click();
    await page.getByRole("group", { name: "Connect spreadsheets" }).waitFor();
    await page.screenshot({ path: path.join(OUT, "company-connect.png") });
    await page.getByRole("button", { name: "Allow access" }).click();
    await page.locator('td[data-cell="E3"]', { hasText: "Connected" }).waitFor();
    await tab(page, "Roll-up");
    await page.locator('td[data-cell^="B"]', { hasText: "Platform" }).first().waitFor();
    await page.screenshot({ path: path.join(OUT, "company-rollup.png") });
    console.log("Screenshots in " + OUT + ": company-connect.png, company-rollup.png");
  } finally {
    await browser.close();
    await preview.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(process.argv.includes("--company") ? companyShots() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
