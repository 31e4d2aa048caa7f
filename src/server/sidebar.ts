export const SIDEBAR_FILE = "Sidebar";
export const SIDEBAR_TITLE = "OKR Tracker";

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
