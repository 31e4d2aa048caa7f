import { UserError } from "./errors";

const WAIT_MS = 20_000;

/**
 * Read-modify-write under the document lock, so two people checking in at once both land.
 * flush() before releasing: the next holder must read what this one wrote.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS))
    throw new UserError("busy", "Someone else is changing the tracker right now. Try again in a few seconds.");
  try {
    return work();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
