/**
 * User text stays text (issue 10 item 1). Every form Sheets reads as something other than text when
 * it is written or typed, each with where that is documented or observed, goes through the built
 * bundle as an objective's title, team, owner and description, a key result's title, unit and owner,
 * and a check-in's note: each reads back exactly as typed, no cell holds it as a formula, number,
 * date or boolean, and the next check-in finds History untouched (its seals still match).
 *
 * Sources:
 *   VIO   Sheets API ValueInputOption, USER_ENTERED: strings "may be converted to numbers, dates,
 *         etc. following the same rules that are applied when entering text into a cell via the
 *         Google Sheets UI" (developers.google.com/sheets/api/reference/rest/v4/ValueInputOption)
 *   DV    DATEVALUE help: understood formats are those "normally autoconverted when entered … directly
 *         into a cell" and "may depend on region and language settings" (support.google.com/docs/answer/3093039)
 *   VALUE VALUE help: "date, time or number formats that Google Sheets understands", e.g. "12:00:00"
 *         (support.google.com/docs/answer/3094220)
 *   TT    TO_TEXT help: "equivalent to prefixing a number with an apostrophe" (support.google.com/docs/answer/3094285)
 *   ERR   Sheets' error values #N/A, #REF!, #DIV/0!, #VALUE!, #NAME?, #NUM!, #NULL!, #ERROR! (sheets.wiki/docs/Error)
 *   PAR   "(400)" typed into a spreadsheet becomes -400, parentheses being a format for negative numbers
 *         (Microsoft KB 148172; Excel's help likewise) — Sheets' behaviour not documented, so marked
 *   GIST  "Prefix strings with a single quote to stop google sheet from formatting your values … '+49-123-4567890"
 *         (gist.github.com/george-haddad/16d2c7cfb8b76a19070bcd1f1f0ee596)
 *   PLAIN "A cell entry that has letters only like September or a mixture of letters and numerals like
 *         Q4 or Dec06 … is treated as ordinary text" (infoattips.com/?page_id=79)
 *   EMU   the emulator's fidelity probes (test/emulator/fidelity/), each with its own source
 */
import type { Harness } from "../../dev/harness/harness";
import { interpretText } from "../../dev/emulator/value-input";
import { LOCALES } from "../../dev/emulator/locale";
import { fingerprint } from "../../src/core/history-seal";
import { textForCell } from "../../src/core/text-cells";
import { apiData, formulasOff, newTracker, rows } from "../support/tracker";

/** [what a person typed, what Sheets would otherwise make of it (source)]. */
const RISKY: [string, string][] = [
  ["=1+1", "a formula (VIO)"],
  ['=IMPORTXML("http://x","//a")', "a formula fetching a page (VIO)"],
  ["+1", "the number 1 (VIO, EMU)"],
  ["+49-123-4567890", "a formula or number (GIST)"],
  ["-5", "the number -5 (VIO)"],
  ["−4", "a number with a Unicode minus (marked: not a letter)"],
  ["$5", 'the currency amount 5 (EMU: "$15" → 15)'],
  ["$1,200.50", "the currency amount 1200.5 (EMU)"],
  ["€5", "a currency amount (EMU)"],
  ["5 €", "a currency amount, the symbol after (EMU)"],
  ["£5", "a currency amount (EMU)"],
  ["(5)", "-5, parentheses for a negative (PAR)"],
  ["1e5", '100000 in scientific notation (EMU: "7e30")'],
  ["12e45678", "scientific notation, like a History seal (EMU)"],
  ["e6005095", "a seal-like text (EMU: kept as text, marked all the same)"],
  ["04639894", 'the number 4639894 (EMU: "0042" → 42)'],
  ["45%", "the percentage 0.45 (EMU)"],
  ["1,200", "the number 1200 (EMU)"],
  [".5", "the number 0.5 (VIO)"],
  ["#N/A", "an error value (ERR)"],
  ["#REF!", "an error value (ERR)"],
  ["#DIV/0!", "an error value (ERR)"],
  ["#NAME?", "an error value (ERR)"],
  ["TRUE", "the boolean TRUE (VIO, EMU)"],
  ["false", 'the boolean FALSE (EMU: "true" → TRUE)'],
  ["Mar 1 2016", "a date (DV, EMU)"],
  ["March 1, 2016", "a date (DV, EMU)"],
  ["1 Mar 2016", "a date (DV, EMU)"],
  ["May 5", "a date this year (DV: month-name dates)"],
  ["1/2", "a date, January 2 or February 1 by locale (DV)"],
  ["7/20/1969", "a date (DV)"],
  ["1969-7-20", "a date (DV)"],
  ["2026-10-01", "a date (DV, EMU)"],
  ["1940 10 5", "a date (EMU)"],
  ["20.07.1969", "a date in German (DV, de)"],
  ["12:00:00", "a time (VALUE)"],
  ["10:30 pm", "a time (EMU)"],
  ["1,5", "one and a half in German or Norwegian (DV: region settings)"],
  ["'quoted'", "loses its apostrophe (TT)"],
  ["@channel", "not a letter first (marked)"],
  ["2026-Q4", "starts like a date (marked)"],
];

