/** LockService, PropertiesService and CacheService limits, and the onEdit event. */
import type { Probe } from "../probe";
import { editEvent, emulator } from "../probe";
import { S } from "../sources";

const LOCK_TIMEOUT = /Lock timeout/;

function lock() {
  return emulator().services.LockService.getScriptLock();
}

function message(run: () => unknown): string {
  try {
    run();
    return "no exception";
  } catch (e) {
    return (e as Error).message;
  }
}

export const serviceProbes: Probe[] = [
  {
    id: "a lock is not held before it is acquired",
    source: S.gasFakesLock,
    says: 'LockService.getScriptLock(): "Initially, should not have the lock" (hasLock() false)',
    expected: false,
    actual: () => lock().hasLock(),
  },
  {
    id: "tryLock acquires a free lock; again returns true; releaseLock lets go",
    source: S.gasFakesLock,
    says: 'tryLock(10000) true, hasLock() true; tryLock(10000) again true ("already held"); releaseLock(): hasLock() false',
    expected: [true, true, true, false],
    actual: () => {
      const l = lock();
      const first = l.tryLock(10000);
      const held = l.hasLock();
      const again = l.tryLock(10000);
      l.releaseLock();
      return [first, held, again, l.hasLock()];
    },
  },
  {
    id: "waitLock acquires a free lock without an exception, also when already held",
    source: S.gasFakesLock,
    says: "waitLock(1000) does not throw and hasLock() is true; waitLock(1000) again does not throw",
    expected: ["no exception", "no exception", true],
    actual: () => {
      const l = lock();
      return [message(() => l.waitLock(1000)), message(() => l.waitLock(1000)), l.hasLock()];
    },
  },
  {
    id: "a zero timeout acquires a free lock",
    source: S.gasFakesLock,
    says: '"tryLock(0) should acquire the lock immediately and return true"; "waitLock(0) should not throw an error and acquire the lock"',
    expected: [true, "no exception"],
    actual: () => {
      const a = lock();
      const b = lock();
      return [a.tryLock(0), message(() => b.waitLock(0))];
    },
  },
  {
    id: "a negative timeout fails even on a free lock",
    source: S.gasFakesLock,
    says: '"tryLock with a negative timeout should fail and return false"; waitLock(-100) throws /Lock timeout/, hasLock() false',
    expected: [false, true, false],
    actual: () => {
      const l = lock();
      const tried = l.tryLock(-100);
      const thrown = LOCK_TIMEOUT.test(message(() => l.waitLock(-100)));
      return [tried, thrown, l.hasLock()];
    },
  },
  {
    id: "waitLock on a lock another execution holds throws Lock timeout",
    source: S.gasFakesLock,
    says: 'fakelock.js: throw new Error("Lock timeout: another process was holding the lock for too long."); testlock.js checks /Lock timeout/ on live Apps Script',
    expected: "Lock timeout: another process was holding the lock for too long.",
    actual: () => {
      const ann = emulator({ owner: "ann@example.com" });
      const bo = emulator({ workbook: ann.workbook, user: "bo@example.com" });
      ann.services.LockService.getDocumentLock().waitLock(1000);
      return message(() => bo.services.LockService.getDocumentLock().waitLock(1000));
    },
  },
  {
    id: "tryLock on a lock another execution holds returns false",
    source: S.lockRef,
    says: "tryLock(timeoutInMillis): Attempts to acquire the lock, timing out after the provided number of milliseconds. Returns true if the lock was acquired, false otherwise",
    expected: [false, false],
    actual: () => {
      const ann = emulator({ owner: "ann@example.com" });
      const bo = emulator({ workbook: ann.workbook, user: "bo@example.com" });
      ann.services.LockService.getDocumentLock().tryLock(1000);
      const other = bo.services.LockService.getDocumentLock();
      return [other.tryLock(1000), other.hasLock()];
    },
  },
  {
    id: "releaseLock lets another execution acquire the lock",
    source: S.lockRef,
    says: "releaseLock(): Releases the lock, allowing other processes waiting on the lock to continue.",
    expected: true,
    actual: () => {
      const ann = emulator({ owner: "ann@example.com" });
      const bo = emulator({ workbook: ann.workbook, user: "bo@example.com" });
      const held = ann.services.LockService.getDocumentLock();
      held.tryLock(1000);
      held.releaseLock();
      return bo.services.LockService.getDocumentLock().tryLock(1000);
    },
  },
  {
    id: "a property value over 9 KB exceeds the storage quota",
    source: S.propertyQuotaReport,
    says: "saving one large value: You have exceeded the property storage quota. Please remove some properties and try again. (max 9KB a value, per the quotas page)",
    expected: "You have exceeded the property storage quota. Please remove some properties and try again.",
    actual: () =>
      message(() =>
        emulator()
          .services.PropertiesService.getDocumentProperties()
          .setProperty("big", "x".repeat(9 * 1024 + 1)),
      ),
  },
  {
    id: "a property store holds up to 500 KB",
    source: S.quotas,
    says: "Properties value size 9 KB / val; Properties total storage 500 KB / property store",
    expected: [true, false],
    actual: () => {
      const props = emulator().services.PropertiesService.getScriptProperties();
      const fits = message(() => {
        for (let i = 0; i < 50; i++) props.setProperty(`k${i}`, "y".repeat(9000));
      });
      const over = message(() => {
        for (let i = 50; i < 60; i++) props.setProperty(`k${i}`, "y".repeat(9000));
      });
      return [fits === "no exception", over === "no exception"];
    },
  },
  {
    id: "a cache value holds up to 100 KB",
    source: S.cacheRef,
    says: "put(key, value): The maximum amount of data that can be stored per key is 100KB.",
    expected: [true, false],
    actual: () => {
      const cache = emulator().services.CacheService.getScriptCache();
      return [
        message(() => cache.put("k", "x".repeat(100 * 1024))) === "no exception",
        message(() => cache.put("k", "x".repeat(100 * 1024 + 1))) === "no exception",
      ];
    },
  },
  {
    id: "onEdit of one cell: value, oldValue, range, source, authMode",
    source: S.events,
    says: "authMode (e.g. LIMITED); oldValue: Cell value prior to the edit, if any; range; source; value: New cell value after the edit",
    expected: { authMode: "LIMITED", range: "A1", hasSource: true, value: "7", oldValue: "5" },
    actual: () => editEvent(5, "7"),
  },
  {
    id: "onEdit of an empty cell has no oldValue",
    source: S.events,
    says: "oldValue: ... Is undefined if the cell had no previous content.",
    expected: { authMode: "LIMITED", range: "A1", hasSource: true, value: "7" },
    actual: () => editEvent(null, "7"),
  },
  {
    id: "onEdit of several cells has neither value nor oldValue",
    source: S.events,
    says: "oldValue / value: Only available if the edited range is a single cell.",
    expected: { authMode: "LIMITED", range: "A1:B2", hasSource: true },
    actual: () =>
      editEvent(
        1,
        [
          ["a", "b"],
          ["c", "d"],
        ],
        "A1:B2",
      ),
  },
];
