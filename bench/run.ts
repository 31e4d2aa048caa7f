/** `npm run bench`: every benchmark, against the freshly built bundle. */
import { runFunctionBench } from "./functions";

async function main(): Promise<void> {
  await runFunctionBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
