import { useEffect } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorBox } from "../../components/ErrorBox";
import { Guard } from "../../components/Guard";
import { Loading } from "../../components/Loading";
import { MoreButton } from "../../components/MoreButton";
import { ADMIN_SECTION, SectionNav } from "../../components/SectionNav";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createUsersModel } from "../../models/users-model";
import { InviteForm } from "./InviteForm";
import { UserRow } from "./UserRow";

/** The organisation's users, their groups, and invitations. */
export function UsersPage() {
  return (
    <Guard kind="taxpayer" right="manage_users">
      <SectionNav items={ADMIN_SECTION} />
      <UsersView />
    </Guard>
  );
}

function UsersView() {
  const model = useModel(createUsersModel);
  const groups = model.groups.data.value ?? [];
  const users = model.users.items.value;

  useEffect(() => {
    void model.users.reload();
    void model.groups.load();
  }, []);

  return (
    <section>
      <h1>{t("usersTitle")}</h1>
      <ErrorBox error={model.users.error.value ?? model.groups.error.value} />
      {model.users.loaded.value && users.length === 0 && (
        <EmptyState text="usersEmpty" />
      )}
      <ul class="cards">
        {users.map((user) => (
          <UserRow
            key={user.id}
            user={user}
            groups={groups}
            error={model.rowErrors.value[user.id] ?? null}
            onAssign={(groupIds) => void model.assign(user.id, groupIds)}
            onRemove={() => void model.remove(user.id)}
          />
        ))}
      </ul>
      {model.users.loading.value && <Loading />}
      <MoreButton list={model.users} />
      <InviteForm model={model} groups={groups} />
    </section>
  );
}
