/** `npm run bench`: every benchmark, against the freshly built bundle. */
import { runForecastBench, runFunctionBench } from "./functions";
import { runTrackerBench } from "./tracker";
import { runScaleBench } from "./scale";
import { runTrendBench } from "./trend";
import { runCycleBench } from "./cycles";
import { runCheckerBench } from "./checker";
import { runEmulatorBench } from "./emulator";
import { runWorkbookFileBench } from "./workbook-files";
import { runDashboardBench } from "./dashboard";

async function main(): Promise<void> {
  await runEmulatorBench();
  await runWorkbookFileBench();
  await runFunctionBench();
  await runForecastBench();
  await runTrackerBench();
  await runScaleBench();
  await runTrendBench();
  await runCycleBench();
  await runDashboardBench();
  await runCheckerBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
