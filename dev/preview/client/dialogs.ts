/** Sheets' modal dialogs (alerts, the protected-range question) and toasts. */
import { $ } from "./state";

interface Pending {
  title: string;
  text: string;
  /** With a Cancel button; resolves true for OK. */
  ask?: (ok: boolean) => void;
}

const queue: Pending[] = [];
let current: Pending | null = null;
/** Where the focus was before the dialog, to give it back. */
let returnFocus: HTMLElement | null = null;

function dialog(): HTMLDialogElement {
  return $("alert") as HTMLDialogElement;
}

function showNext(): void {
  current = queue.shift() ?? null;
  if (!current) {
    dialog().close();
    returnFocus?.focus();
    returnFocus = null;
    return;
  }
  $("alert-title").textContent = current.title;
  $("alert-text").textContent = current.text;
  $("alert-cancel").hidden = !current.ask;
  if (!dialog().open) {
    returnFocus = document.activeElement as HTMLElement | null;
    dialog().showModal();
  }
  $("alert-ok").focus();
}

function answer(ok: boolean): void {
  current?.ask?.(ok);
  showNext();
}

export function showAlert(title: string, text: string): void {
  queue.push({ title, text });
  if (!current) showNext();
}

/** OK / Cancel; resolves true for OK. */
export function ask(title: string, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    queue.push({ title, text, ask: resolve });
    if (!current) showNext();
  });
}

let toastTimer = 0;
export function showToast(text: string, seconds: number): void {
  const toast = $("toast");
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (toast.hidden = true), Math.max(seconds, 2) * 1000);
}

export function dialogEvents(): void {
  $("alert-ok").addEventListener("click", () => answer(true));
  $("alert-cancel").addEventListener("click", () => answer(false));
  dialog().addEventListener("cancel", (event) => {
    event.preventDefault(); // Escape: Cancel where there is one, else OK
    answer(!current?.ask);
  });
}
