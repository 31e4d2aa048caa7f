/** Finds a bundle's top-level functions and which are @customfunction (JSDoc right before them). */
import * as acorn from "acorn";

export interface BundleInfo {
  functions: string[];
  customFunctions: string[];
}

const inspected = new Map<string, BundleInfo>();

/** Cached per bundle text: tests create many harnesses over the same bundle. */
export function inspectBundle(code: string): BundleInfo {
  let info = inspected.get(code);
  if (!info) {
    info = parseBundle(code);
    inspected.set(code, info);
  }
  return { functions: [...info.functions], customFunctions: [...info.customFunctions] };
}

function parseBundle(code: string): BundleInfo {
  const comments: { end: number; text: string }[] = [];
  const ast = acorn.parse(code, {
    ecmaVersion: "latest",
    sourceType: "script",
    allowHashBang: true,
    onComment: (block, text, _start, end) => {
      if (block) comments.push({ end, text });
    },
  }) as unknown as { body: { type: string; start: number; id?: { name: string } }[] };
  const functions: string[] = [];
  const customFunctions: string[] = [];
  for (const node of ast.body) {
    if (node.type !== "FunctionDeclaration" || !node.id) continue;
    functions.push(node.id.name);
    const doc = comments.filter((c) => c.end <= node.start && /^\s*$/.test(code.slice(c.end, node.start))).pop();
    // A name ending in "_" is private in Apps Script: never a custom function, even when tagged.
    if (doc && doc.text.startsWith("*") && /@customfunction\b/.test(doc.text) && !node.id.name.endsWith("_"))
      customFunctions.push(node.id.name);
  }
  return { functions, customFunctions };
}
