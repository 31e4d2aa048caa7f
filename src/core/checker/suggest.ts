import { flat } from "./text";

/**
 * Outcome-style rewrites for a KR that restates a roadmap item. A fixed table keyed on the kind of work:
 * the point is to show the shape of a good KR, not to guess the team's numbers.
 */
const TEMPLATES: [RegExp, (name: string) => string][] = [
  [
    /\b(?:decommission\w*|shut down|retire\w*|sunset\w*|exit|deprecat\w*|legacy)\b/,
    (n) => `hosting cost down 25% once ${n} is done`,
  ],
  [/\b(?:redis|cache|caching)\b/, () => "p95 session read latency from 40 ms to 10 ms"],
  [
    /\b(?:migrat\w*|upgrad\w*|move|moving|switch\w*|postgres\w*|mysql|database|kubernetes|k8s|eks|gke|cloud|infrastructure|terraform|vault)\b/,
    () => "deploys that need a manual step from 30% to 5%, or p95 latency from 400 ms to 200 ms",
  ],
  [
    /\b(?:ci|jenkins|github actions|preview|environments?|pr)\b/,
    () => "median time from pull request to production from 2 days to 4 hours",
  ],
  [
    /\b(?:localization|localisation|translat\w*|german|french|spanish|japanese|countr\w*|market|region)\b/,
    () => "sign-ups from the new markets from 50 to 150 a month",
  ],
  [
    /\b(?:report|webinar\w*|campaign|case stud\w*|casestudy|ebook|podcast|content|blog|homepage|website|landing|launch event|co marketing|partner)\b/,
    (n) => `${n} brings in 100 marketing-qualified leads`,
  ],
  [
    /\b(?:refund\w*|help ?cent\w*|helpcenter|support|ticket\w*|agent\w*|csat|zendesk|reply|replies|coverage)\b/,
    () => "tickets needing a human from 60% to 40%, or first response time from 9 h to 2 h",
  ],
  [
    /\b(?:dashboard|warehouse|snowflake|redshift|looker|catalog|lineage|model|pipeline|kafka|analytics|data)\b/,
    (n) => `70% of account managers use the ${n} every week`,
  ],
  [
    /\b(?:sso|saml|login|authentication|permission\w*|roles?|audit|security|compliance|gdpr|biometric)\b/,
    (n) => `3 enterprise deals that were blocked on ${n} close`,
  ],
  [/\b(?:performance|latency|speed|fast\w*|load\w*)\b/, () => "p95 page load from 3 s to 1 s"],
];

/** A short example of an outcome KR for the given roadmap item. */
export function suggestOutcome(itemText: string, okrText: string): string {
  const name = shortName(itemText);
  // The item decides the kind of work; the OKR's own words only break a tie.
  const make = templateFor(itemText) ?? templateFor(okrText);
  return make ? make(name) : `30% of weekly active users use ${name} within a month of release`;
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

/** The item's name without a "Phase 1:" prefix or trailing detail, for use inside a sentence. */
export function shortName(itemText: string): string {
  let s = itemText.replace(/^\s*phase\s*\w+\s*[:\-–]\s*/i, "").trim();
  s = s.split(/\s*[:(–—]\s*/)[0] || s;
  if (s.length > 50) s = s.slice(0, 47).replace(/\s+\S*$/, "") + "…";
  return /^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+ [A-Z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The item quoted for a reason line: short enough to read in a cell note. */
export function quoteItem(itemText: string): string {
  const s = itemText.trim();
  return s.length > 60 ? s.slice(0, 57).replace(/\s+\S*$/, "") + "…" : s;
}
