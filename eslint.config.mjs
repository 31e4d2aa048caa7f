import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Imports from outside src/ (the tools, the sidebar) or from Node. */
const OUTSIDE_SRC = /^(\.\.\/)+(sidebar|dev|test|cli|scripts|bench)(\/|$)|^node:/;

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "build/",
      "node_modules/",
      "coverage/",
      "test-results/",
      ".scratch/",
      ".preview/",
      "**/*.js",
      "!bin/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The boundaries between runtimes (ARCHITECTURE.md). tsconfigs keep each runtime's globals out;
  // these rules keep each part's imports in, type imports included.
  importsOnly("src/core/**", [
    [/^(?!\.|zod\/mini$|stemmer$)/, "src/core is pure: it imports only src/core, zod/mini and stemmer."],
    [OUTSIDE_SRC, "src/core is pure: it imports only src/core, zod/mini and stemmer."],
    [/^(\.\.\/)+(server|functions|entry-points)(\/|\.|$)/, "src/core is pure: it imports only src/core."],
  ]),
  importsOnly("src/functions/**", [
    [/^(\.\.\/)+server(\/|$)/, "Custom functions don't depend on src/server: move what both need to src/core."],
    [OUTSIDE_SRC, "Apps Script code imports only from src/."],
  ]),
  importsOnly("src/server/**", [[OUTSIDE_SRC, "Apps Script code imports only from src/."]]),
  importsOnly("sidebar/**", [
    [
      /(^|\/)src\/(?!core\/)/,
      "The sidebar imports only src/core (the contract is src/core/contract.ts); it reaches the server through bridge.ts.",
    ],
    [/^(?!\.|preact(\/|$)|zod\/mini$)/, "The sidebar's page bundles only preact, zod/mini and its own code."],
    [/^(\.\.\/)+(dev|test|cli|scripts|bench)(\/|$)/, "The sidebar doesn't import development code."],
  ]),
);

/** Refuses imports (type-only ones too) whose path matches one of the patterns, in the given files. */
function importsOnly(files, patterns) {
  return {
    files: [files + "/*.ts", files + "/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: patterns.map(([regex, message]) => ({ regex: regex.source, message })) },
      ],
    },
  };
}
