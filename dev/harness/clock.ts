/**
 * A simulated clock for the bundle: a Date constructor whose "now" (new Date(), Date.now(), Date())
 * is a given time, and one execution run at that time. Dates with arguments are untouched.
 */
import type { Harness } from "./harness";

/** A Date constructor for the bundle whose "now" is `now()`. */
export function clockedDate(now: () => number): DateConstructor {
  return new Proxy(Date, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    apply: (target) => new target(now()).toString(),
    get: (target, key) => (key === "now" ? now : Reflect.get(target, key)),
  });
}

/** Runs `body` (calls of `harness`) as one execution whose clock reads `at` (ms since 1970). */
export function runAt<T>(harness: Harness, at: number, body: () => T): T {
  const Date = clockedDate(() => at);
  return harness.scheduled(
    {
      token: "at " + new globalThis.Date(at).toISOString(),
      globals: { Date },
      prepare: () => undefined,
      intercept: (_method, invoke) => invoke(),
      ended: () => true,
    },
    body,
  );
}
