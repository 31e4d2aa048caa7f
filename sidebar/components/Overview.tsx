/** The current cycle at a glance, filtered by cycle, team and owner. */
import { Fragment, type ComponentChildren } from "preact";
import type { KeyResultView, ObjectiveView, Overview as OverviewData } from "../../src/core/contract";
import { NeedsUpdate } from "./NeedsUpdate";
import { SelectField } from "./fields";
import { ObjectiveCard, type CardActions } from "./ObjectiveCard";

export interface Filter {
  cycle: string;
  team: string;
  owner: string;
  includeArchived: boolean;
}

/**
 * Objectives with the ones serving them nested below, as far as both are shown (a filter may hide a
 * parent: its children then stand at the top, naming it). Each objective appears once, loops too.
 */
function ObjectiveTree(props: { objectives: ObjectiveView[]; actions: CardActions }) {
  const shown = new Set(props.objectives.map((o) => o.id));
  const children = new Map<string, ObjectiveView[]>();
  for (const o of props.objectives)
    if (o.parent && o.parent !== o.id && shown.has(o.parent))
      children.set(o.parent, [...(children.get(o.parent) ?? []), o]);
  const placed = new Set<string>();
  const branch = (o: ObjectiveView, under?: ObjectiveView): preact.JSX.Element => {
    placed.add(o.id);
    const below = (children.get(o.id) ?? []).filter((child) => !placed.has(child.id));
    below.forEach((child) => placed.add(child.id));
    return (
      <Fragment key={o.id}>
        <ObjectiveCard objective={o} actions={props.actions} under={under} />
        {below.length > 0 && (
          <div class="aligned" role="group" aria-label={"Objectives serving " + o.id}>
            {below.map((child) => branch(child, o))}
          </div>
        )}
      </Fragment>
    );
  };
  const tops = props.objectives.filter((o) => !o.parent || !shown.has(o.parent) || o.parent === o.id);
  const tree = tops.map((o) => branch(o));
  // What a loop of parents typed into the sheet left out.
  for (const o of props.objectives) if (!placed.has(o.id)) tree.push(branch(o));
  return <>{tree}</>;
}

export function Overview(props: {
  data: OverviewData;
  filter: Filter;
  onFilter: (filter: Filter) => void;
  actions: CardActions;
  onCreate: () => void;
  onCheck: () => void;
  /** Check in a key result from the Needs an update list. */
  onDueCheckIn: (kr: KeyResultView) => void;
  /** Asks for the next page of objectives. */
  onMore: () => void;
  /** The shown cycle's own actions (close, next cycle), under the filters. */
  cycleBar?: ComponentChildren;
}) {
  const { data, filter } = props;
  const any = (label: string, values: string[]) => [["", label] as const, ...values.map((v) => [v, v] as const)];
  return (
    <section aria-label="Overview">
      <div class="toolbar">
        <button type="button" class="action" data-action="new-objective" onClick={props.onCreate}>
          New objective
        </button>
        <button type="button" data-action="check-okrs" onClick={props.onCheck}>
          Check OKRs
        </button>
      </div>
      <div class="filters">
        <SelectField
          label="Cycle"
          value={filter.cycle}
          options={any(
            "All cycles",
            data.cycles.map((c) => c.id),
          )}
          onChange={(cycle) => props.onFilter({ ...filter, cycle })}
        />
        <SelectField
          label="Team"
          value={filter.team}
          options={any("All teams", data.teams)}
          onChange={(team) => props.onFilter({ ...filter, team })}
        />
        <SelectField
          label="Owner"
          value={filter.owner}
          options={any("Everyone", data.owners)}
          onChange={(owner) => props.onFilter({ ...filter, owner })}
        />
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={filter.includeArchived}
          onChange={(e) => props.onFilter({ ...filter, includeArchived: (e.target as HTMLInputElement).checked })}
        />
        Show archived
      </label>
      {props.cycleBar}
      {data.problems.length > 0 && (
        <div class="warning" role="alert">
          Some rows couldn't be read: {data.problems.slice(0, 3).join(" ")}
        </div>
      )}
      {(!filter.cycle || filter.cycle === data.currentCycle) && (
        <NeedsUpdate due={data.needsUpdate} onCheckIn={props.onDueCheckIn} />
      )}
      {data.objectives.length === 0 ? (
        <p class="empty secondary">
          No objectives{filter.cycle ? " in " + filter.cycle : ""} yet. Create one: what is special about this quarter?
        </p>
      ) : (
        <ObjectiveTree objectives={data.objectives} actions={props.actions} />
      )}
      {data.total > data.objectives.length && (
        <button type="button" class="more" data-action="show-more" onClick={props.onMore}>
          Show more ({data.objectives.length} of {data.total} objectives shown)
        </button>
      )}
    </section>
  );
}
