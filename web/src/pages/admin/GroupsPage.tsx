import { useEffect } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { RightChecks } from "../../components/RightChecks";
import { ADMIN_SECTION, SectionNav } from "../../components/SectionNav";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createGroupsModel } from "../../models/users-model";
import { GroupRow } from "./GroupRow";

/** Groups of users and the rights each group gives. */
export function GroupsPage() {
  return (
    <Guard kind="taxpayer" right="manage_users">
      <SectionNav items={ADMIN_SECTION} />
      <GroupsView />
    </Guard>
  );
}

function GroupsView() {
  const model = useModel(createGroupsModel);
  const groups = model.groups.data.value;

  useEffect(() => {
    void model.groups.load();
  }, []);

  const onCreate = (event: Event) => {
    event.preventDefault();
    void model.add();
  };

  return (
    <section>
      <h1>{t("groupsTitle")}</h1>
      {model.groups.loading.value && <Loading />}
      <ErrorBox error={model.groups.error.value} />
      {groups && groups.length === 0 && <EmptyState text="groupsEmpty" />}
      <ul class="cards">
        {(groups ?? []).map((group) => (
          <GroupRow
            key={group.id}
            group={group}
            error={model.rowErrors.value[group.id] ?? null}
            onSave={model.save}
            onRemove={() => void model.remove(group.id)}
          />
        ))}
      </ul>
      <form class="card" onSubmit={onCreate} noValidate>
        <h2>{t("groupCreateTitle")}</h2>
        <TextField form={model.create} name="name" label="fieldGroupName" />
        <RightChecks
          selected={model.createRights.value}
          onChange={(rights) => (model.createRights.value = rights)}
          idPrefix="new-group"
        />
        <ErrorBox error={model.create.formError.value} />
        <SubmitButton
          label="groupCreate"
          busy={model.create.submitting.value}
        />
      </form>
    </section>
  );
}
