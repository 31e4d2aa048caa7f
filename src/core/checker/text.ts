import { stemmer } from "stemmer";

/**
 * Text normalisation shared by the roadmap matcher and the phrase rules.
 * Everything here is plain string work so it runs in Apps Script, the sidebar and Node alike.
 */

// Multi-word spellings folded to one token before splitting, so "sign-in", "log in" and "login" meet.
// Each pattern has a cheap substring guard, the rarest part of its matches: most texts contain none of them.
const PHRASES: [string, RegExp, string][] = [
  ["single sign", /\bsingle sign[ -]?on\b/g, "sso"],
  ["log", /\blog[ -]?(?:in|on)s?\b/g, "login"],
  ["sign", /\bsign[ -]?(?:in|on)s?\b/g, "login"],
  ["sign", /\b(?:sign)[ -]?ups?\b/g, "signup"],
  ["request", /\bpull[ -]requests?\b|\bmerge[ -]requests?\b/g, "pr"],
  ["cent", /\bdata[ -]cent(?:er|re)s?\b/g, "datacenter"],
  ["cent", /\bhelp[ -]cent(?:er|re)s?\b/g, "helpcenter"],
  ["interface", /\buser[ -]interfaces?\b/g, "ui"],
  ["learning", /\bmachine[ -]learning\b/g, "ml"],
  ["continuous", /\bcontinuous integration\b/g, "ci"],
  ["stud", /\bcase[ -]stud(?:y|ies)\b/g, "casestudy"],
  ["general", /\bgeneral(?:ly)? availab(?:le|ility)\b/g, "ga"],
  ["factor", /\b(?:two|2|multi)[ -]?factor(?: auth\w*)?\b/g, "mfa"],
  [
    "connecti",
    /\bwithout (?:an? )?(?:internet |network |data )?connection\b|\bno (?:internet |network )?(?:connection|connectivity)\b/g,
    "offline",
  ],
  ["e-mail", /\be-mail/g, "email"],
  ["check-out", /\bcheck-out\b/g, "checkout"],
  ["theme", /\bdark theme\b/g, "dark mode"],
  [
    "-",
    /\b(real|on|check|opt|add|front|back|e|web|work|data|time|pay)-(time|call|in|out|on|end|commerce|site|flow|set|line|wall)\b/g,
    "$1$2",
  ],
  [" end", /\b(front|back) end\b/g, "$1end"],
  ["real time", /\breal time\b/g, "realtime"],
  ["soc ", /\bsoc[ -]2\b/g, "soc2"],
  ["soc-", /\bsoc[ -]2\b/g, "soc2"],
  ["27001", /\biso[ -]?27001\b/g, "iso27001"],
  ["to date", /\bup[ -]to[ -]date\b/g, "current"],
  ["to-date", /\bup[ -]to[ -]date\b/g, "current"],
  ["as code", /\b(infrastructure|configuration|config|policy|policies) as code\b/g, "$1ascode"],
  ["facing", /\b(?:user|customer|partner|team|self)[ -]?(?:facing)\b/g, "facing"],
];

// Every phrase's guard starts a word where the phrase matches ("pull request", "sign-in", "e-mail"; "-"
// after one), but these three ("twofactor", "iso27001", "userfacing"): "redesign", "catalog" and
// "percent" pass by.
const MID_WORD_GUARDS = ["factor", "27001", "facing"];
const PHRASE_HINT = new RegExp(
  `\\b(?:${[...new Set(PHRASES.map(([guard]) => guard))].filter((g) => !MID_WORD_GUARDS.includes(g)).join("|")})|${MID_WORD_GUARDS.join("|")}`,
);

