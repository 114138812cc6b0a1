/** Shapes of the portal API's JSON bodies. */
import type { Right } from "../lib/rights";

/** A page of a list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  kind: "taxpayer" | "operator";
  /** The taxpayer's login; null for operators. */
  iinBin: string | null;
  /** The operator's login; null for taxpayers. */
  login: string | null;
  email: string;
  emailConfirmed: boolean;
  fullName: string;
  phone: string | null;
}

export type OfferStatus = "none" | "paper_pending" | "rejected" | "accepted";

export interface Registration {
  step: 2 | 3 | 4;
  offer: {
    status: OfferStatus;
    method: "paper" | "signature" | null;
    rejectReason: string | null;
  };
}

export type TaxationRegime = "general" | "simplified" | "farm" | "patent";

export interface Organisation {
  id: string;
  iinBin: string;
  registrationCertificateNumber: string;
  registrationCertificateDate: string;
  fullName: string;
  legalAddress: string;
  actualAddress: string;
  taxationRegime: TaxationRegime;
  okedCode: string;
  directorFullName: string;
  phone: string;
  status: "active" | "blocked";
  blockReason: string | null;
}

/** The organisation requisites a taxpayer enters or edits. */
export type OrganisationInput = Omit<
  Organisation,
  "id" | "iinBin" | "status" | "blockReason"
>;

export interface Me {
  user: User;
  organisation: Organisation | null;
  rights: Right[];
  csrfToken: string;
  registration: Registration | null;
}

export interface SignedIn {
  user: User;
  csrfToken: string;
}

export interface Classifiers {
  taxationRegimes: { code: TaxationRegime; name: string }[];
  oked: { code: string; name: string }[];
}

export interface Offer {
  text: string;
  version: string;
  applicationText: string;
  maxUploadBytes: number;
}

/** One changed field of an audit entry. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; kind: "taxpayer" | "operator"; name: string };
  /** A dotted verb, e.g. organisation.update. */
  action: string;
  target: { type: string; id: string };
  organisationId: string | null;
  changes: Record<string, FieldChange>;
}

export interface Group {
  id: string;
  name: string;
  rights: Right[];
  memberCount: number;
}

/** A user of the organisation with the groups they belong to. */
export interface OrganisationUser extends User {
  groups: { id: string; name: string }[];
}

/** An offer application as the operator reviews it. */
export interface Application {
  id: string;
  organisationId: string;
  organisationIinBin: string;
  organisationName: string;
  method: "paper" | "signature";
  status: Exclude<OfferStatus, "none">;
  fileName: string | null;
  contentType: string | null;
  signerSubject: string | null;
  rejectReason: string | null;
  reviewerId: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

/** An organisation in the operator's search. */
export interface OperatorOrganisation {
  id: string;
  iinBin: string;
  fullName: string;
  status: "active" | "blocked";
  blockReason: string | null;
  kkmCount: number;
  offer: Registration["offer"];
  createdAt: string;
}

export interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  /** The one action link the message carries, if any. */
  link?: string;
  createdAt: string;
}
