/**
 * HyperFormula plugins that make it behave like Sheets where it differs:
 * - ROW/COLUMN over a multi-cell range return an array inside ARRAYFORMULA (HyperFormula returns the first row only);
 * - Apps Script custom functions (@customfunction) are dispatched to the workbook that owns the engine.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ImplementedFunctions, SimpleCellAddress } from "hyperformula";
import { registerCriteriaPlugin } from "./criteria-plugin";
import { registerFilterPlugin } from "./filter-plugin";
import { registerLookupPlugin } from "./lookup-plugin";
import { registerStudentTPlugin } from "./student-t-plugin";
import { formatValue } from "./number-format";

interface AddressAst {
  toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress;
}
interface Ast {
  type: string;
  procedureName?: string;
  args: Ast[];
  start?: AddressAst;
  end?: AddressAst;
  reference?: AddressAst;
}
interface State {
  formulaAddress: SimpleCellAddress;
  arraysFlag: boolean;
}

/** What a custom function call needs from the workbook that owns the engine. */
export interface CustomFunctionHost {
  callCustom(name: string, args: unknown[], at: SimpleCellAddress): unknown;
  /** Last known result size of the custom function at this cell (HyperFormula needs it before evaluating). */
  customSize(at: SimpleCellAddress): { rows: number; cols: number };
}

/** Engines are keyed by their config object, the one thing every plugin instance can see. */
export const hosts = new WeakMap<object, CustomFunctionHost>();
/** The workbook whose engine is being built (its config is not in `hosts` until the build returns). */
export const building: { host?: CustomFunctionHost } = {};

function rangeBounds(
  ast: Ast | undefined,
  state: State,
): { start: SimpleCellAddress; end: SimpleCellAddress } | undefined {
  if (!ast) return undefined;
  if (ast.type === "CELL_RANGE" && ast.start && ast.end) {
    return {
      start: ast.start.toSimpleCellAddress(state.formulaAddress),
      end: ast.end.toSimpleCellAddress(state.formulaAddress),
    };
  }
  if (ast.type === "CELL_REFERENCE" && ast.reference) {
    const a = ast.reference.toSimpleCellAddress(state.formulaAddress);
    return { start: a, end: a };
  }
  return undefined;
}

export class SheetsRowColumnPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROW: {
      method: "row",
      sizeOfResultArrayMethod: "rowSize",
      parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }],
      isDependentOnSheetStructureChange: true,
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
    },
    COLUMN: {
      method: "column",
      sizeOfResultArrayMethod: "columnSize",
      parameters: [{ argumentType: FunctionArgumentType.NOERROR, optionalArg: true }],
      isDependentOnSheetStructureChange: true,
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
    },
  };

  row(ast: Ast, state: State): number | CellError | SimpleRangeValue {
    if (ast.args.length === 0) return state.formulaAddress.row + 1;
    const b = rangeBounds(ast.args[0], state);
    if (!b) return new CellError(ErrorType.VALUE, "ROW expects a cell reference.");
    if (state.arraysFlag && b.end.row > b.start.row) {
      const rows: number[][] = [];
      for (let r = b.start.row; r <= b.end.row; r++) rows.push([r + 1]);
      return SimpleRangeValue.onlyNumbers(rows);
    }
    return b.start.row + 1;
  }

  rowSize(ast: Ast, state: State): ArraySize {
    const b = rangeBounds(ast.args[0], state);
    return state.arraysFlag && b && b.end.row > b.start.row
      ? new ArraySize(1, b.end.row - b.start.row + 1)
      : ArraySize.scalar();
  }

  column(ast: Ast, state: State): number | CellError | SimpleRangeValue {
    if (ast.args.length === 0) return state.formulaAddress.col + 1;
    const b = rangeBounds(ast.args[0], state);
    if (!b) return new CellError(ErrorType.VALUE, "COLUMN expects a cell reference.");
    if (state.arraysFlag && b.end.col > b.start.col) {
      const row: number[] = [];
      for (let c = b.start.col; c <= b.end.col; c++) row.push(c + 1);
      return SimpleRangeValue.onlyNumbers([row]);
    }
    return b.start.col + 1;
  }

  columnSize(ast: Ast, state: State): ArraySize {
    const b = rangeBounds(ast.args[0], state);
    return state.arraysFlag && b && b.end.col > b.start.col
      ? new ArraySize(b.end.col - b.start.col + 1, 1)
      : ArraySize.scalar();
  }
}

