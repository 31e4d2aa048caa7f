/**
 * Runs a built Apps Script bundle (default dist/Code.js) against the emulator, calling its
 * top-level functions the way Apps Script does: menu items, simple triggers, google.script.run
 * calls from the sidebar, and custom functions from formulas.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { createEmulator, userEdit } from "../emulator";
import type { EditEvent, Emulator, EmulatorOptions, UserEditResult } from "../emulator";
import type { Range } from "../emulator/range";
import type { Workbook } from "../emulator/workbook";
import { inspectBundle } from "./bundle";
import { newExecutionToken } from "../emulator/context";
import { RealmBridge } from "./realm";
import type { CallInterceptor } from "./realm";
import { passParameter, passReturnValue } from "./script-run";

export interface HarnessOptions extends EmulatorOptions {
  /** Path of the bundle (default dist/Code.js); or pass `code`. */
  bundle?: string;
  code?: string;
  /** Email Session reports inside simple triggers (onOpen/onEdit); "" as for most consumer accounts. */
  simpleTriggerEmail?: string;
  /**
   * Keep one global scope across calls. Off by default: Apps Script starts every execution
   * (menu click, google.script.run call, trigger, custom-function cell) with fresh globals.
   */
  keepGlobals?: boolean;
}

type Fn = (...args: unknown[]) => unknown;

/** How the scheduler (interleave.ts) drives one execution. */
export interface ExecutionHooks {
  /** The execution's identity: its locks are held under it. */
  token: string;
  /** Globals in place of the defaults (a Date on the simulated clock, a console). */
  globals: Record<string, unknown>;
  /** Called with the fresh global scope before the bundle is evaluated in it. */
  prepare(context: vm.Context): void;
  /** Every call the bundle makes into the emulator. */
  intercept: CallInterceptor;
  /** False while the execution is only suspended: then its locks stay held. */
  ended(): boolean;
}

export class Harness {
  readonly emu: Emulator;
  /** The global scope of the latest execution (a fresh one per call unless keepGlobals). */
  context: vm.Context;
  readonly functions: string[];
  readonly customFunctions: string[];
  private opts: HarnessOptions;
  private script: vm.Script;
  private globals: Record<string, unknown>;
  private depth = 0;
  private bridge = new RealmBridge();
  private hooks: ExecutionHooks | undefined;

