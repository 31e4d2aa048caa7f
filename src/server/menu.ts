/** The add-on menu (Extensions → OKR Tracker). Items name top-level functions generated from entry-points.ts. */
import { showSidebar } from "./sidebar";

export const MENU_ITEMS: readonly { label: string; functionName: string }[] = [
  { label: "Open sidebar", functionName: "showSidebar" },
];

/** Builds the menu; safe in AuthMode.NONE, where an add-on may only add menu items. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item.label === "-") menu.addSeparator();
    else menu.addItem(item.label, item.functionName);
  }
  menu.addToUi();
}

/** Runs when the add-on is installed from the Marketplace, so the menu appears without a reload. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export const menuActions = { showSidebar };
