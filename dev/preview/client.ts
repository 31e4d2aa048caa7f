/**
 * The preview page's script (served as /preview.js). Renders the state the server sends: menus,
 * the active sheet's grid, tabs and the sidebar. All user text goes in with textContent.
 */
import type { CellView, GridView } from "./grid";
import type { MenuEntry, RecordedMenu } from "../emulator/ui";

interface State {
  version: number;
  title: string;
  menus: RecordedMenu[];
  sheets: { name: string; color: string | null }[];
  active: string;
  grid: GridView;
  sidebarTitle: string | null;
}

interface Outcome {
  error: string | null;
  alerts: { title: string | null; prompt: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  sidebarTitle: string | null;
  result?: { accepted?: boolean; message?: string; warnings?: string[] };
}

const $ = (id: string) => document.getElementById(id) as HTMLElement;
let state: State | null = null;
let selected = "A1";
let sidebarOpen = false;
const alertQueue: { title: string; text: string }[] = [];

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data as T;
}

async function refresh(): Promise<void> {
  const response = await fetch("/api/state");
  render((await response.json()) as State);
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- the grid -------------------------------------------------------------

const ROW_HEIGHT = 22; // 21 px cell + 1 px border
const HEADER_HEIGHT = 22;

function paintCell(td: HTMLTableCellElement, cell: CellView): void {
  td.textContent = cell.text;
  if (cell.background) td.style.background = cell.background;
  if (cell.color) td.style.color = cell.color;
  if (cell.bold) td.style.fontWeight = "bold";
  if (cell.align) td.style.textAlign = cell.align;
  if (cell.note) {
    td.title = cell.note;
    td.classList.add("noted");
  }
}

function renderGrid(grid: GridView): void {
  const table = $("grid") as HTMLTableElement;
  table.replaceChildren();
  const colgroup = el("colgroup");
  colgroup.append(el("col", { style: "width:46px" }));
  for (const width of grid.widths) colgroup.append(el("col", { style: "width:" + width + "px" }));
  const head = el("thead");
  const letters = el("tr");
  letters.append(el("th", { class: "corner" }));
  grid.widths.forEach((_, c) => letters.append(el("th", { scope: "col" }, columnName(c))));
  head.append(letters);
  const body = el("tbody");
  grid.cells.forEach((line, r) => {
    const tr = el("tr");
    if (r < grid.frozenRows) {
      tr.classList.add("frozen");
      if (r === grid.frozenRows - 1) tr.classList.add("frozen-last");
    }
    const th = el("th", { scope: "row" }, String(r + 1));
    tr.append(th);
    line.forEach((cell, c) => {
      const a1 = columnName(c) + (r + 1);
      const td = el("td", { "data-cell": a1 });
      paintCell(td, cell);
      if (r < grid.frozenRows) td.style.top = HEADER_HEIGHT + r * ROW_HEIGHT + "px";
      if (a1 === selected) td.classList.add("selected");
      tr.append(td);
    });
    if (r < grid.frozenRows) th.style.top = HEADER_HEIGHT + r * ROW_HEIGHT + "px";
    if (r < grid.frozenRows) th.style.zIndex = "3";
    body.append(tr);
  });
  table.append(colgroup, head, body);
  table.style.width = 46 + grid.widths.reduce((a, b) => a + b, 0) + "px";
  showSelection();
}

function cellAt(a1: string): HTMLTableCellElement | null {
  return document.querySelector('td[data-cell="' + a1 + '"]');
}

function showSelection(): void {
  $("name-box").textContent = selected;
  const match = /^([A-Z]+)(\d+)$/.exec(selected);
  const td = cellAt(selected);
  $("formula").textContent = td && match ? td.textContent : "";
}

function select(a1: string): void {
  cellAt(selected)?.classList.remove("selected");
  selected = a1;
  const td = cellAt(a1);
  td?.classList.add("selected");
  td?.scrollIntoView({ block: "nearest", inline: "nearest" });
  showSelection();
}

function move(a1: string, dRow: number, dCol: number): string {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match || !state) return a1;
  let col = 0;
  for (const ch of match[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Math.min(state.grid.cells.length, Math.max(1, Number(match[2]) + dRow));
  col = Math.min(state.grid.widths.length, Math.max(1, col + dCol));
  return columnName(col - 1) + row;
}

/** Typing into a cell goes through the emulator's user edit, so the add-on's onEdit runs. */
function editCell(a1: string, initial?: string): void {
  const td = cellAt(a1);
  if (!td || !state) return;
  const sheet = state.active;
  const input = el("input", { class: "cell-editor", "aria-label": "Edit " + a1 });
  input.value = initial ?? td.textContent ?? "";
  const wrap = $("grid-wrap");
  const box = td.getBoundingClientRect();
  const origin = wrap.getBoundingClientRect();
  Object.assign(input.style, {
    left: box.left - origin.left + wrap.scrollLeft + "px",
    top: box.top - origin.top + wrap.scrollTop + "px",
    width: Math.max(box.width, 120) + "px",
    height: box.height + "px",
  });
  wrap.append(input);
  input.focus();
  let done = false;
  const finish = async (save: boolean) => {
    if (done) return;
    done = true;
    const value = input.value;
    input.remove();
    wrap.focus();
    if (!save) return;
    const outcome = await post<Outcome>("/api/edit", { sheet, a1, input: value });
    if (outcome.result && outcome.result.accepted === false)
      queueAlert("Invalid value", outcome.result.message ?? "This value was rejected.");
    for (const warning of outcome.result?.warnings ?? []) showToast(warning, 6);
    show(outcome);
    select(move(a1, 1, 0));
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") void finish(true);
    if (event.key === "Escape") void finish(false);
    event.stopPropagation();
  });
  input.addEventListener("blur", () => void finish(true));
}

function gridEvents(): void {
  const wrap = $("grid-wrap");
  wrap.addEventListener("click", (event) => {
    const td = (event.target as HTMLElement).closest("td[data-cell]");
    if (td) select(td.getAttribute("data-cell") as string);
  });
  wrap.addEventListener("dblclick", (event) => {
    const td = (event.target as HTMLElement).closest("td[data-cell]");
    if (td) editCell(td.getAttribute("data-cell") as string);
  });
  wrap.addEventListener("keydown", (event) => {
    if (event.target !== wrap) return;
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (arrows[event.key]) {
      event.preventDefault();
      select(move(selected, arrows[event.key][0], arrows[event.key][1]));
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      editCell(selected);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      editCell(selected, event.key);
    }
  });
}

// ---- menus ----------------------------------------------------------------

function closeMenus(): void {
  document.querySelectorAll(".dropdown").forEach((d) => d.remove());
  document.querySelectorAll('[aria-expanded="true"]').forEach((b) => b.setAttribute("aria-expanded", "false"));
}

function menuList(entries: MenuEntry[]): HTMLElement {
  const list = el("div", { class: "dropdown", role: "menu" });
  if (!entries.length) list.append(el("div", { class: "empty" }, "No add-ons"));
  for (const entry of entries) {
    if (entry.kind === "separator") {
      list.append(el("hr", { role: "separator" }));
      continue;
    }
    const item = el("button", { type: "button", role: "menuitem" }, entry.caption);
    if (entry.kind === "submenu") {
      item.setAttribute("aria-haspopup", "true");
      item.setAttribute("aria-expanded", "false");
      item.append(el("span", { "aria-hidden": "true" }, "\u25B8"));
      const open = () => {
        if (item.getAttribute("aria-expanded") === "true") return;
        list.querySelectorAll(".dropdown").forEach((d) => d.remove());
        item.setAttribute("aria-expanded", "true");
        const sub = menuList(entry.entries);
        item.parentElement?.append(sub);
        sub.style.top = item.offsetTop - 6 + "px";
        (sub.querySelector("button") as HTMLElement | null)?.focus();
      };
      item.addEventListener("click", open);
      item.addEventListener("keydown", (event) => event.key === "ArrowRight" && open());
    } else {
      const functionName = entry.functionName;
      item.addEventListener("click", () => {
        closeMenus();
        void runMenu(functionName);
      });
    }
    list.append(item);
  }
  list.addEventListener("keydown", (event) => {
    const items = Array.from(list.children).filter((c): c is HTMLButtonElement => c instanceof HTMLButtonElement);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      event.stopPropagation();
      items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  });
  return list;
}

function menuEntriesFor(name: string): MenuEntry[] {
  const menus = state?.menus ?? [];
  if (name === "Extensions")
    return menus.filter((m) => m.addon).map((m) => ({ kind: "submenu", caption: m.caption, entries: m.entries }));
  return menus.find((m) => !m.addon && m.caption === name)?.entries ?? [];
}

function menuEvents(): void {
  document.querySelector(".menubar")?.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest("[data-menu]");
    if (!button || button.getAttribute("aria-disabled") === "true") return;
    const wasOpen = button.getAttribute("aria-expanded") === "true";
    closeMenus();
    if (wasOpen) return;
    button.setAttribute("aria-expanded", "true");
    const list = menuList(menuEntriesFor(button.getAttribute("data-menu") as string));
    button.parentElement?.append(list);
    (list.querySelector("button") as HTMLElement | null)?.focus();
  });
  document.addEventListener("click", (event) => {
    if (!(event.target as HTMLElement).closest(".menu-root")) closeMenus();
  });
  document.addEventListener("keydown", (event) => event.key === "Escape" && closeMenus());
}

