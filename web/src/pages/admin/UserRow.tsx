import { useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import type { Group, OrganisationUser } from "../../api/types";
import { ErrorBox } from "../../components/ErrorBox";
import { GroupChecks } from "../../components/GroupChecks";
import { t } from "../../i18n";
import { toggleId } from "../../models/users-model";

/** Props of UserRow. */
export interface UserRowProps {
  user: OrganisationUser;
  groups: Group[];
  error: ApiError | null;
  onAssign: (groupIds: string[]) => void;
  onRemove: () => void;
}

/** One user with group checkboxes and a remove button. */
export function UserRow({ user, groups, error, ...actions }: UserRowProps) {
  // Unsaved checkbox choices live here until "Save groups" is pressed.
  const saved = user.groups.map((group) => group.id);
  const [selected, setSelected] = useState(saved);
  const changed =
    selected.length !== saved.length ||
    selected.some((id) => !saved.includes(id));

  return (
    <li class="card" data-testid={`user-${user.iinBin}`}>
      <p>
        <strong>{user.fullName || user.email}</strong>
      </p>
      <p class="muted">
        {t("userLine", { iinBin: user.iinBin ?? "", email: user.email })}
      </p>
      <GroupChecks
        groups={groups}
        selected={selected}
        onToggle={(id) => setSelected(toggleId(selected, id))}
        idPrefix={`user-${user.id}`}
      />
      <ErrorBox error={error} />
      <div class="actions">
        <button
          type="button"
          disabled={!changed}
          onClick={() => actions.onAssign(selected)}
        >
          {t("saveGroups")}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (confirm(t("confirmRemoveUser"))) actions.onRemove();
          }}
        >
          {t("removeUser")}
        </button>
      </div>
    </li>
  );
}
