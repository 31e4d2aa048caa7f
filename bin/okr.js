#!/usr/bin/env node
// Thin committed shim: the CLI itself is bundled by `npm run build` into build/okr.js.
// CommonJS on purpose (it runs before anything is built), hence the lint exceptions.
/* global require, __dirname, process */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const fs = require("fs");

const built = path.join(__dirname, "..", "build", "okr.js");
if (!fs.existsSync(built)) {
  process.stderr.write("okr: run npm run build first\n");
  process.exit(2);
}
require(built);
