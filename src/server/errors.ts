/**
 * A problem the user can fix: shown as it is (in the sidebar next to `field`, or in an alert).
 * Any other error is a bug, reported as such without a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field = "",
  ) {
    super(message);
    this.name = "UserError";
  }
}

export const NOT_SET_UP =
  "The tracker isn't set up in this spreadsheet yet: choose Extensions → OKR Tracker → Set up tracker.";
