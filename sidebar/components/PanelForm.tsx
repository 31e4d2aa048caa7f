/** The frame every sidebar form shares: Escape cancels, the refusal banner, the submit and Cancel buttons. */
import type { ComponentChildren, RefObject } from "preact";
import { Banner } from "./fields";

export function PanelForm(props: {
  label: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  message: string;
  busy: boolean;
  submitLabel: ComponentChildren;
  /** The submit button is also off while this holds (data still loading, say). */
  notReady?: boolean;
  /** Shown after the buttons (a key result's recent history, say). */
  after?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <form
      class="panel"
      ref={props.formRef}
      onSubmit={props.onSubmit}
      onKeyDown={(e) => e.key === "Escape" && props.onCancel()}
      noValidate
      aria-label={props.label}
    >
      {props.children}
      <Banner message={props.message} />
      <div class="actions">
        <button type="submit" class="action" disabled={props.busy || props.notReady}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      </div>
      {props.after}
    </form>
  );
}
