/** Users, invitations and groups of the caller's organisation. */
import { query, request } from "./client";
import type { Group, OrganisationUser, Page, SignedIn } from "./types";
import type { Right } from "../lib/rights";

/** Loads one page of the organisation's users. */
export function fetchUsers(
  cursor: string | null,
): Promise<Page<OrganisationUser>> {
  return request("GET", `/api/users${query({ cursor, limit: 100 })}`);
}

/** Mails an invitation link that adds a user in the given groups. */
export function inviteUser(
  email: string,
  groupIds: string[],
): Promise<unknown> {
  return request("POST", "/api/users/invitations", { email, groupIds });
}

/** Fields of the invitation acceptance form. */
export interface AcceptInvitationInput {
  token: string;
  iinBin: string;
  fullName: string;
  password: string;
}

/** Creates the invited user and signs in. */
export function acceptInvitation(
  input: AcceptInvitationInput,
): Promise<SignedIn> {
  return request("POST", "/api/invitations/accept", input);
}

/** Replaces the groups of a user. */
export function setUserGroups(
  id: string,
  groupIds: string[],
): Promise<{ user: OrganisationUser }> {
  return request("PUT", `/api/users/${encodeURIComponent(id)}/groups`, {
    groupIds,
  });
}

/** Removes a user from the organisation. */
export function deleteUser(id: string): Promise<void> {
  return request("DELETE", `/api/users/${encodeURIComponent(id)}`);
}

/** Loads the organisation's groups. */
export function fetchGroups(): Promise<Page<Group>> {
  return request("GET", `/api/groups${query({ limit: 100 })}`);
}

/** A group's name and rights as the form edits them. */
export interface GroupInput {
  name: string;
  rights: Right[];
}

/** Creates a group. */
export function createGroup(input: GroupInput): Promise<{ group: Group }> {
  return request("POST", "/api/groups", input);
}

/** Renames a group or changes its rights. */
export function updateGroup(
  id: string,
  input: GroupInput,
): Promise<{ group: Group }> {
  return request("PUT", `/api/groups/${encodeURIComponent(id)}`, input);
}

/** Deletes a group. */
export function deleteGroup(id: string): Promise<void> {
  return request("DELETE", `/api/groups/${encodeURIComponent(id)}`);
}
