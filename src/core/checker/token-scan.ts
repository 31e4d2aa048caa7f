/**
 * Tokens of normalised text read in place, and answers remembered per token without making the token a
 * string: the roadmap check looks up every token of every text, and a sheet repeats a few hundred words.
 */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * Where the token that starts at `i` ends, or `i` when none starts there: what text.ts's `TOKEN` pattern
 * matches at `i` (a number with its decimals and unit or "%", "$" before it; or a word, dots inside kept).
 */
export function tokenEnd(s: string, i: number): number {
  const n = s.length;
  let c = s.charCodeAt(i);
  let j = i;
  if (c === 36 && i + 1 < n && isDigit(s.charCodeAt(i + 1))) c = s.charCodeAt(++j);
  if (isDigit(c)) {
    while (j < n && isDigit(s.charCodeAt(j))) j++;
    for (;;) {
      const d = s.charCodeAt(j);
      if (!((d === 46 || d === 44) && j + 1 < n && isDigit(s.charCodeAt(j + 1)))) break;
      j += 2;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
    }
    if (s.charCodeAt(j) === 37) return j + 1;
    while (j < n && isLower(s.charCodeAt(j))) j++;
    return j;
  }
  if (!isLower(c)) return i;
  j++;
  for (;;) {
    while (j < n && (isLower(s.charCodeAt(j)) || isDigit(s.charCodeAt(j)))) j++;
    const d = s.charCodeAt(j + 1);
    if (!(s.charCodeAt(j) === 46 && j + 1 < n && (isLower(d) || isDigit(d)))) return j;
    j++;
  }
}

/**
 * Answers for the spans of text computed once per distinct span, up to `limit` of them (then forgotten
 * all at once). A lookup hashes the span's characters and compares them with the kept key: a hit
 * allocates nothing.
 */
export class SpanCache<T> {
  private slots: Int32Array | null = null;
  private keys: string[] = [];
  private answers: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compute: (key: string) => T,
  ) {}

  get(s: string, start: number, end: number): T {
    // Made on first use: Code.js is evaluated by every execution, most of which never check a roadmap.
    const slots = (this.slots ??= new Int32Array(1 << 17));
    let h = 0;
    for (let k = start; k < end; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
    const mask = slots.length - 1;
    const first = (h ^ (h >>> 15)) & mask;
    let slot = first;
    for (let e = slots[slot]; e !== 0; e = slots[slot]) {
      const key = this.keys[e - 1];
      if (key.length === end - start && sameSpan(key, s, start)) return this.answers[e - 1];
      slot = (slot + 1) & mask;
    }
    const key = s.slice(start, end);
    const answer = this.compute(key);
    if (this.keys.length >= this.limit) {
      slots.fill(0);
      this.keys.length = this.answers.length = 0;
      slot = first;
    }
    this.keys.push(key);
    this.answers.push(answer);
    slots[slot] = this.keys.length;
    return answer;
  }
}

function sameSpan(key: string, s: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== s.charCodeAt(start + k)) return false;
  return true;
}
