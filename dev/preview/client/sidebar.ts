/** The add-on's sidebar: an iframe loaded afresh each time it opens, as Sheets serves it. */
import { $ } from "./state";

export let sidebarOpen = false;

export function openSidebar(title: string): void {
  $("sidebar-title").textContent = title;
  $("sidebar").hidden = false;
  sidebarOpen = true;
  ($("sidebar-frame") as HTMLIFrameElement).src = "/sidebar?t=" + Date.now();
}

export function closeSidebar(): void {
  $("sidebar").hidden = true;
  sidebarOpen = false;
  ($("sidebar-frame") as HTMLIFrameElement).src = "about:blank";
}
