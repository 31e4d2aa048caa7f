/**
 * The Apps Script globals one user's execution sees: SpreadsheetApp, LockService,
 * PropertiesService, CacheService, Session, Utilities, HtmlService, Logger.
 */
import { randomUUID } from "crypto";
import { Charts } from "./charts";
import { ConditionalFormatRuleBuilder, BooleanCriteria } from "./conditional-format";
import type { ExecutionContext } from "./context";
import { DataValidationBuilder, DataValidationCriteria } from "./data-validation";
import { formatJavaDate } from "./java-date-format";
import { createHtmlService } from "./html";
import { ProtectionType } from "./protection";
import { Spreadsheet } from "./spreadsheet";
import { Button, ButtonSet, Ui } from "./ui";
import { SheetsError } from "./workbook";

export interface ServiceOptions {
  /** Folder createHtmlOutputFromFile reads from (default "dist"). */
  htmlFolder?: string;
  /** Name shown for createAddonMenu() (the add-on's name). */
  addonName?: string;
  /** Script time zone (appsscript.json); defaults to the spreadsheet's. */
  scriptTimeZone?: string;
}

const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/**
 * Lock (developers.google.com/apps-script/reference/lock/lock). Locks belong to an execution
 * (ctx.token) and end with it. While another execution holds the lock, the caller waits: with a
 * scheduler (dev/harness/interleave.ts) until it is released or the timeout passes in simulated
 * time; without one nothing else can run meanwhile, so the wait times out.
 */
export class Lock {
  constructor(
    private ctx: ExecutionContext,
    private kind: string,
  ) {}
  private hit(m: string): void {
    this.ctx.hit(`Lock.${m}`);
  }
  private acquire(timeoutInMillis: number): boolean {
    const locks = this.ctx.wb.locks;
    const token = this.ctx.token;
    if (locks[this.kind] === token) return true;
    // A negative timeout fails even on a free lock (gas-fakes' live test).
    if (timeoutInMillis < 0) return false;
    if (!locks[this.kind]) {
      locks[this.kind] = token;
      return true;
    }
    const arbiter = this.ctx.wb.lockArbiter;
    return arbiter ? arbiter.wait(this.kind, token, timeoutInMillis) : false;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.hit("tryLock");
    return this.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    this.hit("waitLock");
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
  hasLock(): boolean {
    this.hit("hasLock");
    return this.ctx.wb.locks[this.kind] === this.ctx.token;
  }
  releaseLock(): void {
    this.hit("releaseLock");
    this.ctx.wb.releaseLock(this.kind, this.ctx.token);
  }
}

/** Quotas (developers.google.com/apps-script/guides/services/quotas): 9 KB a value, 500 KB a store. */
const PROPERTY_VALUE_MAX = 9 * 1024;
const PROPERTY_STORE_MAX = 500 * 1024;
/** Reported for a single value over 9 KB as well (live observations: docs/EMULATOR.md). */
const PROPERTY_QUOTA = "You have exceeded the property storage quota. Please remove some properties and try again.";

export class Properties {
  constructor(
    private store: Map<string, string>,
    private hit: (m: string) => void,
  ) {}

