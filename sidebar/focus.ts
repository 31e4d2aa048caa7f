/** Where the keyboard focus goes after a submit, so nobody has to Tab back from the top of the page. */
import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiError } from "./bridge";

/**
 * After a refused submit: the first field marked invalid, or the form's error banner. Call
 * `refused()` when a submit is refused; the focus moves once the errors are on the page.
 */
export function useFocusOnRefusal(): { formRef: RefObject<HTMLFormElement | null>; refused: () => void } {
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (!refusals) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>(".banner");
    target?.focus();
  }, [refusals]);
  return { formRef, refused: () => setRefusals((n) => n + 1) };
}

/**
 * A refusal's banner text: none when a field of the form already says the same thing (it is said
 * once, at the field). `shown` tells which field paths the form has (not "krId", say).
 */
export function bannerText(error: ApiError, shown: (field: string) => boolean): string {
  return (error.fieldErrors ?? []).some((e) => e.message === error.message && shown(e.field)) ? "" : error.message;
}
