import { flat, remembering, spellComparators } from "./text";

/**
 * Outcome-style rewrites for a KR that restates a roadmap item. A fixed table keyed on the kind of work:
 * the point is to show the shape of a good KR, not to guess the team's numbers.
 */
const TEMPLATES: [RegExp, (name: string) => string][] = [
  // Domains first: the kind of thing decides the measure, whatever is done to it ("billing migration").
  [
    /\b(?:billing|invoic\w*|payments?|checkout|pricing|subscriptions?|licens\w*|purchas\w*|web ?store|zuora|stripe)\b/,
    () => "self-serve purchases that need no help from sales or support from 60% to 80%",
  ],
  [
    /\b(?:sso|saml|login|authentication|permission\w*|role[- ]based|audit|security|compliance|certification\w*|fedramp|soc2|gdpr|biometric|mfa)\b/,
    (n) => `3 enterprise deals that were blocked on ${n} close`,
  ],
  [
    /\b(?:refund\w*|help ?cent\w*|helpcenter|support|ticket\w*|agent\w*|csat|zendesk|reply|replies)\b/,
    () => "tickets needing a human from 60% to 40%, or first response time from 9 h to 2 h",
  ],
  [
    /\b(?:docs?|documentation|guides?|tutorials?|references?|handbook|instructions?)\b/,
    (n) => `support questions answered by a link to ${n} from 20% to 40%`,
  ],
  [
    /\b(?:webinar\w*|campaign|case stud\w*|casestudy|ebook|podcast|blog|newsletter|launch event|landing pages?|co marketing|videos?|comparisons?)\b/,
    (n) => `${n} brings in 100 sign-ups a month`,
  ],
  [
    /\b(?:localization|localisation|translat\w*|german|french|spanish|japanese|countr\w*|market|region)\b/,
    () => "sign-ups from the new markets from 50 to 150 a month",
  ],
  [
    /\b(?:dashboard|warehouse|snowflake|redshift|looker|catalog|lineage|model|pipeline|kafka|analytics|data|reporting)\b/,
    (n) => `70% of its intended users use ${the(n)} every week`,
  ],
  [
    /\b(?:hir\w*|recruit\w*|onboarding|training|career|promotion)\b/,
    () => "time from kick-off to a first shipped change for new joiners from 6 weeks to 3",
  ],
  [/\b(?:redis|cache|caching)\b/, () => "p95 session read latency from 40 ms to 10 ms"],
  [/\b(?:performance|latency|speed|fast\w*|load\w*)\b/, () => "p95 page load from 3 s to 1 s"],
  [
    /\b(?:ci|jenkins|github actions|preview|environments?|pr|deploy(?:s|ment)? (?:pipeline|process|approval|frequency)|continuous deploy\w*|releases?)\b/,
    () => "median time from pull request to production from 2 days to 4 hours",
  ],
  // Then what is done: a migration or a shutdown pays off in cost and toil.
  [
    /\b(?:decommission\w*|shut down|retire\w*|sunset\w*|deprecat\w*|legacy)\b/,
    (n) => `hosting cost down 25% once ${n} is done`,
  ],
  [
    /\b(?:migrat\w*|upgrad\w*|postgres\w*|mysql|database|kubernetes|k8s|eks|gke|cloud|infrastructure|terraform|vault)\b/,
    (n) => `hours spent operating ${n} from 40 to 10 a month`,
  ],
];

/** A short example of an outcome KR for the given roadmap item. */
export function suggestOutcome(itemText: string, okrText: string): string {
  const name = itemLabel(itemText);
  // The item decides the kind of work; the OKR's own words only break a tie.
  const make = templateFor(itemText) ?? templateFor(okrText);
  return make ? make(name) : `30% of weekly active users use ${name} within a month of release`;
}

/** An item written as a task ("Improve the querying experience for Insights") is named by what it is about. */
function itemLabel(itemText: string): string {
  const s = String(itemText ?? "")
    .replace(TAG, "")
    .trim();
  if (!STARTS_WITH_VERB.test(s)) return shortName(itemText);
  const subject = subjectOf(s);
  return subject === "it" ? shortName(itemText) : subject;
}

