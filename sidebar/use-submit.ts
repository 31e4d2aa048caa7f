/**
 * A form's submit: busy while the server works, its refusal said once (next to the field it concerns,
 * in the banner otherwise), and the focus moved to what needs fixing.
 */
import { useState } from "preact/hooks";
import type { ApiError } from "./bridge";
import { errorMap, type ErrorMap } from "./components/fields";
import { bannerText, useFocusOnRefusal } from "./focus";

export function useSubmit() {
  const [errors, setErrors] = useState<ErrorMap>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const { formRef, refused } = useFocusOnRefusal();
  return {
    errors,
    setErrors,
    message,
    setMessage,
    busy,
    formRef,
    /** Refuse before sending: the fields' errors and the banner's message, if any. */
    refuse(fieldErrors: ErrorMap, banner = "") {
      setErrors(fieldErrors);
      setMessage(banner);
      refused();
    },
    /** Send; a refusal about a field the form `shows` goes next to it, anything else to the banner. */
    async run(send: () => Promise<void>, shows: (field: string) => boolean) {
      setMessage("");
      setErrors({});
      setBusy(true);
      try {
        await send();
      } catch (error) {
        setErrors(errorMap((error as ApiError).fieldErrors ?? []));
        setMessage(bannerText(error as ApiError, shows));
        refused();
      } finally {
        setBusy(false);
      }
    },
  };
}
