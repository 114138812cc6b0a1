import type { Group } from "../api/types";
import { t } from "../i18n";

/** Props of GroupChecks. */
export interface GroupChecksProps {
  groups: Group[];
  selected: string[];
  onToggle: (groupId: string) => void;
  idPrefix: string;
}

/** One checkbox per group of the organisation. */
export function GroupChecks(props: GroupChecksProps) {
  if (props.groups.length === 0) {
    return <p class="muted">{t("groupsEmpty")}</p>;
  }
  return (
    <div class="checks">
      {props.groups.map((group) => {
        const id = `${props.idPrefix}-${group.id}`;
        return (
          <label key={group.id} for={id} class="check">
            <input
              id={id}
              type="checkbox"
              checked={props.selected.includes(group.id)}
              onChange={() => props.onToggle(group.id)}
            />
            {group.name}
          </label>
        );
      })}
    </div>
  );
}
