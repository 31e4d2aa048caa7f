/**
 * The built-in sample tracker: one quarter (the current one) of a small engineering team, made
 * through the add-on's own menu and sidebar calls, so it is exactly what a user would get. The
 * objectives date from the quarter's first day and their check-ins spread over the weeks since.
 */
import { runAt } from "../harness/clock";
import type { Harness } from "../harness/harness";

type KeyResult = {
  title: string;
  type: string;
  start: number | string;
  target: number | string;
  unit?: string;
  weight?: number;
  owner?: string;
};
interface Objective {
  title: string;
  team: string;
  owner: string;
  commitment: "committed" | "aspirational";
  description?: string;
  keyResults: KeyResult[];
}

/** Check-ins, in order: [key result number within its objective (1-based), value, confidence, note]. */
type CheckIn = [number, number | string, number, string];

const PEOPLE = [
  ["Name", "Team", "Email"],
  ["Maya Chen", "Platform", "maya@example.com"],
  ["Tom Okafor", "Platform", "tom@example.com"],
  ["Priya Raman", "Web", "priya@example.com"],
  ["Lucas Meyer", "Web", "lucas@example.com"],
  ["Sofia Alvarez", "Mobile", "sofia@example.com"],
  ["Ben Carter", "Payments", "ben@example.com"],
  ["Aisha Khan", "Payments", "aisha@example.com"],
];

const ROADMAP = [
  ["ID", "Item", "Team", "Phase", "Status"],
  ["R-1", "Redis 7 migration", "Platform", "Phase 1", "In progress"],
  ["R-2", "Kubernetes 1.31 upgrade", "Platform", "Phase 1", "Shipped"],
  ["R-3", "Frontend Observability Phase 1: error tracking and Web Vitals dashboards", "Web", "Phase 1", "In progress"],
  ["R-4", "Frontend Observability Phase 2: session replay", "Web", "Phase 2", "Planned"],
  ["R-5", "New payment flow", "Payments", "Phase 1", "In progress"],
  ["R-6", "Self-serve invoice downloads", "Payments", "Phase 2", "Planned"],
  ["R-7", "Dark mode for the mobile app", "Mobile", "Phase 1", "Planned"],
  ["R-8", "Offline mode for field notes", "Mobile", "Phase 2", "Planned"],
];

const KPIS = [
  ["KPI", "Team", "Current", "Healthy range", "Owner"],
  ["API availability (30-day SLO)", "Platform", "99.95%", "≥ 99.9%", "Maya Chen"],
  ["p95 API latency", "Platform", "180 ms", "< 250 ms", "Tom Okafor"],
  ["Deployment frequency", "Platform", "14 / week", "≥ 10 / week", "Maya Chen"],
  ["Change failure rate", "Platform", "8%", "< 15%", "Tom Okafor"],
  ["Inbound leads per week", "Web", "420", "350 – 500", "Lucas Meyer"],
  ["Crash-free sessions (mobile)", "Mobile", "99.6%", "≥ 99.5%", "Sofia Alvarez"],
];

const OBJECTIVES: [Objective, CheckIn[]][] = [
  [
    {
      title: "Checkout stops losing customers at the payment step",
      team: "Payments",
      owner: "Ben Carter",
      commitment: "committed",
      description: "A third of carts are abandoned on the payment page; the new flow is our bet to change that.",
      keyResults: [
        {
          title: "Checkout conversion rises from 62% to 70%",
          type: "percentage",
          start: "62%",
          target: "70%",
          weight: 2,
          owner: "Ben Carter",
        },
        {
          title: "p95 payment confirmation time drops from 4.2 s to 1.5 s",
          type: "decrease",
          start: 4.2,
          target: 1.5,
          unit: "s",
          owner: "Aisha Khan",
        },
        {
          title: "Payment support tickets fall from 180 to 60 a month",
          type: "decrease",
          start: 180,
          target: 60,
          unit: "tickets",
          owner: "Aisha Khan",
        },
      ],
    },
    [
      [1, "63%", 7, "New flow live for 10% of traffic."],
      [2, 3.6, 6, "Card tokenisation moved off the request path."],
      [3, 150, 7, "FAQ on failed payments published."],
      [1, "65%", 6, "Rolled out to 50%; mobile web still lags."],
      [2, 2.9, 7, "Regional payment gateway in eu-west."],
      [3, 120, 8, "Fewer 'charged twice' tickets since idempotency keys."],
    ],
  ],
  [
    {
      title: "Engineers find front-end errors before customers report them",
      team: "Web",
      owner: "Priya Raman",
      commitment: "committed",
      keyResults: [
        {
          title: "Median time to detect a front-end error falls from 72 h to 2 h",
          type: "decrease",
          start: 72,
          target: 2,
          unit: "h",
          owner: "Priya Raman",
        },
        {
          title: "Customer-reported bugs we already knew about rise from 10% to 60%",
          type: "percentage",
          start: "10%",
          target: "60%",
          owner: "Lucas Meyer",
        },
        {
          title: "All features in Frontend Observability Phase 1 are delivered",
          type: "milestone",
          start: 0,
          target: 1,
          owner: "Priya Raman",
        },
      ],
    },
    [
      [1, 40, 6, "Error tracking on checkout and account pages."],
      [2, "22%", 5, "Alert routing to team channels."],
      [1, 18, 7, "Source maps uploaded on every deploy."],
      [2, "35%", 6, "Weekly triage of new error groups."],
    ],
  ],
  [
    {
      title: "Mobile users make the app part of their evening",
      team: "Mobile",
      owner: "Sofia Alvarez",
      commitment: "aspirational",
      keyResults: [
        {
          title: "Evening sessions per weekly active user rise from 1.2 to 2.0",
          type: "increase",
          start: 1.2,
          target: 2,
          unit: "sessions",
          owner: "Sofia Alvarez",
        },
        {
          title: "App Store rating rises from 4.1 to 4.5",
          type: "increase",
          start: 4.1,
          target: 4.5,
          unit: "stars",
          owner: "Sofia Alvarez",
        },
      ],
    },
    [
      [1, 1.3, 5, "Reminder experiment started with 5% of users."],
      [2, 4.2, 4, "Rating prompt moved after a completed task."],
      [1, 1.5, 5, "Reminders help; dark mode still requested in reviews."],
    ],
  ],
  [
    {
      title: "Releases become small, frequent and boring",
      team: "Platform",
      owner: "Maya Chen",
      commitment: "aspirational",
      keyResults: [
        {
          title: "Lead time from merge to production falls from 48 h to 4 h",
          type: "decrease",
          start: 48,
          target: 4,
          unit: "h",
          owner: "Tom Okafor",
        },
        {
          title: "Deploys per week rise from 14 to 30",
          type: "increase",
          start: 14,
          target: 30,
          unit: "deploys",
          owner: "Maya Chen",
        },
        {
          title: "Any service rolls back in under 5 minutes with one command",
          type: "milestone",
          start: 0,
          target: 1,
          owner: "Tom Okafor",
        },
      ],
    },
    [
      [1, 30, 6, "Merge queue replaces the nightly release train."],
      [2, 18, 7, "Three teams deploy on merge."],
      [3, 1, 9, "Rollback drill passed on all 14 services."],
      [1, 20, 7, "Integration tests split and parallelised."],
      [2, 22, 6, "Payments joins deploy-on-merge."],
    ],
  ],
];

