import { ErrorBox } from "../../components/ErrorBox";
import { OrganisationFields } from "../../components/OrganisationFields";
import { SubmitButton } from "../../components/SubmitButton";
import { t } from "../../i18n";
import { useModel } from "../../lib/use-model";
import { createRequisitesModel } from "../../models/registration-model";

/** Wizard step 2: the organisation requisites. */
export function RequisitesStep() {
  const { form, submit } = useModel(createRequisitesModel);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>{t("wizardStepOrganisation")}</h2>
      <OrganisationFields form={form} />
      <ErrorBox error={form.formError.value} />
      <SubmitButton label="next" busy={form.submitting.value} />
    </form>
  );
}
