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
  let preview;
  try {
    preview = await startPreview({ ...options, log: (line) => console.log(line) });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(
      e.code === "EADDRINUSE"
        ? "Port " + options.port + " is in use; choose another with --port N."
        : e.code === "ENOENT"
          ? e.message + " (run `npm run build` first, or use `npm start`)"
          : (e.stack ?? String(e)),
    );
    process.exit(1);
  }
  console.log("OKR Tracker preview: " + preview.url);
  console.log(
    (options.company ? "Workbook folder: " : "Workbook file: ") +
      options.workbookFile +
      " (saved after every change; --fresh starts over)",
  );
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
