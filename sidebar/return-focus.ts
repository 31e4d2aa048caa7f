/**
 * When a form closes, the overview comes back where the person left it (scroll position) with the
 * focus on what they were working on: the button that opened the form, or what the form made.
 */
import { useEffect, useRef, useState } from "preact/hooks";

/** Selectors of the overview's focus targets (IDs like O-1 and KR-1.2 are safe inside quotes). */
export const at = {
  objective: (id: string) => 'article[data-objective-id="' + id + '"]',
  objectiveAction: (id: string, action: string) =>
    'article[data-objective-id="' + id + '"] > .card-actions [data-action="' + action + '"]',
  krAction: (id: string, action: string) => 'li[data-kr-id="' + id + '"] [data-action="' + action + '"]',
  toolbar: (action: string) => '.toolbar [data-action="' + action + '"]',
  cycleAction: (view: string) =>
    '.cycle-bar [data-action="' + view.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()) + '"]',
};

interface Return {
  focus: string;
  /** Where the focus goes if `focus` is still missing once the overview has reloaded. */
  fallback: string | null;
  /** The overview's content when the form closed: another one means it has reloaded. */
  stale: unknown;
  /** Look for `focus` only once the overview has reloaded (it may be there now and gone then). */
  afterReload: boolean;
  scroll: number;
  scrolled: boolean;
}

/** `showing`: the overview is on screen; `content`: its data (a new object after each reload). */
export function useReturnFocus(showing: boolean, content: unknown) {
  const [back, setBack] = useState<Return | null>(null);
  const contentRef = useRef(content);
  contentRef.current = content;
  useEffect(() => {
    if (!showing || !back) return;
    if (!back.scrolled) {
      window.scrollTo(0, back.scroll);
      back.scrolled = true;
    }
    const reloaded = content !== back.stale;
    if (back.afterReload && !reloaded) return;
    // A new objective's card appears only once the overview has reloaded: wait for it until then.
    const target = document.querySelector<HTMLElement>(back.focus);
    const fallback = back.fallback && reloaded ? document.querySelector<HTMLElement>(back.fallback) : null;
    if (target || fallback) {
      (target ?? fallback)!.focus();
      setBack(null);
    }
  }, [showing, back, content]);
  return {
    /** A form opens from `opener`. */
    leave(opener: string) {
      setBack({
        focus: opener,
        fallback: null,
        stale: null,
        afterReload: false,
        scroll: window.scrollY,
        scrolled: false,
      });
    },
    /**
     * The form closes; `target` is what it made or changed, if the focus should go there instead
     * (with `afterReload`, only if it is still there once the overview has reloaded).
     */
    arrive(target?: string, afterReload = false) {
      setBack((b) =>
        b && target ? { ...b, focus: target, fallback: b.focus, stale: contentRef.current, afterReload } : b,
      );
    },
  };
}
