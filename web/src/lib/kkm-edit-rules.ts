/**
 * Client-side rules of the KKM edit form: its starting values, the checks
 * that mirror PUT /api/kkms/:id, and the body of only the changed fields.
 */
import type { TextKey } from "../i18n/ru";

/** The KKM fields the edit form starts from. */
export interface EditableKkm {
  internalName: string;
  pointOfSaleId: string;
  kgdNumber: string;
  timeZone: string;
  modelId: string | null;
  connectionMethod: "wired" | "wireless" | null;
  operatingSystem: string | null;
  filedBy: "organisation" | "cto" | null;
}

/** Fields of the KKM edit form. Absent ones stay as they are. */
export interface UpdateKkmInput {
  internalName?: string;
  pointOfSaleId?: string;
  kgdNumber?: string;
  modelId?: string;
  timeZone?: string;
  connectionMethod?: "wired" | "wireless";
  operatingSystem?: string;
  filedBy?: "organisation" | "cto";
}

/** Fields of the edit form. */
export type EditField =
  | "internalName"
  | "pointOfSaleId"
  | "kgdNumber"
  | "timeZone"
  | "modelId"
  | "connectionMethod"
  | "operatingSystem"
  | "filedBy";

/** Maximum length of the internal name and operating system, in characters. */
export const MAX_KKM_TEXT_LENGTH = 100;

const PROFILE_FIELDS = [
  "modelId",
  "connectionMethod",
  "operatingSystem",
  "filedBy",
] as const;

/** Returns the form's starting values: the KKM as it is now. */
export function editValues(kkm: EditableKkm): Record<EditField, string> {
  return {
    internalName: kkm.internalName,
    pointOfSaleId: kkm.pointOfSaleId,
    kgdNumber: kkm.kgdNumber,
    timeZone: kkm.timeZone,
    modelId: kkm.modelId ?? "",
    connectionMethod: kkm.connectionMethod ?? "",
    operatingSystem: kkm.operatingSystem ?? "",
    filedBy: kkm.filedBy ?? "",
  };
}

/**
 * True when the KKM was registered without the activation form, so the API
 * takes model, connection method, operating system and filer only together.
 */
export function lacksProfile(initial: Record<EditField, string>): boolean {
  return PROFILE_FIELDS.some((field) => initial[field] === "");
}

/** Client-side checks of the edit form against its starting values. */
export function checkEdit(
  values: Record<EditField, string>,
  initial: Record<EditField, string>,
): Partial<Record<EditField, TextKey | null>> {
  const required = (value: string): TextKey | null =>
    value.trim() === "" ? "errorRequired" : null;
  const text = (value: string, tooLong: TextKey): TextKey | null =>
    required(value) ??
    (value.trim().length > MAX_KKM_TEXT_LENGTH ? tooLong : null);
  const profileTouched = PROFILE_FIELDS.some(
    (field) => values[field] !== initial[field],
  );
  const profileNeeded = !lacksProfile(initial) || profileTouched;
  const profile = (value: string, tooLong?: TextKey): TextKey | null => {
    if (!profileNeeded) return null;
    return tooLong ? text(value, tooLong) : required(value);
  };

  return {
    internalName: text(values.internalName, "kkmErrorInternalNameLength"),
    pointOfSaleId: required(values.pointOfSaleId),
    kgdNumber: /^\d{12}$/.test(values.kgdNumber.trim())
      ? null
      : "kkmErrorKgdNumber",
    timeZone: required(values.timeZone),
    modelId: profile(values.modelId),
    connectionMethod: profile(values.connectionMethod),
    operatingSystem: profile(
      values.operatingSystem,
      "kkmErrorOperatingSystemLength",
    ),
    filedBy: profile(values.filedBy),
  };
}

/** Builds the API body from the fields that differ from the starting values. */
export function kkmChanges(
  values: Record<EditField, string>,
  initial: Record<EditField, string>,
): UpdateKkmInput {
  const changes: UpdateKkmInput = {};
  const changed = (field: EditField) =>
    values[field].trim() !== initial[field].trim();

  if (changed("internalName")) {
    changes.internalName = values.internalName.trim();
  }
  if (changed("pointOfSaleId")) changes.pointOfSaleId = values.pointOfSaleId;
  if (changed("kgdNumber")) changes.kgdNumber = values.kgdNumber.trim();
  if (changed("timeZone")) changes.timeZone = values.timeZone;
  if (changed("modelId")) changes.modelId = values.modelId;
  if (changed("connectionMethod")) {
    changes.connectionMethod =
      values.connectionMethod as UpdateKkmInput["connectionMethod"];
  }
  if (changed("operatingSystem")) {
    changes.operatingSystem = values.operatingSystem.trim();
  }
  if (changed("filedBy"))
    changes.filedBy = values.filedBy as UpdateKkmInput["filedBy"];
  return changes;
}
