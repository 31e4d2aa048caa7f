/**
 * The preview page's script (served as /preview.js, bundled by esbuild): renders the state the
 * server sends (menus, the active sheet's grid, tabs, the sidebar). All user text goes in with textContent.
 */
import { connectEvents } from "./connect";
import { dialogEvents } from "./dialogs";
import { editCell } from "./editor";
import { gridScrollEvents, move, renderGrid, resetSelection, select, selected } from "./grid";
import { menuEvents } from "./menus";
import { closeSidebar, openSidebar, sidebarOpen } from "./sidebar";
import { $, el, page, post, refresh, type State } from "./state";

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
      resetSelection();
      await post<State>("/api/activate", { sheet: sheet.name });
      await refresh(1); // the new sheet from its first row
    });
    tabs.append(tab);
  }
}

/** With --company: one button per spreadsheet, as tabs of the browser would hold them in Sheets. */
function renderBooks(current: State): void {
  const books = $("books");
  books.hidden = current.books.length < 2;
  books.replaceChildren();
  if (books.hidden) return; // one spreadsheet: nothing to switch to, nothing to Tab through
  current.books.forEach((title, index) => {
    const button = el("button", { type: "button", "aria-pressed": String(index === current.book) }, title);
    button.addEventListener("click", async () => {
      if (index === page.state?.book) return;
      resetSelection();
      await post<State>("/api/open", { book: index });
      await refresh(1);
    });
    books.append(button);
  });
}

function render(next: State): void {
  const first = page.state === null;
  page.state = next;
  $("doc-title").textContent = next.title;
  document.title = next.title + " - OKR Tracker preview";
  renderBooks(next);
  renderTabs(next);
  renderGrid(next.grid);
  if (first && next.sidebarTitle !== null && !sidebarOpen) openSidebar(next.sidebarTitle);
}
page.render = render;

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function gridEvents(): void {
  const wrap = $("grid-wrap");
  const cellOf = (event: Event) => (event.target as HTMLElement).closest("td[data-cell]")?.getAttribute("data-cell");
  wrap.addEventListener("click", (event) => {
    const a1 = cellOf(event);
    if (a1) select(a1);
  });
  wrap.addEventListener("dblclick", (event) => {
    const a1 = cellOf(event);
    if (a1) editCell(a1);
  });
  wrap.addEventListener("keydown", (event) => {
    if (event.target !== wrap) return;
    if (ARROWS[event.key]) {
      event.preventDefault();
      select(move(selected, ...ARROWS[event.key]));
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      editCell(selected);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      editCell(selected, event.key);
    }
  });
  gridScrollEvents();
}

async function poll(): Promise<void> {
  try {
    const { version } = (await (await fetch("/api/version")).json()) as { version: number };
    if (page.state && version !== page.state.version) await refresh();
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
dialogEvents();
connectEvents();
menuEvents();
gridEvents();
void refresh();
setInterval(() => void poll(), 1000);
