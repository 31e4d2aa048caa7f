/**
 * IMPORTRANGE's access step, as Sheets shows it: a cell waiting for Allow access, once selected,
 * offers "You need to connect these sheets" with the button; the click allows the import.
 */
import { show } from "./outcome";
import { $, page, post, type Outcome } from "./state";

/** Shows the prompt under the selected cell when it waits for access, hides it otherwise. */
export function updateConnect(a1: string, waiting: boolean, cell: HTMLElement | null): void {
  const box = $("connect");
  if (!waiting || !cell) {
    box.hidden = true;
    return;
  }
  const wrap = $("grid-wrap");
  const origin = wrap.getBoundingClientRect();
  const at = cell.getBoundingClientRect();
  box.style.left = Math.max(0, at.left - origin.left + wrap.scrollLeft) + "px";
  box.style.top = at.bottom - origin.top + wrap.scrollTop + 4 + "px";
  box.dataset.cell = a1;
  box.hidden = false;
}

export function connectEvents(): void {
  $("connect-allow").addEventListener("click", async () => {
    const box = $("connect");
    const sheet = page.state?.active;
    if (!sheet || !box.dataset.cell) return;
    box.hidden = true;
    show(await post<Outcome>("/api/allow", { sheet, a1: box.dataset.cell }));
  });
}
