/** Formulas over ranges, clearing, data validation, protections. */
import type { Probe } from "../probe";
import { emulator, sheet } from "../probe";
import { S } from "../sources";
import { DataValidationCriteria, ProtectionType, userEdit } from "../../../../dev/emulator";

/** A sheet with values, backgrounds, notes and a validation in A1:B2 (gas-fakes' setupSheet). */
function setupSheet() {
  const s = sheet();
  const range = s.getRange("A1:B2");
  range.setValues([
    [1, 2],
    [3, 4],
  ]);
  range.setBackgrounds([
    ["#ff0000", "#00ff00"],
    ["#0000ff", "#ffff00"],
  ]);
  range.setNotes([
    ["n1", "n2"],
    ["n3", "n4"],
  ]);
  range.setDataValidation(
    emulator().services.SpreadsheetApp.newDataValidation().requireNumberEqualTo(5).build() as never,
  );
  return { s, range: () => s.getRange("A1:B2") };
}

const WHITE = [
  ["#ffffff", "#ffffff"],
  ["#ffffff", "#ffffff"],
];
const NOTES = [
  ["n1", "n2"],
  ["n3", "n4"],
];

function builder() {
  return emulator().services.SpreadsheetApp.newDataValidation();
}

export const sheetProbes: Probe[] = [
  {
    id: "setFormula on a range moves relative references per cell",
    source: S.gasFakesSheets,
    says: 'fr1 = offset(50, 0, 2, 2); fr1.setFormula("=A1"); fr1.getFormulas() deep-equals [["=A1","=B1"],["=A2","=B2"]]',
    expected: [
      ["=A1", "=B1"],
      ["=A2", "=B2"],
    ],
    actual: () => sheet().getRange("A51:B52").setFormula("=A1").getFormulas(),
  },
  {
    id: "a formula repeated over B2:C4 increments like the Sheets API's RepeatCell",
    source: S.repeatCell,
    says: "writing a cell with formula =A1 into range B2:C4, B2 would be =A1, B3 would be =A2, B4 would be =A3, C2 would be =B1, C3 would be =B2, C4 would be =B3",
    expected: [
      ["=A1", "=B1"],
      ["=A2", "=B2"],
      ["=A3", "=B3"],
    ],
    actual: () => sheet().getRange("B2:C4").setFormula("=A1").getFormulas(),
  },
  {
    id: "$ keeps references static when a formula is repeated over a range",
    source: S.repeatCell,
    says: "To keep the formula's ranges static, use the $ indicator. For example, use the formula =$A$1",
    expected: [
      ["=$A$1", "=$A$1"],
      ["=$A$1", "=$A$1"],
    ],
    actual: () => sheet().getRange("B2:C3").setFormula("=$A$1").getFormulas(),
  },
  {
    id: "Sheet.clear() clears values",
    source: S.gasFakesSheets,
    says: 'sheet.clear(): "clear() should clear values"',
    expected: [
      ["", ""],
      ["", ""],
    ],
    actual: () => {
      const t = setupSheet();
      t.s.clear();
      return t.range().getValues();
    },
  },
  {
    id: "Sheet.clear() clears formats",
    source: S.gasFakesSheets,
    says: 'sheet.clear(): backgrounds are #ffffff ("clear() should clear formats")',
    expected: WHITE,
    actual: () => {
      const t = setupSheet();
      t.s.clear();
      return t.range().getBackgrounds();
    },
  },
  {
    id: "Sheet.clear() keeps notes",
    source: S.gasFakesSheets,
    says: 'sheet.clear(): "clear() should NOT clear notes"',
    expected: NOTES,
    actual: () => {
      const t = setupSheet();
      t.s.clear();
      return t.range().getNotes();
    },
  },
  {
    id: "Sheet.clear() keeps data validation",
    source: S.gasFakesSheets,
    says: 'sheet.clear(): "clear() should NOT clear data validations"',
    expected: true,
    actual: () => {
      const t = setupSheet();
      t.s.clear();
      return t.range().getDataValidations()[0][0] !== null;
    },
  },
  {
    id: "Sheet.clearContents() keeps formats, notes and validation",
    source: S.gasFakesSheets,
    says: '"clearContents() should NOT clear formats / notes / data validations"',
    expected: [
      [
        ["", ""],
        ["", ""],
      ],
      [
        ["#ff0000", "#00ff00"],
        ["#0000ff", "#ffff00"],
      ],
      NOTES,
      true,
    ],
    actual: () => {
      const t = setupSheet();
      t.s.clearContents();
      const r = t.range();
      return [r.getValues(), r.getBackgrounds(), r.getNotes(), r.getDataValidations()[0][0] !== null];
    },
  },
  {
    id: "Sheet.clearFormats() keeps values and notes",
    source: S.gasFakesSheets,
    says: '"clearFormats() should clear formats", "should NOT clear values", "should NOT clear notes"',
    expected: [
      [
        [1, 2],
        [3, 4],
      ],
      WHITE,
      NOTES,
    ],
    actual: () => {
      const t = setupSheet();
      t.s.clearFormats();
      const r = t.range();
      return [r.getValues(), r.getBackgrounds(), r.getNotes()];
    },
  },
  {
    id: "Sheet.clearNotes() clears notes only",
    source: S.gasFakesSheets,
    says: '"clearNotes() should clear notes", "should NOT clear values", "should NOT clear formats"',
    expected: [
      [
        ["", ""],
        ["", ""],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    ],
    actual: () => {
      const t = setupSheet();
      t.s.clearNotes();
      const r = t.range();
      return [r.getNotes(), r.getValues()];
    },
  },
  {
    id: "requireValueInList turns its values into text",
    source: S.gasFakesValidation,
    says: 'requireValueInList([9, false, "z"]).getCriteriaValues() deep-equals [["9","false","z"], true]',
    expected: [["9", "false", "z"], true],
    actual: () =>
      builder()
        .requireValueInList([9, false, "z"] as never)
        .getCriteriaValues(),
  },
  {
    id: "a value list's criteria type and dropdown default",
    source: S.gasFakesValidation,
    says: 'requireValueInList(["a","false","2","c"], true): criteria VALUE_IN_LIST, values as given',
    expected: ["VALUE_IN_LIST", [["a", "false", "2", "c"], true]],
    actual: () => {
      const built = builder().requireValueInList(["a", "false", "2", "c"], true).build();
      return [built.getCriteriaType(), built.getCriteriaValues()];
    },
  },
  {
    id: "a new rule allows invalid data, has no help text and no criteria",
    source: S.gasFakesValidation,
    says: "newDataValidation(): getCriteriaType() null, getCriteriaValues() [], getHelpText() null, getAllowInvalid() true",
    expected: [null, [], null, true],
    actual: () => {
      const b = builder();
      return [b.getCriteriaType(), b.getCriteriaValues(), b.getHelpText(), b.getAllowInvalid()];
    },
  },
  {
    id: "help text and allowInvalid carry into the built rule",
    source: S.gasFakesValidation,
    says: 'setAllowInvalid(false) → false, setAllowInvalid(true) → true; setHelpText("foo"): built.getHelpText() "foo"',
    expected: [false, "foo", true],
    actual: () => {
      const b = builder().requireCheckbox().setAllowInvalid(false);
      const first = b.getAllowInvalid();
      const built = b.setAllowInvalid(true).setHelpText("foo").build();
      return [first, built.getHelpText(), built.getAllowInvalid()];
    },
  },
  {
    id: "checkbox criteria values",
    source: S.gasFakesValidation,
    says: 'requireCheckbox().getCriteriaValues() []; requireCheckbox("A", "B") ["A", "B"]',
    expected: [[], ["A", "B"], "CHECKBOX"],
    actual: () => {
      const b = builder();
      const none = b.requireCheckbox().getCriteriaValues();
      const built = b.requireCheckbox("A", "B").build();
      return [none, built.getCriteriaValues(), built.getCriteriaType()];
    },
  },
  {
    id: "a custom formula rule",
    source: S.gasFakesValidation,
    says: 'requireFormulaSatisfied("=ISNUMBER(A1)"): CUSTOM_FORMULA, values ["=ISNUMBER(A1)"]',
    expected: [DataValidationCriteria.CUSTOM_FORMULA, ["=ISNUMBER(A1)"]],
    actual: () => {
      const built = builder().requireFormulaSatisfied("=ISNUMBER(A1)").build();
      return [built.getCriteriaType(), built.getCriteriaValues()];
    },
  },
  {
    id: "a number-between rule keeps both bounds",
    source: S.gasFakesValidation,
    says: 'numberTests("requireNumberBetween", "NUMBER_BETWEEN", 2): criteria values are the arguments',
    expected: ["NUMBER_BETWEEN", [1.5, 99]],
    actual: () => {
      const built = builder().requireNumberBetween(1.5, 99).build();
      return [built.getCriteriaType(), built.getCriteriaValues()];
    },
  },
  {
    id: "a value-in-range rule shows a dropdown unless told not to",
    source: S.gasFakesValidation,
    says: "requireValueInRange(vr): getCriteriaValues()[1] true; requireValueInRange(vr, false): false",
    expected: ["A2:C4", true, false],
    actual: () => {
      const emu = emulator();
      const vr = emu.spreadsheet.getSheets()[0].getRange("A2:C4");
      const SA = emu.services.SpreadsheetApp;
      const on = SA.newDataValidation().requireValueInRange(vr).build().getCriteriaValues();
      const off = SA.newDataValidation().requireValueInRange(vr, false).build().getCriteriaValues();
      return [(on[0] as { getA1Notation(): string }).getA1Notation(), on[1], off[1]];
    },
  },
  {
    id: "a warning-only sheet protection has no editors",
    source: S.gasFakesSheets,
    says: "sheet.protect().setDescription(...).setWarningOnly(true)...: p1.canEdit() true, p1.getEditors().length 0",
    expected: [true, 0, true],
    actual: () => {
      const p = sheet().protect().setDescription("sample1").setWarningOnly(true);
      return [p.canEdit(), p.getEditors().length, p.isWarningOnly()];
    },
  },
  {
    id: "warning-only protections support no editors (Sheets API)",
    source: S.protectedRangeApi,
    says: "editors: ... Editors are not supported with warningOnly protection.",
    expected: [],
    actual: () =>
      sheet()
        .getRange("A1:B2")
        .protect()
        .setWarningOnly(true)
        .getEditors()
        .map((u) => u.getEmail()),
  },
  {
    id: "a sheet protection's unprotected ranges and type",
    source: S.gasFakesSheets,
    says: 'setUnprotectedRanges([A1:B1]): getUnprotectedRanges()[0].getA1Notation() "A1:B1"; type "SHEET"; described protections are listed',
    expected: ["A1:B1", "SHEET", true],
    actual: () => {
      const emu = emulator();
      const s = emu.spreadsheet.getSheets()[0];
      const p = s
        .protect()
        .setDescription("sample1")
        .setWarningOnly(true)
        .setUnprotectedRanges([s.getRange("A1:B1")]);
      const listed = emu.spreadsheet.getProtections(ProtectionType.SHEET).some((x) => x.getDescription() === "sample1");
      return [
        (p.getUnprotectedRanges()[0] as { getA1Notation(): string }).getA1Notation(),
        p.getProtectionType(),
        listed,
      ];
    },
  },
  {
    id: "a range protection's type; removed protections are gone",
    source: S.gasFakesSheets,
    says: 'getRange("A1:D5").protect(): getProtectionType() "RANGE"; p2.remove()',
    expected: ["RANGE", 0],
    actual: () => {
      const emu = emulator();
      const p = emu.spreadsheet.getSheets()[0].getRange("A1:D5").protect().setDescription("sample2");
      const type = p.getProtectionType();
      p.remove();
      return [type, emu.spreadsheet.getProtections(ProtectionType.RANGE).length];
    },
  },
  {
    id: "a sheet protection's range is the whole sheet, without A1 notation",
    source: S.gasFakesPermissions,
    says: 'sheet protections: getRange() has the sheet\'s max rows and columns; getA1Notation() is "" ("sheet level range has no a1 notation")',
    expected: [1000, 26, ""],
    actual: () => {
      const r = sheet().protect().getRange() as {
        getNumRows(): number;
        getNumColumns(): number;
        getA1Notation(): string;
      };
      return [r.getNumRows(), r.getNumColumns(), r.getA1Notation()];
    },
  },
  {
    id: "a new range protection leaves the range editable until its editors change",
    source: S.rangeRef,
    says: "protect(): Until the script actually changes the list of editors ... the permissions mirror those of the spreadsheet itself, which effectively means that the range remains unprotected.",
    expected: [true, false],
    actual: () => {
      const owner = emulator({ owner: "ann@example.com" });
      const bo = emulator({ workbook: owner.workbook, user: "bo@example.com" });
      const p = owner.spreadsheet.getSheets()[0].getRange("A1").protect();
      const before = userEdit(bo.ctx, bo.spreadsheet.getSheets()[0].getRange("A1"), "x").accepted;
      p.removeEditors(["bo@example.com"]);
      const after = userEdit(bo.ctx, bo.spreadsheet.getSheets()[0].getRange("A1"), "y").accepted;
      return [before, after];
    },
  },
  {
    id: "FILTER keeps whole rows of a range wider than its condition column",
    source: S.filterHelp,
    says: "Sample usage FILTER(A2:B26, A2:A26 > 5, D2:D26 < 10): conditions are columns as long as the range; it returns the rows that meet them",
    expected: [
      [7, "b"],
      [9, "d"],
    ],
    actual: () => {
      const s = sheet();
      s.getRange("A2:D5").setValues([
        [7, "b", "", 3],
        [2, "x", "", 1],
        [9, "d", "", 4],
        [8, "e", "", 12],
      ]);
      s.getRange("F1").setFormula("=FILTER(A2:B5, A2:A5 > 5, D2:D5 < 10)");
      return s.getRange("F1:G2").getValues();
    },
  },
  {
    id: "FILTER with no row meeting its conditions is #N/A",
    source: S.filterHelp,
    says: "If FILTER finds no values which satisfy the provided conditions, #N/A will be returned.",
    expected: "#N/A",
    actual: () => {
      const s = sheet();
      s.getRange("A1:B2").setValues([
        [1, "a"],
        [2, "b"],
      ]);
      s.getRange("D1").setFormula("=FILTER(A1:B2, A1:A2 > 5)");
      return s.getRange("D1").getValue();
    },
  },
];
