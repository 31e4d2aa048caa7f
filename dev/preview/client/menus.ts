/**
 * The menu bar, as a menu bar behaves: one Tab stop (arrow keys move along it), menus open on
 * click or ArrowDown, submenus on hover, click or ArrowRight; Escape, a click elsewhere or the
 * focus leaving the page (into the sidebar) closes them.
 */
import { el, page, post, type MenuEntry, type Outcome } from "./state";
import { show } from "./outcome";

function menubarButtons(): HTMLButtonElement[] {
  return Array.from(document.querySelectorAll<HTMLButtonElement>(".menubar [data-menu]"));
}

export function closeMenus(): void {
  document.querySelectorAll(".dropdown").forEach((d) => d.remove());
  document.querySelectorAll('[aria-expanded="true"]').forEach((b) => b.setAttribute("aria-expanded", "false"));
}

function items(list: HTMLElement): HTMLButtonElement[] {
  return Array.from(list.children).filter((c): c is HTMLButtonElement => c instanceof HTMLButtonElement);
}

function openSubmenu(item: HTMLButtonElement, list: HTMLElement, entries: MenuEntry[], focus: boolean): void {
  if (item.getAttribute("aria-expanded") !== "true") {
    list.querySelectorAll(".dropdown").forEach((d) => d.remove());
    list.querySelectorAll('[aria-expanded="true"]').forEach((b) => b.setAttribute("aria-expanded", "false"));
    item.setAttribute("aria-expanded", "true");
    const sub = menuList(entries, item);
    list.append(sub);
    sub.style.top = item.offsetTop - 6 + "px";
  }
  if (focus) items(list.querySelector(".dropdown") as HTMLElement)[0]?.focus();
}

function menuItem(entry: Exclude<MenuEntry, { kind: "separator" }>, list: HTMLElement): HTMLButtonElement {
  const item = el("button", { type: "button", role: "menuitem", tabindex: "-1" }, entry.caption);
  if (entry.kind === "submenu") {
    item.setAttribute("aria-haspopup", "true");
    item.setAttribute("aria-expanded", "false");
    item.append(el("span", { "aria-hidden": "true" }, "\u25B8"));
    item.addEventListener("click", () => openSubmenu(item, list, entry.entries, true));
    item.addEventListener("mouseenter", () => openSubmenu(item, list, entry.entries, false));
    item.addEventListener("keydown", (e) => e.key === "ArrowRight" && openSubmenu(item, list, entry.entries, true));
  } else {
    item.addEventListener("mouseenter", () => {
      // Pointing at a plain item closes a sibling's open submenu, as in Sheets.
      list.querySelectorAll(":scope > .dropdown").forEach((d) => d.remove());
      list.querySelectorAll(':scope > [aria-expanded="true"]').forEach((b) => b.setAttribute("aria-expanded", "false"));
    });
    item.addEventListener("click", async () => {
      closeMenus();
      show(await post<Outcome>("/api/menu", { functionName: entry.functionName }));
    });
  }
  return item;
}

/** A dropdown list; `parent` is the item or menu bar button that opened it. */
function menuList(entries: MenuEntry[], parent: HTMLButtonElement): HTMLElement {
  const list = el("div", { class: "dropdown", role: "menu", "aria-label": parent.firstChild?.textContent ?? "" });
  if (!entries.length) list.append(el("div", { class: "empty" }, "No add-ons"));
  for (const entry of entries)
    list.append(entry.kind === "separator" ? el("hr", { role: "separator" }) : menuItem(entry, list));
  list.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLElement && event.target.parentElement !== list) return; // a submenu's key
    const all = items(list);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      all[(at + (event.key === "ArrowDown" ? 1 : all.length - 1)) % all.length]?.focus();
    } else if (event.key === "ArrowLeft" && parent.getAttribute("role") === "menuitem" && !parent.dataset.menu) {
      event.preventDefault();
      list.remove();
      parent.setAttribute("aria-expanded", "false");
      parent.focus();
    }
  });
  return list;
}

function menuEntriesFor(name: string): MenuEntry[] {
  const menus = page.state?.menus ?? [];
  if (name === "Extensions")
    return menus.filter((m) => m.addon).map((m) => ({ kind: "submenu", caption: m.caption, entries: m.entries }));
  return menus.find((m) => !m.addon && m.caption === name)?.entries ?? [];
}

function openMenu(button: HTMLButtonElement): void {
  closeMenus();
  button.setAttribute("aria-expanded", "true");
  const list = menuList(menuEntriesFor(button.dataset.menu as string), button);
  button.parentElement?.append(list);
  items(list)[0]?.focus();
}

export function menuEvents(): void {
  const bar = document.querySelector(".menubar") as HTMLElement;
  bar.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-menu]");
    if (!button || button.getAttribute("aria-disabled") === "true") return;
    if (button.getAttribute("aria-expanded") === "true") closeMenus();
    else openMenu(button);
  });
  bar.addEventListener("keydown", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-menu]");
    if (!button || event.target !== button) return;
    const buttons = menubarButtons();
    const at = buttons.indexOf(button);
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      const next = buttons[(at + (event.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length];
      // Roving focus: the button with the focus is the menu bar's one Tab stop.
      buttons.forEach((b) => b.setAttribute("tabindex", b === next ? "0" : "-1"));
      next.focus();
    } else if (event.key === "ArrowDown" && button.getAttribute("aria-disabled") !== "true") {
      event.preventDefault();
      openMenu(button);
    }
  });
  document.addEventListener("click", (event) => {
    if (!(event.target as HTMLElement).closest(".menu-root")) closeMenus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !document.querySelector(".dropdown")) return;
    const owner = document.querySelector<HTMLButtonElement>('.menubar [aria-expanded="true"]');
    closeMenus();
    owner?.focus();
  });
  // A click into the sidebar (another document) moves the focus out of this window.
  window.addEventListener("blur", closeMenus);
}