/** TEXT with Sheets' number/date patterns (HyperFormula's TEXT ignores "%" and more). */
export class SheetsTextPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    TEXT: {
      method: "text",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }],
    },
  };

  text(ast: Ast, state: State): unknown {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata("TEXT"),
      (value: unknown, pattern: string) => {
        let v: unknown = value;
        if (typeof v === "object" && v !== null && "val" in v) v = (v as { val: number }).val;
        if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) v = Number(v);
        if (v === EmptyValue) v = 0;
        if (typeof v === "number") return formatValue(v, pattern);
        return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
      },
    );
  }
}

/** A single-cell argument with its address. */
export class CellArg {
  constructor(
    readonly value: unknown,
    readonly address: SimpleCellAddress,
  ) {}
}

class CustomFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  private host(): CustomFunctionHost | undefined {
    return hosts.get(this.config as unknown as object) ?? building.host;
  }

  custom(ast: Ast, state: State): unknown {
    const name = ast.procedureName ?? "";
    const host = this.host();
    if (!host) return new CellError(ErrorType.NAME, `Unknown function: '${name}'.`);
    const values = ast.args.map((a) => {
      if (a.type === "EMPTY") return EmptyValue;
      const v = this.evaluateAst(a as never, state as never);
      // Keep a single cell's address: its number format decides whether Apps Script passes a Date.
      if (a.type === "CELL_REFERENCE" && a.reference)
        return new CellArg(v, a.reference.toSimpleCellAddress(state.formulaAddress));
      return v;
    });
    for (const v of values)
      if (v instanceof CellError || (v instanceof CellArg && v.value instanceof CellError))
        return v instanceof CellArg ? v.value : v;
    return host.callCustom(name, values, state.formulaAddress) as never;
  }

  customSize(_ast: Ast, state: State): ArraySize {
    const host = this.host();
    const size = host ? host.customSize(state.formulaAddress) : { rows: 1, cols: 1 };
    return size.rows === 1 && size.cols === 1 ? ArraySize.scalar() : new ArraySize(size.cols, size.rows);
  }
}

const registered = new Set<string>();

/** Registers custom function names with HyperFormula (global); engines built later see them. */
export function registerCustomFunctionNames(names: string[], replaceBuiltIns = false): boolean {
  let added = false;
  for (const raw of names) {
    const name = raw.toUpperCase();
    if (registered.has(name)) continue;
    if (!replaceBuiltIns && HyperFormula.getRegisteredFunctionNames("enGB").includes(name)) continue;
    registered.add(name);
    CustomFunctionPlugin.implementedFunctions[name] = {
      method: "custom",
      sizeOfResultArrayMethod: "customSize",
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    };
    HyperFormula.registerFunction(name, CustomFunctionPlugin, { enGB: { [name]: name }, enUS: { [name]: name } });
    added = true;
  }
  return added;
}

let rowColumnRegistered = false;
export function registerSheetsPlugins(): void {
  if (rowColumnRegistered) return;
  rowColumnRegistered = true;
  HyperFormula.registerFunction("ROW", SheetsRowColumnPlugin);
  HyperFormula.registerFunction("COLUMN", SheetsRowColumnPlugin);
  HyperFormula.registerFunction("TEXT", SheetsTextPlugin);
  registerCriteriaPlugin();
  registerFilterPlugin();
  registerLookupPlugin();
  registerStudentTPlugin();
}
