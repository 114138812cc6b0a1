/** The organisation requisites form: its fields and client-side checks. */
import type { Organisation, OrganisationInput } from "../api/types";
import type { TextKey } from "../i18n/ru";
import { checkPastDate, checkPhone, checkRequired } from "./account-rules";
import { todayIso } from "./format";

/** Fields of the requisites form, in display order. */
export const ORGANISATION_FIELDS = [
  "registrationCertificateNumber",
  "registrationCertificateDate",
  "fullName",
  "legalAddress",
  "actualAddress",
  "taxationRegime",
  "okedCode",
  "directorFullName",
  "phone",
] as const;

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

/** The form's values for `organisation`, or empty values. */
export function organisationValues(
  organisation: Organisation | null,
): Record<OrganisationField, string> {
  const values = {} as Record<OrganisationField, string>;
  for (const field of ORGANISATION_FIELDS) {
    values[field] = organisation ? String(organisation[field] ?? "") : "";
  }
  return values;
}

/** Checks every requisite; returns the problem key per field. */
export function checkOrganisation(
  values: Record<OrganisationField, string>,
): Partial<Record<OrganisationField, TextKey | null>> {
  return {
    registrationCertificateNumber: checkRequired(
      values.registrationCertificateNumber,
    ),
    registrationCertificateDate: checkPastDate(
      values.registrationCertificateDate,
      todayIso(),
    ),
    fullName: checkRequired(values.fullName),
    legalAddress: checkRequired(values.legalAddress),
    actualAddress: checkRequired(values.actualAddress),
    taxationRegime: checkRequired(values.taxationRegime),
    okedCode: /^\d{5}$/.test(values.okedCode) ? null : "errorOked",
    directorFullName: checkRequired(values.directorFullName),
    phone: checkPhone(values.phone),
  };
}

/** The API body for the form's values, trimmed. */
export function organisationInput(
  values: Record<OrganisationField, string>,
): OrganisationInput {
  return {
    registrationCertificateNumber: values.registrationCertificateNumber.trim(),
    registrationCertificateDate: values.registrationCertificateDate,
    fullName: values.fullName.trim(),
    legalAddress: values.legalAddress.trim(),
    actualAddress: values.actualAddress.trim(),
    taxationRegime:
      values.taxationRegime as OrganisationInput["taxationRegime"],
    okedCode: values.okedCode,
    directorFullName: values.directorFullName.trim(),
    phone: values.phone.trim(),
  };
}
