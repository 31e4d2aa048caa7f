/** The add-on menu (Extensions → OKR Tracker) and the actions behind it. */
import { recordTypedEdits } from "./check-ins";
import { UserError } from "./errors";
import { withDocumentLock } from "./lock";
import { checkOkrs, writeVerdicts } from "./okr-check";
import { describeSetup, setUpTracker } from "./setup";
import { showSidebar } from "./sidebar";

export const MENU_ITEMS: readonly { label: string; functionName: string }[] = [
  { label: "Open sidebar", functionName: "showSidebar" },
  { label: "-", functionName: "" },
  { label: "Set up tracker", functionName: "setUpTrackerFromMenu" },
  { label: "Repair tracker", functionName: "repairTrackerFromMenu" },
  { label: "-", functionName: "" },
  { label: "Check OKRs against roadmap", functionName: "checkRoadmapFromMenu" },
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

/** Values typed into the Current column are check-ins too. Errors must not reach the person typing. */
export function onEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    recordTypedEdits(event);
  } catch (error) {
    const message =
      error instanceof UserError ? error.message : "Couldn't record this edit in History: " + (error as Error).message;
    SpreadsheetApp.getActiveSpreadsheet().toast(message, "OKR Tracker", 10);
  }
}

function alertOutcome(title: string, work: () => string): void {
  const ui = SpreadsheetApp.getUi();
  try {
    ui.alert(title, work(), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(
      title,
      error instanceof UserError ? error.message : "Something went wrong: " + (error as Error).message,
      ui.ButtonSet.OK,
    );
  }
}

export function setUpTrackerFromMenu(): void {
  alertOutcome("Set up tracker", () => describeSetup(setUpTracker()));
}

export function repairTrackerFromMenu(): void {
  alertOutcome("Repair tracker", () => describeSetup(setUpTracker()));
}

/** Writes each OKR's verdict next to it (reasons as notes) and sums it up. */
export function checkRoadmapFromMenu(): void {
  alertOutcome("Check OKRs against roadmap", () =>
    withDocumentLock(() => {
      const check = checkOkrs();
      writeVerdicts(check);
      return check.summary;
    }),
  );
}

export const menuActions = { showSidebar, setUpTrackerFromMenu, repairTrackerFromMenu, checkRoadmapFromMenu };