async function runMenu(functionName: string): Promise<void> {
  show(await post<Outcome>("/api/menu", { functionName }));
}

// ---- what a server call shows: alerts, toasts, the sidebar ----------------

function queueAlert(title: string, text: string): void {
  alertQueue.push({ title, text });
  const dialog = $("alert") as HTMLDialogElement;
  if (!dialog.open) nextAlert();
}

function nextAlert(): void {
  const next = alertQueue.shift();
  const dialog = $("alert") as HTMLDialogElement;
  if (!next) return dialog.close();
  $("alert-title").textContent = next.title;
  $("alert-text").textContent = next.text;
  if (!dialog.open) dialog.showModal();
  $("alert-ok").focus();
}

let toastTimer = 0;
function showToast(text: string, seconds: number): void {
  const toast = $("toast");
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (toast.hidden = true), Math.max(seconds, 2) * 1000);
}

function show(outcome: Outcome): void {
  if (outcome.error) queueAlert("Error", outcome.error);
  for (const alert of outcome.alerts) queueAlert(alert.title ?? "", alert.prompt);
  for (const toast of outcome.toasts)
    showToast((toast.title ? toast.title + ": " : "") + toast.message, toast.timeoutSeconds);
  if (outcome.sidebarTitle !== null) openSidebar(outcome.sidebarTitle);
  void refresh();
}

