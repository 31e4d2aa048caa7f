/**
 * What Sheets puts in the cell editor and the formula bar: the cell's content, not its displayed
 * text. A formula as written; a percentage as a percentage at full precision ("37.5%", where the
 * cell shows "38%"); a date as en_US types it; text that would be read as something else with its
 * apostrophe ("'=IMPORTXML(…)", "'0042"). Typing it back unchanged gives the same content.
 */
import { dateToSerial, serialParts } from "../emulator/dates";
import type { SheetLocale } from "../emulator/locale";
import { interpretText } from "../emulator/value-input";

/** Up to 15 significant digits, as Sheets shows numbers in the editor. */
function plain(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function dateText(value: Date, timeZone: string): string {
  const p = serialParts(dateToSerial(value, timeZone));
  const date = p.m + "/" + p.d + "/" + p.y;
  if (p.h === 0 && p.mi === 0 && p.s === 0) return date;
  const two = (n: number) => String(n).padStart(2, "0");
  return date + " " + p.h + ":" + two(p.mi) + ":" + two(p.s);
}

/** Dates and numbers as en_US types them; whether text needs its apostrophe, by the sheet's locale. */
export function editText(
  value: unknown,
  formula: string,
  format: string,
  timeZone: string,
  locale?: SheetLocale,
): string {
  if (formula) return formula;
  if (value instanceof Date) return dateText(value, timeZone);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return format.includes("%") ? plain(value * 100) + "%" : plain(value);
  const text = String(value ?? "");
  if (text === "" || format === "@") return text;
  const typed = interpretText(text, format, locale);
  return typed.formula === undefined && typed.value === text ? text : "'" + text;
}
