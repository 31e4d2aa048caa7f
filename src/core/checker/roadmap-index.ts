import { clauses, isGeneric, isNumberTerm, itemName, phaseOf, properNameTerms, topicalTerms } from "./text";
import type { RoadmapItem } from "./types";

/**
 * An inverted index over roadmap items. Matching an OKR walks only the posting lists of its own
 * distinctive terms, so the cost grows with the OKR's words, not with OKRs × roadmap items.
 */
export interface RoadmapIndex {
  items: RoadmapItem[];
  /** Unique topical terms of each item. */
  itemTerms: string[][];
  /** Sum of term weights per item (the denominator of item coverage). */
  itemWeight: number[];
  /** Terms and weight of the item's name ("Name: description"), or null when it has no separate name. */
  nameTerms: (string[] | null)[];
  nameWeight: number[];
  /** Phase number named by each item ("Phase 1: …"), or null. */
  itemPhase: (number | null)[];
  df: Map<string, number>;
  /** Weight of every roadmap term, computed once. */
  weight: Map<string, number>;
  /** Posting lists for anchor terms only: term → item positions. */
  postings: Map<string, number[]>;
  /** Scratch for `matchItems`: the stamp of the last query that took each item. */
  seen: Uint32Array;
  stamp: number;
}

export interface ItemMatch {
  item: number;
  score: number;
}

/** A term that names roadmap items in more places than this says nothing about which one is meant. */
export const MAX_ANCHOR_DF = 50;
const GENERIC_FACTOR = 0.3;
const NUMBER_FACTOR = 0.3;
const UNSEEN_FACTOR = 0.7;
/** How much item coverage counts against query coverage: naming most of an item matters more. */
const ITEM_SHARE = 0.6;
const PART_FACTOR = 0.75;

export function buildRoadmapIndex(items: RoadmapItem[]): RoadmapIndex {
  const n = items.length;
  const itemTerms: string[][] = [];
  // The phase is read while the item's normalised text is still remembered (`normalise` keeps a few).
  const itemPhase: (number | null)[] = [];
  // The items of every term, in order, with one lookup per term of an item: its df is their count.
  const itemsOf = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const terms = uniqueTerms(items[i].text);
    itemTerms.push(terms);
    itemPhase.push(phaseOf(items[i].text));
    for (const t of terms) {
      const list = itemsOf.get(t);
      if (list) list.push(i);
      else itemsOf.set(t, [i]);
    }
  }
  const df = new Map<string, number>();
  const weight = new Map<string, number>();
  const postings = new Map<string, number[]>();
  for (const [t, list] of itemsOf) {
    df.set(t, list.length);
    weight.set(t, idfWeight(n, list.length, t));
    if (isAnchor(t, list.length)) postings.set(t, list);
  }
  const nameTerms = items.map((it, i) => {
    const name = itemName(it.text);
    const terms = name ? uniqueTerms(name) : [];
    return terms.length && terms.length < itemTerms[i].length ? terms : null;
  });
  const weightOf = (terms: string[] | null) => {
    let w = 0;
    if (terms) for (const t of terms) w += weight.get(t) ?? 0;
    return w;
  };
  return {
    items,
    itemTerms,
    itemWeight: itemTerms.map(weightOf),
    nameTerms,
    nameWeight: nameTerms.map(weightOf),
    itemPhase,
    df,
    weight,
    postings,
    seen: new Uint32Array(n),
    stamp: 0,
  };
}

function isAnchor(term: string, df: number): boolean {
  return df > 0 && df <= MAX_ANCHOR_DF && !isGeneric(term) && !isNumberTerm(term);
}

/**
 * BM25-style IDF, damped for generic words and numbers. A word no roadmap item uses weighs 0.7 of the
 * rarest known word: it makes a KR less of a restatement, but says nothing about which item it is near.
 */
export function termWeight(index: RoadmapIndex, term: string): number {
  return idfWeight(index.items.length, index.df.get(term) ?? 0, term);
}

