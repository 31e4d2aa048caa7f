/**
 * The company sample (`npm start -- --company`): two team trackers and a company tracker on one
 * drive, made through the add-on's own menu and sidebar calls. Payments' import is allowed; the
 * Platform one waits for someone to click Allow access, as it would in Sheets.
 */
import type { Drive } from "../emulator";
import { Harness } from "../harness/harness";

interface SampleObjective {
  title: string;
  parent: string;
  keyResult: { title: string; type: string; start: number | string; target: number | string; unit?: string };
  checkIn: number | string;
}

const TEAMS: { name: string; weight: number | ""; objectives: SampleObjective[] }[] = [
  {
    name: "Payments",
    weight: "",
    objectives: [
      {
        title: "Make checkout fast enough that people stop abandoning it",
        parent: "Company O-2",
        keyResult: { title: "p95 checkout latency", type: "decrease", start: 3000, target: 1000, unit: "ms" },
        checkIn: 1800,
      },
      {
        title: "Let mid-market finance teams serve themselves",
        parent: "Company O-1",
        keyResult: {
          title: "Invoices downloaded without a support ticket",
          type: "percentage",
          start: "20%",
          target: "80%",
        },
        checkIn: "50%",
      },
    ],
  },
  {
    name: "Platform",
    weight: 2,
    objectives: [
      {
        title: "Deploy any day of the week without downtime",
        parent: "Company O-2",
        keyResult: { title: "Deploys with user-visible errors", type: "decrease", start: 12, target: 0, unit: "%" },
        checkIn: 3,
      },
      {
        title: "Onboard a mid-market customer in a day",
        parent: "Company O-1",
        keyResult: {
          title: "Days from contract to first API call",
          type: "decrease",
          start: 14,
          target: 1,
          unit: "days",
        },
        checkIn: 9,
      },
    ],
  },
];

const COMPANY_OBJECTIVES = [
  {
    title: "Win the mid-market",
    keyResult: { title: "Mid-market customers live", type: "increase", start: 12, target: 40 },
  },
  {
    title: "Be the payments platform merchants trust",
    keyResult: { title: "Merchant NPS", type: "increase", start: 31, target: 45 },
  },
];

async function call(harness: Harness, name: string, request: unknown): Promise<unknown> {
  const answer = (await harness.run(name, request)) as { ok: boolean; data?: unknown; message?: string };
  if (!answer.ok) throw new Error("Company sample: " + name + " failed: " + answer.message);
  return answer.data;
}

function tracker(drive: Drive, name: string, options: { addonName: string; bundle?: string }): Harness {
  const harness = new Harness({ ...options, drive, name });
  harness.open();
  harness.clickMenu("Set up tracker");
  harness.ui.alerts.length = 0;
  return harness;
}

/** Types each objective's Parent, as a person would. */
function setParents(harness: Harness, parents: string[]): void {
  const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
  const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf("Parent") + 1;
  parents.forEach((parent, i) => harness.edit(sheet.getRange(i + 2, column), parent));
}

/** The company tracker first, then the teams' trackers. */
export async function buildCompanySample(
  drive: Drive,
  options: { addonName: string; bundle?: string },
): Promise<Harness[]> {
  const teams: Harness[] = [];
  for (const team of TEAMS) {
    const harness = tracker(drive, team.name + " team OKRs", options);
    const { currentCycle } = (await call(harness, "getOverview", {})) as { currentCycle: string };
    for (const objective of team.objectives) {
      const { keyResultIds } = (await call(harness, "createObjective", {
        title: objective.title,
        cycle: currentCycle,
        team: team.name,
        commitment: "committed",
        keyResults: [objective.keyResult],
      })) as { keyResultIds: string[] };
      await call(harness, "checkIn", { krId: keyResultIds[0], value: objective.checkIn, confidence: 7 });
    }
    setParents(
      harness,
      team.objectives.map((o) => o.parent),
    );
    teams.push(harness);
  }
  const company = tracker(drive, "Company OKRs", options);
  const { currentCycle } = (await call(company, "getOverview", {})) as { currentCycle: string };
  for (const objective of COMPANY_OBJECTIVES)
    await call(company, "createObjective", {
      title: objective.title,
      cycle: currentCycle,
      team: "Company",
      commitment: "aspirational",
      keyResults: [objective.keyResult],
    });
  company.clickMenu("Set up as company tracker");
  company.spreadsheet
    .getRange("Teams!A2:C3")
    .setValues(TEAMS.map((team, i) => [team.name, teams[i].spreadsheet.getUrl(), team.weight]));
  company.clickMenu("Set up as company tracker");
  company.ui.alerts.length = 0;
  company.allowAccess("Teams!D2");
  company.spreadsheet.setActiveSheet(company.spreadsheet.getSheetByName("Roll-up")!);
  const blank = company.spreadsheet.getSheetByName("Sheet1");
  if (blank && blank.getLastRow() === 0) company.spreadsheet.deleteSheet(blank);
  for (const team of teams) {
    team.spreadsheet.setActiveSheet(team.spreadsheet.getSheetByName("Summary")!);
    const empty = team.spreadsheet.getSheetByName("Sheet1");
    if (empty && empty.getLastRow() === 0) team.spreadsheet.deleteSheet(empty);
  }
  return [company, ...teams];
}
