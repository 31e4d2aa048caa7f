import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createEmulator } from "../../dev/emulator";

describe("services", () => {
  test("Utilities.formatDate follows Java SimpleDateFormat in the given zone", () => {
    const { Utilities } = createEmulator().services;
    const d = new Date("2024-01-31T23:30:05Z");
    expect(Utilities.formatDate(d, "Etc/UTC", "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe("2024-01-31T23:30:05Z");
    expect(Utilities.formatDate(d, "Europe/Paris", "EEE d MMM yyyy HH:mm")).toBe("Thu 1 Feb 2024 00:30");
    expect(Utilities.formatDate(d, "America/New_York", "h:mm a Z")).toBe("6:30 PM -0500");
  });

  test("document properties are shared, user properties are per user", () => {
    const ann = createEmulator({ user: "ann@example.com" });
    const bo = createEmulator({ workbook: ann.workbook, user: "bo@example.com" });
    ann.services.PropertiesService.getDocumentProperties().setProperty("a", "1");
    ann.services.PropertiesService.getUserProperties().setProperty("u", "ann");
    expect(bo.services.PropertiesService.getDocumentProperties().getProperty("a")).toBe("1");
    expect(bo.services.PropertiesService.getUserProperties().getProperty("u")).toBeNull();
  });

  test("property quotas: 9 KB a value, 500 KB a store", () => {
    const props = createEmulator().services.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow(/exceeded the property storage quota/);
    props.setProperty("ok", "x".repeat(9 * 1024));
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, "y".repeat(9000)]));
    expect(() => props.setProperties(many)).toThrow(/exceeded the property storage quota/);
    expect(props.getKeys()).toEqual(["ok"]);
  });

  test("cache entries expire", () => {
    const { CacheService } = createEmulator().services;
    const cache = CacheService.getDocumentCache();
    cache.put("k", "v", 1);
    expect(cache.get("k")).toBe("v");
    const now = Date.now;
    Date.now = () => now() + 2000;
    try {
      expect(cache.get("k")).toBeNull();
    } finally {
      Date.now = now;
    }
  });

  test("HtmlService reads <name>.html from the configured folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "html-"));
    fs.writeFileSync(path.join(dir, "Sidebar.html"), "<p>hi</p>");
    const emu = createEmulator({ htmlFolder: dir });
    const out = emu.services.HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("OKRs").setWidth(320);
    emu.services.SpreadsheetApp.getUi().showSidebar(out);
    expect(emu.ui.sidebars[0].getContent()).toBe("<p>hi</p>");
    expect(emu.ui.sidebars[0].getTitle()).toBe("OKRs");
    expect(() => emu.services.HtmlService.createHtmlOutputFromFile("Missing")).toThrow();
  });

  test("Session reports the configured user and time zones", () => {
    const emu = createEmulator({ user: "ann@example.com", timeZone: "Europe/Paris", scriptTimeZone: "Etc/UTC" });
    expect(emu.services.Session.getActiveUser().getEmail()).toBe("ann@example.com");
    expect(emu.services.Session.getScriptTimeZone()).toBe("Etc/UTC");
    expect(emu.spreadsheet.getSpreadsheetTimeZone()).toBe("Europe/Paris");
  });

  test("toasts and menus are recorded per user", () => {
    const emu = createEmulator();
    emu.spreadsheet.toast("Saved", "OKRs");
    const ui = emu.services.SpreadsheetApp.getUi();
    ui.createMenu("OKR")
      .addItem("Open", "openSidebar")
      .addSubMenu(ui.createMenu("More").addItem("Reset", "reset"))
      .addToUi();
    expect(emu.ui.toasts[0]).toEqual({ message: "Saved", title: "OKRs", timeoutSeconds: 5 });
    expect(emu.ui.menuItems()).toEqual([
      { path: "OKR > Open", functionName: "openSidebar" },
      { path: "OKR > More > Reset", functionName: "reset" },
    ]);
  });
});