/** `termWeight` of a term `known` items of `n` use. */
function idfWeight(n: number, known: number, term: string): number {
  const df = Math.max(1, known);
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (known ? 1 : UNSEEN_FACTOR);
  if (isNumberTerm(term)) return idf * NUMBER_FACTOR;
  return isGeneric(term) ? idf * GENERIC_FACTOR : idf;
}

/**
 * Query side of a match. Its terms are known at once (they find the candidates); weights and clauses are
 * worked out only when an item is scored, so a text that shares no distinctive word with the roadmap
 * (most of a sheet) costs no more than its terms.
 */
export interface Query {
  text: string;
  terms: string[];
  weights: Map<string, number>;
  total: number;
  /** The KR's clauses, each scored on its own (empty for a single-clause text). */
  parts: Query[];
  weighed: boolean;
}

const NOT_WEIGHED = new Map<string, number>();

export function makeQuery(index: RoadmapIndex, text: string): Query {
  return { text, terms: uniqueTerms(text), weights: NOT_WEIGHED, total: 0, parts: [], weighed: false };
}

const CLOSING_CLAUSE = /\s+(?:when|after|once|until|before|so that|because)\s.*$/i;

/** Weights and clauses of a query, worked out on first use. */
export function weigh(index: RoadmapIndex, query: Query): Query {
  if (query.weighed) return query;
  weighOne(index, query);
  const text = query.text;
  // The main clause without a closing "when/after …" clause, which names a moment, not the work.
  const main = text.replace(CLOSING_CLAUSE, "");
  const parts = main !== text && main.trim() ? [main, ...clauses(text)] : clauses(text);
  for (const c of parts) {
    const part = weighOne(index, {
      text: c,
      terms: uniqueTerms(c),
      weights: NOT_WEIGHED,
      total: 0,
      parts: [],
      weighed: false,
    });
    if (part.terms.length) query.parts.push(part);
  }
  return query;
}

function uniqueTerms(text: string): string[] {
  return topicalTerms(text, true);
}

function weighOne(index: RoadmapIndex, query: Query): Query {
  const weights = new Map<string, number>();
  let total = 0;
  let names: Set<string> | undefined;
  for (const t of query.terms) {
    let w = index.weight.get(t);
    if (w === undefined) {
      // A name the roadmap never uses ("… to Stripe") says the KR is about something else: full weight.
      names ??= properNameTerms(query.text);
      w = termWeight(index, t) / (names.has(t) ? UNSEEN_FACTOR : 1);
    }
    weights.set(t, w);
    total += w;
  }
  query.weights = weights;
  query.total = total;
  query.weighed = true;
  return query;
}

/**
 * 0–1 closeness of a query and one item: the mean of how much of the item the query covers and how much
 * of the query the item covers (weighted), so both "Ship Apple Pay" (a part of a long item) and
 * "Move the session cache onto Redis 7" (a long paraphrase of a short item) reach it.
 * Zero unless they share an anchor (a distinctive word).
 */
export function scorePair(index: RoadmapIndex, query: Query, item: number): number {
  if (!query.weighed) weigh(index, query);
  let best = scoreOne(index, query, item);
  for (const part of query.parts) best = Math.max(best, scoreOne(index, part, item));
  return best;
}

function scoreOne(index: RoadmapIndex, query: Query, item: number): number {
  const whole = scoreTerms(index, query, index.itemTerms[item], index.itemWeight[item]);
  const name = index.nameTerms[item];
  return name ? Math.max(whole, scoreTerms(index, query, name, index.nameWeight[item])) : whole;
}

function scoreTerms(index: RoadmapIndex, query: Query, itemTerms: string[], itemWeight: number): number {
  let shared = 0;
  let anchors = 0;
  for (const t of itemTerms) {
    const w = query.weights.get(t);
    if (w === undefined) continue;
    shared += w;
    if (index.postings.has(t)) anchors++;
  }
  if (!anchors) return 0;
  const ofItem = shared / itemWeight;
  const ofQuery = shared / query.total;
  const score = ITEM_SHARE * ofItem + (1 - ITEM_SHARE) * ofQuery;
  // Two distinctive words of a long item and little else ("Ship saved views") name a part of it.
  return anchors >= 2 ? Math.max(score, PART_FACTOR * ofQuery) : score;
}

