/**
 * Two (or more) executions at once, interleaved at the granularity of service calls, on a
 * simulated clock: a test pauses one execution before its Nth call, runs another, resumes the
 * first. Locks are contended as the Lock service documents: a caller waits while another
 * execution holds the lock, gets it when it is released, or times out (tryLock false, waitLock
 * "Lock timeout…") when the simulated clock passes its timeout.
 *
 * Node runs one stack at a time, so a paused execution is unwound and later run again from the
 * start, replaying what it already did: every service call it made answers from a log (nothing
 * touches the workbook twice), and so do the clock and Math.random. Bundle code is deterministic
 * given those, so the replay reaches the same point; a call that differs from the log fails the
 * test ("not deterministic").
 */
import * as vm from "vm";
import { userEdit } from "../emulator";
import type { EditEvent } from "../emulator";
import { newExecutionToken } from "../emulator/context";
import type { LockArbiter, Workbook } from "../emulator/workbook";
import type { Harness } from "./harness";
import { clockedDate } from "./clock";

/** Thrown through the bundle to unwind an execution that pauses or waits. Not an Error: nothing should handle it. */
const SUSPEND = Object.freeze({ suspended: true });

type Status = "new" | "paused" | "waiting" | "done";

interface LoggedCall {
  method: string;
  result?: unknown;
  error?: unknown;
}

type StopRule = (method: string, liveCalls: number) => boolean;

const never: StopRule = () => false;

export class Execution {
  status: Status = "new";
  /** What it returned (a sidebar call: the google.script.run answer) once done. */
  result: unknown;
  /** What it threw, once done. */
  error: unknown;
  readonly token = newExecutionToken();
  private log: LoggedCall[] = [];
  private times: number[] = [];
  private randoms: number[] = [];
  private cursor = 0;
  private timeCursor = 0;
  private randomCursor = 0;
  private liveCalls = 0;
  private unwinding = false;
  private stopRule: StopRule = never;
  /** Set by the scheduler when a lock wait timed out; read by the next run's lock call. */
  waitOutcome: "timeout" | undefined;

  constructor(
    readonly label: string,
    private scheduler: Interleaving,
    readonly harness: Harness,
    private body: (exec: Execution) => unknown,
  ) {}

  /** The service calls made so far ("Range.getValues", …). */
  get calls(): string[] {
    return this.log.map((c) => c.method);
  }

  /** Runs until it ends or waits for a lock. */
  run(): this {
    return this.runWith(never);
  }

  /** Runs until `n` more service calls are made, then pauses before the next one. */
  step(n = 1): this {
    return this.runWith((_m, live) => live >= n);
  }

  /** Runs until it is about to make a call matching `method`, and pauses before it. */
  runUntil(method: string | RegExp): this {
    const matches = typeof method === "string" ? (m: string) => m === method : (m: string) => method.test(m);
    return this.runWith((m) => matches(m));
  }

  /** Runs until it has made a call matching `method`, and pauses right after it. */
  runPast(method: string | RegExp): this {
    const matches = typeof method === "string" ? (m: string) => m === method : (m: string) => method.test(m);
    let seen = false;
    return this.runWith((m) => {
      if (seen) return true;
      seen = matches(m);
      return false;
    });
  }

  /**
   * Runs to the end. Nothing else runs meanwhile: a lock held by a paused execution is never
   * released, so a wait for it times out (the clock moves on to the timeout).
   */
  finish(): this {
    for (let guard = 0; this.status !== "done"; guard++) {
      if (guard > 1000) throw new Error(`${this.label} does not finish`);
      if (this.status === "waiting") this.scheduler.timeOut(this);
      this.runWith(never);
    }
    return this;
  }