  private put(entries: [string, string][], replaceAll: boolean): void {
    const next = new Map(replaceAll ? [] : this.store);
    for (const [k, v] of entries) {
      if (Buffer.byteLength(v, "utf8") > PROPERTY_VALUE_MAX) throw new Error(PROPERTY_QUOTA);
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += Buffer.byteLength(k, "utf8") + Buffer.byteLength(v, "utf8");
    if (total > PROPERTY_STORE_MAX) throw new Error(PROPERTY_QUOTA);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
  getProperty(key: string): string | null {
    this.hit("Properties.getProperty");
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): Properties {
    this.hit("Properties.setProperty");
    this.put([[key, String(value)]], false);
    return this;
  }
  getProperties(): Record<string, string> {
    this.hit("Properties.getProperties");
    return Object.fromEntries(this.store);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): Properties {
    this.hit("Properties.setProperties");
    this.put(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers,
    );
    return this;
  }
  getKeys(): string[] {
    this.hit("Properties.getKeys");
    return [...this.store.keys()];
  }
  deleteProperty(key: string): Properties {
    this.hit("Properties.deleteProperty");
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): Properties {
    this.hit("Properties.deleteAllProperties");
    this.store.clear();
    return this;
  }
}

export class Cache {
  constructor(
    private store: Map<string, { value: string; expires: number }>,
    private hit: (m: string) => void,
  ) {}
  private live(key: string): string | null {
    const e = this.store.get(key);
    if (!e) return null;
    if (e.expires < Date.now()) {
      this.store.delete(key);
      return null;
    }
    return e.value;
  }
  get(key: string): string | null {
    this.hit("Cache.get");
    return this.live(key);
  }
  getAll(keys: string[]): Record<string, string> {
    this.hit("Cache.getAll");
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  /** Default expiration 600 s, maximum 21600 s; values up to 100 KB (as documented). */
  put(key: string, value: string, expirationInSeconds = 600): void {
    this.hit("Cache.put");
    if (String(value).length > 100 * 1024) throw new Error("Argument too large: value");
    this.store.set(key, { value: String(value), expires: Date.now() + Math.min(expirationInSeconds, 21600) * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    this.hit("Cache.putAll");
    for (const [k, v] of Object.entries(values)) {
      this.store.set(k, { value: String(v), expires: Date.now() + Math.min(expirationInSeconds, 21600) * 1000 });
    }
  }
  remove(key: string): void {
    this.hit("Cache.remove");
    this.store.delete(key);
  }
  removeAll(keys: string[]): void {
    this.hit("Cache.removeAll");
    for (const k of keys) this.store.delete(k);
  }
}

export function createServices(ctx: ExecutionContext, opts: ServiceOptions = {}) {
  const hit = (m: string) => ctx.hit(m);
  const wb = ctx.wb;
  const spreadsheet = new Spreadsheet(ctx);
  const userStore = () => {
    let s = wb.userProperties.get(ctx.email);
    if (!s) {
      s = new Map();
      wb.userProperties.set(ctx.email, s);
    }
    return s;
  };
  const logs: string[] = [];
  const user = () => ({ getEmail: () => ctx.email, toString: () => ctx.email });

  const SpreadsheetApp = {
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,
    getActiveSpreadsheet: () => (hit("SpreadsheetApp.getActiveSpreadsheet"), spreadsheet),
    getActive: () => (hit("SpreadsheetApp.getActive"), spreadsheet),
    getActiveSheet: () => (hit("SpreadsheetApp.getActiveSheet"), spreadsheet.getActiveSheet()),
    getUi: () => {
      hit("SpreadsheetApp.getUi");
      if (ctx.authMode === "CUSTOM_FUNCTION") throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
      return new Ui(ctx.ui, opts.addonName ?? "Add-on", hit);
    },
    newDataValidation: () => (
      hit("SpreadsheetApp.newDataValidation"),
      new DataValidationBuilder((d) => spreadsheet.getActiveSheet().sourceOf(d))
    ),
    newConditionalFormatRule: () => {
      hit("SpreadsheetApp.newConditionalFormatRule");
      return new ConditionalFormatRuleBuilder((r) =>
        spreadsheet.getActiveSheet().rangeAt(r.row, r.col, r.numRows, r.numCols),
      );
    },
    flush: () => hit("SpreadsheetApp.flush"),
  };

  const LockService = {
    getDocumentLock: () => (hit("LockService.getDocumentLock"), new Lock(ctx, "document")),
    getScriptLock: () => (hit("LockService.getScriptLock"), new Lock(ctx, "script")),
    getUserLock: () => (hit("LockService.getUserLock"), new Lock(ctx, `user:${ctx.email}`)),
  };

  const PropertiesService = {
    getDocumentProperties: () => (
      hit("PropertiesService.getDocumentProperties"),
      new Properties(wb.documentProperties, hit)
    ),
    getScriptProperties: () => (hit("PropertiesService.getScriptProperties"), new Properties(wb.scriptProperties, hit)),
    getUserProperties: () => (hit("PropertiesService.getUserProperties"), new Properties(userStore(), hit)),
  };

  const CacheService = {
    getDocumentCache: () => (hit("CacheService.getDocumentCache"), new Cache(wb.documentCache, hit)),
    getScriptCache: () => (hit("CacheService.getScriptCache"), new Cache(wb.scriptCache, hit)),
    getUserCache: () => (hit("CacheService.getUserCache"), new Cache(wb.scriptCache, hit)),
  };

  const Session = {
    getActiveUser: () => (hit("Session.getActiveUser"), user()),
    getEffectiveUser: () => (hit("Session.getEffectiveUser"), user()),
    getScriptTimeZone: () => (hit("Session.getScriptTimeZone"), opts.scriptTimeZone ?? wb.timeZone),
    getActiveUserLocale: () => (hit("Session.getActiveUserLocale"), "en"),
    getTemporaryActiveUserKey: () => (hit("Session.getTemporaryActiveUserKey"), `key-${ctx.email}`),
  };

  const Utilities = {
    formatDate: (date: Date, timeZone: string, format: string) => (
      hit("Utilities.formatDate"),
      formatJavaDate(date, timeZone, format)
    ),
    getUuid: () => (hit("Utilities.getUuid"), randomUUID()),
    sleep: (_ms: number) => hit("Utilities.sleep"),
    base64Encode: (s: string) => (hit("Utilities.base64Encode"), Buffer.from(String(s), "utf8").toString("base64")),
    base64Decode: (s: string) => (
      hit("Utilities.base64Decode"),
      [...Buffer.from(s, "base64")].map((b) => (b > 127 ? b - 256 : b))
    ),
    newBlob: (data: string) => (hit("Utilities.newBlob"), { getDataAsString: () => String(data) }),
  };

  const HtmlService = createHtmlService(() => opts.htmlFolder ?? "dist", hit);

  const Logger = {
    log: (...args: unknown[]) => {
      logs.push(args.map(String).join(" "));
      return Logger;
    },
    getLog: () => logs.join("\n"),
    clear: () => void (logs.length = 0),
  };

  const Browser = { Buttons: { OK: Button.OK }, ButtonSet };

  return {
    SpreadsheetApp,
    LockService,
    PropertiesService,
    CacheService,
    Session,
    Utilities,
    HtmlService,
    Logger,
    Browser,
    Charts,
    spreadsheet,
    logs,
  };
}

export { SheetsError };
