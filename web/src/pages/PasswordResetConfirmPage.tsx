import { useLocation } from "preact-iso";
import { ErrorBox } from "../components/ErrorBox";
import { PasswordRules } from "../components/PasswordRules";
import { SubmitButton } from "../components/SubmitButton";
import { TextField } from "../components/TextField";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createResetConfirmModel } from "../models/auth-forms-model";

/** Sets a new password with the token from the mailed link. */
export function PasswordResetConfirmPage() {
  const { query } = useLocation();
  const token = query.token ?? "";
  const { form, submit } = useModel(() => createResetConfirmModel(token));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit();
  };

  if (!token) {
    return (
      <section class="narrow">
        <h1>{t("resetConfirmTitle")}</h1>
        <p class="error-box" role="alert">
          {t("tokenMissing")}
        </p>
      </section>
    );
  }

  return (
    <section class="narrow">
      <h1>{t("resetConfirmTitle")}</h1>
      {form.succeeded.value ? (
        <p class="success" role="status">
          {t("resetDone")} <a href="/login">{t("backToLogin")}</a>
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <TextField
            form={form}
            name="password"
            label="fieldNewPassword"
            type="password"
            autocomplete="new-password"
          />
          <PasswordRules />
          <TextField
            form={form}
            name="repeatPassword"
            label="fieldRepeatPassword"
            type="password"
            autocomplete="new-password"
          />
          <ErrorBox error={form.formError.value} />
          <SubmitButton
            label="resetConfirmSubmit"
            busy={form.submitting.value}
          />
        </form>
      )}
    </section>
  );
}
