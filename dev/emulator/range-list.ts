/** RangeList: several ranges of one sheet, written in one call (Sheet.getRangeList). */
import type { ExecutionContext } from "./context";
import type { Range } from "./range";
import type { Api } from "./types";
import type { SheetModel } from "./workbook";

type RangeListApi = Api<GoogleAppsScript.Spreadsheet.RangeList, "getRanges" | "setNumberFormat">;

export class RangeList implements RangeListApi {
  constructor(
    private ctx: ExecutionContext,
    private model: SheetModel,
    private ranges: Range[],
  ) {}

  getRanges(): Range[] {
    this.ctx.hit("RangeList.getRanges");
    return [...this.ranges];
  }

  /** One round trip for every range; refused whole, before any change, if one is protected. */
  setNumberFormat(format: string): RangeList {
    this.ctx.beforeWriteAll(
      "RangeList.setNumberFormat",
      this.model,
      this.ranges.map((range) => range.rect),
    );
    for (const range of this.ranges) range.applyNumberFormat(format);
    return this;
  }
}
