import { t } from "../../i18n";
import { me } from "../../models/session-model";

/** Wizard step 4: the registration is done or waits for the operator. */
export function SuccessStep() {
  const status = me.value?.registration?.offer.status;

  return (
    <div class="success" role="status" data-testid="wizard-success">
      <h2>{t("wizardStepDone")}</h2>
      <p>
        {status === "accepted" ? t("successAccepted") : t("successPending")}
      </p>
      {me.value && !me.value.user.emailConfirmed && (
        <p>{t("successConfirmEmail", { email: me.value.user.email })}</p>
      )}
      <p>
        <a href="/" class="button">
          {t("toCabinet")}
        </a>
      </p>
    </div>
  );
}
