/**
 * Matching "<lead> (?:\w+ ){0,n}<word from a list>\b<tail>" without writing the list into a regex. V8
 * compiles a bounded repetition followed by a long alternation once per repetition: such a pattern cost
 * 30–200 ms on its first use in a fresh process, which every Apps Script execution is. Here a short
 * pattern finds the lead and a Set checks the words, with the regex's answer: the leftmost lead, the
 * word as far as the repetition reaches (greedy), the tail tried after each candidate word.
 */
export interface WordChain {
  /** Global regex for the lead, ending where the first word starts. */
  lead: RegExp;
  /** How many words may stand between the lead and the listed word. */
  between: number;
  /** How many words must stand between them ("(?: \\w+){1,4}"); 0 unless given. */
  atLeast?: number;
  words: Set<string>;
  /** Sticky regex that must match right after the listed word, or nothing. */
  tail?: RegExp;
  /** Whether the tail is part of the returned phrase (false for a lookahead). */
  keepTail?: boolean;
}

export function findChain(s: string, rule: WordChain): string | null {
  return findChainAt(s, rule)?.phrase ?? null;
}

/** `findChain` with where the match starts. */
export function findChainAt(s: string, rule: WordChain): { index: number; phrase: string } | null {
  const { lead, between, words, tail } = rule;
  lead.lastIndex = 0;
  const begins: number[] = [];
  const ends: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = lead.exec(s))) {
    const start = m.index;
    begins.length = ends.length = 0;
    // Word k starts right after word k-1 and one space, as "(?:\w+ )" requires.
    for (let p = start + m[0].length, k = 0; k <= between; k++) {
      const e = wordEnd(s, p);
      if (e === p) break;
      begins.push(p);
      ends.push(e);
      if (s.charCodeAt(e) !== 32) break;
      p = e + 1;
    }
    for (let k = begins.length - 1; k >= (rule.atLeast ?? 0); k--) {
      if (!words.has(s.slice(begins[k], ends[k]))) continue;
      if (!tail) return { index: start, phrase: s.slice(start, ends[k]) };
      tail.lastIndex = ends[k];
      const t = tail.exec(s);
      if (t) return { index: start, phrase: s.slice(start, rule.keepTail ? ends[k] + t[0].length : ends[k]) };
    }
    lead.lastIndex = start + 1;
  }
  return null;
}

/** "user* team* companies": a word list where `*` marks an optional plural "s". */
export function wordSet(list: string): Set<string> {
  const out = new Set<string>();
  for (const w of list.split(/\s+/)) {
    if (!w) continue;
    if (w.endsWith("*")) out.add(w.slice(0, -1)).add(w.slice(0, -1) + "s");
    else out.add(w);
  }
  return out;
}

/** `\\w` of a regex: a-z, A-Z, 0-9 and "_". */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** Where the run of \\w that includes position `i` ends (`i` itself when `s[i]` is not a word character). */
export function wordEnd(s: string, i: number): number {
  while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Visits every whole word of `s` (a run of \\w, as `\\b…\\b` sees it) in order, as its start and end,
 * until `visit` returns true; returns that word's start, or -1.
 */
export function findWord(s: string, visit: (start: number, end: number) => boolean): number {
  for (let i = 0; i < s.length;) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const e = wordEnd(s, i + 1);
    if (visit(i, e)) return i;
    i = e;
  }
  return -1;
}

/**
 * `s` with every whole word (a run of \\w) that is in `words` replaced by `letter` repeated to the same
 * length. Flat text is lower case, so a pattern can name the whole list as `[LETTER]+` instead of a long
 * alternation (which V8 takes 5–50 ms to compile on first use in a fresh process) and keep every
 * position, length and word boundary of the original: a match's index and length read the original text.
 */
export function tagWords(s: string, words: Set<string>, letter: string): string {
  let out = "";
  let from = 0;
  findWord(s, (i, e) => {
    if (words.has(s.slice(i, e))) {
      out += s.slice(from, i) + letter.repeat(e - i);
      from = e;
    }
    return false;
  });
  return from === 0 ? s : out + s.slice(from);
}

/** A pattern run on tagged text (`tagWords`), answered with the original text's words. */
export function execTagged(re: RegExp, s: string, tagged: string): { index: number; 0: string } | null {
  const m = re.exec(tagged);
  return m ? { index: m.index, 0: s.slice(m.index, m.index + m[0].length) } : null;
}