// Many KRs restate the same few items; remember each item's template (bounded, it is only a cache).
const templates = new Map<string, ((name: string) => string) | null>();
function templateFor(text: string): ((name: string) => string) | null {
  let make = templates.get(text);
  if (make === undefined) {
    const s = flat(text);
    make = TEMPLATES.find(([re]) => re.test(s))?.[1] ?? null;
    if (templates.size > 5000) templates.clear();
    templates.set(text, make);
  }
  return make;
}

// Made once: a regex literal in a function body is a new RegExp object on every call.
const PHASE_PREFIX = /^\s*phase\s*\w+\s*[:\-–]\s*/i;
const NAME_END = /\s*[:(–—]\s*/;
const TRAILING_STOPS = /[.,;]+$/;
const LAST_WORD = /\s+\S*$/;
const CAPITALISED = /^[A-Z][a-z]/;
const CAPITALISED_NAME = /^[A-Z][a-z]+(?: [A-Z]|[A-Z])/;

/** The item's name without a "Phase 1:" prefix or trailing detail, for use inside a sentence. */
export function shortName(itemText: string, keepCase = false): string {
  let s = itemText.replace(PHASE_PREFIX, "").trim();
  s = s.split(NAME_END)[0] || s;
  s = s.replace(TRAILING_STOPS, "");
  if (s.length > 50) s = s.slice(0, 47).replace(LAST_WORD, "") + "…";
  // "Timeline view" reads "timeline view" in a sentence; "GitLab" and "Cloud Licensing" keep their capitals.
  return !keepCase && CAPITALISED.test(s) && !CAPITALISED_NAME.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The item quoted for a reason line: short enough to read in a cell note. */
export function quoteItem(itemText: string): string {
  const s = itemText.trim();
  return s.length > 60 ? s.slice(0, 57).replace(LAST_WORD, "") + "…" : s;
}

/** An outcome for delivery work that is not on the roadmap: about the KR's own subject. */
export function suggestForOutput(okrText: string): string {
  const subject = subjectOf(okrText);
  const make = templateFor(okrText);
  return make ? make(subject) : `50 people a week use ${subject} within a month of release`;
}

// Words that start the description of what is delivered ("Upgrade to Kubernetes 1.25 to unblock …").
const VERB =
  "(?:ship|launch|release|deliver|build|implement|create|develop|write|publish|produce|complete|finish|execute|run|do|add|introduce|enable|migrate|move|upgrade|deploy|design|define|document|update|hire|conduct|host|roll out|set up|get|have|make|provide|offer|evaluate|investigate|analy[sz]e|refine|scope|improve|increase|reduce|remove|convert|automate|deprecate|replace|rewrite|redesign|rebuild)\\w*";
const LEAD = new RegExp(
  `^(?:we(?:'ve| have| will| can)?\\s+)?(?:\\w+ly\\s+)?${VERB}(?:\\s*(?:,|and|&)\\s*${VERB})*\\s+(?:to\\s+|a\\s+|an\\s+|the\\s+|our\\s+)?`,
  "i",
);
const STARTS_WITH_VERB = new RegExp(`^(?:we\\s+)?${VERB}\\b`, "i");
// Tags before the text proper: "(Stretch)", "(Q2Continue)", "Stretch:", "New:", "Dogfooding - ".
const TAG = /^(?:\([^)]{1,20}\)\s*|(?:stretch|new|done|wip)\s*:\s*|\w+(?: \w+)? [-–—] (?=[A-Z]))+/i;
// Where the thing named ends: a preposition or clause, or an end state ("… costs are determined").
const SUBJECT_END =
  /\s+(?:to|into|onto|for|by|so|in order|with|that|which|because|against|about|like|as|from|and|is|are|was|were|has|have|had|will|can|be|been|in|on|at|across|through|using|via)\s+|\s+[-–—]\s+|[,;:()]|\.(?!\d)/i;

// Not a thing to use: a count, a pronoun, people ("all managers complete …").
const NOT_A_THING =
  /^(?:\d|(?:we|our|they|it|every|each|and|or)\b|(?:managers?|team members?|members?|employees|staff|engineers?|people|users?|customers?|teams?)\b)/i;

const DETERMINER = /^(?:all|the|a|an)\s+/i;
const SPACES = /\s+/;

/** "the dashboard", but "it" alone. */
function the(name: string): string {
  return name === "it" ? "it" : `the ${name}`;
}

/**
 * The thing a KR is about, for use inside a suggestion: its first words after the delivery verbs. Falls
 * back to "it" when what is left is not a noun phrase (a count, a pronoun, a verb).
 */
export function subjectOf(text: string): string {
  const whole = String(text ?? "").replace(TAG, "");
  const rest = whole.replace(LEAD, "");
  const s = rest.split(SUBJECT_END)[0].trim();
  const thing = s.replace(DETERMINER, "");
  if (!thing || NOT_A_THING.test(thing) || STARTS_WITH_VERB.test(thing)) return "it";
  // After a verb a capital starts a name ("Upgrade to React 18"), not the sentence.
  return shortName(thing.split(SPACES).slice(0, 6).join(" "), rest !== whole);
}

const WORD_GOES_ON = /^(?:[\w%]|[.,]\d)/;
const ENDS_WITH_DIGIT = /\d$/;
const QUOTE_MARKS = /^[("'‘“]+|[)"'’”.,;:]+$/g;

/**
 * A piece of the KR quoted for a reason: the words of `phrase` (found in the normalised text) as the KR
 * writes them, whole words and numbers ("from 100 to 500", never "from 100 to 5"). Falls back to the phrase.
 */
export function quote(text: string, phrase: string): string {
  const original = String(text ?? "");
  // Most phrases stand in the text as written, ending on a whole word: no need to map words one by one.
  const found = original.toLowerCase().indexOf(phrase);
  if (found >= 0 && !WORD_GOES_ON.test(original.slice(found + phrase.length, found + phrase.length + 2)))
    return `'${original.slice(found, found + phrase.length)}'`;
  // Else the KR's words, normalised one by one and run together without spaces (the phrase has units glued
  // to numbers: "400ms"), each character remembering its word: a match maps back to whole words.
  // Words are the runs between spaces (split: no match object per word), each found after the last.
  const tokens: string[] = [];
  const starts: number[] = [];
  let joined = "";
  const wordOf: number[] = [];
  for (const t of original.split(SPACES)) {
    if (!t) continue;
    const k = tokens.length;
    starts.push(original.indexOf(t, k ? starts[k - 1] + tokens[k - 1].length : 0));
    tokens.push(t);
    const w = squeeze(plain(t));
    joined += w;
    for (let c = 0; c < w.length; c++) wordOf.push(k);
  }
  const wanted = squeeze(plain(phrase));
  let at = wanted ? joined.indexOf(wanted) : -1;
  if (at < 0) return `'${phrase}'`;
  // Prefer a match that starts a word: "5%" is not the end of "15%".
  for (let next = at; next > 0 && wordOf[next - 1] === wordOf[next];) {
    next = joined.indexOf(wanted, next + 1);
    if (next < 0) break;
    if (wordOf[next - 1] !== wordOf[next]) at = next;
  }
  const first = wordOf[at];
  let last = wordOf[at + wanted.length - 1];
  // A number ends with its unit: "from 400 ms to 200 ms", not "… to 200".
  if (ENDS_WITH_DIGIT.test(tokens[last]) && UNIT.test(tokens[last + 1] ?? "")) last++;
  const from = starts[first];
  const to = starts[last] + tokens[last].length;
  return `'${original.slice(from, to).replace(QUOTE_MARKS, "")}'`;
}

const UNIT = /^(?:ms|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|percent|x|k|m)[.,;:)]*$/i;

function squeeze(s: string): string {
  return s.includes(" ") ? s.replace(/ /g, "") : s;
}

// Quoted key results repeat their words ("from", "ms", "latency"): work each out once.
const plain = remembering(10000, plainUncached);

/** A word as the phrase rules see it, without the phrase folding (cheap: quote maps words one by one). */
function plainUncached(word: string): string {
  // As `normalise` reads them: placeholder targets ("X", "$XK") are numbers, British -ise is -ize.
  let w = /^\$?(?:XX?|Y)[KM]?\W*$/.test(word) ? word.replace(/XX?|Y/, "9").toLowerCase() : word.toLowerCase();
  if (/[<>≤≥]/.test(w)) w = spellComparators(w);
  if (/[iy]s[eia]/.test(w)) w = w.replace(/\b([a-z]{3,}[iy])s(e|ed|es|ing|ation|ations|er|ers)\b/g, "$1z$2");
  // Most words are plain already.
  if (/^[a-z0-9]+$/.test(w)) return w;
  return w
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\.(?!\d)/g, " ")
    .replace(/[^a-z0-9%$.]+/g, " ")
    .trim();
}
