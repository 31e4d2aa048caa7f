/**
 * Loads the built dist/Code.js into a fresh vm context, as Apps Script does on every call, with
 * whatever stand-in globals a test gives. Tests of what ships go through here, not through src/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

export const CODE_JS = join(__dirname, "..", "..", "dist", "Code.js");

export function builtCode(): string {
  if (!existsSync(CODE_JS)) throw new Error("dist/Code.js is missing: run `npm run build` first (npm test does).");
  return readFileSync(CODE_JS, "utf8");
}

export type BundleContext = vm.Context & Record<string, (...args: unknown[]) => unknown>;

export function loadBundle(globals: Record<string, unknown> = {}): BundleContext {
  const context = vm.createContext({ console, ...globals });
  vm.runInContext(builtCode(), context, { filename: "Code.js" });
  return context as BundleContext;
}

/** A copy of JSON-like data made inside the context, as Sheets' own runtime would hand it over. */
export function copyIntoContext<T>(context: vm.Context, value: T): T {
  const parse = vm.runInContext("JSON.parse", context) as typeof JSON.parse;
  return parse(JSON.stringify(value));
}
