/** The API shapes of users and organisations, built from their rows. */
import type { organisations } from "../../db/schema";
import type { organisationProfiles, users } from "../../db/schema-accounts";

/** A user as `/api/auth/me`, `/api/me` and `/api/users` return it. */
export interface UserView {
  id: string;
  kind: "taxpayer" | "operator";
  iinBin: string | null;
  login: string | null;
  email: string;
  emailConfirmed: boolean;
  fullName: string;
  phone: string | null;
}

/** Builds the view of a user row. */
export function userView(user: typeof users.$inferSelect): UserView {
  return {
    id: user.id,
    kind: user.kind,
    iinBin: user.iinBin,
    login: user.login,
    email: user.email,
    emailConfirmed: user.emailConfirmed,
    fullName: user.fullName,
    phone: user.phone,
  };
}

/** An organisation's requisites as the portal shows and edits them. */
export interface OrganisationView {
  id: string;
  iinBin: string;
  fullName: string;
  registrationCertificateNumber: string;
  registrationCertificateDate: string;
  legalAddress: string;
  actualAddress: string;
  taxationRegime: string;
  okedCode: string;
  directorFullName: string;
  phone: string;
  status: "active" | "blocked";
  blockReason: string | null;
}

/**
 * Builds the view of an organisation; null until registration step 2
 * stored its requisites.
 */
export function organisationView(
  organisation: typeof organisations.$inferSelect,
  profile: typeof organisationProfiles.$inferSelect | null | undefined,
): OrganisationView | null {
  if (!profile) return null;
  return {
    id: organisation.id,
    iinBin: organisation.iinBin,
    fullName: organisation.title,
    registrationCertificateNumber: profile.registrationCertificateNumber,
    registrationCertificateDate: profile.registrationCertificateDate,
    legalAddress: organisation.legalAddress,
    actualAddress: profile.actualAddress,
    taxationRegime: organisation.taxationRegime,
    okedCode: organisation.okved ?? "",
    directorFullName: profile.directorFullName,
    phone: profile.phone,
    status: organisation.status,
    blockReason: organisation.blockReason,
  };
}
