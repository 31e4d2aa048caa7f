/** What a server call shows the person: alerts, toasts, a sidebar; then the grid refreshes. */
import { showAlert, showToast } from "./dialogs";
import { openSidebar } from "./sidebar";
import { refresh, type Outcome } from "./state";

export function show(outcome: Outcome): void {
  if (outcome.error) showAlert("Error", outcome.error);
  for (const alert of outcome.alerts) showAlert(alert.title ?? "", alert.prompt);
  for (const toast of outcome.toasts)
    showToast((toast.title ? toast.title + ": " : "") + toast.message, toast.timeoutSeconds);
  if (outcome.sidebarTitle !== null) openSidebar(outcome.sidebarTitle);
  void refresh();
}