  /** One run from the start: replays the log, then goes on live until the stop rule, a wait or the end. */
  runWith(stop: StopRule): this {
    if (this.status === "done") return this;
    if (this.status === "waiting") throw new Error(`${this.label} is waiting for a lock`);
    this.stopRule = stop;
    this.cursor = 0;
    this.timeCursor = 0;
    this.randomCursor = 0;
    this.liveCalls = 0;
    this.unwinding = false;
    this.scheduler.running = this;
    let outcome: { value?: unknown; error?: unknown };
    try {
      outcome = { value: this.body(this) };
    } catch (e) {
      outcome = { error: e };
    } finally {
      this.scheduler.running = undefined;
      this.waitOutcome = undefined;
    }
    if (this.unwinding) {
      if ((this.status as Status) !== "waiting") this.status = "paused";
      return this;
    }
    if (outcome.error === SUSPEND) throw new Error(`${this.label} was suspended outside a service call`);
    this.status = "done";
    this.result = outcome.value;
    this.error = outcome.error;
    return this;
  }

  /** The bridge calls this for every call the bundle makes into the emulator. */
  intercept(method: string, invoke: () => unknown): unknown {
    if (this.unwinding) throw SUSPEND;
    const i = this.cursor++;
    if (i < this.log.length) {
      const logged = this.log[i];
      if (logged.method !== method) {
        throw new Error(`${this.label} is not deterministic: call ${i + 1} was ${logged.method}, now ${method}`);
      }
      if ("error" in logged) throw logged.error;
      return logged.result;
    }
    if (this.stopRule(method, this.liveCalls)) {
      this.unwinding = true;
      throw SUSPEND;
    }
    this.liveCalls++;
    try {
      const result = invoke();
      this.log.push({ method, result });
      return result;
    } catch (e) {
      if (e === SUSPEND) {
        // A lock wait: this call runs again when the wait ends.
        this.liveCalls--;
        this.unwinding = true;
        this.status = "waiting";
        throw e;
      }
      this.log.push({ method, error: e });
      throw e;
    }
  }

  /** The simulated clock as the bundle reads it (new Date(), Date.now()), replayed on later runs. */
  now(): number {
    if (this.timeCursor < this.times.length) return this.times[this.timeCursor++];
    const t = this.scheduler.clock;
    this.times.push(t);
    this.timeCursor++;
    return t;
  }

  random(): number {
    if (this.randomCursor < this.randoms.length) return this.randoms[this.randomCursor++];
    const r = Math.random();
    this.randoms.push(r);
    this.randomCursor++;
    return r;
  }

  /** True once the run is unwinding: its output is not the execution's. */
  get silenced(): boolean {
    return this.unwinding;
  }
}

/** A console that falls silent while a run unwinds (the bundle may log what it caught). */
function quietConsole(exec: Execution): Console {
  return new Proxy(console, {
    get: (target, key) => {
      const v = Reflect.get(target, key) as unknown;
      return typeof v === "function" ? (...args: unknown[]) => (exec.silenced ? undefined : v.apply(target, args)) : v;
    },
  });
}

export interface InterleavingOptions {
  /** The simulated clock's start (default: now). */
  start?: Date | number;
}

export class Interleaving implements LockArbiter {
  /** Simulated milliseconds since the epoch. */
  clock: number;
  running: Execution | undefined;
  readonly executions: Execution[] = [];
  private waiters: { exec: Execution; kind: string; deadline: number }[] = [];
  private workbooks = new Set<Workbook>();

  constructor(opts: InterleavingOptions = {}) {
    this.clock = opts.start === undefined ? Date.now() : new Date(opts.start).getTime();
  }

  /** google.script.run.name(...args) from `h`'s sidebar: the answer, or the Error its failure handler gets. */
  sidebar(h: Harness, name: string, ...args: unknown[]): Execution {
    return this.add(`${h.emu.ctx.email} ${name}`, h, () => h.runNow(name, ...args));
  }

  /** A menu item or a function run from the script editor. */
  call(h: Harness, name: string, ...args: unknown[]): Execution {
    return this.add(`${h.emu.ctx.email} ${name}()`, h, () => h.call(name, ...args));
  }

