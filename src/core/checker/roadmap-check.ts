import {
  changeWording,
  deliverableWording,
  deliveryWording,
  isVague,
  outcomeWording,
  qualifiedDelivery,
  roadmapRestatement,
} from "./delivery";
import {
  buildRoadmapIndex,
  isFirmMatch,
  isWeakMatch,
  makeQuery,
  scorePair,
  matchItems,
  matchItemsAllPairs,
  type ItemMatch,
  type Query,
  type RoadmapIndex,
} from "./roadmap-index";
import { kpiWording } from "./quality";
import { quote, quoteItem, suggestForOutput, suggestOutcome } from "./suggest";
import type { OkrInput, RoadmapFinding, RoadmapItem, RoadmapReport, RoadmapSummary } from "./types";

/** Below this closeness an OKR does not restate a roadmap item. Tuned on the dev half of the labelled set. */
export const MATCH_THRESHOLD = 0.5;
/**
 * An outcome KR may link to an item with a little less overlap: its metric words dilute the match, and
 * a wrong link costs less than a wrong "duplicate".
 */
export const RELATED_THRESHOLD = 0.4;
/** A delivery scoring this close restates the item when it names it firmly (two distinctive words, or half of it). */
const FIRM_THRESHOLD = 0.4;
/** Other items are named too when they score this close to the best one ("the Kubernetes and Postgres migrations"). */
const CO_MATCH = 0.8;

export type Matcher = (index: RoadmapIndex, query: Query) => ItemMatch[];
// A verdict reads the matches that reach RELATED_THRESHOLD (every floor is at least that) and the best score.
const indexed: Matcher = (index, query) => matchItems(index, query, RELATED_THRESHOLD);
/** The plain all-pairs comparison with the same scoring: the benchmark's baseline. */
export const allPairs: Matcher = (index, query) => matchItemsAllPairs(index, query);

/** Check every objective and key result against the roadmap. */
export function checkAgainstRoadmap(
  okrs: OkrInput[],
  roadmap: RoadmapItem[],
  matcher: Matcher = indexed,
): RoadmapReport {
  const index = buildRoadmapIndex(roadmap);
  const findings = okrs.map((okr) => ({ id: okr.id, ...judge(index, okr.text, matcher) }));
  return { findings, summary: summarise(okrs, findings) };
}

/** The sidebar's live hint: one text against a prebuilt index (build it once with `buildRoadmapIndex`). */
export function hintForKeyResult(text: string, roadmapIndex: RoadmapIndex): Omit<RoadmapFinding, "id"> {
  return judge(roadmapIndex, text, indexed);
}

function judge(index: RoadmapIndex, text: string, matcher: Matcher): Omit<RoadmapFinding, "id"> {
  const query = makeQuery(index, text);
  const matches = matcher(index, query);
  const restated = roadmapRestatement(text);
  if (restated) return restatesRoadmap(index, restated.phase, matches, query);

  const best = matches[0];
  const near = !!best && best.score >= RELATED_THRESHOLD;
  const stated = deliveryWording(text);
  // Most texts name no roadmap item and deliver nothing: nothing more to ask.
  if (!near && !stated) return none(round(best?.score ?? 0));
  const measured = outcomeWording(text);
  const delivered = measured ? null : stated;
  // A level to hold (a KPI) is neither an outcome nor a delivery: the quality rules flag it. (Asked only
  // when it can change the verdict: most texts match nothing and deliver nothing.)
  const kpi = measured || (!delivered && !near) ? null : kpiWording(text);
  const outcome = measured ?? kpi;
  const explicit = kpi ? null : delivered;
  const score = round(best?.score ?? 0);
  if (!near) return elsewhere(text, explicit, score);
  // A deliverable written as an end state or a bare noun phrase counts as delivery too.
  const delivery = explicit ?? (outcome ? null : deliverableWording(text));
  // A delivery a little under the threshold still restates an item it firmly names.
  const firm = delivery && best.score >= FIRM_THRESHOLD && isFirmMatch(index, query, best.item);
  const floor = delivery && !firm ? MATCH_THRESHOLD : RELATED_THRESHOLD;
  if (best.score < floor) return elsewhere(text, explicit, score);
  const named = matches.filter((m) => m.score >= floor && m.score >= best.score * CO_MATCH);
  const roadmapIds = named.map((m) => index.items[m.item].id);
  const item = index.items[best.item];
  const label = `${item.id} '${quoteItem(item.text)}'`;

  const qualified = qualifiedDelivery(text);
  if (qualified) {
    return {
      verdict: "related",
      roadmapIds,
      score,
      reason: `Names roadmap item ${label} with a bar for how it goes (${quote(text, qualified)}): fine, it marks this as the quarter's priority. Make the KRs say what that means, e.g. 'no Sev1 incidents in the first 2 weeks'.`,
    };
  }
  if (delivery) {
    if (isWeakMatch(index, query, best.item)) return elsewhere(text, explicit, score);
    const suggestion = suggestOutcome(item.text, text);
    const others = roadmapIds.length > 1 ? ` (and ${roadmapIds.slice(1).join(", ")})` : "";
    const how = explicit ? "as a delivery" : "as a finished state";
    return {
      verdict: "duplicate",
      roadmapIds,
      score,
      suggestion,
      reason: `Restates roadmap item ${label}${others} ${how}. Try measuring what it changes, e.g. '${suggestion}'.`,
    };
  }
  const change = changeWording(text);
  const how = kpi
    ? `holds a level (${quote(text, kpi)}): that is a KPI for the item's ongoing health, not a change this quarter.`
    : outcome
      ? `measures an outcome (${quote(text, outcome)}): good, the link is kept.`
      : change
        ? `aims at a change (${quote(text, change)}): good, the link is kept.`
        : "says neither what is delivered nor what changes: add the measure that shows it worked.";
  return { verdict: "related", roadmapIds, score, reason: `Names roadmap item ${label} and ${how}` };
}