// Single-word abbreviations and spelling variants, applied after splitting and before stemming.
const WORDS = new Map<string, string>(
  Object.entries({
    k8s: "kubernetes",
    kube: "kubernetes",
    "2fa": "mfa",
    tfa: "mfa",
    db: "database",
    dbs: "database",
    postgresql: "postgres",
    pg: "postgres",
    psql: "postgres",
    infra: "infrastructure",
    env: "environment",
    envs: "environment",
    prod: "production",
    docs: "documentation",
    doc: "documentation",
    auth: "authentication",
    authn: "authentication",
    repo: "repository",
    repos: "repository",
    config: "configuration",
    perf: "performance",
    i18n: "localization",
    l10n: "localization",
    localisation: "localization",
    localise: "localization",
    localize: "localization",
    translation: "localization",
    translate: "localization",
    application: "app",
    apps: "app",
    applications: "app",
    centre: "center",
    colour: "color",
    optimise: "optimize",
    optimisation: "optimization",
    organisation: "organization",
    prioritise: "prioritize",
    catalogue: "catalog",
    // "settings" would stem to "set", a delivery verb; "prefs" keeps the noun.
    settings: "prefs",
    preferences: "prefs",
    preference: "prefs",
    setting: "prefs",
    notif: "notification",
    notifs: "notification",
    msg: "message",
    msgs: "message",
    analytic: "analytics",
    dash: "dashboard",
    ai: "ai",
    gh: "github",
    fingerprint: "biometric",
    faceid: "biometric",
    touchid: "biometric",
    programme: "program",
    webinars: "webinar",
  }),
);

/**
 * Technologies and standards named where a roadmap names the capability they deliver ("FedRAMP" for
 * "compliance certifications", "Helm chart" for "Kubernetes"). The capability words are added after the
 * name, so both spellings meet. A compact, general table, not a list of any one roadmap's items.
 */
const EXPAND = new Map<string, string[]>(
  Object.entries({
    fedramp: ["compliance", "certification"],
    soc2: ["compliance", "certification"],
    iso27001: ["compliance", "certification"],
    hipaa: ["compliance"],
    pci: ["compliance"],
    stateramp: ["compliance", "certification"],
    helm: ["kubernetes"],
    eks: ["kubernetes"],
    gke: ["kubernetes"],
    aks: ["kubernetes"],
    saml: ["sso"],
    oidc: ["sso"],
    okta: ["sso"],
    yubikey: ["mfa"],
    webauthn: ["mfa"],
    grpc: ["api"],
    graphql: ["api"],
    rest: ["api"],
    endpoints: ["api"],
    redis: ["cache"],
    memcached: ["cache"],
    kafka: ["queue"],
    rabbitmq: ["queue"],
    terraform: ["infrastructureascode"],
    pulumi: ["infrastructureascode"],
    grafana: ["monitoring", "dashboard"],
    prometheus: ["monitoring"],
    datadog: ["monitoring"],
    pagerduty: ["alerting"],
    jenkins: ["ci"],
    circleci: ["ci"],
    storybook: ["component"],
    figma: ["design"],
    snowflake: ["warehouse"],
    bigquery: ["warehouse"],
    redshift: ["warehouse"],
    dbt: ["pipeline"],
    airflow: ["pipeline"],
    s3: ["storage"],
    gcs: ["storage"],
    stripe: ["payment", "billing"],
    zuora: ["billing"],
    chargebee: ["billing"],
  }),
);

const STOP = new Set(
  (
    "a an the and or but of to in on at by for with from into onto over under as is are was were be been being " +
    "this that these those it its our we us you your their they them he she his her i me my all every each any some " +
    "no not so than then there here via per within without about after before during up down out off than too very " +
    "can could should would will shall may might must do does did done have has had get gets got make makes made " +
    "q1 q2 q3 q4 h1 h2 quarter end eoq eoy year month week day today new next first last " +
    "also just more most less least much many other such own same both either which who whom what when where how " +
    "through throughout between across among ve ll re sure current existing final latest etc ie eg asap stretch " +
    "use uses used using like following itself reliable reliably robust " +
    "smooth seamless painless successful successfully great good strong solid better best " +
    "ms sec secs second seconds minute minutes min mins hour hours hr hrs days weeks months percent instead"
  ).split(" "),
);

// Common product words: they carry some weight but never identify a roadmap item alone.
const GENERIC = new Set(
  (
    "featur project program team custom user servic app page product system platform tool process work flow " +
    "initi improv updat intern extern version phase support option experi capabl solut compon modul " +
    "base core main key major minor mvp pilot beta ga public privat global level tier basic full partial self"
  ).split(" "),
);

