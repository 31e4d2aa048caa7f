import { percent } from "../format";

/** An accessible progress bar: role, value and a name screen readers announce. */
export function ProgressBar(props: { value: number | null; label: string; expected?: number | null }) {
  const now = props.value === null ? 0 : Math.round(props.value * 100);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={now}
        aria-valuetext={percent(props.value)}
      >
        <div class="progress-fill" style={{ width: now + "%" }} />
        {props.expected !== null && props.expected !== undefined && (
          <div
            class="progress-expected"
            style={{ left: Math.round(props.expected * 100) + "%" }}
            title={"Expected by now: " + percent(props.expected)}
          />
        )}
      </div>
      <span class="progress-text">{percent(props.value)}</span>
    </div>
  );
}
