/** Users, invitations and groups of the organisation. */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import type { Group } from "../api/types";
import {
  createGroup,
  deleteGroup,
  deleteUser,
  fetchGroups,
  fetchUsers,
  inviteUser,
  setUserGroups,
  updateGroup,
} from "../api/users";
import { checkEmail, checkRequired } from "../lib/account-rules";
import type { Right } from "../lib/rights";
import { createForm } from "./form-model";
import { createPagedList } from "./paged-list-model";
import { createResource } from "./resource-model";
import { loadSession } from "./session-model";

/** Adds or removes `id` in a list of ids. */
export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id];
}

/** Runs a row action, storing its error under the row's id. */
async function guarded(
  errors: { value: Record<string, ApiError> },
  id: string,
  action: () => Promise<void>,
): Promise<boolean> {
  const rest = { ...errors.value };
  delete rest[id];
  errors.value = rest;
  try {
    await action();
    return true;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    errors.value = { ...errors.value, [id]: error };
    return false;
  }
}

/** The users page: the list, group assignment and the invitation form. */
export function createUsersModel() {
  const users = createPagedList(fetchUsers);
  const groups = createResource(async () => (await fetchGroups()).items);
  const rowErrors = signal<Record<string, ApiError>>({});
  const invite = createForm({ email: "" }, (values) => ({
    email: checkEmail(values.email),
  }));
  const inviteGroupIds = signal<string[]>([]);

  async function sendInvite(): Promise<void> {
    const sent = await invite.submit(async (values) => {
      await inviteUser(values.email.trim(), inviteGroupIds.value);
    });
    if (sent) {
      invite.reset({ email: "" });
      invite.succeeded.value = true;
      inviteGroupIds.value = [];
    }
  }

  async function assign(userId: string, groupIds: string[]): Promise<void> {
    const done = await guarded(rowErrors, userId, async () => {
      const result = await setUserGroups(userId, groupIds);
      users.items.value = users.items.value.map((user) =>
        user.id === userId ? result.user : user,
      );
    });
    if (done) await loadSession();
  }

  async function remove(userId: string): Promise<void> {
    const done = await guarded(rowErrors, userId, () => deleteUser(userId));
    if (done) {
      users.items.value = users.items.value.filter(
        (user) => user.id !== userId,
      );
    }
  }

  return {
    users,
    groups,
    rowErrors,
    invite,
    inviteGroupIds,
    sendInvite,
    assign,
    remove,
  };
}

/** The groups page: the list, edits and the new group form. */
export function createGroupsModel() {
  const groups = createResource(async () => (await fetchGroups()).items);
  const rowErrors = signal<Record<string, ApiError>>({});
  const create = createForm({ name: "" }, (values) => ({
    name: checkRequired(values.name),
  }));
  const createRights = signal<Right[]>([]);

  async function add(): Promise<void> {
    const added = await create.submit(async (values) => {
      const result = await createGroup({
        name: values.name.trim(),
        rights: createRights.value,
      });
      groups.data.value = [...(groups.data.value ?? []), result.group];
    });
    if (added) {
      create.reset({ name: "" });
      createRights.value = [];
    }
  }

  async function save(group: Group): Promise<boolean> {
    const done = await guarded(rowErrors, group.id, async () => {
      const result = await updateGroup(group.id, {
        name: group.name.trim(),
        rights: group.rights,
      });
      groups.data.value = (groups.data.value ?? []).map((other) =>
        other.id === group.id ? result.group : other,
      );
    });
    if (done) await loadSession();
    return done;
  }

  async function remove(id: string): Promise<void> {
    await guarded(rowErrors, id, async () => {
      await deleteGroup(id);
      groups.data.value = (groups.data.value ?? []).filter(
        (group) => group.id !== id,
      );
    });
  }

  return { groups, rowErrors, create, createRights, add, save, remove };
}