  constructor(opts: HarnessOptions = {}) {
    this.opts = opts;
    const file = opts.bundle ?? path.join("dist", "Code.js");
    const code = opts.code ?? fs.readFileSync(file, "utf8");
    useManifestTimeZone(path.dirname(file));
    this.emu = createEmulator(opts);
    const info = inspectBundle(code);
    this.functions = info.functions;
    this.customFunctions = info.customFunctions;
    const s = this.emu.services;
    // Host Date/Error so values crossing between bundle and emulator pass instanceof checks.
    const b = this.bridge;
    this.globals = {
      SpreadsheetApp: b.wrap(s.SpreadsheetApp, "SpreadsheetApp"),
      LockService: b.wrap(s.LockService, "LockService"),
      PropertiesService: b.wrap(s.PropertiesService, "PropertiesService"),
      CacheService: b.wrap(s.CacheService, "CacheService"),
      Session: b.wrap(s.Session, "Session"),
      Utilities: b.wrap(s.Utilities, "Utilities"),
      HtmlService: b.wrap(s.HtmlService, "HtmlService"),
      Logger: b.wrap(s.Logger, "Logger"),
      Browser: b.wrap(s.Browser, "Browser"),
      Charts: b.wrap(s.Charts, "Charts"),
      ScriptApp: { AuthMode: { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL", CUSTOM_FUNCTION: "CUSTOM_FUNCTION" } },
      console,
      Date,
      Error,
    };
    this.script = compiled(code, file);
    this.context = this.freshContext();
    if (this.customFunctions.length) {
      const wb = this.emu.workbook;
      const byUpper = new Map(this.customFunctions.map((n) => [n.toUpperCase(), n]));
      // Every custom-function evaluation is an execution of its own (fresh globals, anonymous).
      wb.customFunctionRunner = (name, _fn, args) => {
        const context = this.opts.keepGlobals ? this.context : this.freshContext();
        const f = (context as Record<string, unknown>)[byUpper.get(name.toUpperCase()) ?? name] as Fn;
        this.bridge.use(context);
        // Its calls are its own, not those of the execution whose write triggered it.
        const intercept = this.bridge.intercept;
        this.bridge.intercept = undefined;
        try {
          return this.asCustomFunction(() => f(...args.map((a) => this.bridge.toBundle(a))));
        } finally {
          this.bridge.intercept = intercept;
          this.bridge.use(this.context);
        }
      };
      wb.setCustomFunctions(Object.fromEntries(this.customFunctions.map((n) => [n, () => undefined])));
    }
  }

  get workbook(): Workbook {
    return this.emu.workbook;
  }
  get spreadsheet() {
    return this.emu.spreadsheet;
  }
  get counters() {
    return this.emu.counters;
  }
  get ui() {
    return this.emu.ui;
  }

  /** Another user on the same spreadsheet, running the same bundle. */
  share(user: string): Harness {
    return new Harness({ ...this.opts, workbook: this.workbook, user });
  }

  private freshContext(hooks?: ExecutionHooks): vm.Context {
    const context = vm.createContext({ ...this.globals, ...hooks?.globals });
    hooks?.prepare(context);
    this.script.runInContext(context);
    this.bridge.use(context);
    return context;
  }

  /**
   * One execution: fresh globals (unless keepGlobals) and its own lock token, unless already inside
   * one (nested call). Apps Script releases an execution's locks when it ends.
   */
  private execute<T>(run: () => T): T {
    if (this.depth > 0) return run();
    const ctx = this.emu.ctx;
    const hooks = this.hooks;
    const outside = ctx.token;
    ctx.token = hooks?.token ?? newExecutionToken();
    this.depth++;
    try {
      if (!this.opts.keepGlobals || hooks) this.context = this.freshContext(hooks);
      this.bridge.intercept = hooks?.intercept;
      return run();
    } finally {
      this.depth--;
      this.bridge.intercept = undefined;
      if (!hooks || hooks.ended()) this.workbook.releaseLock(undefined, ctx.token);
      ctx.token = outside;
    }
  }

  /** Runs `body` (a call, run or onEdit of this harness) as the scheduled execution `hooks` describes. */
  scheduled<T>(hooks: ExecutionHooks, body: () => T): T {
    const saved = this.hooks;
    this.hooks = hooks;
    try {
      return body();
    } finally {
      this.hooks = saved;
    }
  }

  private fn(name: string): Fn {
    const f = (this.context as Record<string, unknown>)[name];
    if (typeof f !== "function") throw new Error(`Script function not found: ${name}`);
    return f as Fn;
  }

  private withMode<T>(mode: "FULL" | "LIMITED" | "CUSTOM_FUNCTION" | "NONE", email: string, run: () => T): T {
    const ctx = this.emu.ctx;
    const saved = { mode: ctx.authMode, email: ctx.email };
    ctx.authMode = mode;
    ctx.email = email;
    try {
      return run();
    } finally {
      ctx.authMode = saved.mode;
      ctx.email = saved.email;
    }
  }

  private asCustomFunction<T>(run: () => T): T {
    // Custom functions run anonymously: Session.getActiveUser().getEmail() is "".
    return this.withMode("CUSTOM_FUNCTION", "", run);
  }

  /** Runs a function as from the script editor or a menu (full authorization). */
  call(name: string, ...args: unknown[]): unknown {
    return this.execute(() =>
      this.withMode("FULL", this.emu.ctx.email, () => this.fn(name)(...args.map((a) => this.bridge.toBundle(a)))),
    );
  }

  /** Clicks a menu item by caption path ("Menu > Item"), caption, or function name. */
  clickMenu(item: string): unknown {
    const found = this.ui
      .menuItems()
      .find((m) => m.path === item || m.path.endsWith(`> ${item}`) || m.functionName === item);
    if (!found) throw new Error(`No menu item ${item}`);
    return this.call(found.functionName);
  }

  /** Simple trigger onOpen(e) (add-ons: authMode LIMITED once installed/enabled in the document). */
  open(authMode: "LIMITED" | "NONE" = "LIMITED"): void {
    if (!this.functions.includes("onOpen")) return;
    const e = { authMode, source: this.spreadsheet, user: { getEmail: () => this.opts.simpleTriggerEmail ?? "" } };
    this.execute(() =>
      this.withMode(authMode, this.opts.simpleTriggerEmail ?? "", () => this.fn("onOpen")(this.bridge.toBundle(e))),
    );
  }

  /** onInstall(e) as run when the add-on is installed (FULL authorization). */
  install(): void {
    if (!this.functions.includes("onInstall")) return;
    this.call("onInstall", { authMode: "FULL", source: this.spreadsheet });
  }

  /** A person types/pastes into `target` ("Sheet!A1" or a Range); then the bundle's onEdit runs. */
  edit(target: string | Range, input: unknown): UserEditResult {
    const range = typeof target === "string" ? this.spreadsheet.getRange(target) : target;
    const onEdit = this.functions.includes("onEdit") ? (e: EditEvent) => this.onEdit(e) : undefined;
    return userEdit(this.emu.ctx, range, input, onEdit);
  }

  /** The simple trigger onEdit(e) as an execution of its own (LIMITED, Session as in simple triggers). */
  onEdit(e: EditEvent): unknown {
    const email = this.opts.simpleTriggerEmail ?? "";
    return this.execute(() =>
      this.withMode("LIMITED", email, () =>
        this.fn("onEdit")(this.bridge.toBundle({ ...e, user: { getEmail: () => email } })),
      ),
    );
  }

  /** google.script.run.<name>(...args): parameters and the return value pass Apps Script's rules. */
  run(name: string, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      try {
        resolve(this.runNow(name, ...args));
      } catch (e) {
        reject(e);
      }
    });
  }

