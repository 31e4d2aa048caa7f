/** What Apps Script's V8 runtime requires of Code.js, checked on the built file itself. */
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import * as entryPoints from "../../src/entry-points";
import { entryPointNames } from "../../scripts/stubs";
import { builtCode, CODE_JS } from "../support/built-bundle";

const code = builtCode();

function parseWithComments() {
  const comments: acorn.Comment[] = [];
  const program = acorn.parse(code, { ecmaVersion: 2019, sourceType: "script", onComment: comments });
  return { program, comments };
}

describe("dist/Code.js", () => {
  it("parses as an ES2019 classic script (no import/export, no newer syntax)", () => {
    expect(() => parseWithComments()).not.toThrow();
  });

  it("is rejected by the same check when module syntax or ES2020 syntax sneaks in", () => {
    expect(() => acorn.parse(code + "\nexport const x = 1;", { ecmaVersion: 2019, sourceType: "script" })).toThrow();
    expect(() => acorn.parse(code + "\nvar y = a?.b;", { ecmaVersion: 2019, sourceType: "script" })).toThrow();
  });

  it("declares every entry point as a top-level function", () => {
    const { program } = parseWithComments();
    const topLevel = new Set(
      program.body.filter((node) => node.type === "FunctionDeclaration").map((node) => (node as acorn.FunctionDeclaration).id.name),
    );
    const names = entryPointNames(entryPoints);
    expect(names).toEqual(expect.arrayContaining(["onOpen", "onInstall", "showSidebar", "OKR_PROGRESS", "OKR_ROLLUP"]));
    for (const name of names) expect(topLevel).toContain(name);
  });

  it("gives every custom function a JSDoc block with its real parameter names and @customfunction", () => {
    const { program, comments } = parseWithComments();
    for (const [name, spec] of Object.entries(entryPoints.customFunctions)) {
      const fn = program.body.find(
        (node) => node.type === "FunctionDeclaration" && (node as acorn.FunctionDeclaration).id.name === name,
      ) as acorn.FunctionDeclaration;
      const params = fn.params.map((p) => (p as acorn.Identifier).name);
      expect(params).toEqual(spec.params.map((p) => p.name));
      const doc = comments.filter((c) => c.type === "Block" && c.end <= fn.start).pop();
      expect(doc && code.slice(doc.end, fn.start).trim()).toBe("");
      expect(doc!.value).toContain("@customfunction");
      for (const param of params) expect(doc!.value).toMatch(new RegExp("@param \\{[^}]+\\} " + param + " \\S"));
    }
  });

  it("makes no Apps Script service call while the file is evaluated", () => {
    const touched: string[] = [];
    const trap = (name: string) =>
      new Proxy({}, { get: (_target, prop) => { touched.push(name + "." + String(prop)); throw new Error("service touched"); } });
    const services = ["SpreadsheetApp", "HtmlService", "LockService", "PropertiesService", "Session", "CacheService", "Utilities"];
    const context = vm.createContext(Object.fromEntries(services.map((s) => [s, trap(s)])));
    vm.runInContext(code, context);
    expect(touched).toEqual([]);
  });

  // The ceiling issue #14 sets for Code.js (Apps Script evaluates all of it on every execution, every
  // custom-function cell included; `npm run bench` reports that cold start). It was raised step by step
  // (150 KB → 160 → 190) as closing cycles, alignment and the forecast landed; features landing together
  // this session (dashboard, scale, roll-up, checker) state their measured share in their commits.
  it("stays under 250 KB and carries no development-only code", () => {
    expect(statSync(CODE_JS).size).toBeLessThan(250 * 1024);
    for (const devOnly of ["HyperFormula", "hyperformula", "gpl-v3", "playwright", "node:fs", "process.env"]) {
      expect(code).not.toContain(devOnly);
    }
  });
});

describe("dist/", () => {
  it("has an appsscript.json with the V8 runtime and only the two minimal scopes", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "dist", "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual([
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      "https://www.googleapis.com/auth/script.container.ui",
    ]);
  });

  it("pushes exactly Code.js, Sidebar.html and appsscript.json under clasp's ignore rules", () => {
    // clasp filters rootDir's files with micromatch.not(files, .claspignore patterns).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const micromatch = require(require.resolve("micromatch", { paths: [require.resolve("@google/clasp")] }));
    const root = join(__dirname, "..", "..");
    const patterns = readFileSync(join(root, ".claspignore"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    const files = ["Code.js", "Sidebar.html", "appsscript.json", "Code.js.map", "notes/readme.md", ".DS_Store"];
    expect(micromatch.not(files, patterns, { dot: true }).sort()).toEqual(["Code.js", "Sidebar.html", "appsscript.json"]);
    expect(JSON.parse(readFileSync(join(root, ".clasp.json"), "utf8")).rootDir).toBe("dist");
  });

  it("has a self-contained Sidebar.html: no external scripts or styles, no template literals", () => {
    const html = readFileSync(join(__dirname, "..", "..", "dist", "Sidebar.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
    expect(script.length).toBeGreaterThan(1000);
    const templates: string[] = [];
    walk.simple(acorn.parse(script, { ecmaVersion: 2019 }), { TemplateLiteral: (node) => void templates.push(script.slice(node.start, node.end)) });
    expect(templates).toEqual([]);
  });
});
