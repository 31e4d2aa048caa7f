import { flat, phaseOf } from "./text";
import { execTagged, findChain, findChainAt, findWord, tagWords, wordEnd, wordSet, type WordChain } from "./word-chain";

/**
 * Phrase patterns that tell delivery wording ("ship X", "X is live", "users can X") from outcome
 * wording (a number with a unit, a rate, "from X to Y", "% of users"). They run on `flat()` text.
 */

const V = (forms: string) => forms.split(" ").join("|");

/**
 * Remembers a rule's answer for the last text: the roadmap check and the lint ask several rules about
 * the same key result one after another, and the rules ask each other.
 */
function lastText<T>(rule: (text: string) => T): (text: string) => T {
  let last: string | undefined;
  let answer: T;
  return (text: string) => {
    if (text !== last) {
      answer = rule(text);
      last = text;
    }
    return answer;
  };
}

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
  "(?:roll(?:s|ed|ing)? out|go(?:es)? live|went live|turn(?:s|ed)? on|stand(?:s)? up|stood up|set(?:s)? up|spin(?:s)? up|shut(?:s|ting)? down|wrap(?:s|ped)? up|kick(?:s|ed)? off|cut ?over|get (?:\\w+ ){0,4}(?:off|onto|on to|into))";
const STATE_ENTRIES = (
  "live|available|delivered|shipped|launched|released|done|complete|completed|finished|migrated|deployed|enabled|" +
  "implemented|built|decommissioned|retired|rolled out|turned on|in production|in ga|ga|generally available|published|" +
  "shut down|switched on|in place|ready|purchasable|bookable|supported|in beta|in public beta|in open beta|the default|default|" +
  "enforced|documented|developed|determined|defined|signed off|approved|integrated|automated|finalized|merged|established|updated"
).split("|");

// In the phase and roadmap patterns the long word lists are matched on tagged text (`tagWords`): the
// state words read as "S…" and the delivery verbs as "V…". Words that also start a longer entry ("in
// ga", "the default", "roll out") stay as they are, so every pattern keeps its exact answer.
const STATE_PHRASE_WORDS = new Set(STATE_ENTRIES.filter((e) => e.includes(" ")).flatMap((e) => e.split(" ")));
const STATE_TAGS = new Set(STATE_ENTRIES.filter((e) => !e.includes(" ") && !STATE_PHRASE_WORDS.has(e)));
const STATE_TAGGED = `(?:S+|${STATE_ENTRIES.filter((e) => !STATE_TAGS.has(e)).join("|")})`;
const PEOPLE =
  "(?:users?|customers?|developers?|devs|admins?|administrators?|agents?|teams?|analysts?|engineers?|everyone|anyone|" +
  "people|members?|merchants?|buyers?|sellers?|partners?|clients?|staff|employees|shoppers?|visitors?|subscribers?|patients?|students?)";

// Participles that describe how people feel, not a piece of work being done ("users are satisfied").
const FEELINGS =
  "(?:satisfied|engaged|delighted|interested|excited|impressed|confused|frustrated|pleased|surprised|involved|motivated|retained|churned|used|needed|required|expected|based|focused|aligned|blocked)";

const PEOPLE_BEFORE = new RegExp(`\\b${PEOPLE.replace("teams?|", "")} $`);

// Qualitative change words: "Improve responsiveness of Timeline View" aims at an effect, not a delivery.
const CHANGE =
  /\b(?:improve[sd]?|improving|increase[sd]?|reduce[sd]?|decrease[sd]?|cut|grow|raise|lift|lower|boost|speed up|halve|double|triple|minimi[sz]e|maximi[sz]e)\b/;

// The delivery verbs as a set, looked up word by word: as one alternation of 300 words the pattern
// costs ~10 ms to compile in every fresh process and is slow to run.
const DELIVERY_VERB_SET = new Set(DELIVERY_VERBS.split("|"));
// Verbs that start a particle verb ("roll out") stay untagged: "roll(?:s|ed|ing)? out" must still see them.
const PARTICLE_HEADS = new Set(
  "roll rolls rolled rolling go goes went turn turns turned stand stands stood set sets spin spins shut shuts shutting wrap wraps wrapped kick kicks kicked cut cutover get".split(
    " ",
  ),
);
const VERB_TAGS = new Set([...DELIVERY_VERB_SET].filter((w) => !PARTICLE_HEADS.has(w)));
const VERBS_TAGGED = `(?:V+|${[...DELIVERY_VERB_SET].filter((w) => PARTICLE_HEADS.has(w)).join("|")})`;
const stateTagged = (s: string) => tagWords(s, STATE_TAGS, "S");
const verbTagged = (s: string) => tagWords(s, VERB_TAGS, "V");

