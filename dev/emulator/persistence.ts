/** Save/load a workbook as JSON: contents, formulas, formats, notes, validations, protections, rules, properties. */
import * as fs from "fs";
import { partsToSerial } from "./dates";
import type { CellMeta, ConditionalRuleData, NamedRangeData, ProtectionData } from "./model";
import { Workbook } from "./workbook";

interface SavedSheet {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: [number, number][];
  /** Sparse cells: [row, col, content as typed (formula text or "'text"), meta]. */
  cells: [number, number, unknown, CellMeta | null][];
  conditionalRules: ConditionalRuleData[];
  protections: ProtectionData[];
}

export interface SavedWorkbook {
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  editors: string[];
  activeSheetId: number;
  sheets: SavedSheet[];
  namedRanges: NamedRangeData[];
  documentProperties: Record<string, string>;
  scriptProperties: Record<string, string>;
  userProperties: Record<string, Record<string, string>>;
}

export function toJSON(wb: Workbook): SavedWorkbook {
  return {
    version: 1,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    owner: wb.owner,
    editors: [...wb.editors],
    activeSheetId: wb.activeSheetId,
    namedRanges: JSON.parse(JSON.stringify(wb.namedRanges)),
    documentProperties: Object.fromEntries(wb.documentProperties),
    scriptProperties: Object.fromEntries(wb.scriptProperties),
    userProperties: Object.fromEntries([...wb.userProperties].map(([k, v]) => [k, Object.fromEntries(v)])),
    sheets: wb.sheets.map((m) => {
      const hfId = wb.hfId(m);
      const cells: SavedSheet["cells"] = [];
      const dims = wb.hf.getSheetDimensions(hfId);
      const serialized = dims.height ? wb.hf.getSheetSerialized(hfId) : [];
      const rows = Math.max(serialized.length, m.meta.length - 1);
      for (let r = 1; r <= rows; r++) {
        const line = serialized[r - 1] ?? [];
        const metaLine = m.meta[r] ?? [];
        const cols = Math.max(line.length, metaLine.length - 1);
        for (let c = 1; c <= cols; c++) {
          let content: unknown = line[c - 1] ?? null;
          // Spilled cells belong to their array formula, not to the file.
          const addr = { sheet: hfId, row: r - 1, col: c - 1 };
          if (content !== null && !wb.hf.doesCellHaveFormula(addr) && wb.hf.isCellPartOfArray(addr)) content = null;
          const meta = metaLine[c];
          if (content instanceof Date)
            content = partsToSerial(
              content.getFullYear(),
              content.getMonth() + 1,
              content.getDate(),
              content.getHours(),
              content.getMinutes(),
              content.getSeconds() + content.getMilliseconds() / 1000,
            );
          if (typeof content === "string" && content.startsWith("=")) content = wb.readFormula(m, r, c);
          else if (typeof content === "string" && !content.startsWith("'")) content = "'" + content;
          if (content === null && !meta) continue;
          cells.push([r, c, content, meta ? JSON.parse(JSON.stringify(meta)) : null]);
        }
      }
      return {
        id: m.id,
        name: m.name,
        maxRows: m.maxRows,
        maxColumns: m.maxColumns,
        frozenRows: m.frozenRows,
        frozenColumns: m.frozenColumns,
        hidden: m.hidden,
        tabColor: m.tabColor,
        columnWidths: [...m.columnWidths],
        cells,
        conditionalRules: JSON.parse(JSON.stringify(m.conditionalRules)),
        protections: JSON.parse(JSON.stringify(m.protections)),
      };
    }),
  };
}

export function fromJSON(data: SavedWorkbook): Workbook {
  const wb = new Workbook({
    id: data.id,
    name: data.name,
    timeZone: data.timeZone,
    owner: data.owner,
    editors: data.editors,
  });
  // Create every sheet first so cross-sheet formulas resolve.
  for (const s of data.sheets) {
    const m = wb.addSheet(s.name, undefined, s.maxRows, s.maxColumns);
    m.id = s.id;
    Object.assign(m, {
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      hidden: s.hidden,
      tabColor: s.tabColor,
      columnWidths: new Map(s.columnWidths),
      conditionalRules: s.conditionalRules,
      protections: s.protections,
    });
    wb.nextProtectionId = Math.max(wb.nextProtectionId, ...s.protections.map((p) => p.id + 1));
  }
  // Names before cells, so formulas using them resolve.
  for (const n of data.namedRanges) {
    const m = data.sheets.find((s) => s.id === n.sheetId);
    if (m) wb.setNamedRange(n.name, wb.sheetByName(m.name)!, n.rect);
  }
  for (const s of data.sheets) {
    const m = wb.sheetByName(s.name)!;
    for (const [r, c, , meta] of s.cells) if (meta) Object.assign(m.ensureMeta(r, c), meta);
    wb.hf.batch(() => {
      for (const [r, c, content] of s.cells) {
        if (content === null) continue;
        // Formats were restored first, so typed text keeps its meaning ("@" cells stay text).
        wb.write(m, r, c, [
          [
            typeof content === "string" && content.startsWith("'") && m.getMeta(r, c)?.format === "@"
              ? content.slice(1)
              : content,
          ],
        ]);
      }
    });
  }
  (wb as unknown as { nextSheetId: number }).nextSheetId = Math.max(0, ...data.sheets.map((s) => s.id + 1));
  wb.activeSheetId = data.activeSheetId;
  wb.namedRanges = data.namedRanges;
  wb.documentProperties = new Map(Object.entries(data.documentProperties));
  wb.scriptProperties = new Map(Object.entries(data.scriptProperties));
  wb.userProperties = new Map(Object.entries(data.userProperties).map(([k, v]) => [k, new Map(Object.entries(v))]));
  return wb;
}

export function saveWorkbook(wb: Workbook, file: string): void {
  fs.writeFileSync(file, JSON.stringify(toJSON(wb), null, 1));
}

export function loadWorkbook(file: string): Workbook {
  return fromJSON(JSON.parse(fs.readFileSync(file, "utf8")) as SavedWorkbook);
}
