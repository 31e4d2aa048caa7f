/**
 * The emulator measured against Sheets, not against itself: every expected value below comes from
 * an outside source (sources.ts). docs/EMULATOR.md reports the count and every known difference.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Probe } from "./probe";
import { importRangeProbes } from "./probes/import-range";
import { formatProbes } from "./probes/locales";
import { serviceProbes } from "./probes/services";
import { sheetProbes } from "./probes/sheets";
import { typedProbes } from "./probes/typed";
import { valueProbes } from "./probes/values";

const areas: [string, Probe[]][] = [
  ["values", valueProbes],
  ["typed input", typedProbes],
  ["formulas, clearing, validation, protection", sheetProbes],
  ["locks, quotas, edit events", serviceProbes],
  ["number formats and locales", formatProbes],
  ["IMPORTRANGE between spreadsheets", importRangeProbes],
];
const all = areas.flatMap(([, probes]) => probes);

for (const [area, probes] of areas) {
  describe(`fidelity: ${area}`, () => {
    test.each(probes.map((p) => [p.id, p] as const))("%s", (_id, p) => {
      expect(p.actual()).toEqual(p.expected);
    });
  });
}

test("every probe cites a source and says what it shows; ids are unique", () => {
  for (const p of all) {
    expect(p.source.where.length).toBeGreaterThan(10);
    expect(p.says.length).toBeGreaterThan(10);
  }
  expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
});

test("docs/EMULATOR.md reports the number of probes and lists them", () => {
  const doc = readFileSync(join(__dirname, "..", "..", "..", "docs", "EMULATOR.md"), "utf8");
  expect(doc).toContain(`**${all.length} probes**`);
  // The list is this text: paste it into the doc when probes change.
  const list = areas.map(
    ([area, probes]) => `- **${area} (${probes.length})**: ${probes.map((p) => p.id).join(" · ")}`,
  );
  expect(doc).toContain(list.join("\n"));
});
