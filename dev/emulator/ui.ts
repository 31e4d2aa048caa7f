/**
 * SpreadsheetApp.getUi(): menus are recorded (a preview renders them, a test clicks an item by
 * its function name), alerts take scripted answers, sidebars/dialogs record their HtmlOutput.
 */
import type { HtmlOutput } from "./html";

export enum Button {
  CLOSE = "CLOSE",
  OK = "OK",
  CANCEL = "CANCEL",
  YES = "YES",
  NO = "NO",
}

export enum ButtonSet {
  OK = "OK",
  OK_CANCEL = "OK_CANCEL",
  YES_NO = "YES_NO",
  YES_NO_CANCEL = "YES_NO_CANCEL",
}

export type MenuEntry =
  | { kind: "item"; caption: string; functionName: string }
  | { kind: "separator" }
  | { kind: "submenu"; caption: string; entries: MenuEntry[] };

export interface RecordedMenu {
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}

export interface RecordedAlert {
  title: string | null;
  prompt: string;
  buttons: ButtonSet;
  answer: Button;
}

export class UiState {
  menus: RecordedMenu[] = [];
  alerts: RecordedAlert[] = [];
  /** Answers the next alerts will return, in order; when empty an alert answers OK (or YES). */
  scriptedAnswers: Button[] = [];
  /** Replies the next prompts will return, in order; when empty: "" with OK. */
  scriptedPrompts: { text: string; button?: Button }[] = [];
  prompts: { title: string | null; prompt: string; buttons: ButtonSet; text: string; button: Button }[] = [];
  sidebars: HtmlOutput[] = [];
  dialogs: { html: HtmlOutput; title: string; modal: boolean }[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number }[] = [];

  /** All menu items, flattened, with their path ("OKR Tracker > Check in"). */
  menuItems(): { path: string; functionName: string }[] {
    const out: { path: string; functionName: string }[] = [];
    const walk = (prefix: string, entries: MenuEntry[]) => {
      for (const e of entries) {
        if (e.kind === "item") out.push({ path: `${prefix} > ${e.caption}`, functionName: e.functionName });
        if (e.kind === "submenu") walk(`${prefix} > ${e.caption}`, e.entries);
      }
    };
    for (const m of this.menus) walk(m.caption, m.entries);
    return out;
  }
}

/** alert/prompt take (prompt), (prompt, buttons) or (title, prompt, buttons). */
function dialogArgs(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, maybeButtons?: ButtonSet) {
  if (maybeButtons !== undefined)
    return { title: titleOrPrompt as string | null, prompt: String(promptOrButtons), buttons: maybeButtons };
  return { title: null, prompt: titleOrPrompt, buttons: (promptOrButtons as ButtonSet | undefined) ?? ButtonSet.OK };
}

/** With no scripted answer the user accepts: YES for yes/no dialogs, OK otherwise. */
function defaultButton(buttons: ButtonSet): Button {
  return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
}

export class PromptResponse {
  constructor(
    private text: string,
    private button: Button,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): Button {
    return this.button;
  }
}

export class Menu {
  entries: MenuEntry[] = [];

  constructor(
    private state: UiState,
    public caption: string,
    private addon: boolean,
    private hit: (m: string) => void,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.hit("Menu.addItem");
    this.entries.push({ kind: "item", caption, functionName });
    return this;
  }

  addSeparator(): Menu {
    this.hit("Menu.addSeparator");
    this.entries.push({ kind: "separator" });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.hit("Menu.addSubMenu");
    this.entries.push({ kind: "submenu", caption: menu.caption, entries: menu.entries });
    return this;
  }

  addToUi(): void {
    this.hit("Menu.addToUi");
    this.state.menus = this.state.menus.filter((m) => m.caption !== this.caption);
    this.state.menus.push({ caption: this.caption, addon: this.addon, entries: this.entries });
  }
}

export class Ui {
  Button = Button;
  ButtonSet = ButtonSet;

  constructor(
    private state: UiState,
    private addonName: string,
    private hit: (m: string) => void,
  ) {}

  createAddonMenu(): Menu {
    this.hit("Ui.createAddonMenu");
    return new Menu(this.state, this.addonName, true, this.hit);
  }

  createMenu(caption: string): Menu {
    this.hit("Ui.createMenu");
    return new Menu(this.state, caption, false, this.hit);
  }

  alert(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, maybeButtons?: ButtonSet): Button {
    this.hit("Ui.alert");
    const { title, prompt, buttons } = dialogArgs(titleOrPrompt, promptOrButtons, maybeButtons);
    const answer = this.state.scriptedAnswers.shift() ?? defaultButton(buttons);
    this.state.alerts.push({ title, prompt, buttons, answer });
    return answer;
  }

  prompt(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, maybeButtons?: ButtonSet): PromptResponse {
    this.hit("Ui.prompt");
    const { title, prompt, buttons } = dialogArgs(titleOrPrompt, promptOrButtons, maybeButtons);
    const reply = this.state.scriptedPrompts.shift() ?? { text: "" };
    const button = reply.button ?? defaultButton(buttons);
    this.state.prompts.push({ title, prompt, buttons, text: reply.text, button });
    return new PromptResponse(reply.text, button);
  }

  showSidebar(html: HtmlOutput): void {
    this.hit("Ui.showSidebar");
    this.state.sidebars.push(html);
  }

  showModalDialog(html: HtmlOutput, title: string): void {
    this.hit("Ui.showModalDialog");
    this.state.dialogs.push({ html, title, modal: true });
  }

  showModelessDialog(html: HtmlOutput, title: string): void {
    this.hit("Ui.showModelessDialog");
    this.state.dialogs.push({ html, title, modal: false });
  }
}
