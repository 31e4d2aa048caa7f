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

type Cell = { text: string; edit?: string };
type Grid = { grid: { frozenRows: number; top: number; rowCount: number; frozen: Cell[][]; rows: Cell[][] } };
const cellOf = ({ grid }: Grid, row: number, col: number) =>
  (row <= grid.frozenRows ? grid.frozen[row - 1] : grid.rows[row - grid.top])[col - 1];
const shown = (state: Grid, row: number, col: number) => cellOf(state, row, col).text;

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

test("typing into a cell answers what Sheets shows: a refusal's help text, the question before a protected column", async () => {
  const workbookFile = path.join(dir, "workbook.json");
  const preview = await startPreview({ port: 0, workbookFile, empty: true });
  try {
    preview.harness.clickMenu("Set up tracker");
    await preview.harness.run("createObjective", {
      title: "Ship less, learn more",
      cycle: preview.harness.values("Cycles!A2")[0][0],
      keyResults: [{ title: "Experiments per month rise from 2 to 6", type: "increase", start: 2, target: 6 }],
    });
    const edit = (a1: string, input: string, confirmed?: boolean) =>
      post(preview.url + "/api/edit", { sheet: "Key Results", a1, input, confirmed }).then(async (r) => {
        expect(r.status).toBe(200);
        return r.json();
      });
    const refused = await edit("G2", "lots");
    expect(refused.result).toEqual({ accepted: false, message: expect.stringMatching(/number/), warnings: [] });

    const asked = await edit("V2", "0.9");
    expect(asked).toEqual({ confirm: { title: "Heads up!", text: expect.stringMatching(/Edit anyway\?/) } });
    expect(preview.harness.spreadsheet.getRange("'Key Results'!V1").getFormula()).toMatch(/^=ARRAYFORMULA/);

    const typed = await edit("G2", "4");
    expect(typed.result).toEqual({ accepted: true, warnings: [] });
    expect(preview.harness.spreadsheet.getRange("'Key Results'!V2").getDisplayValue()).toBe("50%");
  } finally {
    await preview.close();
  }
});

test("the grid sends a window of rows with the frozen header, and what the cell editor starts from", async () => {
  const preview = await startPreview({ port: 0, workbookFile: path.join(dir, "workbook.json"), empty: true });
  try {
    const sheet = preview.harness.spreadsheet.getActiveSheet();
    sheet.setFrozenRows(1);
    sheet.getRange("A1:C1").setValues([["Title", "Share", "Due"]]);
    sheet.getRange("A2:C2").setValues([["'=IMPORTXML(x)", 0.375, "2026-10-01"]]);
    sheet.getRange("B2").setNumberFormat("0%");
    sheet.getRange("A700").setValue("far down");
    const get = (top: number) => fetch(preview.url + "/api/state?top=" + top).then((r) => r.json() as Promise<Grid>);

    const first = await get(1);
    expect([first.grid.top, first.grid.rowCount]).toEqual([2, 712]);
    expect(first.grid.rows.length).toBeLessThan(200);
    expect(cellOf(first, 2, 1)).toEqual({ text: "=IMPORTXML(x)", edit: "'=IMPORTXML(x)" });
    expect(cellOf(first, 2, 2)).toMatchObject({ text: "38%", edit: "37.5%" });
    expect(cellOf(first, 2, 3)).toMatchObject({ text: "2026-10-01", edit: "10/1/2026" });

    const far = await get(650);
    expect(shown(far, 1, 1)).toBe("Title"); // the frozen header comes with every window
    expect(shown(far, 700, 1)).toBe("far down");
  } finally {
    await preview.close();
  }
});