// Made once: a regex literal in a function body is a new RegExp object on every call.
const TRAILING_STOP = /[.;]+$/;
const TRAILING_STOPS = /[.,;:]+$/;
const SPACES = /\s+/;

/** The delivery quoted with what it delivers: the whole KR when short, else from the delivery word on. */
function quoteDelivery(text: string, delivery: string): string {
  const whole = text.trim().replace(TRAILING_STOP, "");
  if (whole.length <= 70) return `'${whole}'`;
  const q = quote(text, delivery).slice(1, -1);
  const at = text.indexOf(q);
  const words = (at >= 0 ? text.slice(at) : whole).split(SPACES).slice(0, 9).join(" ");
  return `'${words.replace(TRAILING_STOPS, "")}…'`;
}

/** A text that restates no roadmap item: delivery work elsewhere, or fine. */
function elsewhere(text: string, explicit: string | null, score: number): Omit<RoadmapFinding, "id"> {
  // Opinions and vague progress are not output to question: the quality rules ask them for a measure.
  return explicit && !isVague(text) ? output(text, explicit, score) : none(score);
}

function none(score: number): Omit<RoadmapFinding, "id"> {
  return { verdict: "ok", roadmapIds: [], score, reason: "Matches no roadmap item." };
}

/** Delivery work the roadmap does not list: not a duplicate, but not an outcome either. */
function output(text: string, delivery: string, score: number): Omit<RoadmapFinding, "id"> {
  const suggestion = suggestForOutput(text);
  return {
    verdict: "output",
    roadmapIds: [],
    score,
    suggestion,
    reason: `Delivery work not on the roadmap (${quoteDelivery(text, delivery)}). What is it meant to change? Say what should be different once it is done, e.g. '${suggestion}'.`,
  };
}

/** "All features in Phase 1", "the Q3 roadmap": names the phase's items, or the items it lists by name. */
function restatesRoadmap(
  index: RoadmapIndex,
  phase: number | null,
  matches: ItemMatch[],
  query: Query,
): Omit<RoadmapFinding, "id"> {
  let ids: string[];
  if (phase === null) ids = matches.filter((m) => m.score >= RELATED_THRESHOLD).map((m) => index.items[m.item].id);
  else {
    const inPhase = index.items.map((_, i) => i).filter((i) => index.itemPhase[i] === phase);
    // "All features in Frontend Observability Phase 1": only that work's Phase 1 items, not every Phase 1.
    const ofThisWork = inPhase.filter((i) => scorePair(index, query, i) > 0);
    ids = (ofThisWork.length ? ofThisWork : inPhase).map((i) => index.items[i].id);
  }
  const what =
    phase === null
      ? ids.length
        ? `the roadmap (${ids.join(", ")})`
        : "the whole roadmap"
      : ids.length
        ? `all of Phase ${phase} (${ids.join(", ")})`
        : `all of Phase ${phase}`;
  const suggestion =
    phase === null
      ? "30% of weekly active users use this quarter's new features within a month"
      : `30% of weekly active users use what Phase ${phase} brings within a month`;
  return {
    verdict: "duplicate",
    roadmapIds: ids,
    score: 1,
    suggestion,
    reason: `Restates the delivery of ${what}: that is the roadmap's job. Say what should be different once it ships, e.g. '${suggestion}'.`,
  };
}

