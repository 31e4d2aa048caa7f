/**
 * Everything Apps Script calls by name. The build bundles this module as the global `OkrTracker`
 * and writes one top-level function per entry below it, because Apps Script only sees top-level
 * function declarations (menu items, triggers, google.script.run targets, custom functions).
 */
export { customFunctions } from "./functions/public-functions";
export { menuActions } from "./server/menu";
export { sidebarApi } from "./server/sidebar-api";
import { onEdit, onInstall, onOpen } from "./server/menu";

export const triggers = { onOpen, onInstall, onEdit };
