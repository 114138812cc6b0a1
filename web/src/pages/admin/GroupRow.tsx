import { useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import type { Group } from "../../api/types";
import { ErrorBox } from "../../components/ErrorBox";
import { RightChecks } from "../../components/RightChecks";
import { t } from "../../i18n";

/** Props of GroupRow. */
export interface GroupRowProps {
  group: Group;
  error: ApiError | null;
  onSave: (group: Group) => Promise<boolean>;
  onRemove: () => void;
}

/** One group: its name and rights, editable in place. */
export function GroupRow({ group, error, onSave, onRemove }: GroupRowProps) {
  // The draft holds unsaved edits of this row only.
  const [draft, setDraft] = useState(group);
  const inputId = `group-name-${group.id}`;

  return (
    <li class="card" data-testid={`group-${group.name}`}>
      <div class="field">
        <label for={inputId}>{t("fieldGroupName")}</label>
        <input
          id={inputId}
          value={draft.name}
          onInput={(event) =>
            setDraft({ ...draft, name: event.currentTarget.value })
          }
        />
      </div>
      <RightChecks
        selected={draft.rights}
        onChange={(rights) => setDraft({ ...draft, rights })}
        idPrefix={`group-${group.id}`}
      />
      <ErrorBox error={error} />
      <div class="actions">
        <button type="button" onClick={() => void onSave(draft)}>
          {t("save")}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (confirm(t("confirmRemoveGroup"))) onRemove();
          }}
        >
          {t("removeGroup")}
        </button>
      </div>
    </li>
  );
}
