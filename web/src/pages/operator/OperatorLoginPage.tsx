import { useLocation } from "preact-iso";
import { ErrorBox } from "../../components/ErrorBox";
import { SubmitButton } from "../../components/SubmitButton";
import { TextField } from "../../components/TextField";
import { t } from "../../i18n";
import { pageAfterSignIn } from "../../lib/after-sign-in";
import { useModel } from "../../lib/use-model";
import { createOperatorLoginModel } from "../../models/auth-forms-model";
import { me } from "../../models/session-model";

/** Sign-in of OFD staff by login and password. */
export function OperatorLoginPage() {
  const { route, query } = useLocation();
  const { form, submit } = useModel(createOperatorLoginModel);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (await submit()) route(pageAfterSignIn(me.value, query.next));
  };

  return (
    <section class="narrow">
      <h1>{t("operatorLoginTitle")}</h1>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          form={form}
          name="login"
          label="fieldLogin"
          autocomplete="username"
        />
        <TextField
          form={form}
          name="password"
          label="fieldPassword"
          type="password"
          autocomplete="current-password"
        />
        <ErrorBox error={form.formError.value} />
        <SubmitButton label="loginSubmit" busy={form.submitting.value} />
      </form>
      <p class="links">
        <a href="/login">{t("operatorLoginTaxpayerLink")}</a>
      </p>
    </section>
  );
}
