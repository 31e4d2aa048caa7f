import type { ErrorCode } from "../core/contract";

/**
 * A refusal the person can act on: a stable code (see ErrorCode) next to a message shown as it is,
 * in the sidebar next to `field` or in an alert. Any other error is a bug, reported as such.
 */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field = "",
  ) {
    super(message);
    this.name = "UserError";
  }
}

export const NOT_SET_UP =
  "The tracker isn't set up in this spreadsheet yet: choose Extensions → OKR Tracker → Set up tracker.";
