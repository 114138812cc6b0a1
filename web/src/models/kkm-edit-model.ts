/**
 * The "Edit" form of the KKM details page. It sends only the fields that
 * changed and opens a confirmation before a new KGD number, because
 * receipts print that number. The rules are in lib/kkm-edit-rules.ts.
 */
import { signal } from "@preact/signals";
import {
  fetchModels,
  fetchPointsOfSale,
  updateKkm,
  type Kkm,
} from "../api/kkms";
import { checkEdit, editValues, kkmChanges } from "../lib/kkm-edit-rules";
import { createForm } from "./form-model";
import { createResource } from "./resource-model";

/** Creates the edit form of `kkm`, which calls `onSaved` once saved. */
export function createKkmEditModel(kkm: Kkm, onSaved: () => void) {
  const initial = editValues(kkm);
  const form = createForm(initial, (values) => checkEdit(values, initial));
  const models = createResource(fetchModels);
  const pointsOfSale = createResource(fetchPointsOfSale);
  const confirmingKgd = signal(false);
  const nothingChanged = signal(false);

  /** Loads the choices of the form. */
  async function load(): Promise<void> {
    await Promise.all([models.load(), pointsOfSale.load()]);
  }

  /** Checks and sends the form, unless a new KGD number needs confirming. */
  async function submit(): Promise<void> {
    nothingChanged.value = false;
    if (!form.validate()) return;
    const changes = kkmChanges(form.values.value, initial);
    if (Object.keys(changes).length === 0) {
      nothingChanged.value = true;
      return;
    }

    if (changes.kgdNumber !== undefined) {
      confirmingKgd.value = true;
      return;
    }
    await send();
  }

  /** Sends the form after the KGD number change was confirmed. */
  async function confirmKgd(): Promise<void> {
    confirmingKgd.value = false;
    await send();
  }

  function cancelKgd(): void {
    confirmingKgd.value = false;
  }

  async function send(): Promise<void> {
    await form.submit(async (values) => {
      await updateKkm(String(kkm.id), kkmChanges(values, initial));
      onSaved();
    });
  }

  return {
    form,
    initial,
    models,
    pointsOfSale,
    confirmingKgd,
    nothingChanged,
    load,
    submit,
    confirmKgd,
    cancelKgd,
  };
}
