import { useLocation } from "preact-iso";
import { ErrorBox } from "../components/ErrorBox";
import { PasswordRules } from "../components/PasswordRules";
import { SubmitButton } from "../components/SubmitButton";
import { TextField } from "../components/TextField";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createAcceptInvitationModel } from "../models/auth-forms-model";

/** An invited person creates their user from the mailed link. */
export function InvitationAcceptPage() {
  const { query, route } = useLocation();
  const token = query.token ?? "";
  const { form, submit } = useModel(() => createAcceptInvitationModel(token));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (await submit()) route("/");
  };

  return (
    <section class="narrow">
      <h1>{t("invitationTitle")}</h1>
      {!token ? (
        <p class="error-box" role="alert">
          {t("tokenMissing")}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <TextField
            form={form}
            name="iinBin"
            label="fieldIinBin"
            inputMode="numeric"
            autocomplete="username"
          />
          <TextField form={form} name="fullName" label="fieldFullName" />
          <TextField
            form={form}
            name="password"
            label="fieldPassword"
            type="password"
            autocomplete="new-password"
          />
          <PasswordRules />
          <ErrorBox error={form.formError.value} />
          <SubmitButton label="invitationSubmit" busy={form.submitting.value} />
        </form>
      )}
    </section>
  );
}
