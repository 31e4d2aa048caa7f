import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The sidebar as one self-contained HTML file. Template literals are compiled away because
 * HtmlService mangles `//` and `/*` inside them; `</script` is escaped so the inline script can't end early.
 */
export async function buildSidebar(outDir: string): Promise<string> {
  const result = await build({
    entryPoints: ["sidebar/main.tsx"],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2019",
    supported: { "template-literal": false },
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: true,
    legalComments: "none",
    charset: "utf8",
  });
  const script = result.outputFiles[0].text.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
  const css = readFileSync("sidebar/styles.css", "utf8");
  const template = readFileSync("sidebar/index.html", "utf8");
  const html = template.replace("/*INLINE_CSS*/", () => css).replace("/*INLINE_SCRIPT*/", () => script);
  const file = join(outDir, "Sidebar.html");
  writeFileSync(file, html);
  return file;
}
