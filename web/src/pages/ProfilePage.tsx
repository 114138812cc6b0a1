import { useEffect } from "preact/hooks";
import { DataList } from "../components/DataList";
import { ErrorBox } from "../components/ErrorBox";
import { Guard } from "../components/Guard";
import { Loading } from "../components/Loading";
import { PasswordRules } from "../components/PasswordRules";
import { ORGANISATION_SECTION, SectionNav } from "../components/SectionNav";
import { SubmitButton } from "../components/SubmitButton";
import { TextField } from "../components/TextField";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createProfileModel } from "../models/organisation-model";

/** The signed-in user's own data and password change. */
export function ProfilePage() {
  return (
    <Guard kind="taxpayer">
      <SectionNav items={ORGANISATION_SECTION} />
      <ProfileView />
    </Guard>
  );
}

function ProfileView() {
  const model = useModel(createProfileModel);
  const user = model.user.data.value;
  const form = model.form;

  useEffect(() => {
    void model.user.load();
  }, []);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.save();
  };

  return (
    <section>
      <h1>{t("profileTitle")}</h1>
      {model.user.loading.value && <Loading />}
      <ErrorBox error={model.user.error.value} />
      {user && !model.editing.value && (
        <>
          <DataList
            rows={[
              { label: "fieldIinBin", value: user.iinBin },
              { label: "fieldFullName", value: user.fullName ?? "" },
              {
                label: "fieldEmail",
                value: `${user.email} (${t(
                  user.emailConfirmed
                    ? "emailIsConfirmed"
                    : "emailNotConfirmed",
                )})`,
              },
              { label: "fieldPhone", value: user.phone ?? "" },
            ]}
          />
          <button type="button" onClick={() => model.edit(user)}>
            {t("edit")}
          </button>
        </>
      )}
      {model.editing.value && (
        <form onSubmit={onSubmit} noValidate>
          <TextField form={form} name="fullName" label="fieldFullName" />
          <TextField form={form} name="email" label="fieldEmail" type="email" />
          <TextField
            form={form}
            name="phone"
            label="fieldPhone"
            type="tel"
            hint={t("phoneHint")}
          />
          <fieldset>
            <legend>{t("passwordChange")}</legend>
            <TextField
              form={form}
              name="currentPassword"
              label="fieldCurrentPassword"
              type="password"
              autocomplete="current-password"
            />
            <TextField
              form={form}
              name="newPassword"
              label="fieldNewPassword"
              type="password"
              autocomplete="new-password"
            />
            <PasswordRules />
          </fieldset>
          <ErrorBox error={form.formError.value} />
          <div class="actions">
            <SubmitButton label="save" busy={form.submitting.value} />
            <button type="button" onClick={() => (model.editing.value = false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
