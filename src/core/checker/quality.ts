import { isDate } from "../cell-values";
import { ISO_DATE, MS_PER_DAY } from "../vocabulary";
import { changeWording, deliverableWording, targetElsewhere } from "./delivery";
import { quote } from "./suggest";
import { flat, spellComparators } from "./text";
import { findChainAt, wordSet, type WordChain } from "./word-chain";
import type { OkrInput, QualityFinding } from "./types";

/** Limits from the issue: at most five KRs per objective, five objectives per team per cycle. */
export const MAX_KRS = 5;
export const MAX_OBJECTIVES = 5;
export const STALE_DAYS = 14;

export interface LintOptions {
  /** "Now" for the stale check-in rule; injectable so tests and CI runs are repeatable. */
  today?: Date | string;
}

/** Quality checks over one set of objectives and key results, in input order. */
export function lintOkrs(input: { okrs: OkrInput[] }, options: LintOptions = {}): QualityFinding[] {
  const today = toDay(options.today ?? new Date());
  const okrs = input.okrs;
  const findings: QualityFinding[] = [];
  const add = (id: string, rule: QualityFinding["rule"], message: string) => findings.push({ id, rule, message });

  for (const okr of okrs) {
    const kpi = kpiWording(okr.text, okr.start, okr.target);
    if (kpi) {
      const what = / equals start$/.test(kpi)
        ? `Its target equals its start (${String(okr.target).trim()}): it holds a level`
        : HOLD.test(kpi)
          ? `Only holds a level (${quote(okr.text, kpi)})`
          : `Sets a service level (${quote(okr.text, kpi)})`;
      add(
        okr.id,
        "kpi-not-okr",
        `${what}: that is a KPI for the team's ongoing job. Track it as a KPI and keep OKRs for what should change this quarter.`,
      );
    }
    if (okr.kind !== "key_result") continue;
    if (!kpi && !isMeasurable(okr.text))
      add(
        okr.id,
        "not-measurable",
        "No number or target: how will anyone know it is done? Add a measure and a target, e.g. 'from 20% to 35%'.",
      );
    if (!String(okr.owner ?? "").trim())
      add(okr.id, "no-owner", "No owner: name one person who reports progress on this key result.");
    const last = okr.lastCheckIn ? toDay(okr.lastCheckIn) : NaN;
    if (!Number.isNaN(last) && today - last >= STALE_DAYS) {
      const on = new Date(last * MS_PER_DAY).toISOString().slice(0, 10);
      add(
        okr.id,
        "stale-check-in",
        `No check-in for ${today - last} days (last on ${on}): update progress at least every ${STALE_DAYS} days.`,
      );
    }
  }

  const krsOf = keyResultsByObjective(okrs);
  for (const okr of okrs) {
    if (okr.kind !== "objective") continue;
    const n = krsOf.get(okr.id) ?? 0;
    if (n === 0)
      add(okr.id, "no-krs", "No key results: add two to four measurable results that show the objective is met.");
    if (n > MAX_KRS)
      add(okr.id, "too-many-krs", `${n} key results (more than ${MAX_KRS}): keep the few that best show success.`);
  }

  const groups = new Map<string, OkrInput[]>();
  for (const okr of okrs) {
    if (okr.kind !== "objective") continue;
    const key = `${okr.team ?? ""}\u0000${okr.cycle ?? ""}`;
    const list = groups.get(key);
    if (list) list.push(okr);
    else groups.set(key, [okr]);
  }
  for (const objectives of groups.values()) {
    if (objectives.length <= MAX_OBJECTIVES) continue;
    const { team, cycle } = objectives[0];
    const who = team ? `Team ${team} has` : "There are";
    const when = cycle ? ` in ${cycle}` : "";
    add(
      objectives[0].id,
      "too-many-objectives",
      `${who} ${objectives.length} objectives${when} (more than ${MAX_OBJECTIVES}): don't cram everything in; pick what is special about this cycle.`,
    );
  }
  return findings;
}

