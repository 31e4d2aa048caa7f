/** `npm start`: the local preview on the built add-on (npm start builds dist/ first). */
import { parseOptions } from "./options";
import { startPreview } from "./server";

async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const preview = await startPreview({ ...options, log: (line) => console.log(line) });
  console.log("OKR Tracker preview: " + preview.url);
  console.log("Workbook file: " + options.workbookFile + " (saved after every change; --fresh starts over)");
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