// Delivery and change verbs (as stems): they say what happens to an item, not which item, so they never match one.
const ACTION = new Set(
  (
    "ship deliv deliveri launch releas roll rollout live avail ga migrat move port switch upgrad transit cutov " +
    "build implement develop creat complet finish execut run publish produc write written add introduc enabl " +
    "turn stand set spin rewrit redesign rebuild replac decommiss shut retir sunset deprec integr deploi hire " +
    "send host hold adopt go goe went finalis final wrap kick start begin achiev reach hit exit pass obtain earn establish " +
    "open enter expand"
  ).split(" "),
);

// Measurement words: they say how a KR is measured, not which roadmap item it is about.
const MEASURE = new Set(
  (
    "latenc rate time cost median averag mean p50 p75 p90 p95 p99 percentag ratio count number total convers " +
    "deflect respons reduct increas decreas chang fall drop rise grow cut reduc rais lift lower boost " +
    "below abov least reach exceed target metric measur score kpi okr"
  ).split(" "),
);

/**
 * `compute` with its answers kept, up to `limit` different inputs (then forgotten all at once):
 * the checker meets the same texts and words again and again.
 */
export function remembering<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * `compute` with the answers for the last `size` inputs, compared one by one: for the few texts a key
 * result's rules read one after another, cheaper than a Map (no hashing of whole texts, no tables to grow).
 */
export function recent<T>(size: number, compute: (key: string) => T): (key: string) => T {
  const keys: string[] = [];
  const answers: T[] = [];
  let next = 0;
  return (key) => {
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return answers[i];
    const answer = compute(key);
    keys[next] = key;
    answers[next] = answer;
    next = (next + 1) % size;
    return answer;
  };
}

/**
 * Lower-case, strip accents and fold phrases/abbreviations; keeps word order. Remembers the last few
 * texts: a key result and its clauses are normalised by several rules one after another.
 */
export const normalise = recent(8, normaliseUncached);

