/**
 * T.INV and T.DIST with remembered answers, the same as HyperFormula's: the forecast's columns ask
 * them for every row on every recalculation, mostly the same questions as last time, and jStat's
 * Student's t is an iterative computation (a fifth of a check-in test's time). Both are pure, so
 * an answer once computed is kept (up to a bound).
 */
import { FunctionPlugin, HyperFormula } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";

type Compute = (...args: unknown[]) => unknown;
type RunFunction = (args: unknown, state: unknown, metadata: unknown, compute: Compute) => unknown;
type Method = (ast: unknown, state: unknown) => unknown;

const REMEMBERED = ["T.INV", "T.DIST"];
const answers = new Map<string, unknown>();
const MAX_ANSWERS = 100_000;

function remember(name: string, compute: Compute): Compute {
  return (...args) => {
    const key = name + ":" + args.join(":");
    if (answers.has(key)) return answers.get(key);
    const answer = compute(...args);
    if (typeof answer !== "number") return answer;
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}

export function registerStudentTPlugin(): void {
  const Base = HyperFormula.getFunctionPlugin("T.INV") as unknown as typeof FunctionPlugin;
  if (!Base || (Base as unknown as { remembers?: boolean }).remembers) return;
  const meta = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;

  class RememberingPlugin extends Base {
    static remembers = true;
    // Every function of the plugin it extends keeps its metadata here (see criteria-plugin.ts).
    static override implementedFunctions: ImplementedFunctions = { ...meta };
  }

  for (const name of REMEMBERED) {
    const method = meta[name].method;
    const own = (Base.prototype as unknown as Record<string, Method>)[method];
    // HyperFormula's own method, its computation wrapped: argument checks and arrays stay its own.
    // (HyperFormula registers a function only for a method of the class itself.)
    Object.defineProperty(RememberingPlugin.prototype, method, {
      value(this: { runFunction: RunFunction }, ast: unknown, state: unknown) {
        const run = this.runFunction;
        const remembering = Object.create(this, {
          runFunction: {
            value: (args: unknown, st: unknown, metadata: unknown, compute: Compute) =>
              run.call(this, args, st, metadata, remember(name, compute)),
          },
        });
        return own.call(remembering, ast, state);
      },
    });
    HyperFormula.registerFunction(name, RememberingPlugin);
  }
}
