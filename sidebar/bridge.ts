/**
 * A typed promise over google.script.run. Request and answer types come from the contract
 * (src/core/contract.ts), which the server implements, so they cannot drift.
 */
import type { ApiName, ApiResponse, DataOf, ErrorCode, FieldError, RequestOf } from "../src/core/contract";

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun; host?: { close(): void } } };
  }
}

/**
 * A refusal or failure, readable as it is; `code` says what kind (branch on it, never on the
 * wording), fieldErrors which form fields it concerns.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** How many calls are under way, for the progress indicator. */
let pending = 0;
const busyListeners = new Set<(busy: boolean) => void>();
export function onBusyChange(listener: (busy: boolean) => void): () => void {
  busyListeners.add(listener);
  return () => busyListeners.delete(listener);
}
function track(delta: number): void {
  pending += delta;
  for (const listener of busyListeners) listener(pending > 0);
}

/** Calls a server function; resolves with its data or rejects with an ApiError. */
export function call<K extends ApiName>(name: K, request: RequestOf<K>): Promise<DataOf<K>> {
  track(1);
  const settle = <T>(promise: Promise<T>) => promise.finally(() => track(-1));
  return settle(
    new Promise((resolve, reject) => {
      const run = window.google?.script.run;
      if (!run) {
        reject(
          new ApiError(
            "unexpected",
            "This page must run inside Google Sheets (Extensions → OKR Tracker → Open sidebar).",
          ),
        );
        return;
      }
      const target = run
        .withSuccessHandler((value) => {
          const answer = value as ApiResponse<DataOf<K>> | null;
          if (answer && answer.ok) resolve(answer.data);
          else if (answer) reject(new ApiError(answer.code, answer.message, answer.fieldErrors));
          else reject(new ApiError("unexpected", "The add-on sent an empty answer. Try again."));
        })
        .withFailureHandler((error) => reject(new ApiError("unexpected", readable(error))));
      (target[name] as (request: unknown) => void)(request);
    }),
  );
}

/** Apps Script failures arrive as "Exception: …" or "ScriptError: …"; keep the sentence, drop the stack. */
function readable(error: Error | string): string {
  const text = typeof error === "string" ? error : error.message || String(error);
  const firstLine = text.split("\n")[0].replace(/^(Exception|ScriptError|Error):\s*/, "");
  return "The add-on couldn't finish: " + firstLine;
}
