/**
 * The operator's OKED classifier page: search, the "add a code" form, and
 * rename and remove per row. The client-side checks mirror the API's.
 */
import { signal } from "@preact/signals";
import { ApiError } from "../api/client";
import {
  addOked,
  removeOked,
  renameOked,
  searchOked,
  type OkedCode,
} from "../api/oked";
import { checkOkedCode, checkOkedName } from "../lib/oked-rules";
import { splitServerErrors } from "../lib/server-errors";
import { createForm, type Problem } from "./form-model";
import { createPagedList } from "./paged-list-model";

/** A row's rename in progress. */
export interface OkedRowState {
  editing: boolean;
  name: string;
  problem: Problem | null;
  error: ApiError | null;
  busy: boolean;
}

const IDLE_ROW: OkedRowState = {
  editing: false,
  name: "",
  problem: null,
  error: null,
  busy: false,
};

/** Creates the model of the OKED page. */
export function createOkedModel() {
  const search = signal("");
  const list = createPagedList((cursor) =>
    searchOked(search.value.trim(), cursor),
  );
  const addForm = createForm({ code: "", name: "" }, (values) => ({
    code: checkOkedCode(values.code),
    name: checkOkedName(values.name),
  }));
  const added = signal<OkedCode | null>(null);
  const rows = signal<Record<string, OkedRowState>>({});
  const removing = signal<OkedCode | null>(null);
  const removeError = signal<ApiError | null>(null);
  const removeBusy = signal(false);

  const row = (code: string) => rows.value[code] ?? IDLE_ROW;
  const patch = (code: string, change: Partial<OkedRowState>) => {
    rows.value = { ...rows.value, [code]: { ...row(code), ...change } };
  };
  const replace = (next: OkedCode) => {
    list.items.value = list.items.value.map((item) =>
      item.code === next.code ? next : item,
    );
  };

  /** Sends the "add a code" form and puts the new code on top of the list. */
  async function add(): Promise<void> {
    added.value = null;
    await addForm.submit(async (values) => {
      const created = await addOked({
        code: values.code.trim(),
        name: values.name.trim(),
      });
      addForm.reset({ code: "", name: "" });
      added.value = created;
      list.items.value = [
        created,
        ...list.items.value.filter((item) => item.code !== created.code),
      ];
    });
  }

  /** Opens the rename field of `item` with its current name. */
  function startRename(item: OkedCode): void {
    patch(item.code, { ...IDLE_ROW, editing: true, name: item.name });
  }

  function cancelRename(code: string): void {
    patch(code, { ...IDLE_ROW });
  }

  /** Saves the typed name, or shows under the field why it was rejected. */
  async function saveRename(code: string): Promise<void> {
    const name = row(code).name.trim();
    const key = checkOkedName(name);
    if (key) {
      patch(code, { problem: { key } });
      return;
    }

    patch(code, { busy: true, problem: null, error: null });
    try {
      replace(await renameOked(code, name));
      patch(code, { ...IDLE_ROW });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const split = splitServerErrors(error.message, ["name"] as const);
      patch(code, {
        busy: false,
        problem: split.fields.name ? { server: split.fields.name } : null,
        error: split.fields.name && split.rest === null ? null : error,
      });
    }
  }

  /** Opens the confirmation of removing `item`. */
  function askRemove(item: OkedCode): void {
    removeError.value = null;
    removing.value = item;
  }

  function cancelRemove(): void {
    removing.value = null;
  }

  /** Removes the code in the dialog. A code in use stays, and the dialog shows why. */
  async function confirmRemove(): Promise<void> {
    const item = removing.value;
    if (!item) return;

    removeBusy.value = true;
    removeError.value = null;
    try {
      await removeOked(item.code);
      list.items.value = list.items.value.filter(
        (entry) => entry.code !== item.code,
      );
      removing.value = null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      removeError.value = error;
    } finally {
      removeBusy.value = false;
    }
  }

  return {
    search,
    list,
    addForm,
    added,
    row,
    patch,
    removing,
    removeError,
    removeBusy,
    add,
    startRename,
    cancelRename,
    saveRename,
    askRemove,
    cancelRemove,
    confirmRemove,
  };
}
