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
    private toRange: (r: Rect) => unknown,
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
    return this.toRange(this.data.rect ?? { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns });
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
  getEditors(): User[] {
    this.hit("getEditors");
    return [this.ctx.wb.owner, ...this.data.editors.filter((e) => e !== this.ctx.wb.owner)].map((e) => new User(e));
  }
  addEditor(emailAddress: string | User): Protection {
    return this.addEditors([emailAddress]);
  }
  addEditors(emailAddresses: (string | User)[]): Protection {
    this.hit("addEditors");
    for (const e of emailAddresses) {
      const email = typeof e === "string" ? e : e.getEmail();
      if (!this.data.editors.includes(email)) this.data.editors.push(email);
    }
    return this;
  }
  removeEditor(emailAddress: string | User): Protection {
    return this.removeEditors([emailAddress]);
  }
  removeEditors(emailAddresses: (string | User)[]): Protection {
    this.hit("removeEditors");
    const drop = new Set(emailAddresses.map((e) => (typeof e === "string" ? e : e.getEmail())));
    this.data.editors = this.data.editors.filter((e) => !drop.has(e));
    return this;
  }
  canEdit(): boolean {
    this.hit("canEdit");
    const email = this.ctx.email;
    return email === this.ctx.wb.owner || this.data.warningOnly || this.data.editors.includes(email);
  }
  setUnprotectedRanges(ranges: ProtectedRangeLike[]): Protection {
    this.hit("setUnprotectedRanges");
    if (this.data.type === ProtectionType.SHEET) {
      this.data.unprotected = ranges.map((r) => ({ row: r.getRow(), col: r.getColumn(), numRows: r.getNumRows(), numCols: r.getNumColumns() }));
    }
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    this.hit("getUnprotectedRanges");
    return this.data.unprotected.map(this.toRange);
  }
  remove(): void {
    this.hit("remove");
    this.model.protections = this.model.protections.filter((p) => p.id !== this.data.id);
  }
}
