/** The page's copy of the server's state, and the calls that change it. */
import type { MenuEntry, RecordedMenu } from "../../emulator/ui";
import type { CellView, GridView } from "../grid";

export type { CellView, GridView, MenuEntry };

export interface State {
  version: number;
  title: string;
  /** The spreadsheets the preview holds (several with --company) and the one shown. */
  books: string[];
  book: number;
  menus: RecordedMenu[];
  sheets: { name: string; color: string | null }[];
  active: string;
  grid: GridView;
  sidebarTitle: string | null;
}

/** What a menu item or an edit showed: alerts, toasts, a sidebar; for an edit, Sheets' verdict. */
export interface Outcome {
  error: string | null;
  alerts: { title: string | null; prompt: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  sidebarTitle: string | null;
  result?: { accepted?: boolean; message?: string; warnings?: string[] };
}

export const page: { state: State | null; render: (next: State) => void } = {
  state: null,
  render: () => undefined,
};

export async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data as T;
}

/** The first row the grid should show (the last one asked for), and the last state request made. */
let wantedTop = 1;
let latest = 0;

/**
 * Fetches the state with the grid's rows from `top` (default: the rows asked for last) and renders
 * it. Answers can arrive out of order (polling, edits, scrolling): only the newest request's shows.
 */
export async function refresh(top = wantedTop): Promise<void> {
  wantedTop = top;
  const mine = ++latest;
  const response = await fetch("/api/state?top=" + top);
  const next = (await response.json()) as State;
  if (mine === latest) page.render(next);
}

export const $ = (id: string) => document.getElementById(id) as HTMLElement;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
