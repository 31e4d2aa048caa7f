/**
 * Generates the top-level functions Apps Script needs from the typed entry-point tables.
 * esbuild drops JSDoc, so the custom functions' documentation is written here, after bundling.
 */
import type { CustomFunctionSpec } from "../src/functions/public-functions";

export const GLOBAL_NAME = "OkrTracker";

export interface EntryTables {
  customFunctions: Record<string, CustomFunctionSpec>;
  triggers: Record<string, unknown>;
  menuActions: Record<string, unknown>;
  sidebarApi: Record<string, unknown>;
}

/** Keeps generated JSDoc well-formed whatever a description says. */
function docText(text: string): string {
  return text.replace(/\*\//g, "* /").replace(/\s+/g, " ").trim();
}

function customFunctionStub(name: string, spec: CustomFunctionSpec): string {
  const names = spec.params.map((p) => p.name);
  const lines = ["/**", " * " + docText(spec.summary), " *"];
  for (const p of spec.params) lines.push(" * @param {" + p.type + "} " + p.name + " " + docText(p.description));
  lines.push(" * @return {" + spec.returns.type + "} " + docText(spec.returns.description));
  lines.push(" * @customfunction", " */");
  lines.push("function " + name + "(" + names.join(", ") + ") {");
  lines.push("  return " + GLOBAL_NAME + ".customFunctions." + name + ".run(" + names.join(", ") + ");");
  lines.push("}");
  return lines.join("\n");
}

function forwardStub(group: string, name: string, params: string[], doc: string): string {
  return [
    "/** " + docText(doc) + " */",
    "function " + name + "(" + params.join(", ") + ") {",
    "  return " + GLOBAL_NAME + "." + group + "." + name + "(" + params.join(", ") + ");",
    "}",
  ].join("\n");
}

export function generateStubs(tables: EntryTables): string {
  const parts: string[] = [];
  for (const [name, spec] of Object.entries(tables.customFunctions)) parts.push(customFunctionStub(name, spec));
  for (const name of Object.keys(tables.triggers))
    parts.push(forwardStub("triggers", name, ["e"], "Trigger: " + name + "."));
  for (const name of Object.keys(tables.menuActions)) parts.push(forwardStub("menuActions", name, [], "Menu action."));
  for (const name of Object.keys(tables.sidebarApi)) {
    parts.push(forwardStub("sidebarApi", name, ["request"], "Called by the sidebar through google.script.run."));
  }
  return parts.join("\n\n") + "\n";
}

/** Every name Apps Script must find as a top-level function, for tests and the emulator harness. */
export function entryPointNames(tables: EntryTables): string[] {
  return [tables.customFunctions, tables.triggers, tables.menuActions, tables.sidebarApi].flatMap((t) =>
    Object.keys(t),
  );
}
