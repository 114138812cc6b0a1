/**
 * Token reset and deregistration of a KKM. Each asks for confirmation
 * first; a reset shows the new token once, as activation does.
 */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import { deregisterKkm, resetToken } from "../api/kkms";
import type { TextKey } from "../i18n";

/** The dialog open on the page, if any. */
export type KkmDialog = "token" | "deregister" | null;

/** Creates the actions model of KKM `id`; `onChanged` reloads the page. */
export function createKkmActionsModel(id: string, onChanged: () => void) {
  const dialog = signal<KkmDialog>(null);
  const busy = signal(false);
  const error = signal<ApiError | null>(null);
  const newToken = signal<number | null>(null);
  const reason = signal("");
  const reasonProblem = signal<TextKey | null>(null);

  function open(which: Exclude<KkmDialog, null>): void {
    error.value = null;
    reasonProblem.value = null;
    reason.value = "";
    dialog.value = which;
  }

  function close(): void {
    dialog.value = null;
  }

  async function run(action: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      await action();
      dialog.value = null;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
    } finally {
      busy.value = false;
    }
  }

  /** Issues a new token; the page shows it until the user hides it. */
  function confirmReset(): Promise<void> {
    return run(async () => {
      newToken.value = (await resetToken(id)).token;
    });
  }

  /** Deregisters the KKM with the typed reason. */
  function confirmDeregister(): Promise<void> {
    if (reason.value.trim() === "") {
      reasonProblem.value = "kkmErrorReason";
      return Promise.resolve();
    }
    return run(async () => {
      await deregisterKkm(id, reason.value.trim());
      onChanged();
    });
  }

  /** Hides the shown token; it cannot be read again. */
  function hideToken(): void {
    newToken.value = null;
  }

  return {
    dialog,
    busy,
    error,
    newToken,
    reason,
    reasonProblem,
    open,
    close,
    confirmReset,
    confirmDeregister,
    hideToken,
  };
}
