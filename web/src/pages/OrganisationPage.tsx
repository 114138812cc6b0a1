import { useEffect } from "preact/hooks";
import type { Organisation } from "../api/types";
import { DataList } from "../components/DataList";
import { ErrorBox } from "../components/ErrorBox";
import { Guard } from "../components/Guard";
import { Loading } from "../components/Loading";
import { OrganisationFields } from "../components/OrganisationFields";
import { ORGANISATION_SECTION, SectionNav } from "../components/SectionNav";
import { SubmitButton } from "../components/SubmitButton";
import { t } from "../i18n";
import { useModel } from "../lib/use-model";
import { createOrganisationModel } from "../models/organisation-model";
import { hasRight } from "../models/session-model";

/** The organisation's requisites; users with manage_users may edit them. */
export function OrganisationPage() {
  return (
    <Guard kind="taxpayer">
      <SectionNav items={ORGANISATION_SECTION} />
      <OrganisationView />
    </Guard>
  );
}

function OrganisationView() {
  const model = useModel(createOrganisationModel);
  const organisation = model.organisation.data.value;

  useEffect(() => {
    void model.organisation.load();
  }, []);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.save();
  };

  return (
    <section>
      <h1>{t("organisationTitle")}</h1>
      {model.organisation.loading.value && <Loading />}
      <ErrorBox error={model.organisation.error.value} />
      {organisation && !model.editing.value && (
        <>
          <OrganisationData organisation={organisation} />
          {hasRight("manage_users") && (
            <button type="button" onClick={() => model.edit(organisation)}>
              {t("edit")}
            </button>
          )}
        </>
      )}
      {model.editing.value && (
        <form onSubmit={onSubmit} noValidate>
          <OrganisationFields form={model.form} />
          <ErrorBox error={model.form.formError.value} />
          <div class="actions">
            <SubmitButton label="save" busy={model.form.submitting.value} />
            <button type="button" onClick={() => (model.editing.value = false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function OrganisationData({ organisation }: { organisation: Organisation }) {
  return (
    <DataList
      rows={[
        { label: "fieldIinBin", value: organisation.iinBin },
        { label: "fieldOrganisationName", value: organisation.fullName },
        {
          label: "fieldCertificateNumber",
          value: organisation.registrationCertificateNumber,
        },
        {
          label: "fieldCertificateDate",
          value: organisation.registrationCertificateDate,
        },
        { label: "fieldLegalAddress", value: organisation.legalAddress },
        { label: "fieldActualAddress", value: organisation.actualAddress },
        {
          label: "fieldTaxationRegime",
          value: t(`regime_${organisation.taxationRegime}`),
        },
        { label: "fieldOked", value: organisation.okedCode },
        { label: "fieldDirectorName", value: organisation.directorFullName },
        { label: "fieldPhone", value: organisation.phone },
      ]}
    />
  );
}