  /** run() without the promise: the answer, or the Error the failure handler would receive. */
  runNow(name: string, ...args: unknown[]): unknown {
    try {
      if (name.endsWith("_")) throw new Error(`Script function not found: ${name}`);
      const params = args.map((a) => passParameter(a));
      return passReturnValue(this.call(name, ...params));
    } catch (e) {
      const message =
        e && typeof e === "object" && "message" in e ? String((e as { message: unknown }).message) : String(e);
      // What the failure handler gets: the message only (lib ES2020 has no Error cause to keep).
      // eslint-disable-next-line preserve-caught-error
      throw new Error(message);
    }
  }

  /** The message Sheets shows on an error cell ("Sheet!A1"), e.g. what a custom function threw. */
  errorMessage(a1: string): string | null {
    const range = this.spreadsheet.getRange(a1);
    return this.workbook.errorMessage(range.getSheet().model, range.rect.row, range.rect.col);
  }

  /**
   * The person clicks Allow access on a cell ("Sheet!A1") showing IMPORTRANGE's "You need to connect
   * these sheets": the spreadsheet may then import from that source (dev/emulator/drive.ts).
   */
  allowAccess(a1: string): void {
    const range = this.spreadsheet.getRange(a1);
    this.workbook.allowImportAccess(range.getSheet().model, range.rect.row, range.rect.col, this.emu.ctx.email);
  }

  /** Reads a formula result the way a test wants it: the computed values of an A1 range. */
  values(a1: string): unknown[][] {
    return this.spreadsheet.getRange(a1).getValues();
  }
}

const scripts = new Map<string, vm.Script>();

/** A compiled script runs in any number of contexts: compile each bundle text once. */
function compiled(code: string, filename: string): vm.Script {
  const key = `${filename}\n${code}`;
  let script = scripts.get(key);
  if (!script) {
    script = new vm.Script(code, { filename });
    scripts.set(key, script);
  }
  return script;
}

/**
 * Apps Script runs a script in its manifest's time zone: `new Date(2026, 9, 1)` is midnight there.
 * Node follows TZ (and picks up a change at once), so the bundle sees the same local time here.
 */
function useManifestTimeZone(folder: string): void {
  const manifest = path.join(folder, "appsscript.json");
  if (!fs.existsSync(manifest)) return;
  const zone = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { timeZone?: string }).timeZone;
  if (zone && process.env.TZ !== zone) process.env.TZ = zone;
}
