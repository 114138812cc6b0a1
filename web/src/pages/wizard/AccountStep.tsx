import { ErrorBox } from "../../components/ErrorBox";
import { PasswordRules } from "../../components/PasswordRules";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createAccountModel } from "../../models/registration-model";

/** Wizard step 1: the account of the person who talks to the OFD. */
export function AccountStep() {
  const { form, submit } = useModel(createAccountModel);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>{t("wizardStepAccount")}</h2>
      <p>{t("accountIntro")}</p>
      <TextField
        form={form}
        name="iinBin"
        label="fieldIinBin"
        inputMode="numeric"
        autocomplete="username"
        hint={t("iinBinHint")}
      />
      <TextField
        form={form}
        name="email"
        label="fieldEmail"
        type="email"
        autocomplete="email"
        hint={t("emailHint")}
      />
      <TextField
        form={form}
        name="password"
        label="fieldPassword"
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
      <SubmitButton label="next" busy={form.submitting.value} />
      <p class="links">
        <a href="/login">{t("wizardHaveAccount")}</a>
      </p>
    </form>
  );
}
