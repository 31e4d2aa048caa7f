/**
 * google.script.run's rules for what crosses between the sidebar and the server:
 * parameters may be primitives, null, and objects/arrays of them (a Date, function or other
 * object makes the call fail); return values follow the same rules, and a return value that
 * holds a Date arrives as null (observed Apps Script behaviour).
 */

function kind(v: unknown): string {
  return Object.prototype.toString.call(v).slice(8, -1);
}

/** Throws when a parameter is not allowed (the failure handler would receive this). */
export function checkParameter(v: unknown, path = "parameter"): void {
  if (v === null || v === undefined) return;
  const t = typeof v;
  if (t === "string" || t === "number" || t === "boolean") return;
  if (t === "function") throw new Error(`Failed due to illegal value in property: ${path}`);
  const k = kind(v);
  if (k === "Array") return (v as unknown[]).forEach((x, i) => checkParameter(x, `${path}[${i}]`));
  if (k === "Object") return Object.entries(v as object).forEach(([key, x]) => checkParameter(x, key));
  throw new Error(`Failed due to illegal value in property: ${path}`);
}

function hasDate(v: unknown, seen = new Set<unknown>()): boolean {
  if (v === null || typeof v !== "object") return false;
  if (kind(v) === "Date") return true;
  if (seen.has(v)) return false;
  seen.add(v);
  return Object.values(v as object).some((x) => hasDate(x, seen));
}

/** A JSON-like copy: undefined in arrays becomes null, undefined/function properties vanish. */
function clone(v: unknown, seen: Set<unknown>): unknown {
  if (v === undefined || typeof v === "function") return undefined;
  if (v === null || typeof v !== "object") return typeof v === "number" && !Number.isFinite(v) ? null : v;
  if (seen.has(v)) throw new Error("Failed due to circular reference.");
  seen.add(v);
  let out: unknown;
  if (Array.isArray(v)) out = v.map((x) => clone(x, seen) ?? null);
  else {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object)) {
      const c = clone(x, seen);
      if (c !== undefined) o[k] = c;
    }
    out = o;
  }
  seen.delete(v);
  return out;
}

export function passParameter(v: unknown): unknown {
  checkParameter(v);
  return clone(v, new Set());
}

export function passReturnValue(v: unknown): unknown {
  if (hasDate(v)) return null;
  const c = clone(v, new Set());
  return c === undefined ? null : c;
}