/**
 * One shared distinctive word that leaves part of the item unnamed, in an OKR mostly about other
 * things ("Runbook for payment incidents published" vs "New payment flow"): too weak to call the
 * OKR a restatement of the item, though enough to mention it.
 */
export function isWeakMatch(index: RoadmapIndex, query: Query, item: number): boolean {
  weigh(index, query);
  // A clause that is all about the item ("Have Dedicated in GA, …") is not weak.
  return isWeakOne(index, query, item) && query.parts.every((part) => isWeakOne(index, part, item));
}

function isWeakOne(index: RoadmapIndex, query: Query, item: number): boolean {
  let shared = 0;
  let anchors = 0;
  let covered = 0;
  const itemTerms = index.itemTerms[item];
  for (const t of itemTerms) {
    const w = query.weights.get(t);
    if (w === undefined) continue;
    shared += w;
    covered++;
    if (index.postings.has(t)) anchors++;
  }
  return anchors === 1 && covered < itemTerms.length && shared / query.total < 0.5;
}

/**
 * Scored matches through the index, best first: the items sharing at least one anchor term with the
 * query, the only ones that can score above zero. With a `floor`, only the matches that reach it, or the
 * best one alone when none does: most candidates share one word and score low, and need no object or sort.
 */
export function matchItems(index: RoadmapIndex, query: Query, floor = 0): ItemMatch[] {
  const out: ItemMatch[] = [];
  let bestItem = -1;
  let bestScore = 0;
  // Items already scored are marked with this query's stamp: no Set, no list of candidates.
  const stamp = ++index.stamp;
  for (const t of query.terms) {
    const list = index.postings.get(t);
    if (list)
      for (const item of list) {
        if (index.seen[item] === stamp) continue;
        index.seen[item] = stamp;
        const score = scorePair(index, query, item);
        if (score <= 0) continue;
        if (score >= floor) out.push({ item, score });
        else if (score > bestScore || (score === bestScore && item < bestItem)) {
          bestScore = score;
          bestItem = item;
        }
      }
  }
  if (!out.length && bestItem >= 0) out.push({ item: bestItem, score: bestScore });
  return out.length > 1 ? out.sort(byScore) : out;
}

/** Same scores without the index: every item is compared. The benchmark's baseline. */
export function matchItemsAllPairs(index: RoadmapIndex, query: Query): ItemMatch[] {
  const out: ItemMatch[] = [];
  for (let item = 0; item < index.items.length; item++) out.push({ item, score: scorePair(index, query, item) });
  return out.filter((m) => m.score > 0).sort(byScore);
}

// Answers -1, 1 or an item difference, never a fraction: a fraction is a new heap number on every comparison.
function byScore(a: ItemMatch, b: ItemMatch): number {
  return b.score > a.score ? 1 : b.score < a.score ? -1 : a.item - b.item;
}

/**
 * A close but not decisive match (a little under the duplicate threshold) is still a restatement when
 * the KR shares two distinctive words with the item, or covers at least half of the item or its name.
 */
export function isFirmMatch(index: RoadmapIndex, query: Query, item: number): boolean {
  weigh(index, query);
  // Distinctive here means used by very few items: in a short roadmap, by this item alone.
  const rare = Math.max(1, Math.ceil(index.items.length * 0.05));
  return [query, ...query.parts].some((q) => {
    let anchors = 0;
    let shared = 0;
    let sharedName = 0;
    const name = index.nameTerms[item];
    for (const t of index.itemTerms[item]) {
      const w = q.weights.get(t);
      if (w === undefined) continue;
      shared += w;
      if (index.postings.has(t) && (index.df.get(t) ?? 0) <= rare) anchors++;
      if (name?.includes(t)) sharedName += w;
    }
    const covers =
      shared / index.itemWeight[item] >= 0.5 || (name !== null && sharedName / index.nameWeight[item] >= 0.5);
    return anchors >= 2 || (anchors === 1 && covers && shared / q.total >= 0.3);
  });
}
