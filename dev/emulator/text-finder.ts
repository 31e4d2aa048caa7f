/**
 * TextFinder over a range (Range.createTextFinder, Sheet.createTextFinder): what the add-on uses to
 * find one row by its ID without reading the whole column. As Sheets documents, matching is on the
 * text the cells show, case-insensitive and anywhere in the cell unless matchCase / matchEntireCell
 * say otherwise; findNext walks the range row by row. Setting options is local (a builder); each
 * search is one call.
 */
import type { ExecutionContext } from "./context";
import type { Range } from "./range";
import type { Api } from "./types";

type TextFinderApi = Api<GoogleAppsScript.Spreadsheet.TextFinder, "findAll" | "matchCase" | "matchEntireCell">;

export class TextFinder implements TextFinderApi {
  private entireCell = false;
  private caseSensitive = false;
  /** Index of the current match in the range's cells (row by row), -1 before the first search. */
  private position = -1;

  constructor(
    private ctx: ExecutionContext,
    private range: Range,
    private text: string,
  ) {}

  matchEntireCell(matchEntireCell: boolean): TextFinder {
    this.ctx.hit("TextFinder.matchEntireCell");
    this.entireCell = matchEntireCell;
    return this;
  }

  matchCase(matchCase: boolean): TextFinder {
    this.ctx.hit("TextFinder.matchCase");
    this.caseSensitive = matchCase;
    return this;
  }

  private matches(): number[] {
    const shown = this.range.displayUncounted();
    const wanted = this.caseSensitive ? this.text : this.text.toLowerCase();
    const width = this.range.rect.numCols;
    const found: number[] = [];
    shown.forEach((line, i) =>
      line.forEach((cell, j) => {
        const text = this.caseSensitive ? cell : cell.toLowerCase();
        if (wanted !== "" && (this.entireCell ? text === wanted : text.includes(wanted))) found.push(i * width + j);
      }),
    );
    return found;
  }

  private cell(index: number): Range {
    const { row, col, numCols } = this.range.rect;
    return this.range.sheetUncounted().rangeAt(row + Math.floor(index / numCols), col + (index % numCols));
  }

  findAll(): Range[] {
    this.ctx.hit("TextFinder.findAll");
    return this.matches().map((i) => this.cell(i));
  }

  findNext(): Range | null {
    this.ctx.hit("TextFinder.findNext");
    const found = this.matches();
    if (!found.length) return null;
    this.position = found.find((i) => i > this.position) ?? found[0];
    return this.cell(this.position);
  }

  findPrevious(): Range | null {
    this.ctx.hit("TextFinder.findPrevious");
    const found = this.matches();
    if (!found.length) return null;
    const before = found.filter((i) => i < this.position);
    this.position = this.position < 0 || !before.length ? found[found.length - 1] : before[before.length - 1];
    return this.cell(this.position);
  }
}