function summarise(okrs: OkrInput[], findings: RoadmapFinding[]): RoadmapSummary {
  const counts = { duplicate: 0, output: 0, related: 0, ok: 0 };
  for (const f of findings) counts[f.verdict]++;
  const kinds = new Map(okrs.map((o) => [o.id, o.kind]));
  const krFindings = findings.filter((f) => kinds.get(f.id) === "key_result");
  const judged = krFindings.length ? krFindings : findings;
  const noun = krFindings.length ? "key results" : "OKRs";
  const isDup = (f: RoadmapFinding) => f.verdict === "duplicate";
  const mostlyDup = (fs: RoadmapFinding[]) => fs.length >= 2 && fs.filter(isDup).length * 2 > fs.length;

  // "Ship the roadmap" is judged per cycle when the sheet spans several.
  const cycleOf = cycles(okrs);
  const byCycle = new Map<string, RoadmapFinding[]>();
  for (const f of judged) {
    const c = cycleOf.get(f.id) ?? "";
    const list = byCycle.get(c);
    if (list) list.push(f);
    else byCycle.set(c, [f]);
  }
  const flagged = [...byCycle].filter(([, fs]) => mostlyDup(fs));
  const shipTheRoadmap = flagged.length > 0;
  const dup = judged.filter(isDup).length;
  const ship =
    'reads as "ship the roadmap". Keep delivery in the roadmap and use OKRs for what should be different this quarter.';
  let message: string;
  if (byCycle.size > 1 && shipTheRoadmap) {
    const parts = flagged.map(([c, fs]) => `${c || "no cycle"}: ${fs.filter(isDup).length} of ${fs.length}`);
    message = `Most ${noun} restate the roadmap in ${parts.join("; ")}. ${flagged.length > 1 ? "Those cycles read" : "That cycle reads"} ${ship.replace(/^reads /, "")}`;
  } else if (shipTheRoadmap) {
    message = `${dup} of ${judged.length} ${noun} ${dup === 1 ? "restates" : "restate"} the roadmap: this quarter ${ship}`;
  } else {
    message = dup
      ? `${dup} of ${judged.length} ${noun} ${dup === 1 ? "restates a roadmap item" : "restate roadmap items"}: not enough to read as "ship the roadmap".`
      : `None of the ${judged.length} ${noun} ${judged.length === 1 ? "restates" : "restate"} the roadmap.`;
  }
  const out = judged.filter((f) => f.verdict === "output").length;
  if (out)
    message += ` ${out} ${out === 1 ? "is delivery work" : "are delivery work"} not on the roadmap: say what ${out === 1 ? "it" : "each"} should change.`;
  return {
    okrs: findings.length,
    ...counts,
    keyResults: krFindings.length,
    duplicateKeyResults: krFindings.filter(isDup).length,
    shipTheRoadmap,
    shipTheRoadmapCycles: flagged.map(([c]) => c).filter(Boolean),
    message,
  };
}

/** Cycle of every OKR: its own, else its objective's (by objectiveId, or the nearest objective above). */
function cycles(okrs: OkrInput[]): Map<string, string> {
  const own = new Map(okrs.filter((o) => o.cycle).map((o) => [o.id, String(o.cycle)]));
  const out = new Map<string, string>();
  let objective: OkrInput | undefined;
  for (const o of okrs) {
    if (o.kind === "objective") objective = o;
    const parent = o.kind === "key_result" ? String(o.objectiveId ?? "").trim() || objective?.id : undefined;
    const c = own.get(o.id) ?? (parent ? own.get(parent) : undefined);
    if (c) out.set(o.id, c);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
