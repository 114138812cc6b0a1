import type { Group } from "../../api/types";
import { ErrorBox } from "../../components/ErrorBox";
import { GroupChecks } from "../../components/GroupChecks";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { t } from "../../i18n";
import { toggleId, type createUsersModel } from "../../models/users-model";

/** Props of InviteForm. */
export interface InviteFormProps {
  model: ReturnType<typeof createUsersModel>;
  groups: Group[];
}

/** Invites a person by e-mail into the chosen groups. */
export function InviteForm({ model, groups }: InviteFormProps) {
  const form = model.invite;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.sendInvite();
  };

  return (
    <form class="card" onSubmit={onSubmit} noValidate>
      <h2>{t("inviteTitle")}</h2>
      <TextField form={form} name="email" label="fieldEmail" type="email" />
      <fieldset>
        <legend>{t("inviteGroups")}</legend>
        <GroupChecks
          groups={groups}
          selected={model.inviteGroupIds.value}
          onToggle={(id) =>
            (model.inviteGroupIds.value = toggleId(
              model.inviteGroupIds.value,
              id,
            ))
          }
          idPrefix="invite"
        />
      </fieldset>
      <ErrorBox error={form.formError.value} />
      {form.succeeded.value && (
        <p class="success" role="status">
          {t("inviteSent")}
        </p>
      )}
      <SubmitButton label="inviteSubmit" busy={form.submitting.value} />
    </form>
  );
}
