/**
 * The grid: the active sheet's frozen header and a window of rows (spacers stand in for the rest,
 * so the scroll bar is the sheet's), the selected cell, the formula bar and moving around.
 */
import { updateConnect } from "./connect";
import { $, el, page, refresh, type CellView, type GridView } from "./state";

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function parseA1(a1: string): { row: number; col: number } | null {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) return null;
  let col = 0;
  for (const ch of match[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), col };
}

export let selected = "A1";

/** A row's height as drawn (the first body row), for the spacers and the scroll position. */
function rowHeight(): number {
  return document.querySelector<HTMLElement>("#grid tbody tr:not(.spacer)")?.offsetHeight || 22;
}

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
  if (cell.error) {
    td.title = cell.error;
    td.classList.add("error");
  }
}

function rowElement(grid: GridView, cells: CellView[], row: number, height: number): HTMLTableRowElement {
  const tr = el("tr");
  const th = el("th", { scope: "row" }, String(row));
  tr.append(th);
  const frozen = row <= grid.frozenRows;
  if (frozen) {
    tr.classList.add("frozen");
    if (row === grid.frozenRows) tr.classList.add("frozen-last");
    th.style.top = height * row + "px";
    th.style.zIndex = "3";
  }
  cells.forEach((cell, c) => {
    const a1 = columnName(c) + row;
    const td = el("td", { "data-cell": a1 });
    if (grid.hidden.includes(c)) td.hidden = true;
    paintCell(td, cell);
    if (frozen) td.style.top = height * row + "px";
    if (a1 === selected) td.classList.add("selected");
    tr.append(td);
  });
  return tr;
}

function spacer(rows: number, height: number, columns: number): HTMLTableRowElement {
  const tr = el("tr", { class: "spacer", "aria-hidden": "true" });
  tr.append(el("td", { colspan: String(columns + 1), style: "height:" + rows * height + "px" }));
  return tr;
}

export function renderGrid(grid: GridView): void {
  const table = $("grid") as HTMLTableElement;
  const height = rowHeight();
  const colgroup = el("colgroup");
  colgroup.append(el("col", { style: "width:46px" }));
  // A hidden column takes no room: no <col>, its letter and cells not drawn (display: none cells take no column).
  grid.widths.forEach((width, c) => {
    if (!grid.hidden.includes(c)) colgroup.append(el("col", { style: "width:" + width + "px" }));
  });
  const head = el("thead");
  const letters = el("tr");
  letters.append(el("th", { class: "corner" }));
  grid.widths.forEach((_, c) => {
    const th = el("th", { scope: "col" }, columnName(c));
    if (grid.hidden.includes(c)) th.hidden = true;
    letters.append(th);
  });
  head.append(letters);
  const body = el("tbody");
  grid.frozen.forEach((cells, i) => body.append(rowElement(grid, cells, i + 1, height)));
  const before = grid.top - grid.frozenRows - 1;
  if (before > 0) body.append(spacer(before, height, grid.widths.length));
  grid.rows.forEach((cells, i) => body.append(rowElement(grid, cells, grid.top + i, height)));
  const after = grid.rowCount - (grid.top + grid.rows.length - 1);
  if (after > 0) body.append(spacer(after, height, grid.widths.length));
  table.replaceChildren(colgroup, head, body);
  table.style.width = 46 + grid.widths.reduce((a, b, c) => a + (grid.hidden.includes(c) ? 0 : b), 0) + "px";
  showSelection();
}

export function cellAt(a1: string): HTMLTableCellElement | null {
  return document.querySelector('td[data-cell="' + a1 + '"]');
}

/** What the server sent for a cell, if it is in the window. */
export function cellView(a1: string): CellView | null {
  const grid = page.state?.grid;
  const at = parseA1(a1);
  if (!grid || !at) return null;
  const line = at.row <= grid.frozenRows ? grid.frozen[at.row - 1] : grid.rows[at.row - grid.top];
  return line?.[at.col - 1] ?? null;
}

function showSelection(): void {
  $("name-box").textContent = selected;
  const cell = cellView(selected);
  $("formula").textContent = cell ? (cell.edit ?? cell.text) : "";
  updateConnect(selected, Boolean(cell?.connect), cellAt(selected));
}

export function select(a1: string): void {
  cellAt(selected)?.classList.remove("selected");
  selected = a1;
  const td = cellAt(a1);
  if (td) {
    td.classList.add("selected");
    td.scrollIntoView({ block: "nearest", inline: "nearest" });
  } else {
    // Outside the rows shown: scroll there; the scroll fetches them and the render marks the cell.
    const wrap = $("grid-wrap");
    const row = parseA1(a1)?.row ?? 1;
    wrap.scrollTop = Math.max(0, (row - 1) * rowHeight() - wrap.clientHeight / 2);
  }
  showSelection();
}

/** Selects the first cell of a newly shown sheet. */
export function resetSelection(): void {
  selected = "A1";
  ($("grid-wrap") as HTMLElement).scrollTo(0, 0);
}

export function move(a1: string, dRow: number, dCol: number): string {
  const at = parseA1(a1);
  const grid = page.state?.grid;
  if (!at || !grid) return a1;
  const row = Math.min(grid.rowCount, Math.max(1, at.row + dRow));
  const col = Math.min(grid.widths.length, Math.max(1, at.col + dCol));
  return columnName(col - 1) + row;
}

let fetching = false;
/** After a scroll: fetch the rows now in view if the window doesn't hold them. */
async function followScroll(): Promise<void> {
  const grid = page.state?.grid;
  if (!grid || fetching) return;
  const wrap = $("grid-wrap");
  const height = rowHeight();
  const first = Math.floor(wrap.scrollTop / height) + 1;
  const last = first + Math.ceil(wrap.clientHeight / height);
  const shownFrom = grid.top;
  const shownTo = grid.top + grid.rows.length - 1;
  if ((first >= shownFrom || shownFrom <= grid.frozenRows + 1) && (last <= shownTo || shownTo >= grid.rowCount)) return;
  fetching = true;
  try {
    await refresh(Math.max(1, first - 40));
  } finally {
    fetching = false;
  }
  void followScroll(); // the person may have scrolled on meanwhile
}

export function gridScrollEvents(): void {
  let queued = false;
  $("grid-wrap").addEventListener("scroll", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      void followScroll();
    });
  });
}
