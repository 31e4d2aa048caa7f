/** The add-on menu (Extensions → OKR Tracker) and the actions behind it. */
import * as z from "zod/mini";
import { fieldErrors } from "../core/model";
import { CycleRequest } from "../core/requests";
import { OBJECTIVES } from "../core/layout";
import { warnTypedParents } from "./alignment";
import { recordTypedEdits } from "./check-ins";
import { setUpCompanyTracker } from "./company";
import { rebuildDashboard } from "./dashboard";
import { closeCycle, cycleToClose, cycleToReopen, reopenCycle } from "./cycles";
import { UserError } from "./errors";
import { withDocumentLock } from "./lock";
import { checkOkrs, writeVerdicts } from "./okr-check";
import { describeSetup, setUpTracker } from "./setup";
import { showSidebar } from "./sidebar";
import { openTracker } from "./tables";

export const MENU_ITEMS: readonly { label: string; functionName: string }[] = [
  { label: "Open sidebar", functionName: "showSidebar" },
  { label: "-", functionName: "" },
  { label: "Set up tracker", functionName: "setUpTrackerFromMenu" },
  { label: "Repair tracker", functionName: "repairTrackerFromMenu" },
  { label: "Set up as company tracker", functionName: "setUpCompanyFromMenu" },
  { label: "-", functionName: "" },
  { label: "Check OKRs against roadmap", functionName: "checkRoadmapFromMenu" },
  { label: "Rebuild dashboard", functionName: "rebuildDashboardFromMenu" },
  { label: "-", functionName: "" },
  { label: "Close cycle…", functionName: "closeCycleFromMenu" },
  { label: "Reopen cycle…", functionName: "reopenCycleFromMenu" },
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
    if (event.range.getSheet().getName() === OBJECTIVES.name)
      withDocumentLock(() => warnTypedParents(openTracker(), event.range));
    else recordTypedEdits(event);
  } catch (error) {
    const message =
      error instanceof UserError ? error.message : "Couldn't record this edit in History: " + (error as Error).message;
    SpreadsheetApp.getActiveSpreadsheet().toast(message, "OKR Tracker", 10);
  }
}

/** Runs a menu action and shows its outcome; a null outcome (the person cancelled) shows nothing. */
function alertOutcome(title: string, work: () => string | null): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const outcome = work();
    if (outcome !== null) ui.alert(title, outcome, ui.ButtonSet.OK);
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

/** The company's roll-up across team trackers (company.ts); says what to do next. */
export function setUpCompanyFromMenu(): void {
  alertOutcome("Set up as company tracker", setUpCompanyTracker);
}

/** Writes each OKR's verdict next to it (reasons as notes) and sums it up. */
export function checkRoadmapFromMenu(): void {
  alertOutcome("Check OKRs against roadmap", () =>
    withDocumentLock(() => {
      return writeVerdicts(checkOkrs()).summary;
    }),
  );
}

export function rebuildDashboardFromMenu(): void {
  alertOutcome("Rebuild dashboard", rebuildDashboard);
}

/** Asks which cycle (offering one), validated as the sidebar's request is; null when cancelled. */
function askCycle(title: string, question: string, offered: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const reply = ui.prompt(
    title,
    question + (offered ? " Leave blank for " + offered + "." : ""),
    ui.ButtonSet.OK_CANCEL,
  );
  if (reply.getSelectedButton() !== ui.Button.OK) return null;
  const cycle = reply.getResponseText().trim() || offered;
  const parsed = z.safeParse(CycleRequest, { cycle });
  if (!parsed.success) throw new UserError("invalid-input", fieldErrors(parsed.error)[0].message);
  return parsed.data.cycle;
}

/** Closes a cycle after asking which; a cycle still running needs a second yes. Retrospectives: the sidebar asks for them. */
export function closeCycleFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  alertOutcome("Close cycle", () => {
    const cycle = askCycle(
      "Close cycle",
      "Which cycle do you want to close? Its scores are frozen as final grades and check-ins on it are refused until it is reopened. To write retrospectives as you close, use Close cycle in the sidebar, or type them in the Objectives sheet's Retrospective column.",
      cycleToClose(),
    );
    if (!cycle) return null;
    try {
      return closeCycle({ cycle, retrospectives: {}, early: false }).summary;
    } catch (error) {
      if (!(error instanceof UserError && error.code === "needs-confirmation")) throw error;
      if (ui.alert("Close cycle early?", error.message, ui.ButtonSet.YES_NO) !== ui.Button.YES) return null;
      return closeCycle({ cycle, retrospectives: {}, early: true }).summary;
    }
  });
}

export function reopenCycleFromMenu(): void {
  alertOutcome("Reopen cycle", () => {
    const offered = cycleToReopen();
    const cycle = askCycle(
      "Reopen cycle",
      "Which cycle do you want to reopen? Check-ins on it are accepted again.",
      offered,
    );
    return cycle ? reopenCycle({ cycle }) : null;
  });
}

export const menuActions = {
  showSidebar,
  setUpTrackerFromMenu,
  repairTrackerFromMenu,
  setUpCompanyFromMenu,
  checkRoadmapFromMenu,
  rebuildDashboardFromMenu,
  closeCycleFromMenu,
  reopenCycleFromMenu,
};
