/** Which fields a person has edited, so validation speaks up only where they have typed (or after submit). */
import { useState } from "preact/hooks";

export function useTouched() {
  const [touched, setTouched] = useState<Set<string> | "all">(new Set());
  return {
    touch(...paths: string[]) {
      if (touched === "all") return;
      setTouched(new Set([...touched, ...paths]));
    },
    touchAll() {
      setTouched("all");
    },
    /** The errors to show now: every field's once submitted, otherwise only touched fields'. */
    visible(errors: Record<string, string>): Record<string, string> {
      if (touched === "all") return errors;
      return Object.fromEntries(Object.entries(errors).filter(([path]) => touched.has(path)));
    },
  };
}

/** The fields of `next` that differ from `previous`, as paths under a prefix. */
export function changedPaths<T extends object>(prefix: string, previous: T, next: T): string[] {
  return (Object.keys(next) as (keyof T)[]).filter((k) => next[k] !== previous[k]).map((k) => prefix + String(k));
}
