/** HtmlService: createHtmlOutputFromFile reads "<name>.html" from a folder (default dist/). */
import * as fs from "fs";
import * as path from "path";
import type { Api } from "./types";

export class HtmlOutput implements Api<
  GoogleAppsScript.HTML.HtmlOutput,
  "getContent" | "getTitle" | "getWidth" | "getHeight" | "append"
> {
  private title = "";
  private width = 300;
  private height = 0;

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = content;
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.content += addedContent;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }
  setSandboxMode(): HtmlOutput {
    return this;
  }
  setXFrameOptionsMode(): HtmlOutput {
    return this;
  }
  addMetaTag(): HtmlOutput {
    return this;
  }
}

export function createHtmlService(folder: () => string, hit: (m: string) => void) {
  return {
    SandboxMode: { IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" },
    XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
    createHtmlOutput(html = ""): HtmlOutput {
      hit("HtmlService.createHtmlOutput");
      return new HtmlOutput(html);
    },
    createHtmlOutputFromFile(name: string): HtmlOutput {
      hit("HtmlService.createHtmlOutputFromFile");
      const file = path.join(folder(), name.endsWith(".html") ? name : `${name}.html`);
      if (!fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
      return new HtmlOutput(fs.readFileSync(file, "utf8"));
    },
  };
}