/** A pattern that runs on a tagged form of the text, when the text has the words it `needs` (cheap to test). */
interface Tagged {
  re: RegExp;
  tag: (s: string) => string;
  needs: RegExp;
}

type Match = { index: number; 0: string };

function execPattern(p: RegExp | Tagged, s: string): Match | null {
  if (p instanceof RegExp) return p.exec(s);
  return p.needs.test(s) ? execTagged(p.re, s, p.tag(s)) : null;
}

// "X is live", "now in production": a verb of being, then a state word or phrase. Word by word: the
// one-pattern form compiled into 40–80 KB of regex bytecode. Same answer: the leftmost such pair.
const BE_LEAD = /\b(?:is|are|be|been|being|goes|go|went|gets|get|now|fully|made|make) /g;
const STATE_WORDS = new Set(STATE_ENTRIES.filter((e) => !e.includes(" ")));
const STATE_PHRASES = new RegExp(`(?:${STATE_ENTRIES.filter((e) => e.includes(" ")).join("|")})\\b`, "y");

function beState(s: string): Match | null {
  BE_LEAD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BE_LEAD.exec(s))) {
    const p = m.index + m[0].length;
    const e = wordEnd(s, p);
    if (e > p && STATE_WORDS.has(s.slice(p, e))) return { index: m.index, 0: s.slice(m.index, e) };
    STATE_PHRASES.lastIndex = p;
    const t = STATE_PHRASES.exec(s);
    if (t) return { index: m.index, 0: s.slice(m.index, p + t[0].length) };
    BE_LEAD.lastIndex = m.index + 1;
  }
  return null;
}

// End states: "SOC2 completed", "costs are determined and documented", "X becomes the default"; or a
// text that opens with a finished document ("Updated product roadmap"). The second as a word chain.
const END_STATE_WORDS =
  /\b(?:completed|published|documented|enforced|signed off|finalized|in place|becomes? the default)\b/;
const FINISHED_DOCUMENT: WordChain = {
  lead: /^(?:an? |the )?(?:updated|new|revised|first|published|approved|signed off|documented|defined) /g,
  between: 2,
  words: wordSet(
    "roadmap plan strategy policy process guide handbook playbook runbook template budget framework version",
  ),
};

function endState(s: string): Match | null {
  const a = END_STATE_WORDS.exec(s);
  if (a && a.index === 0) return a;
  const b = findChainAt(s, FINISHED_DOCUMENT);
  return b ? { index: 0, 0: b.phrase } : a;
}

// Every delivery pattern below needs one of these words, so a text without any is rejected in one pass.
const DELIVERY_TRIGGERS = new Set([
  ...DELIVERY_VERB_SET,
  ...(
    "roll rolls rolled rolling go goes went turn turns turned stand stands stood set sets spin spins shut shuts " +
    "shutting wrap wraps wrapped kick kicks kicked cut cutover get gets is are be been being now fully made make " +
    "was were become becomes became delivered shipped launched released migrated deployed implemented " +
    "decommissioned live done available ga production can could able have has receive receives time schedule " +
    "end completed published documented enforced signed finalized place updated new revised first approved " +
    "defined meet meets meeting"
  ).split(" "),
]);

