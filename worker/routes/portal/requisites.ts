/** The request schema of organisation requisites (wizard step 2 and edits). */
import { z } from "@hono/zod-openapi";
import {
  okedField,
  pastDateField,
  phoneField,
  taxationRegimeField,
  textField,
} from "./fields";

export const RequisitesSchema = z
  .object({
    registrationCertificateNumber: textField(50),
    registrationCertificateDate: pastDateField,
    fullName: textField(300),
    legalAddress: textField(300),
    actualAddress: textField(300),
    taxationRegime: taxationRegimeField,
    okedCode: okedField,
    directorFullName: textField(200),
    phone: phoneField,
  })
  .openapi("Requisites");
