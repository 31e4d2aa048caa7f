/**
 * The bundle runs in its own vm realm, Apps Script's values are native to that realm: arrays
 * returned by getValues, objects from getProperties, custom-function arguments. Without this
 * bridge `values instanceof Array` would be false in the bundle (Google's own custom-function
 * samples test exactly that). Emulator objects are handed over behind proxies that convert
 * every result into the bundle's realm and unwrap arguments coming back.
 */
import * as vm from "vm";

interface Intrinsics {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

/** Sees every call the bundle makes into the emulator: `method` is "Range.getValues", `invoke` makes the call. */
export type CallInterceptor = (method: string, invoke: () => unknown) => unknown;

export class RealmBridge {
  private intrinsics: Intrinsics | undefined;
  private proxies = new WeakMap<object, object>();
  private targets = new WeakMap<object, object>();
  private names = new WeakMap<object, string>();
  /** Set while a scheduled execution runs (dev/harness/interleave.ts). */
  intercept: CallInterceptor | undefined;

  /** Points the bridge at the realm of the execution about to run. */
  use(context: vm.Context): void {
    this.intrinsics = vm.runInContext("({ Array: Array, Object: Object })", context) as Intrinsics;
  }

  /** A value as the bundle should see it. */
  toBundle(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    if (value instanceof Date) return value;
    const realm = this.intrinsics;
    if (Array.isArray(value)) {
      if (!realm) return value;
      const out = new realm.Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.toBundle(value[i]);
      return out;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      if (!realm) return value;
      const out = new realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.toBundle(v);
      return out;
    }
    return this.wrap(value);
  }

  /** An emulator object behind a proxy that bridges its results; `name` labels a service object's calls. */
  wrap<T extends object>(target: T, name?: string): T {
    if (this.targets.has(target)) return target;
    if (name) this.names.set(target, name);
    let proxy = this.proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get: (t, key) => {
          const v = Reflect.get(t, key, t);
          if (typeof v !== "function") return typeof key === "symbol" ? v : this.toBundle(v);
          return (...args: unknown[]) => {
            const invoke = () =>
              v.apply(
                t,
                args.map((a) => this.fromBundle(a)),
              );
            const method = `${this.names.get(t) ?? t.constructor.name}.${String(key)}`;
            return this.toBundle(this.intercept ? this.intercept(method, invoke) : invoke());
          };
        },
      });
      this.proxies.set(target, proxy);
      this.targets.set(proxy, target);
    }
    return proxy as T;
  }

  /** Arguments coming back: our proxies become the emulator's objects again (also inside arrays). */
  fromBundle(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const target = this.targets.get(value);
    if (target) return target;
    if (Array.isArray(value) && this.holdsProxy(value, 2)) return value.map((v) => this.fromBundle(v));
    return value;
  }

  private holdsProxy(value: unknown[], depth: number): boolean {
    return value.some(
      (v) =>
        v !== null &&
        typeof v === "object" &&
        (this.targets.has(v) || (depth > 1 && Array.isArray(v) && this.holdsProxy(v, depth - 1))),
    );
  }
}
