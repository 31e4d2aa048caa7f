/** The preview page (a Sheets-like window) and the sidebar page with its google.script.run stand-in. */
import { buildSync } from "esbuild";
import * as path from "path";
import { PAGE_CSS } from "./page-css";

const scripts = new Map<string, string>();

/** client/ (the page) or bridge.ts (inside the sidebar), as one browser script. Built once per process. */
export function scriptFor(name: "client" | "bridge"): string {
  let code = scripts.get(name);
  if (code === undefined) {
    const entry = path.join(__dirname, name === "client" ? path.join("client", "main.ts") : "bridge.ts");
    const built = buildSync({ entryPoints: [entry], bundle: true, write: false, format: "iife", target: "es2020" });
    code = built.outputFiles[0].text;
    scripts.set(name, code);
  }
  return code;
}

/** The sidebar as HtmlService would serve it, with google.script.run defined before its own script runs. */
export function sidebarHtml(built: string): string {
  const bridge = "<script>" + scriptFor("bridge") + "</script>";
  const head = /<head[^>]*>/i.exec(built);
  if (!head) return bridge + built;
  const at = head.index + head[0].length;
  return built.slice(0, at) + bridge + built.slice(at);
}

const MENU_NAMES = ["File", "Edit", "View", "Insert", "Format", "Data", "Tools", "Extensions", "Help"];

/** The menu bar: only Extensions works here; the others are shown, disabled, and skipped by Tab. */
function menuBar(): string {
  return MENU_NAMES.map((name) => {
    const live = name === "Extensions";
    return (
      '<div class="menu-root"><button type="button" role="menuitem" aria-haspopup="true" aria-expanded="false"' +
      (live ? ' tabindex="0"' : ' tabindex="-1" aria-disabled="true"') +
      ' data-menu="' +
      name +
      '">' +
      name +
      "</button></div>"
    );
  }).join("");
}

export function pageHtml(): string {
  const menus = menuBar();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>OKR Tracker preview</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="titlebar">
  <div class="logo" aria-hidden="true"><div></div></div>
  <div class="titles">
    <div class="doc-line"><div class="doc-title" id="doc-title">Spreadsheet</div><nav class="books" id="books" aria-label="Spreadsheets" hidden></nav></div>
    <nav class="menubar" role="menubar" aria-label="Menu bar">${menus}</nav>
  </div>
  <div class="preview-badge" title="Runs dist/Code.js on the local emulator">Local preview</div>
</header>
<div class="formula-bar">
  <div class="name-box" id="name-box" aria-label="Selected cell"></div>
  <div class="fx" aria-hidden="true">fx</div>
  <div class="formula" id="formula" aria-label="Cell contents"></div>
</div>
<main class="workspace">
  <div class="grid-wrap" id="grid-wrap" tabindex="0" aria-label="Sheet grid"><table class="grid" id="grid"></table>
    <div class="connect" id="connect" role="group" aria-label="Connect spreadsheets" hidden><p>You need to connect these sheets.</p><button type="button" id="connect-allow">Allow access</button></div>
  </div>
  <aside class="sidebar" id="sidebar" hidden aria-labelledby="sidebar-title">
    <div class="sidebar-head"><h2 id="sidebar-title">Sidebar</h2><button type="button" class="close" id="sidebar-close" aria-label="Close sidebar">&#x2715;</button></div>
    <iframe id="sidebar-frame" title="Add-on sidebar"></iframe>
  </aside>
</main>
<footer class="tabs" role="tablist" aria-label="Sheets" id="tabs"></footer>
<dialog class="alert" id="alert" aria-labelledby="alert-title" aria-describedby="alert-text">
  <h2 id="alert-title"></h2>
  <p id="alert-text"></p>
  <div class="buttons"><button type="button" class="secondary" id="alert-cancel" hidden>Cancel</button><button type="button" id="alert-ok">OK</button></div>
</dialog>
<div class="toast" id="toast" role="status" hidden></div>
<script src="/preview.js"></script>
</body>
</html>`;
}
