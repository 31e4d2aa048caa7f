/**
 * Typing into a cell, as in Sheets: the editor starts from the cell's content (or the key typed),
 * Enter / Tab commit and move down / right, Escape cancels. The value goes through the emulator's
 * user edit, so validation, protections and the add-on's onEdit apply; edits are sent in order.
 */
import { ask, showAlert, showToast } from "./dialogs";
import { cellAt, cellView, move, parseA1, select } from "./grid";
import { show } from "./outcome";
import { $, el, page, post, type Outcome } from "./state";

type EditAnswer = Outcome & { confirm?: { title: string; text: string } };

let sending: Promise<void> = Promise.resolve();

async function submit(sheet: string, a1: string, input: string): Promise<void> {
  let outcome = await post<EditAnswer>("/api/edit", { sheet, a1, input });
  if (outcome.confirm) {
    if (!(await ask(outcome.confirm.title, outcome.confirm.text))) return;
    outcome = await post<EditAnswer>("/api/edit", { sheet, a1, input, confirmed: true });
  }
  // Sheets rejects a value that breaks a strict validation rule, saying what the rule asks for.
  if (outcome.result?.accepted === false) showAlert("There was a problem", outcome.result.message ?? "");
  for (const warning of outcome.result?.warnings ?? []) if (!/protected range/.test(warning)) showToast(warning, 6); // that one was asked above
  show(outcome);
}

/** The column where a run of Tab-committed values began: Enter goes back to it, one row down (Sheets). */
let tabAnchor: number | null = null;

/** Keys that end the edit, and where the selection goes then. */
function nextCell(event: KeyboardEvent, a1: string, quick: boolean): string | null | undefined {
  const next = destination(event, a1, quick);
  const col = parseA1(a1)?.col ?? 1;
  if (event.key === "Tab") tabAnchor ??= col;
  else if (next !== undefined) {
    const anchor = tabAnchor;
    tabAnchor = null;
    if (event.key === "Enter" && !event.shiftKey && anchor !== null && next) return move(next, 0, anchor - col);
  }
  return next;
}

function destination(event: KeyboardEvent, a1: string, quick: boolean): string | null | undefined {
  const arrows: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  if (event.key === "Enter") return move(a1, event.shiftKey ? -1 : 1, 0);
  if (event.key === "Tab") return move(a1, 0, event.shiftKey ? -1 : 1);
  // Started by typing (not F2 or a double-click): arrow keys commit and move, as in Sheets.
  if (quick && arrows[event.key]) return move(a1, ...arrows[event.key]);
  return undefined;
}

export function editCell(a1: string, initial?: string): void {
  const td = cellAt(a1);
  const sheet = page.state?.active;
  if (!td || !sheet) return;
  const cell = cellView(a1);
  const input = el("input", { class: "cell-editor", "aria-label": "Edit " + a1 });
  input.value = initial ?? cell?.edit ?? cell?.text ?? "";
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
  const finish = (save: boolean, next: string | null) => {
    if (done) return;
    done = true;
    const value = input.value;
    input.remove();
    if (next) select(next); // at once, so the next value typed goes to the next cell
    wrap.focus();
    if (save) sending = sending.then(() => submit(sheet, a1, value)).catch((e) => showAlert("Error", String(e)));
  };
  input.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Escape") return finish(false, null);
    const next = nextCell(event, a1, initial !== undefined);
    if (next === undefined) return;
    event.preventDefault();
    finish(true, next);
  });
  input.addEventListener("blur", () => finish(true, null));
}