/** KR count per objective id. A KR without objectiveId belongs to the nearest objective above it. */
function keyResultsByObjective(okrs: OkrInput[]): Map<string, number> {
  const counts = new Map<string, number>();
  let current: string | undefined;
  for (const okr of okrs) {
    if (okr.kind === "objective") {
      current = okr.id;
      continue;
    }
    const parent = String(okr.objectiveId ?? "").trim() || current;
    if (parent) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  return counts;
}

const NUMBER_WORDS =
  /\b(?:zero|none|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred|thousand|million|dozen|half|halve|halves|double|doubles|triple|triples|twice|all|every|each)\b/;

/**
 * A KR is measurable when it carries a number (digits or words like "double", "every") or is a binary
 * milestone (delivery wording: done or not). "Raise the quality of release notes" is neither.
 */
export function isMeasurable(text: string): boolean {
  const s = flat(text);
  if (DIGIT.test(s) || NUMBER_WORDS.test(s)) return true;
  // A result measured against a plan kept elsewhere ("meet the MQL goals") or a stated baseline.
  if (targetElsewhere(text)) return true;
  // Done or not: a delivery, an end state or a bare deliverable ("Pipeline metrics").
  return deliverableWording(text) !== null && changeWording(text) === null;
}

// Made once: a regex literal in a function body is a new RegExp object on every call.
const DIGIT = /\d/;
// The quoted part of a held level: from the verb to the level.
const HELD_LEVEL = /^.*?(?:\d[\d.,]*(?:%|[a-z]+\b)?|daily|weekly|monthly)/;

const HOLD =
  /\b(?:keep|keeps|keeping|maintain|maintains|maintaining|sustain|sustains|sustaining|hold|holds|holding|stay|stays|staying|remain|remains|continue|continues|continuing|preserve|preserves|not exceed|not drop below|not fall below|never (?:drop|fall|exceed)s?)\b/;
const SLO = /\b(?:slos?|slas?|error budget)\b/;
const CHANGE =
  /\bfrom \$?\d[\d.,]*\S* to\b|\b(?:down|up) from\b|\b(?:increase|increases|raise|raises|lift|lifts|improve|improves|reduce|reduces|cut|cuts|lower|lowers|decrease|decreases|grow|grows|boost|double|halve|triple)\b|\bby \w+ing\b/;

// SLO-style: a health metric held at a threshold ("p99 latency under 300 ms", "availability ≥ 99.95%").
const SLO_STYLE =
  /\b(?:uptime|availability|error rate|latency|p50|p90|p95|p99|p999|response time|crash free(?: sessions| users)?|apdex|success rate)\b(?: \w+){0,6} (?:is )?(?:above|below|under|over|at least|at most|less than|more than|no more than|within) \$?\d[\d.,]*(?:%|[a-z]+\b)?/;
const LEVEL = /\d|\b(?:daily|weekly|monthly|every (?:day|week|sprint|month))\b/;

// Levels held without a number: "remains low", "on budget", "keep the docs updated", "for every sprint".
// Every HELD_STATE match holds one of these words: a text without them skips the pattern, whose bounded
// repetitions before alternations cost milliseconds to compile on first use in a fresh process.
const HELD_HINT = /remain|stay|keep|kept|maintain|plan|budget|sprint|release|iteration/;
const HELD_STATE =
  /\b(?:remains?|stays?|keeps?|kept|is kept) (?:\w+ ){0,2}(?:low|high|stable|steady|green|healthy|current|updated|up to date|clean|secure|compliant|below|above|under|within)\b|\b(?:keep|keeps|maintain|maintains)\b(?: \w+){1,4} (?:updated|current|green|healthy|clean|secure|compliant|stable|running)\b|\bon (?:financial )?(?:plan|budget)\b|\bwithin budget\b|\b(?:for )?(?:every|each) (?:sprint|release|iteration)\b/;
// The same alternatives as word chains and a short pattern (the full pattern compiles into 60 KB of
// regex bytecode, milliseconds in every fresh execution): the leftmost match, the first alternative on
// a tie. Normalised text reads "up to date" as "current"; the rare text that still has it takes the pattern.
const HELD_CHAINS: WordChain[] = [
  {
    lead: /\b(?:remains?|stays?|keeps?|kept|is kept) /g,
    between: 2,
    words: wordSet(
      "low high stable steady green healthy current updated clean secure compliant below above under within",
    ),
  },
  {
    lead: /\b(?:keep|keeps|maintain|maintains) /g,
    between: 4,
    atLeast: 1,
    words: wordSet("updated current green healthy clean secure compliant stable running"),
  },
];
const HELD_REST =
  /\bon (?:financial )?(?:plan|budget)\b|\bwithin budget\b|\b(?:for )?(?:every|each) (?:sprint|release|iteration)\b/;

function heldState(s: string): string | null {
  if (s.includes("up to date")) return HELD_STATE.exec(s)?.[0] ?? null;
  let best: { index: number; phrase: string } | null = null;
  for (const chain of HELD_CHAINS) {
    const m = findChainAt(s, chain);
    if (m && (!best || m.index < best.index)) best = m;
  }
  const rest = HELD_REST.exec(s);
  if (rest && (!best || rest.index < best.index)) return rest[0];
  return best?.phrase ?? null;
}
// Reliability at three nines and more is a service level, whatever the verb ("we ingest 99.999% of events").
const NINES = /(?:^|[^\d.])99(?:\.\d+)?%/;
// "95% uptime for storage providers": the level before the health metric.
const LEVEL_OF_HEALTH = /\d[\d.,]*% (?:\w+ )?(?:uptime|availability|success rate|crash free|on time)\b/;
// A latency percentile held under a bound, the number possibly elsewhere ("P99 below an acceptable time").
const PERCENTILE_BOUND = /\bp(?:50|75|90|95|99|999)\b(?: \w+){0,6} (?:above|below|under|within|less than|at most)\b/;

/**
 * The "hold a level" phrase when a text only keeps a metric where it is ("keep uptime above 99.9%",
 * "p95 ingestion time under 90 s", "the proportion of failed changes remains low"), else null. A key
 * result whose target equals its start holds its level too.
 */
export function kpiWording(text: string, start?: unknown, target?: unknown): string | null {
  if (sameNumber(start, target)) return `target ${String(target).trim()} equals start`;
  const s = flat(spellComparators(text));
  if (CHANGE.test(s)) return null;
  const hold = HOLD.exec(s);
  // Quote from the verb to the level it holds: "keep uptime above 99.9%".
  if (hold && LEVEL.test(s)) return (HELD_LEVEL.exec(s.slice(hold.index)) ?? hold)[0].slice(0, 80);
  const held = HELD_HINT.test(s) ? heldState(s) : null;
  if (held) return held;
  if (!DIGIT.test(s)) return null;
  const m = SLO.exec(s) ?? SLO_STYLE.exec(s) ?? PERCENTILE_BOUND.exec(s) ?? LEVEL_OF_HEALTH.exec(s) ?? NINES.exec(s);
  return m ? m[0].trim() : null;
}

function sameNumber(a: unknown, b: unknown): boolean {
  const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v) : NaN);
  const x = num(a);
  const y = num(b);
  return Number.isFinite(x) && Number.isFinite(y) && x === y;
}

/** Whole days since the epoch (UTC) of a date or ISO date string; NaN when unreadable. */
function toDay(d: Date | string): number {
  const t = isDate(d) ? d.getTime() : Date.parse(ISO_DATE.test(String(d)) ? `${d}T00:00:00Z` : String(d));
  return Math.floor(t / MS_PER_DAY);
}
