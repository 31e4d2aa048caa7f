/** The browser tests' own guard: a page error, a console error or an HTTP 5xx fails the test. */
import * as fs from "fs";
import * as path from "path";
import { previewSuite, until } from "./preview-page";

const suite = previewSuite();

test("a page error, a console error and a server error, in the page or the sidebar, are all caught", async () => {
  const session = await suite.open();
  const { page, problems } = session;
  await session.sidebar.getByRole("button", { name: "Set up tracker" }).waitFor();
  await page.route("**/api/version", (route) => route.fulfill({ status: 503, body: "{}" }));
  await page.evaluate(() => setTimeout(() => JSON.parse("{"), 0));
  await session.sidebar.locator(":root").evaluate(() => {
    console.error("seen in the sidebar");
    setTimeout(() => {
      throw new Error("thrown in the sidebar");
    }, 0);
  });
  await until(
    async () => problems.join("\n"),
    (text) =>
      /page error: .*JSON/.test(text) &&
      /page error: thrown in the sidebar/.test(text) &&
      /console error: seen in the sidebar/.test(text) &&
      /HTTP 503/.test(text),
    "all three problems to be recorded",
  );
  await page.unroute("**/api/version");
  // This test caused them on purpose; any other test fails on them when its session closes.
  await expect(session.close()).rejects.toThrow(/The page had problems/);
});

test("every browser test file runs its pages through previewSuite, so none escapes the strict checks", () => {
  const dir = path.join(__dirname);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".test.ts"))) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const usesBrowser = /chromium|playwright|launchBrowser|openPreview/.test(source.replace(/^import .*$/gm, ""));
    if (usesBrowser || /previewSuite/.test(source))
      expect([file, /previewSuite\(\)/.test(source)]).toEqual([file, true]);
  }
});