const DELIVERY_PATTERNS: (RegExp | Set<string> | ((s: string) => Match | null))[] = [
  DELIVERY_VERB_SET,
  new RegExp(`\\b${PARTICLE_VERBS}\\b`),
  beState,
  /\b(?:delivered|shipped|launched|released|migrated|deployed|implemented|decommissioned|rolled out|live|done|available|ga|in production)\b/,
  new RegExp(`\\b${PEOPLE} (?:can|could|are able to|will be able to|able to) (?:now )?\\w+`),
  new RegExp(`\\b${PEOPLE} (?:get|gets|have|has|receive|receives) (?:a|an|the|access to|their|our) `),
  /\bcan be (?:now )?\w+ed\b/,
  /\bdone by\b|\bon (?:time|schedule)\b|\bby (?:the )?end of\b/,
  endState,
  new RegExp(
    `\\b(?:is|are|be|been|was|were|gets?|becomes?|became) (?:(?!successfully|properly|effectively|well)\\w+ly )?(?!${FEELINGS}\\b)\\w{3,}ed\\b`,
  ),
  // Meeting a compliance standard is done or not.
  /\bmeet(?:s|ing)?\b[^.]{0,40}\b(?:compliance|requirements?|certifications?|standards?|criteria|fedramp|soc2|iso27001|hipaa)\b/,
];

/** The first whole word of `s` (a run of \\w, as `\\b…\\b` sees it) that is in `set`. */
function firstWordIn(s: string, set: Set<string>): { index: number; 0: string } | null {
  let word = "";
  const index = findWord(s, (i, e) => set.has((word = s.slice(i, e))));
  return index < 0 ? null : { index, 0: word };
}

/**
 * The first delivery verb of `s` (as `firstWordIn(s, DELIVERY_VERB_SET)`), else true when it has another
 * trigger word, else null.
 */
function firstVerb(s: string): { index: number; 0: string } | true | null {
  let trigger = false;
  let word = "";
  const index = findWord(s, (i, e) => {
    word = s.slice(i, e);
    if (DELIVERY_VERB_SET.has(word)) return true;
    if (!trigger && DELIVERY_TRIGGERS.has(word)) trigger = true;
    return false;
  });
  return index >= 0 ? { index, 0: word } : trigger || null;
}

// "... after the SSO launch", "... once the migration is done": a delivery named as a point in time.
const WHEN_CLAUSE = /\b(?:after|once|following|post|since|when) (?:the |our |a )?.*$/;

/**
 * The delivery phrase in a text, or null. A text that opens with a change ("Improve X after the
 * redesign") aims at the change, and a delivery named only in a closing "after …" clause is a date.
 */
