import { ErrorBox } from "../components/ErrorBox";
import { SubmitButton } from "../components/SubmitButton";
import { TextField } from "../components/TextField";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createResetRequestModel } from "../models/auth-forms-model";

/** Asks for a password reset link by IIN/BIN. */
export function PasswordResetRequestPage() {
  const { form, submit } = useModel(createResetRequestModel);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit();
  };

  return (
    <section class="narrow">
      <h1>{t("resetTitle")}</h1>
      {form.succeeded.value ? (
        <p class="success" role="status">
          {t("resetRequested")}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p>{t("resetIntro")}</p>
          <TextField
            form={form}
            name="iinBin"
            label="fieldIinBin"
            inputMode="numeric"
            autocomplete="username"
          />
          <ErrorBox error={form.formError.value} />
          <SubmitButton label="resetSubmit" busy={form.submitting.value} />
        </form>
      )}
      <p class="links">
        <a href="/login">{t("backToLogin")}</a>
      </p>
    </section>
  );
}
