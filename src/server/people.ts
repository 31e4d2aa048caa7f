/**
 * The People sheet: the names and teams the sidebar suggests for Owner and Team, and the new ones a
 * person chose to add there. Read with the overview (one getValues); added under the document lock.
 */
import type { InputOf, People } from "../core/contract";
import { PEOPLE } from "../core/layout";
import { textForCell } from "../core/text-cells";
import { withDocumentLock } from "./lock";
import { appendRows, openTracker, readTable, type Table, type Tracker } from "./tables";

function distinct(table: Table, header: string): string[] {
  const seen = new Map<string, string>();
  for (const row of table.rowsWith(header)) {
    const value = table.text(row, header);
    if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The names and teams on the People sheet (none when it is missing). */
export function readPeople(tracker: Tracker): People {
  if (!tracker.has("people")) return { names: [], teams: [] };
  const table = readTable(tracker, PEOPLE);
  return { names: distinct(table, "Name"), teams: distinct(table, "Team") };
}

/**
 * Adds the names and teams the People sheet doesn't have yet (compared case-insensitively): a new
 * name with its team, a new team alone. Says what it added ("" when nothing was new).
 */
export function addPeople({ people }: InputOf<"addPeople">): string {
  return withDocumentLock(() => {
    const table = readTable(openTracker(), PEOPLE);
    table.require(["Name", "Team"]);
    const names = new Set(distinct(table, "Name").map((n) => n.toLowerCase()));
    const teams = new Set(distinct(table, "Team").map((t) => t.toLowerCase()));
    const rows: Record<string, string>[] = [];
    const added: string[] = [];
    for (const { name = "", team = "" } of people) {
      const newName = name !== "" && !names.has(name.toLowerCase());
      const newTeam = team !== "" && !teams.has(team.toLowerCase());
      if (!newName && !newTeam) continue;
      rows.push({ Name: textForCell(newName ? name : ""), Team: textForCell(team) });
      added.push(newName ? name + (team ? " (" + team + ")" : "") : "team " + team);
      if (newName) names.add(name.toLowerCase());
      if (team) teams.add(team.toLowerCase());
    }
    if (rows.length) appendRows(table, rows);
    return added.length ? "Added to the People sheet: " + added.join(", ") + "." : "";
  });
}
