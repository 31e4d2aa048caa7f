/** The current cycle at a glance, filtered by cycle, team and owner. */
import type { ComponentChildren } from "preact";
import type { Overview as OverviewData } from "../../src/core/contract";
import { SelectField } from "./fields";
import { ObjectiveCard, type CardActions } from "./ObjectiveCard";

export interface Filter {
  cycle: string;
  team: string;
  owner: string;
  includeArchived: boolean;
}

export function Overview(props: {
  data: OverviewData;
  filter: Filter;
  onFilter: (filter: Filter) => void;
  actions: CardActions;
  onCreate: () => void;
  onCheck: () => void;
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
      {data.objectives.length === 0 ? (
        <p class="empty secondary">
          No objectives{filter.cycle ? " in " + filter.cycle : ""} yet. Create one: what is special about this quarter?
        </p>
      ) : (
        data.objectives.map((o) => <ObjectiveCard key={o.id} objective={o} actions={props.actions} />)
      )}
    </section>
  );
}
