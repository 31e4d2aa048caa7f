/**
 * T.INV with remembered answers, the same as HyperFormula's: the forecast's interval column asks
 * T.INV(0.9, n-2) for every row on every recalculation, and jStat's quantile is an iterative search
 * (a fifth of a check-in test's time). The function is pure, so an answer once computed is kept.
 */
import { FunctionPlugin, HyperFormula } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";

type RunFunction = (args: unknown, state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown) => unknown;

const answers = new Map<string, unknown>();
const MAX_ANSWERS = 10_000;

export function registerTInvPlugin(): void {
  const Base = HyperFormula.getFunctionPlugin("T.INV") as unknown as typeof FunctionPlugin;
  if (!Base || (Base as unknown as { remembers?: boolean }).remembers) return;
  const meta = (Base as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions;
  const tinv = (Base.prototype as unknown as { tinv: (ast: unknown, state: unknown) => unknown }).tinv;

  class RememberingTInvPlugin extends Base {
    static remembers = true;
    // Every function of the plugin it extends keeps its metadata here (see criteria-plugin.ts).
    static override implementedFunctions: ImplementedFunctions = { ...meta };

    tinv(ast: unknown, state: unknown): unknown {
      const run = (this as unknown as { runFunction: RunFunction }).runFunction;
      // HyperFormula's own tinv, with its computation wrapped: argument checks and arrays stay its own.
      const remembering = Object.create(this, {
        runFunction: {
          value: (args: unknown, st: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown) =>
            run.call(this, args, st, metadata, (p: unknown, deg: unknown) => {
              const key = p + ":" + deg;
              if (answers.has(key)) return answers.get(key);
              const answer = fn(p, deg);
              if (answers.size >= MAX_ANSWERS) answers.clear();
              answers.set(key, answer);
              return answer;
            }),
        },
      });
      return tinv.call(remembering, ast, state);
    }
  }

  HyperFormula.registerFunction("T.INV", RememberingTInvPlugin);
}
