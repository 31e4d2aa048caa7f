/**
 * Two executions at once, through the built bundle: check-ins from two sidebars, a value typed
 * while a check-in runs, a check-in that cannot get the lock. Interleaved at service-call
 * granularity on a simulated clock (dev/harness/interleave.ts).
 */
import { Interleaving } from "../../dev/harness/interleave";
import { newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

type Answer = { ok: boolean; message?: string };

// One tracker for the file (setting one up costs seconds); each test looks at what it added.
const ann = newTracker({ user: "ann@example.com" });
const bo = ann.share("bo@example.com");
beforeAll(() => {
  const created = ann.runNow("createObjective", SAMPLE_OBJECTIVE) as Answer;
  if (!created.ok) throw new Error(created.message);
});

function history() {
  return rows(ann, "History").map((r) => [r["#"], r["KR ID"], r["Previous value"], r["New value"], r.Author, r.Source]);
}

function current(krId: string): unknown {
  return rows(ann, "Key Results").find((r) => r.ID === krId)?.Current;
}

/** Every History number once, from 1, in order. */
function numbered(): boolean {
  return rows(ann, "History").every((r, i) => r["#"] === i + 1);
}

describe("two check-ins at once", () => {
  test("the second waits for the first's lock; both land, numbered without gap or duplicate", () => {
    const n = history().length;
    const [was1, was2] = [current("KR-1.1"), current("KR-1.2")];
    const s = new Interleaving();
    const a = s.sidebar(ann, "checkIn", { krId: "KR-1.1", value: 2500 }).runPast("Lock.tryLock");
    const b = s.sidebar(bo, "checkIn", { krId: "KR-1.2", value: "8%" }).run();
    expect(b.status).toBe("waiting");
    s.runAll();
    s.dispose();
    expect([a.result, b.result]).toMatchObject([
      { ok: true, data: { warnings: [] } },
      { ok: true, data: { warnings: [] } },
    ]);
    expect(history().slice(n)).toEqual([
      [n + 1, "KR-1.1", was1, 2500, "ann@example.com", "sidebar"],
      [n + 2, "KR-1.2", was2, 0.08, "bo@example.com", "sidebar"],
    ]);
    expect([current("KR-1.1"), current("KR-1.2")]).toEqual([2500, 0.08]);
    expect(numbered()).toBe(true);
  });

  test("to the same key result: the second reads what the first wrote", () => {
    const n = history().length;
    const was = current("KR-1.1");
    const s = new Interleaving();
    s.sidebar(ann, "checkIn", { krId: "KR-1.1", value: 2400 }).runPast("Lock.tryLock");
    s.sidebar(bo, "checkIn", { krId: "KR-1.1", value: 2300 }).run();
    s.runAll();
    s.dispose();
    expect(history().slice(n)).toEqual([
      [n + 1, "KR-1.1", was, 2400, "ann@example.com", "sidebar"],
      [n + 2, "KR-1.1", 2400, 2300, "bo@example.com", "sidebar"],
    ]);
    expect(current("KR-1.1")).toBe(2300);
  });

  test("wherever the second starts during the first, both land and History stays sealed and numbered", () => {
    const n = history().length;
    const alone = new Interleaving();
    const calls = alone.sidebar(ann, "checkIn", { krId: "KR-1.1", value: 2900 }).run().calls;
    alone.dispose();
    let waited = 0;
    // Before the first call, right after taking the lock, between its reads and writes, right
    // before releasing it, after the last call (every point costs two live check-ins).
    const locked = calls.indexOf("Lock.tryLock") + 1;
    const released = calls.indexOf("Lock.releaseLock");
    const points = [0, locked, Math.round((locked + released) / 2), released, calls.length];
    expect(locked).toBeGreaterThan(0);
    expect(released).toBeGreaterThan(locked);
    for (const [i, k] of points.entries()) {
      const s = new Interleaving();
      const a = s.sidebar(ann, "checkIn", { krId: "KR-1.1", value: 2000 + i });
      const b = s.sidebar(bo, "checkIn", { krId: "KR-1.2", value: `${10 + i}%` });
      a.step(k);
      if (b.run().status === "waiting") waited++;
      s.runAll();
      s.dispose();
      expect([a.result, b.result]).toMatchObject([
        { ok: true, data: { warnings: [] } },
        { ok: true, data: { warnings: [] } },
      ]);
      expect([current("KR-1.1"), current("KR-1.2")]).toEqual([2000 + i, (10 + i) / 100]);
    }
    expect(history().length).toBe(n + 1 + 2 * points.length);
    expect(numbered()).toBe(true);
    expect(waited).toBe(3);
  });
});

describe("a check-in that cannot get the lock", () => {
  test("says try again and writes nothing; the holder's check-in still lands", () => {
    const n = history().length;
    const was = current("KR-1.1");
    const s = new Interleaving({ start: Date.UTC(2026, 9, 5, 9) });
    const a = s.sidebar(ann, "checkIn", { krId: "KR-1.1", value: 2500 }).runPast("Lock.tryLock");
    const before = snapshot(ann);
    const b = s.sidebar(bo, "checkIn", { krId: "KR-1.2", value: "8%" }).finish();
    expect(b.result).toMatchObject({ ok: false, message: expect.stringMatching(/Try again in a few seconds/) });
    expect(s.clock).toBe(Date.UTC(2026, 9, 5, 9) + 20_000);
    expect(snapshot(ann)).toBe(before);
    a.finish();
    s.dispose();
    expect(history().slice(n)).toEqual([[n + 1, "KR-1.1", was, 2500, "ann@example.com", "sidebar"]]);
  });
});

describe("a value typed while a check-in runs", () => {
  test("lands at once; its onEdit waits for the lock, then History records both", () => {
    const n = history().length;
    const [was1, was2] = [current("KR-1.1"), current("KR-1.2")];
    const s = new Interleaving();
    const a = s.sidebar(ann, "checkIn", { krId: "KR-1.1", value: 2600 }).runPast("Lock.tryLock");
    const typing = s.edit(bo, "'Key Results'!G3", "9%").run();
    expect([current("KR-1.2"), typing.status]).toEqual([0.09, "waiting"]);
    s.runAll();
    s.dispose();
    expect(a.result).toMatchObject({ ok: true });
    expect(history().slice(n)).toEqual([
      [n + 1, "KR-1.1", was1, 2600, "ann@example.com", "sidebar"],
      [n + 2, "KR-1.2", was2, 0.09, "", "typed in sheet"],
    ]);
    expect(numbered()).toBe(true);
  });
});
