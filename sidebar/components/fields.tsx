/** Labelled form controls with their error next to them. Every control has a visible label. */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

let nextId = 0;
/** A stable, unique id per field, tying the label, the control and its error together. */
function useId(prefix: string): string {
  const [id] = useState(() => prefix + "-" + ++nextId);
  return id;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: ComponentChildren;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
}

function Field(props: FieldProps) {
  const id = useId("f");
  const errorId = props.error ? id + "-error" : undefined;
  return (
    <div class={"field" + (props.error ? " has-error" : "")}>
      <label for={id}>{props.label}</label>
      {props.children(id, errorId)}
      {props.hint}
      {props.error && (
        <div class="error" id={errorId} role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** Focus on first render: Preact's autoFocus only works for elements present when the page loads. */
function useFocus<T extends HTMLElement>(enabled: boolean | undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, []);
  return ref;
}

export function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  placeholder?: string;
  inputMode?: "text" | "decimal";
  multiline?: boolean;
  autoFocus?: boolean;
  hint?: ComponentChildren;
  /** Values to suggest as the person types (a datalist): any other value is accepted too. */
  suggestions?: readonly string[];
}) {
  const input = useFocus<HTMLInputElement>(props.autoFocus);
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(id, describedBy) =>
        props.multiline ? (
          <textarea
            id={id}
            value={props.value}
            aria-invalid={Boolean(props.error)}
            aria-describedby={describedBy}
            placeholder={props.placeholder}
            onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
            rows={2}
          />
        ) : (
          <>
            <input
              id={id}
              ref={input}
              type="text"
              value={props.value}
              inputMode={props.inputMode ?? "text"}
              aria-invalid={Boolean(props.error)}
              aria-describedby={describedBy}
              placeholder={props.placeholder}
              list={props.suggestions?.length ? id + "-suggestions" : undefined}
              autoComplete={props.suggestions?.length ? "off" : undefined}
              onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
            />
            {props.suggestions?.length ? (
              <datalist id={id + "-suggestions"}>
                {props.suggestions.map((value) => (
                  <option key={value} value={value} />
                ))}
              </datalist>
            ) : null}
          </>
        )
      }
    </Field>
  );
}

/** A choice among options, each a [value, text] pair. */
interface ChoiceProps {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  error?: string;
}

export function SelectField(props: ChoiceProps) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) => (
        <select
          id={id}
          value={props.value}
          aria-invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
        >
          {props.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A choice shown as radio buttons, each option with its meaning; none chosen until the person picks one. */
export function RadioField(props: ChoiceProps) {
  const id = useId("r");
  const errorId = props.error ? id + "-error" : undefined;
  return (
    <fieldset class={"field radios" + (props.error ? " has-error" : "")} aria-describedby={errorId}>
      <legend>{props.label}</legend>
      {props.options.map(([value, text], i) => (
        <label key={value} class="radio">
          <input
            type="radio"
            name={id}
            value={value}
            checked={props.value === value}
            // The group's first radio is where the focus goes when the choice is missing.
            aria-invalid={i === 0 && Boolean(props.error) ? true : undefined}
            onChange={() => props.onChange(value)}
          />
          {text}
        </label>
      ))}
      {props.error && (
        <div class="error" id={errorId} role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

/** A form's own message (not tied to one field); focusable, so a refusal can take the focus there. */
export function Banner(props: { message: string }) {
  if (!props.message) return null;
  return (
    <div class="error banner" role="alert" tabIndex={-1}>
      {props.message}
    </div>
  );
}

/** Errors keyed by field path ("keyResults.0.target"), as both zod and the server report them. */
export type ErrorMap = Record<string, string>;

export function errorMap(errors: readonly { field: string; message: string }[]): ErrorMap {
  const map: ErrorMap = {};
  for (const e of errors) if (!(e.field in map)) map[e.field] = e.message;
  return map;
}
