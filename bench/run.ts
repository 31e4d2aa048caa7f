/** `npm run bench`: every benchmark, against the freshly built bundle. */
import { runFunctionBench } from "./functions";
import { runTrackerBench } from "./tracker";

async function main(): Promise<void> {
  await runFunctionBench();
  await runTrackerBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
