/** Protected ranges and sheets (Range.protect, Sheet.protect). */
import type { ExecutionContext } from "./context";
import type { ProtectionData, Rect } from "./model";
import type { SheetModel } from "./workbook";

export enum ProtectionType {
  RANGE = "RANGE",
  SHEET = "SHEET",
}

export class User {
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email.split("@")[0];
  }
}

/** Anything with a sheet-relative position (our Range). */
export interface ProtectedRangeLike {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

export class Protection {
  constructor(
    private ctx: ExecutionContext,
    private model: SheetModel,
    readonly data: ProtectionData,
    private toRange: (r: Rect, wholeSheet?: boolean) => unknown,
  ) {}

  private hit(m: string): void {
    this.ctx.hit(`Protection.${m}`);
  }
  getProtectionType(): ProtectionType {
    this.hit("getProtectionType");
    return this.data.type as ProtectionType;
  }
  getRange(): unknown {
    this.hit("getRange");
    if (this.data.rect) return this.toRange(this.data.rect);
    return this.toRange({ row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns }, true);
  }
  getDescription(): string {
    this.hit("getDescription");
    return this.data.description;
  }
  setDescription(description: string): Protection {
    this.hit("setDescription");
    this.data.description = description;
    return this;
  }
  isWarningOnly(): boolean {
    this.hit("isWarningOnly");
    return this.data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.hit("setWarningOnly");
    this.data.warningOnly = warningOnly;
    return this;
  }
  /**
   * The editors as Sheets reports them: none for a warning-only protection (gas-fakes' live test;
   * the Sheets API: "Editors are not supported with warningOnly protection"), else the
   * spreadsheet's until the script changes the list.
   */
  private effectiveEditors(): string[] {
    if (this.data.warningOnly) return [];
    return this.editorList();
  }
  private editorList(): string[] {
    const wb = this.ctx.wb;
    const list = this.data.editorsSet ? this.data.editors : [wb.owner, ...wb.editors];
    return [wb.owner, ...list.filter((e) => e !== wb.owner)];
  }
  private customize(): void {
    if (!this.data.editorsSet) {
      this.data.editors = this.editorList();
      this.data.editorsSet = true;
    }
  }
  getEditors(): User[] {
    this.hit("getEditors");
    return this.effectiveEditors().map((e) => new User(e));
  }
  addEditor(emailAddress: string | User): Protection {
    return this.addEditors([emailAddress]);
  }
  addEditors(emailAddresses: (string | User)[]): Protection {
    this.hit("addEditors");
    this.customize();
    for (const e of emailAddresses) {
      const email = typeof e === "string" ? e : e.getEmail();
      if (!this.data.editors.includes(email)) this.data.editors.push(email);
    }
    return this;
  }
  removeEditor(emailAddress: string | User): Protection {
    return this.removeEditors([emailAddress]);
  }
  /** Neither the spreadsheet's owner nor the current user can be removed. */
  removeEditors(emailAddresses: (string | User)[]): Protection {
    this.hit("removeEditors");
    this.customize();
    const keep = new Set([this.ctx.wb.owner, this.ctx.email]);
    const drop = new Set(
      emailAddresses.map((e) => (typeof e === "string" ? e : e.getEmail())).filter((e) => !keep.has(e)),
    );
    this.data.editors = this.data.editors.filter((e) => !drop.has(e));
    return this;
  }
  canEdit(): boolean {
    this.hit("canEdit");
    return this.data.warningOnly || this.editorList().includes(this.ctx.email);
  }
  setUnprotectedRanges(ranges: ProtectedRangeLike[]): Protection {
    this.hit("setUnprotectedRanges");
    if (this.data.type === ProtectionType.SHEET) {
      this.data.unprotected = ranges.map((r) => ({
        row: r.getRow(),
        col: r.getColumn(),
        numRows: r.getNumRows(),
        numCols: r.getNumColumns(),
      }));
    }
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    this.hit("getUnprotectedRanges");
    return this.data.unprotected.map((r) => this.toRange(r));
  }
  remove(): void {
    this.hit("remove");
    this.model.protections = this.model.protections.filter((p) => p.id !== this.data.id);
  }
}
