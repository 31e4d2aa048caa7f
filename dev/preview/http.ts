/** Small HTTP helpers of the preview server. */
import type * as http from "http";

/** An answer other than 200, with its message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "Content-Type": type + "; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
}

export async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 1_000_000) throw new HttpError(413, "Request too large");
  }
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    throw new HttpError(400, "The request body is not JSON");
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