// The patterns of the functions below, made once: a regex literal in a function body is a new RegExp
// object every time it is evaluated, and these run on every text of every check.
const CAMEL_HINT = /[a-z][A-Z]/;
const CAMEL = /\b([A-Z]?[a-z]{3,})([A-Z][a-z]{3,})\b/g;
const PLACEHOLDER_HINT = /\b(?:XX?|Y)[KM]?\b/;
const PLACEHOLDER = /(^|[\s(>])(\$?)(?:XX?|Y)(K|M)?(?=%|[\s.;)]|$)/g;
const NOT_PLAIN = /[^ -~\t\n\r]/;
const MARKS = /[\u0300-\u036f]/g;
const QUOTES = /[\u2018\u2019\u201c\u201d`]/g;
const DASHES = /[\u2010-\u2015]/g;
const POSSESSIVE = /(\w)'s\b/g;
const NUMBER_SPACE = /\d /;
const SPACED_UNIT =
  /(\d)\s+(ms|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?|percent|x|k|m)\b/g;
const BRITISH_HINT = /[iy]s[eia]/;
const BRITISH = /\b([a-z]{3,}[iy])s(e|ed|es|ing|ation|ations|er|ers)\b/g;

function normaliseUncached(text: string): string {
  // Sheet cells may hold numbers or be empty; everything reads as text here.
  let s = String(text ?? "");
  // "BillingAccount" and "billing account" meet; a capital after a lower-case letter starts a new word.
  // Brand names ("GitLab", "PostHog", "LinkedIn") stay whole: both halves must be real words of 4+ letters.
  if (CAMEL_HINT.test(s)) s = s.replace(CAMEL, "$1 $2");
  // Targets left as placeholders ("from X to Y", "$X MRARR", "XX sign-ups") are numbers all the same.
  if ((s.includes("X") || s.includes("Y")) && PLACEHOLDER_HINT.test(s)) s = s.replace(PLACEHOLDER, "$1$29$3");
  s = s.toLowerCase();
  if (NOT_PLAIN.test(s)) {
    s = s.normalize("NFKD").replace(MARKS, "");
    s = s.replace(QUOTES, "'").replace(DASHES, "-");
  }
  if (s.includes("'")) s = s.replace(POSSESSIVE, "$1");
  // "1 s", "40 ms", "3 hours": glue units to numbers so targets are not read as version numbers.
  if (NUMBER_SPACE.test(s)) s = s.replace(SPACED_UNIT, "$1$2");
  // British spellings: "centralised", "analyse", "organisation" meet their American forms.
  if (BRITISH_HINT.test(s)) s = s.replace(BRITISH, "$1z$2");
  if (PHRASE_HINT.test(s)) for (const [guard, re, to] of PHRASES) if (s.includes(guard)) s = s.replace(re, to);
  return s;
}

const TOKEN = /\$?\d+(?:[.,]\d+)*(?:%|[a-z]+)?|[a-z][a-z0-9]*(?:\.[a-z0-9]+)*/g;

const VERSION = /^v\d+$/;
const POINT_ZERO = /^\d+\.0$/;

/** Word tokens of normalised text: hyphens and slashes split words, "%" and "$" stay attached to numbers. */
export function words(normalised: string): string[] {
  const out = normalised.match(TOKEN) ?? [];
  let expanded = false;
  for (let i = 0; i < out.length; i++) {
    const w = out[i];
    // Versions: "v2", "2.0" and "2" are the same release.
    const mapped = WORDS.get(w);
    if (mapped !== undefined) out[i] = mapped;
    else if (w[0] === "v" && w.length > 1 && isDigit(w[1]) && VERSION.test(w)) out[i] = w.slice(1);
    else if (w.endsWith(".0") && POINT_ZERO.test(w)) out[i] = w.slice(0, -2);
    if (EXPAND.has(out[i])) expanded = true;
  }
  return expanded ? out.flatMap((w) => [w, ...(EXPAND.get(w) ?? [])]) : out;
}

/** Porter stem, remembered because the same few hundred words repeat across a sheet. */
export const stem = remembering(50000, (word) => (/^[a-z]+$/.test(word) && word.length > 3 ? stemmer(word) : word));

export function isGeneric(term: string): boolean {
  return GENERIC.has(term);
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

/** "40", "$80", "3s": a term that starts with a number. */
export function isNumberTerm(term: string): boolean {
  return isDigit(term[0]) || (term[0] === "$" && term.length > 1 && isDigit(term[1]));
}

/** Stemmed content terms of a text (stop words and bare numbers with units removed), in order. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(normalise(text))) {
    const t = contentTerm(w);
    if (t !== null) out.push(t);
  }
  return out;
}

function contentTerm(w: string): string | null {
  if (STOP.has(w)) return null;
  // Numbers with a unit ("3s", "40%", "$80") are targets, not names; bare ones may be versions ("Redis 7").
  if (w.length === 1 ? w >= "a" : w[0] === "$" || (isDigit(w[0]) && !isDigit(w[w.length - 1]))) return null;
  return stem(w);
}

// What each token of normalised text adds to `topicalTerms`: nothing (""), a term, or a term and the
// capability words it expands to. Worked out once per distinct token: a sheet repeats a few hundred words.
// Its own Map, looked up in `topicalTerms` itself: the lookup runs for every token of every text.
const topicalOfTokens = new Map<string, string | string[]>();
function topicalOfToken(token: string): string | string[] {
  const terms: string[] = [];
  for (const w of words(token)) {
    const t = contentTerm(w);
    if (t !== null && !ACTION.has(t) && !MEASURE.has(t)) terms.push(t);
  }
  const answer = terms.length === 0 ? "" : terms.length === 1 ? terms[0] : terms;
  if (topicalOfTokens.size >= 50000) topicalOfTokens.clear();
  topicalOfTokens.set(token, answer);
  return answer;
}

/** Terms that name things: content terms minus delivery/change verbs. What the roadmap index matches on. */
export function topicalTerms(text: string, unique = false): string[] {
  const out: string[] = [];
  const tokens = normalise(text).match(TOKEN);
  if (tokens)
    for (const token of tokens) {
      const t = topicalOfTokens.get(token) ?? topicalOfToken(token);
      if (typeof t === "string") {
        if (t && !(unique && out.includes(t))) out.push(t);
      } else for (const x of t) if (!(unique && out.includes(x))) out.push(x);
    }
  return out;
}

const THOUSANDS = /(\d),(?=\d{3}\b)/g;
const NOT_FLAT = /[^a-z0-9%$. ]|\.(?!\d)| {2}/;
const NOT_WORDS = /(?:\.(?!\d)|[^a-z0-9%$.])+/g;

/**
 * Normalised text as single-spaced words (keeps "%", "$" and decimal points) for phrase patterns.
 * Remembers the last few texts: several rules look at the same OKR, its clauses and its roadmap item.
 */
export const flat = recent(8, (text: string): string => {
  let f = normalise(text);
  if (f.includes(",")) f = f.replace(THOUSANDS, "$1");
  // One pass: a dot that is not a decimal point and anything else but letters, digits, "%" and "$".
  // Most texts are single-spaced words already: the replace would build the same string again.
  if (NOT_FLAT.test(f)) f = f.replace(NOT_WORDS, " ");
  return f.trim();
});

const PHASE_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, i: 1, ii: 2, iii: 3, iv: 4 };

const PHASE_HINT = /phase/i;
const PHASE = /\bphase[ -]?(\d+|one|two|three|four|five|iv|iii|ii|i)\b/;

/** "Phase 2", "phase two", "Phase II" → 2; null when no phase is named. */
export function phaseOf(text: string): number | null {
  if (!PHASE_HINT.test(text)) return null;
  const m = PHASE.exec(normalise(text));
  if (!m) return null;
  return isDigit(m[1][0]) ? Number(m[1]) : PHASE_WORDS[m[1]];
}

const LONG_WORDS = /\b[A-Za-z]{4,}\b/g;
const CAPITALISED = /(?<=[\w,;:)] +)[A-Z][A-Za-z0-9]*/g;

/**
 * Stems of capitalised words after the first ("Migrate billing to Stripe" → stripe): names of products
 * and systems. Acronyms in capitals count too.
 */
export function properNameTerms(text: string): Set<string> {
  const out = new Set<string>();
  // In Title Case Text Every Word Is Capitalised: no word stands out as a name.
  const long = String(text ?? "").match(LONG_WORDS) ?? [];
  if (long.length >= 3 && long.filter((w) => w[0] <= "Z").length * 2 > long.length) return out;
  const m = String(text ?? "").match(CAPITALISED);
  if (m) for (const w of m) for (const t of nameTerms(w)) out.add(t);
  return out;
}

// The same names ("API", a product's name) come up in key result after key result: work each out once.
const nameTerms = remembering(10000, (word) => topicalTerms(word));

const NAME_HINT = /[:(–—]|\s-\s/;
const PHASE_PREFIX = /^\s*phase\s*\w+\s*[:\-–]\s*/i;
const NAME_AND_DESCRIPTION = /^(.{3,80}?)(?:\s*:\s+|\s+[-–—]\s+|\s*\()(.*\S.*)$/;
const INNER_WORD = /\s\S+\s/;

/**
 * The name of a roadmap item written as "Name: description" or "Name — description" ("GitLab Dedicated
 * General Availability: make the offering available …"), or null. A KR that names the item names this part.
 */
export function itemName(text: string): string | null {
  if (!NAME_HINT.test(text)) return null;
  const s = String(text ?? "").replace(PHASE_PREFIX, "");
  const m = NAME_AND_DESCRIPTION.exec(s);
  return m && INNER_WORD.test(m[2]) ? m[1] : null;
}

const CLAUSE_HINT = /[,;:(→]|\s[-–—]\s|\band\b/;
const CLAUSE_BREAK = /\s*(?:[;:()→]|,\s*(?:and\s+)?|\s[-–—]\s|\sand\s)\s*/;

/**
 * Parts of a KR that bundles several things ("Have Dedicated in GA, onboard target, and reduce …";
 * "Complete 4 initiatives: scope …, deliver …"): each is matched on its own as well as the whole.
 */
export function clauses(text: string): string[] {
  const s = String(text ?? "");
  if (!CLAUSE_HINT.test(s)) return [];
  return s
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => c.length > 2 && c !== s);
}

const COMPARATOR = /≥|>=|≤|<=|>|</g;
const COMPARATORS: Record<string, string> = {
  "≥": "at least",
  ">=": "at least",
  "≤": "at most",
  "<=": "at most",
  ">": "over",
  "<": "under",
};

/** "p99 < 300 ms" → "p99 under 300 ms": comparison signs read as words. */
export function spellComparators(text: string): string {
  return text.replace(COMPARATOR, (c) => ` ${COMPARATORS[c]} `);
}
