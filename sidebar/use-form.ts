/**
 * A form validated with a shared zod schema: errors for touched fields as the person types (all of
 * them after a submit attempt), the server's refusals next to their fields, and the busy state.
 */
import * as z from "zod/mini";
import { useMemo, useState } from "preact/hooks";
import { fieldErrors } from "../src/core/model";
import type { ApiError } from "./bridge";
import { errorMap } from "./components/fields";
import { bannerText, useFocusOnRefusal } from "./focus";
import { useTouched } from "./touched";

export function useValidatedForm(schema: z.ZodMiniType, request: unknown, pathPrefix = "") {
  const touched = useTouched();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const { formRef, refused } = useFocusOnRefusal();
  const clientErrors = useMemo(() => {
    const result = z.safeParse(schema, request);
    return result.success
      ? {}
      : errorMap(fieldErrors(result.error).map((e) => ({ field: pathPrefix + e.field, message: e.message })));
  }, [JSON.stringify(request)]);

  return {
    errors: { ...touched.visible(clientErrors), ...serverErrors },
    message,
    busy,
    /** The form element's ref: the focus goes to its first invalid field after a refused submit. */
    formRef,
    /** The person changed these fields: validate them from now on, and forget the server's last word. */
    edited(...paths: string[]) {
      touched.touch(...paths);
      setServerErrors({});
    },
    async submit(event: Event, send: () => Promise<void>) {
      event.preventDefault();
      touched.touchAll();
      if (Object.keys(clientErrors).length) {
        setMessage("Please fix the fields marked below.");
        refused();
        return;
      }
      setBusy(true);
      setMessage("");
      try {
        await send();
      } catch (error) {
        setServerErrors(errorMap((error as ApiError).fieldErrors ?? []));
        // The request's IDs are not fields of the form: a refusal about them shows in the banner.
        setMessage(bannerText(error as ApiError, (f) => f.startsWith(pathPrefix) && !/^(id|objectiveId)$/.test(f)));
        refused();
      } finally {
        setBusy(false);
      }
    },
  };
}
