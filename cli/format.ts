import type { QualityFinding, RoadmapReport } from "../src/core/checker/types";

/**
 * Plain-text tables for a terminal: fixed columns, the last one (the reason) wrapped to the terminal's
 * width and indented under itself, so long reasons stay readable.
 */
function table(header: string[], rows: string[][], columns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const indent = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  // Never narrower than 30 characters for the reason, however narrow the terminal.
  const room = Math.max(30, columns - indent);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? wrap(c, room).join("\n" + " ".repeat(indent)) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w, i) => "-".repeat(i === widths.length - 1 ? Math.min(w, room) : w));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}

/** Words packed into lines of at most `width` characters; a longer word gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? current + " " + word : word;
  }
  return [...lines, current];
}

export function roadmapTable(report: RoadmapReport, columns = 80): string {
  const rows = report.findings.map((f) => [
    f.id,
    f.verdict,
    f.roadmapIds.join(",") || "-",
    f.score.toFixed(2),
    f.reason,
  ]);
  const s = report.summary;
  const counts = `${s.duplicate} duplicate, ${s.output} output, ${s.related} related, ${s.ok} ok`;
  const summary = wrap(`${counts}. ${s.message}`, Math.max(30, columns)).join("\n");
  return `${table(["ID", "Verdict", "Roadmap", "Score", "Reason"], rows, columns)}\n\n${summary}\n`;
}

export function lintTable(findings: QualityFinding[], columns = 80): string {
  if (!findings.length) return "No findings.\n";
  return `${table(
    ["ID", "Rule", "Message"],
    findings.map((f) => [f.id, f.rule, f.message]),
    columns,
  )}\n\n${findings.length} finding${findings.length === 1 ? "" : "s"}.\n`;
}