function openSidebar(title: string): void {
  $("sidebar-title").textContent = title;
  $("sidebar").hidden = false;
  sidebarOpen = true;
  // A new load each time, as Sheets serves the sidebar afresh when it is opened.
  ($("sidebar-frame") as HTMLIFrameElement).src = "/sidebar?t=" + Date.now();
}

function closeSidebar(): void {
  $("sidebar").hidden = true;
  sidebarOpen = false;
  ($("sidebar-frame") as HTMLIFrameElement).src = "about:blank";
}

// ---- tabs and the whole page ----------------------------------------------

function renderTabs(current: State): void {
  const tabs = $("tabs");
  tabs.replaceChildren();
  for (const sheet of current.sheets) {
    const active = sheet.name === current.active;
    const tab = el(
      "button",
      { type: "button", role: "tab", "data-sheet": sheet.name, "aria-selected": String(active) },
      sheet.name,
    );
    if (sheet.color) tab.style.borderBottomColor = sheet.color;
    tab.addEventListener("click", async () => {
      selected = "A1";
      render(await post<State>("/api/activate", { sheet: sheet.name }));
    });
    tabs.append(tab);
  }
}

function render(next: State): void {
  const first = state === null;
  state = next;
  $("doc-title").textContent = next.title;
  document.title = next.title + " - OKR Tracker preview";
  renderTabs(next);
  renderGrid(next.grid);
  if (first && next.sidebarTitle !== null && !sidebarOpen) openSidebar(next.sidebarTitle);
}

async function poll(): Promise<void> {
  try {
    const { version } = (await (await fetch("/api/version")).json()) as { version: number };
    if (state && version !== state.version) await refresh();
  } catch {
    // the server stopped; keep the page as it was
  }
}

window.addEventListener("message", (event) => {
  if (event.origin !== location.origin) return;
  if (event.data?.type === "okr-preview:changed") void refresh();
  if (event.data?.type === "okr-preview:close") closeSidebar();
});
$("sidebar-close").addEventListener("click", closeSidebar);
$("alert-ok").addEventListener("click", nextAlert);
($("alert") as HTMLDialogElement).addEventListener("cancel", (event) => {
  event.preventDefault();
  nextAlert();
});
menuEvents();
gridEvents();
void refresh();
setInterval(() => void poll(), 1000);