/** Plain words: Sheets keeps them as text, so they are written as they are (PLAIN). */
const PLAIN: string[] = ["September", "March", "Payments", "Ann", "Dec", "Ärger", "Grow the team"];

describe("the rule: only plain words go without an apostrophe", () => {
  it.each(RISKY)("%s (%s) is written with one", (text) => expect(textForCell(text)).toBe("'" + text));
  it.each(PLAIN)("%s is written as it is", (text) => expect(textForCell(text)).toBe(text));
  it("Q4 with a digit, Dec06: marked all the same (harmless: Sheets keeps them either way)", () => {
    expect(textForCell("Q4")).toBe("'Q4");
    expect(textForCell("Q4 2026")).toBe("'Q4 2026");
    expect(textForCell("Dec06")).toBe("'Dec06");
  });

  it("a History seal never reads as anything but text, in any modelled locale", () => {
    // 20,000 seals: about 1 in 20 is all digits or digits-e-digits; each must come back as written.
    for (let i = 0; i < 20_000; i++) {
      const seal = fingerprint("record " + i);
      for (const locale of Object.values(LOCALES))
        expect(interpretText(textForCell(seal), undefined, locale).value).toBe(seal);
    }
  });
});

describe("through the bundle, every field people fill in", () => {
  const samples = [...RISKY.map(([text]) => text), ...PLAIN];
  let harness: Harness;
  let lastWarnings: string[];

  beforeAll(async () => {
    harness = newTracker({ timeZone: "Europe/Berlin" });
    // Computed columns as plain headers: recalculation is the emulator's cost, not what is tested.
    formulasOff(harness);
    for (const [i, text] of samples.entries()) {
      await apiData(harness, "createObjective", {
        title: text,
        cycle: "2026-Q4",
        team: text,
        owner: text,
        description: text,
        keyResults: [{ title: text, type: "increase", start: 0, target: 10, unit: text, owner: text }],
      });
      await apiData(harness, "checkIn", { krId: "KR-" + (i + 1) + ".1", value: 5, note: text });
    }
    lastWarnings = (await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 6 })).warnings;
  }, 300_000);

  it("the next check-in finds History as recorded", () => expect(lastWarnings).toEqual([]));

  it.each(samples.map((text, i) => [text, i]))("%s reads back as typed in every field", (text, i) => {
    const objective = rows(harness, "Objectives")[i as number];
    const kr = rows(harness, "Key Results")[i as number];
    const record = rows(harness, "History")[i as number];
    const cells = [
      objective.Objective,
      objective.Team,
      objective.Owner,
      objective.Description,
      kr["Key result"],
      kr.Unit,
      kr.Owner,
      record["Key result"],
      record.Note,
    ];
    expect(cells).toEqual(cells.map(() => text));
  });

  it("no text cell holds a formula", () => {
    for (const name of ["Objectives", "Key Results", "History"]) {
      const formulas = harness.spreadsheet.getSheetByName(name)!.getDataRange().getFormulas();
      expect(formulas.slice(1).flat().filter(Boolean)).toEqual([]);
    }
  });
});
