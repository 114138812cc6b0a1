/** The signed-in caller: loaded from /api/auth/me, changed by sign-in. */
import { computed, signal } from "@preact/signals";
import * as auth from "../api/auth";
import { ApiError, setCsrfToken } from "../api/client";
import type { Me } from "../api/types";
import type { Right } from "../lib/rights";

/** The caller, or null when no one is signed in. */
export const me = signal<Me | null>(null);

/** False until the first /me request has succeeded or failed. */
export const sessionLoaded = signal(false);

/** Set when /me failed for a reason other than "not signed in". */
export const sessionError = signal<ApiError | null>(null);

/** The caller is a taxpayer whose offer contract is not accepted yet. */
export const offerPending = computed(() => {
  const current = me.value;
  if (!current || current.user.kind !== "taxpayer") return false;
  return current.registration?.offer.status !== "accepted";
});

/** The wizard step a taxpayer resumes at, or null for a finished wizard. */
export const resumeStep = computed<2 | 3 | 4 | null>(() => {
  const registration = me.value?.registration;
  if (!registration || me.value?.user.kind !== "taxpayer") return null;
  if (registration.offer.status === "accepted") return null;
  return registration.step;
});

/** Tells whether the signed-in user has `right`. */
export function hasRight(right: Right): boolean {
  return me.value?.rights.includes(right) ?? false;
}

/** Reloads the caller; a 401 means no one is signed in. */
export async function loadSession(): Promise<void> {
  try {
    const loaded = await auth.fetchMe();
    setCsrfToken(loaded.csrfToken);
    me.value = loaded;
    sessionError.value = null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    me.value = null;
    setCsrfToken(null);
    sessionError.value = error.code === "UNAUTHORIZED" ? null : error;
  } finally {
    sessionLoaded.value = true;
  }
}

/** Signs in a taxpayer's user and loads the session. */
export async function signIn(iinBin: string, password: string): Promise<void> {
  const signed = await auth.login(iinBin, password);
  setCsrfToken(signed.csrfToken);
  await loadSession();
}

/** Signs in an operator and loads the session. */
export async function signInOperator(
  login: string,
  password: string,
): Promise<void> {
  const signed = await auth.operatorLogin(login, password);
  setCsrfToken(signed.csrfToken);
  await loadSession();
}

/** Stores the token of a session another call opened, then loads it. */
export async function adoptSession(csrfToken: string): Promise<void> {
  setCsrfToken(csrfToken);
  await loadSession();
}

/** Ends the session; the caller is forgotten even if the call fails. */
export async function signOut(): Promise<void> {
  try {
    await auth.logout();
  } finally {
    me.value = null;
    setCsrfToken(null);
  }
}
