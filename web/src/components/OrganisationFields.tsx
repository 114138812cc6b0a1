import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import type { OrganisationField } from "../lib/organisation-rules";
import { classifiers, ensureClassifiers } from "../models/classifiers-model";
import type { FormModel } from "../models/form-model";
import { ErrorBox } from "./ErrorBox";
import { SelectField } from "./SelectField";
import { TextField } from "./TextField";

/** Props of OrganisationFields. */
export interface OrganisationFieldsProps {
  form: FormModel<OrganisationField>;
}

/** The inputs of the organisation requisites, with the classifier lists. */
export function OrganisationFields({ form }: OrganisationFieldsProps) {
  useEffect(ensureClassifiers, []);
  const lists = classifiers.data.value;
  const regimes = (lists?.taxationRegimes ?? []).map((regime) => ({
    value: regime.code,
    label: t(`regime_${regime.code}`),
  }));
  const oked = (lists?.oked ?? []).map((entry) => ({
    value: entry.code,
    label: `${entry.code} ${entry.name}`,
  }));

  return (
    <>
      <ErrorBox error={classifiers.error.value} />
      <TextField
        form={form}
        name="registrationCertificateNumber"
        label="fieldCertificateNumber"
      />
      <TextField
        form={form}
        name="registrationCertificateDate"
        label="fieldCertificateDate"
        type="date"
      />
      <TextField form={form} name="fullName" label="fieldOrganisationName" />
      <TextField
        form={form}
        name="legalAddress"
        label="fieldLegalAddress"
        multiline
      />
      <TextField
        form={form}
        name="actualAddress"
        label="fieldActualAddress"
        multiline
      />
      <SelectField
        form={form}
        name="taxationRegime"
        label="fieldTaxationRegime"
        options={regimes}
      />
      <SelectField
        form={form}
        name="okedCode"
        label="fieldOked"
        options={oked}
      />
      <TextField
        form={form}
        name="directorFullName"
        label="fieldDirectorName"
      />
      <TextField
        form={form}
        name="phone"
        label="fieldPhone"
        type="tel"
        autocomplete="tel"
        hint={t("phoneHint")}
      />
    </>
  );
}
