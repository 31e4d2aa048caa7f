/** Jest runs TypeScript through SWC (fast, no type-check: `npm run typecheck` does that). */
// The add-on's manifest runs it in UTC; tests of local dates run there too, whatever this machine's zone.
process.env.TZ = "Etc/UTC";

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic", importSource: "preact" } },
          target: "es2020",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  // stemmer and a few others ship ESM only; let SWC turn them into CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!(stemmer)/)"],
  maxWorkers: 2,
  testTimeout: 30000,
};
