/** Organisation data and own user data: view, edit, save. */
import { signal } from "@preact/signals";
import {
  fetchOrganisation,
  fetchOrganisationAudit,
  fetchProfile,
  saveOrganisation,
  saveProfile,
} from "../api/organisation";
import type { Organisation, User } from "../api/types";
import { checkEmail, checkPassword, checkPhone } from "../lib/account-rules";
import {
  checkOrganisation,
  organisationInput,
  organisationValues,
} from "../lib/organisation-rules";
import { createForm } from "./form-model";
import { createPagedList } from "./paged-list-model";
import { createResource } from "./resource-model";
import { loadSession } from "./session-model";

/** The organisation page: the loaded data and its edit form. */
export function createOrganisationModel() {
  const organisation = createResource(async () => {
    const loaded = await fetchOrganisation();
    return loaded.organisation;
  });
  const editing = signal(false);
  const form = createForm(organisationValues(null), checkOrganisation);

  function edit(current: Organisation): void {
    form.reset(organisationValues(current));
    editing.value = true;
  }

  async function save(): Promise<void> {
    const saved = await form.submit(async (values) => {
      const result = await saveOrganisation(organisationInput(values));
      organisation.data.value = result.organisation;
    });
    if (saved) editing.value = false;
  }

  return { organisation, editing, form, edit, save };
}

function profileValues(user: User | null) {
  return {
    fullName: user?.fullName ?? "",
    email: user?.email ?? "",
    phone: user?.phone ?? "",
    currentPassword: "",
    newPassword: "",
  };
}

/** The own user data page: the loaded user and its edit form. */
export function createProfileModel() {
  const user = createResource(async () => (await fetchProfile()).user);
  const editing = signal(false);
  const form = createForm(profileValues(null), (values) => ({
    email: checkEmail(values.email),
    phone: values.phone === "" ? null : checkPhone(values.phone),
    newPassword:
      values.newPassword === "" ? null : checkPassword(values.newPassword),
    currentPassword:
      values.newPassword !== "" && values.currentPassword === ""
        ? "errorCurrentPassword"
        : null,
  }));

  function edit(current: User): void {
    form.reset(profileValues(current));
    editing.value = true;
  }

  async function save(): Promise<void> {
    const saved = await form.submit(async (values) => {
      const changePassword = values.newPassword !== "";
      const result = await saveProfile({
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        phone: values.phone.trim(),
        ...(changePassword
          ? {
              currentPassword: values.currentPassword,
              newPassword: values.newPassword,
            }
          : {}),
      });
      user.data.value = result.user;
      await loadSession();
    });
    if (saved) editing.value = false;
  }

  return { user, editing, form, edit, save };
}

/** The organisation's audit log, page by page. */
export function createOrganisationAuditModel() {
  return createPagedList(fetchOrganisationAudit);
}