const DAY = 86_400_000;

/** The current quarter until `now`: its first day at 09:00 UTC, and now. */
function quarterSoFar(now: number): { start: number; now: number } {
  const today = new Date(now);
  const start = Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1, 9);
  return { start: Math.min(start, now), now };
}

/**
 * When an objective's check-in `i` of `count` happened: spread over the quarter so far, the last
 * one today, so trends and forecasts have days to draw on and the earliest key results are due again.
 */
function checkInTime(quarter: { start: number; now: number }, i: number, count: number): number {
  const days = Math.floor((quarter.now - quarter.start) / DAY);
  const at = quarter.start + Math.round((days * (i + 1)) / count) * DAY + i * 60_000;
  return Math.min(at, quarter.now - (count - i) * 60_000);
}

async function call(harness: Harness, name: string, request: unknown): Promise<unknown> {
  const answer = (await harness.run(name, request)) as {
    ok: boolean;
    data?: unknown;
    message?: string;
    fieldErrors?: unknown;
  };
  if (!answer || !answer.ok) throw new Error("Sample tracker: " + name + " failed: " + JSON.stringify(answer));
  return answer.data;
}

function fill(harness: Harness, sheetName: string, rows: string[][]): void {
  const sheet = harness.spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error("Sample tracker: no sheet " + sheetName);
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
}

/** Builds the sample as of `now` (default: the real time; tests give a fixed day). */
export async function buildSample(harness: Harness, now = Date.now()): Promise<void> {
  const quarter = quarterSoFar(now);
  runAt(harness, quarter.start, () => {
    harness.open();
    harness.clickMenu("Set up tracker");
  });
  harness.ui.alerts.length = 0; // the set-up report is not news to someone opening the sample
  fill(harness, "People", PEOPLE);
  fill(harness, "Roadmap", ROADMAP);
  fill(harness, "KPIs", KPIS);
  const { currentCycle } = (await runAt(harness, now, () => call(harness, "getOverview", {}))) as {
    currentCycle: string;
  };
  for (const [objective, checkIns] of OBJECTIVES) {
    const { keyResultIds } = (await runAt(harness, quarter.start, () =>
      call(harness, "createObjective", { ...objective, cycle: currentCycle }),
    )) as { keyResultIds: string[] };
    for (const [i, [kr, value, confidence, note]] of checkIns.entries()) {
      const at = checkInTime(quarter, i, checkIns.length);
      await runAt(harness, at, () => call(harness, "checkIn", { krId: keyResultIds[kr - 1], value, confidence, note }));
    }
  }
  // Fill the Roadmap check column, as a manager would after writing the OKRs.
  const check = harness.ui.menuItems().find((item) => item.path.endsWith("> Check OKRs against roadmap"));
  if (check) runAt(harness, now, () => harness.call(check.functionName));
  harness.ui.alerts.length = 0;
  const sheet = harness.spreadsheet.getSheetByName("Objectives");
  if (sheet) harness.spreadsheet.setActiveSheet(sheet);
  const blank = harness.spreadsheet.getSheetByName("Sheet1");
  if (blank && blank.getLastRow() === 0) harness.spreadsheet.deleteSheet(blank);
}
