/** Organisation data, own user data and the organisation's audit log. */
import { query, request } from "./client";
import type {
  AuditEntry,
  Organisation,
  OrganisationInput,
  Page,
  User,
} from "./types";

/** Loads the caller's organisation. */
export function fetchOrganisation(): Promise<{ organisation: Organisation }> {
  return request("GET", "/api/organisation");
}

/** Saves the organisation data (needs manage_users). */
export function saveOrganisation(
  input: OrganisationInput,
): Promise<{ organisation: Organisation }> {
  return request("PUT", "/api/organisation", input);
}

/** Own user data as the profile form edits it. */
export interface ProfileInput {
  fullName: string;
  email: string;
  phone: string;
  currentPassword?: string;
  newPassword?: string;
}

/** Loads the caller's own user data. */
export function fetchProfile(): Promise<{ user: User }> {
  return request("GET", "/api/me");
}

/** Saves own user data; a password change needs the current password. */
export function saveProfile(input: ProfileInput): Promise<{ user: User }> {
  return request("PUT", "/api/me", input);
}

/** Loads one page of the organisation's audit log, newest first. */
export function fetchOrganisationAudit(
  cursor: string | null,
): Promise<Page<AuditEntry>> {
  return request("GET", `/api/organisation/audit${query({ cursor })}`);
}
