/**
 * One user's execution against a shared workbook: who is calling, what it costs (counters),
 * their UI (menus, alerts, sidebars). Two contexts on one workbook = two users on one spreadsheet.
 */
import { Counters } from "./counters";
import type { Rect } from "./model";
import { rectContains, rectsIntersect } from "./model";
import { rangeA1 } from "./a1";
import { SheetsError } from "./workbook";
import type { SheetModel, Workbook } from "./workbook";
import { UiState } from "./ui";

let tokens = 0;

/** A fresh identity for one execution: its locks are held under it. */
export function newExecutionToken(): string {
  return `execution-${++tokens}`;
}

export const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

export class ExecutionContext {
  counters = new Counters();
  ui = new UiState();
  /** The running execution's identity (the harness gives each execution its own). */
  token = newExecutionToken();
  /** Warnings Sheets would show for edits of warning-only protected ranges (user edits only). */
  warnings: string[] = [];
  /** ScriptApp.AuthMode of the running call: FULL, LIMITED (simple triggers), CUSTOM_FUNCTION. */
  authMode: "FULL" | "LIMITED" | "CUSTOM_FUNCTION" | "NONE" = "FULL";

  constructor(
    public wb: Workbook,
    public email: string,
  ) {}

  /** Counts a call and marks this context as the one touching the workbook. */
  hit(method: string): void {
    // AuthMode.NONE (onOpen of an add-on not yet used in this document): menus only.
    if (this.authMode === "NONE" && !/^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.)/.test(method)) {
      throw new SheetsError(`You do not have permission to call ${method}`);
    }
    this.counters.hit(method);
    this.wb.currentExecution = { token: this.token, user: this.email };
  }

  canEdit(model: SheetModel, rect: Rect): { ok: boolean; warning: boolean } {
    let warning = false;
    // The owner may edit everything, but warning-only protection warns every user, the owner too.
    const owner = this.email === this.wb.owner;
    for (const p of model.protections) {
      const covers = p.rect
        ? rectsIntersect(p.rect, rect)
        : !p.unprotected.some(
            (u) =>
              rectContains(u, rect.row, rect.col) &&
              rectContains(u, rect.row + rect.numRows - 1, rect.col + rect.numCols - 1),
          );
      if (!covers) continue;
      if (p.warningOnly) warning = true;
      else if (!owner && p.editorsSet && !p.editors.includes(this.email)) return { ok: false, warning };
    }
    return { ok: true, warning };
  }

  /** Every script write goes through here: protections (throw as Sheets does) and the lock audit. */
  beforeWrite(method: string, model: SheetModel, rect: Rect): void {
    this.beforeWriteAll(method, model, [rect]);
  }

  /** One call writing several ranges of a sheet (a RangeList): counted once, refused whole if any is protected. */
  beforeWriteAll(method: string, model: SheetModel, rects: readonly Rect[]): void {
    this.hit(method);
    if (this.authMode === "CUSTOM_FUNCTION")
      throw new SheetsError(`You do not have permission to call ${method.split(".")[1]}`);
    if (rects.some((rect) => !this.canEdit(model, rect).ok)) throw new SheetsError(PROTECTED_MESSAGE);
    const audit = this.wb.lockAudit;
    if (audit.enabled && this.wb.locks.document !== this.token) {
      for (const rect of rects)
        audit.violations.push({
          method,
          range: `${model.name}!${rangeA1(rect.row, rect.col, rect.numRows, rect.numCols, model.maxRows, model.maxColumns)}`,
          user: this.email,
        });
    }
  }
}
