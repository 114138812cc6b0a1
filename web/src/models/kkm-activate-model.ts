/**
 * The "Activate KKM" form: the approved models and points of sale it offers,
 * its checks, and the issued system id and token, which the page shows once.
 */
import { signal } from "@preact/signals";
import {
  activateKkm,
  fetchModels,
  fetchPointsOfSale,
  type ActivateKkmInput,
  type ActivatedKkm,
  type ConnectionMethod,
  type DeviceType,
  type FiledBy,
} from "../api/kkms";
import type { TextKey } from "../i18n";
import { createForm } from "./form-model";
import { createResource } from "./resource-model";

/** The point of sale choice that opens the new point of sale fields. */
export const NEW_POINT_OF_SALE = "new";

/** Fields of the activation form. */
export type ActivateField =
  | "kgdNumber"
  | "serialNumber"
  | "modelId"
  | "internalName"
  | "pointOfSaleId"
  | "posTitle"
  | "posCity"
  | "posAddress"
  | "timeZone"
  | "deviceType"
  | "connectionMethod"
  | "operatingSystem"
  | "filedBy";

/** Values of a fresh activation form. */
export const EMPTY_ACTIVATION: Record<ActivateField, string> = {
  kgdNumber: "",
  serialNumber: "",
  modelId: "",
  internalName: "",
  pointOfSaleId: "",
  posTitle: "",
  posCity: "",
  posAddress: "",
  timeZone: "Asia/Almaty",
  deviceType: "pos-system",
  connectionMethod: "wired",
  operatingSystem: "",
  filedBy: "organisation",
};

/** Client-side checks of the activation form; the API checks again. */
export function checkActivation(
  values: Record<ActivateField, string>,
): Partial<Record<ActivateField, TextKey | null>> {
  const required = (value: string): TextKey | null =>
    value.trim() === "" ? "errorRequired" : null;
  const creating = values.pointOfSaleId === NEW_POINT_OF_SALE;

  return {
    kgdNumber: /^\d{12}$/.test(values.kgdNumber.trim())
      ? null
      : "kkmErrorKgdNumber",
    serialNumber: required(values.serialNumber),
    modelId: required(values.modelId),
    internalName: required(values.internalName),
    pointOfSaleId: required(values.pointOfSaleId),
    posTitle: creating ? required(values.posTitle) : null,
    posCity: creating ? required(values.posCity) : null,
    posAddress: creating ? required(values.posAddress) : null,
    timeZone: required(values.timeZone),
    deviceType: required(values.deviceType),
    connectionMethod: required(values.connectionMethod),
    operatingSystem: required(values.operatingSystem),
    filedBy: required(values.filedBy),
  };
}

/** Builds the API body from the form values. */
export function activationInput(
  values: Record<ActivateField, string>,
): ActivateKkmInput {
  const creating = values.pointOfSaleId === NEW_POINT_OF_SALE;
  return {
    kgdNumber: values.kgdNumber.trim(),
    serialNumber: values.serialNumber.trim(),
    modelId: values.modelId,
    internalName: values.internalName.trim(),
    ...(creating
      ? {
          newPointOfSale: {
            title: values.posTitle.trim(),
            city: values.posCity.trim(),
            address: values.posAddress.trim(),
          },
        }
      : { pointOfSaleId: values.pointOfSaleId }),
    timeZone: values.timeZone,
    deviceType: values.deviceType as DeviceType,
    connectionMethod: values.connectionMethod as ConnectionMethod,
    operatingSystem: values.operatingSystem.trim(),
    filedBy: values.filedBy as FiledBy,
  };
}

/** Creates the activation page's model. */
export function createActivateModel() {
  const form = createForm(EMPTY_ACTIVATION, checkActivation);
  const models = createResource(fetchModels);
  const pointsOfSale = createResource(fetchPointsOfSale);
  const activated = signal<ActivatedKkm | null>(null);

  /** Loads the choices of the form. */
  async function load(): Promise<void> {
    await Promise.all([models.load(), pointsOfSale.load()]);
    // A new organisation has no point of sale yet, so it starts creating one.
    if ((pointsOfSale.data.value ?? []).length === 0) {
      form.set("pointOfSaleId", NEW_POINT_OF_SALE);
    }
  }

  /** Sends the form; on success the page switches to the token screen. */
  function submit(): Promise<boolean> {
    return form.submit(async (values) => {
      activated.value = await activateKkm(activationInput(values));
    });
  }

  /** Clears the form for the next KKM and forgets the shown token. */
  function startOver(): void {
    activated.value = null;
    form.reset(EMPTY_ACTIVATION);
    void load();
  }

  return { form, models, pointsOfSale, activated, load, submit, startOver };
}
