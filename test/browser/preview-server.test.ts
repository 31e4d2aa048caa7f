/** The preview server without a browser: its workbook file survives a restart, and its API's rules. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startPreview } from "../../dev/preview/server";

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-preview-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const post = async (url: string, body: unknown, type = "application/json") =>
  (await fetch(url, { method: "POST", headers: { "Content-Type": type }, body: JSON.stringify(body) })) as Response;

type Grid = { grid: { cells: { text: string }[][] } };
const shown = (state: Grid, row: number, col: number) => state.grid.cells[row - 1][col - 1].text;

test("the workbook file keeps the tracker, computed columns included, between runs", async () => {
  const workbookFile = path.join(dir, "workbook.json");
  let preview = await startPreview({ port: 0, workbookFile, empty: true });
  const menu = await (await post(preview.url + "/api/menu", { functionName: "setUpTrackerFromMenu" })).json();
  expect(menu.alerts[0].title).toBe("Set up tracker");
  const created = await (
    await post(preview.url + "/api/run/createObjective", {
      args: [
        {
          title: "Ship less, learn more",
          cycle: "2026-Q4",
          keyResults: [
            { title: "Experiments per month rise from 2 to 6", type: "increase", start: 2, target: 6, current: 4 },
          ],
        },
      ],
    })
  ).json();
  expect(created.ok.ok).toBe(true);
  await preview.close();

  preview = await startPreview({ port: 0, workbookFile });
  try {
    const state = (await post(preview.url + "/api/activate", { sheet: "Objectives" }).then((r) => r.json())) as Grid;
    expect(shown(state, 1, 9)).toBe("Progress");
    expect(shown(state, 2, 2)).toBe("Ship less, learn more");
    expect(shown(state, 2, 9)).toBe("50%");
  } finally {
    await preview.close();
  }
});

test("google.script.run reaches only the add-on's functions; posts must be JSON", async () => {
  const preview = await startPreview({ port: 0, workbookFile: path.join(dir, "workbook.json"), empty: true });
  try {
    expect(await (await post(preview.url + "/api/run/eval", { args: ["1+1"] })).json()).toEqual({
      error: "Script function not found: eval",
    });
    const refused = await (await post(preview.url + "/api/run/getOverview", { args: [{}] })).json();
    expect(refused.ok.ok).toBe(false); // the add-on's own answer passes through to the success handler
    expect((await post(preview.url + "/api/run/getOverview", { args: [{}] }, "text/plain")).status).toBe(415);
  } finally {
    await preview.close();
  }
});
