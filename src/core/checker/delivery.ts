import { flat, phaseOf } from "./text";

/**
 * Phrase patterns that tell delivery wording ("ship X", "X is live", "users can X") from outcome
 * wording (a number with a unit, a rate, "from X to Y", "% of users"). They run on `flat()` text.
 */

const V = (forms: string) => forms.split(" ").join("|");

// Verbs that say "we will have done the work". Inflections are listed, not stemmed, to keep patterns exact.
const DELIVERY_VERBS = V(
  "ship ships shipped shipping launch launches launched launching release releases released releasing " +
    "deliver delivers delivered delivering migrate migrates migrated migrating move moves moved moving " +
    "port ports ported porting switch switches switched switching upgrade upgrades upgraded upgrading " +
    "build builds built building implement implements implemented implementing develop develops developed " +
    "create creates created creating complete completes completed completing finish finishes finished finishing " +
    "execute executes executed executing run runs ran running publish publishes published publishing " +
    "produce produces produced producing write writes wrote written add adds added adding " +
    "introduce introduces introduced introducing enable enables enabled enabling rewrite rewrites rewrote rewritten " +
    "redesign redesigns redesigned rebuild rebuilds rebuilt replace replaces replaced replacing " +
    "decommission decommissions decommissioned retire retires retired sunset sunsets deprecate deprecates deprecated " +
    "integrate integrates integrated deploy deploys deployed deploying hire hires hired hiring onboard onboards onboarded " +
    "send sends sent host hosts hosted provision provisions provisioned install installs installed finalise finalize " +
    "roll rolls rolled rolling allow allows allowed let lets give gives provide provides provided offer offers offered " +
    "bring brings remove removes removed automate automates automated consolidate consolidates consolidated unify unifies " +
    "merge merges merged convert converts converted refactor refactors refactored standardise standardize " +
    "pass passes passed achieve achieves achieved obtain obtains obtained earn earns earned " +
    "start starts started begin begins establish establishes established open opens opened enter enters entered " +
    "expand expands expanded " +
    "reach reaches reached hit hits " +
    "completion implementation rollout deployment migration delivery",
);
const PARTICLE_VERBS =
  "(?:roll(?:s|ed|ing)? out|go(?:es)? live|went live|turn(?:s|ed)? on|stand(?:s)? up|stood up|set(?:s)? up|spin(?:s)? up|shut(?:s|ting)? down|wrap(?:s|ped)? up|kick(?:s|ed)? off|cut ?over|get (?:\\w+ ){0,4}(?:off|onto|on to))";
const STATE =
  "(?:live|available|delivered|shipped|launched|released|done|complete|completed|finished|migrated|deployed|enabled|" +
  "implemented|built|decommissioned|retired|rolled out|turned on|in production|in ga|ga|generally available|published|" +
  "shut down|switched on|in place|ready|purchasable|bookable|supported|in beta|in public beta|in open beta)";
const PEOPLE =
  "(?:users?|customers?|developers?|devs|admins?|administrators?|agents?|teams?|analysts?|engineers?|everyone|anyone|" +
  "people|members?|merchants?|buyers?|sellers?|partners?|clients?|staff|employees|shoppers?|visitors?|subscribers?|patients?|students?)";

// Qualitative change words: "Improve responsiveness of Timeline View" aims at an effect, not a delivery.
const CHANGE =
  /\b(?:improve[sd]?|improving|increase[sd]?|reduce[sd]?|decrease[sd]?|cut|grow|raise|lift|lower|boost|speed up|halve|double|triple|minimi[sz]e|maximi[sz]e)\b/;

