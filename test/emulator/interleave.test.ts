/** The scheduler: executions interleaved at service-call granularity, locks contended on a simulated clock. */
import { Harness } from "../../dev/harness/harness";
import { Interleaving } from "../../dev/harness/interleave";

const CODE = `
function bump() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(10000);
  var cell = SpreadsheetApp.getActive().getRange("A1");
  cell.setValue(Number(cell.getValue()) + 1);
  SpreadsheetApp.flush();
  lock.releaseLock();
  return cell.getValue();
}
function bumpWithoutLock() {
  var cell = SpreadsheetApp.getActive().getRange("A1");
  var value = Number(cell.getValue());
  cell.setValue(value + 1);
  return value + 1;
}
function tryBump() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) return "busy";
  var cell = SpreadsheetApp.getActive().getRange("A1");
  cell.setValue(Number(cell.getValue()) + 1);
  lock.releaseLock();
  return "done";
}
function holdAndForget() {
  LockService.getDocumentLock().waitLock(1000);
  return SpreadsheetApp.getActive().getRange("A1").getValue();
}
function stamp() {
  var first = new Date().getTime();
  var r = Math.random();
  SpreadsheetApp.getActive().getRange("B1").setValue(r);
  return [first, new Date().getTime(), r, Date.now()];
}
function onEdit(e) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(10000);
  var log = SpreadsheetApp.getActive().getRange("C1");
  log.setValue(log.getValue() + e.range.getA1Notation() + ";");
  lock.releaseLock();
}
`;

function pair() {
  const ann = new Harness({ code: CODE, user: "ann@example.com", owner: "ann@example.com" });
  ann.spreadsheet.getRange("A1").setValue(0);
  return { ann, bo: ann.share("bo@example.com") };
}

function a1(h: Harness): unknown {
  return h.spreadsheet.getRange("A1").getValue();
}

describe("interleaved executions", () => {
  test("without the lock, one interleaving loses an update (the harness can show a race)", () => {
    const { ann, bo } = pair();
    const s = new Interleaving();
    const a = s.sidebar(ann, "bumpWithoutLock");
    const b = s.sidebar(bo, "bumpWithoutLock");
    a.runPast("Range.getValue"); // Ann has read 0
    b.run(); // Bo reads 0, writes 1
    a.run(); // Ann writes 1 too
    expect([a.result, b.result, a1(ann)]).toEqual([1, 1, 1]);
  });

  test("with the lock, every interleaving counts both", () => {
    const { ann, bo } = pair();
    const alone = new Interleaving();
    const probe = alone.sidebar(ann, "bump").run();
    const calls = probe.calls.length;
    alone.dispose();
    const waited: number[] = [];
    for (let k = 0; k <= calls; k++) {
      const before = Number(a1(ann));
      const s = new Interleaving();
      const a = s.sidebar(ann, "bump");
      const b = s.sidebar(bo, "bump");
      a.step(k);
      if (b.run().status === "waiting") waited.push(k);
      s.runAll();
      s.dispose();
      expect([a.status, b.status, a1(ann)]).toEqual(["done", "done", before + 2]);
    }
    // Bo found the lock taken whenever Ann was paused between waitLock and releaseLock.
    expect(probe.calls).toEqual([
      "LockService.getDocumentLock",
      "Lock.waitLock",
      "SpreadsheetApp.getActive",
      "Spreadsheet.getRange",
      "Range.getValue",
      "Range.setValue",
      "SpreadsheetApp.flush",
      "Lock.releaseLock",
      "Range.getValue",
    ]);
    expect(waited).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test("a caller waits while another execution holds the lock, and gets it when released", () => {
    const { ann, bo } = pair();
    const s = new Interleaving();
    const a = s.sidebar(ann, "bump").runPast("Lock.waitLock");
    const b = s.sidebar(bo, "bump").run();
    expect([a.status, b.status]).toEqual(["paused", "waiting"]);
    s.runAll();
    expect([a.result, b.result]).toEqual([1, 2]);
  });

  test("waitLock times out on the simulated clock with Lock timeout", () => {
    const { ann, bo } = pair();
    const s = new Interleaving({ start: Date.UTC(2026, 3, 1) });
    const a = s.sidebar(ann, "bump").runPast("Lock.waitLock");
    const b = s.sidebar(bo, "bump").finish();
    expect(b.error).toEqual(new Error("Lock timeout: another process was holding the lock for too long."));
    expect(s.clock).toBe(Date.UTC(2026, 3, 1) + 10000);
    expect(a1(ann)).toBe(0);
    a.finish();
    expect([a.result, a1(ann)]).toEqual([1, 1]);
  });

  test("tryLock answers false once its timeout has passed", () => {
    const { ann, bo } = pair();
    const s = new Interleaving();
    s.sidebar(ann, "bump").runPast("Lock.waitLock");
    expect(s.sidebar(bo, "tryBump").finish().result).toBe("busy");
  });

  test("a lock still held when an execution ends is released", () => {
    const { ann, bo } = pair();
    const s = new Interleaving();
    const a = s.sidebar(ann, "holdAndForget").runPast("Lock.waitLock");
    const b = s.sidebar(bo, "tryBump").run();
    expect(b.status).toBe("waiting");
    s.runAll();
    expect([a.result, b.result, a1(ann)]).toEqual([0, "done", 1]);
  });

  test("a paused execution resumes with the clock and random numbers it had read", () => {
    const { ann } = pair();
    const s = new Interleaving({ start: 1_000_000 });
    const a = s.sidebar(ann, "stamp").runUntil("Range.setValue");
    s.advance(60_000);
    a.run();
    const [first, second, r, now] = a.result as number[];
    expect([first, second, now]).toEqual([1_000_000, 1_060_000, 1_060_000]);
    expect(ann.spreadsheet.getRange("B1").getValue()).toBe(r);
  });

  test("a typed edit lands at once; its onEdit waits for the lock like any execution", () => {
    const { ann, bo } = pair();
    ann.spreadsheet.getRange("C1").setValue("");
    const s = new Interleaving();
    const a = s.sidebar(ann, "bump").runPast("Lock.waitLock");
    const typing = s.edit(bo, "Sheet1!D4", "typed").run();
    expect([bo.spreadsheet.getRange("D4").getValue(), typing.status]).toEqual(["typed", "waiting"]);
    s.runAll();
    expect([a.result, ann.spreadsheet.getRange("C1").getValue()]).toEqual([1, "D4;"]);
  });
});
