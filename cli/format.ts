import type { QualityFinding, RoadmapReport } from "../src/core/checker/types";

/** Plain-text tables for a terminal: fixed columns, the reason last so it can run long. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function roadmapTable(report: RoadmapReport): string {
  const rows = report.findings.map((f) => [
    f.id,
    f.verdict,
    f.roadmapIds.join(",") || "-",
    f.score.toFixed(2),
    f.reason,
  ]);
  const s = report.summary;
  const counts = `${s.duplicate} duplicate, ${s.related} related, ${s.ok} ok`;
  return `${table(["ID", "Verdict", "Roadmap", "Score", "Reason"], rows)}\n\n${counts}. ${s.message}\n`;
}

export function lintTable(findings: QualityFinding[]): string {
  if (!findings.length) return "No findings.\n";
  return `${table(
    ["ID", "Rule", "Message"],
    findings.map((f) => [f.id, f.rule, f.message]),
  )}\n\n${findings.length} finding(s).\n`;
}