const DELIVERY_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${DELIVERY_VERBS})\\b`),
  new RegExp(`\\b${PARTICLE_VERBS}\\b`),
  new RegExp(`\\b(?:is|are|be|been|being|goes|go|went|gets|get|now|fully|made|make) ${STATE}\\b`),
  /\b(?:delivered|shipped|launched|released|migrated|deployed|implemented|decommissioned|rolled out|live|done|available|ga|in production)\b/,
  new RegExp(`\\b${PEOPLE} (?:can|could|are able to|will be able to|able to) (?:now )?\\w+`),
  new RegExp(`\\b${PEOPLE} (?:get|gets|have|has|receive|receives) (?:a|an|the|access to|their|our) `),
  /\bcan be (?:now )?\w+ed\b/,
  /\bdone by\b|\bon (?:time|schedule)\b|\bby (?:the )?end of\b/,
];

// "... after the SSO launch", "... once the migration is done": a delivery named as a point in time.
const WHEN_CLAUSE = /\b(?:after|once|following|post|since|when) (?:the |our |a )?.*$/;

/**
 * The delivery phrase in a text, or null. A text that opens with a change ("Improve X after the
 * redesign") aims at the change, and a delivery named only in a closing "after …" clause is a date.
 */
export function deliveryWording(text: string): string | null {
  const full = flat(text);
  const change = CHANGE.exec(full);
  const s = full.replace(WHEN_CLAUSE, "") || full;
  for (const re of DELIVERY_PATTERNS) {
    const m = re.exec(s);
    if (m && !(change && change.index < m.index)) return m[0];
  }
  return null;
}

// Things a team counts when it measures people or business results, not pieces of its own work.
const OUTCOME_NOUNS =
  "(?:users?|customers?|accounts?|teams?|companies|orgs?|organizations?|leads?|mqls?|sqls?|signups?|registrations?|" +
  "downloads?|visits?|visitors?|hits?|sessions?|opportunit(?:y|ies)|deals?|subscribers?|subscriptions?|trials?|" +
  "installs?|reviews?|mentions?|outlets?|attendees?|followers?|views?|clicks?|calls?|tickets?|incidents?|errors?|" +
  "bugs?|alerts?|pages?|complaints?|requests?|replies|responses?|conversations?|renewals?|referrals?|members?|" +
  "developers?|merchants?|partners?|points?|stars?|nps|csat|ces|arr|mrr|revenue|orders?|purchases?|transactions?|" +
  "bookings?|messages?|searches?|queries?|days|hours|people|admins?|agents?|analysts?|engineers?|readers?|listeners?)";
// Pieces of work: "80% of services migrated" counts progress through the roadmap, not an outcome.
const WORK_NOUNS =
  "(?:services?|features?|items?|endpoints?|tables?|repos?|repositories|components?|screens?|workspaces?|tasks?|" +
  "stories|epics?|milestones?|modules?|apis?|jobs?|pipelines?|dashboards?|pages? migrated|the roadmap|phase)";
const METRIC_WORDS =
  "(?:latency|p50|p75|p90|p95|p99|conversion|rate|nps|csat|churn|retention|revenue|arr|mrr|cost|cac|ltv|uptime|" +
  "availability|time|duration|score|rating|adoption|activation|engagement|satisfaction|deflection|throughput|" +
  "accuracy|precision|recall|share|ratio|frequency|velocity|speed|budget|spend|margin|roi|ctr|cpl|" +
  "loads?|responds?|cold start|start ?up|downtime|freshness|backlog|lead time|mttr|mttd|wait)";

const UNIT_NUMBER = "\\$?\\d[\\d.,]*(?:%|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|k|m|x)";

const OUTCOME_PATTERNS: RegExp[] = [
  /\bfrom \$?\d[\d.,]*\S* to \$?\d/,
  /\d\S* (?:instead of|rather than|vs|versus) \$?\d/,
  /\b(?:down|up) from \$?\d/,
  /\b(?:down|up|drops?|falls?|grows?|rises?) (?:by )?\$?\d[\d.,]*(?:%|x)/,
  /\b(?:increase|increases|raise|raises|lift|lifts|grow|grows|reduce|reduces|cut|cuts|lower|lowers|decrease|decreases|improve|improves|boost|boosts) [^.]{0,60}\bby \$?\d[\d.,]*(?:%|x|k)?/,
  /\b(?:double|doubles|halve|halves|triple|triples|\d+x (?:faster|more|fewer|less))\b/,
  new RegExp(`\\$\\d`),
  new RegExp(
    `\\b(?:half|a third|a quarter|two thirds|three quarters|most|the majority|majority) of (?:(?:all|our|the|new|active|\\w+) ){0,2}${OUTCOME_NOUNS}\\b`,
  ),
  new RegExp(
    `\\d[\\d.,]*%? of (?:(?:all|our|the|new|active|weekly|monthly|daily|paying|enterprise|eligible|returning|target|churned|mobile|web|\\w+ )){0,3}${OUTCOME_NOUNS}\\b`,
  ),
  // "100 qualified leads", but not "6 new customer case studies" (there the noun is the deliverable).
  new RegExp(
    `\\d[\\d.,]*k?\\+? (?:\\w+ ){0,2}${OUTCOME_NOUNS}\\b(?! (?:casestudy|stories|interviews?|portal|guides?|research|journeys?|quotes?|logos?))`,
  ),
  new RegExp(`\\b${METRIC_WORDS}\\b[^.]{0,40}?(?:${UNIT_NUMBER}|\\b\\d[\\d.,]*\\b)`),
  new RegExp(`(?:${UNIT_NUMBER})\\b[^.]{0,30}?\\b${METRIC_WORDS}\\b`),
  new RegExp(
    `\\b(?:under|below|less than|within|at most|at least|above|over|more than|fewer than|<|>) (?:${UNIT_NUMBER})\\b`,
  ),
  /\b(?:drives?|driving|brings? in|generates?|leads? to|results? in) (?:\w+ ){0,2}(?:pipeline|revenue|leads|signups?|adoption|awareness|growth|retention|engagement|usage|sales|demand|traffic|conversions?|opportunities)\b/,
  /\b(?:per|a|each|every) (?:day|week|month|user|customer|account)\b/,
  /\d\S*\/(?:day|week|month|user)\b/,
];

const WORDY_OUTCOME_PATTERNS = OUTCOME_PATTERNS.filter((re) => !/\\d/.test(re.source) || /double/.test(re.source));

// "Roll out to 100% of workspaces" is delivery however it is phrased.
const ROLLOUT = new RegExp(
  `\\b(?:roll(?:s|ed|ing)? out|rollout|available|enabled|live|released?)\\b[^.]{0,60}?\\bto \\d+% of\\b|\\b\\d+% of ${WORK_NOUNS}`,
);

// Quarters, halves, fiscal years, versions and years are dates and names, not measures.
const NOT_A_MEASURE = /\b(?:q[1-4]|h[12]|fy\d+|v\d+(?:\.\d+)*|(?:19|20)\d\d)\b/g;

/** The outcome phrase in a text (a measured change in people's behaviour or a business number), or null. */
export function outcomeWording(text: string): string | null {
  const s = flat(text);
  const cleaned = /\d/.test(s) ? s.replace(ROLLOUT, " ").replace(NOT_A_MEASURE, " ") : s;
  // Most patterns need a digit; without one only the wordy ones ("doubles", "drives pipeline", "per day") can match.
  for (const re of /\d/.test(cleaned) ? OUTCOME_PATTERNS : WORDY_OUTCOME_PATTERNS) {
    const m = re.exec(cleaned);
    if (m) return m[0];
  }
  return null;
}

// Comparatives count as change for "related", though not for overriding a delivery verb ("ship faster checkout").
const CHANGE_OR_COMPARATIVE = new RegExp(
  `${CHANGE.source}|\\b(?:faster|fewer|less|better|higher|shorter|easier|simpler|smoother)\\b`,
);

export function changeWording(text: string): string | null {
  const m = CHANGE_OR_COMPARATIVE.exec(flat(text));
  return m ? m[0] : null;
}

// A launch qualified by how it should go signals priority, per the essay ("Smooth launch of Frontend Observability").
const QUALIFIED =
  /\b(?:smooth|seamless|painless|calm|quiet|incident free|stable|reliable|zero downtime)\b[^.]{0,20}\b(?:launch|release|rollout|roll out|migration|cutover|upgrade)\b|\b(?:launch|release|rollout|migration|cutover|upgrade)\b[^.]{0,40}\b(?:without (?:incidents?|downtime|sev\s?\d)|with (?:no|zero) (?:incidents?|downtime|sev\s?\d))\b/;

const QUALITY_BAR =
  /\b(?:zero|no) (?:data loss|downtime|incidents?|sev ?\d|p[01]s?|regressions?|rollbacks?|outages?)\b/;
const QUALIFIER_HINT =
  /smooth|seamless|painless|calm|quiet|incident|stable|reliable|downtime|sev|data loss|regression|rollback|outage/;

export function qualifiedDelivery(text: string): string | null {
  const s = flat(text);
  const m = QUALIFIER_HINT.test(s) ? (QUALIFIED.exec(s) ?? QUALITY_BAR.exec(s)) : null;
  return m ? m[0] : null;
}

const PHASE = "phase (?:\\d+|one|two|three|four|five|i|ii|iii|iv)";
const RESTATE_PHASE: RegExp[] = [
  new RegExp(`\\b(?:all|every|everything|each|whole|entire|full|rest of)\\b[^.]{0,40}\\b${PHASE}\\b`),
  new RegExp(`\\b${PHASE}\\b(?: \\w+){0,3} (?:is |are |be |gets? )?${STATE}\\b`),
  new RegExp(`\\b(?:${DELIVERY_VERBS}|${PARTICLE_VERBS})\\b(?: \\w+){0,2} ${PHASE}\\b`),
];
const RESTATE_ROADMAP = new RegExp(
  `\\b(?:${DELIVERY_VERBS}|${PARTICLE_VERBS}|all|every|everything)\\b[^.]{0,40}\\broadmap\\b|\\broadmap\\b(?: \\w+){0,3} (?:is |are )?${STATE}\\b`,
);

/** "All features in Phase 1 are delivered" → {phase: 1}; "Ship the Q3 roadmap" → {phase: null}; else null. */
export function roadmapRestatement(text: string): { phase: number | null; phrase: string } | null {
  if (!/phase|roadmap/i.test(text)) return null;
  const s = flat(text);
  if (outcomeWording(text)) return null;
  for (const re of RESTATE_PHASE) {
    const m = re.exec(s);
    if (m) {
      return { phase: phaseOf(m[0]), phrase: m[0] };
    }
  }
  const m = RESTATE_ROADMAP.exec(s);
  return m ? { phase: null, phrase: m[0] } : null;
}
