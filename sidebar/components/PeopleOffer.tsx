/**
 * Owner and Team accept any name; one the People sheet doesn't have yet is offered for it (ticked
 * by default) and added once the form has saved. Names compare case-insensitively, as the server does.
 */
import { useState } from "preact/hooks";
import type { People } from "../../src/core/contract";
import { call, type ApiError } from "../bridge";

export interface Person {
  name?: string;
  team?: string;
}

/** The entries whose name or team is new to the People sheet, each new name or team once. */
export function newPeople(entries: readonly Person[], people: People): Person[] {
  const names = new Set(people.names.map((n) => n.toLowerCase()));
  const teams = new Set(people.teams.map((t) => t.toLowerCase()));
  const fresh: Person[] = [];
  for (const entry of entries) {
    const name = (entry.name ?? "").trim();
    const team = (entry.team ?? "").trim();
    const newName = name !== "" && !names.has(name.toLowerCase());
    const newTeam = team !== "" && !teams.has(team.toLowerCase());
    if (!newName && !newTeam) continue;
    fresh.push({ ...(newName ? { name } : {}), ...(team ? { team } : {}) });
    if (newName) names.add(name.toLowerCase());
    if (team) teams.add(team.toLowerCase());
  }
  return fresh;
}

/** Sentences joined, the empty ones left out. */
export const joined = (...sentences: string[]) => sentences.filter(Boolean).join(" ");

function describe(fresh: readonly Person[]): string {
  return fresh.map((p) => (p.name ? p.name + (p.team ? " (" + p.team + ")" : "") : "team " + p.team)).join(", ");
}

/** The offer's checkbox, and `save`, to call once the form's own request succeeded. */
export function usePeopleOffer(entries: readonly Person[], people: People) {
  const [wanted, setWanted] = useState(true);
  const fresh = newPeople(entries, people);
  return {
    offer: fresh.length ? (
      <label class="checkbox offer">
        <input type="checkbox" checked={wanted} onChange={(e) => setWanted((e.target as HTMLInputElement).checked)} />
        Add to the People sheet: {describe(fresh)}
      </label>
    ) : null,
    /** What adding said (appended to the form's message), or why it failed (a warning). */
    async save(): Promise<{ note: string; warnings: string[] }> {
      if (!fresh.length || !wanted) return { note: "", warnings: [] };
      try {
        return { note: await call("addPeople", { people: fresh }), warnings: [] };
      } catch (error) {
        return { note: "", warnings: ["Not added to the People sheet: " + (error as ApiError).message] };
      }
    },
  };
}