export const deliveryWording = lastText(function deliveryWording(text: string): string | null {
  const full = flat(text);
  // "The number of processes documented in …" names a measure, not a piece of work.
  if (MEASURE_NAME.test(full)) return null;
  // One pass rejects the texts no pattern can match (most of a sheet), before trying them one by one,
  // and finds the first delivery verb on the way (the first pattern).
  const verb = firstVerb(full);
  if (!verb) return null;
  const change = CHANGE.exec(full);
  const s = full.replace(WHEN_CLAUSE, "") || full;
  for (const re of DELIVERY_PATTERNS) {
    // `s` is `full` or the part before a closing "after …" clause, which starts a word.
    const m =
      re instanceof RegExp
        ? re.exec(s)
        : re instanceof Set
          ? verb !== true && verb.index < s.length
            ? verb
            : null
          : re(s);
    if (!m || (change && change.index < m.index)) continue;
    // "Incoming users convert to …": what people do is behaviour, not the team's delivery.
    if (PEOPLE_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
    return m[0];
  }
  return null;
});

const MEASURE_NAME =
  /^(?:the )?(?:number|proportion|percentage|share|amount|average|median|rate|count|ratio|level|time taken|time it takes)\b(?: of\b)?/;

// Things a team counts when it measures people or business results, not pieces of its own work.
const OUTCOME_NOUNS = wordSet(
  "user* customer* account* team* companies org* organization* lead* mql* sql* signup* registration* " +
    "download* visit* visitor* hit* session* opportunity opportunities deal* subscriber* subscription* trial* " +
    "install* review* mention* outlet* attendee* follower* view* click* call* ticket* incident* error* " +
    "bug* alert* page* complaint* request* replies response* conversation* renewal* referral* member* " +
    "developer* merchant* partner* point* star* nps csat ces arr mrr revenue order* purchase* transaction* " +
    "booking* message* searche* querie* days hours people admin* agent* analyst* engineer* reader* listener* " +
    "contributor* enrollee* participant* logos",
);
// Words that may follow the counted noun of an outcome ("10 signups per week", "3 customers with …").
const HEAD_END = new RegExp(
  "$| (?:in|per|from|who|that|with|using|across|by|to|on|at|each|a|an|the|and|or|for|of|are|is|will|within|over|than|this|whose|retain|retained|attending|sign|signed|a week|a month|every|weekly|monthly|daily|contribute|using|use|active|in total)\\b",
  "y",
);

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

const OUTCOME_PATTERNS: (RegExp | WordChain)[] = [
  /\bfrom \$?\d[\d.,]*\S* to \$?\d/,
  /\d\S* (?:instead of|rather than|vs|versus) \$?\d/,
  /\b(?:down|up) from \$?\d/,
  /\b(?:down|up|drops?|falls?|grows?|rises?) (?:by )?\$?\d[\d.,]*(?:%|x)/,
  /\b(?:increase|increases|raise|raises|lift|lifts|grow|grows|reduce|reduces|cut|cuts|lower|lowers|decrease|decreases|improve|improves|boost|boosts) [^.]{0,60}\bby \$?\d[\d.,]*(?:%|x|k)?/,
  /\b(?:double|doubles|halve|halves|triple|triples|\d+x (?:faster|more|fewer|less))\b/,
  new RegExp(`\\$\\d`),
  {
    lead: /\b(?:half|a third|a quarter|two thirds|three quarters|most|the majority|majority) of /g,
    between: 2,
    words: OUTCOME_NOUNS,
  },
  { lead: /\d[\d.,]*%? of /g, between: 3, words: OUTCOME_NOUNS },
  // "100 qualified leads", but not "6 new customer case studies" or "5 customer value stories": the
  // counted noun must end the phrase (be followed by a small word or nothing), else it is a deliverable.
  { lead: /\d[\d.,]*k?\+? /g, between: 2, words: OUTCOME_NOUNS, tail: HEAD_END, keepTail: false },
  // "enroll 15% in our leadership community", "20% among active teams".
  {
    lead: /\d[\d.,]*% (?:in|among) (?:our |the )?/g,
    between: 3,
    words: wordSet(
      "community communities team* org organization company population people user* customer* member* manager*",
    ),
  },
  new RegExp(`\\b${METRIC_WORDS}\\b[^.]{0,40}?(?:${UNIT_NUMBER}|\\b\\d[\\d.,]*\\b)`),
  new RegExp(`(?:${UNIT_NUMBER})\\b[^.]{0,30}?\\b${METRIC_WORDS}\\b`),
  new RegExp(
    `\\b(?:under|below|less than|within|at most|at least|above|over|more than|fewer than|<|>) (?:${UNIT_NUMBER})\\b`,
  ),
  {
    lead: /\b(?:drives?|driving|brings? in|generates?|leads? to|results? in) /g,
    between: 2,
    words: wordSet(
      "pipeline revenue leads signup* adoption awareness growth retention engagement usage sales demand traffic conversion* opportunities",
    ),
  },
  /\b(?:per|a|each|every) (?:day|week|month|user|customer|account)\b/,
  /\d\S*\/(?:day|week|month|user)\b/,
];

const HIRING = /\b(?:hire|hires|hired|hiring|recruit|recruits|recruiting|headcount)\b(?: \w+){0,3} \d/;

// Wordy outcomes that need no digit: adoption ("multiple organizations using the EU cloud") and results
// measured against a plan kept elsewhere ("meet MQL and SAO goals").
const ADOPTION: WordChain = {
  lead: /\b(?:multiple|several|many|most|all|more) /g,
  between: 2,
  words: OUTCOME_NOUNS,
  tail: / (?:are |is )?(?:using|use|uses|adopt\w*|relying|rely|choosing|choose)\b/y,
  keepTail: true,
};
// "500 workspaces connect Slack", "report downloaded 5,000 times": counted things doing something.
const COUNTED_DOING =
  /\d[\d.,]*k?\+? (?:\w+ ){0,2}\w+s (?:connect|use|adopt|install|enable|activate|buy|visit|open|read|view|watch|download|share|invite|return|upgrade|pay|renew|try|join|contribute|choose|switch|rate|recommend|sign up|log in|come back)\b|\b(?:downloaded|viewed|used|installed|opened|read|watched|shared|visited|bought|clicked|played|cited) \d[\d.,]*k?\+? times\b/;
// Growth against a stated baseline: "growing faster than when we left Substack".
const THAN_BASELINE =
  /\b(?:faster|slower|more|less|fewer|higher|lower|better) than (?:when|before|last|in|our|the|before)\b/;
const COUNTED_HINT =
  /\b(?:connect|use|adopt|install|enable|activate|buy|visit|open|read|view|watch|download|share|invite|return|upgrade|pay|renew|try|join|contribute|choose|switch|rate|recommend|sign up|log in|come back)\b|\btimes\b/;
const MORE_THAN: WordChain = {
  lead: /\b(?:more|fewer|less) /g,
  between: 2,
  words: OUTCOME_NOUNS,
  tail: / than\b/y,
  keepTail: true,
};
const ADOPTION_HINT = /\b(?:using|uses?|adopt\w*|rely|relying|choos\w*)\b/;
const PLAN_TARGET =
  /\b(?:meet|meets|meeting|hit|hits|hitting|achieve|achieves|exceed|exceeds|beat)\b[^.]{0,60}\b(?:goals?|targets?|quotas?|plan)\b/;
// Every PLAN_TARGET match has one of these.
const PLAN_HINT = /goal|target|quota|plan/;
const COMPLIANCE = /\b(?:compliance|certifications?|fedramp|soc2|iso27001|hipaa|requirements?)\b/;

// A cheap test each costly pattern needs to pass before it runs (same result, a fraction of the time):
// a pattern, or a piece of text every match contains.
const NEEDS = new Map<RegExp | WordChain, RegExp | string>([
  [OUTCOME_PATTERNS[0], "from "],
  [OUTCOME_PATTERNS[2], "from "],
  [OUTCOME_PATTERNS[4], "by "],
  [OUTCOME_PATTERNS[6], "$"],
  [OUTCOME_PATTERNS[7], /\b(?:half|third|thirds|quarter|quarters|most|majority)\b/],
  [OUTCOME_PATTERNS[8], /\d\S* of /],
  [OUTCOME_PATTERNS[9], /\d/],
]);

const sourceOf = (rule: RegExp | WordChain) => (rule instanceof RegExp ? rule.source : rule.lead.source);
const WORDY_OUTCOME_PATTERNS = OUTCOME_PATTERNS.filter(
  (re) => !/\\d/.test(sourceOf(re)) || /double/.test(sourceOf(re)),
);
const find = (rule: RegExp | WordChain, s: string) =>
  rule instanceof RegExp ? (rule.exec(s)?.[0] ?? null) : findChain(s, rule);

// "Roll out to 100% of workspaces" is delivery however it is phrased.
const ROLLOUT = new RegExp(
  `\\b(?:roll(?:s|ed|ing)? out|rollout|available|enabled|live|released?)\\b[^.]{0,60}?\\bto \\d+% of\\b|\\b\\d+% of ${WORK_NOUNS}`,
);

// Made once: a regex literal in a function body is a new RegExp object on every call.
const DIGIT = /\d/;

// Quarters, halves, fiscal years, versions and years are dates and names, not measures.
const NOT_A_MEASURE = /\b(?:q[1-4]|h[12]|fy\d+|v\d+(?:\.\d+)*|(?:19|20)\d\d)\b/g;

/** The outcome phrase in a text (a measured change in people's behaviour or a business number), or null. */
export const outcomeWording = lastText(function outcomeWording(text: string): string | null {
  const s = flat(text);
  // "Hire 2 backend engineers" counts people the team adds, not people the work reaches.
  if (HIRING.test(s)) return null;
  // Both ROLLOUT alternatives need "% of": most texts skip that pattern.
  const cleaned = DIGIT.test(s) ? (s.includes("% of") ? s.replace(ROLLOUT, " ") : s).replace(NOT_A_MEASURE, " ") : s;
  // Most patterns need a digit; without one only the wordy ones ("doubles", "drives pipeline", "per day") can match.
  for (const re of DIGIT.test(cleaned) ? OUTCOME_PATTERNS : WORDY_OUTCOME_PATTERNS) {
    // The costly patterns run only when the words they need are there: most texts have none of them.
    const need = NEEDS.get(re);
    if (need && !(typeof need === "string" ? cleaned.includes(need) : need.test(cleaned))) continue;
    const m = find(re, cleaned);
    if (m) return m;
  }
  return (
    (ADOPTION_HINT.test(s) ? findChain(s, ADOPTION) : null) ??
    (s.includes(" than ") ? (findChain(s, MORE_THAN) ?? THAN_BASELINE.exec(s)?.[0]) : null) ??
    (DIGIT.test(cleaned) && COUNTED_HINT.test(cleaned) ? COUNTED_DOING.exec(cleaned)?.[0] : null) ??
    (PLAN_HINT.test(s) && !COMPLIANCE.test(s) ? PLAN_TARGET.exec(s)?.[0] : null) ??
    null
  );
});

// Comparatives count as change for "related", though not for overriding a delivery verb ("ship faster checkout").
const CHANGE_OR_COMPARATIVE = new RegExp(
  `${CHANGE.source}|\\b(?:faster|fewer|less|better|higher|shorter|easier|simpler|smoother)\\b`,
);

export const changeWording = lastText(function changeWording(text: string): string | null {
  const m = CHANGE_OR_COMPARATIVE.exec(flat(text));
  return m ? m[0] : null;
});

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
const RESTATE_PHASE: (RegExp | Tagged)[] = [
  new RegExp(`\\b(?:all|every|everything|each|whole|entire|full|rest of)\\b[^.]{0,40}\\b${PHASE}\\b`),
  {
    re: new RegExp(`\\b${PHASE}\\b(?: \\w+){0,3} (?:is |are |be |gets? )?${STATE_TAGGED}\\b`),
    tag: stateTagged,
    needs: /\bphase /,
  },
  {
    re: new RegExp(`\\b(?:${VERBS_TAGGED}|${PARTICLE_VERBS})\\b(?: \\w+){0,2} ${PHASE}\\b`),
    tag: verbTagged,
    needs: /\bphase /,
  },
];
// "Ship the roadmap" or "the roadmap is delivered": the leftmost of the two, as one alternation would find.
const RESTATE_ROADMAP: Tagged[] = [
  {
    re: new RegExp(`\\b(?:${VERBS_TAGGED}|${PARTICLE_VERBS}|all|every|everything)\\b[^.]{0,40}\\broadmap\\b`),
    tag: verbTagged,
    needs: /\broadmap\b/,
  },
  {
    re: new RegExp(`\\broadmap\\b(?: \\w+){0,3} (?:is |are )?${STATE_TAGGED}\\b`),
    tag: stateTagged,
    needs: /\broadmap /,
  },
];

const RESTATE_HINT = /phase|roadmap/i;

/** "All features in Phase 1 are delivered" → {phase: 1}; "Ship the Q3 roadmap" → {phase: null}; else null. */
export function roadmapRestatement(text: string): { phase: number | null; phrase: string } | null {
  if (!RESTATE_HINT.test(text)) return null;
  const s = flat(text);
  if (outcomeWording(text)) return null;
  for (const re of RESTATE_PHASE) {
    const m = execPattern(re, s);
    if (m) {
      return { phase: phaseOf(m[0]), phrase: m[0] };
    }
  }
  const [delivered, state] = RESTATE_ROADMAP.map((r) => execPattern(r, s));
  const m = delivered && state ? (state.index < delivered.index ? state : delivered) : (delivered ?? state);
  return m ? { phase: null, phrase: m[0] } : null;
}

// Words of opinion, feeling and vague progress: a statement made of them ("Positive feedback from
// users", "steady growth in visibility") is not a deliverable, whatever its grammar.
const VAGUE =
  /\b(?:feedback|reactions?|perceptions?|perceive|believe|beliefs?|confident|confidence|engagement|engaged|growth|growing|satisf\w+|happy|happiness|love|loves|jealous|agree|agrees|mentions?|understands?|understanding|learn|learns|learning|trust|trusts|positive|negative|word of mouth|delight\w*|proud|excited|awareness|aware|better|worse|stickiness|sticky|easily|definitive|exceptional|world class|best in class|successfully|properly|effectively|smoothly|jealous|lost|access and understand|foundations?|diversity)\b/;

// Possession or existence of the thing built: "Every competitor has a comparison article", "We have
// end-to-end visibility", "There is a single source of truth", "we can measure the impact".
const END_STATE = /^(?:[\w$%.,-]+ ){0,6}?(?:has|have|now has|now have|ve got|has got|there is|there are|exists?|can)\b/;

// Verbs and auxiliaries: a text without any of them is a noun phrase ("Multi-region", "Pipeline metrics").
// Subject pronouns and contractions mark a clause ("We ingest …", "LLMs aren't lost …"). A Set looked up
// word by word: as one alternation of 100 words it took ~6 ms to compile in a fresh process.
const VERBISH = new Set(
  "we they it he she everyone everybody nobody aren isn wasn weren don doesn didn won cannot is are was were be been being am has have had can could will would should must may might do does did get gets make makes keep keeps see sees know knows use uses reach reaches grow grows help helps ensure ensures hit hits meet meets achieve achieves become becomes find finds show shows tell tells hear hears reflect reflects convert converts surface surfaces echo echoes perform performs shape shapes write writes read reads want wants need needs feel feels access spend spends contribute contributes drive drives go goes take takes give gives bring brings work works".split(
    " ",
  ),
);

/**
 * A deliverable written without a delivery verb: an end state ("X is the default", "every competitor
 * has a comparison article") or a bare noun phrase ("Pipeline metrics"). Null for opinions, vague
 * progress, changes and outcomes.
 */
export const deliverableWording = lastText(function deliverableWording(text: string): string | null {
  const explicit = deliveryWording(text);
  if (explicit) return explicit;
  const s = flat(text);
  if (!s || VAGUE.test(s) || MEASURE_NAME.test(s) || changeWording(text) || outcomeWording(text)) return null;
  const m = END_STATE.exec(s);
  if (m) return s;
  // An imperative ("Investigate new pricing models", "Accelerate consumption") is not a noun phrase.
  const [first, second] = s.replace(LABEL, "").split(" ");
  if (IMPERATIVE.has(first) || VERB_ENDING.test(first)) return null;
  // "Adopt the billing services": a first word followed by a determiner is a verb.
  if (second && DETERMINER.test(second)) return null;
  // "Admins talk about …": people (plural) followed by a word act; that is a clause, not a thing.
  if (PEOPLE_ACT.test(s)) return null;
  return firstWordIn(s, VERBISH) ? null : s;
});

const LABEL = /^(?:stretch|kr\d*|new|existing) /;
const VERB_ENDING = /^[a-z]{4,}(?:ate|ize|ify)$|^[a-z]{4,}en$/;

const PEOPLE_ACT =
  /\b(?:users|customers|admins|administrators|developers|engineers|teams|people|merchants|agents|partners|members|buyers|sellers|clients|employees|visitors|subscribers|analysts) (?!of|for|in|with|and|or|on|at|from|to|who|that|across|per)\w+/;

/** A result measured against a target kept elsewhere ("meet the MQL goals") or a stated baseline, or null. */
export function targetElsewhere(text: string): string | null {
  const s = flat(text);
  const m = THAN_BASELINE.exec(s) ?? (COMPLIANCE.test(s) ? null : PLAN_TARGET.exec(s));
  return m ? m[0] : null;
}

/** True when a text reads as vague progress or opinion ("positive feedback", "easily report"). */
export function isVague(text: string): boolean {
  return VAGUE.test(flat(text));
}

const DETERMINER = /^(?:the|a|an|our|your|their|its|all|every|each|some|more|this|these|those)$/;

const IMPERATIVE = new Set(
  "enhance streamline foster nurture empower champion evolve advance promote modernise invest unlock deepen broaden investigate explore research review identify find understand analyse analyze assess define drive support ensure make keep get nail own lead partner help show reach hit meet win close sell grow scale expand focus track measure monitor test pilot prototype experiment collaborate engage educate train certify hire recruit retain reduce increase improve update do go take give bring work use learn talk speak write run build ship launch deliver create design plan set put turn start stop continue maintain achieve obtain secure land double triple halve cut raise lower boost speed fix resolve remove add enable allow provide offer publish produce host hold conduct organize organise".split(
    " ",
  ),
);
