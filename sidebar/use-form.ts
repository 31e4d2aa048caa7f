/**
 * A form validated with a shared zod schema: errors for touched fields as the person types (all of
 * them after a submit attempt), the server's refusals next to their fields, and the busy state.
 */
import * as z from "zod/mini";
import { useMemo } from "preact/hooks";
import { fieldErrors } from "../src/core/model";
import { errorMap } from "./components/fields";
import { useTouched } from "./touched";
import { useSubmit } from "./use-submit";

export function useValidatedForm(schema: z.ZodMiniType, request: unknown, pathPrefix = "") {
  const touched = useTouched();
  const form = useSubmit();
  const clientErrors = useMemo(() => {
    const result = z.safeParse(schema, request);
    return result.success
      ? {}
      : errorMap(fieldErrors(result.error).map((e) => ({ field: pathPrefix + e.field, message: e.message })));
  }, [JSON.stringify(request)]);

  return {
    errors: { ...touched.visible(clientErrors), ...form.errors },
    message: form.message,
    busy: form.busy,
    /** The form element's ref: the focus goes to its first invalid field after a refused submit. */
    formRef: form.formRef,
    /** The person changed these fields: validate them from now on, and forget the server's last word. */
    edited(...paths: string[]) {
      touched.touch(...paths);
      form.setErrors({});
    },
    submit(event: Event, send: () => Promise<void>) {
      event.preventDefault();
      touched.touchAll();
      if (Object.keys(clientErrors).length) return form.refuse({}, "Please fix the fields marked below.");
      // The request's IDs are not fields of the form: a refusal about them shows in the banner.
      return form.run(send, (f) => f.startsWith(pathPrefix) && !/^(id|objectiveId)$/.test(f));
    },
  };
}
