import { Loading } from "../components/Loading";
import { t } from "../i18n";
import { wizardStep } from "../models/registration-model";
import { me, sessionLoaded } from "../models/session-model";
import { AccountStep } from "./wizard/AccountStep";
import { OfferStep } from "./wizard/OfferStep";
import { RequisitesStep } from "./wizard/RequisitesStep";
import { SuccessStep } from "./wizard/SuccessStep";
import { WizardSteps } from "./wizard/WizardSteps";

/** The four-step registration wizard; a signed-in user resumes their step. */
export function RegisterPage() {
  if (!sessionLoaded.value) return <Loading />;
  const operator = me.value?.user.kind === "operator";
  const step = wizardStep.value;

  return (
    <section class="wizard">
      <h1>{t("registerTitle")}</h1>
      {operator ? (
        <p>{t("taxpayerOnly")}</p>
      ) : (
        <>
          <WizardSteps current={step} />
          {step === 1 && <AccountStep />}
          {step === 2 && <RequisitesStep />}
          {step === 3 && <OfferStep />}
          {step === 4 && <SuccessStep />}
        </>
      )}
    </section>
  );
}