  /**
   * A person types into `target`: the value lands (validation and protections apply) when the
   * execution first runs, then the simple trigger onEdit runs as the execution.
   */
  edit(h: Harness, target: string, input: unknown): Execution {
    let event: EditEvent | undefined;
    let typed = false;
    return this.add(`${h.emu.ctx.email} types ${target}`, h, () => {
      if (!typed) {
        typed = true;
        const result = userEdit(h.emu.ctx, h.spreadsheet.getRange(target), input);
        if (!result.accepted) return result;
        event = result.event;
      }
      return event ? h.onEdit(event) : undefined;
    });
  }

  /** Moves the simulated clock on (a slow execution, a person pausing). */
  advance(ms: number): void {
    this.clock += ms;
  }

  /**
   * Runs every execution to its end: each runs until it ends or waits for a lock, in the order
   * they were added; a released lock goes to the longest waiter; when everything left is waiting,
   * the clock moves to the earliest timeout.
   */
  runAll(): void {
    for (let guard = 0; this.executions.some((e) => e.status !== "done"); guard++) {
      if (guard > 10000) throw new Error("executions do not finish");
      const next = this.executions.find((e) => e.status === "new" || e.status === "paused");
      if (next) next.runWith(never);
      else this.timeOut(this.earliestWaiter().exec);
    }
  }

  /** LockArbiter: the running execution waits for a lock someone else holds. */
  wait(kind: string, token: string, timeoutInMillis: number): boolean {
    const exec = this.running;
    if (!exec || exec.token !== token) return false;
    if (exec.waitOutcome === "timeout") {
      exec.waitOutcome = undefined;
      return false;
    }
    this.waiters.push({ exec, kind, deadline: this.clock + timeoutInMillis });
    throw SUSPEND;
  }

  /** LockArbiter: a lock was released; the longest waiter still within its timeout gets it (its lock call then succeeds). */
  released(kind: string): void {
    const i = this.waiters.findIndex((w) => w.kind === kind && w.deadline >= this.clock);
    if (i < 0) return;
    const [w] = this.waiters.splice(i, 1);
    w.exec.harness.workbook.locks[kind] = w.exec.token;
    w.exec.status = "paused";
  }

  /** The clock reaches `exec`'s timeout: its wait ends without the lock. */
  timeOut(exec: Execution): void {
    const i = this.waiters.findIndex((w) => w.exec === exec);
    if (i < 0) throw new Error(`${exec.label} is not waiting`);
    const [w] = this.waiters.splice(i, 1);
    this.clock = Math.max(this.clock, w.deadline);
    exec.waitOutcome = "timeout";
    exec.status = "paused";
  }

  private earliestWaiter() {
    if (!this.waiters.length) throw new Error("nothing can run and nothing waits");
    return this.waiters.reduce((a, b) => (b.deadline < a.deadline ? b : a));
  }

  private add(label: string, h: Harness, run: () => unknown): Execution {
    const wb = h.workbook;
    if (wb.lockArbiter && wb.lockArbiter !== this)
      throw new Error("the workbook is already interleaved by another scheduler");
    wb.lockArbiter = this;
    this.workbooks.add(wb);
    const exec: Execution = new Execution(label, this, h, () =>
      h.scheduled(
        {
          token: exec.token,
          globals: { Date: clockedDate(() => exec.now()), console: quietConsole(exec) },
          prepare: (context: vm.Context) => {
            (vm.runInContext("Math", context) as Math).random = () => exec.random();
          },
          intercept: (method, invoke) => exec.intercept(method, invoke),
          ended: () => !exec.silenced,
        },
        run,
      ),
    );
    this.executions.push(exec);
    return exec;
  }

  /** Lets the workbooks go back to unscheduled lock behaviour. */
  dispose(): void {
    for (const wb of this.workbooks) if (wb.lockArbiter === this) wb.lockArbiter = undefined;
  }
}
